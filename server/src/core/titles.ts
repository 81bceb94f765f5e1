/**
 * TITLE detection (guide §2): prefix + head + qualifier + body, where the body is an ORG
 * parse (`Phó Bí thư` `Thường trực` `Tỉnh ủy`), a title body (`Chủ tịch nước`) or a level
 * (`Chủ tịch tỉnh`). A list `Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh` gives two TITLEs.
 * Not titles: offices ranging over levels (`Bí thư cấp ủy`, `Chủ tịch UBND cấp huyện`,
 * `bầu Bí thư tại đại hội cấp huyện`).
 */
import { LEVEL_RANGE_WORD } from './data/organizations';
import * as lexicon from './lexicon';
import type { OrgScanner } from './organizations';
import * as places from './places';
import { startsAnyAt, syllableId, type Toks, type TokSpan } from './wordScan';

// Imports bound once: under a CommonJS transform (tsx, tests) every use of an imported name
// is a getter call, which costs more than the lookups of these hot loops.
const { LEVEL_TABLE, countryAt, nameStarts, orgHeadStrict, TITLE_BODY_TABLE, TITLE_HEAD_TABLE, TITLE_PREFIX_TABLE, TITLE_QUALIFIER_TABLE, TITLE_STARTS } = lexicon;
const { knownPlaceEnd, genericPlaceAt } = places;

function knownOrGenericPlace(toks: Toks, i: number): number | undefined {
  const known = knownPlaceEnd(toks, i);
  return known >= 0 ? known : genericPlaceAt(toks, i);
}

const LEVEL_RANGE = syllableId(LEVEL_RANGE_WORD);
const VIET = syllableId('việt');

/** All TITLE spans, left to right, never overlapping. */
export function detectTitles(toks: Toks, orgs: OrgScanner): TokSpan[] {
  const out: TokSpan[] = [];
  // A title starts with its prefix or its head, capitalised; titles do not overlap.
  const { caps, nCaps } = nameStarts(toks);
  let from = 0;
  for (let k = 0; k < nCaps; k++) {
    const i = caps[k];
    if (i < from || !startsAnyAt(toks, i, TITLE_STARTS)) continue;
    const t = titleParse(toks, i, orgs);
    if (t === undefined || insideOrgHead(toks, i)) continue;
    out.push(t.foreign ? { label: 'TITLE', s: i, e: t.end, foreign: true } : { label: 'TITLE', s: i, e: t.end });
    from = t.end;
  }
  return out;
}

/** toks[i] lies inside a fixed body name (`Chủ tịch` in `Đoàn Chủ tịch`): part of a compound, no title. */
function insideOrgHead(toks: Toks, i: number): boolean {
  for (let k = Math.max(0, i - 4); k < i; k++) {
    for (const h of orgHeadStrict(toks, k)) if (k + h.size > i) return true;
  }
  return false;
}

/** End of the title starting at toks[i], if one does. */
export function titleAt(toks: Toks, i: number, orgs: OrgScanner): number | undefined {
  return titleParse(toks, i, orgs)?.end;
}

/**
 * The title at toks[i]: its end, and whether it is an office abroad (a foreign-only head, or
 * a head + a country other than Việt Nam: `Thủ tướng Nhật Bản`), after which a name need
 * not follow Vietnamese name structure (`Kishida Fumio`).
 */
export function titleParse(toks: Toks, i: number, orgs: OrgScanner): { end: number; foreign: boolean } | undefined {
  const prefixEnd = TITLE_PREFIX_TABLE.longestEnd(toks, i);
  const h0 = prefixEnd >= 0 && toks.joined(prefixEnd) ? prefixEnd : i;
  let best: number | undefined;
  let bestBare = false;
  let foreign = false;
  for (const head of TITLE_HEAD_TABLE.matchAll(toks, h0)) {
    let q = h0 + head.size;
    const qualEnd = toks.joined(q) ? TITLE_QUALIFIER_TABLE.longestEnd(toks, q) : -1;
    const qual = qualEnd >= 0;
    if (qual) q = qualEnd;
    let body = bodyAt(toks, q, orgs, !!head.value.level);
    // `Bộ trưởng Ngoại giao`: a field written without its ministry word.
    if (body === undefined && head.value.portfolio && toks.joined(q) && toks.cap(q)) {
      const field = orgs.capBody(q);
      if (field > q) body = field;
    }
    let end = body ?? (head.value.alone || qual ? q : undefined);
    let abroad = !!head.value.foreign;
    // `Thủ tướng Nhật Bản`, `Bộ trưởng Quốc phòng Mỹ`: the office of a country.
    const country = end !== undefined && (body === undefined || head.value.portfolio) && toks.joined(end) ? countryAt(toks, end) : undefined;
    if (end !== undefined && country !== undefined) {
      abroad = toks.key(end) !== VIET;
      end = country;
    }
    if (end === undefined || (best !== undefined && end <= best)) continue;
    best = end;
    bestBare = body === undefined && country === undefined;
    foreign = abroad;
  }
  if (best === undefined) return undefined;
  if (toks.key(best) === LEVEL_RANGE && toks.joined(best)) return undefined;
  if (bestBare && orgs.genericAhead(best)) return undefined;
  return { end: best, foreign };
}

function bodyAt(toks: Toks, q: number, orgs: OrgScanner, level: boolean): number | undefined {
  if (!toks.joined(q)) return undefined;
  const org = orgs.parseAt(q, true);
  let end = Math.max(org?.e ?? -1, TITLE_BODY_TABLE.longestEnd(toks, q));
  if (level && end < 0 && !toks.cap(q)) {
    // `Chủ tịch tỉnh`, `Bí thư huyện Yên Dũng`: a lowercase level word, maybe with its place.
    const lv = LEVEL_TABLE.longestEnd(toks, q);
    if (lv >= 0) end = (toks.joined(lv) ? knownOrGenericPlace(toks, lv) : undefined) ?? lv;
  }
  return end > q ? end : undefined;
}
