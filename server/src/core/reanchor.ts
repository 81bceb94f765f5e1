/**
 * Keeping stored spans on their words when the article changes.
 *
 * - Edits made in the editor arrive as replacements; `shiftSpans` moves every span by the
 *   edit (before it: shifted; inside it: stretched; across its boundary: clipped). A span
 *   whose characters were all deleted is reported as lost, never silently dropped.
 * - Changes made elsewhere (another tool, git) arrive as a new text; `reanchorSpans` looks
 *   for each span's stored text near its old place (nearest occurrence, first exact, then
 *   ignoring Unicode normalization, tone placement and no-break spaces); spans not found
 *   are reported as lost.
 * Offsets are code points (guide §1). Both functions are linear in spans + text.
 */
import { createTextView } from './normalize';
import { CodePointIndex } from './offsets';

export interface Anchored {
  start: number;
  end: number;
  text: string;
}

/** One replacement in code points: [start, end) of the old text replaced by `length` new characters. */
export interface SpanEdit {
  start: number;
  end: number;
  length: number;
}

export interface ShiftResult<T> {
  /** Spans still present, with updated offsets (their text is the caller's to refresh). */
  kept: T[];
  /** Spans whose covered characters changed (text must be refreshed from the new article). */
  touched: T[];
  /** Spans whose every character was deleted. */
  lost: T[];
}

/** Apply editor edits, in order, to copies of the spans. */
export function shiftSpans<T extends { start: number; end: number }>(spans: readonly T[], edits: readonly SpanEdit[]): ShiftResult<T> {
  let live: T[] = spans.map((s) => ({ ...s }));
  const touched = new Set<T>();
  const lost: T[] = [];
  for (const edit of edits) {
    const delta = edit.length - (edit.end - edit.start);
    const next: T[] = [];
    for (const s of live) {
      if (edit.end <= s.start) {
        // Entirely before (an insertion exactly at the start stays outside the span).
        s.start += delta;
        s.end += delta;
      } else if (edit.start >= s.end) {
        // Entirely after (an insertion exactly at the end stays outside too).
      } else if (edit.start >= s.start && edit.end <= s.end) {
        s.end += delta;
        touched.add(s);
      } else {
        const start = edit.start < s.start ? edit.start + edit.length : s.start;
        const end = edit.end > s.end ? edit.start : s.end + delta;
        s.start = start;
        s.end = end;
        touched.add(s);
      }
      if (s.end <= s.start) lost.push(s);
      else next.push(s);
    }
    live = next;
  }
  return { kept: live, touched: live.filter((s) => touched.has(s)), lost };
}

export interface ReanchorResult<T> {
  /** Spans found at their old place. */
  unchanged: T[];
  /** Spans found elsewhere: copies with new offsets (and the matched text, if it differs by normalization). */
  moved: Array<{ before: T; after: T }>;
  lost: T[];
}

export interface ReanchorOptions {
  /** How far (code points) from the expected place to look before searching the whole text. */
  window?: number;
  /**
   * The text the spans were made on, when known (the server keeps it while running). The
   * unchanged head and tail of the two texts then place every span outside the changed
   * region exactly, even among identical neighbours.
   */
  oldText?: string;
}

/**
 * Find each span again in a changed text. Spans are visited in order and each found one
 * updates the running shift, so a paragraph inserted at the top moves everything below it
 * without a whole-text search per span.
 */
export function reanchorSpans<T extends Anchored>(spans: readonly T[], newText: string, options: ReanchorOptions = {}): ReanchorResult<T> {
  const cps = new CodePointIndex(newText);
  const window = options.window ?? 2000;
  const result: ReanchorResult<T> = { unchanged: [], moved: [], lost: [] };
  let shift = 0;
  let loose: LooseIndex | undefined;
  const diff = options.oldText === undefined ? undefined : unchangedEnds(options.oldText, cps);
  const order = spans.map((s, i) => i).sort((a, b) => spans[a].start - spans[b].start);
  for (const i of order) {
    const s = spans[i];
    const sure = diff && s.end <= diff.prefix ? 0 : diff && s.start >= diff.oldTail ? diff.delta : undefined;
    if (sure === 0 || (sure === undefined && s.end <= cps.length && cps.slice(s.start, s.end) === s.text)) {
      result.unchanged.push(s);
      shift = 0;
      continue;
    }
    if (sure !== undefined && cps.slice(s.start + sure, s.end + sure) === s.text) {
      result.moved.push({ before: s, after: { ...s, start: s.start + sure, end: s.end + sure } });
      shift = sure;
      continue;
    }
    const expected = s.start + shift;
    let found = findNearest(newText, cps, s.text, expected, window);
    if (!found) {
      loose ??= new LooseIndex(newText, cps);
      found = loose.findNearest(s.text, expected);
    }
    if (!found) {
      result.lost.push(s);
      continue;
    }
    shift = found.start - s.start;
    result.moved.push({ before: s, after: { ...s, start: found.start, end: found.end, text: found.text } });
  }
  return result;
}

