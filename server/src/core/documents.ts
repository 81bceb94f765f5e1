/**
 * DOC references (guide §2): a kind word (data/documentKinds.ts) plus what identifies the
 * document — a number and symbol (`Nghị quyết số 18-NQ/TW`, `Quyết định 1234/QĐ-TTg`), a
 * plenum (`Nghị quyết Trung ương 5 khóa X`), a congress (`Nghị quyết Đại hội XIII của
 * Đảng`, `… Đại hội Đảng bộ tỉnh lần thứ XIX`), a bare number (`Đề án 25`), a quoted
 * title (`Đề án “Đổi mới …”`) or a law's name (`Luật Đất đai 2024`). A kind word alone
 * (`nghị quyết`, `Đề án về …`) is the common noun, not a DOC.
 *
 * Values: `{kind, number, symbol, issuer, date, plenum, term, congress, title}`, each only
 * when the text gives it. `number` is the document's ordinal, the part short references
 * repeat (`Nghị quyết 98` for `Nghị quyết số 98/2023/QH15`); `symbol` is everything after
 * it as written, year included (`98/2023/QH15` → number `98`, symbol `2023/QH15`;
 * `18-NQ/TW` → `18`, `NQ/TW`), so number + separator + symbol is the official designation.
 * A plenum or congress named right after the designation (`Kết luận số 21-KL/TW của Hội
 * nghị Trung ương 4 khóa XIII`) fills `plenum`/`term`/`congress` without entering the span. Titles are given in the analysis view's form (NFC, one tone
 * placement, spaces collapsed). `date` and `issuer` come from the DATE and ORG/TITLE spans
 * right after the designation (`, ngày 5/8/2021 của Thủ tướng Chính phủ`): see
 * attachDocumentDetails, run after the layers are resolved.
 */
import type { Candidate, DetectContext } from './candidates';
import {
  CONGRESS_OWNERS, CONGRESS_STOPS, DOCUMENT_KINDS, KIND_MODIFIERS, LAW_NAMES, NON_ISSUERS, NUMBER_FOLLOWERS, TITLE_QUOTES,
  type DocumentKind,
} from './data/documentKinds';
import { readNumeral, readOrdinal } from './roman';
import {
  HashFilter, Key, PhraseTable, WordSet, capitalAfter, digitAt, hashKey, markStarts, mayBeCapital, mergeSorted, scanNear, tokenize, watchMarks, watchWords, wordAfter,
  wordAt, wordBefore, wordStarts, wordStartBefore, type Tokens,
} from './scanTokens';
import type { DocValue } from './types';

const set = (words: readonly string[]) => new PhraseTable(words.map((w): [string, true] => [w, true]));
const KINDS = new PhraseTable(DOCUMENT_KINDS.map((k): [string, DocumentKind] => [k.name, k]));
const FOLLOWERS = set(NUMBER_FOLLOWERS);
const MODIFIERS = set(KIND_MODIFIERS);
const CONGRESS_STOP = set(CONGRESS_STOPS);
const OWNERS = set(CONGRESS_OWNERS);
const LAWS = set(LAW_NAMES);
const CENTRAL = set(['trung ương']);
const PLENUM = set(['hội nghị']);
const CONGRESS = set(['đại hội']);
const NTH = set(['lần thứ']);
const CENTRAL_COMMITTEE = set(['ban chấp hành trung ương đảng', 'ban chấp hành trung ương']);
const QUOTES = new Map(TITLE_QUOTES);
/** A cheap first test: can a kind word start at a token? */
const KIND_FILTER = new HashFilter(KINDS.firstWords);
const SO = new Key('số');
const KHOA = new Key('khóa');
const BO = new Key('bộ');
const NAM = new Key('năm');
/** How far a quoted title or a congress body may run, in tokens. */
const MAX_TITLE_TOKENS = 150;
const MAX_BODY_TOKENS = 10;

/**
 * Where references can be. Every reference has, at most DOC_REACH tokens after its first
 * token (the kind word, a descriptor and `số` before the number at the most), one of:
 * - a number right after `số` or after the kind (`số 18-NQ/TW`, `Đề án 25`, `Trung ương 6`),
 * - an opening quote right after the kind (a quoted title),
 * - a kind that needs neither: a plenum, central or congress kind (`Nghị quyết Đại hội
 *   XIII`, `Đề án Trung ương VI`) or a named one (`Luật Đất đai`, `Hiến pháp năm 2013`).
 * docHotSpots finds these with native searches and a look at the word before; a scan then
 * tries only the tokens shortly before them (scanTokens.scanNear).
 */
