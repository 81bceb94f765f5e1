/**
 * Shape of each line of a page, the evidence boilerplate.ts and metadata.ts reason with:
 * length in syllables, stop-word density (jusText), sentence punctuation, bullets,
 * indentation, and the small recognizers both stages share (date-time stamps, meta lines
 * `Chuyên mục - Tác giả - HH:MM DD/MM/YYYY`, source prefixes `VOV.VN -`, person-name-like
 * text). Everything works on one line at a time, in view UTF-16 indices; no regular
 * expression here has nested quantifiers.
 */
import type { Line } from './candidates';
import type { LabelledPart } from './pageLayout';
import { isJsSpace, normalizedKey } from './normalize';
import { VIETNAMESE_STOP_SYLLABLES } from './data/stopwords';
import { BULLET_MARKS, SECTION_NAMES, STAMP_COUNTERS, STAMP_LABELS } from './data/boilerplateCues';
import { NON_NAME_HEADS } from './data/metadataCues';
import { F_DIGITS, F_LETTERS, MAX_SYLLABLES, UNKNOWN, syllableId, tokensOf, type Toks } from './wordScan';

/** Letter runs kept in a skeleton: more than any cue phrase or short-line test needs. */
export const SKELETON_WORDS = 16;
/** Longest stop syllable, in UTF-16 units (`người`, `những`, `thường`). */
const MAX_STOP_LENGTH = 6;

/**
 * Stop syllables by a rolling hash of their code units, in an open-addressing table: the
 * exact path (scanKey) looks a key's letter runs up while it scans them.
 */
const STOP_WORDS = [...new Set(VIETNAMESE_STOP_SYLLABLES.map(normalizedKey))];
const STOP_MASK = 1023;
const STOP_HASHES = new Int32Array(STOP_MASK + 1);
const STOP_SLOTS = new Int16Array(STOP_MASK + 1); // index + 1 into STOP_WORDS; 0 = empty
STOP_WORDS.forEach((w, idx) => {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) | 0;
  let slot = h & STOP_MASK;
  while (STOP_SLOTS[slot] !== 0) slot = (slot + 1) & STOP_MASK;
  STOP_HASHES[slot] = h;
  STOP_SLOTS[slot] = idx + 1;
});

/**
 * The char-code pass (scanText) needs no string compare: the letters of the stop
 * syllables are numbered 1..127 (STOP_LETTER_BITS each), so a run of at most
 * MAX_STOP_LENGTH letters has an exact number, its digits in that base, held in two int32
 * (`low`, the last 32 bits, and `high`, the bits shifted out of it). A run with any other
 * letter has a digit 0, which no stop syllable has. STOP_LOW/HIGH/LENGTH hold each
 * syllable's number and length (0 = empty slot), by a hash of `low`.
 */
const STOP_LETTER_BITS = 7;
const STOP_LETTERS = new Map<number, number>();
for (const w of STOP_WORDS) for (let i = 0; i < w.length; i++) if (!STOP_LETTERS.has(w.charCodeAt(i))) STOP_LETTERS.set(w.charCodeAt(i), STOP_LETTERS.size + 1);
if (STOP_LETTERS.size >= 1 << STOP_LETTER_BITS || STOP_WORDS.some((w) => w.length > MAX_STOP_LENGTH)) throw new Error('stop syllables: too many letters or too long');
const STOP_TABLE_BITS = 10;
const STOP_LOW = new Int32Array(1 << STOP_TABLE_BITS);
const STOP_HIGH = new Int32Array(1 << STOP_TABLE_BITS);
const STOP_LENGTH = new Int8Array(1 << STOP_TABLE_BITS);
for (const w of STOP_WORDS) {
  let low = 0;
  let high = 0;
  for (let i = 0; i < w.length; i++) {
    high = (high << STOP_LETTER_BITS) | (low >>> (32 - STOP_LETTER_BITS));
    low = (low << STOP_LETTER_BITS) | STOP_LETTERS.get(w.charCodeAt(i))!;
  }
  let slot = stopSlot(low);
  while (STOP_LENGTH[slot] !== 0) slot = (slot + 1) & ((1 << STOP_TABLE_BITS) - 1);
  STOP_LOW[slot] = low;
  STOP_HIGH[slot] = high;
  STOP_LENGTH[slot] = w.length;
}

function stopSlot(low: number): number {
  return Math.imul(low, 0x9e3779b1) >>> (32 - STOP_TABLE_BITS);
}

/** Whether the run of `length` letters numbered (`low`, `high`) is a stop syllable. */
function isStopNumber(low: number, high: number, length: number): boolean {
  for (let slot = stopSlot(low); STOP_LENGTH[slot] !== 0; slot = (slot + 1) & ((1 << STOP_TABLE_BITS) - 1)) {
    if (STOP_LOW[slot] === low && STOP_HIGH[slot] === high && STOP_LENGTH[slot] === length) return true;
  }
  return false;
}

function isStopRun(key: string, from: number, to: number, hash: number): boolean {
  for (let slot = hash & STOP_MASK; STOP_SLOTS[slot] !== 0; slot = (slot + 1) & STOP_MASK) {
    if (STOP_HASHES[slot] !== hash) continue;
    const w = STOP_WORDS[STOP_SLOTS[slot] - 1];
    if (w.length === to - from && key.startsWith(w, from)) return true;
  }
  return false;
}

const SECTIONS = new Set(SECTION_NAMES.map(normalizedKey));
const STAMP_WORDS = new Set(STAMP_LABELS.flatMap((l) => normalizedKey(l).split(' ')));
/** List marks by code unit (each is one). */
const BULLET_CODES = new Set(BULLET_MARKS.map((m) => m.charCodeAt(0)));
const STAMP_COUNTER_KEYS = new Set(STAMP_COUNTERS.map(normalizedKey));
const NON_NAME_HEAD_KEYS = new Set(NON_NAME_HEADS.map(normalizedKey));

/**
 * The shape of one line. Everything a stage reads of every line (length, stop words,
 * punctuation) is computed in one char-code pass when the line is shaped; the strings
 * only some lines need (the normalized key, the skeleton) are built on first use, since
 * long body paragraphs are rarely compared with anything.
 */
export class LineShape {
  readonly line: Line;
  /** Only whitespace (no-break spaces are already plain spaces in the view). */
  readonly blank: boolean;
  /** Leading whitespace characters. */
  readonly indent: number;
  /** The line without surrounding whitespace, and its view span. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The skeleton stops before the line's end (a long line). */
  readonly skeletonCut: boolean;
  readonly words: number;
  /** Share of syllables that are stop words (0 for a line without words). */
  readonly stopDensity: number;
  readonly hasDigits: boolean;
  /** Ends like a sentence: `.`, `!`, `?`, `…`, possibly followed by a closing quote or bracket. */
  readonly endsSentence: boolean;
  /** Starts with a list mark (`•`, `»`, `-`, …) followed by a space. */
  readonly bullet: boolean;
  /** Letter runs in the key: 0 when the skeleton is empty. */
  readonly letterRuns: number;
  /** keyHash of the first letter run of the key (the skeleton's first word); 0 without one. */
  readonly firstWordHash: number;
  /**
   * Lines with equal keys have equal fingerprints (key length, words, stop syllables,
   * first word), so repetition is found by comparing numbers; keys are compared, and
   * built, only when fingerprints meet.
   */
  readonly fingerprint: number;
  /** PUNCT_* bits: which of a few punctuation marks the text contains. */
  readonly punct: number;
  /** Memo slots of findStamp, parseMetaLine and pageLayout's labelledParts (undefined: not computed yet). */
  stampMemo: Span | null | undefined = undefined;
  metaMemo: MetaLine | null | undefined = undefined;
  partsMemo: LabelledPart[] | null | undefined = undefined;
  /** FACT_* bits: which boolean facts are computed (known) and which hold (facts); see memoFact. */
  known = 0;
  facts = 0;
  /** The key's whitespace is folded only when the text has runs of it or tabs. */
  private readonly unfolded: boolean;
  private keyMemo: string | undefined;
  private skeletonMemo: string | undefined;
  private headMemo: string | undefined;

