/**
 * The guide's two layers (§2): a flat, non-overlapping primary layer where the longest,
 * outermost span wins, and an optional nested layer of entities inside a primary span.
 */
import type { Candidate } from './candidates';

export interface Layered extends Candidate {
  nested: boolean;
  /** PER only: titles seen beside the person in the article (set by linking.ts). */
  titles: string[] | undefined;
}

/**
 * Choose the primary layer greedily by length (then priority), nest what lies inside it,
 * except a same-label prefix of the same body (`Tỉnh ủy` in `Tỉnh ủy Quảng Ninh`, `Ban Chỉ
 * đạo` in `Ban Chỉ đạo Đề án Trung ương 6`; guide §2).
 */
export function resolveLayers(cands: readonly Candidate[]): Layered[] {
  const items = strongestFirst(cands) ?? stableSort(dedupe(cands), strongerFirst);
  const n = items.length;
  let limit = 0;
  let maxLen = 0;
  for (const c of items) {
    if (c.end > limit) limit = c.end;
    if (c.end - c.start > maxLen) maxLen = c.end - c.start;
  }
  // Which primary span covers each view offset: base + its index in items, or less than
  // base for none. Spans are short, so marking and testing them is linear in their total
  // length: no inserts into a sorted array.
  const owner = ownerTable(limit + 1, n);
  const base = ownerBase;
  // What became of each item: DROPPED, PRIMARY or NESTED.
  const kind = kindScratch(n);
  for (let r = 0; r < n; r++) {
    const c = items[r];
    // Every primary span taken so far is at least as long as c (longest first), so one that
    // overlaps c covers c's first or last unit: two reads instead of a walk over c.
    if (owner[c.start] >= base || owner[c.end - 1] >= base) {
      kind[r] = DROPPED;
      continue;
    }
    // A loop, not fill(): spans are a few dozen units, shorter than a builtin call costs.
    const o = base + r;
    for (let k = c.start; k < c.end; k++) owner[k] = o;
    kind[r] = PRIMARY;
  }
  // A same-label prefix of a kept nested span, or of its primary span, is left out (guide
  // §2). Items are longest first, so a prefix always meets the body it is the prefix of.
  // Labels kept nested at each start, one bit per label index. The one kept first at a
  // start and label is the longest, and no other copy of it is left (dedupe), so a later
  // one is shorter: a prefix. Only unknown labels (index 7) may share an index and a span.
  const nestedAt = nestedTable(limit + 1);
  const marked = nestedBase;
  for (let r = 0; r < n; r++) {
    if (kind[r] !== DROPPED) continue;
    const c = items[r];
    const o = owner[c.start] - base;
    if (o < 0) continue;
    const p = items[o];
    if (c.end > p.end || (p.start === c.start && p.end === c.end)) continue;
    const label = labelIndex(c.label);
    if (p.start === c.start && labelIndex(p.label) === label) continue; // p is longer: c is its prefix
    const seen = nestedAt[c.start] >= marked ? nestedAt[c.start] - marked : 0;
    if ((seen & (1 << label)) !== 0 && (label !== 7 || longestNested(items, kind, r, c.start, label) > c.end)) continue;
    nestedAt[c.start] = marked + (seen | (1 << label));
    c.nested = true;
    kind[r] = NESTED;
  }
  return byStartLongerFirst(items, kind, maxLen);
}

const DROPPED = 0;
const PRIMARY = 1;
const NESTED = 2;

/** End of the longest nested item before the r-th with this start and label index. */
function longestNested(items: readonly Layered[], kind: Uint8Array, r: number, start: number, label: number): number {
  let end = -1;
  for (let q = 0; q < r; q++) {
    const x = items[q];
    if (kind[q] === NESTED && x.start === start && x.end > end && labelIndex(x.label) === label) end = x.end;
  }
  return end;
}

/**
 * Both layers in one list by start, longer first, ties in items' order: a nested span that
 * starts where its primary span does is shorter than it, so the primary span comes first,
 * and disjoint primary spans have distinct starts. One native sort of numeric keys (start,
 * then length, then index in items) when they are exact, else the stable sort.
 */
