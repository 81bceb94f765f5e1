/**
 * PER detection (guide §2): a surname from the table + 1–3 capitalised syllables, accepted
 * on its own for common surnames and with a cue for surnames that are also words or places
 * (an honorific before it, a TITLE right before or after it, a typical middle name); any
 * 2–4 capitalised syllables after `ông`/`bà`/`đồng chí`; well-known people; and the names in
 * bylines and photo credits found by metadata.ts. Titles and honorifics stay outside.
 */
import * as lexicon from './lexicon';
import * as places from './places';
import { SyllableSet, type Toks, type TokSpan } from './wordScan';

// Imports bound once: under a CommonJS transform (tsx, tests) every use of an imported name
// is a getter call, which costs more than the lookups of these hot loops.
const {
  FAMOUS_TABLE, HONORIFIC_TABLE, PLACE_TABLE, headStartsAt, isAbbreviation, isMiddleName, isNameSyllable, looksLikePerson,
  nameLength, surnameStrength,
} = lexicon;
const { unitBefore } = places;

/** Words before a name that make it a street or a place named after a person, not the person. */
const STREET_WORDS = new SyllableSet(['đường', 'phố']);
/** Separators between a name and its title after it (`Nguyễn Xuân Ký, Bí thư Tỉnh ủy`). */
const TITLE_AFTER = new SyllableSet([',', '-', '–', '—', '(']);
/** Label words of bylines and credits (`Ảnh: Minh Hà`, `Bài và ảnh: …`, `Theo …`). */
const CREDIT_LABELS = new SyllableSet(['ảnh', 'bài', 'theo', 'nguồn', 'video', 'clip', 'thực', 'hiện', 'đồ', 'họa', 'pv', 'ctv', 'nhóm', 'phóng', 'viên', 'và', 'tin', 'trình', 'bày']);

export interface PeopleInput {
  toks: Toks;
  titles: readonly TokSpan[];
  /** Token ranges [s, e) of byline and credit metadata items. */
  credits: ReadonlyArray<{ s: number; e: number }>;
  /** The LOCs the place detector kept (PER/LOC ambiguity). */
  places: readonly TokSpan[];
}

export function detectPeople(input: PeopleInput): TokSpan[] {
  const { toks, titles } = input;
  const titleEnds = new Set(titles.map((t) => t.e));
  const foreignEnds = new Set(titles.filter((t) => t.foreign).map((t) => t.e));
  const titleStarts = new Set(titles.map((t) => t.s));
  const places = new Set(input.places.map((p) => placeKey(toks, p.s, p.e)));
  const out: TokSpan[] = [...fromCredits(input)];
  // Tokens inside a title or a credit name start no other name.
  const blocked = new Uint8Array(toks.n);
  for (const t of titles) blocked.fill(1, t.s, t.e);
  for (const c of out) blocked.fill(1, c.s, c.e);
  for (let i = toks.nextCapWord(0); i < toks.n; i = toks.nextCapWord(i + 1)) {
    if (blocked[i]) continue;
    const n = foreignEnds.has(i) && toks.joined(i) ? foreignName(toks, i) || personAt(toks, i, titleEnds, titleStarts, places) : personAt(toks, i, titleEnds, titleStarts, places);
    if (n === 0) continue;
    out.push({ label: 'PER', s: i, e: i + n });
    i += n - 1;
  }
  return out.sort((a, b) => a.s - b.s);
}

/** Length of the person's name at toks[i], or 0. */
/** One number per token span [s, e), for a set of spans. */
function placeKey(toks: Toks, s: number, e: number): number {
  return s * (toks.n + 1) + e;
}

