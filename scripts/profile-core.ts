/**
 * `npx tsx scripts/profile-core.ts [MB] [file...]`: speed of the analysis core, single thread.
 *
 * Builds a realistic text of about MB megabytes (default 5) by repeating the sample
 * articles (or the given files), then prints the whole `analyze()` throughput in MB/s, the
 * time of each stage run the way analyzer.ts runs them, the time for one ~100 KB article,
 * and the baseline of one `/\p{Lu}\p{Ll}*\/gu` pass over the same text (the target is
 * within 10× of it). The full benchmark lives in `npm run bench`; this only re-measures.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../server/src/core/analyzer';
import { splitLines, type DetectContext } from '../server/src/core/candidates';
import { detectBoilerplate } from '../server/src/core/boilerplate';
import { detectMetadata } from '../server/src/core/metadata';
import { detectDates, findPublicationDate } from '../server/src/core/dates';
import { attachDocumentDetails, detectDocuments } from '../server/src/core/documents';
import { detectNamedEntities } from '../server/src/core/names';
import { resolveLayers } from '../server/src/core/layers';
import { linkMentions } from '../server/src/core/linking';
import { createTextView } from '../server/src/core/normalize';
import { generateArticle, materialFrom } from './bench/generateCorpus';

const args = process.argv.slice(2);
const mb = Number(args[0]) > 0 ? Number(args[0]) : 5;
const files = args.filter((a) => !(Number(a) > 0));
const sources = files.length
  ? files
  : fs.readdirSync(path.resolve(__dirname, '../samples/corpus')).filter((f) => f.endsWith('.txt')).map((f) => path.resolve(__dirname, '../samples/corpus', f));
const articles = sources.map((f) => fs.readFileSync(f, 'utf8'));

function build(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const a = articles[k % articles.length];
    parts.push(a);
    size += Buffer.byteLength(a) + 1;
  }
  return parts.join('\n');
}

const big = build(mb * 1e6);
const small = build(100e3);
const megabytes = (s: string) => Buffer.byteLength(s) / 1e6;

/**
 * Best of `runs` timings of f. CPU time of this process (user + system), not wall-clock
 * time, so a machine busy with other work still gives comparable figures.
 */
function time<T>(f: () => T, runs = 1): { ms: number; out: T } {
  let out!: T;
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = process.cpuUsage();
    out = f();
    const d = process.cpuUsage(t0);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return { ms: best, out };
}

/** The analyzer's stages one by one, timed (same order and inputs as analyzer.ts). */
function stages(raw: string, rows: Array<[string, number]> = []): Array<[string, number]> {
  let k = 0;
  const step = <T>(name: string, f: () => T): T => {
    const { ms, out } = time(f);
    if (rows[k]) rows[k][1] += ms;
    else rows.push([name, ms]);
    k++;
    return out;
  };
  const view = step('normalize', () => createTextView(raw));
  const ctx: DetectContext = { text: view.text, lines: step('lines', () => splitLines(view.text)), boilerplate: [], metadata: [], publicationDate: null, found: [] };
  ctx.boilerplate = step('boilerplate', () => detectBoilerplate(ctx));
  ctx.metadata = step('metadata', () => detectMetadata(ctx));
  ctx.publicationDate = step('publicationDate', () => findPublicationDate(ctx));
  const dates = step('dates', () => detectDates(ctx));
  const docs = step('documents', () => detectDocuments(ctx));
  ctx.found = [...dates, ...docs];
  const names = step('names', () => detectNamedEntities(ctx));
  const layered = step('layers', () => attachDocumentDetails(ctx.text, resolveLayers([...ctx.found, ...names])));
  step('linking', () => linkMentions(ctx, layered));
  return rows;
}

// Warm up the JIT on the small text first.
for (let k = 0; k < 5; k++) analyze(small + ' '.repeat(k));

const regex = time(() => {
  let n = 0;
  for (const _ of big.matchAll(/\p{Lu}\p{Ll}*/gu)) n++;
  return n;
}, 5);
const whole = time(() => analyze(big), 5);
const one = time(() => analyze(small), 30);

const size = megabytes(big);
console.log(`text: ${size.toFixed(2)} MB (${sources.length} source file(s) repeated); ${whole.out.entities.length} entities`);
console.log(`analyze():   ${whole.ms.toFixed(0)} ms  ${(size / (whole.ms / 1000)).toFixed(1)} MB/s`);
console.log(`regex base:  ${regex.ms.toFixed(0)} ms  ${(size / (regex.ms / 1000)).toFixed(1)} MB/s  (analyze is ${(whole.ms / regex.ms).toFixed(1)}× the baseline)`);
console.log(`100 KB:      ${one.ms.toFixed(2)} ms per article (${(megabytes(small) * 1000).toFixed(0)} KB)`);
console.log(`stages (${size.toFixed(0)} MB text, best of 3 runs):`);
// A fresh text per run (trailing spaces), so no stage reuses tokens cached by an earlier run.
const runs = [1, 2, 3].map((r) => stages(big + ' '.repeat(r)));
const rows: Array<[string, number]> = runs[0].map(([name], k) => [name, Math.min(...runs.map((r) => r[k][1]))]);
const total = rows.reduce((s, [, ms]) => s + ms, 0);
for (const [name, ms] of rows) console.log(`  ${name.padEnd(16)} ${ms.toFixed(1).padStart(8)} ms  ${(size / (ms / 1000)).toFixed(1).padStart(8)} MB/s  ${((100 * ms) / total).toFixed(0).padStart(3)}%`);

// The benchmark's shape: many ~8 KB generated articles, each analysed on its own, so
// per-article fixed costs (tables built per call, caches missed) show up too.
const material = materialFrom(articles, 1);
const gen = Array.from({ length: 1000 }, (_, i) => generateArticle(material, 'profile', i).text);
const genSize = gen.reduce((s, t) => s + megabytes(t), 0);
for (const t of gen.slice(0, 200)) analyze(t);
const genWhole = time(() => gen.forEach((t) => analyze(t)), 3);
console.log(`\n${gen.length} generated articles, ${genSize.toFixed(2)} MB: analyze() ${genWhole.ms.toFixed(0)} ms  ${(genSize / (genWhole.ms / 1000)).toFixed(2)} MB/s  (${((1000 * genWhole.ms) / gen.length).toFixed(0)} µs per article)`);
const genRows: Array<[string, number]> = [];
for (const t of gen) stages(t + ' ', genRows);
const genTotal = genRows.reduce((s, [, ms]) => s + ms, 0);
for (const [name, ms] of genRows) console.log(`  ${name.padEnd(16)} ${ms.toFixed(1).padStart(8)} ms  ${(genSize / (ms / 1000)).toFixed(1).padStart(8)} MB/s  ${((100 * ms) / genTotal).toFixed(0).padStart(3)}%`);
