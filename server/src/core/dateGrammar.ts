/**
 * The grammar of Vietnamese dates over the token stream (scanTokens.ts): what a DATE span
 * covers (guide §2) and the calendar fields it names. Year inference and ISO formatting
 * live in dates.ts; this module only reads the text.
 *
 * Each parser looks at a bounded number of tokens from a start index and returns the index
 * just past its match, so a left-to-right scan over all tokens stays linear.
 */
import {
  COUNT_BEFORE_MONTH, DATE_FOLLOWERS, DATE_PREPOSITIONS, DAY_PARTS, DAY_WORDS, FRACTION_CUES, FRACTION_FOLLOWERS,
  HOUR_WORDS, LIST_CONNECTORS, MEASURE_AFTER_MONTH, MINUTE_WORDS, MONTH_WORDS, PERIOD_WORDS, RANGE_CONNECTORS,
  RELATIVE_WORDS, RELATIVE_YEAR_WORDS, TIME_ZONE_WORDS, WEEKDAYS, YEAR_EDGES,
} from './data/dateWords';
import { readNumeral } from './roman';
import {
  HashFilter, Key, MARK_NEAR, PhraseFinder, PhraseTable, WordSet, digitAt, hashKey, markStarts, mergeSorted, neighborAfter, neighborBefore, watchWords, wordAt,
  wordStarts, type Tokens,
} from './scanTokens';

/** Calendar fields named by the text; a missing year is inferred later. */
export interface Point {
  y?: number;
  m?: number;
  d?: number;
  h?: number;
  mi?: number;
  s?: number;
  /** `+07:00`, only when the text states a zone. */
  tz?: string;
}

export interface DateMatch {
  /** Token indices [start, end). */
  start: number;
  end: number;
  /** A single point, or the start of an interval. */
  a: Point;
  /** The end of an interval (`2020/2025`, `2020-01/2020-06`). */
  b?: Point;
}

const set = (words: readonly string[]) => new PhraseTable(words.map((w): [string, true] => [w, true]));
const DAY_PART = set(DAY_PARTS);
const DAY_WORD = set(DAY_WORDS);
const WEEKDAY = new PhraseTable(WEEKDAYS);
const MONTH_WORD = new PhraseTable(MONTH_WORDS);
const PERIOD = set(PERIOD_WORDS);
const RANGE = set(RANGE_CONNECTORS);
const LIST = set(LIST_CONNECTORS);
const RELATIVE = set(RELATIVE_WORDS);
const PREPOSITION = set(DATE_PREPOSITIONS);
const FRACTION_CUE = set(FRACTION_CUES);
const FRACTION_FOLLOWER = set(FRACTION_FOLLOWERS);
const DATE_FOLLOWER = set(DATE_FOLLOWERS);
const YEAR_EDGE = new PhraseTable(YEAR_EDGES);
const COUNT_BEFORE = new WordSet(COUNT_BEFORE_MONTH);
const MEASURE_AFTER = new WordSet(MEASURE_AFTER_MONTH);
const RELATIVE_YEAR = new WordSet(RELATIVE_YEAR_WORDS);
/** Every first word of a day part, weekday and day word is letters (a key of letters only matches a word token). */
const PREFIX_BY_WORDS = [DAY_PART, WEEKDAY, DAY_WORD].every((table) => [...table.firstWords].every((w) => /^[\p{L}\p{M}]+$/u.test(w)));
/** The last words of RELATIVE and PREPOSITION phrases, and their hashes (hashKey; see readsWordBefore). */
const LAST_WORDS_BEFORE = [...RELATIVE_WORDS, ...DATE_PREPOSITIONS].map((p) => p.toLowerCase().split(/\s+/).filter(Boolean).pop()!);
const WORDS_READ_BEFORE = new Set(LAST_WORDS_BEFORE.map(hashKey));
/** Those last words are all letters: a mark or a number ending the line before a date ends no such phrase. */
export const READS_ONLY_WORDS_BEFORE = LAST_WORDS_BEFORE.every((w) => /^[\p{L}\p{M}]+$/u.test(w));

/**
 * Can the grammar read a word token with this hash (hashKey) when it ends the line before a
 * date's line? Only a RELATIVE or PREPOSITION phrase ending there is read across the line
 * break (endsAt at the date's first token, or before a comma opening its line); every other
 * look to the left asks onLine or touching first, or is `(`. A phrase matches a token by its
 * hash first (PhraseTable.match), so a hash no last word has ends no phrase: false means
 * certainly not.
 */
export function readsWordBefore(hash: number): boolean {
  return WORDS_READ_BEFORE.has(hash);
}
const HOUR = new WordSet(HOUR_WORDS);
const MINUTE = new WordSet(MINUTE_WORDS);
const TIME_ZONE = new WordSet(TIME_ZONE_WORDS);