  /**
   * `src` holds the line's text at `offset` (the view text and line.start, by default the
   * line's own text); `toks`, when given, are the tokens of `src`, read instead of its
   * characters (see scanTokens).
   */
  constructor(line: Line, src: string = line.text, offset = 0, toks?: Toks) {
    let a = offset;
    let b = offset + line.text.length;
    while (a < b && isSpaceCode(src.charCodeAt(a))) a++;
    while (b > a && isSpaceCode(src.charCodeAt(b - 1))) b--;
    const raw = line.text;
    const text = a === offset && b - offset === raw.length ? raw : raw.slice(a - offset, b - offset);
    this.line = line;
    this.blank = text === '';
    this.indent = a - offset;
    this.text = text;
    this.start = line.start + a - offset;
    this.end = line.start + b - offset;
    let key: string | undefined;
    let skeleton: string | undefined;
    if (!(toks !== undefined && scanTokens(toks, src, a, b)) && !scanText(src, a, b)) {
      // A character whose case or space folding the char-code pass does not model: the exact path.
      const exact = keyAndScan(text);
      key = exact.key;
      skeleton = exact.scan.skeleton;
      fromExactScan(key, exact.scan);
    }
    const cut = Math.min(S.runs, S.words > MAX_CUE_LINE_WORDS ? LONG_LINE_SKELETON_WORDS : SKELETON_WORDS) < S.runs;
    this.skeletonCut = cut;
    this.words = S.words;
    this.stopDensity = S.words ? Math.min(1, S.stops / S.words) : 0;
    this.hasDigits = S.digits;
    this.endsSentence = endsLikeSentence(text);
    this.bullet = text.length > 1 && isSpaceCode(text.charCodeAt(1)) && BULLET_CODES.has(text.charCodeAt(0)); // the rare space first
    this.letterRuns = S.runs;
    this.firstWordHash = S.first;
    this.fingerprint = (Math.imul(S.folded, 0x9e3779b1) ^ Math.imul(S.words, 0x85ebca6b) ^ Math.imul(S.stops, 0xc2b2ae35) ^ S.first) | 0;
    this.punct = S.punct;
    this.unfolded = S.unfolded;
    this.keyMemo = key;
    this.skeletonMemo = skeleton;
  }

  /**
   * normalizedKey of the text: what verbatim repetition compares. The view is already NFC
   * with one tone placement (normalize.ts), so only case and whitespace are folded — the
   * same result as normalizedKey, cheaper.
   */
  get key(): string {
    if (this.keyMemo === undefined) {
      const lower = this.text.toLowerCase();
      this.keyMemo = this.unfolded ? lower.replace(SPACE_RUNS, ' ') : lower;
    }
    return this.keyMemo;
  }

  /**
   * At least the first `n` code units of the key (all of it when it is shorter): what a
   * test of the key's start reads, without lowercasing a whole paragraph. Lowercasing the
   * text's start gives the key's start when the key folds no whitespace (each code unit
   * lowercases alone, or the line took the exact path and has its key already).
   */
  keyHead(n: number): string {
    if (this.keyMemo !== undefined || this.unfolded || n >= KEY_HEAD || this.text.length <= KEY_HEAD) return this.key;
    if (this.headMemo === undefined) this.headMemo = this.text.slice(0, KEY_HEAD).toLowerCase();
    return this.headMemo;
  }

  /**
   * Letters-only key (digits, punctuation, symbols dropped) of the line's first
   * SKELETON_WORDS letter runs: what cue tables compare. Cues only fire on short lines or
   * on a line's start, so long paragraphs do not pay for a full copy.
   */
  get skeleton(): string {
    if (this.skeletonMemo === undefined) {
      const keep = Math.min(this.letterRuns, this.words > MAX_CUE_LINE_WORDS ? LONG_LINE_SKELETON_WORDS : SKELETON_WORDS);
      // A long line's skeleton reads only the start of its lowercased text.
      const lower = this.skeletonCut ? this.text.slice(0, runsEnd(this.text, keep)).toLowerCase() : this.unfolded ? this.text.toLowerCase() : this.key;
      this.skeletonMemo = skeletonOfText(this.text, lower, keep);
    }
    return this.skeletonMemo;
  }
}

/** Code units of the key's start that keyHead lowercases. */
const KEY_HEAD = 64;

/** Both lines have the same key (fingerprints first: most lines differ there; equal texts need no key). */
export function sameKey(a: LineShape, b: LineShape): boolean {
  return a.fingerprint === b.fingerprint && (a.text === b.text || a.key === b.key);
}

/** Boolean facts about a line that several stages ask, each computed once per line. */
export const FACT_STAMP_LINE = 1;
export const FACT_HEADLINE_LIKE = 2;
export const FACT_META_SHAPED = 4;
export const FACT_CREDITS = 8;
export const FACT_NAMES_LINE = 16;

/** `compute(s)`, memoized in the line's `bit` (compute must depend on the line alone). */
export function memoFact(s: LineShape, bit: number, compute: (s: LineShape) => boolean): boolean {
  if ((s.known & bit) === 0) {
    s.known |= bit;
    if (compute(s)) s.facts |= bit;
  }
  return (s.facts & bit) !== 0;
}

/** A set of line keys that compares fingerprints and builds keys only when two meet. */
export class KeySet {
  private readonly byPrint = new Map<number, LineShape[]>();

  has(s: LineShape): boolean {
    const same = this.byPrint.get(s.fingerprint);
    if (same === undefined) return false;
    for (const t of same) if (t.text === s.text || t.key === s.key) return true;
    return false;
  }

  add(s: LineShape): void {
    const same = this.byPrint.get(s.fingerprint);
    if (same === undefined) this.byPrint.set(s.fingerprint, [s]);
    else if (!this.has(s)) same.push(s);
  }
}

/** Punctuation bits of LineShape.punct. */
export const PUNCT_CLAUSE = 1; // `,` `.` `;`
export const PUNCT_COLON = 2;
export const PUNCT_COPYRIGHT = 4;
export const PUNCT_AT = 8;
export const PUNCT_BAR = 16;

function punctOf(c: number): number {
  if (c === 44 || c === 46 || c === 59) return PUNCT_CLAUSE;
  if (c === 58) return PUNCT_COLON;
  if (c === 0xa9) return PUNCT_COPYRIGHT;
  if (c === 64) return PUNCT_AT;
  if (c === 124) return PUNCT_BAR;
  return 0;
}

