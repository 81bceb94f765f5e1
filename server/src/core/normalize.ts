/**
 * The analysis view of an article and the normalized key used for matching.
 *
 * Detectors read a *view* of the stored text: NFC, one tone-mark placement, no-break
 * spaces and the BOM turned into plain spaces. Every view character knows the stored
 * character it came from, so spans found in the view map back to exact offsets in the
 * file as stored (guide §1). The view differs in length from the stored text only when
 * the stored text is not NFC.
 *
 * Speed: almost every article is precomposed Vietnamese, which NFC leaves as it is. One
 * char-code scan over a small table proves that (every character lies in ranges NFC never
 * changes and that never compose with a neighbour) and makes the view's few edits (spaces,
 * tone moves) on the way; anything else takes the general path.
 */

/** Combining marks that NFC may fold into the preceding letter. */
function isCombining(c: number): boolean {
  return c >= 0x0300 && (c <= 0x036f || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff));
}

/**
 * Old/new tone placement pairs (guide §1: `uỷ`/`ủy`, `hoà`/`hòa`, `khoá`/`khóa`). In an open
 * syllable `oa`, `oe`, `uy` the tone may sit on either vowel; we move it to the first
 * vowel. Keys are the two-letter nucleus with the tone on the second vowel.
 */
const TONE_MOVES: ReadonlyMap<string, string> = buildToneMoves();

function buildToneMoves(): Map<string, string> {
  const tones = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const pairs: Array<[string, string]> = [['o', 'a'], ['o', 'e'], ['u', 'y'], ['O', 'A'], ['O', 'E'], ['U', 'Y'], ['O', 'a'], ['O', 'e'], ['U', 'y']];
  const map = new Map<string, string>();
  for (const [first, second] of pairs) {
    for (const t of tones) {
      const from = (first + second + t).normalize('NFC');
      const to = (first + t + second).normalize('NFC');
      map.set(from, to);
    }
  }
  return map;
}

/** The second vowels a tone may sit on in the old placement (`hoà`, `khoẻ`, `uỷ`). */
const TONED_SECOND_VOWELS = 'àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ';

/**
 * UTF-16 units NFC leaves unchanged in any context: a character of these ranges is its
 * own NFC form, has canonical combining class 0 and is never the second half of a
 * composition (Unicode's NFC_Quick_Check=Maybe characters all lie outside them). A text
 * made only of them is its own NFC form. The table ends at the last range; the BOM is
 * tested on its own.
 */
const NFC_STABLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x02ff], // ASCII, Latin-1, Latin Extended-A/B (ă, đ, ơ, ư), IPA, spacing modifiers
  [0x1e00, 0x1eff], // Latin Extended Additional: precomposed Vietnamese (ạ, ế, ự, …)
  [0x2007, 0x2007], // figure space (turned into a space)
  [0x2010, 0x2027], // dashes, quotes, bullets, ellipsis
  [0x202f, 0x205e], // narrow no-break space (turned into a space), per mille, primes, …
  [0x20a0, 0x20c0], // currency signs (₫, €)
];

/** Kinds of unit in the fast scan's table. */
const OTHER = 0; // anything else: the general NFC path decides
const PLAIN = 1; // copied as it is
const SPACE = 2; // no-break and figure spaces, the BOM: a plain space in the view
const TONED = 3; // a second vowel that may carry an old-style tone (`hoà`)
/** Flag or-ed into a kind other than OTHER: the unit is a letter (\p{L}), for the closed-syllable test. */
const LETTER = 4;

const UNIT_KINDS: Uint8Array = buildUnitKinds();

function buildUnitKinds(): Uint8Array {
  const kinds = new Uint8Array(NFC_STABLE_RANGES[NFC_STABLE_RANGES.length - 1][1] + 1);
  const letter = /\p{L}/u;
  for (const [from, to] of NFC_STABLE_RANGES) {
    for (let c = from; c <= to; c++) kinds[c] = PLAIN | (letter.test(String.fromCharCode(c)) ? LETTER : 0);
  }
  for (const c of [0x00a0, 0x2007, 0x202f]) kinds[c] = SPACE;
  for (let k = 0; k < TONED_SECOND_VOWELS.length; k++) kinds[TONED_SECOND_VOWELS.charCodeAt(k)] = TONED | LETTER;
  return kinds;
}

