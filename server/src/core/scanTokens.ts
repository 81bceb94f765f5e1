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
 * designation can start, all near a digit or one of a few words. So a grammar does not
 * tokenize the whole text: it finds those hot spots with native regular-expression
 * searches (markStarts, PhraseFinder), opens the token stream there (Tokens.around) and
 * reads it outward on demand (scanNear). The stream is one typed array (no object or
 * string per token); each token carries a hash of its lower-cased text, and its strings
 * (`key`, `str`) are built only where a grammar looks closer. Tokens read this way are
 * exactly the tokens of the whole range, with the same flags, so the grammars give the
 * same answers.
 */
import { escapeRegExp } from './escapeRegExp';
import { F_DIGITS as F_DIGITS_, F_LETTERS as F_LETTERS_, MAX_SYLLABLES, UNKNOWN as UNKNOWN_, syllableId, tokenize as wordTokens, tokensOf, type Toks } from './wordScan';

// Bound once: imported bindings read in hot loops are getters under tsx.
const F_LETTERS = F_LETTERS_;
const F_DIGITS = F_DIGITS_;
const UNKNOWN = UNKNOWN_;

/** Token kinds. */
const NUM = 1;
const WORD = 2;
const PUNCT = 3;

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
  const cls = clsOf(text, i);
  return { cls, width: text.codePointAt(i)! < 0x10000 ? 1 : 2 };
}

/** Class of the code point at i (classAt without the object). */
function clsOf(text: string, i: number): number {
  const cp = text.codePointAt(i)!;
  if (cp < 0x10000) {
    const cls = (UNIT_INFO[cp] || unitInfo(cp)) & 7;
    return cls === HIGH ? classify(cp) : cls; // HIGH: a lone high surrogate
  }
  let cls = astralClass.get(cp);
  if (cls === undefined) {
    cls = classify(cp);
    astralClass.set(cp, cls);
  }
  return cls;
}

/** Hash step over UTF-16 units: the same for a token and for a table word. */
function mix(h: number, unit: number): number {
  return (Math.imul(h, 31) + unit) | 0;
}

/**
 * A key isKey may compare unit by unit: each unit is its own lower case, no surrogate, no
 * sigma. A token then lower-cases to the key (toLowerCase) exactly when each of its units
 * does: a letter lowering into two units (`İ`) is not its own lower case, so it is in no
 * plain key, and the final-sigma rule is the only context toLowerCase reads.
 */
export function plainKey(key: string): boolean {
  for (let k = 0; k < key.length; k++) {
    const c = key.charCodeAt(k);
    if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3c2 || c === 0x3c3 || String.fromCharCode(c).toLowerCase() !== key[k]) return false;
  }
  return true;
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

/**
 * The tokens of a range [from, to) of the view, tokenized on demand. Token indices are
 * relative to the token the stream was opened at (index 0); tokens before it have negative
 * indices. Reading an index tokenizes up to it, in either direction; an index past the
 * range's first or last token holds no token (`has` is false).
 */
export class Tokens {
  // Storage: logical index i lives at slot i + base, four ints per slot: start, end, hash,
  // kind | flags << 4 (one typed array: allocating several per stream costs more than the stream).
  private d: Int32Array;
  private base: number;
  /** Logical indices [lo, hi) are tokenized. */
  private lo = 0;
  private hi = 0;
  /** No token before lo / none at or after hi. */
  private atStart = false;
  private atEnd = false;
  /** Forward tokenization resumes here, with the flags the next token will carry. */
  private fwdAt: number;
  private fwdFlag: number;
  /** Last unit of the token before lo (below `from`: none). */
  private backAt: number;
  /** Keys built so far, by slot. */
  private keys: Array<string | undefined> = [];

  private constructor(
    readonly text: string,
    private readonly from: number,
    private readonly to: number,
    at: number,
    capacity: number,
    front: number,
  ) {
    this.d = takeStorage(capacity * 4);
    this.base = front;
    this.fwdAt = at;
    this.fwdFlag = 0;
    this.backAt = at;
    this.open(at);
  }

  /** All the tokens of [from, to), index 0 first. */
  static of(text: string, from = 0, to = text.length): Tokens {
    const t = new Tokens(text, from, to, from, ((to - from) >> 2) + 16, 0);
    t.fill(Infinity);
    return t;
  }

  /** The tokens of [from, to) around char offset `at` (index 0: the token holding it, or the next one). */
  static around(text: string, at: number, from = 0, to = text.length): Tokens {
    return new Tokens(text, from, to, tokenStart(text, at, from), 64, 16);
  }

  /**
   * Open the same range again around another offset, reusing the storage (a scan moving
   * from hot spot to hot spot). Indices read before no longer hold.
   */
  reopen(at: number): void {
    this.base = this.d.length >> 4;
    this.lo = 0;
    this.hi = 0;
    this.atEnd = false;
    if (this.keys.length > 0) this.keys = [];
    this.open(tokenStart(this.text, at, this.from));
  }

  /** Done with these tokens: their storage may serve the next stream. */
  release(): void {
    giveStorage(this.d);
    this.d = EMPTY;
    this.lo = this.hi = 0;
    this.atStart = this.atEnd = true;
  }

  private open(at: number): void {
    flagsBefore(this.text, at, this.from);
    this.fwdAt = at;
    this.fwdFlag = beforeFlags;
    this.backAt = beforeEnd;
    this.atStart = beforeEnd < this.from;
  }

  /** Number of tokens from index 0 on, once all are read (for a stream made by `of`). */
  get length(): number {
    this.fill(Infinity);
    return this.hi;
  }

  has(i: number): boolean {
    if (i >= this.hi) return !this.atEnd && this.fill(i);
    if (i < this.lo) return !this.atStart && this.fillBack(i);
    return true;
  }

  /** View offset where token i starts / ends (i exists). */
  startOf(i: number): number {
    return this.has(i) ? this.d[(i + this.base) << 2] : -1;
  }

  endOf(i: number): number {
    return this.has(i) ? this.d[((i + this.base) << 2) + 1] : -1;
  }

  /** Hash of token i's key (hashKey), or 0 when there is no token i. */
  hashOf(i: number): number {
    return this.has(i) ? this.d[((i + this.base) << 2) + 2] : 0;
  }

  /** Whitespace separates token i (which exists) from the previous token. */
  gap(i: number): boolean {
    return this.has(i) && (this.d[((i + this.base) << 2) + 3] & (GAP << 4)) !== 0;
  }

