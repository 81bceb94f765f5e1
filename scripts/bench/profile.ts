/**
 * CPU profiles summarised as self time per function, located in the TypeScript source
 * through source maps — so a slow spot is named as file:line, not as bundle columns.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findSourceMap, SourceMap } from 'node:module';

export interface HotFunction {
  selfMs: number;
  share: number;
  /** Time with this function anywhere on the stack (its callees included). */
  totalMs: number;
  totalShare: number;
  fn: string;
  where: string;
}

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>;
  samples?: number[];
  timeDeltas?: number[];
}

const ROOT = path.resolve(__dirname, '../..');
const mapCache = new Map<string, SourceMap | undefined>();

/** A source map for a generated file: the loaded module's, else its `.map` file beside it. */
function sourceMapFor(file: string): SourceMap | undefined {
  if (!mapCache.has(file)) {
    let map: SourceMap | undefined = findSourceMap(file) ?? findSourceMap(`file://${file}`);
    if (!map && fs.existsSync(`${file}.map`)) {
      try {
        map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
      } catch {
        map = undefined;
      }
    }
    mapCache.set(file, map);
  }
  return mapCache.get(file);
}

export function sourceLocation(url: string, line: number, column: number): string {
  const file = url.replace(/^file:\/\//, '');
  const entry = sourceMapFor(file)?.findEntry(line, column) as { originalSource?: string; originalLine?: number } | undefined;
  if (entry?.originalSource !== undefined && entry.originalLine !== undefined) {
    const src = entry.originalSource.replace(/^file:\/\//, '');
    return `${path.relative(ROOT, path.resolve(path.dirname(file), src))}:${entry.originalLine + 1}`;
  }
  return `${path.relative(ROOT, file)}:${line + 1}`;
}

const IDLE = new Set(['(idle)', '(program)']);

/** Functions by self time, each with its inclusive (total) time; `order: 'total'` sorts by the latter. */
export function summariseProfile(profile: CpuProfile, top = 15, order: 'self' | 'total' = 'self', only?: (h: HotFunction) => boolean): HotFunction[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyCache = new Map<number, string>();
  const keyOf = (id: number) => {
    let k = keyCache.get(id);
    if (k === undefined) {
      const cf = byId.get(id)!.callFrame;
      const where = cf.url ? sourceLocation(cf.url, cf.lineNumber, cf.columnNumber) : '(native)';
      k = `${cf.functionName || '(anonymous)'}\u0000${where}`;
      keyCache.set(id, k);
    }
    return k;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    if (IDLE.has(byId.get(id)!.callFrame.functionName)) return;
    const ms = (deltas[i] ?? 0) / 1000;
    all += ms;
    self.set(keyOf(id), (self.get(keyOf(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) seen.add(keyOf(n));
    for (const k of seen) total.set(k, (total.get(k) ?? 0) + ms);
  });
  const rows = [...total.keys()].map((k) => ({
    selfMs: self.get(k) ?? 0, share: (self.get(k) ?? 0) / all, totalMs: total.get(k)!, totalShare: total.get(k)! / all,
    fn: k.split('\u0000')[0], where: k.split('\u0000')[1],
  }));
  return rows
    .filter((h) => (only ? only(h) : true))
    .sort((a, b) => (order === 'self' ? b.selfMs - a.selfMs : b.totalMs - a.totalMs))
    .slice(0, top);
}

/** The newest .cpuprofile in a folder (what `node --cpu-prof` wrote on exit). */
export function newestProfile(dir: string): CpuProfile | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f));
  files.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return files[0] ? (JSON.parse(fs.readFileSync(files[0], 'utf8')) as CpuProfile) : undefined;
}
