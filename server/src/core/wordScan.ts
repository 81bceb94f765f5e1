/**
 * Syllable tokens for the name detectors, and phrase tables that match them.
 *
 * Detectors of PER/TITLE/ORG/LOC compare syllables, not strings. The tokens of an article
 * are a struct of arrays (`Toks`: offsets, flags, syllable id), built in one pass over
 * char codes with no string per token: a token's lowercase key (the view is already NFC
 * with unified tones, so lowercasing gives the normalized key of guide §1) is hashed and
 * looked up among the syllables the knowledge tables know, giving a small integer id
 * (UNKNOWN for any other syllable). Tables are tries keyed by those ids, and each syllable
 * carries a bit per table that has a phrase starting with it, so a token no table starts is
 * skipped with one array read.
 */
import { caseViews } from './caseViews';
import { unifyTones } from './normalize';

// Token flags (F_*), per token in Toks.flags.

const F_WORD = 1;
const F_NUM = 2;
const F_CAP = 4;
const F_UPPER = 8;
const F_NL = 16;
const F_SPACE = 32;
/** Every unit a letter (C_LETTER): the token is one letter run for lineShape.ts. */
export const F_LETTERS = 64;
/** Every unit an ASCII digit. */
export const F_DIGITS = 128;

// ---------------------------------------------------------------------------------------
// Characters: class bits and lowercase per UTF-16 unit, filled on first sight (Latin and
// Vietnamese ranges at load). Case flags follow String.prototype.toLowerCase/toUpperCase.

/** Its lowercase is another unit (an uppercase or titlecase letter): a token starting with it is capitalised. */
const C_CAPITAL = 1;
const C_WORD = 2; // letter, combining mark or digit
const C_SPACE = 4;
/** Lowercase and uppercase differ (a cased letter). */
const C_CASED = 8;
/** Its uppercase is itself. */
const C_SELF_UPPER = 16;
/**
 * A letter whose lowercase is one unit and a letter (\p{L}), other than `Σ` (whose lowercase
 * depends on the context): what lineShape.ts counts as a letter.
 */
const C_LETTER = 32;
/** Lowercase or uppercase is not one unit (`İ`, `ß`): such a token takes the exact slow path. */
const C_MULTI = 64;
/** An ASCII digit, or a letter that is upper and not lower: what abbreviations are made of. */
const C_UPPER_OR_DIGIT = 128;
/** `'` or `’`: after a word it may join the letters that follow (`H'Mông`), which the exact path decides. */
const C_APOSTROPHE = 256;
/** A UTF-16 surrogate: a pair stays one token, on the exact path. */
const C_SURROGATE = 512;
/** Whitespace carries the gap flags it puts before the next token (F_SPACE, and F_NL for a line break) at bit GAP_SHIFT. */
const GAP_SHIFT = 8;
/** Whitespace other than ` ` and the line breaks `\n`/`\r` (a tab, an em space, …): slowStep takes it, so Toks.plainSpaces knows. */
const C_ODD_SPACE = 1 << 11;
/** Set in every classified unit (0 = not classified yet); also the class of the end of the text, which matches nothing. */
const C_DONE = 1 << 14;
/** `.` or `&`: after a word of upper-or-digit units it may join an abbreviation (`VOV.VN`). C_UPPER_OR_DIGIT << 8, so one AND tells. */
const C_ABBREVIATION_JOIN = C_UPPER_OR_DIGIT << 8;

/**
 * Per unit: its class bits (C_*) in the low 16 bits and the digit of its lowercase unit among
 * the units of the syllable keys in the high byte (`info >>> 24`, 0 = in no short key, see
 * SHORT), so the scanner reads one table entry per character. 0 = not classified yet.
 */
const INFO = new Int32Array(0x10000);
/** Per classified unit: the first unit of its lowercase. */
const LOWER = new Uint16Array(0x10000);

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LETTER = /\p{L}/u;

function classify(c: number): number {
  const ch = String.fromCharCode(c);
  const lo = ch.toLowerCase();
  const up = ch.toUpperCase();
  let k = C_DONE;
  if (isWordUnit(c, ch)) k |= C_WORD;
  if (isSpace(c)) k |= C_SPACE | ((c === 10 || c === 13 ? F_SPACE | F_NL : F_SPACE) << GAP_SHIFT) | (c === 32 || c === 10 || c === 13 ? 0 : C_ODD_SPACE);
  if (c === 39 || c === 0x2019) k |= C_APOSTROPHE;
  if (c === 46 || c === 38) k |= C_ABBREVIATION_JOIN;
  if (c >= 0xd800 && c <= 0xdfff) k |= C_SURROGATE;
  if (lo !== up) k |= C_CASED;
  if (up === ch) k |= C_SELF_UPPER;
  if (lo.length !== 1 || up.length !== 1) k |= C_MULTI;
  // An upper and not lower letter (`ch === ch.toUpperCase() && ch !== ch.toLowerCase()`).
  if ((c >= 48 && c <= 57) || ((k & C_WORD) !== 0 && up === ch && lo !== ch)) k |= C_UPPER_OR_DIGIT;
  if (lo.length === 1 && c !== 0x3a3 && LETTER.test(lo)) k |= C_LETTER;
  const l = lo.charCodeAt(0);
  if (l !== c) k |= C_CAPITAL;
  LOWER[c] = l;
  let same = byLower.get(l);
  if (same === undefined) byLower.set(l, (same = []));
  same.push(c);
  return (INFO[c] = (digitOf[l] << 24) | k);
}

/** The units classified so far by their lowercase unit: those a new key digit (digitOf) must reach. */
const byLower = new Map<number, number[]>();
/** Digit of each lowercase unit among the units of the short keys (1..255; 0 = in none). */
const digitOf = new Uint8Array(0x10000);
let digits = 0;

