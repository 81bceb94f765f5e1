/**
 * DATE detection, ISO 8601 values and the article's publication date (guide §2).
 *
 * The grammar (dateGrammar.ts) finds spans and the calendar fields they name; this module
 * fills in missing years from the publication date and formats values:
 * `2021-08-05`, `2020-09`, `2020`, intervals `2020/2025`, `2020-01/2020-06`, date-times
 * `2020-07-10T14:13:59+07:00` (a zone only when the text states one).
 *
 * Year inference: a year-less date takes the publication year, except that it moves to the
 * neighbouring year when that puts it within 92 days of publication and the publication
 * year would put it more than ~9 months away (`28/12` in an article of 3 January is the
 * previous December; `5/1` in an article of 20 December is the coming January). Without a
 * publication date the year is `XXXX` and `yearSource` is `unknown`.
 */
import type { Candidate, DetectContext, Line } from './candidates';
import { DateGrammar, dateHotSpots, dateReach, READS_ONLY_WORDS_BEFORE, readsWordBefore, type DateMatch, type Point } from './dateGrammar';
import { partitionPoint } from './partition';
import { isBreakUnit as isBreak, isLetterUnit as isLetter, isSpaceUnit as isSpace, scanNear, tokenize, wordBefore } from './scanTokens';
import type { YearSource } from './types';

/** How many non-blank, non-boilerplate lines at the top may hold the article's stamp. */
const TOP_LINES = 8;
/** A stamp line has at most this many words besides its date (`Xã hội - Đức Thiện - …`). */
const STAMP_MAX_WORDS = 8;
/** Adjacent-year window of the year inference, in days. */
const NEAR_DAYS = 92;

export interface FoundDate {
  start: number;
  end: number;
  value: string;
  yearSource: YearSource;
  match: DateMatch;
}

/** A date found by the grammar, before its year is inferred (view UTF-16 span). */
interface DateSpan {
  start: number;
  end: number;
  match: DateMatch;
}

/** Every date of a range of the view, with values (view UTF-16 spans). */
export function scanDates(text: string, publicationDate: string | null, from = 0, to = text.length): FoundDate[] {
  const pub = parseIso(publicationDate);
  const spans = from === 0 && to === text.length ? datesOf(text) : scanSpans(text, from, to);
  const out: FoundDate[] = [];
  for (const s of spans) out.push(toFound(s, pub));
  return out;
}

/** The grammar's dates of [from, to), as a scan of that range alone finds them. */
export function scanSpans(text: string, from: number, to: number): DateSpan[] {
  const out: DateSpan[] = [];
  let grammar: DateGrammar | null = null;
  // Only tokens shortly before a number, `quý` or `nửa`, and leading to it as a date does, can start a date: try those.
  scanNear(
    text,
    dateHotSpots(text, from, to),
    (_, toks, x) => dateReach(toks, x),
    (toks, i) => {
      if (grammar?.toks !== toks) grammar = new DateGrammar(toks);
      const matches = grammar.mayStart(i) ? safeParse(grammar, i) : null;
      if (!matches) return -1;
      for (const m of matches) out.push({ start: toks.startOf(m.start), end: toks.endOf(m.end - 1), match: m });
      return matches[matches.length - 1].end;
    },
    from,
    to,
  );
  return out;
}

/**
 * The dates of the whole text, kept for the last text: the publication date reads those of
 * its top lines (rangeDates) and detectDates all of them, so the text is parsed once.
 */
let lastText: string | null = null;
let lastSpans: DateSpan[] = [];

function datesOf(text: string): DateSpan[] {
  if (text !== lastText) {
    lastSpans = scanSpans(text, 0, text.length);
    lastText = text;
  }
  return lastSpans;
}

/**
 * The dates a scan of [from, to) alone would find. When the range is whole lines and the
 * token before it is no `(` and no word ending a preposition or relative phrase, those are
 * the whole text's dates inside it: a date never crosses a line break, and the only things
 * the grammar reads before a date's line are a preposition or relative phrase ending there
 * and an opening parenthesis (which a range scan cannot see; see readsWordBefore).
 * Otherwise the range is scanned alone.
 */
export function rangeDates(text: string, from: number, to: number): DateSpan[] {
  if (!wholeLines(text, from, to)) return scanSpans(text, from, to);
  const all = datesOf(text);
  const out: DateSpan[] = [];
  for (let k = partitionPoint(all.length, (i) => all[i].start < from); k < all.length && all[k].start < to; k++) if (all[k].end <= to) out.push(all[k]);
  return out;
}

function wholeLines(text: string, from: number, to: number): boolean {
  let k = to;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  if (k < text.length && !isBreak(text.charCodeAt(k))) return false;
  k = from - 1;
  while (k >= 0 && isSpace(text.charCodeAt(k))) k--;
  if (k >= 0 && !isBreak(text.charCodeAt(k))) return false;
  while (k >= 0 && (isSpace(text.charCodeAt(k)) || isBreak(text.charCodeAt(k)))) k--;
  if (k < 0) return true;
  const c = text.charCodeAt(k);
  if (c === 40) return false;
  // A word: one the grammar reads before a date's line, or one with an astral letter (no hash: 0), is not known safe.
  if (isLetter(c)) {
    const hash = wordBefore(text, k + 1);
    return hash !== 0 && !readsWordBefore(hash);
  }
  // A mark or a digit (each a token of its own kind, no word), unless half of a surrogate pair (maybe an astral letter).
  return READS_ONLY_WORDS_BEFORE && !(c >= 0xd800 && c <= 0xdfff);
}

