/**
 * Where the article sits on the page: its first body paragraph, its headline and the end
 * of its body. Shared by boilerplate.ts (everything above the headline and below the body
 * end is page chrome) and metadata.ts (headline, dateline, source and byline are found
 * around these lines), so both stages agree. `marks[i]` is the boilerplate category a
 * line already has, if any.
 */
import { escapeRegExp } from './escapeRegExp';
import type { BoilerplateCategory } from './types';
import {
  afterLabel, FACT_CREDITS, FACT_META_SHAPED, isGoodParagraph, isHeadlineLike, isNameLike, isNamesShape, isSourceName, isStampLine,
  memoFact, parseMetaLine, shapeLine, type LineShape, type Span,
} from './lineShape';
import { BYLINE_LABELS, CREDIT_LABELS, SOURCE_LABELS, STAFF_BYLINES } from './data/metadataCues';
import { normalizedKey } from './normalize';

export type Marks = Array<BoilerplateCategory | undefined>;

/** How far above the first body paragraph the headline is looked for (non-blank lines). */
const HEADLINE_REACH = 12;
/** Chrome that may sit between a headline and its lede (share bars, font controls, ads, comment counts). */
const PASSABLE: ReadonlySet<BoilerplateCategory> = new Set(['ad', 'navigation', 'social', 'comments']);

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
  return memoFact(s, FACT_META_SHAPED, metaShaped);
}

function metaShaped(s: LineShape): boolean {
  return isStampLine(s) || parseMetaLine(s) !== null || isNamesShape(s) || hasBylineLabel(s);
}

const COLON_LABELS = BYLINE_LABELS.filter((l) => l !== 'theo').map(normalizedKey);

/**
 * The credited part of a byline line: `Theo TTXVN`, `Theo Minh Hà (VOV)`, `Theo Báo Quảng
 * Ninh` (no colon, short, a name, an agency or a publication), `Bài, ảnh: Minh Hà`,
 * `Tác giả: Đức Thiện`, `Nguồn: Văn phòng Tỉnh ủy` (label and colon). Brackets around the
 * whole line are allowed: `(Theo TTXVN)`.
 */
export function bylineRest(s: LineShape): Span | null {
  if (s.words > 12 || s.endsSentence) return null;
  const inner = unbracketed(s);
  if (inner) return bylineRest(inner);
  const theo = afterLabel(s, ['theo'], false);
  if (theo) {
    const rest = s.text.slice(theo.start - s.start).replace(/\([^()]*\)$/u, '').trimEnd(); // s.text is trimmed; a leading \s* would be quadratic on blank runs
    return isNameLike(rest) || isSourceName(rest) || isPublicationName(rest) ? theo : null;
  }
  return afterLabel(s, COLON_LABELS, true);
}

/** The shape of the text inside brackets that enclose a whole line (`(Theo TTXVN)`), else null. */
function unbracketed(s: LineShape): LineShape | null {
  if (!(s.text.startsWith('(') && s.text.endsWith(')') && s.text.length > 2)) return null;
  const inner = s.text.slice(1, -1);
  if (inner.includes('(') || inner.includes(')')) return null;
  return shapeLine({ index: s.line.index, start: s.start + 1, end: s.end - 1, text: inner });
}

/**
 * A publication or an organisation credited by name (`Báo Quảng Ninh`, `báo Nhân Dân`,
 * `Hội đồng Tiền lương quốc gia`): at most a dozen words, a capital in the first two, no sentence
 * punctuation.
 */
export function isPublicationName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length === 0 || words.length > 12 || /[.,;:!?"“”]/u.test(text.replace(/\.(?=\p{L})/gu, ''))) return false;
  return /^\p{Lu}/u.test(words[0]) || (words.length > 1 && /^\p{Ll}+$/u.test(words[0]) && /^\p{Lu}/u.test(words[1]));
}

const SOURCE_LABEL_KEYS = SOURCE_LABELS.map(normalizedKey);

/** Whether the byline's label credits a source (`Theo`, `Nguồn:`), not an author (`Bài:`). */
export function hasSourceLabel(s: LineShape): boolean {
  const inner = unbracketed(s) ?? s;
  return afterLabel(inner, SOURCE_LABEL_KEYS, false) !== null;
}

const CREDIT_LABEL_KEYS = [...CREDIT_LABELS].map(normalizedKey).sort((a, b) => b.length - a.length);

/** A photo credit on its own line: `Ảnh: Nhật Bắc`, `(Ảnh: VGP/Nhật Bắc)`, `Ảnh: TTXVN`. */
export function isCreditLine(s: LineShape): boolean {
  if (s.words > 10 || s.endsSentence && !s.text.endsWith(')')) return false;
  const inner = unbracketed(s) ?? s;
  return afterLabel(inner, CREDIT_LABEL_KEYS, true) !== null;
}

const STAFF_KEYS = new Set(STAFF_BYLINES.map(normalizedKey));

/** A byline crediting the newsroom (`PV`, `Nhóm PV`, `(CTV)`): the span without brackets, else null. */
export function staffByline(s: LineShape): Span | null {
  if (s.words > 4) return null;
  const inner = unbracketed(s) ?? s;
  return STAFF_KEYS.has(inner.key) ? { start: inner.start, end: inner.end } : null;
}