const SPACE_RUNS = /[\s\u00a0\ufeff]+/g;

/** Letters-only form of a normalized key: other characters become single spaces. */
export function skeletonOf(key: string): string {
  return scanKey(key).skeleton;
}

/** keyHash of a letter run: what firstWordHash holds and cue tables index their first words by. */
export function keyHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

const LETTER = /\p{L}/u;

/** Character classes of the code units below TABLE_SIZE: what the per-character scan asks. */
const OTHER = 0;
const LETTER_CLASS = 1;
const DIGIT = 2;
const SPACE = 3;
/** Whitespace other than a plain space: the key must be folded before it is scanned. */
const OTHER_SPACE = 4;
const TABLE_SIZE = 0x2000;
const CLASS = buildClassTable();

function buildClassTable(): Uint8Array {
  const t = new Uint8Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) {
    if (c >= 48 && c <= 57) t[c] = DIGIT;
    else if (c === 32) t[c] = SPACE;
    else if (/\s/.test(String.fromCharCode(c)) || c === 0xfeff) t[c] = OTHER_SPACE;
    else if (c >= 0xd800 && c <= 0xdfff) t[c] = OTHER;
    else if (LETTER.test(String.fromCharCode(c))) t[c] = LETTER_CLASS;
  }
  return t;
}

/** Class of the code unit `c` at `i` of `key`; beyond the table (rare in Vietnamese text) ask the regex. */
function classAt(key: string, i: number, c: number): number {
  if (c < TABLE_SIZE) return CLASS[c];
  if (c === 0x3000 || c === 0xfeff) return OTHER_SPACE;
  return LETTER.test(key[i]) ? LETTER_CLASS : OTHER;
}

interface KeyScan { skeleton: string; cut: boolean; words: number; stops: number; digits: boolean; unfolded: boolean }

/**
 * One pass over a key: its skeleton (first SKELETON_WORDS letter runs), its count of
 * words (space-separated tokens with a letter or digit), of stop syllables, and whether it
 * has a digit. Stop syllables are recognised by a rolling hash while scanning; only the
 * skeleton's runs are sliced out of the key. The exact path, for keys and for the lines
 * scanText leaves to it.
 */
function scanKey(key: string): KeyScan {
  let runs = 0;
  let words = 0;
  let stops = 0;
  let digits = false;
  let tokenCounted = false;
  let runStart = -1;
  let hash = 0;
  let unfolded = false;
  let prev = -1;
  const n = key.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? key.charCodeAt(i) : 32;
    const k = i < n ? classAt(key, i, c) : SPACE;
    if (k === OTHER_SPACE || (k === SPACE && prev === SPACE)) unfolded = true;
    prev = k;
    if (k === LETTER_CLASS) {
      if (runStart < 0) { runStart = i; hash = 0; }
      hash = (Math.imul(hash, 31) + c) | 0;
      if (!tokenCounted) { words++; tokenCounted = true; }
      continue;
    }
    if (runStart >= 0) {
      if (i - runStart <= MAX_STOP_LENGTH && isStopRun(key, runStart, i, hash)) stops++;
      if (runs < SKELETON_WORDS) { RUN_STARTS[runs] = runStart; RUN_ENDS[runs] = i; }
      runs++;
      runStart = -1;
    }
    if (k === SPACE) tokenCounted = false;
    else if (k === DIGIT) {
      digits = true;
      if (!tokenCounted) { words++; tokenCounted = true; }
    }
  }
  // Long prose only ever has its first words compared with cue phrases.
  const keep = Math.min(runs, words > MAX_CUE_LINE_WORDS ? LONG_LINE_SKELETON_WORDS : SKELETON_WORDS);
  let skeleton = '';
  for (let r = 0; r < keep; r++) skeleton += (r ? ' ' : '') + key.slice(RUN_STARTS[r], RUN_ENDS[r]);
  return { skeleton, cut: keep < runs, words, stops, digits, unfolded };
}

/** Where the first SKELETON_WORDS letter runs of the line being scanned start and end (reused). */
const RUN_STARTS = new Int32Array(SKELETON_WORDS);
const RUN_ENDS = new Int32Array(SKELETON_WORDS);
/** Lines longer than this (words) match no whole-line cue; their skeleton keeps a few words. */
const MAX_CUE_LINE_WORDS = 60;
const LONG_LINE_SKELETON_WORDS = 6;

/** Key of a line's text and its scan, the exact way (see LineShape.key). */
function keyAndScan(text: string): { key: string; scan: KeyScan } {
  const lower = text.toLowerCase();
  const scan = scanKey(lower);
  if (!scan.unfolded) return { key: lower, scan };
  const key = lower.replace(SPACE_RUNS, ' ');
  return { key, scan: scanKey(key) };
}

// ---------------------------------------------------------------------------------------
// The char-code pass. It reads the text as it is and gives the figures scanKey would give
// on the text's key: each code unit's lowercase and class come from tables learnt one code
// unit at a time, and a run of whitespace counts as the one space the key folds it into.
// Code units whose lowercase depends on context or is not one code unit (`Σ`, `İ`),
// surrogates and whitespace that scanKey does not count as space make it give up
// (return false) and leave the line to keyAndScan.

/** Kinds of code units, the low 3 bits of CODE[c]. */
const K_OTHER = 1;
const K_LETTER = 2;
const K_DIGIT = 3;
const K_SPACE = 4;
const K_OTHER_SPACE = 5;
const K_EXACT_ONLY = 6;
const KIND_BITS = 3;
const KIND_MASK = 7;
/**
 * (stop letter << STOP_LETTER_SHIFT) | (lowercase << KIND_BITS) | kind of each code unit;
 * 0 = not learnt yet. One table, so one load per character.
 */
const CODE = new Int32Array(0x10000);
const LOWER_MASK = 0xffff;
const STOP_LETTER_SHIFT = KIND_BITS + 16;

function learn(c: number): number {
  const code = codeOf(c);
  CODE[c] = code;
  return code;
}

function codeOf(c: number): number {
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3) return K_EXACT_ONLY;
  const lower = String.fromCharCode(c).toLowerCase();
  if (lower.length !== 1) return K_EXACT_ONLY;
  const lc = lower.charCodeAt(0);
  const cls = classAt(lower, 0, lc);
  let kind = K_OTHER;
  if (cls === LETTER_CLASS) kind = K_LETTER;
  else if (cls === DIGIT) kind = K_DIGIT;
  else if (cls === SPACE) kind = K_SPACE;
  else if (cls === OTHER_SPACE) kind = K_OTHER_SPACE;
  else if (/\s/.test(lower)) kind = K_EXACT_ONLY;
  return ((STOP_LETTERS.get(lc) ?? 0) << STOP_LETTER_SHIFT) | (lc << KIND_BITS) | kind;
}

/**
 * Kind of code unit c, learnt if new (the token pass does not read every unit: a syllable's
 * units are read once per syllable id, whatever their case, and a token of letters alone not
 * at all).
 */
function kindOf(c: number): number {
  const code = CODE[c];
  return (code !== 0 ? code : learn(c)) & KIND_MASK;
}

