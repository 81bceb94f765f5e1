/**
 * A flat token stream for the small grammars of dates and document references.
 *
 * Dates (`Thứ 6, 10/07/2020 | 14:13:59 [GMT +7]`) and designations (`Nghị quyết số
 * 18-NQ/TW`) are easier to read as sequences of numbers, words and punctuation than as one
 * large regular expression, and a token walk is linear by construction. Tokens carry view
 * UTF-16 offsets; whether whitespace or a line break precedes them is recorded so grammars
 * can insist on adjacency (`10/7`) and never cross a line.
 *
 * Speed: an article has thousands of tokens and only a few dozen places where a date or a
 * designation can start, so the stream is a set of typed arrays (no object or string per
 * token). Each token carries a hash of its lower-cased text, computed in the same pass;
 * a grammar finds its anchors with a hash filter (HashFilter) and builds a token's string
 * (`key`, `str`) only where it looks closer.
 */

/** Token kinds. */
export const NUM = 1;
export const WORD = 2;
export const PUNCT = 3;

/** flags: whitespace separates the token from the previous one. */
const GAP = 1;
/** flags: a line break separates it from the previous token (or it is the first token). */
const BR = 2;

// Character classes.
const SPACE = 1;
const BREAK = 2;
const DIGIT = 3;
const LETTER = 4;
const OTHER = 5;
/** A high surrogate: the class is the code point's, read on the slow path. */
const HIGH = 6;

const LETTER_RE = /[\p{L}\p{M}]/u;
const SPACE_RE = /\s/u;

function classify(cp: number): number {
  if (cp === 10 || cp === 13) return BREAK;
  if (cp === 32 || cp === 9) return SPACE;
  if (cp >= 48 && cp <= 57) return DIGIT;
  if ((cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)) return LETTER;
  if (cp < 128) return cp < 32 ? SPACE : OTHER;
  // Latin-1/Extended letters, combining marks, Vietnamese precomposed letters.
  if ((cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) || (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1e00 && cp <= 0x1eff)) return LETTER;
  const ch = String.fromCodePoint(cp);
  if (LETTER_RE.test(ch)) return LETTER;
  if (!SPACE_RE.test(ch)) return OTHER;
  return cp === 0x2028 || cp === 0x2029 || cp === 0x85 ? BREAK : SPACE;
}

/**
 * Per UTF-16 unit, filled on first sight: `(folded << 3) | class`, where folded is the
 * unit lower-cased when that gives one unit (else the unit itself). 0 = not seen yet.
 */
const UNIT_INFO = new Int32Array(0x10000);
/** Class of each astral code point seen (rare: emoji, math letters). */
const astralClass = new Map<number, number>();

function unitInfo(c: number): number {
  const low = String.fromCharCode(c).toLowerCase();
  const folded = low.length === 1 ? low.charCodeAt(0) : c;
  const info = (folded << 3) | (c >= 0xd800 && c <= 0xdbff ? HIGH : classify(c));
  UNIT_INFO[c] = info;
  return info;
}

/** Class of the code point at i (a high surrogate there) and its width. */
function classAt(text: string, i: number): { cls: number; width: number } {
  const cp = text.codePointAt(i)!;
  if (cp < 0x10000) return { cls: classify(cp), width: 1 }; // a lone high surrogate
  let cls = astralClass.get(cp);
  if (cls === undefined) {
    cls = classify(cp);
    astralClass.set(cp, cls);
  }
  return { cls, width: 2 };
}

/** Hash step over UTF-16 units: the same for a token and for a table word. */
function mix(h: number, unit: number): number {
  return (Math.imul(h, 31) + unit) | 0;
}

/** Hash of a table key (already lower case), as tokenize computes it for a token. */
export function hashKey(key: string): number {
  let h = 0;
  for (let k = 0; k < key.length; k++) {
    const c = key.charCodeAt(k);
    h = mix(h, (UNIT_INFO[c] || unitInfo(c)) >>> 3);
  }
  return h;
}

/** The tokens of one range of the view. Indices outside [0, length) hold no token. */
export class Tokens {
  /** The key (lower-cased text) of each token, built on first use. */
  private readonly keys: Array<string | undefined>;

  constructor(
    readonly text: string,
    readonly length: number,
    /** View UTF-16 offsets. */
    readonly start: Int32Array,
    readonly end: Int32Array,
    readonly kind: Uint8Array,
    private readonly flags: Uint8Array,
    /** Hash of the key (hashKey). */
    readonly hash: Int32Array,
  ) {
    this.keys = new Array<string | undefined>(length);
  }

  has(i: number): boolean {
    return i >= 0 && i < this.length;
  }

