/**
 * Word segmentation in the VnCoreNLP/PhoBERT convention: the syllables of one word are
 * joined with `_` (`Ban Tổ_chức Trung_ương`, `Quảng_Ninh`), which PhoBERT-based taggers
 * expect. Forward maximum matching over a Vietnamese word list: at each syllable take the
 * longest dictionary word that starts there (up to `maxSyllables`), else the syllable alone.
 *
 * The dictionary is injected (the core does no I/O): the command line and the extension
 * read Viet74K from the npm package `@vntk/dictionary` and pass its lines to
 * `createWordDictionary`. Lookups compare the normalized key (NFC, unified tone marks,
 * lowercase), so `Uỷ ban` finds `ủy ban`.
 *
 * Two rules keep labels exact: a word never crosses a labeled span's boundary, and a PER
 * or LOC span made of capitalised syllables is one word (`Nguyễn_Quang_Dương`), as
 * VnCoreNLP segments proper names.
 */
import { normalizedKey } from './normalize';
import type { Token } from './tokenize';
import type { EntityLabel, Span } from './types';

export interface WordDictionary {
  has(key: string): boolean;
  readonly maxSyllables: number;
  readonly size: number;
}

/** Build a dictionary from word-list lines (one word per line; single syllables are skipped). */
export function createWordDictionary(lines: Iterable<string>, maxSyllables = 4): WordDictionary {
  const words = new Set<string>();
  for (const line of lines) {
    const key = normalizedKey(line);
    const n = key ? key.split(' ').length : 0;
    if (n >= 2 && n <= maxSyllables) words.add(key);
  }
  return { has: (k) => words.has(k), maxSyllables, size: words.size };
}

export interface LabeledSpan extends Span {
  label: EntityLabel | string;
}

export interface SegmentOptions {
  /** Primary-layer spans: words never cross their boundaries; PER/LOC names become one word. */
  spans?: readonly LabeledSpan[];
}

const SYLLABLE = /^\p{L}[\p{L}\p{M}]*$/u;
const CAPITALISED = /^\p{Lu}/u;
const NAME_LABELS = new Set(['PER', 'LOC']);

/** Join syllable tokens into words. Offsets are those of the first and last syllable. */
export function segmentWords(tokens: readonly Token[], dict: WordDictionary, options: SegmentOptions = {}): Token[] {
  const { group, nameSpan } = groups(tokens, options.spans ?? []);
  const keys = tokens.map((t) => (SYLLABLE.test(t.text) ? normalizedKey(t.text) : ''));
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const n = nameSpan[i] > 0 ? nameSpan[i] : longestWord(tokens, keys, i, dict, group);
    out.push(n > 1 ? joinTokens(tokens.slice(i, i + n)) : tokens[i]);
    i += n;
  }
  return out;
}

/** Length (in syllables) of the longest dictionary word starting at token i; 1 when none. */
function longestWord(tokens: readonly Token[], keys: readonly string[], i: number, dict: WordDictionary, group: Int32Array): number {
  let run = 1;
  while (run < dict.maxSyllables && i + run < tokens.length && joinable(tokens, i + run - 1, group)) run++;
  for (let n = run; n >= 2; n--) {
    if (dict.has(keys.slice(i, i + n).join(' '))) return n;
  }
  return 1;
}

/** May token k and token k + 1 belong to one word? */
function joinable(tokens: readonly Token[], k: number, group: Int32Array): boolean {
  const a = tokens[k];
  const b = tokens[k + 1];
  return a.spaceAfter && !a.lineBreakAfter && group[k] === group[k + 1] && SYLLABLE.test(a.text) && SYLLABLE.test(b.text);
}

/**
 * group[k]: tokens may join only within one group (one span, or one run outside spans).
 * nameSpan[k] > 0: a PER/LOC name of that many capitalised syllables starts at token k.
 */
function groups(tokens: readonly Token[], spans: readonly LabeledSpan[]): { group: Int32Array; nameSpan: Int32Array } {
  const group = new Int32Array(tokens.length);
  const nameSpan = new Int32Array(tokens.length);
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let t = 0;
  let id = 1;
  let outsideId = -1;
  for (const s of sorted) {
    if (t < tokens.length && tokens[t].start < s.start) outsideId = -(++id);
    while (t < tokens.length && tokens[t].end <= s.start) group[t++] = outsideId;
    const first = t;
    const spanId = ++id;
    while (t < tokens.length && tokens[t].start < s.end) group[t++] = spanId;
    const names = tokens.slice(first, t);
    if (NAME_LABELS.has(s.label) && names.length > 1 && names.every((x, k) => CAPITALISED.test(x.text) && SYLLABLE.test(x.text) && (k === names.length - 1 || (x.spaceAfter && !x.lineBreakAfter)))) {
      nameSpan[first] = names.length;
    }
    outsideId = -(++id);
  }
  while (t < tokens.length) group[t++] = outsideId;
  return { group, nameSpan };
}

function joinTokens(parts: readonly Token[]): Token {
  const last = parts[parts.length - 1];
  return { text: parts.map((p) => p.text).join('_'), start: parts[0].start, end: last.end, spaceAfter: last.spaceAfter, lineBreakAfter: last.lineBreakAfter };
}
