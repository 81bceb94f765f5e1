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
  // Which primary span covers each view offset (-1: none). Spans are short, so marking and
  // testing them is linear in their total length: no inserts into a sorted array.
  let limit = 0;
  for (const c of unique) if (c.end > limit) limit = c.end;
  const owner = new Int32Array(limit + 1).fill(-1);
  const primary: Candidate[] = [];
  const rest: Candidate[] = [];
  for (const c of byStrength) {
    let free = true;
    for (let k = c.start; k < c.end && free; k++) free = owner[k] < 0;
    if (!free) {
      rest.push(c);
      continue;
    }
    owner.fill(primary.length, c.start, c.end);
    primary.push(c);
  }
  const out: Layered[] = [...primary].sort((a, b) => a.start - b.start).map((c) => ({ ...c, nested: false }));
  // Longest kept span per label and start: a same-label prefix of it is left out (guide §2).
  const longestAt = new Map<number, number>();
  const keep = (c: Candidate) => {
    const k = labelStartKey(c);
    longestAt.set(k, Math.max(c.end, longestAt.get(k) ?? 0));
  };
  primary.forEach(keep);
  // `rest` is longest first, so a prefix always meets the body it is the prefix of.
  for (const c of rest) {
    const o = owner[c.start];
    const p = o >= 0 ? primary[o] : undefined;
    if (!p || !contains(p, c) || (p.start === c.start && p.end === c.end)) continue;
    if ((longestAt.get(labelStartKey(c)) ?? 0) > c.end) continue;
    keep(c);
    out.push({ ...c, nested: true });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end || Number(a.nested) - Number(b.nested));
}

const LABEL_INDEX: Readonly<Record<string, number>> = { PER: 0, TITLE: 1, ORG: 2, LOC: 3, DATE: 4, DOC: 5 };

/** A number naming (label, start): cheaper map keys than strings. */
function labelStartKey(c: Candidate): number {
  return c.start * 8 + (LABEL_INDEX[c.label] ?? 7);
}

function dedupe(cands: readonly Candidate[]): Candidate[] {
  const seen = new Map<number | string, Candidate>();
  for (const c of cands) {
    if (c.end <= c.start) continue;
    // (start, length, label) packed into a safe integer; an absurdly long span keeps a string key.
    const len = c.end - c.start;
    const key = len < 2 ** 22 && c.start < 2 ** 28 ? (c.start * 2 ** 22 + len) * 8 + (LABEL_INDEX[c.label] ?? 7) : `${c.label}:${c.start}:${c.end}`;
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