/** Give the lowercase unit l a digit (it is in a short key), in INFO of every unit that lowercases to it. */
function addDigit(l: number): void {
  if (digitOf[l] !== 0) return;
  if (digits === 255) throw new Error('wordScan: too many letters in short syllable keys');
  digitOf[l] = ++digits;
  for (const c of byLower.get(l) ?? []) INFO[c] |= digits << 24;
}

for (let c = 0; c < 0x250; c++) classify(c);
for (let c = 0x300; c < 0x370; c++) classify(c);
for (let c = 0x1e00; c < 0x1f00; c++) classify(c);

/** Class bits and lowercase of unit c (see INFO). */
function info(c: number): number {
  const k = INFO[c];
  return k !== 0 ? k : classify(c);
}

/** Upper-casing UTF-16 unit c alone gives c itself (`String.fromCharCode(c).toUpperCase() === that`). */
export function upperCaseKeeps(c: number): boolean {
  return (info(c) & C_SELF_UPPER) !== 0;
}

/** The first unit of the lowercase of a classified unit. */
function lowerOf(c: number): number {
  return LOWER[c];
}

/** Letter, combining mark or digit; Latin/Vietnamese ranges without a regex. */
function isWordUnit(c: number, ch: string): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x300 && c <= 0x36f)) return true;
  return WORD_CHAR.test(ch);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x3000;
}

function isWordChar(text: string, i: number): boolean {
  return i < text.length && (info(text.charCodeAt(i)) & C_WORD) !== 0;
}

function isUpperOrDigit(text: string, i: number): boolean {
  return i < text.length && (info(text.charCodeAt(i)) & C_UPPER_OR_DIGIT) !== 0;
}

// ---------------------------------------------------------------------------------------
// Syllables: the keys the tables know, interned to small ids in an open-addressing table
// hashed over char codes, so a token finds its id without a string.

/** Id of every syllable no table or detector knows. */
export const UNKNOWN = 0;
/** Syllable ids are below this (a typed array per set of syllables stays small). */
export const MAX_SYLLABLES = 4096;
/** Twice the most syllables, so probes stay short; 16 KB, so the table stays in cache. */
const SLOTS = 8192;
const slotIds = new Int16Array(SLOTS);
const syllableKeys: string[] = [''];
/** The keys' char codes end to end (key id: keyChars[keyStart[id], keyStart[id + 1])), compared without a string. */
let keyChars = new Uint16Array(4096);
const keyStart = new Int32Array(MAX_SYLLABLES + 1);
/** Id of each one-unit key by that unit (UNKNOWN for the rest): a one-character token needs no probe. */
const unitIds = new Int16Array(0x10000);

const HASH_SEED = 0x811c9dc5;

function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** The id of a lowercase syllable key, added if new (tables and detectors at load time). */
export function syllableId(key: string): number {
  let h = HASH_SEED;
  for (let k = 0; k < key.length; k++) h = hashStep(h, key.charCodeAt(k));
  for (let s = h & (SLOTS - 1); ; s = (s + 1) & (SLOTS - 1)) {
    const id = slotIds[s];
    if (id === 0) return addSyllable(key, s);
    if (syllableKeys[id] === key) return id;
  }
}

function addSyllable(key: string, slot: number): number {
  const id = syllableKeys.length;
  if (id >= MAX_SYLLABLES) throw new Error('wordScan: too many syllables');
  const from = keyStart[id];
  if (from + key.length > keyChars.length) keyChars = grown(keyChars, new Uint16Array(keyChars.length * 2 + key.length));
  for (let k = 0; k < key.length; k++) keyChars[from + k] = key.charCodeAt(k);
  keyStart[id + 1] = from + key.length;
  slotIds[slot] = id;
  if (key.length === 1) unitIds[key.charCodeAt(0)] = id;
  else if (key.length <= SHORT) addShort(key, id);
  else longestKey = Math.max(longestKey, key.length);
  syllableKeys.push(key);
  return id;
}

/**
 * Keys of 2..SHORT units by their number: each unit a digit (digitOf, 8 bits), the last four
 * in `lo`, the four before in `hi`. The scanner numbers a word as it reads it (the digit is in
 * INFO), so a word finds its id by two integers, with no hash of its characters and no
 * character compare. A word with a unit in no key has a digit 0, which no key has.
 */
const SHORT = 8;
/**
 * Per slot, four ints side by side (a probe reads one cache line): id | length << 12 (0 =
 * empty; ids are below 4096, lengths at most 8), then the key's lo and hi.
 */
let shortTable = new Int32Array(4 * 2048);
let shortMask = 2047;
let shortShift = 32 - 11;
let shortCount = 0;
/** Length of the longest key above SHORT units: longer words need no probe. */
let longestKey = 0;

function shortSlot(lo: number, hi: number): number {
  return Math.imul(lo ^ (hi << 5) ^ (hi >>> 3), 0x9e3779b1) >>> shortShift;
}

function addShort(key: string, id: number): void {
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < key.length; k++) {
    const l = key.charCodeAt(k);
    addDigit(l);
    hi = (hi << 8) | (lo >>> 24);
    lo = (lo << 8) | digitOf[l];
  }
  // At most half full, so a probe of a word no key has usually ends at once.
  if (++shortCount * 2 > shortMask + 1) {
    const old = shortTable;
    shortTable = new Int32Array(old.length * 2);
    shortMask = 2 * shortMask + 1;
    shortShift--;
    for (let s = 0; s < old.length; s += 4) if (old[s] !== 0) putShort(old[s + 1], old[s + 2], old[s]);
  }
  putShort(lo, hi, id | (key.length << 12));
}