/** First words a date can start with (besides a number): a cheap test before any parsing. */
const START_WORDS = new WordSet(
  [...DAY_PARTS, ...DAY_WORDS, ...WEEKDAYS.map(([w]) => w), ...PERIOD_WORDS, 'tháng', 'năm', 'quý', 'nửa'].map((w) => w.split(' ')[0]),
);
/** A cheap first test of START_WORDS, for the scan over all tokens. */
const START_FILTER = new HashFilter(START_WORDS.words);
const THANG = new Key('tháng');
const NAM = new Key('năm');
const SO = new Key('số');
const GIO = new Key('giờ');
const NUA = new Key('nửa');
const QUY = new Key('quý');
const NAY = new Key('nay');
/** Words after a number that starts a date: an hour unit, `tháng`, a range word. */
const NUMBER_NEXT = new WordSet([...HOUR_WORDS, 'tháng', ...RANGE_CONNECTORS.map((w) => w.split(' ')[0])]);


/**
 * Where dates can be. Every date has among its tokens a number, `quý` (a quarter) or `nửa`
 * (a half year), at most DATE_REACH tokens after its first token: the longest lead is a
 * day part, a weekday, a comma and a day word before the day (`đầu giờ sáng Thứ Hai, ngày
 * 5/8`), or a written month before the year (`tháng Mười Hai năm 2020`). A scan may then
 * try only the tokens that close before these hot spots (scanTokens.scanNear).
 */
const HOT_WORDS = ['quý', 'nửa'];
const HOT_FINDER = new PhraseFinder(HOT_WORDS);
const HOT_FIRST = new Set(HOT_WORDS.map(hashKey));
watchWords(HOT_WORDS);

/**
 * What a date can hold before its first number, `quý` or `nửa`: a day part, a weekday and a
 * comma, a day word (`Sáng Thứ Hai, ngày 5/8`), `tháng` and a written month before `năm`
 * (`tháng Mười Hai năm 2020`), `năm` (`năm 2020`), a period word (`nhiệm kỳ 2020 - 2025`).
 */
const LEAD_WORDS = new WordSet(
  [...DAY_PARTS, ...DAY_WORDS, ...WEEKDAYS.map(([w]) => w), ...MONTH_WORDS.map(([w]) => w), ...PERIOD_WORDS, 'tháng', 'năm'].flatMap((w) => w.split(' ')),
);

/**
 * How many tokens before hot spot x a date may start: at most DATE_REACH, and every token
 * between the start and x must be one a date holds before its first hot token (LEAD_WORDS
 * or a comma), all on x's line. (No hot spot lies between a visited token and x: see scanNear.)
 */
export function dateReach(toks: Tokens, x: number): number {
  let lo = x;
  while (x - lo < DATE_REACH && toks.onLine(lo) && (lo === x || LEAD_WORDS.has(toks, lo) || toks.isPunct(lo, ','))) lo--;
  return x - lo;
}

/**
 * A number inside a date touches a mark or a letter (`19/4`, `14:30`, `8h`), or stands
 * next to a word of the grammar (`năm 2020`, `ngày 5 tháng 8`, `8 giờ 30`, `22 đến`,
 * `quý 2`) or a spaced mark (`2017 - 2019`, `GMT + 7`). Words that may stand right before
 * or after one (all words of these phrases: a superset is safe).
 */
const words_ = (phrases: readonly string[]) => phrases.flatMap((p) => p.split(' '));
const NUMBER_BEFORE = new Set(
  words_([
    ...DAY_PARTS, ...DAY_WORDS, ...WEEKDAYS.map(([w]) => w), ...PERIOD_WORDS, ...RANGE_CONNECTORS, ...LIST_CONNECTORS, ...HOUR_WORDS, ...MINUTE_WORDS,
    ...TIME_ZONE_WORDS, ...YEAR_EDGES.map(([w]) => w), 'tháng', 'năm', 'quý', 'nửa',
  ]).map(hashKey),
);
const NUMBER_AFTER = new Set(
  words_([...HOUR_WORDS, ...MINUTE_WORDS, ...RANGE_CONNECTORS, ...LIST_CONNECTORS, ...TIME_ZONE_WORDS, 'tháng', 'năm']).map(hashKey),
);

/** Can the number starting at char offset `at` be inside a date (see NUMBER_BEFORE)? False only when certainly not. */
function mayBeInDate(text: string, at: number): boolean {
  let end = at + 1;
  while (digitAt(text, end)) end++;
  const before = neighborBefore(text, at);
  if (before === MARK_NEAR || NUMBER_BEFORE.has(before)) return true;
  const after = neighborAfter(text, end);
  return after === MARK_NEAR || NUMBER_AFTER.has(after);
}