const KIND_ENDS = new Set(DOCUMENT_KINDS.map((k) => hashKey(lastWord(k.name))));
const NUMBER_AFTER = new Set([...KIND_ENDS, hashKey('số')]);
const QUOTES_OPEN = TITLE_QUOTES.map(([open]) => open);
watchMarks(QUOTES_OPEN);
/**
 * The kinds that need no number or quote, found by words of theirs: `Nghị quyết` (plenum,
 * congress), `Đề án` (`Trung ương 6`), `luật` of `Luật`/`Bộ luật` and `pháp` of `Hiến
 * pháp`/`Pháp lệnh` (named); docHotSpots keeps only those followed as such a reference
 * must be. Tied to the kinds' flags in data/documentKinds.ts: a unit test fails when a kind
 * with one of those flags has none of these words.
 */
export const HOT_KIND_WORDS: readonly string[] = ['nghị quyết', 'đề án', 'luật', 'pháp'];
const LUAT = hashKey('luật');
const PHAP = hashKey('pháp');
const HIEN = hashKey('hiến');
const LENH = hashKey('lệnh');
const BO_WORD = hashKey('bộ');
/**
 * What must follow a hot kind word for a reference that needs neither number nor quote:
 * `Nghị quyết` (plenum, congress) is followed by the first word of `hội nghị`, `trung
 * ương` or `đại hội`; `Đề án` (central number) by `trung ương`. A named kind (`Luật`, `Bộ
 * luật`) is capitalized and followed by a capitalized word (the law's name).
 */
const AFTER_NGHI_QUYET = ['hội nghị', 'trung ương', 'đại hội'];
const AFTER_DE_AN = ['trung ương'];
const first = (phrase: string) => phrase.split(' ')[0];
// Searched from their second word (`quyết`, `án`: rarer first letters make the native
// search faster), the first one checked before.
watchWords([
  ...AFTER_NGHI_QUYET.map((p) => `quyết ${first(p)}`),
  ...AFTER_DE_AN.map((p) => `án ${first(p)}`),
  ...HOT_KIND_WORDS.filter((w) => w !== 'nghị quyết' && w !== 'đề án'),
]);
const QUYET = hashKey('quyết');
const AN = hashKey('án');
const NGHI = hashKey('nghị');
const DE = hashKey('đề');
const HOT_FIRST = new Set([QUYET, AN, LUAT, PHAP]);
const phraseWords = (phrases: readonly string[]) => Math.max(...phrases.map((p) => p.split(' ').length));
const DOC_REACH = phraseWords(DOCUMENT_KINDS.map((k) => k.name)) + phraseWords(KIND_MODIFIERS) + 1;

function lastWord(phrase: string): string {
  return phrase.toLowerCase().split(' ').pop()!;
}

function docHotSpots(text: string): number[] {
  const marks = markStarts(text).filter((at) =>
    digitAt(text, at) ? NUMBER_AFTER.has(wordBefore(text, at)) : QUOTES_OPEN.includes(text[at]) && KIND_ENDS.has(wordBefore(text, at)),
  );
  const { starts, ends } = wordStarts(text);
  const kinds: number[] = [];
  for (let k = 0; k < starts.length; k++) {
    const at = starts[k];
    const end = ends[k];
    const word = wordAt(text, at);
    if (!HOT_FIRST.has(word)) continue;
    if (word === LUAT) {
      if (!(mayBeCapital(text, at) || (wordBefore(text, at) === BO_WORD && mayBeCapital(text, wordStartBefore(text, at))))) continue;
      if (!capitalAfter(text, end)) continue;
    } else if (word === PHAP) {
      if (wordBefore(text, at) !== HIEN && wordAfter(text, end) !== LENH) continue;
    } else if (wordBefore(text, at) !== (word === QUYET ? NGHI : DE)) continue;
    kinds.push(at); // `nghị quyết` and `đề án` were found with the word that must follow them
  }
  return mergeSorted(marks, kinds);
}

/** The words between a reference's start and its number or quote: the kind, a descriptor, `số`. */
const LEAD_WORDS = new WordSet([...DOCUMENT_KINDS.map((k) => k.name), ...KIND_MODIFIERS, 'số'].flatMap((p) => p.toLowerCase().split(' ')));