/** letterLower's answers for a unit that is no letter, and for one only the exact path reads (a surrogate, `Σ`, a unit lowercasing to several, odd whitespace). */
export const NOT_A_LETTER = -1;
export const EXACT_ONLY_UNIT = -2;

/** The lowercase of code unit c when it is a letter as the char-code pass classes it, else NOT_A_LETTER or EXACT_ONLY_UNIT. */
export function letterLower(c: number): number {
  const code = CODE[c] || learn(c);
  const kind = code & KIND_MASK;
  if (kind === K_LETTER) return (code >> KIND_BITS) & LOWER_MASK;
  return kind === K_EXACT_ONLY ? EXACT_ONLY_UNIT : NOT_A_LETTER;
}

/**
 * The first `keep` letter runs of a shaped text, joined by spaces, sliced from `lower` (the text lowercased: the same length and offsets,
 * since scanText leaves every code unit whose lowercase is not one code unit to the exact
 * path): its key's skeleton, without building the key. A text of letter runs between
 * single spaces is its own skeleton.
 */
function skeletonOfText(text: string, lower: string, keep: number): string {
  let out = '';
  let runs = 0;
  let simple = true; // so far, letters and single spaces after letters
  const n = text.length;
  let i = 0;
  for (; i < n && runs < keep; i++) {
    if (kindOf(text.charCodeAt(i)) !== K_LETTER) {
      if (text.charCodeAt(i) !== 32 || i === 0 || kindOf(text.charCodeAt(i - 1)) !== K_LETTER) simple = false;
      continue;
    }
    const from = i;
    while (i + 1 < n && kindOf(text.charCodeAt(i + 1)) === K_LETTER) i++;
    out += (runs++ ? ' ' : '') + lower.slice(from, i + 1);
  }
  return simple && i >= n ? lower : out;
}

/** The index just past the `keep`-th letter run of a shaped text (keep >= 1 runs exist). */
function runsEnd(text: string, keep: number): number {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const letter = kindOf(text.charCodeAt(i)) === K_LETTER;
    if (inRun && !letter && ++runs === keep) return i;
    inRun = letter;
  }
  return text.length;
}

/** Results of the last scanText (or fromExactScan), read by the LineShape constructor. */
const S = { words: 0, stops: 0, runs: 0, digits: false, unfolded: false, folded: 0, first: 0, punct: 0 };

/**
 * The char-code pass over a line's trimmed text (`text` from `from` to `to`), into S; false
 * when the line needs the exact path. Letter runs are read by an inner loop that only
 * numbers them (stop syllables, see STOP_LOW) and hashes the first (the line's first word);
 * everything else is looked at once per character outside it.
 */
function scanText(text: string, from: number, to: number): boolean {
  let words = 0;
  let stops = 0;
  let runs = 0;
  let digits = false;
  let unfolded = false;
  let dropped = 0; // whitespace code units the key drops (all but the first of a run)
  let first = 0;
  let punct = 0;
  let inToken = false;
  let lastSpace = -2;
  let i = from;
  while (i < to) {
    let code = CODE[text.charCodeAt(i)];
    if (code === 0) code = learn(text.charCodeAt(i));
    if ((code & KIND_MASK) === K_LETTER) {
      if (!inToken) { words++; inToken = true; }
      const runStart = i;
      let low = code >>> STOP_LETTER_SHIFT;
      let high = 0;
      if (runs++ === 0) {
        let hash = (code >> KIND_BITS) & LOWER_MASK;
        while (++i < to) {
          code = CODE[text.charCodeAt(i)];
          if ((code & KIND_MASK) !== K_LETTER && (code !== 0 || ((code = learn(text.charCodeAt(i))) & KIND_MASK) !== K_LETTER)) break;
          hash = (Math.imul(hash, 31) + ((code >> KIND_BITS) & LOWER_MASK)) | 0;
          high = (high << STOP_LETTER_BITS) | (low >>> (32 - STOP_LETTER_BITS));
          low = (low << STOP_LETTER_BITS) | (code >>> STOP_LETTER_SHIFT);
        }
        first = hash;
      } else {
        while (++i < to) {
          code = CODE[text.charCodeAt(i)];
          if ((code & KIND_MASK) !== K_LETTER && (code !== 0 || ((code = learn(text.charCodeAt(i))) & KIND_MASK) !== K_LETTER)) break;
          high = (high << STOP_LETTER_BITS) | (low >>> (32 - STOP_LETTER_BITS));
          low = (low << STOP_LETTER_BITS) | (code >>> STOP_LETTER_SHIFT);
        }
      }
      if (i - runStart <= MAX_STOP_LENGTH && isStopNumber(low, high, i - runStart)) stops++;
      if (i === to) break;
    }
    const kind = code & KIND_MASK;
    if (kind === K_SPACE || kind === K_OTHER_SPACE) {
      if (lastSpace === i - 1) { unfolded = true; dropped++; }
      else if (kind === K_OTHER_SPACE) unfolded = true;
      lastSpace = i;
      inToken = false;
    } else if (kind === K_DIGIT) {
      digits = true;
      if (!inToken) { words++; inToken = true; }
    } else if (kind === K_EXACT_ONLY) return false;
    else punct |= punctOf(text.charCodeAt(i));
    i++;
  }
  S.words = words; S.stops = stops; S.runs = runs; S.digits = digits; S.unfolded = unfolded;
  S.folded = to - from - dropped;
  S.first = first; S.punct = punct;
  return true;
}

// ---------------------------------------------------------------------------------------
// The token pass. The names tokenizer reads every character of the view anyway; a line's
// figures follow from its tokens: a token whose syllable is all letters is one letter run
// (its stop-ness and hash learnt once per syllable id), other tokens are read by their
// characters as scanText reads them. Lines the tokens do not model simply (whitespace
// other than single spaces between tokens, characters scanText leaves to the exact path)
// return false and take scanText.

/**
 * Every stop syllable has a syllable id, so a token of letters alone whose id is UNKNOWN is
 * no stop syllable (ids are only compared with the ids tables know: an id no table holds
 * behaves as UNKNOWN does). A letter whose uppercase is not one code unit would make the
 * tokenizer leave a token's id UNKNOWN: no stop syllable has one.
 */
for (const w of STOP_WORDS) {
  if (w.toUpperCase().length !== w.length) throw new Error('stop syllables: a letter without a one-unit uppercase');
  syllableId(w);
}

/** Token index where the next line's search starts (lines are shaped in order). */
let cursor = 0;
/** Per syllable id: ID_KNOWN once learnt, ID_RUN when its key is one letter run, ID_STOP when that run is a stop syllable. */
const ID_INFO = new Uint8Array(MAX_SYLLABLES);
const ID_HASH = new Int32Array(MAX_SYLLABLES);
const ID_KNOWN = 1;
const ID_RUN = 2;
const ID_STOP = 4;

/**
 * Learn what a syllable id says from token [s, e) (its lowercase is the id's key, so every
 * token with that id has the same kinds of characters, unless a capital sigma, which scanText
 * leaves to the exact path, lowercases to its `σ`).
 */
