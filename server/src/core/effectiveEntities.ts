/**
 * What every feature shows and every exporter writes: human annotations (the .ann) merged
 * over the detector's output, minus the detections an annotator rejected (sidecar).
 *
 * Precedence rules (README "Annotation workflow"):
 * 1. A rejected detection (same label and extent as a rejection) disappears.
 * 2. Human spans decide the primary layer: among them the longest, outermost wins (as the
 *    guide's §2); a human span that overlaps a longer human span stays, as nested.
 * 3. A detection with the same extent as a human span disappears (the human label wins,
 *    whatever it is — that is how relabelling works). A detection that crosses a human span
 *    or contains one disappears (the human corrected its boundary).
 * 4. A detection inside a human span is kept in the nested layer, except one of the same
 *    label sharing a boundary with it (a shortened/extended version of the same mention).
 * 5. Remaining detections fill the rest of the primary layer, longest first; a detection
 *    inside another becomes nested; one crossing a primary span is dropped.
 * Accepted detections are simply human spans: accepting writes them to the .ann.
 */
import type { AnnEntity } from './bratStandoff';
import { ENTITY_LABELS, type BoilerplateBlock, type DocValue, type Entity, type EntityLabel } from './types';

export type EntitySource = 'human' | 'detected';

export interface EffectiveEntity extends Entity {
  source: EntitySource;
  /** The brat id (`T12`) of a human span. */
  id?: string;
}

/** A detection identified by label and extent (what the sidecar stores for a rejection). */
export interface DetectionKey {
  label: string;
  start: number;
  end: number;
}

export interface MergeInput {
  detected: readonly Entity[];
  human: readonly AnnEntity[];
  rejected?: readonly DetectionKey[];
}

export function detectionKey(k: DetectionKey): string {
  return `${k.label}:${k.start}:${k.end}`;
}

const LABELS: ReadonlySet<string> = new Set(ENTITY_LABELS);

/**
 * Offsets below this give exact numeric keys: (start, end, label) packed into one number
 * below 2^53. Every article under the 2 MiB limit fits; larger offsets use string keys.
 */
const KEY_OFFSETS = 1 << 23;
/** Each label's rank in string order, so numeric sort keys order labels as `<` does. */
const LABEL_RANK: ReadonlyMap<string, number> = new Map([...ENTITY_LABELS].sort().map((l, i) => [l, i]));

/** Keys of one merge: numbers when every offset fits (an edit re-merges thousands of labels), else strings. */
interface Keys {
  /** Label and extent, or undefined for a label no detection can have. */
  of(label: string, start: number, end: number): number | string | undefined;
  extent(start: number, end: number): number | string;
}

const NUMERIC_KEYS: Keys = {
  of: (label, start, end) => {
    const rank = LABEL_RANK.get(label);
    return rank === undefined ? undefined : (start * KEY_OFFSETS + end) * 8 + rank;
  },
  extent: (start, end) => start * KEY_OFFSETS + end,
};

const STRING_KEYS: Keys = {
  of: (label, start, end) => detectionKey({ label, start, end }),
  extent: (start, end) => `${start}:${end}`,
};

function fits(n: number): boolean {
  // Also what sort keys need: an integer offset below KEY_OFFSETS.
  return Number.isInteger(n) && n >= 0 && n < KEY_OFFSETS;
}

function keysFor(input: MergeInput): Keys {
  for (const list of [input.detected, input.human, input.rejected ?? []]) {
    for (const e of list) if (!fits(e.start) || !fits(e.end)) return STRING_KEYS;
  }
  // Detections are all keyed; one with a label outside the six would have no numeric key.
  for (const d of input.detected) if (!LABEL_RANK.has(d.label)) return STRING_KEYS;
  return NUMERIC_KEYS;
}

