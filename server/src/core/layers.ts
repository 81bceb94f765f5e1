/**
 * The guide's two layers (§2): a flat, non-overlapping primary layer where the longest,
 * outermost span wins, and an optional nested layer of entities inside a primary span.
 */
import type { Candidate } from './candidates';

export interface Layered extends Candidate {
  nested: boolean;
  /** PER only: titles seen beside the person in the article (set by linking.ts). */
  titles?: string[];
}

/**
 * Choose the primary layer greedily by length (then priority), nest what lies inside it,
 * except a same-label prefix of the same body (`Tỉnh ủy` in `Tỉnh ủy Quảng Ninh`, `Ban Chỉ
 * đạo` in `Ban Chỉ đạo Đề án Trung ương 6`; guide §2).
 */
export function resolveLayers(cands: readonly Candidate[]): Layered[] {
  const unique = dedupe(cands);
  const byStrength = [...unique].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || (b.priority ?? 0) - (a.priority ?? 0) || a.start - b.start,
  );
  // Primary spans never overlap, so a start-sorted array answers "what covers x" by binary search.
  const primary: Candidate[] = [];
  const rest: Candidate[] = [];
  for (const c of byStrength) {
    const i = firstEndingAfter(primary, c.start);
    if (i < primary.length && primary[i].start < c.end) rest.push(c);
    else primary.splice(i, 0, c);
  }
  const out: Layered[] = primary.map((c) => ({ ...c, nested: false }));
  // Longest kept span per label and start: a same-label prefix of it is left out (guide §2).
  const longestAt = new Map<string, number>();
  const keep = (c: Candidate) => longestAt.set(`${c.label}:${c.start}`, Math.max(c.end, longestAt.get(`${c.label}:${c.start}`) ?? 0));
  primary.forEach(keep);
  // `rest` is longest first, so a prefix always meets the body it is the prefix of.
  for (const c of rest) {
    const p = primary[firstEndingAfter(primary, c.start)];
    if (!p || !contains(p, c) || (p.start === c.start && p.end === c.end)) continue;
    if ((longestAt.get(`${c.label}:${c.start}`) ?? 0) > c.end) continue;
    keep(c);
    out.push({ ...c, nested: true });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end || Number(a.nested) - Number(b.nested));
}

/** Index of the first span (sorted, disjoint) whose end lies after offset. */
function firstEndingAfter(sorted: readonly Candidate[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function dedupe(cands: readonly Candidate[]): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (const c of cands) {
    if (c.end <= c.start) continue;
    const key = `${c.label}:${c.start}:${c.end}`;
    const prev = seen.get(key);
    if (!prev || (c.priority ?? 0) > (prev.priority ?? 0) || (prev.value === undefined && c.value !== undefined)) seen.set(key, c);
  }
  return [...seen.values()];
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