  /** A line break separates token i (which exists) from the previous token. */
  br(i: number): boolean {
    return this.has(i) && (this.d[((i + this.base) << 2) + 3] & (BR << 4)) !== 0;
  }

  /** Token i as written. */
  str(i: number): string {
    if (!this.has(i)) return '';
    const o = (i + this.base) << 2;
    return this.text.slice(this.d[o], this.d[o + 1]);
  }

  /** Lower-cased token i (numbers and punctuation as written): what the word tables compare. */
  key(i: number): string {
    if (!this.has(i)) return '';
    const slot = i + this.base;
    let key = this.keys[slot];
    if (key === undefined) {
      key = this.str(i);
      if (this.isWord(i)) key = key.toLowerCase();
      this.keys[slot] = key;
    }
    return key;
  }

  /**
   * key(i) === key for a plain key (plainKey), without building the key: a word compares
   * unit by unit, each lower-cased as the hash does.
   */
  isKey(i: number, key: string): boolean {
    if (!this.has(i)) return false;
    const o = (i + this.base) << 2;
    const d = this.d;
    const s = d[o];
    if (d[o + 1] - s !== key.length) return false;
    const text = this.text;
    if ((d[o + 3] & 15) !== WORD) return text.startsWith(key, s);
    for (let k = 0; k < key.length; k++) {
      // Every unit of a token is classified (its info is set) before the token is stored.
      if (UNIT_INFO[text.charCodeAt(s + k)] >>> 3 !== key.charCodeAt(k)) return false;
    }
    return true;
  }

  /** Length of token i in UTF-16 units (its digit count for a number). */
  len(i: number): number {
    if (!this.has(i)) return 0;
    const o = (i + this.base) << 2;
    return this.d[o + 1] - this.d[o];
  }

  /** Value of the number token i, as Number() reads its digits. */
  value(i: number): number {
    const s = this.startOf(i);
    const e = this.endOf(i);
    if (e - s > 15) return Number(this.text.slice(s, e));
    let v = 0;
    for (let k = s; k < e; k++) v = v * 10 + (this.text.charCodeAt(k) - 48);
    return v;
  }

  /** Token i is a number (a run of ASCII digits). */
  isNum(i: number): boolean {
    return this.has(i) && (this.d[((i + this.base) << 2) + 3] & 15) === NUM;
  }

  /** Token i is a word (a run of letters and marks). */
  isWord(i: number): boolean {
    return this.has(i) && (this.d[((i + this.base) << 2) + 3] & 15) === WORD;
  }

  /** Token i is a punctuation mark or symbol (one code point). */
  isMark(i: number): boolean {
    return this.has(i) && (this.d[((i + this.base) << 2) + 3] & 15) === PUNCT;
  }

  /** Token i exists, is on the same line as the previous one. */
  onLine(i: number): boolean {
    return this.has(i) && (this.d[((i + this.base) << 2) + 3] & (BR << 4)) === 0;
  }

  /** Token i exists and touches the previous token (no space, no line break). */
  touching(i: number): boolean {
    return this.has(i) && this.d[((i + this.base) << 2) + 3] >> 4 === 0;
  }

  /** Token i is one of the punctuation marks in chars. */
  isPunct(i: number, chars: string): boolean {
    if (!this.has(i)) return false;
    const o = (i + this.base) << 2;
    if ((this.d[o + 3] & 15) !== PUNCT || this.d[o + 1] - this.d[o] !== 1) return false;
    const c = this.text.charCodeAt(this.d[o]);
    for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
    return false;
  }

  /** Token i is a word whose first letter is upper case (`Nghị quyết`, not `nghị quyết`). */
  isCapitalized(i: number): boolean {
    return this.isWord(i) && this.text[this.d[(i + this.base) << 2]] !== this.key(i)[0];
  }

  /** The index of the token holding char offset `at` or the first one after it, from index `near` on. */
  indexAt(at: number, near = 0): number {
    let i = near;
    while (this.has(i - 1) && this.d[((i - 1 + this.base) << 2) + 1] > at) i--;
    while (this.has(i) && this.d[((i + this.base) << 2) + 1] <= at) i++;
    return i;
  }

  /** Tokenize forward until index i exists or the range ends; true when it exists. */
  private fill(i: number): boolean {
    const { text, to } = this;
    let at = this.fwdAt;
    let flag = this.fwdFlag;
    while (this.hi <= i && at < to) {
      const c = text.charCodeAt(at);
      const info = UNIT_INFO[c] || unitInfo(c);
      let cls = info & 7;
      let j = at + 1;
      let h: number;
      if (cls === SPACE) {
        flag |= GAP;
        at++;
        continue;
      }
      if (cls === BREAK) {
        flag = GAP | BR;
        at++;
        continue;
      }
      if (cls === LETTER) {
        h = info >>> 3;
        let inf = 0;
        while (j < to) {
          inf = UNIT_INFO[text.charCodeAt(j)];
          if ((inf & 7) !== LETTER) break;
          h = mix(h, inf >>> 3);
          j++;
        }
        // A unit not seen yet or an astral letter ends the quick loop: finish the run the slow way.
        if (j < to && (inf === 0 || (inf & 7) === HIGH)) {
          const end = letterRunEnd(text, j, to);
          for (let u = j; u < end; u++) h = mix(h, UNIT_INFO[text.charCodeAt(u)] >>> 3);
          j = end;
        }
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
        const cp = classAt(text, at);
        cls = cp.cls;
        j = at + cp.width;
        if (cls === SPACE || cls === BREAK) {
          flag = cls === BREAK ? GAP | BR : flag | GAP;
          at = j;
          continue;
        }
        if (cls === LETTER) j = letterRunEnd(text, j, to);
        h = 0;
        for (let u = at; u < j; u++) h = mix(h, UNIT_INFO[text.charCodeAt(u)] >>> 3);
      }
      if ((this.hi + this.base) << 2 === this.d.length) this.grow(0, this.d.length >> 2);
      const o = (this.hi + this.base) << 2;
      const d = this.d;
      d[o] = at;
      d[o + 1] = j;
      d[o + 2] = h;
      d[o + 3] = (cls === DIGIT ? NUM : cls === LETTER ? WORD : PUNCT) | (flag << 4);
      this.hi++;
      flag = 0;
      at = j;
    }
    this.fwdAt = at;
    this.fwdFlag = flag;
    if (at >= to) this.atEnd = true;
    return i < this.hi;
  }

