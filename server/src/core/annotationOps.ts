/**
 * Annotation operations as change sets: each operation reads an article's state and returns
 * the changes it would make, so a client can preview them and the server can re-apply them
 * on top of a file another window changed meanwhile (`applyChanges` finds targets by id,
 * then by label and extent). Pure and linear in the number of annotations.
 */
import { nextEntityId, type AnnDocument, type AnnEntity } from './bratStandoff';
import type { ProvenanceSource, Sidecar, Stamp } from './annotationSidecar';
import { detectionKey, effectiveEntities, noteOf, type DetectionKey, type EffectiveEntity } from './effectiveEntities';
import { createTextView } from './normalize';
import { CodePointIndex } from './offsets';
import type { Entity } from './types';

/** Everything an operation needs about one article. */
export interface ArticleState {
  /** The article as it is now (code points index into it). */
  text: string;
  /** The detector's entities for this text. */
  detected: readonly Entity[];
  ann: AnnDocument;
  sidecar: Sidecar;
}

export interface SpanRef {
  start: number;
  end: number;
}

export type AnnotationChange =
  | { kind: 'add'; label: string; start: number; end: number; text: string; note?: string; source: ProvenanceSource }
  | { kind: 'remove'; id: string; label: string; start: number; end: number; text: string }
  | { kind: 'relabel'; id: string; from: string; label: string; start: number; end: number; text: string }
  | { kind: 'reject'; label: string; start: number; end: number; text: string }
  | { kind: 'unreject'; label: string; start: number; end: number }
  | { kind: 'content'; start: number; end: number; category?: string; text: string }
  | { kind: 'uncontent'; start: number; end: number }
  | { kind: 'review'; reviewed: boolean };

export interface ApplyResult {
  applied: AnnotationChange[];
  /** Changes whose target no longer exists (another window removed or changed it). */
  conflicts: AnnotationChange[];
}

/** The merged view of a state (what the editor shows). */
export function effectiveOf(state: ArticleState): EffectiveEntity[] {
  return effectiveEntities({ detected: state.detected, human: state.ann.entities, rejected: state.sidecar.rejected });
}

const sameExtent = (a: SpanRef, b: SpanRef) => a.start === b.start && a.end === b.end;

/** Label a span (or relabel the human span already on it). */
export function labelSpan(state: ArticleState, selection: SpanRef, label: string, source: ProvenanceSource = 'manual', cps = new CodePointIndex(state.text)): AnnotationChange[] {
  const span = trimSpan(cps, selection);
  if (!span) return [];
  const text = span.text;
  const changes: AnnotationChange[] = [];
  const humans = state.ann.entities.filter((e) => sameExtent(e, span));
  if (humans.some((h) => h.label === label)) return [];
  if (humans.length) {
    const h = humans[0];
    changes.push({ kind: 'relabel', id: h.id, from: h.label, label, start: h.start, end: h.end, text: h.text });
  } else {
    const same = state.detected.find((d) => d.label === label && sameExtent(d, span));
    const add: AnnotationChange = { kind: 'add', label, start: span.start, end: span.end, text, source };
    const note = noteOf(same?.value);
    if (note !== undefined) add.note = note;
    changes.push(add);
  }
  for (const r of state.sidecar.rejected) if (r.label === label && sameExtent(r, span)) changes.push({ kind: 'unreject', label, start: r.start, end: r.end });
  return changes;
}

/** A selection without the whitespace at its edges; undefined when nothing worth labelling (no letter or digit) is left. */
export function trimSpan(cps: CodePointIndex, span: SpanRef): (SpanRef & { text: string }) | undefined {
  if (span.end <= span.start) return undefined;
  const raw = cps.slice(span.start, span.end);
  const lead = [...raw].length - [...raw.trimStart()].length;
  const text = raw.trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return undefined;
  const start = span.start + lead;
  return { start, end: start + [...text].length, text };
}

/** Remove every label on a span: human spans are deleted, detections on it are rejected. */
export function removeSpan(state: ArticleState, span: SpanRef): AnnotationChange[] {
  const changes: AnnotationChange[] = [];
  for (const h of state.ann.entities) {
    if (sameExtent(h, span)) changes.push({ kind: 'remove', id: h.id, label: h.label, start: h.start, end: h.end, text: h.text });
  }
  const rejected = new Set(state.sidecar.rejected.map(detectionKey));
  for (const d of state.detected) {
    if (sameExtent(d, span) && !rejected.has(detectionKey(d))) changes.push({ kind: 'reject', label: d.label, start: d.start, end: d.end, text: d.text });
  }
  return changes;
}