/** Kind of a UTF-16 unit (without the LETTER flag). */
function unitKind(c: number): number {
  if (c < UNIT_KINDS.length) return UNIT_KINDS[c] & 3;
  return c === 0xfeff ? SPACE : OTHER;
}

const LETTER_RE = /\p{L}/u;

/** Whether a UTF-16 unit (NaN past either end) is a letter on its own; a lone surrogate is not. */
function isLetterUnit(c: number): boolean {
  const kind = c < UNIT_KINDS.length ? UNIT_KINDS[c] : OTHER;
  if (kind !== OTHER) return (kind & LETTER) !== 0;
  return c === c && LETTER_RE.test(String.fromCharCode(c));
}

/**
 * The tone move of the two units ending at i (`oà` → `òa`), or undefined: the old
 * placement is only rewritten in an open syllable (`hoà`, not `hoàng`, `toán`) and never
 * after `qu` (`quý`, where u belongs to the consonant).
 */
function toneMoveAt(s: string, i: number): string | undefined {
  const first = s.charCodeAt(i - 1);
  if (first !== 0x6f && first !== 0x4f && first !== 0x75 && first !== 0x55) return undefined; // o O u U
  if (isLetterUnit(s.charCodeAt(i + 1))) return undefined;
  if ((first === 0x75 || first === 0x55) && (s.charCodeAt(i - 2) | 0x20) === 0x71) return undefined; // qu, Qu, QU, qU
  return TONE_MOVES.get(s.slice(i - 1, i + 1));
}

/** Move old-style tone marks in place; length-preserving (each move swaps two precomposed letters). */
export function unifyTones(s: string): string {
  let parts: string[] | undefined;
  let copied = 0; // s[0, copied) is in parts
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xc0 || unitKind(c) !== TONED) continue;
    const moved = toneMoveAt(s, i);
    if (moved === undefined) continue;
    (parts ??= []).push(s.slice(copied, i - 1), moved);
    copied = i + 1;
  }
  return parts === undefined ? s : joined(parts, s.slice(copied));
}

export interface TextView {
  /** The stored text. */
  readonly raw: string;
  /** NFC, tone-unified, NBSP/BOM → space. Same length as raw unless raw was not NFC. */
  readonly text: string;
  /**
   * True when a view index is the stored UTF-16 index and also the stored code-point
   * offset (the text has no surrogate pairs): toRaw/toView are the identity.
   */
  readonly plain: boolean;
  /** Stored UTF-16 index for a view UTF-16 index (also valid for text.length). */
  toRaw(viewIndex: number): number;
  /** View UTF-16 index for a stored UTF-16 index (the view char that contains it). */
  toView(rawIndex: number): number;
}

const SPACE_LIKE = /[\u00a0\ufeff\u2007\u202f]/g;

/** A view with the stored text's offsets (the text was NFC already). */
class SameOffsetsView implements TextView {
  constructor(
    readonly raw: string,
    readonly text: string,
    readonly plain: boolean,
  ) {}

  toRaw(viewIndex: number): number {
    return viewIndex;
  }

  toView(rawIndex: number): number {
    return rawIndex;
  }
}

/** Build the analysis view of a stored text. */
export function createTextView(raw: string): TextView {
  const plain = plainViewText(raw);
  if (plain !== undefined) return new SameOffsetsView(raw, plain, true);
  // Decomposed Vietnamese: the clusters composed one by one are the whole text's NFC, so
  // the whole text need not be normalized again just to compare lengths.
  const composed = composeClusters(raw, true);
  if (composed !== undefined) return composed.text.length === raw.length ? new SameOffsetsView(raw, viewText(composed.text), false) : mappedView(raw, composed);
  const nfc = raw.normalize('NFC');
  if (nfc.length === raw.length) return new SameOffsetsView(raw, viewText(nfc), false);
  return mappedView(raw, composeClusters(raw, false)!);
}