function personAt(toks: Toks, i: number, titleEnds: Set<number>, titleStarts: Set<number>, places: Set<number>): number {
  if (i > 0 && toks.joined(i) && STREET_WORDS.has(toks.id[i - 1])) return 0;
  // `ĐỒNG CHÍ NGUYỄN …`: an honorific is not the start of a name, even when capitalised.
  if (HONORIFIC_TABLE.longestValue(toks, i)?.lenient && FAMOUS_TABLE.longestEnd(toks, i) < 0) return 0;
  const honor = honorificBefore(toks, i);
  const famous = FAMOUS_TABLE.longest(toks, i);
  if (famous) {
    if (famous.value.place && (unitBefore(toks, i) || places.has(placeKey(toks, i, famous.end)))) return 0;
    return famous.end - i;
  }
  const n = nameLength(toks, i);
  if (n === 0) return honor?.lenient ? lenientName(toks, i) : 0;
  // After a unit word a short name is the place (`xã Lê Lợi`), a full one the person (`UBND tỉnh Nguyễn Văn Thắng`).
  if (unitBefore(toks, i) && !looksLikePerson(toks, i)) return 0;
  if (PLACE_TABLE.longestEnd(toks, i) === i + n && !honor) return 0;
  const cue = !!honor || (titleEnds.has(i) && toks.joined(i)) || titleAfter(toks, i + n, titleStarts);
  if (cue || surnameStrength(toks, i) === 'strong') return n;
  return n >= 3 && isMiddleName(toks, i + 1) ? n : 0;
}

/** The honorific ending right before toks[i] (`ông`, `đồng chí`, `các đồng chí`). */
function honorificBefore(toks: Toks, i: number): { lenient: boolean } | undefined {
  if (!toks.joined(i)) return undefined;
  for (let k = Math.max(0, i - 3); k < i; k++) {
    if (!HONORIFIC_TABLE.startsAt(toks, k)) continue;
    const h = HONORIFIC_TABLE.longest(toks, k);
    if (h?.end === i) return h.value;
  }
  return undefined;
}

/** `, Bí thư Tỉnh ủy` / ` – Phó Bí thư` right after the name. */
function titleAfter(toks: Toks, k: number, titleStarts: Set<number>): boolean {
  if (!toks.joined(k)) return false;
  if (titleStarts.has(k)) return true;
  return TITLE_AFTER.has(toks.id[k]) && titleStarts.has(k + 1) && toks.joined(k + 1);
}

/** 2–4 capitalised syllables after a specific honorific, even with an unknown surname. */
function lenientName(toks: Toks, i: number): number {
  let j = i;
  while (j < i + 4 && isNameSyllable(toks, j, i) && (j === i || toks.joined(j)) && !headStartsAt(toks, j)) j++;
  return j - i >= 2 ? j - i : 0;
}

/** Longest foreign syllable (`Siphandone`); longer runs of letters are not names. */
const MAX_FOREIGN_SYLLABLE = 14;

/**
 * A foreign name right after an office abroad (`Tổng thống Mỹ Joe Biden`, `Thủ tướng Lào
 * Sonexay Siphandone`, `Tổng thống Putin`): 1–4 capitalised words, no surname table.
 */
function foreignName(toks: Toks, i: number): number {
  let j = i;
  while (j < i + 4 && j < toks.n && (j === i || toks.joined(j))) {
    if (!toks.capWord(j) || toks.upper(j) || toks.size(j) > MAX_FOREIGN_SYLLABLE || headStartsAt(toks, j)) break;
    if (j > i && PLACE_TABLE.longestEnd(toks, j) >= 0) break;
    j++;
  }
  return j - i;
}

/** Names in bylines and photo credits (`Minh Hà`, `Ảnh: Thanh Ngà`, `Minh Hà - Đức Thiện`). */
function fromCredits(input: PeopleInput): TokSpan[] {
  const { toks } = input;
  const out: TokSpan[] = [];
  for (const c of input.credits) {
    let k = c.s;
    while (k < c.e) {
      if (!toks.capWord(k) || isAbbreviation(toks, k) || CREDIT_LABELS.has(toks.id[k])) {
        k++;
        continue;
      }
      let j = k + 1;
      while (j < c.e && j < k + 4 && toks.capWord(j) && toks.joined(j) && !isAbbreviation(toks, j)) j++;
      // One short ALL-CAPS word is an agency (`PV`, `TTO`); two or more are a name in capitals (`TIẾN LONG`).
      if (!(j - k === 1 && toks.upper(k) && toks.size(k) <= 4)) out.push({ label: 'PER', s: k, e: j });
      k = j;
    }
  }
  return out;
}