  /** Tokenize backward until index i exists or the range starts; true when it exists. */
  private fillBack(i: number): boolean {
    const { text, from } = this;
    while (this.lo > i && this.backAt >= from) {
      const last = this.backAt;
      const c = text.charCodeAt(last);
      let start = last;
      let cls: number;
      if (c >= 0xdc00 && c <= 0xdfff && last - 1 >= from && isHigh(text.charCodeAt(last - 1))) {
        start = last - 1;
        cls = clsOf(text, start);
      } else {
        cls = (UNIT_INFO[c] || unitInfo(c)) & 7;
        if (cls === HIGH) cls = clsOf(text, last);
      }
      if (cls === DIGIT) {
        while (start - 1 >= from && isDigit(text.charCodeAt(start - 1))) start--;
      } else if (cls === LETTER) {
        start = letterRunStart(text, start, from);
      }
      let h = 0;
      if (cls === DIGIT) for (let u = start; u <= last; u++) h = mix(h, text.charCodeAt(u));
      else for (let u = start; u <= last; u++) h = mix(h, (UNIT_INFO[text.charCodeAt(u)] || unitInfo(text.charCodeAt(u))) >>> 3);
      flagsBefore(text, start, from);
      if (this.lo + this.base === 0) this.grow(this.d.length >> 2, 0);
      this.lo--;
      const o = (this.lo + this.base) << 2;
      const d = this.d;
      d[o] = start;
      d[o + 1] = last + 1;
      d[o + 2] = h;
      d[o + 3] = (cls === DIGIT ? NUM : cls === LETTER ? WORD : PUNCT) | (beforeFlags << 4);
      this.backAt = beforeEnd;
    }
    if (this.backAt < from) this.atStart = true;
    return i >= this.lo;
  }

  /** Room for `front` more slots before and `back` more after. */
  private grow(front: number, back: number): void {
    const d = new Int32Array(this.d.length + (front + back) * 4);
    d.set(this.d, front * 4);
    giveStorage(this.d);
    this.d = d;
    this.base += front;
    if (front > 0 && this.keys.length > 0) this.keys = new Array<string | undefined>(front).concat(this.keys);
  }
}

const EMPTY = new Int32Array(0);
/** One spare storage array: scans open and release streams one after the other. */
let spare: Int32Array | null = null;

function takeStorage(size: number): Int32Array {
  if (spare !== null && spare.length >= size) {
    const d = spare;
    spare = null;
    return d;
  }
  return new Int32Array(size);
}

function giveStorage(d: Int32Array): void {
  // Keep a stream-sized array, not the storage of a whole long text.
  if (d.length > 0 && d.length <= MAX_SPARE && (spare === null || spare.length < d.length)) spare = d;
}

const MAX_SPARE = 1 << 16;

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** flagsBefore's answer (no object per token): the flags, and the last unit of the token before (below `from`: none). */
let beforeFlags = 0;
let beforeEnd = 0;

/** Flags of a token starting at `at` (whitespace and breaks before it), and the last unit of the token before it. */
function flagsBefore(text: string, at: number, from: number): void {
  let k = at - 1;
  let flags = 0;
  while (k >= from) {
    const c = text.charCodeAt(k);
    const cls = (UNIT_INFO[c] || unitInfo(c)) & 7;
    if (cls === SPACE) flags |= GAP;
    else if (cls === BREAK) flags = GAP | BR;
    else break;
    k--;
  }
  // The range's first token follows a line break as far as the grammars can tell.
  if (k < from) flags |= BR;
  beforeFlags = flags;
  beforeEnd = k;
}

/** Start of the token holding char offset `at`, or of the next token when `at` is whitespace. */
function tokenStart(text: string, at: number, from: number): number {
  if (at <= from) return from;
  const c = text.charCodeAt(at);
  const cls = (UNIT_INFO[c] || unitInfo(c)) & 7;
  if (cls === DIGIT) {
    while (at - 1 >= from && isDigit(text.charCodeAt(at - 1))) at--;
    return at;
  }
  if (c >= 0xdc00 && c <= 0xdfff && isHigh(text.charCodeAt(at - 1))) at--;
  const own = clsOf(text, at);
  return own === LETTER ? letterRunStart(text, at, from) : at;
}

/** Start of the run of letters ending just before `start` joined to the letter at `start`. */
function letterRunStart(text: string, start: number, from: number): number {
  while (start - 1 >= from) {
    const c = text.charCodeAt(start - 1);
    if (c >= 0xdc00 && c <= 0xdfff && start - 2 >= from && isHigh(text.charCodeAt(start - 2))) {
      if (clsOf(text, start - 2) !== LETTER) break;
      start -= 2;
    } else {
      let cls = (UNIT_INFO[c] || unitInfo(c)) & 7;
      if (cls === HIGH) cls = clsOf(text, start - 1);
      if (cls !== LETTER) break;
      start--;
    }
  }
  return start;
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

/** Tokenize a range of the view (default: all of it). */
export function tokenize(text: string, from = 0, to = text.length): Tokens {
  return Tokens.of(text, from, to);
}

/**
 * Start offsets in [from, to) of the runs of ASCII digits (number tokens) and of the mark
 * characters grammars asked for (watchMarks), ascending. Most dates and document
 * references are found from these: one native search per article, shared by the grammars
 * (the last text's offsets are kept).
 */
export function markStarts(text: string, from = 0, to = text.length): number[] {
  const whole = from === 0 && to === text.length;
  if (whole && text === lastMarksText) return lastMarks;
  // The whole view: the names tokenizer's tokens (cached for this view) tell the same.
  if (whole && marksByTokens) {
    readViewTokens(text);
    return lastMarks;
  }
  const out = matchStarts(marks, text, from, to);
  if (whole) {
    lastMarksText = text;
    lastMarks = out;
  }
  return out;
}

/** Also find these characters in markStarts (a grammar's cue marks, such as opening quotes). */
export function watchMarks(chars: Iterable<string>): void {
  for (const c of chars) markChars.add(c);
  const escaped = [...markChars].map((c) => c.replace(/[\]\\^-]/g, '\\$&')).join('');
  marks = new RegExp(`[0-9${escaped}]`, 'g');
  lastMarksText = null;
  for (const c of markChars) {
    const u = c.charCodeAt(0);
    // A mark outside every token's letters and digits (punctuation): else the regex only.
    if (c.length !== 1 || !tokenOfItsOwn(c)) marksByTokens = false;
    else MARK_UNIT[u] = 1;
  }
}

