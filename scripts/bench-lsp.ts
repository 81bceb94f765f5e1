/**
 * Benchmark of the language server on a synthetic corpus (not a test; numbers for the
 * README's "Server" performance notes): cold index time and peak RSS, latency of hover,
 * highlight, semantic tokens, document symbols, references and workspace symbols (after
 * the index and while it runs), diagnostics after a one-character edit in a 100 KB
 * article, and a warm start from the persistent cache. Usage:
 *   node --import tsx scripts/bench-lsp.ts [ARTICLES=10000] [DIR=/tmp/vn-bench-corpus] [--storage DIR] [--warm-only] [--json FILE]
 * `--storage` keeps the cache between runs (default: a fresh temporary folder, removed at
 * the end); `--warm-only` skips the cold index and measures a server started on that cache.
 * Articles are built from samples/corpus by shuffling paragraphs and varying numbers, so
 * sizes and entity densities are realistic (~8 KB each), with a fixed seed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, startServer, type TestServer } from '../test/protocol/lspClient';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const WARM_ONLY = args.includes('--warm-only');
if (WARM_ONLY) args.splice(args.indexOf('--warm-only'), 1);
const STORAGE = flag('--storage');
const JSON_OUT = flag('--json');
const N = Number(args[0] ?? 10000);
const DIR = args[1] ?? '/tmp/vn-bench-corpus';
const SAMPLES = path.resolve(__dirname, '../samples/corpus');
const BIG = path.join(DIR, 'big', 'big-100k.txt');

function paragraphs(): string[] {
  return fs
    .readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => fs.readFileSync(path.join(SAMPLES, f), 'utf8').split(/\n\s*\n/));
}

function build(): void {
  const paras = paragraphs();
  let seed = 1;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const article = (i: number, bytes: number) => {
    const picked: string[] = [];
    let size = 0;
    while (size < bytes) {
      const p = paras[Math.floor(rnd() * paras.length)].replace(/\d+/g, (d) => String((Number(d) + i) % 31 || 1));
      picked.push(p);
      size += Buffer.byteLength(p);
    }
    return picked.join('\n\n') + '\n';
  };
  if (!fs.existsSync(path.join(DIR, String((N - 1) % 100), `${N - 1}.txt`))) {
    fs.mkdirSync(DIR, { recursive: true });
    for (let i = 0; i < N; i++) {
      fs.mkdirSync(path.join(DIR, String(i % 100)), { recursive: true });
      fs.writeFileSync(path.join(DIR, String(i % 100), `${i}.txt`), article(i, 8000));
    }
  }
  if (!fs.existsSync(BIG)) {
    fs.mkdirSync(path.dirname(BIG), { recursive: true });
    fs.writeFileSync(BIG, article(N, 100_000));
  }
}

function rssMb(pid: number): { rss: number; peak: number } {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number((s.match(new RegExp(`${k}:\\s+(\\d+)`)) ?? [])[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

interface Timing {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

async function time<T>(n: number, f: (i: number) => Promise<T>): Promise<Timing & { last: T }> {
  const ms: number[] = [];
  let last!: T;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    last = await f(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => +ms[Math.min(n - 1, Math.floor(n * q))].toFixed(2);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: +ms[n - 1].toFixed(2), last };
}

const strip = ({ p50, p95, p99, max }: Timing): Timing => ({ p50, p95, p99, max });

function logsOf(s: TestServer): string[] {
  return s.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
}

/** A position on a frequent official/organization in the article (the references target). */
function target(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const re = /UBND|HĐND|MTTQ|Nghị quyết số/;
  const line = Math.max(0, lines.findIndex((l) => re.test(l)));
  return { line, character: Math.max(0, lines[line].search(re)) + 1 };
}

async function open(s: TestServer, file: string): Promise<{ uri: string; text: string }> {
  const text = fs.readFileSync(file, 'utf8');
  const uri = fileUri(file);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'vn-article', version: 1, text } });
  return { uri, text };
}

