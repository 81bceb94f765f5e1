/**
 * Syllable tokens with code-point offsets: the unit of BIO export (guide §1).
 *
 * Vietnamese writes one syllable per whitespace-separated unit, so tokens are the
 * non-space runs of the text, with punctuation split off — except for units that are one
 * thing in the genre and must stay whole: document symbols (`18-NQ/TW`, `1234/QĐ-TTg`),
 * dates and times (`22/09/2020`, `11:02`), decimals (`10.950`, `1,5`), abbreviations
 * (`TN&MT`, `VOV.VN`, `TP.HCM`, `PGS.TS.`), e-mail addresses, URLs and host names.
 * Whitespace is every Unicode space (no-break spaces and the BOM included), so no token
 * ever contains one. One linear pass; no regular expression runs over the whole text.
 */
import { DOMAIN_SUFFIXES, PERIOD_ABBREVIATIONS } from './data/tokenAbbreviations';
import { CodePointIndex } from './offsets';

export interface Token {
  /** The token exactly as stored. */
  text: string;
  /** Code-point offset of the first character. */
  start: number;
  /** Code-point offset just past the last character. */
  end: number;
  /** Whitespace follows immediately (Prodigy's `ws`). */
  spaceAfter: boolean;
  /** The whitespace that follows contains a line break (a sentence and paragraph end). */
  lineBreakAfter: boolean;
}

export interface TokenizeOptions {
  /**
   * Code-point offsets where a token must end/start (entity boundaries): a token that
   * straddles one is cut there, so every labeled span is a whole number of tokens.
   */
  boundaries?: Iterable<number>;
}

/** Characters inside a unit that join two word parts under the rules of `joins`. */
const CONNECTORS = new Set(['.', ',', ':', '/', '-', '\u2010', '\u2011', '&', '_', "'", '\u2019']);
/** Punctuation that may trail a URL or e-mail in prose and is not part of it. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '"', "'", '»', '\u201d', '\u2019', '…']);

export function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0x85
  );
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85 || c === 11 || c === 12;
}

/** isSpace (bit 1) and isLineBreak (bit 2) of every UTF-16 unit, for the tokenizer's scanning loops. */
const SPACE_BIT = 1;
const BREAK_BIT = 2;
/** `.`, `@` or `:` (bit 4): without one, a chunk holds no URL, e-mail or host name. */
const MARK_BIT = 4;
const CHAR_CLASS = ((): Uint8Array => {
  const t = new Uint8Array(0x10000);
  const set = (c: number) => {
    t[c] = (isSpace(c) ? SPACE_BIT : 0) | (isLineBreak(c) ? BREAK_BIT : 0);
  };
  for (let c = 0; c <= 0x20; c++) set(c);
  for (const c of [0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) set(c);
  for (let c = 0x2000; c <= 0x200b; c++) set(c);
  t[46] = t[64] = t[58] = MARK_BIT;
  return t;
})();

const WORD = /[\p{L}\p{M}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const DIGIT = /\p{Nd}/u;

/** One character (a whole surrogate pair) at UTF-16 index i. */
function charAt(s: string, i: number): string {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return s[i];
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? s.slice(i, i + 2) : s[i]; // a lone surrogate is one unit
}

/** Letters, marks and digits; a table lookup for ASCII and the Vietnamese Latin ranges, the regex elsewhere. */
function isWord(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && wordLengthAt(ch, 0) > 0;
}

/** UTF-16 length of the word character at i (1 or 2), 0 when it is not one. No allocation for BMP text. */
function wordLengthAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x300 && c <= 0x36f) || (c >= 0x1ea0 && c <= 0x1ef9)) return 1;
  if (c >= 0xd800 && c <= 0xdbff) {
    const pair = charAt(s, i);
    return pair.length === 2 && WORD.test(pair) ? 2 : 0;
  }
  if (c >= 0xdc00 && c <= 0xdfff) return 0;
  return WORD.test(s[i]) ? 1 : 0;
}