/** Offsets of the hot spots of dates in [from, to), ascending. */
export function dateHotSpots(text: string, from = 0, to = text.length): number[] {
  const whole = from === 0 && to === text.length;
  const numbers = markStarts(text, from, to).filter((at) => digitAt(text, at) && (!whole || mayBeInDate(text, at)));
  if (!whole) return mergeSorted(numbers, HOT_FINDER.find(text, from, to));
  const { starts } = wordStarts(text);
  const words: number[] = [];
  for (const at of starts) if (HOT_FIRST.has(wordAt(text, at))) words.push(at);
  return mergeSorted(numbers, words);
}
const words = (phrases: readonly string[]) => Math.max(...phrases.map((p) => p.split(' ').length));
export const DATE_REACH = Math.max(
  words(DAY_PARTS) + words(WEEKDAYS.map(([w]) => w)) + 1 + words(DAY_WORDS),
  1 + words(MONTH_WORDS.map(([w]) => w)) + 1,
  words(PERIOD_WORDS),
);

const MIN_YEAR = 1000;
const MAX_YEAR = 2999;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function validDay(d: number, m: number, y?: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  if (m === 2 && y !== undefined && d === 29) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= DAYS_IN_MONTH[m - 1];
}

/** A phrase of the table ends exactly at token i (the words before i). */
function endsAt(table: PhraseTable<unknown>, toks: Tokens, i: number): boolean {
  for (let k = 1; k <= 4 && toks.has(i - k); k++) {
    const m = table.match(toks, i - k);
    if (m && m.end === i) return true;
  }
  return false;
}

export class DateGrammar {
  constructor(readonly toks: Tokens) {}

  /** Can a date start at token i (a number, or a word dates start with)? The cheap test first. */
  mayStart(i: number): boolean {
    const t = this.toks;
    return t.isNum(i) || (t.isWord(i) && START_FILTER.mayBe(t, i) && START_WORDS.has(t, i));
  }

  /** The best (longest) date starting at token i, with a list partner if any. */
  parseAt(i: number): DateMatch[] | null {
    if (!this.mayStart(i)) return null;
    const t = this.toks;
    this.prefixAt = NaN;
    const num = t.isNum(i);
    // A number starts a date only before a mark, an hour unit, `tháng` or a range word
    // (`19/4`, `14:30`, `8h`, `6 tháng`, `2017 - 2019`, `22 đến`): most numbers are counts.
    if (num && !(t.onLine(i + 1) && (t.isMark(i + 1) || NUMBER_NEXT.has(t, i + 1)))) return null;
    // Each parser below is called only when the first token can start it (the others return null).
    const list = num ? null : this.list(i);
    if (list) return list;
    // The left end of a range and the date alone are read once: the strict forms (a date
    // alone) only refuse some of what the loose forms (a range's left end) accept.
    const point = this.pointRaw(i, true);
    const month = THANG.at(t, i) ? this.month(i, false) : null;
    const year = NAM.at(t, i) ? this.year(i, false) : null;
    let best = this.range(i, point?.match ?? month ?? year);
    if (num || NUA.at(t, i) || QUY.at(t, i)) best = longer(best, this.part(i));
    if (!num) best = longer(best, this.period(i));
    if (num) best = longer(best, this.yearRange(i));
    best = longer(best, this.strictPoint(i, point));
    if (month) best = longer(best, this.strictMonth(i, month));
    if (year) best = longer(best, this.gluedAfter(year.end) ? null : year);
    return best ? [best] : null;
  }

  // ---- numbers -------------------------------------------------------------------------

  private num(i: number, minDigits: number, maxDigits: number): number | null {
    const t = this.toks;
    if (!t.isNum(i) || t.len(i) < minDigits || t.len(i) > maxDigits) return null;
    return t.value(i);
  }

  private year4(i: number): number | null {
    const y = this.num(i, 4, 4);
    return y !== null && y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
  }

  /** Something glued after the match (`12/2020/NĐ-CP`, `1/2.5`, `10/7abc`): not a date. */
  private gluedAfter(end: number): boolean {
    const t = this.toks;
    if (!t.touching(end)) return false;
    if (!t.isMark(end)) return true;
    return t.isPunct(end, '/-.,:') && t.touching(end + 1) && !t.isMark(end + 1);
  }

  /** Something glued before the match (`A19/4`, `1.19/4`, `QĐ-19`) or a document number (`số 12/2020`). */
  private gluedBefore(start: number, dashOk = false): boolean {
    const t = this.toks;
    if (t.onLine(start) && SO.at(t, start - 1)) return true;
    if (!t.touching(start)) return false;
    if (!t.isMark(start - 1)) return true;
    if (dashOk && t.isPunct(start - 1, '-–')) return false; // right end of `1-3/10`
    return t.isPunct(start - 1, '/-.,:') && t.touching(start - 1) && !t.isMark(start - 2);
  }

  // ---- day-level points ----------------------------------------------------------------

