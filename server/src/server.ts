/**
 * The language server entry: wires the pure analysis core to LSP. Runnable on its own as
 * `node dist/server.js --stdio`, so any LSP client (VS Code, Neovim, …) can start it.
 * Each feature lives in features/ and registers itself on the shared session.
 */
import {
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
import { SETTINGS_SECTION } from './protocol';
import { runSafe } from './runner';
import { registerDiagnostics } from './features/diagnostics';
import { registerHover } from './features/hover';
import { registerSymbols } from './features/symbols';
import { registerAnnotations } from './features/annotations';

const connection = createConnection(ProposedFeatures.all);
console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${(e as Error)?.stack ?? e}`));

const session = new Session(connection, (m) => connection.console.log(m));

/** Every feature, in registration order; each adds its capability below. */
const FEATURES: Array<(s: Session) => void> = [registerDiagnostics, registerHover, registerSymbols, registerAnnotations];

const CAPABILITIES: ServerCapabilities = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  hoverProvider: true,
  documentSymbolProvider: true,
  codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite', 'source'] },
};

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const offered = params.capabilities.general?.positionEncodings ?? [];
  session.encoding = offered.includes('utf-32') ? 'utf-32' : 'utf-16';
  session.configurationSupport = !!params.capabilities.workspace?.configuration;
  session.workspaceRoots = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
  if (session.workspaceRoots.length === 0 && params.rootUri) session.workspaceRoots = [URI.parse(params.rootUri).fsPath];
  return {
    capabilities: { positionEncoding: session.encoding, ...CAPABILITIES, executeCommandProvider: { commands: [...session.commands.keys()] } },
    serverInfo: { name: 'vn-corpus-server', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (session.configurationSupport) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  }
  // Annotation files and articles changed on disk (another window, git, brat): registered from the server so every client sends them.
  void connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [{ globPattern: '**/*.ann' }, { globPattern: '**/*.vncorpus.json' }, { globPattern: '**/*.txt' }],
  });
  await session.refreshSettings();
});

connection.onDidChangeConfiguration(() => void session.refreshSettings());
// One LSP handler each, fanned out to the features that registered for them.
connection.onExecuteCommand((params, token) => {
  const handler = session.commands.get(params.command);
  return runSafe(session.log, params.command, null, token, () => (handler ? handler(params.arguments ?? []) : null));
});
connection.onDidChangeWatchedFiles((params) => session.onWatchedFiles.forEach((h) => h(params.changes)));

for (const register of FEATURES) register(session);
session.documents.listen(connection);
connection.listen();
