/**
 * Section 1: throughput of the pure analysis core on one thread, against a floor in the
 * same run — one pass of a single Unicode regex finding every capitalised syllable, which
 * any tokenizer of this text pays. Also the big files, and a CPU profile (self time per
 * function of the core) so a slow stage can be named precisely.
 */
import { Session } from 'node:inspector/promises';
import type { AnalyzeFn } from './coreBundle';
import { median, type Figure } from './report';
import { summariseProfile, type CpuProfile, type HotFunction } from './profile';

export type { HotFunction };

export interface CoreInput {
  analyze: AnalyzeFn;
  texts: string[];
  bytes: number;
  big: { name: string; text: string }[];
  runs: number;
}

const BASELINE = /\p{Lu}\p{Ll}*/gu;

function analysePass(analyze: AnalyzeFn, texts: string[]): number {
  let found = 0;
  for (const t of texts) found += analyze(t).entities.length;
  return found;
}

function baselinePass(texts: string[]): number {
  let found = 0;
  for (const t of texts) {
    BASELINE.lastIndex = 0;
    while (BASELINE.exec(t) !== null) found++;
  }
  return found;
}

function timeMs(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Wall and CPU time of fn in ms. CPU time (this process) is what a busy machine cannot inflate. */
function timeBoth(fn: () => unknown): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const wall = timeMs(fn);
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** Idle on the event loop long enough for leftover background GC work to end. */
function settle(ms = 500): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function measureCore(input: CoreInput): Promise<Figure[]> {
  const mb = input.bytes / 1e6;
  // Warm-up: one whole untimed pass of each, so the JIT has settled on every code path (a
  // language server analyses for hours; its cold start is the cold-index figure's business).
  analysePass(input.analyze, input.texts);
  baselinePass(input.texts);
  const core: Array<{ wall: number; cpu: number }> = [];
  const base: Array<{ wall: number; cpu: number }> = [];
  let entities = 0;
  for (let r = 0; r < input.runs; r++) {
    // Interleave the two so drift (thermal, GC, other processes) hits both alike.
    core.push(timeBoth(() => (entities = analysePass(input.analyze, input.texts))));
    base.push(timeBoth(() => baselinePass(input.texts)));
  }
  const cpu = (xs: typeof core) => median(xs.map((x) => x.cpu));
  const wall = (xs: typeof core) => median(xs.map((x) => x.wall));
  const section = '1 core';
  const figures: Figure[] = [
    { id: 'core.throughput', section, name: 'core analysis, 1 thread (CPU time)', value: mb / (cpu(core) / 1000), unit: 'MB/s', target: { op: '>=', value: 20 },
      note: `${mb.toFixed(1)} MB, ${input.texts.length} articles, ${entities} entities; wall ${(mb / (wall(core) / 1000)).toFixed(1)} MB/s`, detail: { runs: core } },
    { id: 'core.baseline', section, name: 'baseline /\\p{Lu}\\p{Ll}*/gu, 1 pass (CPU time)', value: mb / (cpu(base) / 1000), unit: 'MB/s',
      note: `wall ${(mb / (wall(base) / 1000)).toFixed(1)} MB/s`, detail: { runs: base } },
    { id: 'core.ratio', section, name: 'core time ÷ baseline time', value: cpu(core) / cpu(base), unit: '×', target: { op: '<=', value: 10 },
      note: `wall-time ratio ${(wall(core) / wall(base)).toFixed(1)}×` },
  ];
  // The passes above leave a major GC marking on V8's helper threads, and process CPU time
  // counts those threads: let it finish (the event loop idles) before timing texts of a few ms.
  await settle();
  for (const b of input.big) {
    // A text of a few ms is timed 21 times: one GC pause inside a run moves a median of five.
    const count = b.text.length < 1_000_000 ? Math.max(input.runs, 21) : input.runs;
    // Not in the median, like the corpus warm-up pass: the first run of a new size grows buffers and tables (printed apart).
    const first = timeBoth(() => input.analyze(b.text));
    const runs = Array.from({ length: count }, () => timeBoth(() => input.analyze(b.text)));
    const bmb = Buffer.byteLength(b.text) / 1e6;
    const ms = median(runs.map((r) => r.cpu));
    figures.push({
      id: `core.big.${b.name}`, section, name: `analyse ${b.name} (CPU time)`, value: ms, unit: 'ms',
      target: b.name.includes('100') ? { op: '<=', value: 5 } : undefined,
      note: `${(bmb / (ms / 1000)).toFixed(1)} MB/s; wall ${median(runs.map((r) => r.wall)).toFixed(0)} ms; first run ${first.cpu.toFixed(0)} ms CPU`, detail: { runs },
    });
  }
  return figures;
}

/** CPU profile of one analysis pass: the functions with the most self time (where the core spends it). */
export async function profileCore(analyze: AnalyzeFn, texts: string[], top = 15): Promise<{ self: HotFunction[]; stages: HotFunction[] }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  analysePass(analyze, texts);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const p = profile as CpuProfile;
  // Stages: exported detectors of the core by inclusive time (what each layer costs with its helpers).
  const stage = (h: HotFunction) => h.where.startsWith('server/src/core/') && !/analyzer\.ts/.test(h.where) && /^(detect|find|resolve|link|create|split|to[A-Z]|shape|tokenize)/.test(h.fn);
  return { self: summariseProfile(p, top), stages: summariseProfile(p, top, 'total', stage) };
}