  /** `10/7`, `22/09/2020`, `19-4`, `19-4-2021`, `22.09.2020`, `2020-09-22`. */
  private core(i: number, dashOk = false): { end: number; p: Point; weak: boolean } | null {
    const t = this.toks;
    if (this.gluedBefore(i, dashOk)) return null;
    const iso = this.isoCore(i);
    if (iso) return iso;
    const d = this.num(i, 1, 2);
    if (d === null || !t.touching(i + 1) || !t.isPunct(i + 1, '/-.') || !t.touching(i + 2)) return null;
    const sep = t.str(i + 1);
    const m = this.num(i + 2, 1, 2);
    if (m === null) return null;
    let end = i + 3;
    let y: number | undefined;
    if (t.touching(end) && t.isPunct(end, sep) && t.touching(end + 1) && this.year4(end + 1) !== null) {
      y = this.year4(end + 1)!;
      end += 2;
    }
    if (sep === '.' && y === undefined) return null; // 19.4 is a decimal
    if (!validDay(d, m, y) || this.gluedAfter(end)) return null;
    return { end, p: { y, m, d }, weak: sep !== '/' && y === undefined };
  }

  private isoCore(i: number): { end: number; p: Point; weak: boolean } | null {
    const t = this.toks;
    const y = this.year4(i);
    if (y === null || !t.isPunct(i + 1, '-') || !t.touching(i + 1) || !t.touching(i + 2)) return null;
    const m = this.num(i + 2, 2, 2);
    if (m === null || !t.isPunct(i + 3, '-') || !t.touching(i + 3) || !t.touching(i + 4)) return null;
    const d = this.num(i + 4, 2, 2);
    if (d === null || !validDay(d, m, y) || this.gluedAfter(i + 5)) return null;
    return { end: i + 5, p: { y, m, d }, weak: false };
  }

  /** `ngày 5 tháng 8 năm 2021`, `mùng 2 tháng Chín` (the day word is already consumed). */
  private writtenDay(i: number): { end: number; p: Point } | null {
    const t = this.toks;
    const d = this.num(i, 1, 2);
    if (d === null || !t.onLine(i + 1) || !THANG.at(t, i + 1) || !t.onLine(i + 2)) return null;
    const month = this.monthNumber(i + 2, false);
    if (!month) return null;
    let end = month.end;
    let y: number | undefined;
    if (t.onLine(end) && NAM.at(t, end) && t.onLine(end + 1) && this.year4(end + 1) !== null) {
      y = this.year4(end + 1)!;
      end += 2;
    }
    if (!validDay(d, month.m, y) || this.gluedAfter(end)) return null;
    return { end, p: { y, m: month.m, d } };
  }

  /** Month after `tháng`: digits, or a month word when a day or a year pins it. */
  private monthNumber(i: number, wordNeedsYear: boolean): { end: number; m: number } | null {
    const m = this.num(i, 1, 2);
    if (m !== null) return m >= 1 && m <= 12 ? { end: i + 1, m } : null;
    const w = MONTH_WORD.match(this.toks, i);
    if (!w) return null;
    if (wordNeedsYear && !(NAM.at(this.toks, w.end) && this.year4(w.end + 1) !== null)) return null;
    return { end: w.end, m: w.value };
  }

  /** `14:13:59`, `11:02`, `14h30`, `8h`, `8 giờ 30 phút`. */
  private time(i: number): { end: number; h: number; mi: number; s?: number; colon: boolean } | null {
    const t = this.toks;
    const h = this.num(i, 1, 2);
    if (h === null || h > 23 || this.gluedBefore(i)) return null;
    if (t.isPunct(i + 1, ':') && t.touching(i + 1) && t.touching(i + 2)) {
      const mi = this.num(i + 2, 2, 2);
      if (mi === null || mi > 59) return null;
      if (t.isPunct(i + 3, ':') && t.touching(i + 3) && t.touching(i + 4)) {
        const s = this.num(i + 4, 2, 2);
        return s !== null && s <= 59 && !this.gluedAfter(i + 5) ? { end: i + 5, h, mi, s, colon: true } : null;
      }
      return this.gluedAfter(i + 3) ? null : { end: i + 3, h, mi, colon: true };
    }
    const unit = i + 1;
    if (!t.onLine(unit) || !HOUR.has(t, unit)) return null;
    const hourWord = GIO.at(t, unit);
    if (!hourWord && t.gap(unit)) return null; // `14h30` is written solid
    let end = i + 2;
    let mi = 0;
    const minutes = this.num(end, 1, 2);
    if (minutes !== null && minutes <= 59 && t.onLine(end) && (hourWord || t.touching(end))) {
      mi = minutes;
      end++;
      if (t.onLine(end) && MINUTE.has(t, end)) end++;
    }
    return { end, h, mi, colon: false };
  }