function learnId(id: number, text: string, s: number, e: number): number {
  let bits = ID_KNOWN | ID_RUN;
  let hash = 0;
  let low = 0;
  let high = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    let code = CODE[c];
    if (code === 0) code = learn(c);
    const lc = (code >> KIND_BITS) & LOWER_MASK;
    if ((code & KIND_MASK) !== K_LETTER || lc === 0x3c3) { bits = ID_KNOWN; break; }
    hash = (Math.imul(hash, 31) + lc) | 0;
    high = (high << STOP_LETTER_BITS) | (low >>> (32 - STOP_LETTER_BITS));
    low = (low << STOP_LETTER_BITS) | (code >>> STOP_LETTER_SHIFT);
  }
  if (bits !== ID_KNOWN && e - s <= MAX_STOP_LENGTH && isStopNumber(low, high, e - s)) bits |= ID_STOP;
  ID_HASH[id] = hash;
  ID_INFO[id] = bits;
  return bits;
}

/** scanText's figures for the trimmed line [from, to) of the tokenized `text`, from its tokens, into S; false when the line needs scanText. */
function scanTokens(toks: Toks, text: string, from: number, to: number): boolean {
  const starts = toks.start;
  const ends = toks.end;
  const ids = toks.id;
  const flags = toks.flags;
  const plain = toks.plainSpaces;
  const n = toks.n;
  let t = cursor;
  while (t < n && starts[t] < from) t++;
  cursor = t;
  let words = 0;
  let stops = 0;
  let runs = 0;
  let digits = false;
  let first = 0;
  let punct = 0;
  let inToken = false;
  let letterEnd = -1; // just past the last letter read: a run starting there would continue it
  if (from < to) {
    if (t >= n || starts[t] !== from) return false;
    let end = from;
    for (; t < n && starts[t] < to; t++) {
      if (plain && runs !== 0) {
        // Most tokens: one space after the last token (so no run to continue) and letters alone (a
        // learnt syllable id of one letter run, or no id and the tokenizer's letters flag): a word of one letter run.
        // Or a punctuation mark right after the last token (`,` `.`): one unit, no word.
        while (t < n) {
          const s = starts[t];
          if (s === end + 1 && s < to) {
            const id = ids[t];
            if (id === UNKNOWN) {
              if ((flags[t] & F_LETTERS) === 0) break;
            } else {
              const bits = ID_INFO[id];
              if ((bits & ID_RUN) === 0) break; // no run, or not learnt yet: the general path below
              if ((bits & ID_STOP) !== 0) stops++;
            }
            end = ends[t];
            words++;
            runs++;
            letterEnd = end;
            inToken = true;
          } else if (s === end && s < to && ends[t] === s + 1 && (CODE[text.charCodeAt(s)] & KIND_MASK) === K_OTHER) {
            punct |= punctOf(text.charCodeAt(s));
            end = s + 1;
          } else break;
          t++;
        }
        if (!(t < n && starts[t] < to)) break;
      }
      const s = starts[t];
      if (s !== end) {
        // One unit between two tokens is whitespace (every other unit is in a token): a space unless the text has other kinds.
        if (s !== end + 1 || (!plain && text.charCodeAt(end) !== 32)) return false;
        inToken = false;
      }
      end = ends[t];
      const id = ids[t];
      let bits = 0;
      if (id !== UNKNOWN) {
        bits = ID_INFO[id];
        if (bits === 0) bits = learnId(id, text, s, end);
      }
      if ((bits & ID_RUN) !== 0 && s !== letterEnd) {
        if (!inToken) { words++; inToken = true; }
        if (runs++ === 0) first = ID_HASH[id];
        if ((bits & ID_STOP) !== 0) stops++;
        letterEnd = end;
        continue;
      }
      const f = flags[t];
      if ((f & F_LETTERS) !== 0 && id === UNKNOWN && runs !== 0 && s !== letterEnd) {
        // An unknown syllable of letters alone (the tokenizer's letters are K_LETTER): one letter run, and no stop syllable (see above).
        if (!inToken) { words++; inToken = true; }
        runs++;
        letterEnd = end;
        continue;
      }
      if ((f & F_DIGITS) !== 0) {
        // ASCII digits alone: what the loop below does with each of them.
        digits = true;
        if (!inToken) { words++; inToken = true; }
        continue;
      }
      // Any other token, character by character as scanText reads them.
      for (let i = s; i < end; ) {
        let code = CODE[text.charCodeAt(i)];
        if (code === 0) code = learn(text.charCodeAt(i));
        const kind = code & KIND_MASK;
        if (kind === K_LETTER) {
          if (i === letterEnd) return false;
          if (!inToken) { words++; inToken = true; }
          const runStart = i;
          let low = code >>> STOP_LETTER_SHIFT;
          let high = 0;
          let hash = (code >> KIND_BITS) & LOWER_MASK;
          while (++i < end) {
            code = CODE[text.charCodeAt(i)];
            if ((code & KIND_MASK) !== K_LETTER && (code !== 0 || ((code = learn(text.charCodeAt(i))) & KIND_MASK) !== K_LETTER)) break;
            hash = (Math.imul(hash, 31) + ((code >> KIND_BITS) & LOWER_MASK)) | 0;
            high = (high << STOP_LETTER_BITS) | (low >>> (32 - STOP_LETTER_BITS));
            low = (low << STOP_LETTER_BITS) | (code >>> STOP_LETTER_SHIFT);
          }
          if (runs++ === 0) first = hash;
          if (i - runStart <= MAX_STOP_LENGTH && isStopNumber(low, high, i - runStart)) stops++;
          letterEnd = i;
          continue;
        }
        if (kind === K_DIGIT) {
          digits = true;
          if (!inToken) { words++; inToken = true; }
        } else if (kind === K_OTHER) punct |= punctOf(text.charCodeAt(i));
        else return false; // whitespace inside a token, or a character only the exact path reads
        i++;
      }
    }
    if (end !== to) return false;
  }
  cursor = t;
  S.words = words; S.stops = stops; S.runs = runs; S.digits = digits; S.unfolded = false;
  S.folded = to - from;
  S.first = first; S.punct = punct;
  return true;
}

/** S from the exact path's key and scan. */
function fromExactScan(key: string, scan: KeyScan): void {
  S.words = scan.words; S.stops = scan.stops; S.digits = scan.digits; S.unfolded = false;
  S.folded = key.length;
  let runs = 0;
  let first = 0;
  let punct = 0;
  let inRun = false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const letter = classAt(key, i, c) === LETTER_CLASS;
    if (letter && !inRun) runs++;
    if (letter && runs === 1) first = (Math.imul(first, 31) + c) | 0;
    inRun = letter;
    punct |= punctOf(c);
  }
  S.runs = runs; S.first = first; S.punct = punct;
}

/** The lines array shapeLines saw last and its shapes (one article's lines at a time, as the stages ask). */
let lastLines: readonly Line[] | undefined;
let lastShapes: LineShape[] = [];

/** Shapes of all lines of the view `text`; memoized for the last lines array, so the boilerplate and metadata stages share them. */
export function shapeLines(text: string, lines: readonly Line[]): LineShape[] {
  if (lines !== lastLines) {
    // Read from the view text itself (a flat string), faster than each line's slice of it.
    // The names stage tokenizes the same view later: its cached tokens replace a pass over the characters.
    const toks = tokensOf(text);
    cursor = 0;
    const shapes = new Array<LineShape>(lines.length);
    for (let i = 0; i < lines.length; i++) shapes[i] = new LineShape(lines[i], text, lines[i].start, toks);
    lastLines = lines;
    lastShapes = shapes;
  }
  return lastShapes;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 11 || c === 12;
}