/** The view text of an NFC text: spaces replaced, tones moved. */
function viewText(nfc: string): string {
  const spaced = nfc.replace(SPACE_LIKE, ' ');
  return HIGH_SURROGATE.test(spaced) ? unifyTones(spaced) : moveOldTones(spaced);
}

const HIGH_SURROGATE = /[\ud800-\udbff]/;

/**
 * The view text of a text made only of NFC-stable units (see NFC_STABLE_RANGES), with
 * spaces replaced and tones moved as createTextView's general path does; or undefined when
 * some unit needs that path. Regex scans and indexOf find the edits (V8 runs them several
 * times faster than a char-code loop, and they stop only where there is something to do),
 * and one join applies both kinds: no space sits on either side of a tone move, so the
 * stored text shows the same moves as the spaced one.
 */
function plainViewText(raw: string): string | undefined {
  const spaces = spacesToReplace(raw);
  if (spaces === undefined) return undefined;
  const { at, to } = oldToneMoves(raw) ?? NO_MOVES;
  if (spaces.length === 0 && at.length === 0) return raw;
  const parts: string[] = [];
  let copied = 0; // raw[0, copied) is in parts
  let a = 0;
  let b = 0;
  while (a < spaces.length || b < at.length) {
    if (b === at.length || (a < spaces.length && spaces[a] < at[b])) {
      parts.push(raw.slice(copied, spaces[a]), ' ');
      copied = spaces[a++] + 1;
    } else {
      parts.push(raw.slice(copied, at[b]), to[b]);
      copied = at[b++] + 2;
    }
  }
  return joined(parts, raw.slice(copied));
}

/**
 * Ascending indexes of the units that become a plain space, or undefined when some unit is
 * not NFC-stable. The no-break space, the only common one, is left out of the regex (a
 * short class scans fastest) and found by indexOf, which V8 runs as a vector search.
 */
function spacesToReplace(raw: string): number[] | undefined {
  let rare: number[] | undefined;
  // Past the end when every unit is common: the search loop then has nothing to find.
  NOT_COMMON.lastIndex = ALL_COMMON.test(raw) ? raw.length : 0;
  while (NOT_COMMON.test(raw)) {
    const i = NOT_COMMON.lastIndex - 1;
    const kind = unitKind(raw.charCodeAt(i));
    if (kind === OTHER) return undefined;
    if (kind === SPACE) (rare ??= []).push(i);
  }
  const spaces: number[] = [];
  for (let i = raw.indexOf('\u00a0'); i >= 0; i = raw.indexOf('\u00a0', i + 1)) spaces.push(i);
  if (rare === undefined) return spaces;
  return spaces.length === 0 ? rare : spaces.concat(rare).sort((x, y) => x - y);
}

/**
 * The parts joined into one flat string. Not `a + b`: that builds a rope, and every
 * charCodeAt the detectors make on a rope goes through a slow path.
 */
function joined(parts: string[], last: string): string {
  parts.push(last);
  return parts.join('');
}

/**
 * Units outside the common NFC-stable ranges: every unit that is not PLAIN, except the
 * no-break space (U+00A0), and a few rare PLAIN ones (‰, ₫, …) that unitKind sorts out.
 */
const NOT_COMMON = /[^\u0000-\u02ff\u1e00-\u1eff\u2010-\u2027]/g;

/**
 * A text made only of common units (no NOT_COMMON unit), proved by one greedy match: V8
 * runs it ~30% faster than a search for NOT_COMMON that finds nothing (measured on the
 * bench articles), and it needs no backtracking memory (a loop over one class).
 */
const ALL_COMMON = /^[\u0000-\u02ff\u1e00-\u1eff\u2010-\u2027]*$/;

