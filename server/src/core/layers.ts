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
  const byStrength = dedupe(cands).sort(strongerFirst);
  // Which primary span covers each view offset (-1: none). Spans are short, so marking and
  // testing them is linear in their total length: no inserts into a sorted array.
  let limit = 0;
  for (const c of byStrength) if (c.end > limit) limit = c.end;
  const owner = ownerTable(limit + 1);
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
  // Longest kept nested span per label and start: a same-label prefix of it, or of its
  // primary span, is left out (guide §2). `rest` is longest first, so a prefix always meets
  // the body it is the prefix of.
  const longestAt = new Map<number, number>();
  const nested: Candidate[] = [];
  for (const c of rest) {
    const o = owner[c.start];
    if (o < 0) continue;
    const p = primary[o];
    if (c.end > p.end || (p.start === c.start && p.end === c.end)) continue;
    if (p.start === c.start && labelIndex(p) === labelIndex(c)) continue; // p is longer: c is its prefix
    const key = labelStartKey(c);
    const longest = longestAt.get(key);
    if (longest !== undefined && longest > c.end) continue;
    longestAt.set(key, longest === undefined ? c.end : Math.max(c.end, longest));
    nested.push(c);
  }
  return mergeLayers(primary.sort(byStart), nested.sort(byStartLongestFirst));
}

/**
 * Both layers in one list by start, longer first, primary before nested. A nested span
 * that starts where its primary span does is shorter than it, so at equal starts the
 * primary span comes first.
 */
function mergeLayers(primary: readonly Candidate[], nested: readonly Candidate[]): Layered[] {
  const out: Layered[] = [];
  let j = 0;
  for (const p of primary) {
    while (j < nested.length && nested[j].start < p.start) out.push(layered(nested[j++], true));
    out.push(layered(p, false));
  }
  while (j < nested.length) out.push(layered(nested[j++], true));
  return out;
}

/** A candidate with its layer; every output object has the same fields (one hidden class). */
function layered(c: Candidate, nested: boolean): Layered {
  return { label: c.label, start: c.start, end: c.end, value: c.value, yearSource: c.yearSource, priority: c.priority, nested };
}

function strongerFirst(a: Candidate, b: Candidate): number {
  return b.end - b.start - (a.end - a.start) || (b.priority ?? 0) - (a.priority ?? 0) || a.start - b.start;
}

function byStart(a: Candidate, b: Candidate): number {
  return a.start - b.start;
}

function byStartLongestFirst(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * A table of `size` entries set to -1. Articles reuse one buffer (filled afresh each call,
 * so nothing carries over): a new typed array per call costs an off-heap allocation and
 * pushes the collector, which showed up as a large share of this stage.
 */
function ownerTable(size: number): Int32Array {
  if (size > MAX_SHARED_OWNER) return new Int32Array(size).fill(-1);
  if (sharedOwner.length < size) sharedOwner = new Int32Array(Math.min(MAX_SHARED_OWNER, Math.max(size, 2 * sharedOwner.length)));
  return sharedOwner.fill(-1, 0, size);
}

/** Texts longer than this (UTF-16 units) get a table of their own, so a huge one is not kept. */
const MAX_SHARED_OWNER = 1 << 18;
let sharedOwner = new Int32Array(1 << 14);

const LABEL_INDEX: Readonly<Record<string, number>> = { PER: 0, TITLE: 1, ORG: 2, LOC: 3, DATE: 4, DOC: 5 };

function labelIndex(c: Candidate): number {
  return LABEL_INDEX[c.label] ?? 7;
}

/** A number naming (label, start): cheaper map keys than strings. */
function labelStartKey(c: Candidate): number {
  return c.start * 8 + labelIndex(c);
}

function dedupe(cands: readonly Candidate[]): Candidate[] {
  const seen = new Map<number | string, Candidate>();
  for (const c of cands) {
    if (c.end <= c.start) continue;
    // (start, length, label) packed into a safe integer; an absurdly long span keeps a string key.
    const len = c.end - c.start;
    const key = len < 2 ** 22 && c.start < 2 ** 28 ? (c.start * 2 ** 22 + len) * 8 + labelIndex(c) : `${c.label}:${c.start}:${c.end}`;
    const prev = seen.get(key);
    if (!prev || (c.priority ?? 0) > (prev.priority ?? 0) || (prev.value === undefined && c.value !== undefined)) seen.set(key, c);
  }
  return Array.from(seen.values());
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