function byStartLongerFirst(items: readonly Layered[], kind: Uint8Array, maxLen: number): Layered[] {
  const n = items.length;
  let kept = 0;
  let maxStart = 0;
  for (let r = 0; r < n; r++) {
    if (kind[r] === DROPPED) continue;
    kept++;
    if (items[r].start > maxStart) maxStart = items[r].start;
  }
  const bound = (maxStart + 1) * (maxLen + 1) * n;
  if (bound >= 2 ** 53) {
    const out: Layered[] = [];
    for (let r = 0; r < n; r++) if (kind[r] !== DROPPED) out.push(items[r]);
    return stableSort(out, byStartLongestFirst);
  }
  const keys = bound <= 2 ** 32 ? smallSortScratch(kept) : sortScratch(kept);
  const buckets = bucketOfScratch(kept);
  let m = 0;
  for (let r = 0; r < n; r++) {
    if (kind[r] === DROPPED) continue;
    const c = items[r];
    // Coarse buckets of 64 starts: within one, the few spans are finished by insertion.
    buckets[m] = c.start >> 6;
    keys[m++] = (c.start * (maxLen + 1) + maxLen - (c.end - c.start)) * n + r;
  }
  const sorted = sortByBuckets(keys, buckets, m, (maxStart >> 6) + 1);
  const out = new Array<Layered>(m);
  for (let k = 0; k < m; k++) out[k] = items[sorted[k] % n];
  return out;
}

/** A shared byte buffer of at least n entries, filled afresh by each caller. */
function kindScratch(n: number): Uint8Array {
  if (kinds.length < n) kinds = new Uint8Array(Math.max(n, 2 * kinds.length));
  return kinds;
}

let kinds = new Uint8Array(256);

/**
 * A table of `size` entries where nothing is marked, and `ownerBase` set to the first of
 * `stamps` marks this call may write (marked means ≥ ownerBase). Articles share one buffer
 * whose older marks all lie below the new base, so a call neither allocates nor clears it:
 * a typed array per call costs an off-heap allocation and pushes the collector. The marks
 * run out after some 2^31 items, and the buffer is cleared once then.
 */
function ownerTable(size: number, stamps: number): Int32Array {
  if (size > MAX_SHARED_OWNER || stamps > MAX_STAMP) {
    ownerBase = 0;
    return new Int32Array(size).fill(-1);
  }
  if (sharedOwner.length < size) {
    sharedOwner = new Int32Array(Math.min(MAX_SHARED_OWNER, Math.max(size, 2 * sharedOwner.length))).fill(-1);
    nextOwner = 0;
  } else if (nextOwner > MAX_STAMP - stamps) {
    sharedOwner.fill(-1);
    nextOwner = 0;
  }
  ownerBase = nextOwner;
  nextOwner += stamps;
  return sharedOwner;
}

/** Texts longer than this (UTF-16 units) get a table of their own, so a huge one is not kept. */
const MAX_SHARED_OWNER = 1 << 18;
const MAX_STAMP = 2 ** 31 - 1;
let sharedOwner = new Int32Array(1 << 14).fill(-1);
let nextOwner = 0;
let ownerBase = 0;

/**
 * As ownerTable, for the labels nested at each start: an entry holds nestedBase + its label
 * bits, and one below nestedBase holds none (marks of earlier calls).
 */
function nestedTable(size: number): Int32Array {
  if (size > MAX_SHARED_OWNER) {
    nestedBase = 0;
    return new Int32Array(size);
  }
  if (nestedMarks.length < size) {
    nestedMarks = new Int32Array(Math.min(MAX_SHARED_OWNER, Math.max(size, 2 * nestedMarks.length)));
    nextNested = 0;
  } else if (nextNested > MAX_STAMP - 512) {
    nestedMarks.fill(0);
    nextNested = 0;
  }
  nextNested += 256;
  nestedBase = nextNested;
  return nestedMarks;
}

let nestedMarks = new Int32Array(1 << 14);
let nextNested = 0;
let nestedBase = 0;

function strongerFirst(a: Layered, b: Layered): number {
  return b.end - b.start - (a.end - a.start) || (b.priority ?? 0) - (a.priority ?? 0) || a.start - b.start;
}

function byStartLongestFirst(a: Layered, b: Layered): number {
  return a.start - b.start || b.end - a.end;
}

/** Index of a label in the guide's order; 7 for anything else. */
function labelIndex(label: string): number {
  switch (label) {
    case 'PER': return 0;
    case 'TITLE': return 1;
    case 'ORG': return 2;
    case 'LOC': return 3;
    case 'DATE': return 4;
    case 'DOC': return 5;
    default: return 7;
  }
}

/**
 * The deduplicated candidates strongest first, as `stableSort(dedupe(cands), strongerFirst)`
 * gives them, by one native sort of numeric keys (longer first, then by start, then by
 * position in cands) instead of comparator calls and a Map. Copies of one span are then
 * neighbours, and the first of them sits where dedupe keeps it. Undefined when a candidate
 * has a priority, an offset that is not a small integer, or the keys would not be exact.
 */