function putShort(lo: number, hi: number, idLength: number): void {
  let s = shortSlot(lo, hi);
  while (shortTable[4 * s] !== 0) s = (s + 1) & shortMask;
  shortTable[4 * s] = idLength;
  shortTable[4 * s + 1] = lo;
  shortTable[4 * s + 2] = hi;
}

/** The key digits of the classified units text[from, to) (at most four): `hi` of a word's number. */
function digitsOf(text: string, from: number, to: number): number {
  let hi = 0;
  for (let k = from; k < to; k++) hi = (hi << 8) | (INFO[text.charCodeAt(k)] >>> 24);
  return hi;
}

/** Id of the word of len (2..SHORT) units numbered lo, hi, or UNKNOWN. */
function findShort(lo: number, hi: number, len: number): number {
  const table = shortTable;
  const mask = shortMask;
  for (let s = shortSlot(lo, hi); ; s = (s + 1) & mask) {
    const idLength = table[4 * s];
    if (idLength === 0) return UNKNOWN;
    if (idLength >>> 12 === len && table[4 * s + 1] === lo && table[4 * s + 2] === hi) return idLength & 0xfff;
  }
}

/** Id of the lowercased text[start, end), or UNKNOWN. */
function findSyllable(text: string, start: number, end: number): number {
  const len = end - start;
  let h = HASH_SEED;
  for (let k = start; k < end; k++) h = hashStep(h, lowerOf(text.charCodeAt(k)));
  for (let s = h & (SLOTS - 1); ; s = (s + 1) & (SLOTS - 1)) {
    const id = slotIds[s];
    if (id === 0) return UNKNOWN;
    const from = keyStart[id];
    if (keyStart[id + 1] - from !== len) continue;
    let k = 0;
    while (k < len && keyChars[from + k] === lowerOf(text.charCodeAt(start + k))) k++;
    if (k === len) return id;
  }
}

/** A set of syllable keys, asked by id. */
export class SyllableSet {
  private readonly has_ = new Uint8Array(MAX_SYLLABLES);

  constructor(keys: Iterable<string>) {
    for (const k of keys) this.has_[syllableId(k)] = 1;
  }

  has(id: number): boolean {
    return this.has_[id] === 1;
  }
}

// ---------------------------------------------------------------------------------------
// Tokens.

/**
 * The tokens of one text: words and numbers (letters, combining marks, digits), uppercase
 * abbreviations joined by `.`/`&` (`VOV.VN`, `TN&MT`, `TP.HCM` — but `TP.Hạ` is `TP` `.`
 * `Hạ`), an apostrophe between letters (`H'Mông`), and every other non-space character
 * alone. Index i of each array is token i; reads past either end see no token.
 */
export class Toks {
  /** Per-article memos of lexicon.ts predicates (small numbers per token, 0 = not asked yet), allocated on first use. */
  memo: Uint8Array | undefined = undefined;
  /** Per-article memo of lexicon.ts's organization heads: the lists found, and per token its list (see orgHeadStrict). */
  orgHeads: unknown[] | undefined = undefined;
  orgHeadIndex: Int32Array | undefined = undefined;

  constructor(
    readonly text: string,
    /** Number of tokens (the arrays may be longer). */
    readonly n: number,
    /** View UTF-16 offsets. */
    readonly start: Int32Array,
    readonly end: Int32Array,
    /** Syllable id of the lowercase key (UNKNOWN when no table knows it). */
    readonly id: Int32Array,
    /** F_* bits (read through the methods below; lineShape.ts reads F_LETTERS/F_DIGITS directly). */
    readonly flags: Uint8Array,
    /** The text has no whitespace but ` `, `\n` and `\r`: a one-unit gap between two tokens of a line is one plain space. */
    readonly plainSpaces: boolean,
  ) {}

  private f(i: number): number {
    return i >= 0 && i < this.n ? this.flags[i] : 0;
  }

  /** Syllable id of token i; UNKNOWN outside the text. */
  key(i: number): number {
    return i >= 0 && i < this.n ? this.id[i] : UNKNOWN;
  }

  has(i: number): boolean {
    return i >= 0 && i < this.n;
  }

  isWord(i: number): boolean {
    return (this.f(i) & F_WORD) !== 0;
  }

  isNum(i: number): boolean {
    return (this.f(i) & F_NUM) !== 0;
  }

  isPunct(i: number): boolean {
    return i >= 0 && i < this.n && (this.flags[i] & (F_WORD | F_NUM)) === 0;
  }

  /** Starts with an uppercase letter (also true for ALL-CAPS words). */
  cap(i: number): boolean {
    return (this.f(i) & F_CAP) !== 0;
  }

  /** A capitalised word (the start of any name). */
  capWord(i: number): boolean {
    return (this.f(i) & (F_WORD | F_CAP)) === (F_WORD | F_CAP);
  }

  /** Two or more letters, all uppercase (`UBND`, a headline in capitals). */
  upper(i: number): boolean {
    return (this.f(i) & F_UPPER) !== 0;
  }

  /** A line break lies between the previous token and this one. */
  nlBefore(i: number): boolean {
    return (this.f(i) & F_NL) !== 0;
  }

  /** Whitespace lies between the previous token and this one. */
  spaceBefore(i: number): boolean {
    return (this.f(i) & F_SPACE) !== 0;
  }

  /** The first index ≥ from of a capitalised word, or n: a tight scan for the name detectors. */
  nextCapWord(from: number): number {
    const flags = this.flags;
    const n = this.n;
    let i = from < 0 ? 0 : from;
    while (i < n && (flags[i] & (F_WORD | F_CAP)) !== (F_WORD | F_CAP)) i++;
    return i;
  }

  /** True when token i continues the phrase of token i-1 on the same line. */
  joined(i: number): boolean {
    return i > 0 && i < this.n && (this.flags[i] & F_NL) === 0;
  }

  /** Length of token i in UTF-16 units. */
  size(i: number): number {
    return this.end[i] - this.start[i];
  }