const CLOSERS = new Set([...'"”’)]»'].map((c) => c.charCodeAt(0)));

/** Ends like a sentence: a final `.`, `!`, `?` or `…`, before at most two closing quotes or brackets. */
function endsLikeSentence(text: string): boolean {
  let i = text.length - 1;
  for (let k = 0; k < 2 && i >= 0 && CLOSERS.has(text.charCodeAt(i)); k++) i--;
  const c = text.charCodeAt(i); // NaN before the start
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

export function shapeLine(line: Line): LineShape {
  return new LineShape(line);
}

/** A body paragraph in jusText's sense: long, and with the stop words of running prose. */
export function isGoodParagraph(s: LineShape): boolean {
  // Vietnamese political prose is noun-heavy: 0.1–0.35 of its syllables are stop words,
  // while menus, counters and credits have none; length does most of the work.
  return s.words >= 25 && s.stopDensity >= 0.08 && (s.punct & PUNCT_CLAUSE) !== 0;
}

/** Could be a headline: a few words, no sentence-final period, not a stamp. */
export function isHeadlineLike(s: LineShape): boolean {
  return memoFact(s, FACT_HEADLINE_LIKE, headlineLike);
}

function headlineLike(s: LineShape): boolean {
  if (s.blank || s.words < 3 || s.words > 40 || s.text.length > 250 || s.bullet) return false;
  if (endsLikeClause(s.text)) return false;
  return !isStampLine(s) && !isSectionLine(s) && !parseMetaLine(s);
}

/** Ends with `.`, `,`, `;` or `:`, but not with an ellipsis (`...`, `…`). */
function endsLikeClause(text: string): boolean {
  const n = text.length;
  const c = text.charCodeAt(n - 1);
  if (c === 44 || c === 59 || c === 58) return true;
  return c === 46 && !(text.charCodeAt(n - 2) === 46 && text.charCodeAt(n - 3) === 46);
}

export function isSectionName(skeleton: string): boolean {
  return SECTIONS.has(skeleton);
}

/**
 * isSectionName(s.skeleton), without building the skeleton of a line whose first word and
 * count of letter runs no section name has (most lines).
 */
function isSectionLine(s: LineShape): boolean {
  return !s.skeletonCut && SECTION_SHAPES.has(sectionShape(s.firstWordHash, s.letterRuns)) && SECTIONS.has(s.skeleton);
}

function sectionShape(firstWordHash: number, runs: number): number {
  return (Math.imul(firstWordHash, 31) + runs) | 0;
}

/**
 * Shapes of the section names a skeleton can equal (letter runs between single spaces; a
 * cut skeleton keeps at least LONG_LINE_SKELETON_WORDS runs, more than any section name has).
 */
const SECTION_SHAPES = new Set<number>();
for (const k of SECTIONS) {
  if (skeletonOf(k) !== k) continue;
  const words = k.split(' ');
  if (words.length >= LONG_LINE_SKELETON_WORDS) throw new Error(`section name "${k}": too many words for isSectionLine`);
  SECTION_SHAPES.add(sectionShape(keyHash(words[0]), words.length));
}

// ---------------------------------------------------------------------------------------
// Date-time stamps: `Thứ 6, 10/07/2020 | 14:13:59 [GMT +7]`, `11:02 22/09/2020`,
// `Thứ hai, 12/5/2025, 08:00 (GMT+7)`, `12-05-2025 08:30`, `Chủ nhật, 08:00, 12/05/2025`,
// `08:10, Thứ Hai, 13/05/2024 (GMT+7)`.

const WEEKDAY = String.raw`(?:th[ứu]\s?(?:[2-7]|hai|ba|tư|năm|sáu|bảy|bẩy)|chủ\s?nhật|cn|t[2-7])`;
const DATE = String.raw`(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})`;
const TIME = String.raw`\d{1,2}[:hg]\d{2}(?::\d{2})?(?:\s?(?:am|pm|sa|ch))?`;
const SEP = String.raw`[ ,|–-]{1,4}`;
const TZ = String.raw`[ ,|]{0,3}[([]?\s?(?:gmt|utc)\s?[+-]\s?\d{1,2}(?::?\d{2})?\s?[)\]]?`;
const STAMP = new RegExp(
  String.raw`(?<![\p{L}\d])(?:${WEEKDAY}${SEP})?(?:ngày\s)?(?:${DATE}(?:${SEP}(?:lúc\s)?${TIME})?|${TIME}${SEP}(?:${WEEKDAY}${SEP})?(?:ngày\s)?${DATE})(?:${TZ})?(?![\p{L}\d/])`,
  'iu',
);

export interface Span { start: number; end: number }

/** Longest line (words) that can be a dateline or a `Chuyên mục - Tác giả - giờ ngày` meta line. */
const MAX_STAMP_LINE_WORDS = 30;

/** The first date-time stamp in a short line, as a view span (memoized per line). */
export function findStamp(s: LineShape): Span | null {
  // Datelines and meta lines are short; a date inside a paragraph is the date stage's business.
  if (!s.hasDigits || s.words > MAX_STAMP_LINE_WORDS) return null;
  if (s.stampMemo === undefined) s.stampMemo = scanStamp(s);
  return s.stampMemo;
}

function scanStamp(s: LineShape): Span | null {
  // Every stamp has a date (`12/05/2025`, `2025-05-12`): a time or a number alone never matches.
  if (!hasDateHint(s.text)) return null;
  const m = STAMP.exec(s.text);
  if (!m) return null;
  let text = m[0];
  // Separator characters the optional groups may leave at the end.
  while (/[ ,|–-]$/.test(text)) text = text.slice(0, -1);
  return { start: s.start + m.index, end: s.start + m.index + text.length };
}

/** `\d[/.-]\d\d?[/.-]\d` somewhere in the text (what every stamp's date has), by char codes. */
function hasDateHint(text: string): boolean {
  for (let i = 0; i + 4 < text.length; i++) {
    if (!isAsciiDigit(text.charCodeAt(i)) || !isDateSeparator(text.charCodeAt(i + 1)) || !isAsciiDigit(text.charCodeAt(i + 2))) continue;
    const c = text.charCodeAt(i + 3);
    // charCodeAt past the end is NaN: neither a digit nor a separator.
    if (isDateSeparator(c) ? isAsciiDigit(text.charCodeAt(i + 4)) : isAsciiDigit(c) && isDateSeparator(text.charCodeAt(i + 4)) && isAsciiDigit(text.charCodeAt(i + 5))) return true;
  }
  return false;
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `/`, `.` or `-`. */
function isDateSeparator(c: number): boolean {
  return c === 47 || c === 46 || c === 45;
}

/** Only labels and page controls around the stamp: `Cập nhật: 10:15 12/05/2025`, `… [GMT +7] A A`. */
function onlyStampWords(text: string): boolean {
  if (text === '') return true; // the stamp ends the line: nothing to build a key of
  const sk = skeletonOf(normalizedKey(text));
  if (sk === '') return true;
  // Word by word, stopping at the first that is no stamp word.
  for (let from = 0; ; ) {
    const sp = sk.indexOf(' ', from);
    if (!STAMP_WORDS.has(sp < 0 ? sk.slice(from) : sk.slice(from, sp))) return false;
    if (sp < 0) return true;
    from = sp + 1;
  }
}

/**
 * The rest of a dateline after its stamp: labels and controls, and counters the CMS prints
 * after a bar (`14/05/2024 | Lượt xem: 356`).
 */
function onlyStampTail(text: string): boolean {
  const bar = text.indexOf('|');
  if (bar < 0) return onlyStampWords(text);
  return onlyStampWords(text.slice(0, bar)) && text.slice(bar + 1).split('|').every(isStampCounter);
}

function isStampCounter(part: string): boolean {
  return /\d/.test(part) && STAMP_COUNTER_KEYS.has(skeletonOf(normalizedKey(part))) || onlyStampWords(part);
}

/** A line that is a date-time stamp (with at most a label, font-size controls and counters). */
export function isStampLine(s: LineShape): boolean {
  return memoFact(s, FACT_STAMP_LINE, stampLine);
}

function stampLine(s: LineShape): boolean {
  const st = findStamp(s);
  if (!st) return false;
  const rel = st.start - s.start;
  return onlyStampWords(s.text.slice(0, rel)) && onlyStampTail(s.text.slice(rel + st.end - st.start));
}

export interface MetaLine {
  stamp: Span;
  /** The author part (`Đức Thiện`), when one part of the line is a person's name. */
  author?: Span;
}

/**
 * `Xã hội - Đức Thiện - 11:02 22/09/2020`: short parts joined by dashes or bars, the
 * last of them a stamp. Used both for the article's own line under the headline and for
 * related-news teasers.
 */
export function parseMetaLine(s: LineShape): MetaLine | null {
  if (!s.hasDigits) return null;
  if (s.metaMemo === undefined) s.metaMemo = scanMetaLine(s);
  return s.metaMemo;
}

function scanMetaLine(s: LineShape): MetaLine | null {
  const stamp = findStamp(s);
  if (!stamp) return null;
  const rel = stamp.start - s.start;
  if (!onlyStampWords(s.text.slice(rel + stamp.end - stamp.start))) return null;
  const head = s.text.slice(0, rel);
  const parts = splitParts(head);
  if (parts.length === 0 || parts.some((p) => p.text.split(/\s+/).length > 6 || /[.!?;:]$/.test(p.text))) return null;
  const out: MetaLine = { stamp };
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    if (isNameLike(p.text) && !isSectionName(skeletonOf(normalizedKey(p.text)))) {
      out.author = { start: s.start + p.start, end: s.start + p.start + p.text.length };
      break;
    }
  }
  return out;
}

/** Split `A - B | C -` into trimmed parts with their offsets; empty parts dropped. */
function splitParts(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const re = PART_SEPARATOR;
  re.lastIndex = 0;
  let from = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    pushPart(out, text, from, m.index);
    from = m.index + m[0].length;
  }
  pushPart(out, text, from, text.length);
  return out;
}

