/**
 * Train/dev/test split by document: the same documents, ratios and seed always give the
 * same split (byte-identical exports), whatever order the files were listed in. Documents
 * are sorted by id, shuffled with a seeded PRNG, and cut by largest-remainder rounding
 * so the counts add up to the total exactly.
 */
import type { SplitRatios } from './exportOptions';

export const SPLIT_NAMES = ['train', 'dev', 'test'] as const;
export type SplitName = (typeof SPLIT_NAMES)[number] | 'data';

/** mulberry32: a small, well-distributed 32-bit PRNG; enough for shuffling, no crypto. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Split counts for n documents (largest remainder; ties go to train, then dev). */
export function splitCounts(n: number, r: SplitRatios): [number, number, number] {
  const exact = [r.train * n, r.dev * n, r.test * n];
  const counts = exact.map(Math.floor) as [number, number, number];
  let left = n - counts[0] - counts[1] - counts[2];
  const order = [0, 1, 2].sort((x, y) => exact[y] - counts[y] - (exact[x] - counts[x]) || x - y);
  for (let k = 0; left > 0; k = (k + 1) % 3, left--) counts[order[k]]++;
  return counts;
}

/** Assign each id to a split. Without ratios everything goes to `data`. */
export function splitDocuments(ids: readonly string[], ratios: SplitRatios | undefined, seed: number): Map<string, SplitName> {
  const sorted = [...new Set(ids)].sort(compareIds);
  const out = new Map<string, SplitName>();
  if (!ratios) {
    for (const id of sorted) out.set(id, 'data');
    return out;
  }
  const rand = seededRandom(seed);
  for (let i = sorted.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [sorted[i], sorted[j]] = [sorted[j], sorted[i]];
  }
  const [train, dev] = splitCounts(sorted.length, ratios);
  sorted.forEach((id, i) => out.set(id, i < train ? 'train' : i < train + dev ? 'dev' : 'test'));
  return out;
}

/** Code-unit order, independent of locale (localeCompare differs between machines). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