/** The character is in a token (no space), of neither letters nor digits only, as the names tokenizer reads it. */
function tokenOfItsOwn(c: string): boolean {
  const toks = wordTokens(c);
  return toks.n === 1 && (toks.flags[0] & (F_LETTERS | F_DIGITS)) === 0;
}

/**
 * markStarts and wordStarts of the whole view (both kept as the last text's), in one pass
 * over the names tokenizer's tokens (scanViewTokens) when both may be read from them.
 */
function readViewTokens(text: string): void {
  const toks = tokensOf(text);
  const words = (watched ??= new PhraseFinder(watchedPhrases)).tokenWords();
  const starts: number[] = [];
  const ends: number[] = [];
  let marks: number[] | null = null;
  if (words === null) {
    watched.find(text, 0, text.length, (at, end) => (starts.push(at), ends.push(end), false));
    if (marksByTokens) marks = tokenMarkStarts(toks);
  } else {
    marks = [];
    scanViewTokens(toks, words, marks, starts, ends);
    // A mark the tokens cannot tell (see watchMarks): markStarts searches the text.
    if (!marksByTokens) marks = null;
  }
  if (marks !== null) {
    lastMarksText = text;
    lastMarks = marks;
  }
  lastWordsText = text;
  lastWords = { starts, ends };
}

/**
 * markStarts of the whole view from its tokens: a token of letters only holds no digit and
 * no mark (marks are punctuation, see watchMarks); a token of ASCII digits only is one run
 * (it starts one unless a digit touches it); any other token is read unit by unit. Every
 * unit that is no space lies in a token, so this finds what the regex finds, in order.
 */
function tokenMarkStarts(toks: Toks): number[] {
  const marks: number[] = [];
  scanViewTokens(toks, (noWords ??= TokenWords.of([])!), marks, [], []);
  return marks;
}

/** A TokenWords of no phrase: scanViewTokens then finds the marks alone. Made when first needed (its tables are 256 KB). */
let noWords: TokenWords | undefined;

/**
 * The marks (as tokenMarkStarts reads them) into `marks` and the matches of `words`
 * (TokenWords) into starts/ends, in one pass. Kept to a few typed-array reads per token: most tokens are letters only, and
 * most of those are refused by their syllable id's memo or, without an id, by their first
 * unit and length.
 */
function scanViewTokens(toks: Toks, words: TokenWords, marks: number[], starts: number[], ends: number[]): void {
  const { text, n, start, end, id, flags } = toks;
  const { lengths, memo } = words;
  for (let t = 0; t < n; t++) {
    const f = flags[t];
    if ((f & F_LETTERS) !== 0) {
      const i = id[t];
      // memo[UNKNOWN] is ID_NO when no token without an id can start a match (unknownIsNone).
      const m = memo[i];
      if (m === ID_NO) continue;
      if (i !== UNKNOWN) {
        if (m === 0 && !words.idMayStart(text, start[t], end[t], i)) continue;
        words.tryAt(text, start[t], starts, ends);
        continue;
      }
      const s = start[t];
      const bits = lengths[text.charCodeAt(s)];
      if (bits === 0) continue;
      const len = end[t] - s;
      if (((bits >>> (len < LONG_WORD ? len : LONG_WORD)) & 1) !== 0) words.tryAt(text, s, starts, ends);
      continue;
    }
    const s = start[t];
    if ((f & F_DIGITS) !== 0) {
      if (s === 0 || !isDigit(text.charCodeAt(s - 1))) marks.push(s);
      continue;
    }
    for (let p = s, e = end[t]; p < e; p++) {
      const c = text.charCodeAt(p);
      if (isDigit(c) ? p === 0 || !isDigit(text.charCodeAt(p - 1)) : MARK_UNIT[c] !== 0) marks.push(p);
      if (lengths[c] !== 0) words.tryAt(text, p, starts, ends);
    }
  }
}

const markChars = new Set<string>();
let marks = /[0-9]/g;
/** All marks are punctuation: markStarts may read the tokens (see tokenMarkStarts). */
let marksByTokens = true;
/** Per UTF-16 unit: 1 for a watched mark (see tokenMarkStarts). */
const MARK_UNIT = new Uint8Array(0x10000);
let lastMarksText: string | null = null;
let lastMarks: number[] = [];

/** Char offset `at` starts a number (an ASCII digit). */
export function digitAt(text: string, at: number): boolean {
  return isDigit(text.charCodeAt(at));
}

/**
 * Start offsets in [from, to) of the digit runs and marks `re` (one character class, global)
 * finds, ascending. `test` and a skip over the digits: no match object per hit.
 */
function matchStarts(re: RegExp, text: string, from = 0, to = text.length): number[] {
  const whole = from === 0 && to === text.length;
  const s = whole ? text : text.slice(from, to);
  const out: number[] = [];
  re.lastIndex = 0;
  while (re.test(s)) {
    const at = re.lastIndex - 1;
    out.push(at + from);
    let k = at + 1;
    if (isDigit(s.charCodeAt(at))) while (k < s.length && isDigit(s.charCodeAt(k))) k++;
    re.lastIndex = k;
  }
  return out;
}

/** Merge two ascending lists. */
export function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  if (b.length === 0) return a as number[];
  if (a.length === 0) return b as number[];
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++]);
  return out;
}

/**
 * Start offsets in [from, to) of whole-word occurrences of lower-case phrases, in any
 * letter case and with any spacing between their words (as tokens compare keys: each
 * letter or its upper case; the words are Vietnamese, without the few compatibility letters
 * such as the Kelvin sign that lower-case into ASCII). One native search: the alternatives
 * are grouped by first letter, which keeps the search fast.
 */
export class PhraseFinder {
  private readonly re: RegExp;
  /** The phrases (lower-case words) in the regex's order. */
  private readonly ordered: string[][];
  private words: TokenWords | null | undefined = undefined;