export function detectDates(ctx: DetectContext): Candidate[] {
  return scanDates(ctx.text, ctx.publicationDate).map((f) => ({
    label: 'DATE',
    start: f.start,
    end: f.end,
    value: f.value,
    yearSource: f.yearSource,
  }));
}

/**
 * The article's own publication date (ISO `YYYY-MM-DD`) or null: the first `dateline`
 * metadata item when metadata found one, else the first stamp-like line near the top that
 * is not boilerplate (a page clock under the menu is navigation, not the dateline).
 */
export function findPublicationDate(ctx: Pick<DetectContext, 'text' | 'lines' | 'metadata' | 'boilerplate'>): string | null {
  try {
    for (const m of ctx.metadata) {
      if (m.kind !== 'dateline') continue;
      const found = rangeDates(ctx.text, m.start, m.end).find((f) => isFullDate(f.match));
      if (found) return dayOf(found.match.a);
    }
    let seen = 0;
    for (const line of ctx.lines) {
      if (line.text.trim() === '' || inside(ctx.boilerplate, line.start, line.end)) continue;
      if (++seen > TOP_LINES) break;
      const date = stampDate(ctx.text, line);
      if (date) return date;
    }
  } catch {
    // Bad input never throws out of the core: no publication date.
  }
  return null;
}

/** A line that is mostly a full date with a year (a stamp), else null. */
function stampDate(text: string, line: Line): string | null {
  // A full date has digits: most lines near the top (headline, lead) have none.
  if (!DIGIT.test(line.text)) return null;
  if (endsSentence(line.text)) return null;
  const found = rangeDates(text, line.start, line.end);
  const first = found.find((f) => isFullDate(f.match));
  if (!first) return null;
  const toks = tokenize(text, line.start, line.end);
  let words = 0;
  for (let i = 0; toks.has(i); i++) {
    if (!toks.isWord(i)) continue;
    const s = toks.startOf(i);
    const e = toks.endOf(i);
    if (!inside(found, s, e)) words++;
  }
  toks.release();
  return words <= STAMP_MAX_WORDS ? dayOf(first.match.a) : null;
}

const DIGIT = /[0-9]/;
const SPACE_CHAR = /\s/;

/** The line ends like a sentence: `.`, `!`, `?` or `…`, maybe a closing quote or parenthesis after it, then spaces. */
function endsSentence(line: string): boolean {
  let e = line.length;
  while (e > 0 && SPACE_CHAR.test(line[e - 1])) e--;
  if (e > 0 && '"”’)'.includes(line[e - 1])) e--;
  return e > 0 && '.!?…'.includes(line[e - 1]);
}

/** Some span of the list covers [start, end). */
function inside(spans: ReadonlyArray<{ start: number; end: number }>, start: number, end: number): boolean {
  for (const s of spans) if (s.start <= start && end <= s.end) return true;
  return false;
}

function isFullDate(m: DateMatch): boolean {
  return !m.b && m.a.y !== undefined && m.a.m !== undefined && m.a.d !== undefined;
}

function dayOf(p: Point): string {
  return `${p.y}-${pad(p.m!)}-${pad(p.d!)}`;
}

function safeParse(grammar: DateGrammar, i: number): DateMatch[] | null {
  try {
    return grammar.parseAt(i);
  } catch {
    return null;
  }
}

// ---- values ------------------------------------------------------------------------------

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseIso(iso: string | null): Ymd | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

function toFound({ start, end, match }: DateSpan, pub: Ymd | null): FoundDate {
  const explicit = match.a.y !== undefined && (match.b === undefined || match.b.y !== undefined);
  let a = match.a;
  let b = match.b;
  if (!explicit && pub) {
    if (b) {
      const by = b.y ?? inferYear(pub, b.m ?? 1, b.d);
      b = { ...b, y: by };
      a = { ...a, y: a.y ?? (later(a, b) ? by - 1 : by) };
    } else {
      a = { ...a, y: inferYear(pub, a.m ?? 1, a.d) };
    }
  }
  const value = b ? `${format(a)}/${format(b)}` : format(a);
  return {
    start,
    end,
    value,
    yearSource: explicit ? 'explicit' : pub ? 'publication' : 'unknown',
    match,
  };
}

/** Publication year, or its neighbour when that is much closer (see the module comment). */
export function inferYear(pub: Ymd, m: number, d?: number): number {
  const base = Date.UTC(pub.y, pub.m - 1, pub.d);
  let best = pub.y;
  for (const y of [pub.y - 1, pub.y + 1]) {
    const dy = daysFrom(base, y, m, d);
    if (dy <= NEAR_DAYS && dy < daysFrom(base, best, m, d)) best = y;
  }
  return best;
}

/** Days between `base` (a UTC time) and day d (mid-month without one) of month m of year y. */
function daysFrom(base: number, y: number, m: number, d: number | undefined): number {
  return Math.abs(Date.UTC(y, m - 1, d ?? 15) - base) / 86_400_000;
}

function later(a: Point, b: Point): boolean {
  return (a.m ?? 0) > (b.m ?? 0) || ((a.m ?? 0) === (b.m ?? 0) && (a.d ?? 0) > (b.d ?? 0));
}

function format(p: Point): string {
  let s = p.y === undefined ? 'XXXX' : String(p.y).padStart(4, '0');
  if (p.m === undefined) return s;
  s += `-${pad(p.m)}`;
  if (p.d === undefined) return s;
  s += `-${pad(p.d)}`;
  if (p.h === undefined) return s;
  s += `T${pad(p.h)}:${pad(p.mi ?? 0)}`;
  if (p.s !== undefined) s += `:${pad(p.s)}`;
  return s + (p.tz ?? '');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
