/**
 * Syllable tokens for the name detectors, and phrase tables that match them.
 *
 * Detectors of PER/TITLE/ORG/LOC compare syllables, not strings: each token carries its
 * lowercase key (the view is already NFC with unified tones, so lowercasing gives the
 * normalized key of guide §1) and its casing. Knowledge tables are tries keyed by those
 * syllable keys, so a lookup costs a few Map hits per token — no alternation regexes.
 */
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

// 1. uppercase abbreviations joined by `.`/`&` (`VOV.VN`, `TN&MT`, `TP.HCM`), not followed
//    by a lowercase letter (`TP.Hạ` is `TP` `.` `Hạ`);
// 2. a word or number (an apostrophe may join letters: `H'Mông`);
// 3. any other single non-space character.
// The separators are distinct from the run characters, so the alternatives cannot backtrack
// more than once per character.
const TOKEN = /[\p{Lu}\p{N}]+(?:[.&][\p{Lu}\p{N}]+)+(?![\p{Ll}\p{M}])|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)?|\S/gu;
const UPPER_START = /^\p{Lu}/u;
const HAS_LETTER = /\p{L}/u;
const NUMBER = /^[\p{N}.&]+$/u;

export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    const t = m[0];
    const gap = text.slice(prevEnd, start);
    const letters = HAS_LETTER.test(t);
    out.push({
      start,
      end: start + t.length,
      text: t,
      key: t.toLowerCase(),
      kind: letters ? 'word' : NUMBER.test(t) ? 'num' : 'punct',
      cap: UPPER_START.test(t),
      upper: letters && t.length > 1 && t === t.toUpperCase() && t !== t.toLowerCase(),
      nlBefore: gap.includes('\n') || gap.includes('\r'),
      spaceBefore: gap.length > 0,
    });
    prevEnd = start + t.length;
  }
  return out;
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
  entries?: Array<{ forms: string[]; value: T }>;
}

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
    (node.entries ??= []).push({ forms, value });
  }

  /** Every match starting at toks[i], longest first. */
  matchAll(toks: readonly Tok[], i: number): Array<PhraseMatch<T>> {
    const found: Array<PhraseMatch<T>> = [];
    let node: Node<T> | undefined = this.root;
    for (let j = i; j < toks.length && node; j++) {
      if (j > i && toks[j].nlBefore) break;
      node = node.next.get(toks[j].key);
      if (!node?.entries) continue;
      for (const e of node.entries) if (casingFits(toks, i, e.forms)) found.push({ end: j + 1, value: e.value, forms: e.forms });
    }
    return found.reverse();
  }

  /** The longest match starting at toks[i], if any. */
  longest(toks: readonly Tok[], i: number): PhraseMatch<T> | undefined {
    return this.matchAll(toks, i)[0];
  }
}

function casingFits(toks: readonly Tok[], i: number, forms: readonly string[]): boolean {
  for (let k = 0; k < forms.length; k++) {
    if (UPPER_START.test(forms[k]) && !toks[i + k].cap) return false;
  }
  return true;
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
}