  constructor(phrases: Iterable<string>) {
    const byFirst = new Map<string, string[]>();
    const wordsByFirst = new Map<string, string[][]>();
    for (const phrase of phrases) {
      const words = phrase.toLowerCase().split(' ').filter(Boolean);
      const first = words[0][0];
      const rest = anyCase(words[0].slice(1)) + words.slice(1).map((w) => SEP + anyCase(w)).join('');
      byFirst.set(first, [...(byFirst.get(first) ?? []), rest]);
      wordsByFirst.set(first, [...(wordsByFirst.get(first) ?? []), words]);
    }
    const groups = [...byFirst].map(([first, rests]) => `${anyCase(first)}(?:${rests.join('|')})`);
    this.re = new RegExp(groups.join('|'), 'g');
    this.ordered = [...wordsByFirst.values()].flat();
  }

  /** `accept(at, end)` may refuse a match at [at, end). */
  find(text: string, from = 0, to = text.length, accept?: (at: number, end: number) => boolean): number[] {
    const whole = from === 0 && to === text.length;
    const s = whole ? text : text.slice(from, to);
    const out: number[] = [];
    const re = this.re;
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const at = m.index + from;
      const end = at + m[0].length;
      if (letterAt(text, at - 1) || letterAt(text, end)) continue;
      if (accept && !accept(at, end)) continue;
      out.push(at);
    }
    return out;
  }

  /** The reading of find over a whole text from its tokens (TokenWords), or null when it would not be exact. */
  tokenWords(): TokenWords | null {
    if (this.words === undefined) this.words = TokenWords.of(this.ordered);
    return this.words;
  }

  /** The whole-word matches [starts[k], ends[k]) of find(text), read from the text's tokens when tokenWords allows. */
  wholeWordsOf(text: string, toks: Toks = tokensOf(text)): { starts: number[]; ends: number[] } {
    const starts: number[] = [];
    const ends: number[] = [];
    const words = this.tokenWords();
    if (words === null) this.find(text, 0, text.length, (at, end) => (starts.push(at), ends.push(end), false));
    else scanViewTokens(toks, words, [], starts, ends);
    return { starts, ends };
  }
}

/** TokenWords.lengths: first words of this many units or more share one bit. */
const LONG_WORD = 23;
/** TokenWords.memo: the syllable id is no phrase's first word / may be one. */
const ID_NO = 1;
const ID_MAY = 2;

/**
 * PhraseFinder.find over a whole text, read from the names tokenizer's tokens of the text
 * (wordScan.tokensOf, cached per view) instead of a regex search over every character.
 *
 * Why it is the same: a match that is kept starts at a first unit of a phrase (a letter)
 * not preceded by a letter. Every letter lies in a token. A token of letters only
 * (F_LETTERS) is preceded and followed by no letter (tokens end where a unit that is no
 * letter, digit or mark follows), and all its units are letters: only its first unit can
 * start a kept match, and only one whose first word is exactly the token (a longer word
 * would need the letter after the token, a shorter one has a letter after it, where the
 * phrase ends or needs a space). So such a token is tried only when it may be a first word:
 * by its syllable id (one id per lower-case key, and a first word's units are their upper
 * case's lower case, so a token the regex reads as a first word has that word's id), else by
 * its first unit and length. A token of digits only holds no letter; any other token
 * (apostrophes, digits glued to letters, marks, surrogates, punctuation) is tried at each
 * unit. At a position the alternatives are tried in the regex's order, and the first that
 * matches is the regex's match. The regex resumes after each match, also a refused one:
 * that hides only starts inside it, which follow a letter of the match (refused anyway) or
 * open a later word of the phrase, and `of` refuses phrases whose later words start like
 * some phrase. (Unit tests compare both on random texts and check the token facts above on
 * every unit.)
 */
class TokenWords {
  /**
   * Per syllable id: 0 not asked yet, ID_NO or ID_MAY (ids keep their key for good: kept
   * across texts); UNKNOWN's is ID_NO when unknownIsNone, else 0 (never asked).
   */
  readonly memo = new Uint8Array(MAX_SYLLABLES);

  private constructor(
    /**
     * Per unit: bit L (below LONG_WORD) set when an alternative starting with it has a first
     * word of L units (bit LONG_WORD: that many or more), and in the high byte the index + 1
     * of its alternatives in `alts` (0: no phrase starts with it).
     */
    readonly lengths: Uint32Array,
    /** Per first unit (see lengths): the alternatives in the regex's order (see matchCode). */
    private readonly alts: Int32Array[][],
    private readonly firstWords: ReadonlySet<string>,
    /**
     * Every first word has a syllable id given before any text was tokenized (watchWords) and
     * only units of one-unit case: a token of letters only that the regex reads as a first
     * word then has that word's id, so a token whose id is UNKNOWN starts no match.
     */
    readonly unknownIsNone: boolean,
  ) {
    if (unknownIsNone) this.memo[UNKNOWN] = ID_NO;
  }

  /**
   * Codes of the phrases (lower-case words, in the regex's order): per phrase its first
   * word's length, then per unit after the first one `lower | upper << 16` (the units
   * `[cC]` accepts), SEP_CODE for a SEP run. Null when the reading would not be exact: a
   * unit of a phrase (or its upper case) that is no letter or does not lower-case to the
   * phrase's unit (the syllable ids would not tell), or a later word starting with the
   * first unit of some phrase.
   */
  static of(phrases: readonly string[][]): TokenWords | null {
    const unitCase = (ch: string): [number, number] => {
      const up = ch.toUpperCase();
      return [ch.charCodeAt(0), up !== ch && up.length === 1 ? up.charCodeAt(0) : ch.charCodeAt(0)];
    };
    const lengths = new Uint32Array(0x10000);
    const alts: Int32Array[][] = [];
    for (const words of phrases) {
      const code: number[] = [words[0].length];
      for (let w = 0; w < words.length; w++) {
        if (w > 0) code.push(SEP_CODE);
        for (let k = 0; k < words[w].length; k++) {
          const [lo, up] = unitCase(words[w][k]);
          if (!isLetterUnit(lo) || !isLetterUnit(up)) return null;
          if (String.fromCharCode(lo).toLowerCase() !== words[w][k] || String.fromCharCode(up).toLowerCase() !== words[w][k]) return null;
          if (w > 0 || k > 0) code.push(lo | (up << 16));
        }
      }
      for (const u of new Set(unitCase(words[0][0]))) {
        if (lengths[u] === 0) {
          if (alts.length === 255) return null;
          alts.push([]);
          lengths[u] = alts.length << 24;
        }
        alts[(lengths[u] >>> 24) - 1].push(Int32Array.from(code));
        lengths[u] |= 1 << Math.min(words[0].length, LONG_WORD);
      }
    }
    for (const words of phrases) for (const word of words.slice(1)) for (const u of unitCase(word[0])) if (lengths[u] !== 0) return null;
    const firstWords = new Set(phrases.map((words) => words[0]));
    const unknownIsNone = [...firstWords].every((w) => idsGivenAtLoad.has(w) && oneUnitCases(w));
    return new TokenWords(lengths, alts, firstWords, unknownIsNone);
  }