function strongestFirst(cands: readonly Candidate[]): Layered[] | undefined {
  const n = cands.length;
  let maxLen = 0;
  let maxStart = 0;
  // Candidates come in many shapes, so each field read is a slow (megamorphic) one: every
  // field is read once, offsets and priorities kept here for the passes below.
  const starts = offsetScratch(n, 0);
  const ends = offsetScratch(n, 1);
  const priorities = priorityScratch;
  for (let i = 0; i < n; i++) {
    const c = cands[i];
    const start = c.start;
    const end = c.end;
    const priority = c.priority;
    const len = end - start;
    if ((priority ?? 0) !== 0 || (start | 0) !== start || (end | 0) !== end || start < 0) return undefined;
    if (len > maxLen) maxLen = len;
    if (start > maxStart) maxStart = start;
    starts[i] = start;
    ends[i] = end;
    priorities[i] = priority;
  }
  const bound = (maxLen + 1) * (maxStart + 1) * n;
  if (bound >= 2 ** 53) return undefined;
  // 32-bit keys when they fit (an article's few dozen spans): their native sort is ~3× faster.
  const keys = bound <= 2 ** 32 ? smallSortScratch(n) : sortScratch(n);
  const buckets = bucketOfScratch(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const len = ends[i] - starts[i];
    if (len <= 0) continue;
    // Buckets by length: spans of one length are few and mostly come in order of start.
    buckets[m] = maxLen - len;
    keys[m++] = ((maxLen - len) * (maxStart + 1) + starts[i]) * n + i;
  }
  const sorted = sortByBuckets(keys, buckets, m, maxLen + 1);
  // Sized once (at most m copies) and cut to the copies made: no regrowth while pushing.
  const out = new Array<Layered>(m);
  let count = 0;
  let runFrom = 0; // out[runFrom..count) are the copies of the current (start, end)
  for (let r = 0; r < m; r++) {
    const i = sorted[r] % n;
    const c = cands[i];
    const start = starts[i];
    const end = ends[i];
    const label = c.label;
    if (runFrom < count && (out[runFrom].start !== start || out[runFrom].end !== end)) runFrom = count;
    let k = runFrom;
    while (k < count && !sameSpan(out[k], start, end, label)) k++;
    if (k === count) {
      out[count++] = { label, start, end, value: c.value, yearSource: c.yearSource, priority: priorities[i], nested: false, titles: undefined };
      continue;
    }
    const value = c.value;
    if (out[k].value === undefined && value !== undefined) {
      const prev = out[k];
      prev.label = label;
      prev.value = value;
      prev.yearSource = c.yearSource;
      prev.priority = priorities[i];
    }
  }
  if (count < m) out.length = count;
  return out;
}

/** Two shared offset buffers (which: 0 or 1) of at least n entries, filled afresh by each caller. */
function offsetScratch(n: number, which: 0 | 1): Int32Array {
  return (offsetBuffers[which] = atLeast(offsetBuffers[which], n, Int32Array));
}

const offsetBuffers = [new Int32Array(256), new Int32Array(256)];
/** Candidates' priorities as read (only undefined or 0 reach the passes that use them). */
const priorityScratch: Array<number | undefined> = [];

/**
 * keys[0, m) in ascending order (in keys or in another shared buffer). The bucket of each
 * key (bucketOf[k] in [0, buckets), smaller buckets holding smaller keys; the callers know
 * it from the spans, so no division per key) orders most of them: one counting pass by
 * bucket, then insertion sort finishes within buckets, cheaper than a native sort call on
 * an article's few dozen keys. Too many buckets for the keys, or too many moves left (keys
 * that buckets do not order), take the native sort instead; either way the order is the
 * exact ascending one.
 */
function sortByBuckets<K extends Uint32Array | Float64Array>(keys: K, bucketOf: Int32Array, m: number, buckets: number): K {
  if (buckets > 4 * m + 64 || m > MAX_BUCKET_SORT) return keys.subarray(0, m).sort() as K;
  const counts = bucketScratch(buckets + 1);
  for (let k = 0; k < m; k++) counts[bucketOf[k] + 1]++;
  for (let b = 1; b <= buckets; b++) counts[b] += counts[b - 1];
  const out = (keys instanceof Uint32Array ? bucketedSmallKeys(m) : bucketedKeys(m)) as K;
  for (let k = 0; k < m; k++) out[counts[bucketOf[k]]++] = keys[k];
  let budget = 8 * m;
  for (let i = 1; i < m; i++) {
    const x = out[i];
    let j = i - 1;
    while (j >= 0 && out[j] > x) {
      out[j + 1] = out[j];
      j--;
    }
    out[j + 1] = x;
    budget -= i - 1 - j;
    if (budget < 0) return out.subarray(0, m).sort() as K;
  }
  return out;
}

/** Above this many keys the native sort is used whatever the buckets. */
const MAX_BUCKET_SORT = 4096;