/**
 * An old tone placement to move: unifyTones' rules (open syllable, not after `qu`) as one
 * regex. For texts without surrogate pairs only: `u` mode reads a pair as one character
 * in the lookahead, where unifyTones reads one unit.
 */
const OLD_TONE = /(?:[oO]|(?<![qQ])[uU])[àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?!\p{L})/gu;

const NO_MOVES: { at: readonly number[]; to: readonly string[] } = { at: [], to: [] };

/** Where unifyTones would move a tone in a text without surrogate pairs (pair starts, ascending), and to what. */
function oldToneMoves(s: string): { at: number[]; to: string[] } | undefined {
  let moves: { at: number[]; to: string[] } | undefined;
  OLD_TONE.lastIndex = 0;
  while (OLD_TONE.test(s)) {
    const i = OLD_TONE.lastIndex - 2;
    const moved = TONE_MOVES.get(s.slice(i, i + 2));
    if (moved === undefined) continue;
    moves ??= { at: [], to: [] };
    moves.at.push(i);
    moves.to.push(moved);
  }
  return moves;
}

/** unifyTones for a text without surrogate pairs. */
function moveOldTones(s: string): string {
  const moves = oldToneMoves(s);
  if (moves === undefined) return s;
  const parts: string[] = [];
  let copied = 0; // s[0, copied) is in parts
  for (let k = 0; k < moves.at.length; k++) {
    parts.push(s.slice(copied, moves.at[k]), moves.to[k]);
    copied = moves.at[k] + 2;
  }
  return joined(parts, s.slice(copied));
}

/** A text composed cluster by cluster, and the maps between its units and the stored ones. */
interface Composed {
  /** Concatenated NFC of the clusters (before spaces and tones). */
  text: string;
  /** Stored index of each text unit's cluster; then raw.length. */
  viewToRaw: Int32Array;
  /** Text index of each stored unit's cluster; then text.length. */
  rawToView: Int32Array;
}

/**
 * Compose per base+marks cluster (the way createTextView always has for non-NFC input).
 * With `onlyIfWhole`, give up (undefined) unless every cluster after the first starts with
 * an NFC-stable unit: such a unit is a normalization boundary (canonical combining class
 * 0, never composed with what precedes it), so the clusters' NFC then is the whole text's.
 */
function composeClusters(raw: string, onlyIfWhole: boolean): Composed | undefined {
  const n = raw.length;
  const rawToView = new Int32Array(n + 1);
  let viewToRaw: Int32Array = new Int32Array(n + 1);
  let units = unitBuffer(n);
  let surrogates = false; // some unit of units is a surrogate (never one copied as it is: those are NFC-stable)
  let v = 0; // view index of raw[i]
  let i = 0;
  // Units past the end read as 0 (not NaN, which would make every comparison a float one).
  let c = n > 0 ? raw.charCodeAt(0) : 0;
  while (i < n) {
    const next = i + 1 < n ? raw.charCodeAt(i + 1) : 0;
    const stable = c < UNIT_KINDS.length ? UNIT_KINDS[c] !== OTHER : c === 0xfeff;
    if (stable && !isCombining(next)) {
      // A lone NFC-stable unit is its own NFC form.
      units[v] = c;
      rawToView[i] = v;
      viewToRaw[v++] = i++;
      c = next;
      continue;
    }
    if (!stable && onlyIfWhole && i > 0) return undefined;
    let j = i + 1;
    if (c >= 0xd800 && c <= 0xdbff && j < n) j++;
    while (j < n && isCombining(raw.charCodeAt(j))) j++;
    const cluster = clusterNfc(raw, i, j);
    const len = cluster.length;
    // Room for this cluster and every later unit copied as it is.
    if (v + len + (n - j) >= viewToRaw.length) {
      viewToRaw = grown(viewToRaw, v + len + (n - j) + 1);
      units = unitBuffer(viewToRaw.length);
    }
    for (let k = 0; k < len; k++) {
      const u = cluster.charCodeAt(k);
      if (u >= 0xd800 && u <= 0xdfff) surrogates = true;
      units[v + k] = u;
      viewToRaw[v + k] = i;
    }
    for (let r = i; r < j; r++) rawToView[r] = v;
    v += len;
    i = j;
    c = j < n ? raw.charCodeAt(j) : 0;
  }
  viewToRaw[v] = n;
  rawToView[n] = v;
  return { text: unitsToString(units, v, surrogates), viewToRaw: viewToRaw.subarray(0, v + 1), rawToView };
}

