/**
 * Sections 2 and 3: the real server over stdio. Cold index of the corpus (`initialize` to
 * the end of the index's `$/progress`), peak memory, hovers answered while indexing, a
 * warm restart on the persistent cache, then request latencies over the indexed corpus.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BenchServer, cpuSeconds, LineIndex, memoryMB, type ProgressRecord } from './lspClient';
import { createRng } from './generateCorpus';
import { latencySummary, median, NOT_IMPLEMENTED, type Figure } from './report';

export interface ServerBenchInput {
  root: string;
  /** Regular article files (not the big ones). */
  articles: string[];
  article100k: string;
  annotations: { count: number; ann: string; pristine: string };
  frequentOfficial: { name: string; sampleFile: string };
  runs: number;
  /** Give up waiting for the index after this. */
  indexTimeoutMs: number;
  samples: number;
  /** Write a CPU profile of the server that serves the latency requests into this folder. */
  profileDir?: string;
}

/** Titles/messages that identify the workspace index's progress. */
const INDEX_PROGRESS = /index|analy|scan|corpus/i;

interface IndexRun {
  seconds?: number;
  /** CPU seconds of the server process (all threads) from spawn to the end of the index. */
  cpuSeconds?: number;
  hwmMB?: number;
  hoverDuringIndex: number[];
  progress?: ProgressRecord;
  note?: string;
}

/** Server start options: a fresh cache folder per cold run (whatever name the server reads). */
function startOptions(root: string, cacheDir: string, profileDir?: string) {
  return {
    root,
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    env: { XDG_CACHE_HOME: cacheDir, VN_CORPUS_CACHE_DIR: cacheDir },
    initializationOptions: { storagePath: cacheDir, globalStoragePath: cacheDir, cacheDir },
  };
}

/** Hover positions: starts of capitalised words (where entities are), in LSP coordinates. */
function probePositions(text: string, count: number, seed: string): Array<{ line: number; character: number }> {
  const idx = new LineIndex(text);
  const starts = [...text.matchAll(/(?<!\p{L})\p{Lu}\p{Ll}*/gu)].map((m) => m.index! + 1);
  const rng = createRng(seed);
  return Array.from({ length: Math.min(count, starts.length) }, () => idx.position(starts[rng.int(starts.length)]));
}

/** One server start on `cacheDir`; the server is returned running (the caller stops it). */
async function indexRun(input: ServerBenchInput, cacheDir: string, profile = false): Promise<{ run: IndexRun; server: BenchServer }> {
  const server = BenchServer.spawn(startOptions(input.root, cacheDir, profile ? input.profileDir : undefined));
  const run: IndexRun = { hoverDuringIndex: [] };
  let hwm = 0;
  const sampler = setInterval(() => (hwm = Math.max(hwm, memoryMB(server.pid)?.hwm ?? 0)), 100);
  try {
    await server.initialize(input.root, startOptions(input.root, cacheDir).initializationOptions);
    const probe = probeWhileIndexing(server, input);
    const rec = await server.waitProgressEnd(INDEX_PROGRESS, 10_000, input.indexTimeoutMs);
    run.hoverDuringIndex = await probe.stop();
    hwm = Math.max(hwm, memoryMB(server.pid)?.hwm ?? 0);
    if (!rec) {
      const any = [...server.progress.values()].map((p) => p.title).join(', ');
      run.note = server.exited ? `server exited: ${server.recentLog(3).join(' / ')}` : any ? `no index progress matched (saw: ${any})` : 'n/a (no $/progress from the server)';
    } else {
      run.seconds = (rec.end! - server.t0) / 1000;
      run.cpuSeconds = cpuSeconds(server.pid);
      run.progress = rec;
    }
    run.hwmMB = hwm || undefined;
  } catch (e) {
    await server.stop();
    throw e;
  } finally {
    clearInterval(sampler);
  }
  return { run, server };
}