/** `buf` when it holds n entries, else a new one of at least twice its size (contents not kept: callers fill what they read). */
function atLeast<A extends Int32Array | Uint32Array | Float64Array>(buf: A, n: number, Make: new (length: number) => A): A {
  return buf.length >= n ? buf : new Make(Math.max(n, 2 * buf.length));
}

// Shared scratch arrays, one per use, grown on demand (no per-call allocation).
let bucketCounts = new Int32Array(256);
let bucketedSmall = new Uint32Array(256);
let bucketed = new Float64Array(256);
let sortKeys = new Float64Array(256);
let smallSortKeys = new Uint32Array(256);

let bucketOfKey = new Int32Array(256);

/** A shared buffer of at least n entries for each key's bucket, filled afresh by each caller. */
function bucketOfScratch(n: number): Int32Array {
  return (bucketOfKey = atLeast(bucketOfKey, n, Int32Array));
}

/** The shared count buffer with [0, n) zeroed. */
function bucketScratch(n: number): Int32Array {
  if (bucketCounts.length < n) return (bucketCounts = atLeast(bucketCounts, n, Int32Array));
  bucketCounts.fill(0, 0, n);
  return bucketCounts;
}

function bucketedSmallKeys(n: number): Uint32Array {
  return (bucketedSmall = atLeast(bucketedSmall, n, Uint32Array));
}

function bucketedKeys(n: number): Float64Array {
  return (bucketed = atLeast(bucketed, n, Float64Array));
}

/** A shared number buffer of at least n entries, filled afresh by each caller. */
function sortScratch(n: number): Float64Array {
  return (sortKeys = atLeast(sortKeys, n, Float64Array));
}

/** As sortScratch, for keys below 2 ** 32. */
function smallSortScratch(n: number): Uint32Array {
  return (smallSortKeys = atLeast(smallSortKeys, n, Uint32Array));
}

/**
 * One layered copy per (label, start, end), of the candidate that wins it: the first,
 * unless a later one has a higher priority or brings a value the winner lacks. Detectors
 * build candidates of many shapes; the copies share one, so everything after this reads
 * them fast.
 */
function dedupe(cands: readonly Candidate[]): Layered[] {
  // (start, label index) → the first copy with them; copies with other ends are chained.
  // Small integer keys: cheap to hash, unlike (start, end, label) packed into a double.
  const firstAt = new Map<number, number>();
  const nextSame: number[] = [];
  const out: Layered[] = [];
  for (const c of cands) {
    const start = c.start;
    const end = c.end;
    if (end <= start) continue;
    const label = c.label;
    const key = start * 8 + labelIndex(label);
    let k = firstAt.get(key) ?? -1;
    while (k >= 0 && !sameSpan(out[k], start, end, label)) k = nextSame[k];
    if (k < 0) {
      const head = firstAt.get(key);
      nextSame.push(head ?? -1);
      firstAt.set(key, out.length);
      out.push({ label, start, end, value: c.value, yearSource: c.yearSource, priority: c.priority, nested: false, titles: undefined });
      continue;
    }
    const prev = out[k];
    if ((c.priority ?? 0) > (prev.priority ?? 0) || (prev.value === undefined && c.value !== undefined)) {
      prev.label = label;
      prev.value = c.value;
      prev.yearSource = c.yearSource;
      prev.priority = c.priority;
    }
  }
  return out;
}

/**
 * Whether a copy stands for the same (label, start, end) as a candidate: labels compare by
 * index (unknown labels alike), except for spans too long or far for the packed key the
 * rule was first written with, which compared the label itself.
 */
function sameSpan(x: Layered, start: number, end: number, label: string): boolean {
  if (x.end !== end || x.start !== start) return false;
  return end - start < 2 ** 22 && start < 2 ** 28 ? labelIndex(x.label) === labelIndex(label) : x.label === label;
}

/**
 * Stable sort in place (merge sort; insertion sort for short runs). The built-in sort
 * calls the comparator through the runtime; here it is inlined, several times faster on
 * the few dozen spans of an article.
 */
function stableSort<T>(items: T[], before: (a: T, b: T) => number): T[] {
  const n = items.length;
  const RUN = 12;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(n, lo + RUN);
    for (let i = lo + 1; i < hi; i++) {
      const x = items[i];
      let j = i - 1;
      while (j >= lo && before(items[j], x) > 0) {
        items[j + 1] = items[j];
        j--;
      }
      items[j + 1] = x;
    }
  }
  if (n <= RUN) return items;
  let from = items;
  let to: T[] = new Array<T>(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) to[k++] = before(from[j], from[i]) < 0 ? from[j++] : from[i++];
      while (i < mid) to[k++] = from[i++];
      while (j < hi) to[k++] = from[j++];
    }
    const t = from;
    from = to;
    to = t;
  }
  if (from !== items) for (let i = 0; i < n; i++) items[i] = from[i];
  return items;
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
