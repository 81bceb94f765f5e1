/**
 * The merge as it was before numeric keys and key sorts (commit 54ba04c), kept as the
 * reference of the differential test in effectiveEntities.test.ts. Not used by the product.
 */
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
import type { AnnEntity } from '../../../server/src/core/bratStandoff';
import { ENTITY_LABELS, type Entity, type EntityLabel } from '../../../server/src/core/types';
import { parseNote } from '../../../server/src/core/effectiveEntities';

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

/** Merge human annotations over detections. Pure, O((h + d) log(h + d)) for ordinary nesting. */
export function effectiveEntitiesReference(input: MergeInput): EffectiveEntity[] {
  // Keys are strings made only when there is something to look up: an article without
  // labels or rejections (most of a corpus) makes none.
  const rejected = input.rejected?.length ? new Set(input.rejected.map(detectionKey)) : undefined;
  const humans: EffectiveEntity[] = [];
  if (input.human.length) {
    const detectedByKey = new Map<string, Entity>();
    for (const d of input.detected) detectedByKey.set(detectionKey(d), d);
    for (const h of input.human) if (LABELS.has(h.label)) humans.push(fromHuman(h, detectedByKey.get(detectionKey(h))));
  }
  const humanExtents = humans.length ? new Set(humans.map((h) => `${h.start}:${h.end}`)) : undefined;

  const layer = new PrimaryLayer();
  const out: EffectiveEntity[] = [];
  for (const h of byLengthDesc(humans)) {
    // Each human entity is a fresh object of this call (fromHuman): set its layer in place.
    h.nested = !layer.tryAdd(h);
    out.push(h);
  }
  const humanPrimary = layer.snapshot();
  const candidates =
    rejected || humanExtents ? input.detected.filter((d) => !rejected?.has(detectionKey(d)) && !humanExtents?.has(`${d.start}:${d.end}`)) : input.detected;
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
  return out.sort(byPosition);
}

function fromHuman(h: AnnEntity, same: Entity | undefined): EffectiveEntity {
  const e: EffectiveEntity = { label: h.label as EntityLabel, start: h.start, end: h.end, text: h.text, nested: false, source: 'human', id: h.id };
  const value = h.note !== undefined ? parseNote(h.label, h.note) : same?.value;
  if (value !== undefined) e.value = value;
  if (same?.yearSource && h.note === undefined) e.yearSource = same.yearSource;
  return e;
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

function byLengthDesc<T extends Entity>(list: readonly T[]): T[] {
  return [...list].sort(longerFirst);
}

function longerFirst(a: Entity, b: Entity): number {
  return b.end - b.start - (a.end - a.start) || a.start - b.start || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

function byPosition(a: EffectiveEntity, b: EffectiveEntity): number {
  return a.start - b.start || b.end - a.end || Number(a.nested) - Number(b.nested) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
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
