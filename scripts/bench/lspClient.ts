/**
 * A small LSP client for the benchmark: spawns `node dist/server.js --stdio`, speaks
 * JSON-RPC with vscode-jsonrpc, follows `$/progress`, collects pushed diagnostics, and
 * reads the server's memory from /proc. Unlike the protocol-test helper it keeps no
 * unbounded logs and lets the caller time `initialize` itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const SERVER_JS = path.resolve(__dirname, '../../dist/server.js');

export const fileUri = (p: string) => pathToFileURL(p).href;

export interface ProgressRecord {
  token: string | number;
  title?: string;
  begin?: number;
  end?: number;
  reports: number;
  lastMessage?: string;
}

interface Position { line: number; character: number }

/** What a VS Code 1.9x client announces, so the server enables what it would in the editor. */
export const CLIENT_CAPABILITIES = {
  general: { positionEncodings: ['utf-16'] },
  window: { workDoneProgress: true, showMessage: {} },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    symbol: { dynamicRegistration: true, resolveSupport: { properties: ['location.range'] } },
    executeCommand: { dynamicRegistration: true },
    semanticTokens: { refreshSupport: true },
    codeLens: { refreshSupport: true },
    inlayHint: { refreshSupport: true },
    diagnostics: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true, willSave: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    documentHighlight: {},
    references: {},
    definition: { linkSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } }, resolveSupport: { properties: ['edit'] } },
    publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
    semanticTokens: {
      dynamicRegistration: true,
      requests: { full: { delta: true }, range: true },
      formats: ['relative'],
      tokenTypes: ['namespace', 'type', 'class', 'enum', 'interface', 'struct', 'typeParameter', 'parameter', 'variable', 'property', 'enumMember', 'event', 'function', 'method', 'macro', 'keyword', 'modifier', 'comment', 'string', 'number', 'regexp', 'operator', 'decorator'],
      tokenModifiers: ['declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification', 'documentation', 'defaultLibrary'],
      multilineTokenSupport: false,
      overlappingTokenSupport: false,
    },
  },
};

export interface StartOptions {
  root: string;
  /** Extra environment (e.g. a fresh cache folder). */
  env?: Record<string, string>;
  initializationOptions?: unknown;
  settings?: unknown;
  /** Extra node flags (e.g. --cpu-prof). */
  nodeArgs?: string[];
}