  textOf(i: number): string {
    return this.text.slice(this.start[i], this.end[i]);
  }

  /** Whether token i is written exactly s. */
  is(i: number, s: string): boolean {
    return this.has(i) && this.end[i] - this.start[i] === s.length && this.text.startsWith(s, this.start[i]);
  }

  /**
   * The lowercase key of token i as a string (the few places that compare arbitrary
   * syllables): the same string the whole view lowercased would give.
   */
  keyText(i: number): string {
    const s = this.start[i];
    const e = this.end[i];
    const t = this.text.slice(s, e);
    // Only a Greek capital sigma lowercases by context (final ς), across token edges.
    if (t.indexOf('\u03a3') < 0) return t.toLowerCase();
    const views = caseViews(this.text);
    return views ? views.lower.slice(s, e) : t.toLowerCase();
  }
}

/**
 * Token arrays reused from article to article (only the cached Toks uses them, and it is
 * replaced whenever they are overwritten): a fresh buffer per article costs an off-heap
 * allocation and zeroing, the largest fixed cost of a short text. Grown on demand.
 */
const MIN_SHARED = 4096;
let shared = newTokenArrays(MIN_SHARED);
/** The arrays the last tokenizeInto wrote (grown ones when the text needed more). */
let lastArrays = shared;

/**
 * Split the view into tokens. A hand-written scanner: one pass over char codes that finds
 * a word's end, its casing and the hash of its key at once; no regex and no string per token.
 */
export function tokenize(text: string): Toks {
  return tokenizeInto(text, newTokenArrays(tokenEstimate(text)));
}

/** News prose has about four characters per token: a third of the length rarely needs to grow. */
function tokenEstimate(text: string): number {
  return ((text.length / 3) | 0) + 16;
}

/** The four token arrays in one buffer (one allocation). */
interface TokenArrays {
  size: number;
  starts: Int32Array;
  ends: Int32Array;
  ids: Int32Array;
  flags: Uint8Array;
}

function newTokenArrays(size: number): TokenArrays {
  const buffer = new ArrayBuffer(size * 13);
  return { size, starts: new Int32Array(buffer, 0, size), ends: new Int32Array(buffer, size * 4, size), ids: new Int32Array(buffer, size * 8, size), flags: new Uint8Array(buffer, size * 12, size) };
}

/**
 * Flags of a token by its classes: index (any & C_CASED) | (all & (C_SELF_UPPER | C_LETTER |
 * C_UPPER_OR_DIGIT)) | (first & (C_CAPITAL | C_WORD)) | (two or more units ? 256 : 0), where
 * any/all are the OR/AND of its units' classes and first is its first unit's. One read
 * instead of a chain of branches per token.
 */
const TOKEN_FLAGS = new Uint8Array(512);
for (let x = 0; x < 512; x++) {
  let f: number;
  if ((x & C_WORD) === 0) {
    // A character alone (punctuation; a cased symbol such as `Ⓐ` counts as a word).
    f = (x & C_CASED) !== 0 ? ((x & C_CAPITAL) !== 0 ? F_WORD | F_CAP : F_WORD) : 0;
  } else if ((x & C_CASED) !== 0) {
    // As comparing the token with its lowercase and uppercase forms tells.
    f = F_WORD;
    if ((x & C_CAPITAL) !== 0) f |= F_CAP;
    if ((x & 256) !== 0 && (x & C_SELF_UPPER) !== 0) f |= F_UPPER;
    if ((x & C_LETTER) !== 0) f |= F_LETTERS;
  } else {
    // Not cased, all upper-or-digit: ASCII digits (an uppercase letter is cased).
    f = (x & C_UPPER_OR_DIGIT) !== 0 ? F_NUM | F_DIGITS : (x & C_LETTER) !== 0 ? F_NUM | F_LETTERS : F_NUM;
  }
  TOKEN_FLAGS[x] = f;
}

function tokenFlags(first: number, any: number, all: number, len: number): number {
  return TOKEN_FLAGS[(any & C_CASED) | (all & (C_SELF_UPPER | C_LETTER | C_UPPER_OR_DIGIT)) | (first & (C_CAPITAL | C_WORD)) | (((1 - len) >>> 31) << 8)];
}

/**
 * The scan's state between fastScan and slowStep: the next unit to read, the tokens written,
 * the gap flags of the whitespace read since the last token, and the arrays written.
 */
let scanAt = 0;
let scanCount = 0;
let scanGap = 0;
/** slowStep has read whitespace other than ` `, `\n` and `\r` (C_ODD_SPACE). */
let scanOddSpace = false;
let scanArrays = shared;

/**
 * The scan runs in two functions: fastScan takes the usual tokens (words of known units up to
 * SHORT long, punctuation, whitespace) in a tight loop and stops at the start of any other
 * token, which slowStep takes exactly; then fastScan goes on. Every operation of fastScan runs
 * on ordinary text, so V8 optimizes it once with feedback for all of them: a rare case (a new
 * character, an apostrophe, an abbreviation) does not deoptimize the hot loop, which left a
 * slower on-stack-replaced build in about a third of processes.
 */
function tokenizeInto(text: string, arrays: TokenArrays): Toks {
  beginScan(arrays);
  for (;;) {
    fastScan(text);
    if (scanAt >= text.length) break;
    slowStep(text);
  }
  lastArrays = scanArrays;
  return scannedToks(text);
}

/** The tokens of text by slowStep alone (the exact path), for the unit test that compares fastScan's tokens with them. */
export function tokenizeExact(text: string): Toks {
  beginScan(newTokenArrays(tokenEstimate(text)));
  while (scanAt < text.length) slowStep(text);
  return scannedToks(text);
}