/** Code-point extent of the unchanged head of both texts and where the unchanged tail starts in the old one. */
function unchangedEnds(oldText: string, now: CodePointIndex): { prefix: number; oldTail: number; delta: number } {
  const a = oldText;
  const b = now.text;
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p > 0 && p < max && isLowSurrogate(a.charCodeAt(p))) p--;
  let q = 0;
  while (q < max - p && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  if (q > 0 && q < a.length && isLowSurrogate(a.charCodeAt(a.length - q))) q--;
  const old = new CodePointIndex(a);
  const oldTail = old.toCodePoint(a.length - q);
  return { prefix: old.toCodePoint(p), oldTail, delta: now.toCodePoint(b.length - q) - oldTail };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Nearest exact occurrence (code points) to `expected`: inside the window first, then anywhere. */
function findNearest(text: string, cps: CodePointIndex, needle: string, expected: number, window: number): { start: number; end: number; text: string } | undefined {
  if (needle === '') return undefined;
  const exp16 = cps.toUtf16(Math.max(0, Math.min(expected, cps.length)));
  // The window is in code points; as UTF-16 units it can only be longer, so this is a safe bound.
  const best = nearestIndex(text, needle, exp16, window) ?? nearestIndex(text, needle, exp16, text.length);
  if (best === undefined) return undefined;
  const start = cps.toCodePoint(best);
  return { start, end: cps.toCodePoint(best + needle.length), text: needle };
}

/**
 * Nearest index of needle to `at` within ±radius UTF-16 units, at word boundaries: a
 * mention is never "found" inside a longer word (`Nam` in `Namibia`, `x` in `xây`).
 */
function nearestIndex(text: string, needle: string, at: number, radius: number): number | undefined {
  // Exactly where expected (the running shift was right): the usual case after an insertion.
  if (at >= 0 && text.startsWith(needle, at) && atBoundaries(text, at, at + needle.length)) return at;
  // One probe forward and one backward from `at`: the common case costs two searches.
  let fwd = text.indexOf(needle, Math.max(0, at));
  while (fwd >= 0 && fwd <= at + radius && !atBoundaries(text, fwd, fwd + needle.length)) fwd = text.indexOf(needle, fwd + 1);
  if (fwd > at + radius) fwd = -1;
  let back = at > 0 ? text.lastIndexOf(needle, at - 1) : -1;
  while (back >= 0 && back >= at - radius && !atBoundaries(text, back, back + needle.length)) back = back > 0 ? text.lastIndexOf(needle, back - 1) : -1;
  if (back < at - radius) back = -1;
  if (fwd < 0) return back < 0 ? undefined : back;
  if (back < 0) return fwd;
  return at - back < fwd - at ? back : fwd;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

function isWord(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD.test(ch);
}

function atBoundaries(text: string, start: number, end: number): boolean {
  const glued = (a: string | undefined, b: string | undefined) => isWord(a) && isWord(b);
  return !glued(text[start - 1], text[start]) && !glued(text[end - 1], text[end]);
}

/** Search in the analysis view (NFC, one tone placement, NBSP as space), mapped back to stored offsets. */
class LooseIndex {
  private readonly view: ReturnType<typeof createTextView>;

  constructor(
    private readonly raw: string,
    private readonly cps: CodePointIndex,
  ) {
    this.view = createTextView(raw);
  }

  findNearest(needle: string, expected: number): { start: number; end: number; text: string } | undefined {
    const key = createTextView(needle).text;
    if (key.trim() === '') return undefined;
    const at = this.view.toView(this.cps.toUtf16(Math.max(0, Math.min(expected, this.cps.length))));
    const hit = nearestIndex(this.view.text, key, at, this.view.text.length);
    if (hit === undefined) return undefined;
    const rs = this.view.toRaw(hit);
    const re = this.view.toRaw(hit + key.length);
    return { start: this.cps.toCodePoint(rs), end: this.cps.toCodePoint(re), text: this.raw.slice(rs, re) };
  }
}
