/**
 * Shape of each line of a page, the evidence boilerplate.ts and metadata.ts reason with:
 * length in syllables, stop-word density (jusText), sentence punctuation, bullets,
 * indentation, and the small recognizers both stages share (date-time stamps, meta lines
 * `Chuyên mục - Tác giả - HH:MM DD/MM/YYYY`, source prefixes `VOV.VN -`, person-name-like
 * text). Everything works on one line at a time, in view UTF-16 indices; no regular
 * expression here has nested quantifiers.
 */
import type { Line } from './candidates';
import { normalizedKey } from './normalize';
import { VIETNAMESE_STOP_SYLLABLES } from './data/stopwords';
import { BULLET_MARKS, SECTION_NAMES, STAMP_LABELS } from './data/boilerplateCues';

export interface LineShape {
  line: Line;
  /** Only whitespace (no-break spaces are already plain spaces in the view). */
  blank: boolean;
  /** Leading whitespace characters. */
  indent: number;
  /** The line without surrounding whitespace, and its view span. */
  text: string;
  start: number;
  end: number;
  /** normalizedKey of the text: what verbatim repetition compares. */
  key: string;
  /** Letters-only key (digits, punctuation, symbols dropped): what cue tables compare. */
  skeleton: string;
  words: number;
  /** Share of syllables that are stop words (0 for a line without words). */
  stopDensity: number;
  hasDigits: boolean;
  /** Ends like a sentence: `.`, `!`, `?`, `…`, possibly followed by a closing quote or bracket. */
  endsSentence: boolean;
  /** Starts with a list mark (`•`, `»`, `-`, …) followed by a space. */
  bullet: boolean;
}

const STOP = new Set(VIETNAMESE_STOP_SYLLABLES.map(normalizedKey));
const SECTIONS = new Set(SECTION_NAMES.map(normalizedKey));
const STAMP_WORDS = new Set(STAMP_LABELS.flatMap((l) => normalizedKey(l).split(' ')));
const BULLETS = new Set(BULLET_MARKS);

/** Letters-only form of a normalized key: other characters become single spaces. */
export function skeletonOf(key: string): string {
  return scanKey(key).skeleton;
}

const LETTER = /\p{L}/u;

/** Letter test, fast for the Latin and Vietnamese ranges (property regexes are slow in bulk). */
function isLetterCode(c: number, s: string, i: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x1e00 && c <= 0x1eff) return true;
  if ((c >= 0x2000 && c <= 0x2bff) || c === 0xa0 || (c >= 0xa1 && c <= 0xbf)) return false;
  return LETTER.test(s[i]);
}

interface KeyScan {
  skeleton: string;
  words: number;
  /** Letter runs that are stop words. */
  stops: number;
  hasDigits: boolean;
}

/**
 * One pass over a key: its skeleton, its count of words (tokens with a letter or digit),
 * how many of its letter runs are stop words, and whether it has a digit.
 */
function scanKey(key: string): KeyScan {
  const runs: string[] = [];
  let words = 0;
  let stops = 0;
  let hasDigits = false;
  let tokenCounted = false;
  let runStart = -1;
  for (let i = 0; i <= key.length; i++) {
    const c = i < key.length ? key.charCodeAt(i) : 32;
    if (i < key.length && isLetterCode(c, key, i)) {
      if (runStart < 0) runStart = i;
      if (!tokenCounted) {
        words++;
        tokenCounted = true;
      }
      continue;
    }
    if (runStart >= 0) {
      const run = key.slice(runStart, i);
      runs.push(run);
      if (STOP.has(run)) stops++;
      runStart = -1;
    }
    if (c === 32) tokenCounted = false;
    else if (c >= 48 && c <= 57) {
      hasDigits = true;
      if (!tokenCounted) {
        words++;
        tokenCounted = true;
      }
    }
  }
  // One join, not a rope of `+` concatenations: the skeleton is hashed and searched later.
  return { skeleton: runs.join(' '), words, stops, hasDigits };
}

/** What `\s` matches in a JavaScript regular expression. */
function isJsSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Key of a view line: the view is already NFC with one tone placement (normalize.ts), so
 * only case and whitespace are folded here — the same result as normalizedKey, cheaper.
 */