/** The scan state for a new text, writing into arrays. */
function beginScan(arrays: TokenArrays): void {
  scanArrays = arrays;
  scanAt = 0;
  scanCount = 0;
  scanGap = 0;
  scanOddSpace = false;
}

/** The Toks of the scan just finished over text. */
function scannedToks(text: string): Toks {
  const { starts, ends, ids, flags } = scanArrays;
  return new Toks(text, scanCount, starts, ends, ids, flags, !scanOddSpace);
}

/** The usual tokens from scanAt on, up to the end or the start of a token slowStep must take. */
function fastScan(text: string): void {
  const n = text.length;
  let i = scanAt;
  if (i >= n) return;
  const { size, starts, ends, ids, flags } = scanArrays;
  let t = scanCount;
  let gap = scanGap;
  let c = text.charCodeAt(i);
  let k = INFO[c];
  scan: for (;;) {
    while ((k & C_SPACE) !== 0) {
      if ((k & C_ODD_SPACE) !== 0) break scan;
      gap |= (k >>> GAP_SHIFT) & (F_SPACE | F_NL);
      if (++i === n) break scan;
      c = text.charCodeAt(i);
      k = INFO[c];
    }
    // A token starts at i. Its units' classes ORed and ANDed, and the key digits of its last
    // four units (`lo` of its number, see SHORT); d/kd: the unit after it (C_DONE at the end).
    let any = k;
    let all = k;
    let lo = k >>> 24;
    let j = i + 1;
    let d = 0;
    let kd = C_DONE;
    if (j < n) kd = INFO[(d = text.charCodeAt(j))];
    if ((k & C_WORD) !== 0) {
      while ((kd & C_WORD) !== 0) {
        any |= kd;
        all &= kd;
        lo = (lo << 8) | (kd >>> 24);
        if (++j === n) {
          kd = C_DONE;
          break;
        }
        kd = INFO[(d = text.charCodeAt(j))];
      }
    }
    const len = j - i;
    // slowStep's: a unit not classified yet (here or next), full arrays, a word longer than the
    // short keys, a unit whose case changes its length, a surrogate, an apostrophe after a
    // word, `.`/`&` after an upper-or-digit word.
    if (k === 0 || kd === 0 || t === size || len > SHORT || ((any & (C_MULTI | C_SURROGATE)) | (kd & (((k & C_WORD) << 7) | ((all & C_UPPER_OR_DIGIT) << 8)))) !== 0) break;
    starts[t] = i;
    ends[t] = j;
    ids[t] = len === 1 ? unitIds[LOWER[c]] : findShort(lo, len > 4 ? digitsOf(text, i, j - 4) : 0, len);
    flags[t] = tokenFlags(k, any, all, len) | gap;
    t++;
    gap = 0;
    i = j;
    if (i === n) break;
    c = d;
    k = kd;
  }
  scanAt = i;
  scanCount = t;
  scanGap = gap;
}

/** One whitespace unit or one token at scanAt, whatever it holds. */
function slowStep(text: string): void {
  const n = text.length;
  const i = scanAt;
  const c = text.charCodeAt(i);
  const k = info(c);
  if ((k & C_SPACE) !== 0) {
    scanGap |= (k >>> GAP_SHIFT) & (F_SPACE | F_NL);
    if ((k & C_ODD_SPACE) !== 0) scanOddSpace = true;
    scanAt = i + 1;
    return;
  }
  if (scanCount === scanArrays.size) {
    const more = newTokenArrays(scanArrays.size * 2);
    grown(scanArrays.starts, more.starts);
    grown(scanArrays.ends, more.ends);
    grown(scanArrays.ids, more.ids);
    grown(scanArrays.flags, more.flags);
    scanArrays = more;
  }
  let j = i + 1;
  let f: number;
  let id = UNKNOWN;
  if ((k & C_WORD) !== 0) {
    // Letters, combining marks and digits: the OR and AND of their classes, and the key
    // digits of the word's last four units (`lo` of its number, see SHORT).
    let any = 0;
    let all = -1;
    let lo = 0;
    let apostrophe = false;
    let kd = k;
    for (j = i; ; ) {
      any |= kd;
      all &= kd;
      lo = (lo << 8) | (kd >>> 24);
      if (++j >= n) break;
      const d = text.charCodeAt(j);
      kd = info(d);
      if ((kd & C_WORD) !== 0) continue;
      // `H'Mông`, `Y’Jút`: one apostrophe between letters joins them.
      if (apostrophe || (kd & C_APOSTROPHE) === 0 || j + 1 >= n) break;
      const ke = info(text.charCodeAt(j + 1));
      if ((ke & C_WORD) === 0) break;
      apostrophe = true;
      any |= kd;
      all &= kd;
      lo = (lo << 8) | (kd >>> 24);
      j++;
      kd = ke;
    }
    // All uppercase letters or digits: maybe an abbreviation joined by `.`/`&` (`VOV.VN`).
    if ((all & C_UPPER_OR_DIGIT) !== 0) {
      const e = abbreviationEnd(text, j);
      if (e !== j) {
        for (let m = j; m < e; m++) {
          const kd = INFO[text.charCodeAt(m)];
          any |= kd;
          all &= kd;
          lo = (lo << 8) | (kd >>> 24);
        }
        j = e;
      }
    }
    if ((any & C_MULTI) !== 0) {
      f = oddFlags(text.slice(i, j));
    } else {
      const len = j - i;
      f = tokenFlags(k, any, all, len);
      id = len === 1 ? unitIds[LOWER[c]] : len <= SHORT ? findShort(lo, len > 4 ? digitsOf(text, i, j - 4) : 0, len) : len <= longestKey ? findSyllable(text, i, j) : UNKNOWN;
    }
  } else if ((k & C_SURROGATE) !== 0) {
    // A surrogate pair (emoji) stays together.
    if (c <= 0xdbff && j < n) j++;
    f = oddFlags(text.slice(i, j));
  } else if ((k & C_MULTI) !== 0) {
    f = oddFlags(text.slice(i, j));
  } else {
    f = tokenFlags(k, k, k, 1);
    id = unitIds[LOWER[c]];
  }
  const t = scanCount;
  scanArrays.starts[t] = i;
  scanArrays.ends[t] = j;
  scanArrays.ids[t] = id;
  scanArrays.flags[t] = f | scanGap;
  scanCount = t + 1;
  scanGap = 0;
  scanAt = j;
}