/** Merge human annotations over detections. Pure, O((h + d) log(h + d)) for ordinary nesting. */
export function effectiveEntities(input: MergeInput): EffectiveEntity[] {
  // Keys are made only when there is something to look up: an article without labels or
  // rejections (most of a corpus) makes none.
  const keys = input.rejected?.length || input.human.length ? keysFor(input) : NUMERIC_KEYS;
  let rejected: Set<number | string> | undefined;
  if (input.rejected?.length) {
    rejected = new Set();
    for (const r of input.rejected) {
      const k = keys.of(r.label, r.start, r.end);
      if (k !== undefined) rejected.add(k);
    }
  }
  const humans: EffectiveEntity[] = [];
  let humanExtents: Set<number | string> | undefined;
  if (input.human.length) {
    const detectedByKey = new Map<number | string, Entity>();
    for (const d of input.detected) detectedByKey.set(keys.of(d.label, d.start, d.end)!, d);
    humanExtents = new Set();
    for (const h of input.human) {
      if (!LABELS.has(h.label)) continue;
      humans.push(fromHuman(h, detectedByKey.get(keys.of(h.label, h.start, h.end)!)));
      humanExtents.add(keys.extent(h.start, h.end));
    }
    if (humans.length === 0) humanExtents = undefined;
  }

  const layer = new PrimaryLayer();
  const out: EffectiveEntity[] = [];
  for (const h of byLengthDesc(humans)) {
    // Each human entity is a fresh object of this call (fromHuman): set its layer in place.
    h.nested = !layer.tryAdd(h);
    out.push(h);
  }
  const humanPrimary = layer.snapshot();
  let candidates: readonly Entity[] = input.detected;
  if (rejected || humanExtents) {
    const kept: Entity[] = [];
    for (const d of input.detected) {
      if (rejected?.has(keys.of(d.label, d.start, d.end)!) || humanExtents?.has(keys.extent(d.start, d.end))) continue;
      kept.push(d);
    }
    candidates = kept;
  }
  for (const d of byLengthDesc(candidates)) {
    const host = humans.length ? humanPrimary.covering(d) : undefined;
    if (host === 'crossing') continue;
    if (host) {
      if (host.label === d.label && (host.start === d.start || host.end === d.end)) continue;
      out.push(asDetected(d, true));
      continue;
    }
    if (layer.tryAdd(d)) out.push(asDetected(d, false));
    else {
      const cover = layer.covering(d);
      if (cover && cover !== 'crossing') out.push(asDetected(d, true));
    }
  }
  return byPosition(out);
}

/** The flat, non-overlapping layer flat exports (CoNLL, HF tokens) use. */
export function primaryLayer<T extends Entity>(entities: readonly T[]): T[] {
  return entities.filter((e) => !e.nested);
}

/** Entities inside a primary span, for exports that allow overlaps (brat, span JSONL). */
export function nestedLayer<T extends Entity>(entities: readonly T[]): T[] {
  return entities.filter((e) => e.nested);
}

/** A boilerplate block the annotator declared to be content (sidecar), by extent and category. */
export interface ContentDecision {
  start: number;
  end: number;
  category?: string;
}

/** Boilerplate minus what the annotator declared to be content (matched by extent; a decision without a category matches any). */
export function effectiveBoilerplate(blocks: readonly BoilerplateBlock[], content: readonly ContentDecision[]): BoilerplateBlock[] {
  if (content.length === 0) return [...blocks];
  return blocks.filter((b) => !content.some((c) => c.start <= b.start && b.end <= c.end && (!c.category || c.category === b.category)));
}

function fromHuman(h: AnnEntity, same: Entity | undefined): EffectiveEntity {
  const e: EffectiveEntity = { label: h.label as EntityLabel, start: h.start, end: h.end, text: h.text, nested: false, source: 'human', id: h.id };
  const value = h.note !== undefined ? parseNote(h.label, h.note) : same?.value;
  if (value !== undefined) e.value = value;
  if (same?.yearSource && h.note === undefined) e.yearSource = same.yearSource;
  return e;
}

/** AnnotatorNotes → value: a DOC's note is its JSON object; other labels keep the string. */
export function parseNote(label: string, note: string): string | DocValue {
  if (label === 'DOC' && note.startsWith('{')) {
    try {
      const v = JSON.parse(note) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as DocValue;
    } catch {
      /* not JSON: keep the text */
    }
  }
  return note;
}