function viewKey(text: string): string {
  const lower = text.toLowerCase();
  // Collapse only when there is something to collapse (two spaces in a row, a tab, NBSP, BOM).
  let collapse = false;
  for (let i = 0, prevSpace = false; i < lower.length && !collapse; i++) {
    const c = lower.charCodeAt(i);
    const sp = isJsSpace(c);
    collapse = (sp && prevSpace) || c === 9 || c === 0xa0 || c === 0xfeff;
    prevSpace = sp;
  }
  return collapse ? lower.replace(/[\s\u00a0\ufeff]+/g, ' ') : lower;
}

const SHAPES = new WeakMap<readonly Line[], LineShape[]>();

/** Shapes of all lines; memoized per lines array, so the boilerplate and metadata stages share them. */
export function shapeLines(lines: readonly Line[]): LineShape[] {
  let shapes = SHAPES.get(lines);
  if (!shapes) {
    shapes = lines.map(shapeLine);
    SHAPES.set(lines, shapes);
  }
  return shapes;
}

const SENTENCE_ENDS = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', '”', '’', ')', ']', '»']);

/** Ends like a sentence: `.`, `!`, `?`, `…`, then at most two closing quotes or brackets. */
function endsLikeSentence(text: string): boolean {
  for (let closers = 0; closers <= 2 && closers < text.length; closers++) {
    const e = text.length - 1 - closers;
    if (SENTENCE_ENDS.has(text[e])) return true;
    if (!CLOSERS.has(text[e])) return false;
  }
  return false;
}

export function shapeLine(line: Line): LineShape {
  const raw = line.text;
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const key = viewKey(text);
  // Words: tokens with a letter or a digit; stop words are compared letters-only.
  const { skeleton, words, stops, hasDigits } = scanKey(key);
  return {
    line,
    blank: text === '',
    indent: lead,
    text,
    start: line.start + lead,
    end: line.start + lead + text.length,
    key,
    skeleton,
    words,
    stopDensity: words ? Math.min(1, stops / words) : 0,
    hasDigits,
    endsSentence: endsLikeSentence(text),
    bullet: text.length > 1 && BULLETS.has(text[0]) && /\s/.test(text[1]),
  };
}

/** A body paragraph in jusText's sense: long, and with the stop words of running prose. */
export function isGoodParagraph(s: LineShape): boolean {
  // Vietnamese political prose is noun-heavy: 0.1–0.35 of its syllables are stop words,
  // while menus, counters and credits have none; length does most of the work.
  return s.words >= 25 && s.stopDensity >= 0.08 && /[,.;]/.test(s.text);
}

/** Could be a headline: a few words, no sentence-final period, not a stamp. */
export function isHeadlineLike(s: LineShape): boolean {
  if (s.blank || s.words < 3 || s.words > 40 || s.text.length > 250 || s.bullet) return false;
  if (/[.,;:]$/.test(s.text) && !/(?:\.\.\.|…)$/.test(s.text)) return false;
  return !isStampLine(s) && !isSectionName(s.skeleton) && !parseMetaLine(s);
}

export function isSectionName(skeleton: string): boolean {
  return SECTIONS.has(skeleton);
}

// ---------------------------------------------------------------------------------------
// Date-time stamps: `Thứ 6, 10/07/2020 | 14:13:59 [GMT +7]`, `11:02 22/09/2020`,
// `Thứ hai, 12/5/2025, 08:00 (GMT+7)`, `12-05-2025 08:30`, `Chủ nhật, 08:00, 12/05/2025`.

