/**
 * Where the article sits on the page: its first body paragraph, its headline and the end
 * of its body. Shared by boilerplate.ts (everything above the headline and below the body
 * end is page chrome) and metadata.ts (headline, dateline, source and byline are found
 * around these lines), so both stages agree. `marks[i]` is the boilerplate category a
 * line already has, if any.
 */
import type { BoilerplateCategory } from './types';
import {
  afterLabel, isGoodParagraph, isHeadlineLike, isNameLike, isNamesLine, isSourceName, isStampLine, parseMetaLine, shapeLine,
  type LineShape, type Span,
} from './lineShape';
import { BYLINE_LABELS } from './data/metadataCues';
import { normalizedKey } from './normalize';

export type Marks = Array<BoilerplateCategory | undefined>;

/** How far above the first body paragraph the headline is looked for (non-blank lines). */
const HEADLINE_REACH = 12;
/** Chrome that may sit between a headline and its lede (share bars, font controls, ads). */
const PASSABLE: ReadonlySet<BoilerplateCategory> = new Set(['ad', 'navigation', 'social']);

/**
 * The first body paragraph: the first unmarked jusText-"good" line; failing that (a short
 * article), the first unmarked sentence of a dozen words or more. -1 when there is none.
 */
export function findFirstBody(shapes: readonly LineShape[], marks: Marks): number {
  let fallback = -1;
  for (let i = 0; i < shapes.length; i++) {
    const s = shapes[i];
    if (marks[i] || s.blank) continue;
    if (isGoodParagraph(s)) return i;
    if (fallback < 0 && s.words >= 12 && s.endsSentence) fallback = i;
  }
  return fallback;
}

/** Between a headline and its lede: datelines, meta lines, bylines. */
function isMetaShaped(s: LineShape): boolean {
  return isStampLine(s) || parseMetaLine(s) !== null || isNamesLine(s.text) || hasBylineLabel(s);
}

const COLON_LABELS = BYLINE_LABELS.filter((l) => l !== 'theo').map(normalizedKey);

/**
 * The credited part of a byline line: `Theo TTXVN`, `Theo Minh Hà (VOV)` (no colon, short,
 * a name or an agency), `Bài, ảnh: Minh Hà`, `Tác giả: Đức Thiện` (label and colon).
 */
export function bylineRest(s: LineShape): Span | null {
  if (s.words > 12 || s.endsSentence) return null;
  if (s.text.startsWith('(') && s.text.endsWith(')') && s.text.length > 2) {
    // `(Theo TTXVN)`: the same byline inside brackets.
    return bylineRest(shapeLine({ index: s.line.index, start: s.start + 1, end: s.end - 1, text: s.text.slice(1, -1) }));
  }
  const theo = afterLabel(s, ['theo'], false);
  if (theo) {
    const rest = s.text.slice(theo.start - s.start).replace(/\s*\([^()]*\)$/u, '');
    return isNameLike(rest) || isSourceName(rest) ? theo : null;
  }
  return afterLabel(s, COLON_LABELS, true);
}

export function hasBylineLabel(s: LineShape): boolean {
  return bylineRest(s) !== null;
}

/**
 * The headline: the nearest headline-like line above the first body paragraph, passing
 * datelines, bylines, a short sapo and page controls. A headline-like line with a full
 * sentence right above it is a subheading under a sapo, so the climb goes on. Without a
 * body paragraph, the first unmarked headline-like line. -1 when there is none.
 */
export function findHeadline(shapes: readonly LineShape[], marks: Marks, first: number): number {
  if (first < 0) return shapes.findIndex((s, i) => !marks[i] && isHeadlineLike(s));
  let seen = 0;
  for (let j = first - 1; j >= 0 && seen < HEADLINE_REACH; j--) {
    const s = shapes[j];
    if (s.blank) continue;
    seen++;
    const m = marks[j];
    if (m) {
      if (PASSABLE.has(m)) continue;
      break;
    }
    if (isMetaShaped(s) || !isHeadlineLike(s)) continue;
    const above = previousNonBlank(shapes, j);
    if (above >= 0 && !marks[above] && shapes[above].endsSentence && shapes[above].words >= 8) continue;
    return j;
  }
  return -1;
}

export function previousNonBlank(shapes: readonly LineShape[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (!shapes[j].blank) return j;
  return -1;
}

export function nextNonBlank(shapes: readonly LineShape[], i: number): number {
  for (let j = i + 1; j < shapes.length; j++) if (!shapes[j].blank) return j;
  return -1;
}

/** The last unmarked body paragraph at or after `first`; -1 when none. */
export function findLastBody(shapes: readonly LineShape[], marks: Marks, first: number): number {
  if (first < 0) return -1;
  for (let i = shapes.length - 1; i >= first; i--) if (!marks[i] && isGoodParagraph(shapes[i])) return i;
  return first;
}

/**
 * Closing lines that still belong to the article after its last long paragraph: short
 * final sentences, a caption, the byline (`Minh Hà`, `Theo TTXVN`, `Bài, ảnh: …`).
 */
export function isClosingLine(s: LineShape): boolean {
  if (isNamesLine(s.text) || hasBylineLabel(s)) return true;
  if (/\|$/.test(s.text)) return true; // a caption in the `… |` style
  if (/^\d{1,2}[.)]\s/.test(s.text) && s.words >= 3) return true; // a numbered list item (`1. Đồng chí …`)
  // Sentences, and list items or clauses that end in `;`, `,` or `:` (a list closing the article).
  const clause = s.endsSentence || /[;:,]$/.test(s.text);
  return clause && s.words >= 4 && (s.stopDensity > 0 || s.words >= 8);
}

/**
 * The last line of the article body: the last body paragraph, extended over the closing
 * lines right after it (blank lines in between are fine). -1 when there is no body.
 */
export function findBodyEnd(shapes: readonly LineShape[], marks: Marks, first: number): number {
  let end = findLastBody(shapes, marks, first);
  if (end < 0) return -1;
  for (let j = end + 1; j < shapes.length; j++) {
    const s = shapes[j];
    if (s.blank) continue;
    if (marks[j] || !isClosingLine(s)) break;
    end = j;
  }
  return end;
}

export interface Layout {
  first: number;
  headline: number;
  bodyEnd: number;
}

/** All three at once, for a stage that only reads them. */
export function layoutOf(shapes: readonly LineShape[], marks: Marks): Layout {
  const first = findFirstBody(shapes, marks);
  return { first, headline: findHeadline(shapes, marks, first), bodyEnd: findBodyEnd(shapes, marks, first) };
}