function grown<A extends Int32Array | Uint8Array | Uint16Array>(from: A, to: A): A {
  to.set(from);
  return to;
}

/**
 * Flags of a token with a surrogate pair or a unit that changes length with its case,
 * from the whole-token case conversions (no table knows such a key: its id is UNKNOWN).
 */
function oddFlags(t: string): number {
  const key = t.toLowerCase();
  const up = t.toUpperCase();
  const letters = key !== up;
  let flags = letters ? F_WORD : (info(t.charCodeAt(0)) & C_WORD) !== 0 ? F_NUM : 0;
  if (letters && t[0] !== key[0]) flags |= F_CAP;
  if (letters && t.length > 1 && t === up) flags |= F_UPPER;
  return flags;
}

/**
 * End of an all-uppercase word ending at j extended over `.`/`&` + uppercase runs
 * (`VOV.VN`), unless a lowercase letter follows (`TP.Hạ Long` is a sentence, not an
 * abbreviation); j when there is none.
 */
function abbreviationEnd(text: string, j: number): number {
  let end = j;
  while (end < text.length) {
    const sep = text.charCodeAt(end);
    if ((sep !== 46 && sep !== 38) || !isUpperOrDigit(text, end + 1)) break;
    let k = end + 1;
    while (k < text.length && isUpperOrDigit(text, k)) k++;
    end = k;
  }
  if (end === j) return j;
  return end < text.length && isWordChar(text, end) ? j : end;
}

/** Tokenize a table entry into syllable keys and surface forms. */
export function phraseKeys(phrase: string): { keys: string[]; forms: string[] } {
  const toks = tokenize(unifyTones(phrase.normalize('NFC')));
  const keys: string[] = [];
  const forms: string[] = [];
  for (let i = 0; i < toks.n; i++) {
    keys.push(toks.keyText(i));
    forms.push(toks.textOf(i));
  }
  return { keys, forms };
}

// ---------------------------------------------------------------------------------------
// Phrase tables.

interface Entry<T> extends PhraseHit<T> {
  /** Bit k: the syllable at token offset k must be capitalised in the text. */
  caps: number;
  /** A list of this entry alone: matchAll's usual answer, made once. */
  alone: ReadonlyArray<PhraseHit<T>>;
}

/**
 * The trie nodes of every table, in flat arrays: node k (k ≥ 1) has the entries ENTRIES[k]
 * (or none) and its children in the edge hash, keyed by (node, syllable id). A child is found
 * by one hash probe over integers, not a Map per node.
 */
const ENTRIES: Array<Array<Entry<unknown>> | undefined> = [undefined];
/** Per node: HAS_ENTRIES and HAS_CHILDREN. */
let nodeBits = new Uint8Array(256);
const HAS_ENTRIES = 1;
const HAS_CHILDREN = 2;
/** Open addressing: edgeKeys[s] = node * MAX_SYLLABLES + id (0 = empty slot), edgeNodes[s] = the child. */
let edgeKeys = new Int32Array(1024);
let edgeNodes = new Int32Array(1024);
let edgeMask = 1023;
let edgeShift = 22;
let edgeCount = 0;

/** Fibonacci hashing: the high bits of the product (the low ones depend on the id alone). */
function edgeSlot(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> edgeShift;
}

/** The child of node by syllable id, or 0. */
function childOf(node: number, id: number): number {
  const key = node * MAX_SYLLABLES + id;
  for (let s = edgeSlot(key); ; s = (s + 1) & edgeMask) {
    const k = edgeKeys[s];
    if (k === key) return edgeNodes[s];
    if (k === 0) return 0;
  }
}

function newNode(): number {
  const node = ENTRIES.length;
  ENTRIES.push(undefined);
  if (node >= nodeBits.length) nodeBits = grown(nodeBits, new Uint8Array(nodeBits.length * 2));
  return node;
}

function addEdge(node: number, id: number, child: number): void {
  if (2 * (edgeCount + 1) > edgeMask + 1) {
    const keys = edgeKeys;
    const nodes = edgeNodes;
    edgeKeys = new Int32Array(keys.length * 2);
    edgeNodes = new Int32Array(keys.length * 2);
    edgeMask = keys.length * 2 - 1;
    edgeShift--;
    for (let s = 0; s < keys.length; s++) if (keys[s] !== 0) putEdge(keys[s], nodes[s]);
  }
  putEdge(node * MAX_SYLLABLES + id, child);
  edgeCount++;
  nodeBits[node] |= HAS_CHILDREN;
}

function putEdge(key: number, child: number): void {
  let s = edgeSlot(key);
  while (edgeKeys[s] !== 0) s = (s + 1) & edgeMask;
  edgeKeys[s] = key;
  edgeNodes[s] = child;
}

const UPPER_START = /^\p{Lu}/u;

export interface PhraseMatch<T> {
  /** Token index just past the match. */
  end: number;
  value: T;
  forms: string[];
}

/** A phrase of a table as matchAll finds it: the match ends at its start + size (one object per entry, none per match). */
export interface PhraseHit<T> {
  /** Number of tokens of the phrase. */
  readonly size: number;
  readonly value: T;
  readonly forms: string[];
}