/** While the index runs: open one article and hover in it every 200 ms; latencies in ms. */
function probeWhileIndexing(server: BenchServer, input: ServerBenchInput): { stop(): Promise<number[]> } {
  const file = input.articles[Math.floor(input.articles.length / 2)];
  const text = fs.readFileSync(file, 'utf8');
  const positions = probePositions(text, 50, 'during-index');
  const latencies: number[] = [];
  let stopped = false;
  let uri: string | undefined;
  const loop = (async () => {
    // Wait for the index to begin so the hovers really race it.
    while (!stopped && !server.findProgress(INDEX_PROGRESS)) await new Promise((r) => setTimeout(r, 20));
    if (stopped || positions.length === 0) return;
    uri = await server.open(file, text);
    for (let i = 0; !stopped; i++) {
      latencies.push(await server.timed('textDocument/hover', { textDocument: { uri }, position: positions[i % positions.length] }));
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      if (uri) await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      return latencies;
    },
  };
}

export async function measureServer(input: ServerBenchInput): Promise<Figure[]> {
  const section2 = '2 index';
  restoreAnnotations(input.annotations);
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-bench-cache-'));
  const runs: IndexRun[] = [];
  let server: BenchServer | undefined;
  try {
    for (let r = 0; r < input.runs; r++) {
      await server?.stop();
      const res = await indexRun(input, fs.mkdtempSync(path.join(cacheDir, 'cold-')), r === input.runs - 1);
      runs.push(res.run);
      server = res.server;
      if (res.run.seconds === undefined) break; // no index to time: do not repeat
    }
    const figures = indexFigures(section2, runs, input);
    if (server) figures.push(...(await latencyFigures(server, input)));
    const warmDir = fs.readdirSync(cacheDir).map((d) => path.join(cacheDir, d)).pop();
    if (server) {
      const hwm = memoryMB(server.pid)?.hwm;
      figures.push({ id: 'server.rssAfterRequests', section: '3 latency', name: 'server peak RSS after all requests', value: hwm ?? null, unit: 'MB', target: { op: '<=', value: 400 } });
      await server.stop();
      server = undefined;
    }
    if (runs[0]?.seconds !== undefined && warmDir) figures.push(await warmFigure(section2, input, warmDir));
    return figures;
  } finally {
    await server?.stop();
    fs.rmSync(cacheDir, { recursive: true, force: true });
    restoreAnnotations(input.annotations);
  }
}

function indexFigures(section: string, runs: IndexRun[], input: ServerBenchInput): Figure[] {
  const timed = runs.filter((r) => r.seconds !== undefined);
  if (timed.length === 0) {
    const note = runs[0]?.note ?? NOT_IMPLEMENTED;
    return [
      { id: 'index.cold', section, name: `cold index, ${input.articles.length} articles`, value: null, unit: 's', target: { op: '<=', value: 15 }, note },
      { id: 'index.rss', section, name: 'server peak RSS (VmHWM)', value: runs[0]?.hwmMB ?? null, unit: 'MB', target: { op: '<=', value: 400 }, note: 'without an index' },
    ];
  }
  const hovers = timed.flatMap((r) => r.hoverDuringIndex);
  const p = timed[timed.length - 1].progress!;
  return [
    { id: 'index.cold', section, name: `cold index, ${input.articles.length} articles + 3 big`, value: median(timed.map((r) => r.seconds!)), unit: 's', target: { op: '<=', value: 15 },
      note: `median of ${timed.length}; progress "${p.title}", ${p.reports} reports`, detail: { runs: timed.map((r) => r.seconds) } },
    { id: 'index.cpu', section, name: 'cold index CPU time (server, all threads)', value: median(timed.map((r) => r.cpuSeconds ?? NaN)), unit: 's',
      note: 'what a busy machine cannot inflate; ÷ 2 cores ≈ best wall time' },
    { id: 'index.rss', section, name: 'server peak RSS during index (VmHWM)', value: median(timed.map((r) => r.hwmMB ?? NaN)), unit: 'MB', target: { op: '<=', value: 400 } },
    hovers.length
      ? { id: 'index.hoverDuring', section, name: 'hover while indexing, max', value: Math.max(...hovers), unit: 'ms', target: { op: '<=', value: 100 },
          note: `${hovers.length} hovers answered, p50 ${latencySummary(hovers).p50.toFixed(1)} ms`, detail: latencySummary(hovers) }
      : { id: 'index.hoverDuring', section, name: 'hover while indexing', value: null, unit: 'ms', note: 'n/a (index ended before a hover could be sent)' },
  ];
}

async function warmFigure(section: string, input: ServerBenchInput, cacheDir: string): Promise<Figure> {
  const { run, server } = await indexRun(input, cacheDir);
  await server.stop();
  return { id: 'index.warm', section, name: 'warm restart (persistent cache)', value: run.seconds ?? null, unit: 's', note: run.note, detail: { hwmMB: run.hwmMB } };
}

// ---------------------------------------------------------------- section 3: latencies

interface OpenDoc {
  uri: string;
  text: string;
  positions: Array<{ line: number; character: number }>;
}

async function openDocs(server: BenchServer, files: string[]): Promise<OpenDoc[]> {
  const docs: OpenDoc[] = [];
  let pushes = true;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const uri = await server.open(file, text);
    // Pushed diagnostics mark the analysis done; a pull-only server sends none: stop waiting.
    if (pushes) pushes = (await server.nextDiagnostics(uri, 1, 5000)) !== undefined;
    docs.push({ uri, text, positions: probePositions(text, 20, file) });
  }
  return docs;
}