  /** Whitespace separates token i (which exists) from the previous token. */
  gap(i: number): boolean {
    return (this.flags[i] & GAP) !== 0;
  }

  /** A line break separates token i (which exists) from the previous token. */
  br(i: number): boolean {
    return (this.flags[i] & BR) !== 0;
  }

  /** Token i as written. */
  str(i: number): string {
    return this.text.slice(this.start[i], this.end[i]);
  }

  /** Lower-cased token i (numbers and punctuation as written): what the word tables compare. */
  key(i: number): string {
    let k = this.keys[i];
    if (k === undefined) {
      k = this.str(i);
      if (this.kind[i] === WORD) k = k.toLowerCase();
      this.keys[i] = k;
    }
    return k;
  }

  /** Length of token i in UTF-16 units (its digit count for a number). */
  len(i: number): number {
    return this.end[i] - this.start[i];
  }

  /** Value of the number token i, as Number() reads its digits. */
  value(i: number): number {
    const s = this.start[i];
    const e = this.end[i];
    if (e - s > 15) return Number(this.text.slice(s, e));
    let v = 0;
    for (let k = s; k < e; k++) v = v * 10 + (this.text.charCodeAt(k) - 48);
    return v;
  }

  /** First UTF-16 unit of token i. */
  code(i: number): number {
    return this.text.charCodeAt(this.start[i]);
  }

  /** Token i is a number (a run of ASCII digits). */
  isNum(i: number): boolean {
    return this.kind[i] === NUM;
  }

  /** Token i is a word (a run of letters and marks). */
  isWord(i: number): boolean {
    return this.kind[i] === WORD;
  }

  /** Token i is a punctuation mark or symbol (one code point). */
  isMark(i: number): boolean {
    return this.kind[i] === PUNCT;
  }

  /** Token i exists, is on the same line as the previous one. */
  onLine(i: number): boolean {
    return i >= 0 && i < this.length && (this.flags[i] & BR) === 0;
  }

  /** Token i exists and touches the previous token (no space, no line break). */
  touching(i: number): boolean {
    return i >= 0 && i < this.length && this.flags[i] === 0;
  }

  /** Token i is one of the punctuation marks in chars. */
  isPunct(i: number, chars: string): boolean {
    if (i < 0 || i >= this.length || this.kind[i] !== PUNCT || this.end[i] - this.start[i] !== 1) return false;
    const c = this.text.charCodeAt(this.start[i]);
    for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
    return false;
  }

  /** Token i is a word whose first letter is upper case (`Nghị quyết`, not `nghị quyết`). */
  isCapitalized(i: number): boolean {
    return this.has(i) && this.kind[i] === WORD && this.text[this.start[i]] !== this.key(i)[0];
  }
}

/**
 * Tokenize a range of the view (default: all of it): runs of ASCII digits, runs of letters
 * (with combining marks), or any other single character. One pass over the characters.
 */
export function tokenize(text: string, from = 0, to = text.length): Tokens {
  const whole = from === 0 && to === text.length;
  if (whole && text === lastText && lastTokens) return lastTokens;
  // About one token per four characters in running text; grown when short.
  let cap = ((to - from) >> 1) + 16;
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let kind = new Uint8Array(cap);
  let flags = new Uint8Array(cap);
  let hash = new Int32Array(cap);
  let n = 0;
  let flag = BR;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    const info = UNIT_INFO[c] || unitInfo(c);
    let cls = info & 7;
    let j = i + 1;
    let h: number;
    if (cls === SPACE) {
      flag |= GAP;
      i++;
      continue;
    }
    if (cls === BREAK) {
      flag = GAP | BR;
      i++;
      continue;
    }
    if (cls === LETTER) {
      h = info >>> 3;
      j = letterRunEnd(text, j, to);
      for (let k = i + 1; k < j; k++) h = mix(h, UNIT_INFO[text.charCodeAt(k)] >>> 3);
    } else if (cls === DIGIT) {
      h = c;
      while (j < to) {
        const d = text.charCodeAt(j);
        if (d < 48 || d > 57) break;
        h = mix(h, d);
        j++;
      }
    } else if (cls === OTHER) {
      h = info >>> 3;
    } else {
      // A high surrogate: the code point decides (an astral letter, an emoji).
      const at = classAt(text, i);
      cls = at.cls;
      j = i + at.width;
      if (cls === SPACE || cls === BREAK) {
        flag = cls === BREAK ? GAP | BR : flag | GAP;
        i = j;
        continue;
      }
      if (cls === LETTER) j = letterRunEnd(text, j, to);
      h = 0;
      for (let k = i; k < j; k++) h = mix(h, UNIT_INFO[text.charCodeAt(k)] >>> 3);
    }
    if (n === cap) {
      cap *= 2;
      start = grow(start, cap);
      end = grow(end, cap);
      kind = grow(kind, cap);
      flags = grow(flags, cap);
      hash = grow(hash, cap);
    }
    start[n] = i;
    end[n] = j;
    kind[n] = cls === DIGIT ? NUM : cls === LETTER ? WORD : PUNCT;
    flags[n] = flag;
    hash[n] = h;
    n++;
    flag = 0;
    i = j;
  }
  const out = new Tokens(text, n, start, end, kind, flags, hash);
  if (whole) {
    lastText = text;
    lastTokens = out;
  }
  return out;
}