const WEEKDAY = String.raw`(?:th[ứu]\s?(?:[2-7]|hai|ba|tư|năm|sáu|bảy|bẩy)|chủ\s?nhật|cn|t[2-7])`;
const DATE = String.raw`(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})`;
const TIME = String.raw`\d{1,2}[:hg]\d{2}(?::\d{2})?(?:\s?(?:am|pm|sa|ch))?`;
const SEP = String.raw`[ ,|–-]{1,4}`;
const TZ = String.raw`[ ,|]{0,3}[([]?\s?(?:gmt|utc)\s?[+-]\s?\d{1,2}(?::?\d{2})?\s?[)\]]?`;
const STAMP = new RegExp(
  String.raw`(?<![\p{L}\d])(?:${WEEKDAY}${SEP})?(?:ngày\s)?(?:${DATE}(?:${SEP}(?:lúc\s)?${TIME})?|${TIME}${SEP}(?:ngày\s)?${DATE})(?:${TZ})?(?![\p{L}\d/])`,
  'iu',
);

export interface Span { start: number; end: number }

const STAMPS = new WeakMap<LineShape, Span | null>();
const METAS = new WeakMap<LineShape, MetaLine | null>();

/** The first date-time stamp in a line, as a view span (memoized per line). */
export function findStamp(s: LineShape): Span | null {
  if (!s.hasDigits) return null;
  let st = STAMPS.get(s);
  if (st === undefined) {
    st = scanStamp(s);
    STAMPS.set(s, st);
  }
  return st;
}

function scanStamp(s: LineShape): Span | null {
  if (!/\d[/.:hg-]\d/.test(s.text)) return null;
  const m = STAMP.exec(s.text);
  if (!m) return null;
  let text = m[0];
  // Separator characters the optional groups may leave at the end.
  while (/[ ,|–-]$/.test(text)) text = text.slice(0, -1);
  return { start: s.start + m.index, end: s.start + m.index + text.length };
}

/** Only labels and page controls around the stamp: `Cập nhật: 10:15 12/05/2025`, `… [GMT +7] A A`. */
function onlyStampWords(text: string): boolean {
  const sk = skeletonOf(normalizedKey(text));
  return sk === '' || sk.split(' ').every((w) => STAMP_WORDS.has(w));
}

/** A line that is a date-time stamp (with at most a label and font-size controls). */
export function isStampLine(s: LineShape): boolean {
  const st = findStamp(s);
  if (!st) return false;
  const rel = st.start - s.start;
  return onlyStampWords(s.text.slice(0, rel) + ' ' + s.text.slice(rel + st.end - st.start));
}

export interface MetaLine {
  stamp: Span;
  /** The author part (`Đức Thiện`), when one part of the line is a person's name. */
  author?: Span;
}

/**
 * `Xã hội - Đức Thiện - 11:02 22/09/2020`: short parts joined by dashes or bars, the
 * last of them a stamp. Used both for the article's own line under the headline and for
 * related-news teasers.
 */
export function parseMetaLine(s: LineShape): MetaLine | null {
  if (!s.hasDigits) return null;
  let m = METAS.get(s);
  if (m === undefined) {
    m = scanMetaLine(s);
    METAS.set(s, m);
  }
  return m;
}

function scanMetaLine(s: LineShape): MetaLine | null {
  const stamp = findStamp(s);
  if (!stamp) return null;
  const rel = stamp.start - s.start;
  if (!onlyStampWords(s.text.slice(rel + stamp.end - stamp.start))) return null;
  const head = s.text.slice(0, rel);
  const parts = splitParts(head);
  if (parts.length === 0 || parts.some((p) => p.text.split(/\s+/).length > 6 || /[.!?;:]$/.test(p.text))) return null;
  const out: MetaLine = { stamp };
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    if (isNameLike(p.text) && !isSectionName(skeletonOf(normalizedKey(p.text)))) {
      out.author = { start: s.start + p.start, end: s.start + p.start + p.text.length };
      break;
    }
  }
  return out;
}