/** Tokenize a text. Never throws; an empty or all-space text gives no tokens. */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = [];
  const cps = new CodePointIndex(text);
  const parts: number[] = []; // [start, end) UTF-16 pairs of one chunk, reused for every chunk
  let i = 0;
  while (i < text.length) {
    while (i < text.length && CHAR_CLASS[text.charCodeAt(i)] & SPACE_BIT) i++;
    if (i >= text.length) break;
    let j = i;
    let marks = 0;
    for (let f: number; j < text.length && !((f = CHAR_CLASS[text.charCodeAt(j)]) & SPACE_BIT); j++) marks |= f;
    let k = j;
    let lineBreak = false;
    for (let f: number; k < text.length && (f = CHAR_CLASS[text.charCodeAt(k)]) & SPACE_BIT; k++) if (f & BREAK_BIT) lineBreak = true;
    // Pieces of this chunk are appended after the previous chunks' (emptying the array on
    // every chunk is a runtime call per syllable); it is emptied once in a while instead.
    if (parts.length > 4096) parts.length = 0;
    const first = parts.length;
    if (marks & MARK_BIT) splitChunk(text, i, j, parts);
    else scanUnits(text, i, j, parts); // a plain syllable, the common case: no URL, e-mail or host name can be there
    for (let n = first; n < parts.length; n += 2) {
      const last = n === parts.length - 2;
      const s = parts[n];
      const e = parts[n + 1];
      tokens.push({ text: text.slice(s, e), start: cps.toCodePoint(s), end: cps.toCodePoint(e), spaceAfter: last && j < text.length, lineBreakAfter: last && lineBreak });
    }
    i = j;
  }
  return options.boundaries ? cutAtBoundaries(tokens, options.boundaries) : tokens;
}

/** Split one whitespace-free chunk [a, b) into token ranges (UTF-16 start/end pairs appended to `out`). */
function splitChunk(s: string, a: number, b: number, out: number[]): void {
  for (;;) {
    const whole = findWholeUnit(s, a, b);
    if (!whole) return scanUnits(s, a, b, out);
    scanUnits(s, a, whole[0], out);
    out.push(whole[0], whole[1]);
    a = whole[1];
  }
}

/** Does s[a, b) hold `.`, `@` or `:` (without which no URL, e-mail or host name can be there)? */
function hasUnitMark(s: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const c = s.charCodeAt(k);
    if (c === 46 || c === 64 || c === 58) return true;
  }
  return false;
}

/** A URL, e-mail address or host name inside the chunk, kept as one token. */
function findWholeUnit(s: string, a: number, b: number): [number, number] | undefined {
  if (a >= b || !hasUnitMark(s, a, b)) return undefined; // a plain syllable: the common case, no copy made
  const chunk = s.slice(a, b);
  const lower = chunk.toLowerCase();
  let start = -1;
  const scheme = lower.search(/[a-z][a-z0-9+.-]{0,15}:\/\/[^/]/);
  if (scheme >= 0) start = scheme;
  else if (lower.indexOf('www.') >= 0 && !isWord(chunk[lower.indexOf('www.') - 1])) start = lower.indexOf('www.');
  if (start >= 0) return [a + start, a + trimTrailing(chunk, start)];
  const at = chunk.indexOf('@');
  if (at > 0) {
    let l = at;
    while (l > 0 && /[\p{L}\p{N}._%+-]/u.test(chunk[l - 1])) l--;
    const end = trimTrailing(chunk, at + 1);
    const domain = chunk.slice(at + 1, end);
    if (l < at && /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u.test(domain)) return [a + l, a + end];
  }
  return findHostName(s, a, b);
}

/** `baochinhphu.vn`, `VOV.VN`: dotted ASCII labels ending in a known top-level domain. */
function findHostName(s: string, a: number, b: number): [number, number] | undefined {
  let l = a;
  while (l < b && !/[A-Za-z0-9]/.test(s[l])) l++;
  const end = a + trimTrailing(s.slice(a, b), l - a);
  const host = s.slice(l, end);
  const m = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.([A-Za-z]{2,6})$/.exec(host);
  if (!m || !DOMAIN_SUFFIXES.has(m[1].toLowerCase())) return undefined;
  return [l, end];
}

/** End index (in chunk) after dropping trailing prose punctuation. */
function trimTrailing(chunk: string, from: number): number {
  let e = chunk.length;
  while (e > from && TRAILING.has(chunk[e - 1])) e--;
  return e;
}

/** General rule: word units with their allowed connectors; every other mark on its own. */
function scanUnits(s: string, a: number, b: number, out: number[]): void {
  let i = a;
  while (i < b) {
    let j: number;
    if (wordLengthAt(s, i) > 0) {
      j = scanWord(s, i, b);
      if (j < b && s.charCodeAt(j) === 46 /* . */ && PERIOD_ABBREVIATIONS.has(s.slice(i, j))) j++;
    } else {
      const c = s.charCodeAt(i);
      j = i + (c >= 0xd800 && c <= 0xdbff ? charAt(s, i).length : 1);
      // `...`, `--`, `!!`, `??`
      if (c === 46 || c === 45 || c === 33 || c === 63) while (j < b && s.charCodeAt(j) === c) j++;
      while (j < b && isJoiner(s, j)) j += charAt(s, j).length; // emoji modifiers and ZWJ sequences
    }
    out.push(i, j);
    i = j;
  }
}

