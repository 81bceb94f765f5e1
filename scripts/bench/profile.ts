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
  fn: string;
  where: string;
}

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame }>;
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

export function summariseProfile(profile: CpuProfile, top = 15): HotFunction[] {
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const cf = byId.get(id)!.callFrame;
    const where = cf.url ? sourceLocation(cf.url, cf.lineNumber, cf.columnNumber) : '(native)';
    const key = `${cf.functionName || '(anonymous)'}\u0000${where}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  for (const idle of ['(idle)\u0000(native)', '(program)\u0000(native)']) self.delete(idle);
  const total = [...self.values()].reduce((s, x) => s + x, 0);
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => ({ selfMs: ms, share: ms / total, fn: k.split('\u0000')[0], where: k.split('\u0000')[1] }));
}

/** The newest .cpuprofile in a folder (what `node --cpu-prof` wrote on exit). */
export function newestProfile(dir: string): CpuProfile | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f));
  files.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return files[0] ? (JSON.parse(fs.readFileSync(files[0], 'utf8')) as CpuProfile) : undefined;
}