/** Split `A - B | C -` into trimmed parts with their offsets; empty parts dropped. */
function splitParts(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const re = /\s[-–—|]\s|\s[-–—|]$|^[-–—|]\s/g;
  let from = 0;
  const push = (a: number, b: number) => {
    const seg = text.slice(a, b);
    const t = seg.trim();
    if (t) out.push({ text: t, start: a + seg.indexOf(t) });
  };
  for (const m of text.matchAll(re)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}

// ---------------------------------------------------------------------------------------
// Names and sources.

/**
 * Looks like a Vietnamese person's name: 2–5 syllables, each capitalised and otherwise
 * lowercase (`Minh Hà`, `Nguyễn Thị Thu Trang`), or all in capitals as some papers print
 * bylines and credits (`NGUYỄN KHÁNH`). Single abbreviations (`PV`, `TTXVN`) are not.
 */
export function isNameLike(text: string): boolean {
  const parts = text.trim().split(/\s+/);
  if (parts.length < 2 || parts.length > 5 || parts.some((p) => p.length > 7 || p.length < 2)) return false;
  return parts.every((p) => /^\p{Lu}\p{Ll}*$/u.test(p)) || parts.every((p) => /^\p{Lu}+$/u.test(p));
}

const NAME_SEPARATORS = /\s[-–—]\s|,\s|\svà\s|\s?\/\s?/u;

/**
 * Person-name parts of a credit or byline text (`A - B`, `A, B`, `A và B`, `A/B`), each
 * without a trailing `(agency)`, as spans relative to the text.
 */
export function nameParts(text: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (const piece of text.split(NAME_SEPARATORS)) {
    const at = text.indexOf(piece, from);
    from = at + piece.length;
    const name = piece.replace(/\s*\([^()]*\)\s*$/u, '').trim();
    if (!isNameLike(name)) continue;
    const start = at + piece.indexOf(name);
    out.push({ start, end: start + name.length });
  }
  return out;
}

/** A line made only of person names (`Minh Hà`, `Minh Hà - Thu Trang`, `Văn Điệp (TTXVN)`). */
export function isNamesLine(text: string): boolean {
  const parts = text.split(NAME_SEPARATORS).filter((p) => p.trim() !== '');
  return parts.length > 0 && parts.length <= 4 && nameParts(text).length === parts.length;
}

/**
 * A news agency or site credited at the start of a lede, with its dash: `VOV.VN -`,
 * `(TN&MT) -`, `(Dân trí) -`, `NDO -`, `Chinhphu.vn –`. Place datelines (`Hà Nội -`)
 * are not sources.
 */
export function findSourcePrefix(s: LineShape): Span | null {
  const m = /^(\S.{0,38}?)\s?[-–—]\s/u.exec(s.text);
  if (!m) return null;
  const name = m[1];
  if (!isSourceName(name)) return null;
  return { start: s.start, end: s.start + m[0].trimEnd().length };
}

export function isSourceName(name: string): boolean {
  if (/^\([^()]{2,30}\)$/u.test(name)) return name.split(/\s+/).length <= 4;
  if (name.split(/\s+/).length > 2) return false;
  if (/\.(?:vn|com|net|org)$/iu.test(name)) return true;
  const letters = name.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
}

/**
 * `Label: rest` or `Label rest` at the start of a line, for one of `labelKeys` (labels
 * already through normalizedKey): the span of the rest. With `colon`, the label must be
 * followed by a colon. Labels are matched on whole words.
 */
export function afterLabel(s: LineShape, labelKeys: readonly string[], colon: boolean): Span | null {
  for (const k of labelKeys) {
    if (!s.key.startsWith(k)) continue;
    // The key is the trimmed text lowercased: same length and offsets unless the text
    // has runs of spaces, so re-find the label end in the text itself.
    const cut = labelEnd(s.text, k);
    if (cut < 0) continue;
    const tail = s.text.slice(cut);
    const m = colon ? /^\s*:\s*/u.exec(tail) : /^\s*:?\s*/u.exec(tail);
    if (!m || (!colon && m[0] === '' && tail !== '')) continue;
    const restStart = cut + m[0].length;
    if (restStart >= s.text.length) continue;
    return { start: s.start + restStart, end: s.end };
  }
  return null;
}

/** Index in `text` just past the words of `key` (a normalized key), or -1. */
function labelEnd(text: string, key: string): number {
  const words = key.split(' ');
  let i = 0;
  for (const w of words) {
    while (i < text.length && /\s/.test(text[i])) i++;
    const piece = normalizedKey(text.slice(i, i + w.length));
    if (piece !== w) return -1;
    i += w.length;
  }
  const next = text[i];
  return next === undefined || !/[\p{L}\d]/u.test(next) ? i : -1;
}