async function series(n: number, step: (i: number) => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await step(i));
  return out;
}

function latencyFigure(id: string, name: string, ms: number[], targetMs?: number, note?: string): Figure {
  const s = latencySummary(ms);
  return {
    id, section: '3 latency', name: `${name} p50/p95/p99`, value: s.p99, unit: 'ms',
    target: targetMs === undefined ? undefined : { op: '<=', value: targetMs },
    note: `p50 ${s.p50.toFixed(1)}, p95 ${s.p95.toFixed(1)}, p99 ${s.p99.toFixed(1)} ms (n=${s.n})${note ? '; ' + note : ''}`, detail: s,
  };
}

const missing = (id: string, name: string, targetMs?: number): Figure => ({
  id, section: '3 latency', name, value: null, unit: 'ms', target: targetMs === undefined ? undefined : { op: '<=', value: targetMs }, note: NOT_IMPLEMENTED,
});

async function latencyFigures(server: BenchServer, input: ServerBenchInput): Promise<Figure[]> {
  const step = Math.max(1, Math.floor(input.articles.length / 30));
  const files = input.articles.filter((_, i) => i % step === 0).slice(0, 30);
  const docs = await openDocs(server, [...files, input.frequentOfficial.sampleFile]);
  const n = input.samples;
  const at = (i: number) => {
    const d = docs[i % docs.length];
    return { textDocument: { uri: d.uri }, position: d.positions[Math.floor(i / docs.length) % Math.max(1, d.positions.length)] ?? { line: 0, character: 0 } };
  };
  const figures: Figure[] = [];
  const measure = async (cap: string, id: string, name: string, method: string, params: (i: number) => unknown, count: number, target?: number) => {
    if (!server.has(cap)) return figures.push(missing(id, name, target));
    figures.push(latencyFigure(id, name, await series(count, (i) => server.timed(method, params(i))), target));
  };
  await measure('hoverProvider', 'lat.hover', 'hover', 'textDocument/hover', at, n, 20);
  await measure('documentHighlightProvider', 'lat.highlight', 'document highlight', 'textDocument/documentHighlight', at, n, 20);
  await measure('documentSymbolProvider', 'lat.symbols', 'document symbols', 'textDocument/documentSymbol', (i) => ({ textDocument: { uri: docs[i % docs.length].uri } }), Math.ceil(n / 3));
  await measure('semanticTokensProvider', 'lat.semtok', 'semantic tokens (full)', 'textDocument/semanticTokens/full', (i) => ({ textDocument: { uri: docs[i % docs.length].uri } }), Math.ceil(n / 3), 20);
  figures.push(await referencesFigure(server, input, docs[docs.length - 1]));
  figures.push(await workspaceSymbolsFigure(server, input));
  figures.push(...(await editFigures(server, input)));
  figures.push(...(await labellingFigures(server, input)));
  return figures;
}