/**
 * How many tokens before a number or quote hot spot x a reference may start: at most
 * DOC_REACH, every token between the start and x a LEAD_WORDS word on x's line.
 */
function leadReach(toks: Tokens, x: number): number {
  let lo = x;
  while (x - lo < DOC_REACH && toks.onLine(lo) && (lo === x || LEAD_WORDS.has(toks, lo))) lo--;
  return x - lo;
}

interface Designation {
  end: number;
  value: Omit<DocValue, 'kind'>;
}

export function detectDocuments(ctx: DetectContext): Candidate[] {
  const out: Candidate[] = [];
  const { text } = ctx;
  // A hot kind word is at most one word into its kind (`Nghị quyết`, `Bộ luật`, `Hiến pháp`).
  const reach = (hot: number, toks: Tokens, x: number) => (digitAt(text, hot) || QUOTES_OPEN.includes(text[hot]) ? leadReach(toks, x) : 1);
  scanNear(text, docHotSpots(text), reach, (toks, i) => {
    // Only a kind word starts a reference: test the token's hash before parsing.
    const doc = toks.isWord(i) && KIND_FILTER.mayBe(toks, i) ? safeParse(ctx.text, toks, i) : null;
    if (!doc) return -1;
    out.push({ label: 'DOC', start: toks.startOf(i), end: toks.endOf(doc.end - 1), value: doc.value });
    return doc.end;
  });
  return out;
}

function safeParse(text: string, toks: Tokens, i: number): { end: number; value: DocValue } | null {
  try {
    return parseDocument(text, toks, i);
  } catch {
    return null;
  }
}

/** A document reference starting at token i. */
export function parseDocument(text: string, toks: Tokens, i: number): { end: number; value: DocValue } | null {
  const k = KINDS.match(toks, i);
  if (!k || !toks.onLine(k.end)) return null;
  const kind = k.value;
  const cap = toks.isCapitalized(i);
  const j = k.end;
  const d =
    numbered(toks, j) ??
    (kind.central ? central(toks, j, kind.central) : null) ??
    (kind.congress ? congress(toks, j) : null) ??
    (kind.bareNumber && cap ? bareNumber(toks, j) : null) ??
    (kind.named && cap ? named(text, toks, j, kind) : null);
  if (d) return { end: d.end, value: { kind: kind.name, ...d.value } };
  // Only right after the kind word: a quote after a designation is a motto or a theme
  // (`Nghị quyết Đại hội … lần thứ XX “xây dựng tỉnh …”`), not the document's title.
  const title = cap ? quotedTitle(text, toks, j) : null;
  return title ? { end: title.end, value: { kind: kind.name, title: title.title } } : null;
}

/**
 * `số 18-NQ/TW`, `số 1234/QĐ-TTg`, `số 15/2020/NĐ-CP`, `số 18`, or a symbol without `số`;
 * a descriptor may stand before `số` (`chuyên đề số 05-NQ/TU`).
 */
function numbered(toks: Tokens, j: number): Designation | null {
  const mod = MODIFIERS.match(toks, j);
  if (mod && toks.onLine(mod.end) && SO.at(toks, mod.end)) return numbered(toks, mod.end);
  if (SO.at(toks, j) && toks.onLine(j + 1)) return symbolNumber(toks, j + 1, false);
  return symbolNumber(toks, j, true);
}

function symbolNumber(toks: Tokens, i: number, needSymbol: boolean): Designation | null {
  if (!toks.isNum(i) || toks.len(i) > 5) return null;
  const number = toks.str(i);
  let k = i + 1;
  // `15/2020/NĐ-CP`: the year opens the symbol.
  let year = '';
  if (toks.isPunct(k, '/') && toks.touching(k) && toks.touching(k + 1) && toks.isNum(k + 1) && toks.len(k + 1) === 4) {
    year = toks.str(k + 1) + '/';
    k += 2;
  }
  if (toks.isPunct(k, '/-') && toks.touching(k) && toks.touching(k + 1) && toks.isWord(k + 1) && isUpper(toks.text[toks.startOf(k + 1)])) {
    const end = symbolEnd(toks, k + 1);
    // Tokens from k + 1 to end touch each other: the symbol is one slice of the text.
    const symbol = year + toks.text.slice(toks.startOf(k + 1), toks.endOf(end - 1));
    return { end, value: { number, symbol } };
  }
  if (needSymbol || (toks.touching(k) && !toks.isPunct(k, ',.;:)”"'))) return null;
  return { end: k, value: year ? { number, symbol: year.slice(0, -1) } : { number } };
}