/** Confirm a detection: it becomes a human span with its value as the note. */
export function acceptDetection(state: ArticleState, d: DetectionKey): AnnotationChange[] {
  const hit = state.detected.find((x) => x.label === d.label && sameExtent(x, d));
  if (!hit) return [];
  return labelSpan(state, hit, hit.label, 'accepted');
}

export function rejectDetection(state: ArticleState, d: DetectionKey): AnnotationChange[] {
  const hit = state.detected.find((x) => x.label === d.label && sameExtent(x, d));
  if (!hit || state.sidecar.rejected.some((r) => r.label === d.label && sameExtent(r, d))) return [];
  return [{ kind: 'reject', label: hit.label, start: hit.start, end: hit.end, text: hit.text }];
}

/** Accept every unconfirmed detection shown in the file, optionally of one label only. */
export function acceptAll(state: ArticleState, label?: string): AnnotationChange[] {
  const out: AnnotationChange[] = [];
  for (const e of effectiveOf(state)) {
    if (e.source !== 'detected' || (label && e.label !== label)) continue;
    const add: AnnotationChange = { kind: 'add', label: e.label, start: e.start, end: e.end, text: e.text, source: 'accepted' };
    const note = noteOf(e.value);
    if (note !== undefined) add.note = note;
    out.push(add);
  }
  return out;
}

export function setReviewed(reviewed: boolean): AnnotationChange[] {
  return [{ kind: 'review', reviewed }];
}

/** Declare a boilerplate block (or any span) article content. */
export function markContent(state: ArticleState, span: SpanRef, category?: string): AnnotationChange[] {
  if (span.end <= span.start) return [];
  if (state.sidecar.content.some((c) => sameExtent(c, span) && c.category === category)) return [];
  const change: AnnotationChange = { kind: 'content', start: span.start, end: span.end, text: new CodePointIndex(state.text).slice(span.start, span.end) };
  if (category) change.category = category;
  return [change];
}

/** One other occurrence of a mention, for the preview. */
export interface Occurrence extends SpanRef {
  text: string;
  /** Same capitalisation as the labelled mention (a case-only match such as `nam` for `Nam` is less likely the same entity). */
  exactCase: boolean;
  change: AnnotationChange;
}

/**
 * Every other occurrence of the same normalized string (guide §1: NFC, tone placement,
 * case, whitespace) that is not already labelled this way, with the change each needs.
 * Occurrences crossing a human span are skipped (labelling them would contradict it).
 */
export function identicalMentions(state: ArticleState, span: SpanRef, label: string, needleText?: string): Occurrence[] {
  const cps = new CodePointIndex(state.text);
  const needle = needleText ?? cps.slice(span.start, span.end);
  const humans = [...state.ann.entities].sort((a, b) => a.start - b.start);
  const out: Occurrence[] = [];
  for (const m of findMentions(state.text, needle, cps)) {
    if (sameExtent(m, span)) continue;
    if (humansOverlapping(humans, m).some((h) => crosses(h, m))) continue;
    const changes = labelSpan(state, m, label, 'bulk', cps).filter((c) => c.kind !== 'unreject');
    if (changes.length === 0) continue;
    out.push({ start: m.start, end: m.end, text: m.text, exactCase: m.text === needle, change: changes[0] });
  }
  return out;
}

/** Overlapping without either containing the other. */
function crosses(a: SpanRef, b: SpanRef): boolean {
  return a.start < b.end && b.start < a.end && !(a.start <= b.start && b.end <= a.end) && !(b.start <= a.start && a.end <= b.end);
}

function humansOverlapping(sorted: readonly AnnEntity[], s: SpanRef): AnnEntity[] {
  const out: AnnEntity[] = [];
  for (const h of sorted) {
    if (h.start >= s.end) break;
    if (h.end > s.start) out.push(h);
  }
  return out;
}

/**
 * Occurrences of `needle` in `text` under the normalized key: compared in the analysis view
 * (NFC, tones, NBSP), case-folded, any whitespace run matching one space, and only at word
 * boundaries (so `Nam` does not match inside `Namibia`). Returns stored code-point spans.
 */
