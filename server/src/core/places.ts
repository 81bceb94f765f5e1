/**
 * LOC detection (guide §2): known provinces, cities, regions and countries from
 * data/places.ts, and any district/commune/ward written with its unit word (`huyện Yên
 * Dũng`, `xã Tân Lập`, `phường 5`). The unit word stays outside the span.
 */
import * as lexicon from './lexicon';
import { PLACES } from './data/places';
import { Scratch, SyllableSet, lastMatchEnd, phraseKeys, type Toks, type TokSpan } from './wordScan';

// Imports bound once: under a CommonJS transform (tsx, tests) every use of an imported name
// is a getter call, which costs more than the lookups of these hot loops.
const { FAMOUS_TABLE, PLACE_TABLE, UNIT_TABLE, headStartsAt, looksLikePerson, nameStarts } = lexicon;

/**
 * First syllables of the known places that may be written in lowercase (`miền Bắc`). Every
 * other place starts capitalised, so a lowercase word that starts none of these (`hội`,
 * `cao`, `trung`: common words that also start a place name) needs no trie walk to fail.
 */
const UPPER_START = /^\p{Lu}/u;
const LOWER_PLACE_STARTS = new SyllableSet(PLACES.map((p) => phraseKeys(p.name)).filter((k) => k.keys.length > 0 && !UPPER_START.test(k.forms[0])).map((k) => k.keys[0]));

/** Whether a known place may start at toks[i] as far as its casing goes (a cheap test before PLACE_TABLE). */
function mayStartPlace(toks: Toks, i: number): boolean {
  return toks.cap(i) || LOWER_PLACE_STARTS.has(toks.key(i));
}

/** End of the longest known place at toks[i] when it needs no context (not `Hồ Chí Minh`), or -1. */
export function definitePlaceEnd(toks: Toks, i: number): number {
  if (!mayStartPlace(toks, i)) return -1;
  const v = PLACE_TABLE.longestValue(toks, i);
  return v === undefined || v.needsContext ? -1 : lastMatchEnd();
}

/** End of the longest known place at toks[i] (`Quảng Ninh`, `miền Bắc`, `Bà Rịa - Vũng Tàu`), or -1. */
export function knownPlaceEnd(toks: Toks, i: number): number {
  return mayStartPlace(toks, i) ? PLACE_TABLE.longestEnd(toks, i) : -1;
}

/**
 * End of an unlisted place name at toks[i]: 1–3 capitalised syllables that are not a title or
 * body head and not a person's full name; or a number for numbered units (`phường 5`).
 */
export function genericPlaceAt(toks: Toks, i: number, numbered = false): number | undefined {
  if (!toks.joined(i)) return undefined;
  if (numbered && toks.isNum(i)) return i + 1;
  if (looksLikePerson(toks, i)) return undefined;
  let j = i;
  while (j < i + 3 && isPlaceSyllable(toks, j, i) && !(j > i && (headStartsAt(toks, j) || looksLikePerson(toks, j)))) j++;
  if (j === i || headStartsAt(toks, i)) return undefined;
  return j;
}

function isPlaceSyllable(toks: Toks, j: number, i: number): boolean {
  // An ALL-CAPS word is an abbreviation (`cấp tỉnh PAPI`) unless the whole line is in capitals.
  return toks.capWord(j) && (j === i || toks.joined(j)) && (!toks.upper(j) || toks.upper(i - 1));
}

/** A unit word (`tỉnh`, `thành phố`, `TP.`) ends at toks[i-1]: what follows is a place. */
export function unitBefore(toks: Toks, i: number): boolean {
  for (let k = Math.max(0, i - 3); k < i; k++) if (UNIT_TABLE.longestEnd(toks, k) === i) return true;
  return false;
}

/** All LOC spans of an article. */
export function detectPlaces(toks: Toks): TokSpan[] {
  const out: TokSpan[] = [];
  const ambiguous: TokSpan[] = [];
  // Only tokens that start a unit word or a known place, from the end of the last LOC on.
  const { starts, nStarts } = nameStarts(toks);
  let from = 0;
  for (let k = 0; k < nStarts; k++) {
    const i = starts[k];
    if (i < from) continue;
    const unit = UNIT_TABLE.longestValue(toks, i);
    const unitEnd = lastMatchEnd();
    if (unit && toks.joined(unitEnd)) {
      const end = placeAfterUnit(toks, unitEnd, !!unit.numbered, !!unit.tableOnly);
      if (end !== undefined) {
        out.push({ label: 'LOC', s: unitEnd, e: end });
        from = end;
        continue;
      }
    }
    if (!mayStartPlace(toks, i)) continue;
    const known = PLACE_TABLE.longestValue(toks, i);
    if (!known) continue;
    const end = lastMatchEnd();
    (known.needsContext ? ambiguous : out).push({ label: 'LOC', s: i, e: end });
    from = end;
  }
  if (ambiguous.length === 0) return out;
  // Token marks where a LOC ends (exclusive: LOC_END) or starts (LOC_START), for the list test.
  const edges = EDGES.bytes(toks.n + 2);
  for (const l of out) {
    edges[l.e] |= LOC_END;
    edges[l.s] |= LOC_START;
  }
  const kept = out.length;
  for (const a of ambiguous) if (inListOfPlaces(toks, a, edges)) out.push(a);
  return out.length === kept ? out : out.sort(byStartOrder);
}

function byStartOrder(a: TokSpan, b: TokSpan): number {
  return a.s - b.s;
}

function placeAfterUnit(toks: Toks, i: number, numbered: boolean, tableOnly: boolean): number | undefined {
  const known = knownPlaceEnd(toks, i);
  if (known >= 0) return known;
  // A famous person after a unit word is the place named after them (`quận Lê Lợi`… `TP Hồ Chí Minh`).
  if (FAMOUS_TABLE.longestValue(toks, i)?.place) return lastMatchEnd();
  return tableOnly ? undefined : genericPlaceAt(toks, i, numbered);
}

/**
 * A name that is both a person and a place (`Hồ Chí Minh`) is a place in a list of places:
 * a LOC right before or after it, separated by a comma, `và` or a dash.
 */
function inListOfPlaces(toks: Toks, a: TokSpan, edges: Uint8Array): boolean {
  return (a.s >= 1 && (edges[a.s - 1] & LOC_END) !== 0 && LIST_SEPARATORS.has(toks.key(a.s - 1)))
    || ((edges[a.e + 1] & LOC_START) !== 0 && LIST_SEPARATORS.has(toks.key(a.e)));
}

const EDGES = new Scratch();
const LOC_END = 1;
const LOC_START = 2;

const LIST_SEPARATORS = new SyllableSet([',', 'và', '-', '–', ';']);