function grown(a: Int32Array, min: number): Int32Array {
  const b = new Int32Array(Math.max(min, 2 * a.length));
  b.set(a);
  return b;
}

/**
 * A buffer of at least `min` code units that keeps its content when it grows, reused by
 * every call (its content is turned into a string before the call returns).
 */
function unitBuffer(min: number): Uint16Array {
  if (UNITS.length < min) {
    const larger = new Uint16Array(Math.max(min, 2 * UNITS.length));
    larger.set(UNITS);
    UNITS = larger;
  }
  return UNITS;
}

let UNITS = new Uint16Array(1 << 14);

/**
 * String of units[0, length). A UTF-16 decoder copies them several times faster than
 * String.fromCharCode, but it would turn a lone surrogate into U+FFFD: a text with a
 * surrogate (or a big-endian machine) takes fromCharCode, in chunks (apply takes a bounded
 * argument count). ignoreBOM keeps a leading U+FEFF, which the decoder drops by default.
 */
function unitsToString(units: Uint16Array, length: number, surrogates: boolean): string {
  if (!surrogates && LITTLE_ENDIAN) return UTF16.decode(units.subarray(0, length));
  const CHUNK = 8192;
  if (length <= CHUNK) return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
  const parts: string[] = [];
  for (let k = 0; k < length; k += CHUNK) parts.push(String.fromCharCode.apply(null, units.subarray(k, Math.min(length, k + CHUNK)) as unknown as number[]));
  return parts.join('');
}

const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The view of a text whose NFC differs in length: offsets go through the cluster maps. */
function mappedView(raw: string, composed: Composed): TextView {
  const { viewToRaw, rawToView } = composed;
  const viewLen = composed.text.length;
  return {
    raw,
    text: viewText(composed.text),
    plain: false,
    // An end offset maps to the end of the raw cluster, so a span never cuts a mark off its letter.
    toRaw: (v) => (v >= viewLen ? raw.length : viewToRaw[v]),
    toView: (r) => rawToView[Math.max(0, Math.min(r, raw.length))],
  };
}

/**
 * NFC of raw[i, j), a base and its marks. Decomposed Vietnamese repeats a few hundred
 * clusters of two or three units (an ASCII vowel and one or two marks of U+0300–U+037F),
 * so those are remembered by their code units (a pure function's results, shared by all
 * texts, in tables of bounded size).
 */
function clusterNfc(raw: string, i: number, j: number): string {
  const n = j - i;
  const base = raw.charCodeAt(i);
  const m1 = raw.charCodeAt(i + 1) - 0x300;
  const m2 = n === 3 ? raw.charCodeAt(i + 2) - 0x300 : 0;
  if ((n !== 2 && n !== 3) || base >= 0x80 || m1 >>> 7 !== 0 || m2 >>> 7 !== 0) return raw.slice(i, j).normalize('NFC');
  const pair = (base << 7) | m1;
  if (n === 2) return (CLUSTER2[pair] ??= raw.slice(i, j).normalize('NFC'));
  const row = (CLUSTER3[pair] ??= new Array<string | undefined>(128).fill(undefined));
  return (row[m2] ??= raw.slice(i, j).normalize('NFC'));
}

/**
 * Remembered NFC of two-unit clusters by (base, mark), and of three-unit ones by (base,
 * first mark) then second mark: at most 2^14 strings and 2^14 rows of 128.
 */
const CLUSTER2: Array<string | undefined> = new Array<string | undefined>(1 << 14).fill(undefined);
const CLUSTER3: Array<Array<string | undefined> | undefined> = new Array<Array<string | undefined> | undefined>(1 << 14).fill(undefined);