async function referencesFigure(server: BenchServer, input: ServerBenchInput, doc: OpenDoc): Promise<Figure> {
  const name = input.frequentOfficial.name;
  const id = 'lat.references';
  const label = `references of a frequent official`;
  if (!server.has('referencesProvider')) return missing(id, label, 100);
  const offset = doc.text.normalize('NFC') === doc.text ? doc.text.indexOf(name) : -1;
  if (offset < 0) return { ...missing(id, label, 100), note: 'n/a (official not found in an NFC sample file)' };
  const position = new LineIndex(doc.text).position(offset + 1);
  let found = 0;
  const ms = await series(Math.max(20, Math.ceil(input.samples / 10)), () =>
    server.timed<unknown[] | null>('textDocument/references', { textDocument: { uri: doc.uri }, position, context: { includeDeclaration: true } }, (r) => (found = r?.length ?? 0)),
  );
  return latencyFigure(id, label, ms, 100, `${found} locations for "${name}"`);
}

async function workspaceSymbolsFigure(server: BenchServer, input: ServerBenchInput): Promise<Figure> {
  const id = 'lat.wsymbols';
  if (!server.has('workspaceSymbolProvider')) return missing(id, 'workspace symbols');
  const official = input.frequentOfficial.name;
  const queries = [official, official.split(' ').slice(0, 2).join(' '), 'Nguyễn', 'nguyen', 'Tỉnh ủy', 'Nghị quyết', 'ban chi dao', 'Hà', 'q', 'Đảng bộ'];
  const counts: number[] = [];
  const ms = await series(Math.max(30, Math.ceil(input.samples / 5)), (i) =>
    server.timed<unknown[] | null>('workspace/symbol', { query: queries[i % queries.length] }, (r) => counts.push(r?.length ?? 0)),
  );
  return latencyFigure(id, 'workspace symbols', ms, undefined, `${median(counts)} results (median) over ${queries.length} queries`);
}

/** Diagnostics and semantic tokens after a one-character edit in the 100 KB article. */
async function editFigures(server: BenchServer, input: ServerBenchInput): Promise<Figure[]> {
  const text = fs.readFileSync(input.article100k, 'utf8');
  const uri = await server.open(input.article100k, text);
  const first = await server.nextDiagnostics(uri, 1, 10_000);
  const lines = new LineIndex(text);
  // Edit inside body paragraphs, spread over the article.
  const rng = createRng('edits');
  const spots = Array.from({ length: 40 }, () => lines.position(Math.floor(text.length * (0.1 + 0.8 * rng.next()))));
  let version = 1;
  const edit = async (i: number) => {
    const at = spots[Math.floor(i / 2) % spots.length];
    version++;
    // Insert then remove the same character: the article stays the same size.
    await server.change(uri, version, at, i % 2 ? 1 : 0, i % 2 ? '' : 'x');
  };
  const figures: Figure[] = [];
  const pull = server.has('diagnosticProvider');
  if (!first && !pull) figures.push(missing('lat.diagEdit', 'diagnostics after an edit, 100 KB article', 50));
  else {
    let timeouts = 0;
    const ms = await series(40, async (i) => {
      const t0 = performance.now();
      if (pull) {
        await edit(i);
        await server.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      } else {
        const next = server.nextDiagnostics(uri, version + 1, 5000);
        await edit(i);
        if (!(await next)) timeouts++;
      }
      return performance.now() - t0;
    });
    figures.push(latencyFigure('lat.diagEdit', 'diagnostics after an edit, 100 KB article', ms, 50, `${pull ? 'pull' : 'push'}${timeouts ? `, ${timeouts} timeouts` : ''}`));
  }
  if (server.has('semanticTokensProvider')) {
    const ms = await series(20, async (i) => {
      const t0 = performance.now();
      await edit(i);
      await server.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
      return performance.now() - t0;
    });
    figures.push(latencyFigure('lat.semtokEdit', 'semantic tokens after an edit, 100 KB', ms, 20));
  }
  await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return figures;
}

