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

// Digits, letter runs (with combining marks in case the view is not composed), or any
// other single non-space character. Three disjoint alternatives: linear.
const TOKEN = /\p{Nd}+|[\p{L}\p{M}]+|\S/gu;

/** Tokenize a range of the view (default: all of it). */
export function tokenize(text: string, from = 0, to = text.length): Tok[] {
  const out: Tok[] = [];
  const re = new RegExp(TOKEN.source, 'gu');
  re.lastIndex = from;
  let prevEnd = from;
  let first = true;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const start = m.index;
    const end = Math.min(start + m[0].length, to);
    const between = text.slice(prevEnd, start);
    const kind: TokKind = /^\p{Nd}/u.test(m[0]) ? 'num' : /^[\p{L}\p{M}]/u.test(m[0]) ? 'word' : 'punct';
    out.push({
      kind,
      text: m[0],
      key: m[0].toLowerCase(),
      start,
      end,
      gap: between.length > 0,
      br: first || /[\n\r]/.test(between),
    });
    first = false;
    prevEnd = end;
  }
  return out;
}

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