/** A symbol runs over glued letters, digits and `/ - &` between them (`NQ/TW`, `QĐ-TTg`, `QH14`). */
function symbolEnd(toks: Tokens, i: number): number {
  let k = i + 1;
  for (;;) {
    if (!toks.touching(k)) return k;
    if (!toks.isMark(k)) {
      k++;
      continue;
    }
    if (toks.isPunct(k, '/-&') && toks.touching(k + 1) && !toks.isMark(k + 1)) {
      k += 2;
      continue;
    }
    return k;
  }
}

/**
 * `Trung ương 5 khóa X`, `Hội nghị Trung ương 4 khóa XII`, `Hội nghị lần thứ tư Ban Chấp
 * hành Trung ương khóa XII`; for a scheme, `Đề án Trung ương 6` is its number.
 */
function central(toks: Tokens, j: number, as: 'plenum' | 'number'): Designation | null {
  let k = j;
  const meeting = PLENUM.match(toks, k);
  if (meeting && as === 'plenum') k = meeting.end;
  let n: { value: number; end: number } | null = null;
  const cw = toks.onLine(k) ? CENTRAL.match(toks, k) : null;
  if (cw) {
    k = cw.end;
    const nth = NTH.match(toks, k);
    n = nth ? readOrdinal(toks, nth.end) : readNumeral(toks, k);
  } else if (meeting && as === 'plenum') {
    const nth = NTH.match(toks, k);
    n = nth ? readOrdinal(toks, nth.end) : null;
    const cc = n ? CENTRAL_COMMITTEE.match(toks, n.end) : null;
    n = n && cc ? { value: n.value, end: cc.end } : null;
  }
  if (!n || glued(toks, n.end)) return null;
  if (as === 'number') return { end: n.end, value: { number: String(n.value) } };
  const term = readTerm(toks, n.end);
  return { end: term?.end ?? n.end, value: { plenum: n.value, ...(term ? { term: term.value } : {}) } };
}

/** `khóa X`, `khóa XII` after a plenum. */
function readTerm(toks: Tokens, k: number): { value: number; end: number } | null {
  if (!toks.onLine(k) || !KHOA.at(toks, k)) return null;
  const n = readNumeral(toks, k + 1);
  return n && !glued(toks, n.end) ? n : null;
}

/**
 * `Đại hội XIII của Đảng`, `Đại hội lần thứ XIII`, `Đại hội Đảng bộ tỉnh lần thứ XIX`,
 * `Đại hội đại biểu toàn quốc lần thứ XIII của Đảng`. The national owner (`của Đảng`) is
 * inside, as the gold has it; `của Đảng bộ …` is not.
 */
function congress(toks: Tokens, j: number): Designation | null {
  const dh = CONGRESS.match(toks, j);
  if (!dh || !toks.onLine(dh.end)) return null;
  let n = readNumeral(toks, dh.end);
  for (let k = dh.end; !n && k < dh.end + MAX_BODY_TOKENS && toks.onLine(k); k++) {
    const nth = NTH.match(toks, k);
    if (nth) {
      n = readOrdinal(toks, nth.end);
      break;
    }
    if (!toks.isWord(k) || CONGRESS_STOP.match(toks, k)) return null;
  }
  if (!n || glued(toks, n.end)) return null;
  let end = n.end;
  const owner = toks.onLine(end) ? OWNERS.match(toks, end) : null;
  if (owner && !BO.at(toks, owner.end)) end = owner.end;
  return { end, value: { congress: n.value } };
}

/** `Nghị quyết 19`, `Đề án 25`: a plain number, then a word that cannot make it a count. */
function bareNumber(toks: Tokens, j: number): Designation | null {
  if (!toks.isNum(j) || toks.len(j) > 4 || glued(toks, j + 1)) return null;
  const next = j + 1;
  const ok = !toks.onLine(next) || (toks.isMark(next) && !toks.isPunct(next, '/-%')) || FOLLOWERS.match(toks, next) !== null;
  return ok ? { end: j + 1, value: { number: toks.str(j) } } : null;
}