export class BenchServer {
  readonly progress = new Map<string | number, ProgressRecord>();
  readonly registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  capabilities: Record<string, unknown> = {};
  /** Last published diagnostics per URI with their version. */
  private readonly diagWaiters = new Map<string, Array<(p: { version?: number; diagnostics: unknown[] }) => void>>();
  private readonly progressListeners = new Set<() => void>();
  private readonly logTail: string[] = [];
  exited = false;

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: MessageConnection,
    readonly t0: number,
  ) {}

  get pid(): number {
    return this.proc.pid!;
  }

  static spawn(opts: StartOptions): BenchServer {
    const t0 = performance.now();
    const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const s = new BenchServer(proc, conn, t0);
    proc.stderr!.on('data', (d: Buffer) => s.log(d.toString()));
    proc.on('exit', () => (s.exited = true));
    s.wire(opts);
    conn.listen();
    return s;
  }

  private wire(opts: StartOptions): void {
    this.conn.onNotification('$/progress', (p: { token: string | number; value: { kind: string; title?: string; message?: string } }) => this.onProgress(p));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
      const waiters = this.diagWaiters.get(p.uri) ?? [];
      this.diagWaiters.delete(p.uri);
      for (const w of waiters) w(p);
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => this.log(p.message));
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => opts.settings ?? null));
    this.conn.onRequest('client/registerCapability', (p: { registrations: Array<{ method: string; registerOptions?: unknown }> }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.conn.onRequest('workspace/applyEdit', () => ({ applied: true }));
    this.conn.onRequest('workspace/workspaceFolders', () => [{ uri: fileUri(opts.root), name: path.basename(opts.root) }]);
    // Refresh requests, progress creation, showMessageRequest…: acknowledge.
    this.conn.onRequest((_method: string) => null);
    this.conn.onNotification(() => undefined);
  }

  private onProgress(p: { token: string | number; value: { kind: string; title?: string; message?: string } }): void {
    const rec = this.progress.get(p.token) ?? { token: p.token, reports: 0 };
    const now = performance.now();
    if (p.value.kind === 'begin') Object.assign(rec, { title: p.value.title, begin: now });
    else if (p.value.kind === 'report') rec.reports++;
    else if (p.value.kind === 'end') rec.end = now;
    if (p.value.message) rec.lastMessage = p.value.message;
    this.progress.set(p.token, rec);
    for (const l of [...this.progressListeners]) l();
  }

  private log(s: string): void {
    this.logTail.push(s.trimEnd());
    if (this.logTail.length > 200) this.logTail.shift();
  }

  recentLog(n = 20): string[] {
    return this.logTail.slice(-n);
  }

  async initialize(root: string, initializationOptions?: unknown): Promise<void> {
    const result = (await this.conn.sendRequest('initialize', {
      processId: process.pid,
      clientInfo: { name: 'vn-corpus-bench' },
      rootUri: fileUri(root),
      workspaceFolders: [{ uri: fileUri(root), name: path.basename(root) }],
      capabilities: CLIENT_CAPABILITIES,
      initializationOptions,
      workDoneToken: 'bench-initialize',
    })) as { capabilities: Record<string, unknown> };
    this.capabilities = result.capabilities ?? {};
    await this.conn.sendNotification('initialized', {});
  }

  /** The first work-done progress whose title or message matches, once it has ended (times are recorded on arrival). */
  waitProgressEnd(match: RegExp, beginWithinMs: number, endWithinMs: number): Promise<ProgressRecord | undefined> {
    const started = performance.now();
    return new Promise((resolve) => {
      const check = () => {
        const rec = this.findProgress(match);
        const waited = performance.now() - started;
        if (rec?.end !== undefined) done(rec);
        else if (this.exited || (!rec && waited > beginWithinMs) || waited > endWithinMs) done(undefined);
      };
      const tick = setInterval(check, 250);
      const done = (r: ProgressRecord | undefined) => {
        clearInterval(tick);
        this.progressListeners.delete(check);
        resolve(r);
      };
      this.progressListeners.add(check);
      check();
    });
  }

  findProgress(match: RegExp): ProgressRecord | undefined {
    return [...this.progress.values()].find((r) => r.begin !== undefined && match.test(`${r.title ?? ''} ${r.lastMessage ?? ''}`));
  }

  /** The next diagnostics published for `uri` (optionally of a given version), or undefined after `ms`. */
  nextDiagnostics(uri: string, version: number | undefined, ms: number): Promise<{ version?: number; diagnostics: unknown[] } | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), ms);
      const waiter = (p: { version?: number; diagnostics: unknown[] }) => {
        if (version !== undefined && p.version !== undefined && p.version < version) {
          const list = this.diagWaiters.get(uri) ?? [];
          list.push(waiter);
          this.diagWaiters.set(uri, list);
          return;
        }
        clearTimeout(timer);
        resolve(p);
      };
      const list = this.diagWaiters.get(uri) ?? [];
      list.push(waiter);
      this.diagWaiters.set(uri, list);
    });
  }

  async open(file: string, text: string): Promise<string> {
    const uri = fileUri(file);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'vn-article', version: 1, text } });
    return uri;
  }

  async change(uri: string, version: number, at: Position, remove: number, insert: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + remove } }, text: insert }],
    });
  }

  /** Time one request in ms; the result is passed to `keep`. */
  async timed<T>(method: string, params: unknown, keep?: (r: T) => void): Promise<number> {
    const t0 = performance.now();
    const r = (await this.conn.sendRequest(method, params)) as T;
    const ms = performance.now() - t0;
    keep?.(r);
    return ms;
  }

  has(capability: string): boolean {
    return !!this.capabilities[capability] || this.registrations.some((r) => r.method.endsWith(capability.replace(/Provider$/, '')));
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((r) => this.proc.once('exit', () => r()));
    const kill = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      await this.conn.sendNotification('exit');
    } catch {
      this.proc.kill('SIGKILL');
    }
    await exited;
    clearTimeout(kill);
    this.conn.dispose();
  }
}

/** VmHWM / VmRSS of a process in MB (Linux /proc), or undefined elsewhere. */
export function memoryMB(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(status.match(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system, all threads) a process has used so far (Linux /proc). */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the command name; clock ticks of 1/100 s on Linux.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** LSP positions (UTF-16) from string offsets, with a line-start table; \r\n, \n and \r end lines. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (c === 10 || c === 13) this.starts.push(i + 1);
    }
  }

  position(offset: number): Position {
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
}
