/**
 * Rough benchmark of the language server on a synthetic corpus (not a test; numbers for
 * the report): cold index time, server RSS, and latency of hover, highlight, semantic
 * tokens, references and workspace symbols. Usage:
 *   node --import tsx scripts/bench-lsp.ts [ARTICLES=10000] [DIR=/tmp/vn-bench-corpus]
 * Articles are built from samples/corpus by shuffling paragraphs and varying numbers, so
 * sizes and entity densities are realistic (~8 KB each).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, startServer } from '../test/protocol/lspClient';

const N = Number(process.argv[2] ?? 10000);
const DIR = process.argv[3] ?? '/tmp/vn-bench-corpus';
const SAMPLES = path.resolve(__dirname, '../samples/corpus');

function build(): void {
  if (fs.existsSync(path.join(DIR, `${N - 1}.txt`))) return;
  fs.mkdirSync(DIR, { recursive: true });
  const paras = fs
    .readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => fs.readFileSync(path.join(SAMPLES, f), 'utf8').split(/\n\s*\n/));
  let seed = 1;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < N; i++) {
    const picked: string[] = [];
    let size = 0;
    while (size < 8000) {
      const p = paras[Math.floor(rnd() * paras.length)].replace(/\d+/g, (d) => String((Number(d) + i) % 31 || 1));
      picked.push(p);
      size += Buffer.byteLength(p);
    }
    fs.mkdirSync(path.join(DIR, String(i % 100)), { recursive: true });
    fs.writeFileSync(path.join(DIR, String(i % 100), `${i}.txt`), picked.join('\n\n') + '\n');
  }
}

function rssMb(pid: number): { rss: number; peak: number } {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number((s.match(new RegExp(`${k}:\\s+(\\d+)`)) ?? [])[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

async function time<T>(n: number, f: () => Promise<T>): Promise<{ p50: number; p99: number; last: T }> {
  const ms: number[] = [];
  let last!: T;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    last = await f();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: +ms[Math.floor(n / 2)].toFixed(2), p99: +ms[Math.min(n - 1, Math.floor(n * 0.99))].toFixed(2), last };
}

(async () => {
  build();
  const storage = fs.mkdtempSync('/tmp/vn-bench-storage-');
  const t0 = performance.now();
  const s = await startServer({ rootPath: DIR, initializationOptions: { storagePath: storage } });
  const logs = () => s.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
  // Responsiveness while indexing: a hover round trip on an open article.
  const file = path.join(DIR, '0', '0.txt');
  const text = fs.readFileSync(file, 'utf8');
  const uri = fileUri(file);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'vn-article', version: 1, text } });
  const lines = text.split('\n');
  const line = lines.findIndex((l) => /UBND|HĐND|MTTQ|Nghị quyết số/.test(l));
  const character = Math.max(0, lines[line].search(/UBND|HĐND|MTTQ|Nghị quyết số/)) + 1;
  const during = await time(20, () => s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }));
  const done = await s.waitFor(() => logs().find((m) => m.startsWith('indexed ')), 'index', 600000);
  const coldMs = performance.now() - t0;
  const mem = rssMb(s.proc.pid!);
  const hover = await time(200, () => s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }));
  const hl = await time(200, () => s.conn.sendRequest('textDocument/documentHighlight', { textDocument: { uri }, position: { line, character } }));
  const tokens = await time(200, () => s.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } }));
  const refs = await time(50, () => s.conn.sendRequest('textDocument/references', { textDocument: { uri }, position: { line, character }, context: { includeDeclaration: true } }));
  const ws = await time(50, () => s.conn.sendRequest('workspace/symbol', { query: 'nghi quyet' }));
  console.log(JSON.stringify({
    articles: N,
    server: done,
    coldIndexMs: Math.round(coldMs),
    rssMbAfterIndex: mem,
    hoverWhileIndexingMs: during,
    hoverMs: { p50: hover.p50, p99: hover.p99 },
    highlightMs: { p50: hl.p50, p99: hl.p99 },
    semanticTokensMs: { p50: tokens.p50, p99: tokens.p99 },
    referencesMs: { p50: refs.p50, p99: refs.p99, locations: (refs.last as unknown[]).length },
    workspaceSymbolMs: { p50: ws.p50, p99: ws.p99 },
  }, null, 1));
  await s.stop();
  const t1 = performance.now();
  const warm = await startServer({ rootPath: DIR, initializationOptions: { storagePath: storage } });
  const wlogs = () => warm.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
  const wdone = await warm.waitFor(() => wlogs().find((m) => m.startsWith('indexed ')), 'warm index', 600000);
  console.log(JSON.stringify({ warmIndexMs: Math.round(performance.now() - t1), server: wdone, rss: rssMb(warm.proc.pid!) }));
  await warm.stop();
  fs.rmSync(storage, { recursive: true, force: true });
})();
