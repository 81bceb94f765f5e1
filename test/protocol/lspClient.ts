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
  /** Requests the server sent to the client (registrations, refreshes, progress creation…). */
  requests: Array<{ method: string; params: unknown }>;
  /** The server's answer to initialize (capabilities, position encoding). */
  initResult: { capabilities: Record<string, unknown> };
  /** Settings answered to workspace/configuration from now on (send didChangeConfiguration to apply). */
  setSettings(settings: object | null): void;
  /** Resolve when a predicate over received diagnostics holds (bounded wait, no sleeps). */
  waitFor<T>(probe: () => T | undefined, what: string, ms?: number): Promise<T>;
  stop(): Promise<number | null>;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

export async function startServer(
  opts: { rootPath?: string; capabilities?: object; settings?: object; initializationOptions?: object } = {},
): Promise<TestServer> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const diagnostics = new Map<string, unknown[]>();
  const notifications: Array<{ method: string; params: unknown }> = [];
  const requests: Array<{ method: string; params: unknown }> = [];
  let settings: object | null = opts.settings ?? null;
  let wake: (() => void) | undefined;
  conn.onNotification((method: string, params: unknown) => {
    notifications.push({ method, params });
    if (method === 'textDocument/publishDiagnostics') {
      const p = params as { uri: string; diagnostics: unknown[] };
      diagnostics.set(p.uri, p.diagnostics);
    }
    wake?.();
  });
  // vscode-jsonrpc routes $/progress by token, not to the catch-all handler.
  conn.onUnhandledProgress((p) => {
    notifications.push({ method: '$/progress', params: p });
    wake?.();
  });
  const record = (method: string, answer: (p: unknown) => unknown) =>
    conn.onRequest(method, (params: unknown) => {
      requests.push({ method, params });
      const result = answer(params);
      wake?.();
      return result;
    });
  record('workspace/configuration', (p) => (p as { items: unknown[] }).items.map(() => settings));
  for (const m of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'window/showMessageRequest']) record(m, () => null);
  for (const m of ['workspace/diagnostic/refresh', 'workspace/semanticTokens/refresh', 'workspace/inlayHint/refresh']) record(m, () => null);
  conn.listen();
  const initResult = (await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: opts.rootPath ? fileUri(opts.rootPath) : null,
    workspaceFolders: opts.rootPath ? [{ uri: fileUri(opts.rootPath), name: 'corpus' }] : null,
    capabilities: opts.capabilities ?? { workspace: { configuration: true }, window: { workDoneProgress: true } },
    initializationOptions: opts.initializationOptions,
  })) as TestServer['initResult'];
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
  const setSettings = (s: object | null) => {
    settings = s;
  };
  return { conn, proc, diagnostics, notifications, requests, initResult, setSettings, waitFor, stop };
}
