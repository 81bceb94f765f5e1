/**
 * Syllable tokens for the name detectors, and phrase tables that match them.
 *
 * Detectors of PER/TITLE/ORG/LOC compare syllables, not strings: each token carries its
 * lowercase key (the view is already NFC with unified tones, so lowercasing gives the
 * normalized key of guide §1) and its casing. Knowledge tables are tries keyed by those
 * syllable keys, so a lookup costs a few Map hits per token — no alternation regexes.
 */
import { caseViews, type CaseViews } from './caseViews';
import { unifyTones } from './normalize';

export type TokKind = 'word' | 'num' | 'punct';

export interface Tok {
  /** View UTF-16 offsets. */
  start: number;
  end: number;
  text: string;
  /** Lowercase text: the normalized key of the syllable. */
  key: string;
  kind: TokKind;
  /** Starts with an uppercase letter (also true for ALL-CAPS words). */
  cap: boolean;
  /** Two or more letters, all uppercase (`UBND`, a headline in capitals). */
  upper: boolean;
  /** A line break lies between the previous token and this one. */
  nlBefore: boolean;
  /** Whitespace lies between the previous token and this one. */
  spaceBefore: boolean;
}

/**
 * Split the view into tokens: words and numbers (letters, combining marks, digits),
 * uppercase abbreviations joined by `.`/`&` (`VOV.VN`, `TN&MT`, `TP.HCM` — but `TP.Hạ` is
 * `TP` `.` `Hạ`), an apostrophe between letters (`H'Mông`), and every other non-space
 * character alone. A hand-written scanner: one pass over char codes, no regex per token.
 */
export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  const n = text.length;
  const cases = caseViews(text);
  let prevEnd = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    if (isWordChar(text, i)) {
      j = wordEnd(text, i);
      j = abbreviationEnd(text, i, j, cases);
    } else if (c >= 0xd800 && c <= 0xdbff && j < n) {
      j++; // keep a surrogate pair (emoji) together
    }
    out.push(cases ? makeTokFast(text, cases, i, j, prevEnd) : makeTok(text, i, j, prevEnd));
    prevEnd = j;
    i = j;
  }
  return out;
}

function makeTokFast(text: string, cases: CaseViews, start: number, end: number, prevEnd: number): Tok {
  const { lower, upper } = cases;
  // Same flags as makeTok: letters ⇔ key ≠ upper-cased text; upper ⇔ text = its upper case.
  let letters = false;
  let allUpper = true;
  for (let k = start; k < end; k++) {
    const t = text.charCodeAt(k);
    if (lower.charCodeAt(k) !== upper.charCodeAt(k)) letters = true;
    if (t !== upper.charCodeAt(k)) allUpper = false;
  }
  return {
    start,
    end,
    text: text.slice(start, end),
    key: lower.slice(start, end),
    kind: letters ? 'word' : isWordChar(text, start) ? 'num' : 'punct',
    cap: letters && text.charCodeAt(start) !== lower.charCodeAt(start),
    upper: letters && end - start > 1 && allUpper,
    nlBefore: lineBreakBetween(text, prevEnd, start),
    spaceBefore: start > prevEnd,
  };
}

function makeTok(text: string, start: number, end: number, prevEnd: number): Tok {
  const t = text.slice(start, end);
  const key = t.toLowerCase();
  const up = t.toUpperCase();
  const letters = key !== up;
  return {
    start,
    end,
    text: t,
    key,
    kind: letters ? 'word' : isWordChar(t, 0) ? 'num' : 'punct',
    cap: letters && t[0] !== key[0],
    upper: letters && t.length > 1 && t === up,
    nlBefore: lineBreakBetween(text, prevEnd, start),
    spaceBefore: start > prevEnd,
  };
}

/** Does the gap between two tokens hold a line break? */
function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const g = text.charCodeAt(k);
    if (g === 10 || g === 13) return true;
  }
  return false;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x3000;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Letter, combining mark or digit; Latin/Vietnamese ranges without a regex. */
function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x300 && c <= 0x36f)) return true;
  return WORD_CHAR.test(s[i]);
}

function isUpperOrDigit(s: string, i: number, cases: CaseViews | undefined): boolean {
  if (i >= s.length || !isWordChar(s, i)) return false;
  const c = s.charCodeAt(i);
  if (c >= 48 && c <= 57) return true;
  if (cases) return c === cases.upper.charCodeAt(i) && c !== cases.lower.charCodeAt(i);
  const ch = s[i];
  return ch === ch.toUpperCase() && ch !== ch.toLowerCase();
}

function wordEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && isWordChar(text, j)) j++;
  // `H'Mông`, `Y’Jút`: an apostrophe between letters joins them.
  const a = text.charCodeAt(j);
  if ((a === 39 || a === 0x2019) && j + 1 < text.length && isWordChar(text, j + 1) && j > i) {
    j += 2;
    while (j < text.length && isWordChar(text, j)) j++;
  }
  return j;
}