/** Variation selectors, combining marks, ZWJ (+ the next char) and skin tones stay with the symbol before them. */
function isJoiner(s: string, j: number): boolean {
  const c = s.codePointAt(j) ?? 0;
  return c === 0x200d || c === 0xfe0f || c === 0xfe0e || (c >= 0x1f3fb && c <= 0x1f3ff) || (s.codePointAt(j - 1) === 0x200d && c > 0xff);
}

function scanWord(s: string, i: number, b: number): number {
  let segStart = i;
  let j = i;
  for (;;) {
    for (let n = j < b ? wordLengthAt(s, j) : 0; n > 0; n = j < b ? wordLengthAt(s, j) : 0) j += n;
    const conn = s[j];
    if (j + 1 < b && CONNECTORS.has(conn) && wordLengthAt(s, j + 1) > 0 && joins(conn, s.slice(segStart, j), s, j + 1, b)) {
      j++;
      segStart = j;
      continue;
    }
    return j;
  }
}

/** Does connector `c` join the word part `left` to the part starting at r? */
function joins(c: string, left: string, s: string, r: number, b: number): boolean {
  const right = charAt(s, r);
  const leftDigit = DIGIT.test(left[left.length - 1]);
  const rightDigit = DIGIT.test(right);
  switch (c) {
    case '.':
      if (leftDigit && rightDigit) return true; // 10.950, 22.09.2020
      if (PERIOD_ABBREVIATIONS.has(left)) return true; // Q.1, TP.HCM, PGS.TS
      if (!UPPER.test(right)) return left.length === 1 && rightPartLength(s, r, b) === 1; // v.v
      return isAllUpper(left) || (left.length <= 2 && UPPER.test(left[0])); // VOV.VN, Th.S
    case ',':
      return leftDigit && rightDigit; // 1,5 (decimal comma)
    case ':':
      return leftDigit && rightDigit; // 11:02
    case '&':
      return !leftDigit && !rightDigit; // TN&MT
    default:
      return true; // / - ‐ ‑ _ ' ’ : 18-NQ/TW, 1234/QĐ-TTg, Bà Rịa-Vũng Tàu, COVID-19
  }
}

function rightPartLength(s: string, r: number, b: number): number {
  let n = 0;
  while (r + n < b && wordLengthAt(s, r + n) > 0) n++;
  return n;
}

function isAllUpper(s: string): boolean {
  let upper = 0;
  for (const ch of s) {
    if (UPPER.test(ch)) upper++;
    else if (!DIGIT.test(ch)) return false;
  }
  return upper > 0;
}

/** Does any token straddle a cut (ascending)? Usually none does: then the tokens stand as they are. */
function straddles(tokens: readonly Token[], cuts: readonly number[]): boolean {
  let c = 0;
  for (const t of tokens) {
    while (c < cuts.length && cuts[c] <= t.start) c++;
    if (c >= cuts.length) return false;
    if (cuts[c] < t.end) return true;
  }
  return false;
}

/** Cut tokens that straddle a required boundary; the pieces keep exact offsets. */
function cutAtBoundaries(tokens: Token[], boundaries: Iterable<number>): Token[] {
  const cuts = [...new Set(boundaries)].sort((x, y) => x - y);
  if (cuts.length === 0 || !straddles(tokens, cuts)) return tokens;
  const out: Token[] = [];
  let c = 0;
  for (const t of tokens) {
    while (c < cuts.length && cuts[c] <= t.start) c++;
    if (c >= cuts.length || cuts[c] >= t.end) {
      out.push(t);
      continue;
    }
    const cps = [...t.text];
    let from = t.start;
    for (let k = c; k < cuts.length && cuts[k] < t.end; k++) {
      out.push({ text: cps.slice(from - t.start, cuts[k] - t.start).join(''), start: from, end: cuts[k], spaceAfter: false, lineBreakAfter: false });
      from = cuts[k];
    }
    out.push({ ...t, text: cps.slice(from - t.start).join(''), start: from });
  }
  return out;
}
