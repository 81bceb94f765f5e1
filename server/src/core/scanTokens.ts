/**
 * A flat token stream for the small grammars of dates and document references.
 *
 * Dates (`Thứ 6, 10/07/2020 | 14:13:59 [GMT +7]`) and designations (`Nghị quyết số
 * 18-NQ/TW`) are easier to read as sequences of numbers, words and punctuation than as one
 * large regular expression, and a token walk is linear by construction. Tokens carry view
 * UTF-16 offsets; whether whitespace or a line break precedes them is recorded so grammars
 * can insist on adjacency (`10/7`) and never cross a line.
 */

export type TokKind = 'num' | 'word' | 'punct';

export interface Tok {
  kind: TokKind;
  /** The token as it appears in the view. */
  text: string;
  /** Lower-cased text: what the word tables compare. */
  key: string;
  start: number;
  end: number;
  /** Whitespace separates it from the previous token. */
  gap: boolean;
  /** A line break separates it from the previous token (or it is the first token). */
  br: boolean;
}

import { caseViews } from './caseViews';

type CharClass = 'space' | 'break' | 'digit' | 'letter' | 'other';

const LETTER = /[\p{L}\p{M}]/u;
const SPACE = /\s/u;
/** Class of each non-ASCII code point seen, so the Unicode tests run once per distinct character. */
const classCache = new Map<number, CharClass>();

function classify(cp: number): CharClass {
  if (cp === 10 || cp === 13) return 'break';
  if (cp === 32 || cp === 9) return 'space';
  if (cp >= 48 && cp <= 57) return 'digit';
  if ((cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)) return 'letter';
  if (cp < 128) return cp < 32 ? 'space' : 'other';
  // Latin-1/Extended letters, combining marks, Vietnamese precomposed letters: no map lookup.
  if ((cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) || (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1e00 && cp <= 0x1eff)) return 'letter';
  let c = classCache.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = LETTER.test(ch) ? 'letter' : SPACE.test(ch) ? (cp === 0x2028 || cp === 0x2029 || cp === 0x85 ? 'break' : 'space') : 'other';
    classCache.set(cp, c);
  }
  return c;
}

/**
 * Tokenize a range of the view (default: all of it): runs of ASCII digits, runs of letters
 * (with combining marks), or any other single character. One pass over the characters.
 */
export function tokenize(text: string, from = 0, to = text.length): Tok[] {
  if (from === 0 && to === text.length && text === lastText) return lastTokens;
  const out: Tok[] = [];
  const cases = caseViews(text);
  let gap = false;
  let br = true;
  let i = from;
  while (i < to) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const cls = classify(cp);
    if (cls === 'space' || cls === 'break') {
      gap = true;
      if (cls === 'break') br = true;
      i += width;
      continue;
    }
    let j = i + width;
    if (cls === 'digit' || cls === 'letter') {
      while (j < to) {
        const next = text.codePointAt(j)!;
        if (classify(next) !== cls) break;
        j += next > 0xffff ? 2 : 1;
      }
    }
    const tokText = text.slice(i, j);
    const kind: TokKind = cls === 'digit' ? 'num' : cls === 'letter' ? 'word' : 'punct';
    const key = kind !== 'word' ? tokText : cases ? cases.lower.slice(i, j) : tokText.toLowerCase();
    out.push({ kind, text: tokText, key, start: i, end: j, gap, br });
    gap = false;
    br = false;
    i = j;
  }
  if (from === 0 && to === text.length) {
    lastText = text;
    lastTokens = out;
  }
  return out;
}

// Dates and documents read the same article one after the other: tokenize it once.
// Tokens are never mutated by their readers.
let lastText: string | null = null;
let lastTokens: Tok[] = [];

/** A phrase table keyed by first word, so matching at a token is a map lookup. */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, Array<{ keys: string[]; value: T }>>();

  constructor(entries: Iterable<[string, T]>) {
    for (const [phrase, value] of entries) {
      const keys = phrase.toLowerCase().split(/\s+/).filter(Boolean);
      if (keys.length === 0) continue;
      const list = this.byFirst.get(keys[0]) ?? [];
      list.push({ keys, value });
      // Longest phrase first, so `thông tư liên tịch` beats `thông tư`.
      list.sort((a, b) => b.keys.length - a.keys.length);
      this.byFirst.set(keys[0], list);
    }
  }

  /**
   * The longest phrase starting at token i whose words are separated by plain spaces
   * on one line. Returns the index just past it and its value.
   */
  match(toks: readonly Tok[], i: number): { end: number; value: T } | null {
    const first = toks[i];
    if (!first) return null;
    const list = this.byFirst.get(first.key);
    if (!list) return null;
    for (const { keys, value } of list) {
      let ok = true;
      for (let k = 1; k < keys.length && ok; k++) {
        const t = toks[i + k];
        ok = t !== undefined && !t.br && t.key === keys[k];
      }
      if (ok) return { end: i + keys.length, value };
    }
    return null;
  }
}

/** Token i exists, is on the same line as the previous one. */
export function onLine(toks: readonly Tok[], i: number): boolean {
  const t = toks[i];
  return t !== undefined && !t.br;
}

/** Token i exists and touches the previous token (no space, no line break). */
export function touching(toks: readonly Tok[], i: number): boolean {
  const t = toks[i];
  return t !== undefined && !t.br && !t.gap;
}

/** The token at i is the punctuation mark c (on the same line). */
export function isPunct(toks: readonly Tok[], i: number, chars: string): boolean {
  const t = toks[i];
  return t !== undefined && t.kind === 'punct' && chars.includes(t.text);
}

/** First letter is upper case (`Nghị quyết`, not `nghị quyết`). */
export function isCapitalized(t: Tok | undefined): boolean {
  return t !== undefined && t.kind === 'word' && t.text[0] !== t.key[0];
}