/** `Luật Đất đai`, `Luật Đất đai 2024`, `Bộ luật Hình sự năm 2015`, `Hiến pháp năm 2013`, `Luật Thủ đô 2024`. */
function named(text: string, toks: Tokens, j: number, kind: DocumentKind): Designation | null {
  if (kind.name === 'Hiến pháp') {
    const y = yearAfter(toks, j);
    return y ? { end: y.end, value: { date: y.year } } : null;
  }
  if (!toks.isCapitalized(j)) return null;
  const law = LAWS.match(toks, j);
  if (law) {
    const y = yearAfter(toks, law.end);
    return { end: y?.end ?? law.end, value: { title: spanText(text, toks, j, law.end), ...(y ? { date: y.year } : {}) } };
  }
  // Unlisted name: only when a year closes it, so its end is certain.
  for (let k = j + 1; k < j + 8 && toks.onLine(k); k++) {
    const y = yearAfter(toks, k);
    if (y) return { end: y.end, value: { title: spanText(text, toks, j, k), date: y.year } };
    if (!toks.isWord(k) && !toks.isPunct(k, ',')) return null;
  }
  return null;
}

/** `2024` or `năm 2024` at k (same line). */
function yearAfter(toks: Tokens, k: number): { year: string; end: number } | null {
  if (!toks.onLine(k)) return null;
  const at = NAM.at(toks, k) && toks.onLine(k + 1) ? k + 1 : k;
  if (!toks.isNum(at) || toks.len(at) !== 4 || glued(toks, at + 1)) return null;
  return { year: toks.str(at), end: at + 1 };
}

/** A quoted title right after the kind word or designation (`Đề án “…”`), closed on the same line. */
function quotedTitle(text: string, toks: Tokens, j: number): { end: number; title: string } | null {
  if (!toks.onLine(j) || !toks.isMark(j)) return null;
  const close = QUOTES.get(toks.str(j));
  if (close === undefined) return null;
  for (let k = j + 1; k < j + MAX_TITLE_TOKENS && toks.onLine(k); k++) {
    if (toks.isPunct(k, close)) {
      const title = text.slice(toks.endOf(j), toks.startOf(k)).replace(/\s+/g, ' ').trim();
      return title ? { end: k + 1, title } : null;
    }
  }
  return null;
}

function spanText(text: string, toks: Tokens, from: number, to: number): string {
  return text.slice(toks.startOf(from), toks.endOf(to - 1)).replace(/\s+/g, ' ');
}

/** A letter, digit or `/ -` glued on after a designation (`Trung ương 6a`, `19/2021`). */
function glued(toks: Tokens, k: number): boolean {
  if (!toks.touching(k)) return false;
  return !toks.isMark(k) || (toks.isPunct(k, '/-') && toks.touching(k + 1) && !toks.isMark(k + 1));
}

function isUpper(c: string | undefined): boolean {
  return c !== undefined && c !== c.toLowerCase();
}

// ---- date and issuer after the designation -------------------------------------------------

/**
 * Fill each DOC's `date` and `issuer` from the DATE and ORG/TITLE spans right after it:
 * `Quyết định số 1234/QĐ-TTg ngày 5/8/2021 của Thủ tướng Chính phủ`. The date must be
 * introduced by `ngày`; the issuer by `của` or `do`, and it must be a named body
 * (`của Trung ương`, `của Đảng` are not issuers). Returns new entities; inputs untouched.
 */
export function attachDocumentDetails<T extends Candidate & { nested?: boolean }>(text: string, entities: readonly T[]): T[] {
  const out = entities.slice();
  const spans = new SpansAt(entities);
  for (const k of spans.docs) {
    const e = out[k];
    if (!e.value || typeof e.value !== 'object') continue;
    try {
      const value = details(text, e, e.value, spans);
      // Most references gain nothing: keep the entity (a copy per DOC costs more than the look).
      if (value !== e.value) out[k] = { ...e, value };
    } catch {
      // Keep the reference as detected.
    }
  }
  return out;
}

/**
 * The DOCs among the entities (their indices), and the first primary-layer DATE, ORG or
 * TITLE entity starting at an offset (the only spans a reference's details read). One pass
 * reads each entity's label (entities come in many shapes: each read is slow); the look-ups
 * then scan the kept starts, or an index by start when there are many DOCs (a long text).
 */