/** A dash or bar between spaces, or at an end after/before a space (global: splitParts runs it with exec). */
const PART_SEPARATOR = /\s[-–—|]\s|\s[-–—|]$|^[-–—|]\s/g;

/** text[a, b) trimmed, with its offset, unless it is empty. */
function pushPart(out: Array<{ text: string; start: number }>, text: string, a: number, b: number): void {
  const seg = text.slice(a, b);
  const t = seg.trim();
  if (t) out.push({ text: t, start: a + seg.indexOf(t) });
}

// ---------------------------------------------------------------------------------------
// Names and sources.

/**
 * Looks like a Vietnamese person's name: 2–5 syllables, each capitalised and otherwise
 * lowercase (`Minh Hà`, `Nguyễn Thị Thu Trang`), or all in capitals as some papers print
 * bylines and credits (`NGUYỄN KHÁNH`). Single abbreviations (`PV`, `TTXVN`) are not.
 */
export function isNameLike(text: string): boolean {
  // One walk over the code units rules out almost every text without splitting it.
  let tokens = 0;
  let len = 0;
  let firstLen = 0;
  let title = true; // every part `Xxx`
  let caps = true; // every part `XXX`
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    if (isJsSpace(c)) {
      if (len > 0) {
        if (len > 7 || ++tokens > 5) return false;
        if (tokens === 1) firstLen = len;
        len = 0;
      }
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) return isNameLikeSplit(text); // letters beyond the BMP: the regexes decide
    const k = caseOf(c);
    if (len === 0) {
      if (k !== UPPER) return false;
    } else {
      if (k !== LOWER) title = false;
      if (k !== UPPER) caps = false;
      if (!title && !caps) return false;
    }
    len++;
  }
  if (tokens < 2 || firstLen < 2) return false;
  return !startsWithNonNameHead(text.trim().split(/\s+/));
}

/** isNameLike by splitting and regexes: the definition, used for text with surrogates. */
function isNameLikeSplit(text: string): boolean {
  const parts = text.trim().split(/\s+/);
  // One-letter syllables are given names only after the first (`Như Ý`), never initials alone.
  if (parts.length < 2 || parts.length > 5 || parts[0].length < 2 || parts.some((p) => p.length > 7)) return false;
  const shaped = parts.every((p) => /^\p{Lu}\p{Ll}*$/u.test(p)) || parts.every((p) => /^\p{Lu}+$/u.test(p));
  return shaped && !startsWithNonNameHead(parts);
}

const UPPER = 1;
const LOWER = 2;
const UNCASED = 3;
/** \p{Lu} / \p{Ll} / neither, per BMP code unit, learnt on first sight (0 = not yet). */
const CASES = new Uint8Array(0x10000);

function caseOf(c: number): number {
  let k = CASES[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = /\p{Lu}/u.test(ch) ? UPPER : /\p{Ll}/u.test(ch) ? LOWER : UNCASED;
    CASES[c] = k;
  }
  return k;
}

/** `Báo Quảng Nam`, `Sở Nội Vụ`: capitalised like a name, but an organisation or a publication. */
function startsWithNonNameHead(parts: readonly string[]): boolean {
  const one = normalizedKey(parts[0]);
  return NON_NAME_HEAD_KEYS.has(one) || (parts.length > 1 && NON_NAME_HEAD_KEYS.has(`${one} ${normalizedKey(parts[1])}`));
}

/** Longest line of names (characters): four names with their agencies. */
const MAX_NAMES_LINE = 120;

const NAME_SEPARATORS = /\s[-–—]\s|,\s|\svà\s|\s?\/\s?/u;

/**
 * Person-name parts of a credit or byline text (`A - B`, `A, B`, `A và B`, `A/B`), each
 * without a trailing `(agency)`, as spans relative to the text.
 */
export function nameParts(text: string): readonly Span[] {
  if (!hasCapitalPair(text)) return [];
  const pieces = piecesOf(text);
  if (lastParts === undefined) lastParts = findNameParts(text, pieces);
  return lastParts;
}

/**
 * The last text split at NAME_SEPARATORS, its pieces and (once asked) its name parts: a
 * byline is asked about twice in a row, by isNamesLine and then by metadata for its spans.
 * Shared: callers do not modify them.
 */