  /** A token [s, e) of letters only with syllable id `id` may be a first word (answer kept in memo). */
  idMayStart(text: string, s: number, e: number, id: number): boolean {
    const may = this.firstWords.has(text.slice(s, e).toLowerCase());
    this.memo[id] = may ? ID_MAY : ID_NO;
    return may;
  }

  /** The regex's match at p (its first alternative that matches), kept when it is a whole word. */
  tryAt(text: string, p: number, starts: number[], ends: number[]): void {
    if (letterAt(text, p - 1)) return;
    const alts = this.alts[(this.lengths[text.charCodeAt(p)] >>> 24) - 1];
    for (let k = 0; k < alts.length; k++) {
      const end = matchCode(text, p + 1, alts[k]);
      if (end < 0) continue;
      if (!letterAt(text, end)) {
        starts.push(p);
        ends.push(end);
      }
      return;
    }
  }
}

/** A SEP run in a phrase's codes. */
const SEP_CODE = -1;

/** End of the units of code (after its first-word length) matched from text[q], or -1. */
function matchCode(text: string, q: number, code: Int32Array): number {
  const n = text.length;
  for (let k = 1; k < code.length; k++) {
    const unit = code[k];
    if (unit === SEP_CODE) {
      if (q >= n || !isSepUnit(text.charCodeAt(q))) return -1;
      while (++q < n && isSepUnit(text.charCodeAt(q)));
      continue;
    }
    if (q >= n) return -1;
    const c = text.charCodeAt(q);
    if (c !== (unit & 0xffff) && c !== unit >>> 16) return -1;
    q++;
  }
  return q;
}

/** Per unit: 2 when SEP accepts it, 1 when not, 0 not asked yet. */
const SEP_UNIT = new Uint8Array(0x10000);

function isSepUnit(c: number): boolean {
  if (SEP_UNIT[c] === 0) SEP_UNIT[c] = SEP_ONE.test(String.fromCharCode(c)) ? 2 : 1;
  return SEP_UNIT[c] === 2;
}

/**
 * Phrases several grammars look for (watchWords): one native search per article finds them
 * all (wordStarts), each grammar keeps those whose first word is one of its own.
 */
const watchedPhrases: string[] = [];
let watched: PhraseFinder | null = null;
let lastWordsText: string | null = null;
let lastWords: { starts: number[]; ends: number[] } = { starts: [], ends: [] };

/**
 * First words of the watched phrases, given a syllable id when watched (at load time, as the
 * tables get theirs: before any text is tokenized; see TokenWords.unknownIsNone).
 */
const idsGivenAtLoad = new Set<string>();

/**
 * Each unit of the word and of its upper case is one unit in both cases (the tokenizer gives
 * a token with another unit no id, see wordScan.tokenizeInto).
 */
function oneUnitCases(word: string): boolean {
  for (const ch of word) {
    for (const u of [ch, ch.toUpperCase()]) if (u.length !== 1 || u.toLowerCase().length !== 1 || u.toUpperCase().length !== 1) return false;
  }
  return true;
}

/** Also find these lower-case phrases in wordStarts. No two grammars may share a first word. */
export function watchWords(phrases: Iterable<string>): void {
  for (const p of phrases) {
    watchedPhrases.push(p);
    const first = p.toLowerCase().split(' ').filter(Boolean)[0];
    syllableId(first);
    idsGivenAtLoad.add(first);
  }
  watched = null;
  lastWordsText = null;
}

/** Whole-word occurrences of the watched phrases in the text, ascending [starts[k], ends[k]) (the last text's are kept). */
export function wordStarts(text: string): { starts: number[]; ends: number[] } {
  if (text !== lastWordsText) readViewTokens(text);
  return lastWords;
}

/** What separates two words of a phrase: the tokenizer's spaces (whitespace but line breaks, control characters). */
const SEP = '(?:[^\\S\\n\\r\\u2028\\u2029]|[\\x00-\\x08\\x0e-\\x1f])+';
/** One unit SEP accepts. */
const SEP_ONE = new RegExp(`^${SEP}$`);

/**
 * Hash (hashKey) of the word token just before char offset `at`, when only spaces (no
 * line break) or nothing separate them; 0 when the token before is not a word, or there is
 * none in [from, at). A cheap look at the left context of a hot spot, before tokenizing.
 */
export function wordBefore(text: string, at: number, from = 0): number {
  let k = at - 1;
  for (; k >= from; k--) {
    const c = text.charCodeAt(k);
    const cls = (UNIT_INFO[c] || unitInfo(c)) & 7;
    if (cls === BREAK) return 0;
    if (cls !== SPACE) break;
  }
  if (k < from || !isLetterUnit(text.charCodeAt(k))) return 0;
  let start = k;
  while (start - 1 >= from && isLetterUnit(text.charCodeAt(start - 1))) start--;
  // A word with an astral letter in it is no table word: call it none.
  if (start - 2 >= from && isLow(text.charCodeAt(start - 1)) && isHigh(text.charCodeAt(start - 2)) && clsOf(text, start - 2) === LETTER) return 0;
  let h = 0;
  for (let u = start; u <= k; u++) h = mix(h, UNIT_INFO[text.charCodeAt(u)] >>> 3);
  return h;
}

/** Hash (hashKey) of the word token starting at char offset `at`, or 0 when none starts there. */
export function wordAt(text: string, at: number, to = text.length): number {
  if (at >= to || !isLetterUnit(text.charCodeAt(at))) return 0;
  let h = 0;
  let k = at;
  for (; k < to && isLetterUnit(text.charCodeAt(k)); k++) h = mix(h, UNIT_INFO[text.charCodeAt(k)] >>> 3);
  // A word with an astral letter in it is no table word: call it none.
  return k < to && isHigh(text.charCodeAt(k)) && clsOf(text, k) === LETTER ? 0 : h;
}