class SpansAt {
  readonly docs: number[] = [];
  private readonly starts: number[] = [];
  private readonly spans: Candidate[] = [];
  private byStart: Map<number, Candidate[]> | null = null;

  constructor(entities: ReadonlyArray<Candidate & { nested?: boolean }>) {
    for (let k = 0; k < entities.length; k++) {
      const e = entities[k];
      const label = e.label;
      if (label === 'DOC') this.docs.push(k);
      else if ((label === 'DATE' || label === 'ORG' || label === 'TITLE') && !e.nested) {
        this.starts.push(e.start);
        this.spans.push(e);
      }
    }
    if (this.docs.length * this.spans.length <= 4096) return;
    this.byStart = new Map();
    for (const e of this.spans) {
      const list = this.byStart.get(e.start);
      if (list) list.push(e);
      else this.byStart.set(e.start, [e]);
    }
  }

  find(start: number, label: 'DATE' | 'ORG', other?: 'TITLE'): Candidate | undefined {
    if (this.byStart !== null) {
      for (const e of this.byStart.get(start) ?? []) if (e.label === label || e.label === other) return e;
      return undefined;
    }
    const starts = this.starts;
    for (let k = 0; k < starts.length; k++) {
      if (starts[k] !== start) continue;
      const e = this.spans[k];
      if (e.label === label || e.label === other) return e;
    }
    return undefined;
  }
}

/** The value with the date, issuer and meeting found after the reference; `value` itself when none is new. */
function details(text: string, doc: Candidate, value: DocValue, spans: SpansAt): DocValue {
  let out = value;
  let k = skipSeparator(text, doc.end);
  const date = spans.find(k, 'DATE');
  if (date && /^ngày\s/iu.test(text.slice(date.start, date.end))) {
    const iso = typeof date.value === 'string' ? /^\d{4}(?:-\d{2}){0,2}(?=$|T)/.exec(date.value) : null;
    if (iso && out.date === undefined) {
      out = { ...out };
      out.date = iso[0];
    }
    k = skipSeparator(text, date.end);
  }
  const by = /^(?:của|do)[ \t]+/iu.exec(text.slice(k, k + 12));
  if (by) {
    const body = spans.find(k + by[0].length, 'ORG', 'TITLE');
    const name = body ? text.slice(body.start, body.end).replace(/\s+/g, ' ') : '';
    if (name && !isNonIssuer(name) && out.issuer === undefined) {
      if (out === value) out = { ...out };
      out.issuer = name;
    }
    if (!body) {
      const meeting = meetingAfter(text, k + by[0].length, out);
      if (Object.keys(meeting).length > 0) out = Object.assign(out === value ? { ...out } : out, meeting);
    }
  }
  return out;
}

function isNonIssuer(name: string): boolean {
  const key = name.toLowerCase();
  for (const n of NON_ISSUERS) if (n.toLowerCase() === key) return true;
  return false;
}

/** How far after `của` a plenum or congress may be read, in UTF-16 units (one clause). */
const MEETING_WINDOW = 160;

/**
 * `của Hội nghị Trung ương 4 khóa XIII`, `của Hội nghị lần thứ sáu Ban Chấp hành Trung ương
 * Đảng khóa XII`, `của Đại hội XIII`: the meeting that adopted the document, for its value.
 * Fields the designation already gave are kept.
 */
function meetingAfter(text: string, from: number, known: DocValue): Partial<DocValue> {
  let to = from;
  while (to < text.length && to < from + MEETING_WINDOW && text.charCodeAt(to) !== 10 && text.charCodeAt(to) !== 13) to++;
  const toks = tokenize(text, from, to);
  const d = central(toks, 0, 'plenum') ?? congress(toks, 0);
  toks.release();
  if (!d) return {};
  const out: Partial<DocValue> = {};
  for (const key of ['plenum', 'term', 'congress'] as const) {
    if (d.value[key] !== undefined && known[key] === undefined) out[key] = d.value[key];
  }
  return out;
}

/** Past spaces and at most one comma on the same line. */
function skipSeparator(text: string, i: number): number {
  let k = i;
  while (text[k] === ' ' || text[k] === '\t') k++;
  if (text[k] === ',') k++;
  while (text[k] === ' ' || text[k] === '\t') k++;
  return k;
}