/** Bit per table, per syllable: some phrase of that table starts with that syllable. */
const STARTS = new Uint32Array(MAX_SYLLABLES);
/** Bit per table, per syllable: some phrase of that table ends with that syllable. */
const ENDS = new Uint32Array(MAX_SYLLABLES);
/** Bumped whenever STARTS changes (a phrase added to a table): derived tables rebuild. */
let startsVersion = 0;
let tables = 0;
/** The root node of table t for first syllable id at id * 32 + t (0 = none): the tables asked at one token share a cache line. */
const ROOTS = new Int32Array(MAX_SYLLABLES * 32);

/**
 * A trie of phrases keyed by syllable ids. Casing is checked against each entry's surface
 * form: a capitalised syllable in the table must be capitalised in the text (so `quảng ninh`
 * is not a place), a lowercase one may be written either way (`Trưởng ban`/`Trưởng Ban`).
 */
export class PhraseTable<T> {
  private readonly bit: number;
  /** This table's column of ROOTS. */
  private readonly table: number;

  constructor(entries: Iterable<readonly [string, T]> = []) {
    if (tables >= 32) throw new Error('wordScan: too many phrase tables');
    this.table = tables;
    this.bit = 1 << tables++;
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  add(phrase: string, value: T): void {
    const { keys, forms } = phraseKeys(phrase);
    if (keys.length === 0) return;
    const first = syllableId(keys[0]);
    let node = ROOTS[first * 32 + this.table] || (ROOTS[first * 32 + this.table] = newNode());
    for (let k = 1; k < keys.length; k++) {
      const id = syllableId(keys[k]);
      let child = childOf(node, id);
      if (child === 0) addEdge(node, id, (child = newNode()));
      node = child;
    }
    if (keys.length > 31) throw new Error('wordScan: phrase too long');
    let caps = 0;
    forms.forEach((f, k) => UPPER_START.test(f) && (caps |= 1 << k));
    const entry = { size: keys.length, value, forms, caps, alone: [] as Array<PhraseHit<T>> };
    entry.alone.push(entry);
    (ENTRIES[node] ??= []).push(entry);
    nodeBits[node] |= HAS_ENTRIES;
    STARTS[first] |= this.bit;
    startsVersion++;
    ENDS[syllableId(keys[keys.length - 1])] |= this.bit;
  }

  /** Whether any phrase starts with the syllable of toks[i]: one array read. */
  startsAt(toks: Toks, i: number): boolean {
    return (STARTS[toks.key(i)] & this.bit) !== 0;
  }

  /** Whether any phrase ends with the syllable of toks[i]: one array read. */
  endsAt(toks: Toks, i: number): boolean {
    return (ENDS[toks.key(i)] & this.bit) !== 0;
  }

  /** The first index ≥ from where a phrase may start (by its first syllable), or toks.n: a tight scan. */
  nextStart(toks: Toks, from: number): number {
    return nextStartOf(toks, from, this.bit);
  }

  /** Bit of this table in the start masks (for nextStartOf with several tables). */
  get mask(): number {
    return this.bit;
  }

  /**
   * Every match starting at toks[i], longest first; match m ends at i + m.size. Nothing is
   * allocated unless two or more phrases match (one match is its entry's own list).
   */
  matchAll(toks: Toks, i: number): ReadonlyArray<PhraseHit<T>> {
    if (i < 0 || i >= toks.n) return NO_MATCHES;
    const ids = toks.id;
    const id = ids[i];
    if ((STARTS[id] & this.bit) === 0) return NO_MATCHES;
    let node = ROOTS[id * 32 + this.table];
    let first: Entry<T> | undefined;
    let found: Array<PhraseHit<T>> | undefined;
    for (let j = i; node !== 0; ) {
      const bits = nodeBits[node];
      if ((bits & HAS_ENTRIES) !== 0) {
        const list = ENTRIES[node] as Array<Entry<T>>;
        for (let x = 0; x < list.length; x++) {
          const e = list[x];
          if (e.caps !== 0 && !casingFits(toks, i, e.caps)) continue;
          if (first === undefined) first = e;
          else (found ??= [first]).push(e);
        }
      }
      j++;
      if ((bits & HAS_CHILDREN) === 0 || j >= toks.n || toks.nlBefore(j)) break;
      node = childOf(node, ids[j]);
    }
    if (first === undefined) return NO_MATCHES;
    return found === undefined ? first.alone : found.reverse();
  }

  // The three below check the start bit first, then walk: small enough for V8 to inline the
  // check into each caller, so the usual token that starts no phrase costs no call.

  /** End of the longest match starting at toks[i] (the last fitting entry of the deepest node), or -1. */
  longestEnd(toks: Toks, i: number): number {
    if (i < 0 || i >= toks.n || (STARTS[toks.id[i]] & this.bit) === 0) return -1;
    return this.longestEntry(toks, i) === undefined ? -1 : lastEnd;
  }

  /** The longest match starting at toks[i], if any. */
  longest(toks: Toks, i: number): PhraseMatch<T> | undefined {
    if (i < 0 || i >= toks.n || (STARTS[toks.id[i]] & this.bit) === 0) return undefined;
    const e = this.longestEntry(toks, i);
    return e && { end: lastEnd, value: e.value, forms: e.forms };
  }

  /** Value of the longest match at toks[i], if any; its end is then lastMatchEnd() (no object per call). */
  longestValue(toks: Toks, i: number): T | undefined {
    if (i < 0 || i >= toks.n || (STARTS[toks.id[i]] & this.bit) === 0) return undefined;
    return this.longestEntry(toks, i)?.value;
  }

  /** The entry of the longest match at toks[i], a token inside the text whose syllable starts a phrase; its end goes to lastEnd (no object per call). */
  private longestEntry(toks: Toks, i: number): Entry<T> | undefined {
    const ids = toks.id;
    let node = ROOTS[ids[i] * 32 + this.table];
    let best: Entry<T> | undefined;
    for (let j = i; node !== 0; ) {
      const bits = nodeBits[node];
      if ((bits & HAS_ENTRIES) !== 0) {
        const list = ENTRIES[node] as Array<Entry<T>>;
        for (let x = 0; x < list.length; x++) {
          const e = list[x];
          if (e.caps === 0 || casingFits(toks, i, e.caps)) {
            best = e;
            lastEnd = j + 1;
          }
        }
      }
      j++;
      if ((bits & HAS_CHILDREN) === 0 || j >= toks.n || toks.nlBefore(j)) break;
      node = childOf(node, ids[j]);
    }
    return best;
  }
}

/**
 * The tokens where a name may start, in order: the capitalised words in caps[0, nCaps), and
 * the tokens whose syllable starts a phrase of a table in mask (any case) in starts[0, nStarts).
 * One scan shared by every name detector.
 */
export interface StartLists {
  caps: Int32Array;
  nCaps: number;
  starts: Int32Array;
  nStarts: number;
}

/**
 * The StartLists of toks for mask, into the scratches' ints (valid until their next use).
 * The arrays and flag bits are read directly and a start is one byte per syllable id, not
 * the STARTS word and mask (a branch-free variant that appends every token and adds 0 or 1
 * was slower: two stores per token cost more than the branches it saved).
 */
export function startLists(toks: Toks, mask: number, capScratch: Scratch, startScratch: Scratch): StartLists {
  const n = toks.n;
  const caps = capScratch.ints(n, false);
  const starts = startScratch.ints(n, false);
  const startsHere = startBytes(mask);
  const ids = toks.id;
  const flags = toks.flags;
  let nCaps = 0;
  let nStarts = 0;
  for (let i = 0; i < n; i++) {
    if (startsHere[ids[i]] !== 0) starts[nStarts++] = i;
    if ((flags[i] & (F_WORD | F_CAP)) === (F_WORD | F_CAP)) caps[nCaps++] = i;
  }
  return { caps, nCaps, starts, nStarts };
}

/** Per syllable id: 1 when a phrase of a table in startBytesMask starts with it (STARTS as of startsVersion). */
const START_BYTES = new Uint8Array(MAX_SYLLABLES);
let startBytesMask = 0;
let startBytesVersion = -1;

/** START_BYTES for mask, rebuilt when the mask or the tables changed since the last call. */
function startBytes(mask: number): Uint8Array {
  if (mask !== startBytesMask || startsVersion !== startBytesVersion) {
    for (let id = 0; id < MAX_SYLLABLES; id++) START_BYTES[id] = (STARTS[id] & mask) !== 0 ? 1 : 0;
    startBytesMask = mask;
    startBytesVersion = startsVersion;
  }
  return START_BYTES;
}

/** Whether a phrase of a table in mask starts with the syllable of toks[i] (i inside the text). */
export function startsAnyAt(toks: Toks, i: number, mask: number): boolean {
  return (STARTS[toks.id[i]] & mask) !== 0;
}

/** The first index ≥ from whose syllable starts a phrase of any table in mask, or toks.n. */
export function nextStartOf(toks: Toks, from: number, mask: number): number {
  const ids = toks.id;
  const n = toks.n;
  let i = from < 0 ? 0 : from;
  while (i < n && (STARTS[ids[i]] & mask) === 0) i++;
  return i;
}

/** End of the match longestEntry returned last (read right after the call). */
let lastEnd = -1;

/** End of the match the last successful longestValue call found (read right after the call). */
export function lastMatchEnd(): number {
  return lastEnd;
}

/** Shared empty result: callers only read it. */
const NO_MATCHES: never[] = [];

function casingFits(toks: Toks, i: number, caps: number): boolean {
  for (let k = 0, m = caps; m !== 0; k++, m >>>= 1) {
    if ((m & 1) !== 0 && !toks.cap(i + k)) return false;
  }
  return true;
}

/**
 * Tokens of the last text tokenized, so names.ts and linking.ts share one pass over an
 * article (the analyzer calls them one after the other on the same view).
 */
let cache: Toks | undefined;
/**
 * How many syllables had ids when the cached tokens were made: a syllable added since (a
 * table or watched word built after a text was read) may be a token's key that was UNKNOWN
 * then, so those tokens are made again.
 */
let cacheSyllables = 0;

export function tokensOf(text: string): Toks {
  if (cache?.text !== text || cacheSyllables !== syllableKeys.length) {
    cache = undefined; // the shared arrays are about to change: no stale Toks stays cached
    if (shared.size < tokenEstimate(text)) shared = newTokenArrays(tokenEstimate(text));
    cache = tokenizeInto(text, shared);
    cacheSyllables = syllableKeys.length;
    shared = lastArrays; // grown for a longer text: keep the larger arrays
  }
  return cache;
}

/** Zero-filled scratch bytes or ints [0, n) per use (one module-level buffer each, grown on demand): per-article marks. */
export class Scratch {
  private buf = new Uint8Array(256);
  private intBuf = new Int32Array(64);

  /** The buffer with [0, n) zeroed; the contents beyond n are unspecified (never read them). Valid until the next call. */
  bytes(n: number): Uint8Array {
    if (n > this.buf.length) this.buf = new Uint8Array(Math.max(n, this.buf.length * 2));
    else this.buf.fill(0, 0, n);
    return this.buf;
  }

  /** As bytes, for 32-bit integers; zeroed unless the caller writes before it reads. */
  ints(n: number, zeroed = true): Int32Array {
    if (n > this.intBuf.length) this.intBuf = new Int32Array(Math.max(n, this.intBuf.length * 2));
    else if (zeroed) this.intBuf.fill(0, 0, n);
    return this.intBuf;
  }
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
