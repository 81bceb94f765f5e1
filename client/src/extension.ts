/**
 * The VS Code client: starts the language server and adds UI. It stays small — the
 * server owns every feature so that other LSP clients get them too.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { EXTENSION_NAME, LANGUAGE_ID, SETTINGS_SECTION, type InitializationOptions } from '../../server/src/protocol';
import { registerAnnotationUi } from './annotate';
import { registerExportCommand } from './exportCommand';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel(EXTENSION_NAME, { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    outputChannel: output,
    // Where the server keeps its index cache (per workspace; global storage without a folder).
    initializationOptions: { storagePath: (context.storageUri ?? context.globalStorageUri).fsPath } satisfies InitializationOptions,
    synchronize: {
      configurationSection: SETTINGS_SECTION,
    },
  };
  client = new LanguageClient('vnCorpus', EXTENSION_NAME, serverOptions, clientOptions);
  context.subscriptions.push(output, vscode.commands.registerCommand('vnCorpus.showOutput', () => output.show()));
  context.subscriptions.push(registerExportCommand(context));
  await client.start();
  context.subscriptions.push(adoptArticles());
  registerAnnotationUi(context, client);
}

/**
 * Give corpus articles our language (for the grammar and language-scoped settings) when
 * they match the `vnCorpus.files` globs; other plain-text files are left alone.
 */
function adoptArticles(): vscode.Disposable {
  const adopt = (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'plaintext' || doc.uri.scheme !== 'file') return;
    const globs = vscode.workspace.getConfiguration(SETTINGS_SECTION, doc.uri).get<string[]>('files', ['**/*.txt']);
    if (globs.some((g) => vscode.languages.match({ pattern: g, scheme: 'file' }, doc) > 0)) {
      void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    }
  };
  vscode.workspace.textDocuments.forEach(adopt);
  return vscode.workspace.onDidOpenTextDocument(adopt);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