  /** `(GMT +7)`, `[GMT +7]`, `GMT+07:00`, `UTC`. */
  private zone(i: number): { end: number; tz: string } | null {
    const t = this.toks;
    let j = i;
    const open = t.isPunct(j, '([') && t.onLine(j) ? t.str(j++) : null;
    if (!t.onLine(j) || !TIME_ZONE.has(t, j)) return null;
    j++;
    let tz = 'Z';
    if (t.onLine(j) && t.isPunct(j, '+-−') && t.onLine(j + 1)) {
      const sign = t.isPunct(j, '+') ? '+' : '-';
      const hours = this.num(j + 1, 1, 2);
      if (hours === null || hours > 14) return null;
      let minutes = 0;
      j += 2;
      if (t.touching(j) && t.isPunct(j, ':') && t.touching(j + 1) && this.num(j + 1, 2, 2) !== null) {
        minutes = this.num(j + 1, 2, 2)!;
        j += 2;
      }
      tz = `${sign}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
      if (hours === 0 && minutes === 0) tz = 'Z';
    }
    if (open) {
      if (!t.isPunct(j, open === '(' ? ')' : ']') || !t.onLine(j)) return null;
      j++;
    }
    return { end: j, tz };
  }

  /** prefix() of the last index asked, within one parseAt. */
  private prefixAt = NaN;
  private prefixOf: { end: number; dayWord: boolean } = { end: 0, dayWord: false };

  /** Day part, weekday and day word before a date, all inside its span. */
  private prefix(i: number): { end: number; dayWord: boolean } {
    if (i !== this.prefixAt) {
      this.prefixOf = this.readPrefix(i);
      this.prefixAt = i;
    }
    return this.prefixOf;
  }

  private readPrefix(i: number): { end: number; dayWord: boolean } {
    const t = this.toks;
    // Day parts, weekdays and day words start with a word: a number (a day, an hour) starts none.
    if (PREFIX_BY_WORDS && !t.isWord(i)) return { end: i, dayWord: false };
    let j = i;
    const part = DAY_PART.match(t, j);
    if (part) j = part.end;
    if (j === i || t.onLine(j)) {
      const wd = WEEKDAY.match(t, j);
      if (wd) {
        j = wd.end;
        if (t.isPunct(j, ',') && t.onLine(j)) j++;
      }
    }
    let dayWord = false;
    if (j === i || t.onLine(j)) {
      const dw = DAY_WORD.match(t, j);
      if (dw) {
        j = dw.end;
        dayWord = true;
      }
    }
    return { end: j, dayWord };
  }

  /**
   * A day-level point: [time] [day part] [weekday,] [day word] core [time] [zone].
   * `strict` asks a bare year-less core for a cue that it is a date and not a fraction.
   */
  private point(i: number, strict: boolean): DateMatch | null {
    const raw = this.pointRaw(i, !strict);
    return strict ? this.strictPoint(i, raw) : raw?.match ?? null;
  }

  /** point(i, true) from pointRaw(i, true): the strict form refuses a core glued after a dash, and a bare core without a cue. */
  private strictPoint(i: number, raw: PointRaw | null): DateMatch | null {
    if (!raw) return null;
    if (raw.coreAt >= 0 && this.gluedBefore(raw.coreAt, false)) return null;
    if (raw.needsCue && !this.bareDateCue(i, raw.coreEnd, raw.weak)) return null;
    return raw.match;
  }

  /** point without the strict test, and what that test reads. */
  private pointRaw(i: number, dashOk: boolean): PointRaw | null {
    const t = this.toks;
    let j = i;
    const lead = this.time(i);
    let timeBefore: { h: number; mi: number; s?: number } | undefined;
    if (lead && (lead.colon || t.onLine(lead.end))) {
      let k = lead.end;
      if (t.isPunct(k, ',|-') && t.onLine(k)) k++;
      if (t.onLine(k)) {
        timeBefore = lead;
        j = k;
      }
    }
    const pre = this.prefix(j);
    if (pre.end > j && !t.onLine(pre.end)) return null;
    let core: { end: number; p: Point; weak: boolean } | null = null;
    let coreAt = -1;
    if (pre.dayWord) {
      const w = this.writtenDay(pre.end);
      if (w) core = { end: w.end, p: w.p, weak: false };
    }
    if (!core) {
      core = this.core(pre.end, dashOk);
      coreAt = pre.end;
    }
    if (!core) {
      return null;
    }
    const cued = pre.end > i || timeBefore !== undefined;
    const needsCue = !cued && core.p.y === undefined;
    const coreEnd = core.end;
    const weak = core.weak;
    if (core.weak && !cued && !t.isPunct(i - 1, '(')) return null;
    const p: Point = { y: core.p.y, m: core.p.m, d: core.p.d };
    let end = core.end;
    if (timeBefore) {
      p.h = timeBefore.h;
      p.mi = timeBefore.mi;
      p.s = timeBefore.s;
    } else {
      let k = end;
      if (t.isPunct(k, ',|-') && t.onLine(k)) k++;
      const after = t.onLine(k) ? this.time(k) : null;
      if (after && after.colon) {
        p.h = after.h;
        p.mi = after.mi;
        p.s = after.s;
        end = after.end;
      }
    }
    const zone = t.onLine(end) ? this.zone(end) : null;
    if (zone && p.h !== undefined) {
      p.tz = zone.tz;
      end = zone.end;
    }
    return { match: { start: i, end, a: p }, coreAt, needsCue, coreEnd, weak };
  }

  /**
   * Is a bare `19/4` (no day word, no year) a date? Yes after `(`, a relative word or a
   * preposition, at a line start, or before punctuation or `vừa qua`; no after `đạt`,
   * `chiếm`, `tỷ lệ`… or before `số` (`2/3 số đại biểu`).
   */
  private bareDateCue(start: number, end: number, weak: boolean): boolean {
    const t = this.toks;
    if (t.onLine(start) && endsAt(FRACTION_CUE, t, start)) return false;
    if (t.onLine(end) && FRACTION_FOLLOWER.match(t, end)) return false;
    if (weak) return t.isPunct(start - 1, '(');
    if (!t.onLine(start)) return true;
    if (t.isPunct(start - 1, '(')) return true;
    const beforeComma = t.isPunct(start - 1, ',') ? start - 1 : start;
    if (endsAt(RELATIVE, t, beforeComma) || endsAt(PREPOSITION, t, start)) return true;
    if (!t.onLine(end)) return true;
    if (t.isPunct(end, ',.;:)!?…') ) return true;
    return DATE_FOLLOWER.match(t, end) !== null;
  }

  /** `ngày 22`, `22` (left end of a range or list), day word optional. */
  private dayOnly(i: number): { end: number; d: number; dayWord: boolean } | null {
    const pre = this.prefix(i);
    if (pre.end > i && !this.toks.onLine(pre.end)) return null;
    const d = this.num(pre.end, 1, 2);
    if (d === null || d < 1 || d > 31 || this.gluedBefore(pre.end)) return null;
    // `1-3/10` is written solid; anything else glued on (`22/9`, `22h`) is not a lone day.
    if (this.toks.touching(pre.end + 1) && !this.toks.isPunct(pre.end + 1, '-–')) return null;
    return { end: pre.end + 1, d, dayWord: pre.dayWord };
  }

  // ---- months, years, periods ----------------------------------------------------------

  /** `tháng 9/2020`, `tháng 9-2020`, `tháng 9 năm 2020`, `tháng 9` (year inferred). */
  private month(i: number, strict: boolean): DateMatch | null {
    const t = this.toks;
    if (!THANG.at(t, i) || !t.onLine(i + 1)) return null;
    if (t.onLine(i) && t.isNum(i - 1)) return null; // `3 tháng`: a duration
    const month = this.monthNumber(i + 1, true);
    if (!month) return null;
    let end = month.end;
    if (t.touching(end) && t.isPunct(end, '/-') && t.touching(end + 1) && this.year4(end + 1) !== null) {
      const y = this.year4(end + 1)!;
      return this.gluedAfter(end + 2) ? null : { start: i, end: end + 2, a: { y, m: month.m } };
    }
    if (t.onLine(end) && NAM.at(t, end) && t.onLine(end + 1) && this.year4(end + 1) !== null) {
      return this.gluedAfter(end + 2) ? null : { start: i, end: end + 2, a: { y: this.year4(end + 1)!, m: month.m } };
    }
    if (!t.isNum(i + 1)) return null; // month words only with a year
    if (strict) {
      if (t.onLine(i) && COUNT_BEFORE.has(t, i - 1)) return null;
      if (t.onLine(end) && MEASURE_AFTER.has(t, end)) return null;
    }
    // `tháng 7-9/2020`: the dash belongs to a range, which calls with strict = false.
    if (strict && this.gluedAfter(end)) return null;
    return { start: i, end, a: { m: month.m } };
  }

  /** month(i, true) from month(i, false): a year-less month may still be a count (`mỗi tháng 2 lần`) or glued on. */
  private strictMonth(i: number, m: DateMatch): DateMatch | null {
    if (m.a.y !== undefined) return m;
    const t = this.toks;
    if (t.onLine(i) && COUNT_BEFORE.has(t, i - 1)) return null;
    if (t.onLine(m.end) && MEASURE_AFTER.has(t, m.end)) return null;
    return this.gluedAfter(m.end) ? null : m;
  }

  /** `9/2020` without `tháng` (right end of a range, or after a cue). */
  private monthYear(i: number, strict: boolean): DateMatch | null {
    const t = this.toks;
    const m = this.num(i, 1, 2);
    if (m === null || m < 1 || m > 12 || this.gluedBefore(i)) return null;
    if (!t.touching(i + 1) || !t.isPunct(i + 1, '/-') || !t.touching(i + 2)) return null;
    const y = this.year4(i + 2);
    if (y === null || this.gluedAfter(i + 3)) return null;
    if (strict && (!t.isPunct(i + 1, '/') || !this.bareDateCue(i, i + 3, false))) return null;
    return { start: i, end: i + 3, a: { y, m } };
  }

  /** `năm 2020`. */
  private year(i: number, strict = true): DateMatch | null {
    const t = this.toks;
    if (!NAM.at(t, i) || !t.onLine(i + 1)) return null;
    const y = this.year4(i + 1);
    // `năm 2020-2021`: the dash belongs to a range, which calls with strict = false.
    if (y === null || (strict && this.gluedAfter(i + 2))) return null;
    return { start: i, end: i + 2, a: { y } };
  }

  /** `2017 - 2019`, `2020–2025` (bare years, both plausible, the second later). */
  private yearRange(i: number, allowSlash = false): DateMatch | null {
    const t = this.toks;
    const y1 = this.num(i, 4, 4);
    if (y1 === null || y1 < 1800 || y1 > 2199 || this.gluedBefore(i)) return null;
    let j: number;
    if (allowSlash && t.isPunct(i + 1, '/') && t.touching(i + 1)) j = i + 2;
    else {
      const conn = t.onLine(i + 1) ? RANGE.match(t, i + 1) : null;
      if (!conn || !t.onLine(conn.end)) return null;
      j = conn.end;
    }
    const y2 = this.num(j, 4, 4);
    if (y2 === null || y2 <= y1 || y2 - y1 > 100 || this.gluedAfter(j + 1)) return null;
    return { start: i, end: j + 1, a: { y: y1 }, b: { y: y2 } };
  }

  /** `nhiệm kỳ 2020 - 2025`, `giai đoạn 2021-2025`, `năm học 2020/2021`: the period word is inside. */
  private period(i: number): DateMatch | null {
    const w = PERIOD.match(this.toks, i);
    if (!w || !this.toks.onLine(w.end)) return null;
    const r = this.yearRange(w.end, true);
    return r ? { ...r, start: i } : null;
  }

  /** `6 tháng đầu năm 2020`, `9 tháng năm 2020`, `nửa cuối năm 2021`, `quý I/2021`, `quý IV năm 2020`. */
  private part(i: number): DateMatch | null {
    return this.monthsOfYear(i) ?? this.quarter(i);
  }

  private monthsOfYear(i: number): DateMatch | null {
    const t = this.toks;
    let n: number | null;
    let j: number;
    const half = NUA.at(t, i);
    if (half) {
      n = 6;
      j = i + 1;
    } else {
      n = this.num(i, 1, 2);
      if (n === null || n < 1 || n > 11 || this.gluedBefore(i) || !t.onLine(i + 1) || !THANG.at(t, i + 1)) return null;
      j = i + 2;
    }
    const edge = t.onLine(j) ? YEAR_EDGE.match(t, j) : null;
    if (edge) j = edge.end;
    else if (half) return null;
    if (!t.onLine(j) || !NAM.at(t, j)) return null;
    const year = this.yearAfter(j + 1, edge !== null);
    if (!year) return null;
    const first = edge?.value === 'last' ? 13 - n : 1;
    const last = edge?.value === 'last' ? 12 : n;
    return { start: i, end: year.end ?? j + 1, a: { y: year.y, m: first }, b: { y: year.y, m: last } };
  }

  private quarter(i: number): DateMatch | null {
    const t = this.toks;
    if (!QUY.at(t, i)) return null;
    const q = readNumeral(t, i + 1);
    if (!q || q.value < 1 || q.value > 4) return null;
    let j = q.end;
    let y: number | undefined;
    if (t.touching(j) && t.isPunct(j, '/-') && t.touching(j + 1) && this.year4(j + 1) !== null) {
      y = this.year4(j + 1)!;
      j += 2;
    } else if (t.onLine(j) && NAM.at(t, j)) {
      const year = this.yearAfter(j + 1, true);
      if (!year) return null;
      y = year.y;
      if (year.end !== undefined) j = year.end;
    }
    if (this.gluedAfter(j)) return null;
    const first = (q.value - 1) * 3 + 1;
    return { start: i, end: j, a: { y, m: first }, b: { y, m: first + 2 } };
  }

  /**
   * After `… năm`: an explicit year (`2020`, end past it), `nay` (publication year, span
   * ends before `nay`), or nothing when `optional` (publication year). Other relative
   * years (`năm ngoái`) are not resolved: no match.
   */
  private yearAfter(i: number, optional: boolean): { y?: number; end?: number } | null {
    const t = this.toks;
    const y = t.onLine(i) ? this.year4(i) : null;
    if (y !== null) return this.gluedAfter(i + 1) ? null : { y, end: i + 1 };
    if (t.onLine(i) && RELATIVE_YEAR.has(t, i)) return NAY.at(t, i) ? {} : null;
    return optional ? {} : null;
  }

  // ---- ranges and lists ----------------------------------------------------------------

  /**
   * Two dates joined by `đến`, `tới`, `-`: one span without the leading preposition
   * (`ngày 22 đến hết ngày 24/9/2020`, `28/9 - 2/10`, `tháng 7 đến tháng 9/2020`,
   * `năm 2016 đến năm 2020`). The left end may leave out what the right end states. `left`
   * is point(i, false) ?? month(i, false) ?? year(i, false).
   */
  private range(i: number, left: DateMatch | null): DateMatch | null {
    const t = this.toks;
    const day = left ? null : this.dayOnly(i);
    const leftEnd = left?.end ?? day?.end;
    if (leftEnd === undefined || !t.onLine(leftEnd)) return null;
    const conn = RANGE.match(t, leftEnd);
    if (!conn || !t.onLine(conn.end)) return null;
    const j = conn.end;
    if (day) {
      if (!day.dayWord && !endsAt(PREPOSITION, t, i)) return null;
      const right = this.point(j, false);
      if (!right || right.a.m === undefined) return null;
      return { start: i, end: right.end, a: dayBefore(day.d, right.a), b: right.a };
    }
    const a = left!.a;
    const level = a.d !== undefined ? 'day' : a.m !== undefined ? 'month' : 'year';
    const right = level === 'day' ? this.point(j, false)
      : level === 'month' ? this.month(j, false) ?? this.monthYear(j, false)
        : this.year(j) ?? this.bareYear(j);
    if (!right || right.b || levelOf(right.a) !== level) return null;
    if (level === 'day' && left!.a.y === undefined && !this.rangeCue(i, left!)) return null;
    const start = { ...a, y: a.y ?? yearBefore(a, right.a) };
    if (!before(start, right.a)) return null; // a range runs forward: two stamps are two dates
    return { start: i, end: right.end, a: start, b: right.a };
  }

  /** A bare year-less left end of a range (`28/9 - 2/10`) needs the same cue as a lone date, or a day word. */
  private rangeCue(i: number, left: DateMatch): boolean {
    return this.prefix(i).end > i || this.bareDateCue(i, left.end, false) || endsAt(PREPOSITION, this.toks, i);
  }

  private bareYear(i: number): DateMatch | null {
    const y = this.year4(i);
    return y === null || this.gluedAfter(i + 1) ? null : { start: i, end: i + 1, a: { y } };
  }

  /** `ngày 5 và 6/8`: two dates, the first borrowing month and year from the second. */
  private list(i: number): DateMatch[] | null {
    const t = this.toks;
    const day = this.dayOnly(i);
    if (!day || !day.dayWord || !t.onLine(day.end)) return null;
    const conn = LIST.match(t, day.end);
    if (!conn || !t.onLine(conn.end)) return null;
    const right = this.point(conn.end, false);
    if (!right || right.a.d === undefined || right.a.d <= day.d) return null;
    return [{ start: i, end: day.end, a: { d: day.d, m: right.a.m, y: right.a.y } }, right];
  }
}

/** A point before the strict test (DateGrammar.pointRaw). */
interface PointRaw {
  match: DateMatch;
  /** Token of the numeric core, -1 for a written day (`ngày 5 tháng 8`). */
  coreAt: number;
  /** No cue and no year: the strict form asks bareDateCue. */
  needsCue: boolean;
  coreEnd: number;
  weak: boolean;
}

/** The longer match, the first one on a tie. */
function longer(best: DateMatch | null, r: DateMatch | null): DateMatch | null {
  return r && (!best || r.end > best.end) ? r : best;
}

/** a lies strictly before b (fields missing on either side are not compared). */
function before(a: Point, b: Point): boolean {
  for (const k of ['y', 'm', 'd'] as const) {
    const x = a[k];
    const y = b[k];
    if (x === undefined || y === undefined) return true;
    if (x !== y) return x < y;
  }
  return false;
}

function levelOf(p: Point): 'day' | 'month' | 'year' {
  return p.d !== undefined ? 'day' : p.m !== undefined ? 'month' : 'year';
}

/** The left day of `ngày 28 đến 3/10` lies in the month before the right end. */
function dayBefore(d: number, right: Point): Point {
  if (right.d === undefined || d <= right.d) return { y: right.y, m: right.m, d };
  const m = right.m === 1 ? 12 : right.m! - 1;
  const y = right.y === undefined ? undefined : right.m === 1 ? right.y - 1 : right.y;
  return { y, m, d };
}

/** Year of a range's left end taken from the right end (`28/12 - 3/1/2021` → 2020). */
function yearBefore(a: Point, b: Point): number | undefined {
  if (b.y === undefined) return undefined;
  const later = (a.m ?? 0) > (b.m ?? 0) || ((a.m ?? 0) === (b.m ?? 0) && (a.d ?? 0) > (b.d ?? 0));
  return later ? b.y - 1 : b.y;
}