/** The key of a text keyScan found plain (lowercase it, after moving old tones if it said so), else undefined. */
function plainKey(s: string, scan: number): string | undefined {
  if (scan === PLAIN_KEY) return s.toLowerCase();
  if (scan === PLAIN_KEY_MOVED) return unifyTones(s).toLowerCase();
  return undefined;
}

/**
 * The key that linking and matching compare (guide §1): NFC, tones unified, case-folded,
 * no-break spaces and runs of whitespace collapsed to one space, trimmed.
 */
export function normalizedKey(s: string): string {
  const scan = keyScan(s);
  const plain = plainKey(s, scan);
  if (plain !== undefined) return plain;
  if (scan === STABLE_KEY) {
    // Most such texts only have whitespace around them (a line's words before a stamp:
    // `Cập nhật: `). The key drops it, and it neither moves a tone (a space and the text's
    // end are both no letter) nor changes a lowercase: the trimmed text's key is the key.
    const trimmed = s.trim();
    if (trimmed.length < s.length) {
      const inner = plainKey(trimmed, keyScan(trimmed));
      if (inner !== undefined) return inner;
    }
  }
  // NFC leaves a text of NFC-stable units as it is: only the spaces need work then.
  const nfc = scan === STABLE_KEY ? s : s.normalize('NFC');
  return unifyTones(nfc).toLowerCase().replace(SPACE_RUNS, ' ').trim();
}

const PLAIN_KEY = 1;
const PLAIN_KEY_MOVED = 2;
const STABLE_KEY = 3;
const SPACE_RUNS = /[\s\u00a0\ufeff]+/g;

/**
 * Whether normalizedKey(s) is just s lowercased: NFC-stable units only, single ASCII
 * spaces between words; PLAIN_KEY_MOVED when tones must be moved first; STABLE_KEY for
 * other NFC-stable texts (spaces to collapse or trim); 0 otherwise.
 */
function keyScan(s: string): number {
  let result = PLAIN_KEY;
  const last = s.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c > 0x20) continue;
      if (c !== 0x20 || i === 0 || i === last || s.charCodeAt(i - 1) === 0x20) result = STABLE_KEY;
      continue;
    }
    const kind = unitKind(c);
    if (kind === PLAIN) continue;
    if (kind === OTHER) return 0;
    if (kind === SPACE) result = STABLE_KEY;
    else if (result === PLAIN_KEY && toneMoveAt(s, i) !== undefined) result = PLAIN_KEY_MOVED;
  }
  return result;
}

/**
 * normalizedKey, remembered: the same few thousand names and titles recur in every article
 * (linking keys each mention) and every re-analysis of an edited one (the corpus index keys
 * each entity). Pure, so a hit is the same string; the memo is emptied when it grows large,
 * and long strings are not kept.
 */
export function rememberedKey(s: string): string {
  let k = KEY_MEMO.get(s);
  if (k === undefined) {
    k = normalizedKey(s);
    if (KEY_MEMO.size >= KEY_MEMO_MAX) KEY_MEMO.clear();
    if (s.length <= 200) KEY_MEMO.set(detached(s), detached(k));
  }
  return k;
}

/**
 * A copy of s that keeps nothing else alive. A slice of an article's text (a name, a
 * title) is a view into the whole text: kept as a memo key, it would keep every article
 * it came from in memory, and each lookup would compare against that cold text.
 */
function detached(s: string): string {
  return (' ' + s).slice(1); // flattening the concatenation copies s into a string of its own
}

const KEY_MEMO = new Map<string, string>();
const KEY_MEMO_MAX = 50_000;

/** A JavaScript `\s` character: the whitespace of `\s`, String.prototype.trim and split(/\s+/). */
export function isJsSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The key without diacritics (`nguyen quang duong`), for search as you type. */
export function foldDiacritics(s: string): string {
  return normalizedKey(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
}
