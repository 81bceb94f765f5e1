/**
 * The language server entry: wires the pure analysis core to LSP. Runnable on its own as
 * `node dist/server.js --stdio`, so any LSP client (VS Code, Neovim, …) can start it.
 * Each feature lives in features/ and registers itself on the shared session.
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { Session } from './session';
import { DIAGNOSTIC_SOURCE, MARK_CONTENT_COMMAND, SETTINGS_SECTION, type InitializationOptions } from './protocol';
import { runSafe } from './runner';
import { registerAnnotations } from './features/annotations';
import { registerRenameArticles, WILL_RENAME_FILES } from './features/renameArticles';
import { registerCodeActions } from './features/codeActions';
import { registerDefinition } from './features/definition';
import { registerDiagnostics } from './features/diagnostics';
import { registerHighlight } from './features/highlight';
import { registerHover } from './features/hover';
import { registerInlayHints } from './features/inlayHints';
import { registerReferences } from './features/references';
import { LEGEND, registerSemanticTokens } from './features/semanticTokens';
import { registerSymbols } from './features/symbols';
import { registerWorkspaceSymbols } from './features/workspaceSymbols';
import { WorkspaceIndexer } from './workspaceIndexer';

const connection = createConnection(ProposedFeatures.all);
console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${(e as Error)?.stack ?? e}`));

const session = new Session(connection, (m) => connection.console.log(m));

/** Every feature, in registration order; each adds its capability below. */
const FEATURES: Array<(s: Session) => void> = [
  registerDiagnostics,
  registerCodeActions,
  registerHover,
  registerSymbols,
  registerSemanticTokens,
  registerInlayHints,
  registerHighlight,
  registerDefinition,
  registerReferences,
  registerWorkspaceSymbols,
  registerAnnotations,
  registerRenameArticles,
];

const CAPABILITIES: ServerCapabilities = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  hoverProvider: true,
  documentSymbolProvider: { label: 'VN Corpus' },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.Source] },
  semanticTokensProvider: { legend: LEGEND, full: true, range: true },
  inlayHintProvider: true,
  documentHighlightProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  workspaceSymbolProvider: true,
  workspace: { workspaceFolders: { supported: true, changeNotifications: true }, fileOperations: { willRename: WILL_RENAME_FILES } },
};

for (const register of FEATURES) register(session);

// "This is content" is the annotation store's command; until a feature handles it, say so.
if (!session.commands.has(MARK_CONTENT_COMMAND)) {
  session.registerCommand(MARK_CONTENT_COMMAND, () => {
    void connection.window.showInformationMessage('VN Corpus: the annotation store is not available yet, so this decision was not recorded.');
    return null;
  });
}
connection.onExecuteCommand((params, token) => {
  const handler = session.commands.get(params.command);
  return runSafe(session.log, params.command, null, token, () => (handler ? handler(params.arguments ?? []) : null));
});

const indexer = new WorkspaceIndexer(session);

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const offered = params.capabilities.general?.positionEncodings ?? [];
  session.encoding = offered.includes('utf-32') ? 'utf-32' : 'utf-16';
  session.clientCapabilities = params.capabilities;
  session.configurationSupport = !!params.capabilities.workspace?.configuration;
  session.initOptions = (params.initializationOptions ?? {}) as InitializationOptions;
  setFolders((params.workspaceFolders ?? []).map((f) => f.uri));
  if (session.workspaceFolders.length === 0 && params.rootUri) setFolders([params.rootUri]);
  const pull = params.capabilities.textDocument?.diagnostic
    ? { diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false } }
    : {};
  return {
    capabilities: {
      positionEncoding: session.encoding,
      ...CAPABILITIES,
      ...pull,
      executeCommandProvider: { commands: [...session.commands.keys()] },
    },
    serverInfo: { name: 'vn-corpus-server', version: '0.1.0' },
  };
});

function setFolders(uris: string[]): void {
  session.workspaceFolders = uris.map((u) => u.replace(/\/$/, ''));
  session.workspaceRoots = session.workspaceFolders.map((u) => URI.parse(u).fsPath);
}

connection.onInitialized(async () => {
  if (session.configurationSupport && session.clientCapabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  }
  if (session.clientCapabilities.workspace?.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => f.uri.replace(/\/$/, '')));
      setFolders([...session.workspaceFolders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri)]);
      void session.refreshSettings();
    });
  }
  // Annotation files and articles changed on disk (another window, git, brat): registered from the server so every client sends them.
  void connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [{ globPattern: '**/*.ann' }, { globPattern: '**/*.vncorpus.json' }, { globPattern: '**/*.txt' }],
  });
  await session.refreshSettings();
  await indexer.start();
});

connection.onDidChangeConfiguration((params) => void session.refreshSettings(params.settings));
// One LSP handler, fanned out to the features that registered for it (the indexer, annotations).
connection.onDidChangeWatchedFiles((params) => session.onWatchedFiles.forEach((h) => h(params.changes)));
connection.onShutdown(() => indexer.dispose());

session.documents.listen(connection);
connection.listen();
