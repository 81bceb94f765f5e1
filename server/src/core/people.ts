/**
 * PER detection (guide §2): a surname from the table + 1–3 capitalised syllables, accepted
 * on its own for common surnames and with a cue for surnames that are also words or places
 * (an honorific before it, a TITLE right before or after it, a typical middle name); any
 * 2–4 capitalised syllables after `ông`/`bà`/`đồng chí`; well-known people; and the names in
 * bylines and photo credits found by metadata.ts. Titles and honorifics stay outside.
 */
import * as lexicon from './lexicon';
import * as places from './places';
import { Scratch, SyllableSet, lastMatchEnd, startsAnyAt, type Toks, type TokSpan } from './wordScan';

// Imports bound once: under a CommonJS transform (tsx, tests) every use of an imported name
// is a getter call, which costs more than the lookups of these hot loops.
const {
  FAMOUS_TABLE, HONORIFIC_TABLE, PLACE_TABLE, headStartsAt, isAbbreviation, isMiddleName, isNameSyllable, looksLikePerson,
  nameLength, nameStarts, startsFamousOrSurname, surnameStrength,
} = lexicon;
const { unitBefore } = places;
const HONORIFIC_MASK = HONORIFIC_TABLE.mask;

const TITLE_EDGES = new Scratch();
/** Title edge marks per token: a title ends right before it (foreign: an office abroad), or starts at it. */
const TITLE_END = 1;
const FOREIGN_END = 2;
const TITLE_START = 4;
/** Mark of a token inside a title or a credit name. */
const BLOCKED = 8;

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
  // Where titles start and end, per token (ends and starts reach toks.n + 1).
  const edges = TITLE_EDGES.bytes(toks.n + 2);
  for (const t of titles) {
    edges[t.e] |= t.foreign ? TITLE_END | FOREIGN_END : TITLE_END;
    edges[t.s] |= TITLE_START;
  }
  const placeSpans = input.places;
  const out = fromCredits(input);
  // The names from credits come first; the rest are found left to right.
  const fromCredit = out.length;
  // Tokens inside a title or a credit name start no other name: a third mark in edges (one
  // buffer zeroed, not two; loops, not fill(): spans are short).
  for (const t of titles) for (let k = t.s; k < t.e; k++) edges[k] |= BLOCKED;
  for (const c of out) for (let k = c.s; k < c.e; k++) edges[k] |= BLOCKED;
  const { caps, nCaps } = nameStarts(toks);
  let from = 0;
  for (let k = 0; k < nCaps; k++) {
    const i = caps[k];
    if (i < from || (edges[i] & BLOCKED) !== 0) continue;
    const n = (edges[i] & FOREIGN_END) !== 0 && toks.joined(i) ? foreignName(toks, i) || personAt(toks, i, edges, placeSpans) : personAt(toks, i, edges, placeSpans);
    if (n === 0) continue;
    out.push({ label: 'PER', s: i, e: i + n });
    from = i + n;
  }
  return fromCredit > 0 ? byStart(out, fromCredit) : out;
}

/**
 * out stably sorted by start, as `out.sort(byStartOrder)` gives it: the credit names out[0, m)
 * (usually in order already; else sorted alone) merged with the rest (found left to right, so
 * in order already); on equal starts a credit name comes first, as it stood first.
 */
function byStart(out: TokSpan[], m: number): TokSpan[] {
  if (!inOrder(out, m)) {
    const credits = out.slice(0, m).sort(byStartOrder);
    for (let k = 0; k < m; k++) out[k] = credits[k];
  }
  if (m === out.length || out[m - 1].s <= out[m].s) return out;
  const merged = new Array<TokSpan>(out.length);
  let a = 0;
  let b = m;
  let k = 0;
  while (a < m && b < out.length) merged[k++] = out[b].s < out[a].s ? out[b++] : out[a++];
  while (a < m) merged[k++] = out[a++];
  while (b < out.length) merged[k++] = out[b++];
  return merged;
}

/** Whether spans[0, m) are in order of start. */
function inOrder(spans: readonly TokSpan[], m: number): boolean {
  for (let k = 1; k < m; k++) if (spans[k - 1].s > spans[k].s) return false;
  return true;
}

function byStartOrder(a: TokSpan, b: TokSpan): number {
  return a.s - b.s;
}

/** Whether one of the places spans exactly [s, e) (asked only for famous people who are also places: rarely). */
function isPlace(spans: readonly TokSpan[], s: number, e: number): boolean {
  for (const p of spans) if (p.s === s && p.e === e) return true;
  return false;
}

/** Length of the person's name at toks[i], or 0. */
function personAt(toks: Toks, i: number, edges: Uint8Array, placeSpans: readonly TokSpan[]): number {
  if (!mayStartName(toks, i)) return 0;
  if (i > 0 && toks.joined(i) && STREET_WORDS.has(toks.id[i - 1])) return 0;
  // `ĐỒNG CHÍ NGUYỄN …`: an honorific is not the start of a name, even when capitalised.
  if (HONORIFIC_TABLE.longestValue(toks, i)?.lenient && FAMOUS_TABLE.longestEnd(toks, i) < 0) return 0;
  const honor = honorificBefore(toks, i);
  const famous = FAMOUS_TABLE.longestValue(toks, i);
  if (famous) {
    const end = lastMatchEnd();
    if (famous.place && (unitBefore(toks, i) || isPlace(placeSpans, i, end))) return 0;
    return end - i;
  }
  const n = nameLength(toks, i);
  if (n === 0) return honor?.lenient ? lenientName(toks, i) : 0;
  // After a unit word a short name is the place (`xã Lê Lợi`), a full one the person (`UBND tỉnh Nguyễn Văn Thắng`).
  if (unitBefore(toks, i) && !looksLikePerson(toks, i)) return 0;
  if (PLACE_TABLE.longestEnd(toks, i) === i + n && !honor) return 0;
  const cue = !!honor || ((edges[i] & TITLE_END) !== 0 && toks.joined(i)) || titleAfter(toks, i + n, edges);
  if (cue || surnameStrength(toks, i) === 'strong') return n;
  return n >= 3 && isMiddleName(toks, i + 1) ? n : 0;
}

/**
 * Whether personAt can find a name at toks[i] at all: a famous name, a surname, or an
 * honorific just before it. A few array reads that skip most capitalised words.
 */
function mayStartName(toks: Toks, i: number): boolean {
  if (startsFamousOrSurname(toks, i)) return true; // i is a capitalised word
  if (!toks.joined(i)) return false;
  for (let k = Math.max(0, i - 3); k < i; k++) if (startsAnyAt(toks, k, HONORIFIC_MASK)) return true;
  return false;
}

/** The honorific ending right before toks[i] (`ông`, `đồng chí`, `các đồng chí`). */
function honorificBefore(toks: Toks, i: number): { lenient: boolean } | undefined {
  if (!toks.joined(i)) return undefined;
  for (let k = Math.max(0, i - 3); k < i; k++) {
    if (!HONORIFIC_TABLE.startsAt(toks, k)) continue;
    const h = HONORIFIC_TABLE.longestValue(toks, k);
    if (h && lastMatchEnd() === i) return h;
  }
  return undefined;
}

/** `, Bí thư Tỉnh ủy` / ` – Phó Bí thư` right after the name. */
function titleAfter(toks: Toks, k: number, edges: Uint8Array): boolean {
  if (!toks.joined(k)) return false;
  if ((edges[k] & TITLE_START) !== 0) return true;
  return TITLE_AFTER.has(toks.id[k]) && (edges[k + 1] & TITLE_START) !== 0 && toks.joined(k + 1);
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
