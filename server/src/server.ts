/**
 * The language server entry: wires the pure analysis core to LSP. Runnable on its own as
 * `node dist/server.js --stdio`, so any LSP client (VS Code, Neovim, …) can start it.
 */
import {
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  Hover,
  MarkupKind,
  ProposedFeatures,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import picomatch from 'picomatch';
import { analyze } from './core/analyzer';
import type { Analysis } from './core/types';
import { PositionMapper, type PositionEncoding } from './positions';
import { runSafe } from './runner';
import { DEFAULT_SETTINGS, DIAGNOSTIC_SOURCE, SETTINGS_SECTION, type CorpusSettings } from './protocol';

const connection = createConnection(ProposedFeatures.all);
const log = (m: string) => connection.console.log(m);
console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${(e as Error)?.stack ?? e}`));

const documents = new TextDocuments(TextDocument);
let encoding: PositionEncoding = 'utf-16';
let settings: CorpusSettings = DEFAULT_SETTINGS;
let workspaceRoots: string[] = [];
let configurationSupport = false;

interface Analysed {
  version: number;
  analysis: Analysis;
  positions: PositionMapper;
}
const cache = new Map<string, Analysed>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const offered = params.capabilities.general?.positionEncodings ?? [];
  encoding = offered.includes('utf-32') ? 'utf-32' : 'utf-16';
  configurationSupport = !!params.capabilities.workspace?.configuration;
  workspaceRoots = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
  if (workspaceRoots.length === 0 && params.rootUri) workspaceRoots = [URI.parse(params.rootUri).fsPath];
  return {
    capabilities: {
      positionEncoding: encoding,
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      documentSymbolProvider: true,
    },
    serverInfo: { name: 'vn-corpus-server', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (configurationSupport) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    await refreshSettings();
  }
});

connection.onDidChangeConfiguration(async () => {
  await refreshSettings();
  for (const doc of documents.all()) publish(doc);
});

async function refreshSettings(): Promise<void> {
  if (!configurationSupport) return;
  const s = (await connection.workspace.getConfiguration(SETTINGS_SECTION)) as Partial<CorpusSettings> | null;
  settings = { ...DEFAULT_SETTINGS, ...(s ?? {}) };
}

/** Is this document a corpus article under the `files` globs? */
function isArticle(uri: string): boolean {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== 'file' && parsed.scheme !== 'untitled') return false;
  const file = parsed.fsPath.replace(/\\/g, '/');
  const match = picomatch(settings.files, { dot: false });
  for (const root of workspaceRoots) {
    const rel = file.startsWith(root.replace(/\\/g, '/') + '/') ? file.slice(root.length + 1) : null;
    if (rel !== null && match(rel)) return true;
  }
  return match(file) || match(file.split('/').pop() ?? '');
}

function analysed(doc: TextDocument): Analysed {
  const hit = cache.get(doc.uri);
  if (hit && hit.version === doc.version) return hit;
  const text = doc.getText();
  const entry = { version: doc.version, analysis: analyze(text), positions: new PositionMapper(text, encoding) };
  cache.set(doc.uri, entry);
  return entry;
}

function publish(doc: TextDocument): void {
  if (!isArticle(doc.uri)) {
    void connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    return;
  }
  const { analysis, positions } = analysed(doc);
  const diagnostics: Diagnostic[] = analysis.boilerplate.map((b) => ({
    range: positions.range(b.start, b.end),
    severity: DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: b.category,
    message: `Boilerplate (${b.category}): not part of the article`,
  }));
  void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
}

documents.onDidChangeContent((e) => publish(e.document));
documents.onDidClose((e) => {
  cache.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onHover((params, token) =>
  runSafe<Hover | null>(log, 'hover', null, token, () => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !isArticle(doc.uri)) return null;
    const { analysis, positions } = analysed(doc);
    const at = positions.offset(params.position);
    const hit = analysis.entities
      .filter((e) => e.start <= at && at < e.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    if (!hit) return null;
    const value = hit.value === undefined ? '' : `\n\n${typeof hit.value === 'string' ? hit.value : '`' + JSON.stringify(hit.value) + '`'}`;
    return {
      contents: { kind: MarkupKind.Markdown, value: `**${hit.label}** ${hit.text}${value}` },
      range: positions.range(hit.start, hit.end),
    };
  }),
);

connection.onDocumentSymbol((params, token) =>
  runSafe<DocumentSymbol[]>(log, 'documentSymbol', [], token, () => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !isArticle(doc.uri)) return [];
    const { analysis, positions } = analysed(doc);
    return analysis.metadata.map((m) => ({
      name: m.text.slice(0, 80) || m.kind,
      detail: m.kind,
      kind: SymbolKind.String,
      range: positions.range(m.start, m.end),
      selectionRange: positions.range(m.start, m.end),
    }));
  }),
);

documents.listen(connection);
connection.listen();