/** Hash of the word after the spaces at char offset `at` (no line break between), or 0. */
export function wordAfter(text: string, at: number, to = text.length): number {
  let k = at;
  for (; k < to; k++) {
    const c = text.charCodeAt(k);
    const cls = (UNIT_INFO[c] || unitInfo(c)) & 7;
    if (cls === BREAK) return 0;
    if (cls !== SPACE) break;
  }
  return wordAt(text, k, to);
}

/** Start of the word token just before char offset `at` (spaces between), as wordBefore finds it; -1 when none. */
export function wordStartBefore(text: string, at: number, from = 0): number {
  let k = at - 1;
  while (k >= from && ((UNIT_INFO[text.charCodeAt(k)] || unitInfo(text.charCodeAt(k))) & 7) === SPACE) k--;
  if (k < from || !isLetterUnit(text.charCodeAt(k))) return -1;
  while (k - 1 >= from && isLetterUnit(text.charCodeAt(k - 1))) k--;
  return k;
}

/**
 * A word token starting at char offset `at` may be capitalized (Tokens.isCapitalized): its
 * first unit is not its own lower case. A high surrogate (an astral letter) may be.
 */
export function mayBeCapital(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  const c = text.charCodeAt(at);
  if (isHigh(c)) return true;
  const ch = String.fromCharCode(c);
  return ch.toLowerCase()[0] !== ch;
}

/** After the spaces at char offset `at` (no line break), a token starts that may be a capitalized word. */
export function capitalAfter(text: string, at: number, to = text.length): boolean {
  let k = at;
  for (; k < to; k++) {
    const c = text.charCodeAt(k);
    const cls = (UNIT_INFO[c] || unitInfo(c)) & 7;
    if (cls === BREAK) return false;
    if (cls !== SPACE) break;
  }
  if (k >= to) return false;
  const c = text.charCodeAt(k);
  return (isHigh(c) || isLetterUnit(c)) && mayBeCapital(text, k);
}

/** neighborBefore/neighborAfter: the neighbour token is not a word (a mark), or a word not hashed. */
export const MARK_NEAR = -1;

/**
 * The token just before char offset `at`: touching it or a mark (MARK_NEAR), none on the
 * line (0), or a word separated by spaces (its hash; MARK_NEAR when it holds an astral letter).
 */
export function neighborBefore(text: string, at: number): number {
  if (at === 0) return 0;
  const c = text.charCodeAt(at - 1);
  const cls = (UNIT_INFO[c] || unitInfo(c)) & 7;
  if (cls === BREAK) return 0;
  if (cls !== SPACE) return MARK_NEAR;
  let k = at - 2;
  for (; k >= 0; k--) {
    const d = text.charCodeAt(k);
    const dc = (UNIT_INFO[d] || unitInfo(d)) & 7;
    if (dc === BREAK) return 0;
    if (dc !== SPACE) break;
  }
  if (k < 0) return 0;
  if (!isLetterUnit(text.charCodeAt(k))) return MARK_NEAR;
  return wordBefore(text, k + 1) || MARK_NEAR;
}

/** The token at char offset `at` (just after a token ending there), as neighborBefore reads the one before. */
export function neighborAfter(text: string, at: number): number {
  if (at >= text.length) return 0;
  const c = text.charCodeAt(at);
  const cls = (UNIT_INFO[c] || unitInfo(c)) & 7;
  if (cls === BREAK) return 0;
  if (cls !== SPACE) return MARK_NEAR;
  let k = at + 1;
  for (; k < text.length; k++) {
    const d = text.charCodeAt(k);
    const dc = (UNIT_INFO[d] || unitInfo(d)) & 7;
    if (dc === BREAK) return 0;
    if (dc !== SPACE) break;
  }
  if (k >= text.length) return 0;
  if (!isLetterUnit(text.charCodeAt(k))) return MARK_NEAR;
  return wordAt(text, k) || MARK_NEAR;
}

/** The unit is whitespace that is not a line break, as the tokenizer reads it. */
export function isSpaceUnit(c: number): boolean {
  return ((UNIT_INFO[c] || unitInfo(c)) & 7) === SPACE;
}

/** The unit is a line break, as the tokenizer reads it. */
export function isBreakUnit(c: number): boolean {
  return ((UNIT_INFO[c] || unitInfo(c)) & 7) === BREAK;
}

/** Char offset `at` holds a letter (of the BMP). */
function letterAt(text: string, at: number): boolean {
  return at >= 0 && at < text.length && isLetterUnit(text.charCodeAt(at));
}

/** The unit is a letter (of the BMP), as the tokenizer reads it. */
export function isLetterUnit(c: number): boolean {
  return ((UNIT_INFO[c] || unitInfo(c)) & 7) === LETTER;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** A regular-expression source matching a lower-case word in any letter case (see PhraseFinder). */
function anyCase(word: string): string {
  let src = '';
  for (const c of word) {
    const up = c.toUpperCase();
    src += up !== c && up.length === 1 ? `[${c}${up}]` : escapeRegExp(c);
  }
  return src;
}

/**
 * Visit, in text order and at most once each, every token of [from, to) that starts at
 * most `reach` tokens before a hot spot (the token holding the hot spot included; `reach`
 * may depend on the hot spot, its token x and the tokens before it).
 * `visit(toks, i, x)` returns the index just past a match starting at token i, whose tokens
 * are then not visited, or -1. A grammar whose every match has a hot spot within `reach`
 * tokens of its start, and whose matches are tried left to right skipping past each one,
 * finds the same matches this way as by visiting every token. `x` is the index of the hot
 * spot's token; no hot spot lies between i and x (i is visited from the first one after it).
 */
export function scanNear(
  text: string,
  hots: readonly number[],
  reach: number | ((hot: number, toks: Tokens, x: number) => number),
  visit: (toks: Tokens, i: number, hot: number) => number,
  from = 0,
  to = text.length,
): void {
  let toks: Tokens | null = null;
  let x = 0;
  /** Tokens starting before this offset were visited or lie inside a match. */
  let done = from;
  try {
    for (const hot of hots) {
      if (hot < done) continue;
      // Walk on when the hot spot is near what is already tokenized; else open the stream there.
      if (toks === null) toks = Tokens.around(text, hot, from, to);
      else if (toks.has(x) && hot - toks.endOf(x) < NEAR) x = toks.indexAt(hot, x);
      else {
        toks.reopen(hot);
        x = 0;
      }
      for (let i = x - (typeof reach === 'number' ? reach : reach(hot, toks, x)); i <= x; i++) {
        if (!toks.has(i) || toks.startOf(i) < done) continue;
        const end = visit(toks, i, x);
        if (end < 0) done = toks.startOf(i) + 1;
        else {
          done = toks.endOf(end - 1);
          i = end - 1;
        }
      }
    }
  } finally {
    toks?.release();
  }
}

/**
 * Below this many chars after the last hot spot's token, the stream walks on to the next
 * one; farther, it is opened again there (which reads `reach` tokens backward).
 */
const NEAR = 48;

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
    return this.bits[t.hashOf(i) & 4095] === 1;
  }
}