/** Extend an all-uppercase run over `.`/`&` + uppercase runs (`VOV.VN`), unless a lowercase letter follows. */
function abbreviationEnd(text: string, i: number, j: number, cases: CaseViews | undefined): number {
  for (let k = i; k < j; k++) if (!isUpperOrDigit(text, k, cases)) return j;
  let end = j;
  while (end < text.length) {
    const sep = text.charCodeAt(end);
    if ((sep !== 46 && sep !== 38) || !isUpperOrDigit(text, end + 1, cases)) break;
    let k = end + 1;
    while (k < text.length && isUpperOrDigit(text, k, cases)) k++;
    end = k;
  }
  if (end === j) return j;
  // `TP.Hạ Long`: the joined part runs into a lowercase letter, so it was a sentence, not an abbreviation.
  return end < text.length && isWordChar(text, end) ? j : end;
}

/** True when toks[i] continues the phrase of toks[i-1] on the same line. */
export function joined(toks: readonly Tok[], i: number): boolean {
  return i > 0 && i < toks.length && !toks[i].nlBefore;
}

/** Tokenize a table entry into syllable keys and surface forms. */
export function phraseKeys(phrase: string): { keys: string[]; forms: string[] } {
  const toks = tokenize(unifyTones(phrase.normalize('NFC')));
  return { keys: toks.map((t) => t.key), forms: toks.map((t) => t.text) };
}

interface Node<T> {
  next: Map<string, Node<T>>;
  entries?: Array<{ forms: string[]; caps: boolean[]; value: T }>;
}

const UPPER_START = /^\p{Lu}/u;

export interface PhraseMatch<T> {
  /** Token index just past the match. */
  end: number;
  value: T;
  forms: string[];
}

/**
 * A trie of phrases keyed by syllable keys. Casing is checked against each entry's surface
 * form: a capitalised syllable in the table must be capitalised in the text (so `quảng ninh`
 * is not a place), a lowercase one may be written either way (`Trưởng ban`/`Trưởng Ban`).
 */
export class PhraseTable<T> {
  private readonly root: Node<T> = { next: new Map() };

  constructor(entries: Iterable<readonly [string, T]> = []) {
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  add(phrase: string, value: T): void {
    const { keys, forms } = phraseKeys(phrase);
    if (keys.length === 0) return;
    let node = this.root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (!child) node.next.set(k, (child = { next: new Map() }));
      node = child;
    }
    (node.entries ??= []).push({ forms, caps: forms.map((f) => UPPER_START.test(f)), value });
  }

  /** Every match starting at toks[i], longest first. */
  matchAll(toks: readonly Tok[], i: number): Array<PhraseMatch<T>> {
    if (i >= toks.length || !this.root.next.has(toks[i].key)) return NO_MATCHES;
    const found: Array<PhraseMatch<T>> = [];
    let node: Node<T> | undefined = this.root;
    for (let j = i; j < toks.length && node; j++) {
      if (j > i && toks[j].nlBefore) break;
      node = node.next.get(toks[j].key);
      if (!node?.entries) continue;
      for (const e of node.entries) if (casingFits(toks, i, e.caps)) found.push({ end: j + 1, value: e.value, forms: e.forms });
    }
    return found.reverse();
  }

  /** The longest match starting at toks[i], if any (the last fitting entry of the deepest node, as matchAll orders them). */
  longest(toks: readonly Tok[], i: number): PhraseMatch<T> | undefined {
    if (i >= toks.length) return undefined;
    let node = this.root.next.get(toks[i].key);
    let best: { end: number; entry: { forms: string[]; value: T } } | undefined;
    for (let j = i; node; ) {
      if (node.entries) {
        for (const e of node.entries) if (casingFits(toks, i, e.caps)) best = { end: j + 1, entry: e };
      }
      j++;
      if (j >= toks.length || toks[j].nlBefore) break;
      node = node.next.get(toks[j].key);
    }
    return best && { end: best.end, value: best.entry.value, forms: best.entry.forms };
  }

  /** Whether any phrase starts with the key of toks[i]: a cheap test before a match. */
  startsWith(t: Tok | undefined): boolean {
    return !!t && this.root.next.has(t.key);
  }
}

/** Shared empty result: callers only read it. */
const NO_MATCHES: never[] = [];

function casingFits(toks: readonly Tok[], i: number, caps: readonly boolean[]): boolean {
  for (let k = 0; k < caps.length; k++) {
    if (caps[k] && !toks[i + k].cap) return false;
  }
  return true;
}

/**
 * Tokens of the last text tokenized, so names.ts and linking.ts share one pass over an
 * article (the analyzer calls them one after the other on the same view).
 */
let cache: { text: string; toks: Tok[] } | undefined;

export function tokensOf(text: string): Tok[] {
  if (cache?.text !== text) cache = { text, toks: tokenize(text) };
  return cache.toks;
}

/** Title-case one syllable (`NGUYỄN` → `Nguyễn`). */
export function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}

/** An entity found by a name detector, in token indices [s, e). */
export interface TokSpan {
  label: 'PER' | 'TITLE' | 'ORG' | 'LOC';
  s: number;
  e: number;
  value?: string;
  /** TITLE only: an office abroad (`Tổng thống Mỹ`), so the name after it may be foreign. */
  foreign?: boolean;
}