/** End of the run of letters continuing at j (astral letters included). */
function letterRunEnd(text: string, j: number, to: number): number {
  while (j < to) {
    const c = text.charCodeAt(j);
    const cls = (UNIT_INFO[c] || unitInfo(c)) & 7;
    if (cls === LETTER) j++;
    else if (cls === HIGH) {
      const at = classAt(text, j);
      if (at.cls !== LETTER) break;
      j += at.width;
    } else break;
  }
  return j;
}

function grow<A extends Int32Array | Uint8Array>(a: A, cap: number): A {
  const b = new (a.constructor as new (n: number) => A)(cap);
  b.set(a);
  return b;
}

// Dates and documents read the same article one after the other: tokenize it once.
// Tokens are never mutated by their readers (keys are only filled in).
let lastText: string | null = null;
let lastTokens: Tokens | null = null;

/**
 * A cheap first test on a token's hash: may this token be one of the given keys? False
 * means certainly not; true means look closer (compare the key).
 */
export class HashFilter {
  private readonly bits = new Uint8Array(4096);

  constructor(keys: Iterable<string>) {
    for (const key of keys) this.bits[hashKey(key) & 4095] = 1;
  }

  mayBe(t: Tokens, i: number): boolean {
    return this.bits[t.hash[i] & 4095] === 1;
  }
}

/** A set of single-word keys, tested on a token by hash first. */
export class WordSet {
  private readonly hashes = new Set<number>();
  readonly words: ReadonlySet<string>;

  constructor(words: Iterable<string>) {
    const set = new Set(words);
    for (const w of set) this.hashes.add(hashKey(w));
    this.words = set;
  }

  /** Token i exists and its key is in the set. */
  has(t: Tokens, i: number): boolean {
    return t.has(i) && this.hashes.has(t.hash[i]) && this.words.has(t.key(i));
  }
}

interface Phrase<T> {
  keys: string[];
  hashes: number[];
  value: T;
}

/** A phrase table keyed by the hash of the first word, so matching at a token is a map lookup. */
export class PhraseTable<T> {
  private readonly byFirst = new Map<number, Array<Phrase<T>>>();
  /** The first words, for anchor filters. */
  readonly firstWords = new Set<string>();

  constructor(entries: Iterable<[string, T]>) {
    for (const [phrase, value] of entries) {
      const keys = phrase.toLowerCase().split(/\s+/).filter(Boolean);
      if (keys.length === 0) continue;
      const h = hashKey(keys[0]);
      const list = this.byFirst.get(h) ?? [];
      list.push({ keys, hashes: keys.map(hashKey), value });
      // Longest phrase first, so `thông tư liên tịch` beats `thông tư` (a stable sort keeps
      // the table's order among phrases of one length).
      list.sort((a, b) => b.keys.length - a.keys.length);
      this.byFirst.set(h, list);
      this.firstWords.add(keys[0]);
    }
  }

  /**
   * The longest phrase starting at token i whose words are separated by plain spaces
   * on one line. Returns the index just past it and its value.
   */
  match(t: Tokens, i: number): { end: number; value: T } | null {
    if (!t.has(i)) return null;
    const list = this.byFirst.get(t.hash[i]);
    if (!list) return null;
    const first = t.key(i);
    for (const { keys, hashes, value } of list) {
      if (keys[0] !== first) continue;
      let ok = true;
      for (let k = 1; k < keys.length && ok; k++) {
        const j = i + k;
        ok = t.onLine(j) && t.hash[j] === hashes[k] && t.key(j) === keys[k];
      }
      if (ok) return { end: i + keys.length, value };
    }
    return null;
  }
}

/** One key, tested on a token by hash first (`năm`, `tháng`, `số`). */
export class Key {
  private readonly hash: number;

  constructor(readonly key: string) {
    this.hash = hashKey(key);
  }

  /** Token i exists and has this key. */
  at(t: Tokens, i: number): boolean {
    return t.has(i) && t.hash[i] === this.hash && t.key(i) === this.key;
  }
}
