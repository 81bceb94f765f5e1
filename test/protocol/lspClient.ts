/**
 * A minimal LSP client for protocol tests: spawns the bundled server over stdio and
 * speaks JSON-RPC with vscode-jsonrpc's real framing.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export interface TestServer {
  conn: MessageConnection;
  proc: ChildProcessWithoutNullStreams;
  diagnostics: Map<string, unknown[]>;
  notifications: Array<{ method: string; params: unknown }>;
  /** Resolve when a predicate over received diagnostics holds (bounded wait, no sleeps). */
  waitFor<T>(probe: () => T | undefined, what: string, ms?: number): Promise<T>;
  stop(): Promise<number | null>;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

export async function startServer(opts: { rootPath?: string; capabilities?: object; settings?: object } = {}): Promise<TestServer> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const diagnostics = new Map<string, unknown[]>();
  const notifications: Array<{ method: string; params: unknown }> = [];
  let wake: (() => void) | undefined;
  conn.onNotification((method: string, params: unknown) => {
    notifications.push({ method, params });
    if (method === 'textDocument/publishDiagnostics') {
      const p = params as { uri: string; diagnostics: unknown[] };
      diagnostics.set(p.uri, p.diagnostics);
    }
    wake?.();
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => opts.settings ?? null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: opts.rootPath ? fileUri(opts.rootPath) : null,
    workspaceFolders: opts.rootPath ? [{ uri: fileUri(opts.rootPath), name: 'corpus' }] : null,
    capabilities: opts.capabilities ?? { workspace: { configuration: true }, window: { workDoneProgress: true } },
  });
  await conn.sendNotification('initialized', {});
  const waitFor = <T>(probe: () => T | undefined, what: string, ms = 10000) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
      const check = () => {
        const v = probe();
        if (v !== undefined) {
          clearTimeout(timer);
          wake = undefined;
          resolve(v);
        } else wake = check;
      };
      check();
    });
  const stop = async () => {
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    const code = await new Promise<number | null>((r) => (proc.exitCode !== null ? r(proc.exitCode) : proc.on('exit', (c) => r(c))));
    conn.dispose();
    return code;
  };
  return { conn, proc, diagnostics, notifications, waitFor, stop };
}
