/**
 * Typographic consistency of an article as stored: decomposed (NFD) diacritics and mixed
 * tone-mark placements (`hoà` next to `hòa`, `uỷ` next to `ủy`). Both are legal Vietnamese
 * text and the analysis view already hides them, but they break plain-text search and
 * exact-match tools downstream, so the editor offers to fix them. Offsets are code points.
 */
import { CodePointIndex } from './offsets';

/** Where the tone mark sits in an open `oa`, `oe`, `uy` syllable. */
export type ToneStyle = 'first' | 'second';

export interface ToneWord {
  start: number;
  end: number;
  style: ToneStyle;
  /** The two-letter nucleus as stored. */
  text: string;
  /** The nucleus written in the other style. */
  other: string;
}

export interface ToneReport {
  words: ToneWord[];
  first: number;
  second: number;
  /** The style most words use (ties → `first`, the placement the analysis view uses). */
  majority: ToneStyle;
}

const TONES = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const NUCLEI: Array<[string, string]> = [['o', 'a'], ['o', 'e'], ['u', 'y']];

/** Both spellings of every toned nucleus: tone on the first vowel ↔ tone on the second. */
const SWAP: ReadonlyMap<string, { style: ToneStyle; other: string }> = buildSwap();

function buildSwap(): Map<string, { style: ToneStyle; other: string }> {
  const map = new Map<string, { style: ToneStyle; other: string }>();
  for (const [a, b] of NUCLEI) {
    for (const [x, y] of [[a, b], [a.toUpperCase(), b.toUpperCase()], [a.toUpperCase(), b]]) {
      for (const t of TONES) {
        const onFirst = (x + t + y).normalize('NFC');
        const onSecond = (x + y + t).normalize('NFC');
        map.set(onFirst, { style: 'first', other: onSecond });
        map.set(onSecond, { style: 'second', other: onFirst });
      }
    }
  }
  return map;
}

const LETTER = /\p{L}/u;

/** A SWAP entry by its two UTF-16 units as one number: a pair is looked up without a slice. */
const BY_PAIR: ReadonlyMap<number, { style: ToneStyle; other: string; text: string }> = new Map(
  [...SWAP].map(([k, v]) => [k.charCodeAt(0) * 0x10000 + k.charCodeAt(1), { ...v, text: k }]),
);
/** 1 for each UTF-16 unit that starts a SWAP key (o, u and their toned forms): a table lookup per character. */
const NUCLEUS_FIRST = new Uint8Array(0x10000);
for (const k of SWAP.keys()) NUCLEUS_FIRST[k.charCodeAt(0)] = 1;

/**
 * Is the UTF-16 unit c a letter (\p{L} of that one unit)? Char-code ranges for ASCII and the
 * Latin blocks Vietnamese uses; the regex for the rest. Most nuclei are followed by a
 * consonant (`hoàng`, `toàn`): this runs for every one of them.
 */
function isLetterUnit(c: number, text: string, i: number): boolean {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) return true;
  return LETTER.test(text[i]);
}

/**
 * Find every open-syllable nucleus whose tone placement is a matter of style. A closed
 * syllable (`hoàng`, `quyết`) has one correct placement and is skipped, as is `qu` + y
 * (`quý`: the u belongs to the consonant). Expects NFC text; linear in its length.
 */
export function findToneWords(text: string): ToneReport {
  const words: ToneWord[] = [];
  let cps: CodePointIndex | undefined; // made at the first word: most texts have none
  let first = 0;
  let second = 0;
  const n = text.length;
  for (let i = 0; i + 1 < n; i++) {
    const c = text.charCodeAt(i);
    if (NUCLEUS_FIRST[c] === 0) continue;
    const hit = BY_PAIR.get(c * 0x10000 + text.charCodeAt(i + 1));
    if (hit === undefined) continue;
    if (i + 2 < n && isLetterUnit(text.charCodeAt(i + 2), text, i + 2)) continue;
    const before = i > 0 ? text.charCodeAt(i - 1) : 0;
    if ((c === 117 || c === 85) && (before === 113 || before === 81)) continue; // `qu` + y
    if (hit.style === 'first') first++;
    else second++;
    cps ??= new CodePointIndex(text);
    words.push({ start: cps.toCodePoint(i), end: cps.toCodePoint(i + 2), style: hit.style, text: hit.text, other: hit.other });
    i++;
  }
  return { words, first, second, majority: second > first ? 'second' : 'first' };
}

/** Spans (code points) of the stored text that are not NFC, one per maximal run on a line. */
export function findDecomposed(text: string): Array<{ start: number; end: number; nfc: string }> {
  if (text.normalize('NFC') === text) return [];
  const out: Array<{ start: number; end: number; nfc: string }> = [];
  const cps = new CodePointIndex(text);
  // Runs of letters and combining marks: a word is the smallest unit NFC can change.
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const s = m[0];
    if (s.normalize('NFC') === s) continue;
    const start = cps.toCodePoint(m.index!);
    const end = cps.toCodePoint(m.index! + s.length);
    const prev = out[out.length - 1];
    const between = prev ? cps.slice(prev.end, start) : '';
    if (prev && !/[\r\n]/.test(between) && between.length < 40) {
      prev.nfc += between + s.normalize('NFC');
      prev.end = end;
    } else out.push({ start, end, nfc: s.normalize('NFC') });
  }
  return out;
}