/** An agency credit in brackets on its own line (`(TTXVN)`, `(TTXVN/Vietnam+)`): the span inside, else null. */
export function agencyLine(s: LineShape): Span | null {
  const inner = unbracketed(s);
  if (!inner || inner.words > 4) return null;
  const parts = inner.text.split(/\s?\/\s?|\s[-–]\s/u);
  const ok = parts.every((p) => p.split(/\s+/).length <= 3 && /^\p{Lu}/u.test(p)) && parts.some((p) => isSourceName(p));
  return ok ? { start: inner.start, end: inner.end } : null;
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
    if (!isHeadlineLike(s) || isMetaShaped(s)) continue; // the cheaper test first
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

/**
 * The last unmarked body paragraph at or after `first`; -1 when none. With `isTerminal`,
 * the search stops at the first marked line after which the article cannot resume (a
 * comment section, a tag list, the footer), so readers' comments and notices in prose
 * below it are not mistaken for the body.
 */
export function findLastBody(shapes: readonly LineShape[], marks: Marks, first: number, isTerminal?: (i: number) => boolean): number {
  if (first < 0) return -1;
  let last = first;
  for (let i = first + 1; i < shapes.length; i++) {
    if (marks[i]) {
      if (isTerminal?.(i)) break;
      continue;
    }
    if (isGoodParagraph(shapes[i])) last = i;
  }
  return last;
}

/**
 * Closing lines that still belong to the article after its last long paragraph, in any
 * order and with blank lines between them: short final sentences, a caption, bylines
 * (`Minh Hà`, `Văn Điệp (TTXVN)`, `Bài và ảnh: …`, `PV`), photo credits (`Ảnh: Nhật Bắc`)
 * and source credits (`Theo TTXVN`, `(Theo báo Quảng Ninh)`, `Nguồn: …`, `(TTXVN/Vietnam+)`).
 */
export function isClosingLine(s: LineShape): boolean {
  if (isCreditsLine(s)) return true;
  if (/\|$/.test(s.text)) return true; // a caption in the `… |` style
  if (/^\d{1,2}[.)]\s/.test(s.text) && s.words >= 3) return true; // a numbered list item (`1. Đồng chí …`)
  // Sentences, and list items or clauses that end in `;`, `,` or `:` (a list closing the article).
  const clause = s.endsSentence || /[;:,]$/.test(s.text);
  return clause && s.words >= 4 && (s.stopDensity > 0 || s.words >= 8);
}

/** A byline, photo credit, source credit or newsroom credit line. */
export function isCreditsLine(s: LineShape): boolean {
  return s.words <= 30 && memoFact(s, FACT_CREDITS, creditsLine);
}

function creditsLine(s: LineShape): boolean {
  return isNamesShape(s) || hasBylineLabel(s) || isCreditLine(s) || staffByline(s) !== null || agencyLine(s) !== null || labelledParts(s) !== null;
}

export interface LabelledPart {
  kind: 'byline' | 'credit' | 'source';
  /** The credited text after the label and its colon. */
  rest: Span;
}

const PART_LABELS = new Map<string, LabelledPart['kind']>([
  ...COLON_LABELS.map((k) => [k, 'byline'] as const),
  ...SOURCE_LABEL_KEYS.map((k) => [k, 'source'] as const),
  ...CREDIT_LABEL_KEYS.map((k) => [k, 'credit'] as const),
]);
/** A label with its colon at the start of the line or after a separator (` - `, ` | `, `; `). */
const PART_RE = new RegExp(
  String.raw`(?:^|\s[-–|]\s|[;.]\s)(${[...PART_LABELS.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})\s?:\s?`,
  'giu',
);

/**
 * The parts of a credits line with several labels: `Tác giả: Hoài Thu - Nguồn: Trung tâm
 * Truyền thông huyện`, `Bài: Minh Hà | Ảnh: Quang Minh`. Null unless the line starts with a
 * label and has at least two.
 */
export function labelledParts(s: LineShape): LabelledPart[] | null {
  if (s.words > 30 || !s.text.includes(':')) return null;
  if (s.partsMemo === undefined) s.partsMemo = scanLabelledParts(s);
  return s.partsMemo;
}

function scanLabelledParts(s: LineShape): LabelledPart[] | null {
  const found = [...s.text.matchAll(PART_RE)];
  if (found.length < 2 || found[0].index !== 0) return null;
  return found.map((m, k) => {
    const from = m.index + m[0].length;
    const to = k + 1 < found.length ? found[k + 1].index : s.text.length;
    const piece = s.text.slice(from, to).replace(/[\s.,;]+$/u, '');
    return { kind: PART_LABELS.get(normalizedKey(m[1]))!, rest: { start: s.start + from, end: s.start + from + piece.length } };
  });
}

/**
 * The last line of the article body: the last body paragraph, extended over the closing
 * lines right after it (blank lines in between are fine). -1 when there is no body.
 */
export function findBodyEnd(shapes: readonly LineShape[], marks: Marks, first: number, isTerminal?: (i: number) => boolean): number {
  let end = findLastBody(shapes, marks, first, isTerminal);
  if (end < 0) return -1;
  for (let j = end + 1; j < shapes.length; j++) {
    const s = shapes[j];
    if (s.blank) continue;
    // A related box or an ad between the last paragraph and a closing sentence or byline.
    if (marks[j]) {
      if (isTerminal === undefined || isTerminal(j)) break;
      continue;
    }
    if (!isClosingLine(s)) break;
    end = j;
  }
  return end;
}

export interface Layout {
  first: number;
  headline: number;
  bodyEnd: number;
}

/**
 * All three at once, for a stage that reads the boilerplate stage's marks: that stage has
 * marked everything below the body, so the body ends at the last unmarked line.
 */
export function layoutOf(shapes: readonly LineShape[], marks: Marks): Layout {
  const first = findFirstBody(shapes, marks);
  let bodyEnd = -1;
  if (first >= 0) for (let i = shapes.length - 1; i >= first && bodyEnd < 0; i--) if (!shapes[i].blank && !marks[i]) bodyEnd = i;
  return { first, headline: findHeadline(shapes, marks, first), bodyEnd };
}