let lastPiecesText: string | undefined;
let lastPieces: readonly string[] = [];
let lastParts: readonly Span[] | undefined;

function piecesOf(text: string): readonly string[] {
  if (text !== lastPiecesText) {
    lastPieces = text.split(NAME_SEPARATORS);
    lastParts = undefined;
    lastPiecesText = text;
  }
  return lastPieces;
}

function findNameParts(text: string, pieces: readonly string[]): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (const piece of pieces) {
    const at = text.indexOf(piece, from);
    from = at + piece.length;
    // No leading \s*: quadratic on long blank runs; trim() drops it. Without a `)` there is nothing to drop.
    const name = (piece.includes(')') ? piece.replace(/\([^()]*\)\s*$/u, '') : piece).trim();
    if (!isNameLike(name)) continue;
    const start = at + piece.indexOf(name);
    out.push({ start, end: start + name.length });
  }
  return out;
}

/**
 * Two word starts in a row (the text's start, or after whitespace or a `/`) that are
 * capitals: every name-like piece begins so (a piece starts after a separator or at the
 * start, its words are split by whitespace, and no piece holds a `/`). A cheap walk that
 * rules out most prose and labels before any split.
 */
function hasCapitalPair(text: string): boolean {
  let prevCapital = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isJsSpace(c) || c === 47) { atStart = true; continue; }
    if (!atStart) continue;
    atStart = false;
    // Beyond the BMP the case is not learnt: count it as a capital (the full test decides).
    const capital = (c >= 0xd800 && c <= 0xdfff) || caseOf(c) === UPPER;
    if (capital && prevCapital) return true;
    prevCapital = capital;
  }
  return false;
}

/**
 * A whitespace-separated word that does not start with a capital and is not a whole
 * separator of NAME_SEPARATORS (`-`, `–`, `—`, `,`, `và`): its part of the line is then no
 * name (isNameLike wants a capital at every word's start, and separators only take whole
 * words or a word's final comma).
 */
function hasUncapitalizedWord(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isJsSpace(c) || (i > 0 && !isJsSpace(text.charCodeAt(i - 1)))) continue;
    let end = i + 1;
    while (end < n && !isJsSpace(text.charCodeAt(end))) end++;
    const len = end - i;
    const separator = (len === 1 && (c === 44 || c === 45 || c === 0x2013 || c === 0x2014)) || (len === 2 && c === 118 && text.charCodeAt(i + 1) === 0xe0);
    if (!separator && !(c >= 0xd800 && c <= 0xdfff) && caseOf(c) !== UPPER) return true;
    i = end - 1;
  }
  return false;
}

/** isNamesLine of a line's text, memoized on the line. */
export function isNamesShape(s: LineShape): boolean {
  return memoFact(s, FACT_NAMES_LINE, namesShape);
}

function namesShape(s: LineShape): boolean {
  return isNamesLine(s.text);
}

/**
 * A line made only of person names, possibly with their agency (`Minh Hà`, `Minh Hà - Thu
 * Trang`, `Văn Điệp (TTXVN)`, `Hoàng Thu/VOV.VN`, `VGP/Nhật Bắc`).
 */
export function isNamesLine(text: string): boolean {
  if (text.length > MAX_NAMES_LINE || !hasCapitalPair(text)) return false; // no name: nameParts finds none
  // Without agencies (`/`, brackets) every part must be a name: a word in lower case rules it out.
  if (!text.includes('/') && !text.includes('(') && hasUncapitalizedWord(text)) return false;
  const pieces = piecesOf(text);
  let count = 0; // pieces that are not blank
  for (const p of pieces) if (p.trim() !== '') count++;
  if (count === 0 || count > 4) return false;
  const names = nameParts(text).length;
  if (names === count) return true;
  // Agencies beside the names: `Hoàng Thu/VOV.VN`, `VGP/Nhật Bắc`.
  if (names === 0 || !text.includes('/')) return false;
  const parts = pieces.filter((p) => p.trim() !== '');
  return parts.every((p) => isNameLike(p.replace(/(?<!\s)\s*\([^()]*\)\s*$/u, '')) || isSourceName(p.trim()));
}

/**
 * A news agency or site credited at the start of a lede, with its dash: `VOV.VN -`,
 * `(TN&MT) -`, `(Dân trí) -`, `NDO -`, `Chinhphu.vn –`. Place datelines (`Hà Nội -`)
 * are not sources.
 */
export function findSourcePrefix(s: LineShape): Span | null {
  if (!hasDashWithin(s.text, SOURCE_DASH_REACH)) return null;
  const m = /^(\S.{0,38}?)\s?[-–—]\s/u.exec(s.text);
  if (!m) return null;
  const name = m[1];
  if (!isSourceName(name)) return null;
  return { start: s.start, end: s.start + m[0].trimEnd().length };
}

/** Last index the source prefix's dash can sit at: after 1 + 38 characters and a space. */
const SOURCE_DASH_REACH = 40;

/** A `-`, `–` or `—` at index 1..reach followed by whitespace: what findSourcePrefix's regex needs. */
function hasDashWithin(text: string, reach: number): boolean {
  const last = Math.min(reach, text.length - 2);
  for (let i = 1; i <= last; i++) {
    const c = text.charCodeAt(i);
    if ((c === 45 || c === 0x2013 || c === 0x2014) && isJsSpace(text.charCodeAt(i + 1))) return true;
  }
  return false;
}

export function isSourceName(name: string): boolean {
  if (/^\([^()]{2,30}\)$/u.test(name)) return name.split(/\s+/).length <= 4;
  if (name.split(/\s+/).length > 2) return false;
  if (/\.(?:vn|com|net|org)$/iu.test(name)) return true;
  const letters = name.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
}

/**
 * `Label: rest` or `Label rest` at the start of a line, for one of `labelKeys` (labels
 * already through normalizedKey): the span of the rest. With `colon`, the label must be
 * followed by a colon. Labels are matched on whole words.
 */
export function afterLabel(s: LineShape, labelKeys: readonly string[], colon: boolean): Span | null {
  for (const k of labelKeys) {
    if (!s.keyHead(k.length).startsWith(k)) continue;
    // The key is the trimmed text lowercased: same length and offsets unless the text
    // has runs of spaces, so re-find the label end in the text itself.
    const cut = labelEnd(s.text, k);
    if (cut < 0) continue;
    const tail = s.text.slice(cut);
    const m = colon ? /^\s*:\s*/u.exec(tail) : /^\s*:?\s*/u.exec(tail);
    if (!m || (!colon && m[0] === '' && tail !== '')) continue;
    const restStart = cut + m[0].length;
    if (restStart >= s.text.length) continue;
    return { start: s.start + restStart, end: s.end };
  }
  return null;
}

/** Index in `text` just past the words of `key` (a normalized key), or -1. */
function labelEnd(text: string, key: string): number {
  const words = key.split(' ');
  let i = 0;
  for (const w of words) {
    while (i < text.length && /\s/.test(text[i])) i++;
    const piece = normalizedKey(text.slice(i, i + w.length));
    if (piece !== w) return -1;
    i += w.length;
  }
  const next = text[i];
  return next === undefined || !/[\p{L}\d]/u.test(next) ? i : -1;
}