/** Requests against an indexed corpus. */
async function latencies(s: TestServer, uri: string, text: string): Promise<Record<string, unknown>> {
  const position = target(text);
  const doc = { textDocument: { uri } };
  const hover = await time(200, () => s.conn.sendRequest('textDocument/hover', { ...doc, position }));
  const hl = await time(200, () => s.conn.sendRequest('textDocument/documentHighlight', { ...doc, position }));
  const tokens = await time(200, () => s.conn.sendRequest('textDocument/semanticTokens/full', doc));
  const symbols = await time(200, () => s.conn.sendRequest('textDocument/documentSymbol', doc));
  const refs = await time(100, () => s.conn.sendRequest('textDocument/references', { ...doc, position, context: { includeDeclaration: true } }));
  const ws = await time(100, () => s.conn.sendRequest('workspace/symbol', { query: 'nghi quyet' }));
  return {
    hoverMs: strip(hover),
    highlightMs: strip(hl),
    semanticTokensMs: strip(tokens),
    documentSymbolMs: strip(symbols),
    referencesMs: { ...strip(refs), locations: (refs.last as unknown[]).length },
    workspaceSymbolMs: strip(ws),
  };
}

/** One-character edits in the 100 KB article: time from didChange to its published diagnostics. */
async function editDiagnostics(s: TestServer): Promise<Timing> {
  const { uri, text } = await open(s, BIG);
  const versionOf = (v: number) => () =>
    s.notifications.find((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string; version?: number }).uri === uri && (n.params as { version?: number }).version === v);
  await s.waitFor(versionOf(1), 'first diagnostics of the big article', 120000);
  const line = Math.floor(text.split('\n').length / 2);
  return strip(
    await time(30, async (i) => {
      const version = i + 2;
      const ch = i % 2 === 0 ? 'x' : '';
      const range = i % 2 === 0 ? { start: { line, character: 0 }, end: { line, character: 0 } } : { start: { line, character: 0 }, end: { line, character: 1 } };
      await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: ch }] });
      await s.waitFor(versionOf(version), `diagnostics v${version}`, 60000);
    }),
  );
}

async function cold(storage: string): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const s = await startServer({ rootPath: DIR, initializationOptions: { storagePath: storage } });
  const { uri, text } = await open(s, path.join(DIR, '0', '0.txt'));
  // Responsiveness while indexing: hover round trips on an open article, spread over the scan.
  const position = target(text);
  const indexed = () => logsOf(s).find((m) => m.startsWith('indexed '));
  const ms: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    ms.push(performance.now() - t);
    await new Promise((res) => setTimeout(res, indexed() ? 0 : 50)); // spread over the scan; not timed
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => +ms[Math.min(ms.length - 1, Math.floor(ms.length * q))].toFixed(2);
  const during: Timing = { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: +ms[ms.length - 1].toFixed(2) };
  const done = await s.waitFor(indexed, 'index', 1_800_000);
  const coldMs = performance.now() - t0;
  const mem = rssMb(s.proc.pid!);
  const lat = await latencies(s, uri, text);
  const diag = await editDiagnostics(s);
  const after = rssMb(s.proc.pid!);
  await s.stop();
  return { server: done, coldIndexMs: Math.round(coldMs), rssMbAfterIndex: mem, rssMbAtEnd: after, hoverWhileIndexingMs: strip(during), ...lat, diagnosticsAfterEditMs: diag };
}

async function warm(storage: string): Promise<Record<string, unknown>> {
  const t1 = performance.now();
  const s = await startServer({ rootPath: DIR, initializationOptions: { storagePath: storage } });
  const done = await s.waitFor(() => logsOf(s).find((m) => m.startsWith('indexed ')), 'warm index', 1_800_000);
  const warmMs = Math.round(performance.now() - t1);
  const mem = rssMb(s.proc.pid!);
  const { uri, text } = await open(s, path.join(DIR, '0', '0.txt'));
  const lat = WARM_ONLY ? await latencies(s, uri, text) : {};
  const diag = WARM_ONLY ? { diagnosticsAfterEditMs: await editDiagnostics(s) } : {};
  const end = rssMb(s.proc.pid!);
  await s.stop();
  return { warmIndexMs: warmMs, server: done, rssMbAfterWarmIndex: mem, rssMbAtEnd: end, ...lat, ...diag };
}

(async () => {
  build();
  const storage = STORAGE ?? fs.mkdtempSync('/tmp/vn-bench-storage-');
  fs.mkdirSync(storage, { recursive: true });
  const out: Record<string, unknown> = { articles: N };
  if (!WARM_ONLY) {
    out.cold = await cold(storage);
    console.log(JSON.stringify(out.cold, null, 1));
  }
  out.warm = await warm(storage);
  console.log(JSON.stringify(out.warm, null, 1));
  if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify(out, null, 1) + '\n');
  if (!STORAGE) fs.rmSync(storage, { recursive: true, force: true });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