export function findMentions(text: string, needle: string, cps = new CodePointIndex(text)): Array<SpanRef & { text: string }> {
  const view = createTextView(text);
  const hay = foldCase(view.text);
  const words = foldCase(createTextView(needle).text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const out: Array<SpanRef & { text: string }> = [];
  for (let i = hay.indexOf(words[0]); i >= 0; i = hay.indexOf(words[0], i + 1)) {
    if (isWordChar(hay, i - 1)) continue;
    const end = matchRest(hay, i + words[0].length, words);
    if (end < 0 || isWordChar(hay, end)) continue;
    const rs = view.toRaw(i);
    const re = view.toRaw(end);
    out.push({ start: cps.toCodePoint(rs), end: cps.toCodePoint(re), text: text.slice(rs, re) });
  }
  return out;
}

/** After the first word at `pos`, match the remaining words separated by whitespace runs; the end index or -1. */
function matchRest(hay: string, pos: number, words: string[]): number {
  for (let w = 1; w < words.length; w++) {
    let p = pos;
    while (p < hay.length && /\s/.test(hay[p])) p++;
    if (p === pos || !hay.startsWith(words[w], p)) return -1;
    pos = p + words[w].length;
  }
  return pos;
}

function isWordChar(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  return /[\p{L}\p{N}\p{M}]/u.test(s[i]);
}

/** Lower case without changing the length (a character whose lower case is longer stays as is). */
function foldCase(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = '';
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/**
 * Apply changes to an article's .ann document and sidecar (mutated in place). Targets are
 * found by id when the id still names the same span, else by label and extent, so a change
 * computed on an older copy still lands right; a change whose target is gone is a conflict.
 */
export function applyChanges(doc: AnnDocument, sidecar: Sidecar, changes: readonly AnnotationChange[], stamp: Stamp): ApplyResult {
  const result: ApplyResult = { applied: [], conflicts: [] };
  // One id scan and one key set per batch, so accepting 2,000 detections stays linear.
  const ctx: ApplyContext = { nextId: Number(nextEntityId(doc).slice(1)), keys: new Set(doc.entities.map((e) => detectionKey(e))), stamp };
  for (const c of changes) {
    const ok = applyOne(doc, sidecar, c, ctx);
    (ok ? result.applied : result.conflicts).push(c);
  }
  return result;
}

interface ApplyContext {
  nextId: number;
  /** label:start:end of every human span. */
  keys: Set<string>;
  stamp: Stamp;
}

function applyOne(doc: AnnDocument, sidecar: Sidecar, c: AnnotationChange, ctx: ApplyContext): boolean {
  const stamp = ctx.stamp;
  switch (c.kind) {
    case 'add': {
      if (ctx.keys.has(detectionKey(c))) return true;
      const e: AnnEntity = { id: `T${ctx.nextId++}`, label: c.label, start: c.start, end: c.end, fragments: [[c.start, c.end]], text: c.text };
      if (c.note !== undefined) e.note = c.note;
      doc.entities.push(e);
      ctx.keys.add(detectionKey(e));
      sidecar.provenance[e.id] = { source: c.source, ...stamp };
      return true;
    }
    case 'remove': {
      const i = findTarget(doc.entities, c.id, c.label, c);
      if (i < 0) return false;
      delete sidecar.provenance[doc.entities[i].id];
      ctx.keys.delete(detectionKey(doc.entities[i]));
      doc.entities.splice(i, 1);
      return true;
    }
    case 'relabel': {
      const i = findTarget(doc.entities, c.id, c.from, c);
      if (i < 0) return false;
      const e = doc.entities[i];
      if (e.label !== c.label) {
        ctx.keys.delete(detectionKey(e));
        e.label = c.label;
        ctx.keys.add(detectionKey(e));
        // The note was the old label's value (an ISO date, a DOC object): it no longer applies.
        delete e.note;
      }
      sidecar.provenance[e.id] = { source: 'manual', ...stamp };
      return true;
    }
    case 'reject':
      if (!sidecar.rejected.some((r) => r.label === c.label && sameExtent(r, c))) sidecar.rejected.push({ label: c.label, start: c.start, end: c.end, text: c.text, ...stamp });
      return true;
    case 'unreject':
      sidecar.rejected = sidecar.rejected.filter((r) => !(r.label === c.label && sameExtent(r, c)));
      return true;
    case 'content':
      if (!sidecar.content.some((m) => sameExtent(m, c) && m.category === c.category)) {
        sidecar.content.push({ start: c.start, end: c.end, ...(c.category ? { category: c.category } : {}), text: c.text, ...stamp });
      }
      return true;
    case 'uncontent':
      sidecar.content = sidecar.content.filter((m) => !sameExtent(m, c));
      return true;
    case 'review':
      sidecar.reviewed = c.reviewed ? { ...stamp } : null;
      return true;
  }
}

function findTarget(entities: readonly AnnEntity[], id: string, label: string, span: SpanRef): number {
  const byId = entities.findIndex((e) => e.id === id);
  if (byId >= 0 && entities[byId].label === label && sameExtent(entities[byId], span)) return byId;
  return entities.findIndex((e) => e.label === label && sameExtent(e, span));
}