/** The AnnotatorNotes text for a value (inverse of parseNote). */
export function noteOf(value: string | DocValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * `{ ...d, nested, source: 'detected' }` (same keys, same order). Object.assign copies an
 * entity several times faster than a spread when entities come in several shapes.
 */
function asDetected(d: Entity, nested: boolean): EffectiveEntity {
  const e = Object.assign({}, d) as EffectiveEntity;
  e.nested = nested;
  e.source = 'detected';
  return e;
}

/** Longest first, then by start, then by label; equal entities keep their order (a stable sort). */
function byLengthDesc<T extends Entity>(list: readonly T[]): T[] {
  return sortedByKey(list, (e, span) => ((span - (e.end - e.start)) * span + e.start) * 8 + LABEL_RANK.get(e.label)!, longerFirst);
}

function longerFirst(a: Entity, b: Entity): number {
  return b.end - b.start - (a.end - a.start) || a.start - b.start || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/** By start, longer first, primary before nested, then by label (stable). */
function byPosition(list: readonly EffectiveEntity[]): EffectiveEntity[] {
  return sortedByKey(list, (e, span) => ((e.start * span + (span - 1 - e.end)) * 2 + (e.nested ? 1 : 0)) * 8 + LABEL_RANK.get(e.label)!, positionOrder);
}

function positionOrder(a: EffectiveEntity, b: EffectiveEntity): number {
  return a.start - b.start || b.end - a.end || Number(a.nested) - Number(b.nested) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/**
 * The list in `compare`'s order, by one number per entity instead of a comparator reading
 * three fields and two strings. `key(e, span)` must order as `compare` does, for offsets
 * below `span` (its keys stay below span² × 16); entities that cannot have such a key
 * (offsets too large, an unknown label) are sorted by `compare`.
 */
function sortedByKey<T extends Entity>(list: readonly T[], key: (e: T, span: number) => number, compare: (a: T, b: T) => number): T[] {
  const w = offsetBits(list);
  if (w < 0) return [...list].sort(compare);
  const span = 2 ** w;
  const keys = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) keys[i] = key(list[i], span);
  return sortedBy(list, keys, 2 * w + 4, compare);
}

/** Bits that hold every offset of the list, or -1 when some entity cannot have a numeric sort key. */
function offsetBits(list: readonly Entity[]): number {
  let max = 0;
  for (const e of list) {
    if (!fits(e.start) || !fits(e.end) || e.end < e.start || !LABEL_RANK.has(e.label)) return -1;
    if (e.end > max) max = e.end;
  }
  return Math.ceil(Math.log2(max + 2));
}

/**
 * The list ordered by ascending keys (integers below 2^keyBits), ties in list order. The
 * index goes into the low bits, so a native numeric sort of plain numbers does it; keys too
 * wide for that use the comparator (a stable sort, same order).
 */
function sortedBy<T>(list: readonly T[], keys: Float64Array, keyBits: number, compare: (a: T, b: T) => number): T[] {
  const indexBits = Math.ceil(Math.log2(list.length + 1));
  if (keyBits + indexBits > 53) return [...list].sort(compare);
  const scale = 2 ** indexBits;
  for (let i = 0; i < keys.length; i++) keys[i] = keys[i] * scale + i;
  keys.sort();
  const out = new Array<T>(list.length);
  for (let i = 0; i < keys.length; i++) out[i] = list[keys[i] % scale];
  return out;
}

/** Disjoint spans kept sorted by start, so "what covers x" is a binary search. */
class PrimaryLayer {
  constructor(private readonly spans: Entity[] = []) {}

  /** Add when it overlaps nothing already there. */
  tryAdd(e: Entity): boolean {
    const i = this.firstEndingAfter(e.start);
    if (i < this.spans.length && this.spans[i].start < e.end) return false;
    this.spans.splice(i, 0, e);
    return true;
  }

  /** The span that contains e, 'crossing' when e overlaps a span without lying inside it, else undefined. */
  covering(e: Entity): Entity | 'crossing' | undefined {
    const i = this.firstEndingAfter(e.start);
    if (i >= this.spans.length || this.spans[i].start >= e.end) return undefined;
    const s = this.spans[i];
    return s.start <= e.start && e.end <= s.end ? s : 'crossing';
  }

  snapshot(): PrimaryLayer {
    return new PrimaryLayer([...this.spans]);
  }

  private firstEndingAfter(offset: number): number {
    const spans = this.spans;
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