// ---------------------------------------------------------------- labelling (issue 5 commands)

/**
 * Label a span in the 100 KB article that already has 2,000 human labels, then ask for
 * the updated semantic tokens: executeCommand round trip (the .ann written) and the time
 * until the editor has the new colouring. Each label is removed again, so the file keeps
 * its 2,000 labels; the pristine .ann is restored afterwards.
 */
async function labellingFigures(server: BenchServer, input: ServerBenchInput): Promise<Figure[]> {
  const commands = (server.capabilities.executeCommandProvider as { commands?: string[] } | undefined)?.commands ?? [];
  const labelCmd = commands.find((c) => /annotate\.label$/.test(c));
  const removeCmd = commands.find((c) => /annotate\.remove$/.test(c));
  const name = `label action, 100 KB article with ${input.annotations.count} labels`;
  if (!labelCmd || !removeCmd) return [missing('lat.label', name, 100)];
  const text = fs.readFileSync(input.article100k, 'utf8');
  const uri = await server.open(input.article100k, text);
  await server.nextDiagnostics(uri, 1, 10_000);
  // Unlabelled lower-case words spread over the article (code points: the file is NFC Vietnamese, BMP only).
  const words = [...text.matchAll(/(?<![\p{L}])\p{Ll}{4,}(?![\p{L}])/gu)];
  const targets = Array.from({ length: 30 }, (_, i) => words[Math.floor(((i + 0.5) * words.length) / 30)]).map((m) => {
    const start = [...text.slice(0, m.index!)].length;
    return { start, end: start + [...m[0]].length };
  });
  const exec = (command: string, args: object) => server.conn.sendRequest('workspace/executeCommand', { command, arguments: [args] }) as Promise<{ ok?: boolean; applied?: number } | null>;
  const labelMs: number[] = [];
  const refreshedMs: number[] = [];
  let failures = 0;
  try {
    for (const t of targets) {
      const t0 = performance.now();
      const r = await exec(labelCmd, { uri, ...t, label: 'ORG' });
      labelMs.push(performance.now() - t0);
      if (server.has('semanticTokensProvider')) {
        await server.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
        refreshedMs.push(performance.now() - t0);
      }
      if (!r?.ok) failures++;
      await exec(removeCmd, { uri, ...t });
    }
  } finally {
    await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  const note = failures ? `${failures} of ${targets.length} not applied` : undefined;
  const figures = [latencyFigure('lat.label', `${name}: executeCommand`, labelMs, 100, note)];
  if (refreshedMs.length) figures.push(latencyFigure('lat.labelTokens', 'label → updated semantic tokens', refreshedMs, 100));
  return figures;
}

/** Put the benchmark's .ann back as generated and drop the sidecar labelling may have written. */
export function restoreAnnotations(a: ServerBenchInput['annotations']): void {
  fs.copyFileSync(a.pristine, a.ann);
  for (const f of fs.readdirSync(path.dirname(a.ann))) {
    const base = path.basename(a.ann, '.ann');
    if (f.startsWith(base) && !f.endsWith('.txt') && !f.endsWith('.ann')) fs.rmSync(path.join(path.dirname(a.ann), f), { force: true });
  }
}