/** A set of single-word keys, tested on a token by hash first. */
export class WordSet {
  /** The words by hash; bit h & 4095 set when some word hashes to h (most tokens stop there). */
  private readonly byHash = new Map<number, string[]>();
  private readonly bits = new Uint8Array(4096);
  /** Every word is plain (plainKey): compared without building the token's key. */
  private readonly plain: boolean;
  readonly words: ReadonlySet<string>;

  constructor(words: Iterable<string>) {
    const set = new Set(words);
    for (const w of set) {
      const h = hashKey(w);
      this.bits[h & 4095] = 1;
      const list = this.byHash.get(h);
      if (list) list.push(w);
      else this.byHash.set(h, [w]);
    }
    this.words = set;
    this.plain = [...set].every(plainKey);
  }

  /** Token i exists and its key is in the set. */
  has(t: Tokens, i: number): boolean {
    const h = t.hashOf(i); // 0 when there is no token i
    if (this.bits[h & 4095] === 0 || !t.has(i)) return false;
    const list = this.byHash.get(h);
    if (list === undefined) return false;
    if (!this.plain) return this.words.has(t.key(i));
    for (const w of list) if (t.isKey(i, w)) return true;
    return false;
  }
}

interface Phrase<T> {
  keys: string[];
  hashes: number[];
  /** Every key is plain (plainKey): compared without building the token's key. */
  plain: boolean;
  value: T;
}

/** A phrase table keyed by the hash of the first word, so matching at a token is a map lookup. */
export class PhraseTable<T> {
  /** The phrases by their first word's hash, longest first (see the constructor). */
  private readonly byFirst = new Map<number, Array<Phrase<T>>>();
  /**
   * For a first word many phrases share (`thứ hai`, `thứ ba`, … `thứ 7`): its phrases of one
   * word and those whose second word has a given hash, in byFirst's order. The others cannot
   * match where the next token has that hash, so match skips them.
   */
  private readonly bySecond = new Map<number, Map<number, Array<Phrase<T>>>>();
  /** Bit h & 4095 set when some first word hashes to h: most tokens are refused before the map lookup. */
  private readonly firstBits = new Uint8Array(4096);
  /** The first words, for anchor filters. */
  readonly firstWords = new Set<string>();

  constructor(entries: Iterable<[string, T]>) {
    for (const [phrase, value] of entries) {
      const keys = phrase.toLowerCase().split(/\s+/).filter(Boolean);
      if (keys.length === 0) continue;
      const h = hashKey(keys[0]);
      this.firstBits[h & 4095] = 1;
      const list = this.byFirst.get(h) ?? [];
      list.push({ keys, hashes: keys.map(hashKey), plain: keys.every(plainKey), value });
      // Longest phrase first, so `thông tư liên tịch` beats `thông tư` (a stable sort keeps
      // the table's order among phrases of one length).
      list.sort((a, b) => b.keys.length - a.keys.length);
      this.byFirst.set(h, list);
      this.firstWords.add(keys[0]);
    }
    for (const [h, list] of this.byFirst) {
      if (list.length < MANY_PHRASES) continue;
      const bySecond = new Map<number, Array<Phrase<T>>>();
      for (const p of list) if (p.keys.length > 1) bySecond.set(p.hashes[1], []);
      for (const [second, sub] of bySecond) for (const p of list) if (p.keys.length === 1 || p.hashes[1] === second) sub.push(p);
      bySecond.set(NO_SECOND, list.filter((p) => p.keys.length === 1));
      this.bySecond.set(h, bySecond);
    }
  }

  /**
   * The longest phrase starting at token i whose words are separated by plain spaces
   * on one line. Returns the index just past it and its value.
   */
  match(t: Tokens, i: number): { end: number; value: T } | null {
    const h = t.hashOf(i); // 0 when there is no token i
    if (this.firstBits[h & 4095] === 0 || !t.has(i)) return null;
    let list = this.byFirst.get(h);
    if (!list) return null;
    if (list.length >= MANY_PHRASES) {
      const bySecond = this.bySecond.get(h)!;
      list = bySecond.get(t.hashOf(i + 1)) ?? bySecond.get(NO_SECOND)!;
    }
    // The phrases of a list mostly share their first word (they share its hash): compare it once per run.
    let first = '';
    let firstOk = false;
    for (let e = 0; e < list.length; e++) {
      const { keys, hashes, plain } = list[e];
      if (keys[0] !== first) {
        first = keys[0];
        // isKey and key() agree on a plain key: either answer holds for every phrase with this first word.
        firstOk = plain ? t.isKey(i, first) : t.key(i) === first;
      }
      if (!firstOk) continue;
      let k = 1;
      for (; k < keys.length; k++) {
        const j = i + k;
        if (t.hashOf(j) !== hashes[k] || !t.onLine(j) || !(plain ? t.isKey(j, keys[k]) : t.key(j) === keys[k])) break;
      }
      if (k === keys.length) return { end: i + k, value: list[e].value };
    }
    return null;
  }
}

/** PhraseTable: a first word with this many phrases gets them by second word too. */
const MANY_PHRASES = 4;
/** PhraseTable.bySecond: the phrases of one word (no next token has this hash: see hashOf). */
const NO_SECOND = 0.5;

/** One key, tested on a token by hash first (`năm`, `tháng`, `số`). */
export class Key {
  private readonly hash: number;
  private readonly plain: boolean;

  constructor(readonly key: string) {
    this.hash = hashKey(key);
    this.plain = plainKey(key);
  }

  /** Token i exists and has this key. */
  at(t: Tokens, i: number): boolean {
    return t.hashOf(i) === this.hash && t.has(i) && (this.plain ? t.isKey(i, this.key) : t.key(i) === this.key);
  }
}
