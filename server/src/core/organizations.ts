/**
 * ORG detection (guide §2): head + body + complements, parsed on syllable tokens.
 *
 *   `Ban` `Chấp hành` | `Đảng bộ` `tỉnh` `Bắc Ninh` | `khóa XIX`
 *   head  body         complement (a body, a level + place, `Khối …`, a place)   term
 *
 * A complement may itself be a body (`Ban Thường vụ` + `Tỉnh ủy Quảng Ninh`); bodies that
 * start inside a longer one are parsed again in "complement" mode (no term of their own)
 * so the nested layer gets `Đảng bộ Khối` inside `Ban Chấp hành Đảng bộ Khối khóa VIII`.
 */
import * as data from './data/organizations';
import type { OrgHead } from './data/organizations';
import * as lexicon from './lexicon';
import * as places from './places';
import { SyllableSet, lastMatchEnd, syllableId, type Toks, type TokSpan } from './wordScan';

// Imports bound once: under a CommonJS transform (tsx, tests) every use of an imported name
// is a getter call, which costs more than the lookups of these hot loops.
const { CENTRAL_OWNERS, FUNCTION_WORDS, LEVEL_RANGE_WORD, VERB_STARTS, MAX_LOWER_BODY } = data;
const {
  BAN_BODY_TABLE, BODY_NAME_TABLE, FAMOUS_TABLE, countryAt, fullOrgHead, HONORIFIC_TABLE, LEVEL_TABLE, ORG_HEAD_TABLE, PLACE_TABLE, headStartsAt,
  isAbbreviation, looksLikePerson, nameStarts, orgHeadStrict,
} = lexicon;
const { definitePlaceEnd, genericPlaceAt, knownPlaceEnd } = places;

const FUNCTION = new SyllableSet(FUNCTION_WORDS);
const STOP = new SyllableSet([...FUNCTION_WORDS, ...VERB_STARTS]);
const JOINS = new SyllableSet(['và', '-', '–', '&']);
const LEVEL_RANGE = syllableId(LEVEL_RANGE_WORD);
const KHOI = syllableId('khối');
const KHOA = syllableId('khóa');
const VIEN = syllableId('viên');
const COMMA = syllableId(',');
/** Capitalised level words followed by these are a committee (`Tỉnh ủy`), not a level. */
const COMMITTEE_TAILS = new SyllableSet(['ủy', 'đoàn']);
const NUMBERED_LEVELS = new SyllableSet(['quận', 'phường']);
const MAX_DEPTH = 3;
/** Levels that name the central body (`Ủy ban Trung ương` + `Mặt trận Tổ quốc Việt Nam`). */
const CENTRAL_LEVELS: readonly string[] = ['Trung ương', 'TW', 'TƯ'];

/** CENTRAL_LEVELS.includes(level) by three compares: the level is one of the table's own strings, so equal ones are one string. */
function isCentral(level: string): boolean {
  return level === CENTRAL_LEVELS[0] || level === CENTRAL_LEVELS[1] || level === CENTRAL_LEVELS[2];
}
const OWNERS = CENTRAL_OWNERS;

export interface OrgParse {
  s: number;
  e: number;
  /** Names one body on its own; otherwise only valid inside a longer name (`Đảng bộ`). */
  standalone: boolean;
}

/** The head of an abbreviation (`UBND`): a body on its own (read only). */
const ABBREVIATION_HEAD: OrgHead = fullOrgHead({ bare: true, abbr: true });

export class OrgScanner {
  /** Unlisted places that a committee name ends with (`Huyện ủy Yên Dũng`): LOCs too. */
  readonly places: TokSpan[] = [];
  /** Whether the last complements call found any (see there). */
  private complemented = false;

  constructor(
    private readonly toks: Toks,
    /** DOC spans from documents.ts by start token: `Ban Chỉ đạo` + a DOC is one ORG. */
    private readonly docEnds: ReadonlyMap<number, number> = new Map(),
  ) {}

  /** Whether an ORG may start at toks[i]: a capitalised body head or abbreviation. */
  private startsBody(i: number): boolean {
    return this.toks.capWord(i) && (ORG_HEAD_TABLE.startsAt(this.toks, i) || isAbbreviation(this.toks, i));
  }

  /** Every ORG of the article: the outermost at each start, inner ones in complement mode. */
  detect(): TokSpan[] {
    const out: TokSpan[] = [];
    let insideUntil = -1;
    const { caps, nCaps } = nameStarts(this.toks);
    for (let k = 0; k < nCaps; k++) {
      const i = caps[k];
      if (!this.startsBody(i)) continue;
      const r = this.parseAt(i, i < insideUntil);
      if (!r?.standalone) continue;
      out.push({ label: 'ORG', s: r.s, e: r.e });
      insideUntil = Math.max(insideUntil, r.e);
    }
    return out;
  }

  /**
   * Longest ORG at toks[i]. In complement mode a body takes no term and heads that need a
   * body may stand bare (`Ban Chấp hành Đảng bộ`), but the result says it is not standalone.
   */
  parseAt(i: number, complement = false, depth = 0): OrgParse | undefined {
    const toks = this.toks;
    if (!toks.capWord(i)) return undefined;
    if (isAbbreviation(toks, i)) {
      const p = this.complements(i + 1, ABBREVIATION_HEAD, false, depth);
      return this.finish(i, ABBREVIATION_HEAD, p, false, this.complemented, complement, false);
    }
    let best: OrgParse | undefined;
    for (const h of orgHeadStrict(toks, i)) {
      // `Tỉnh ủy viên` is a member's title; the committee is not a separate body there.
      const headEnd = i + h.size;
      if (h.value.committee && toks.key(headEnd) === VIEN) continue;
      const r = this.parseHead(i, headEnd, h.value, complement, depth);
      if (r && (!best || r.e > best.e || (r.e === best.e && r.standalone && !best.standalone))) best = r;
    }
    return best;
  }

  private parseHead(i: number, headEnd: number, head: OrgHead, complement: boolean, depth: number): OrgParse | undefined {
    const toks = this.toks;
    let banAlone = false;
    let banKnown = false;
    let chiDao = false;
    let p = headEnd;
    let body = false;
    if (head.body === 'ban') {
      const b = toks.joined(p) ? BAN_BODY_TABLE.longestValue(toks, p) : undefined;
      if (b) {
        banKnown = true;
        banAlone = !!b.alone;
        chiDao = b.form === 'Chỉ đạo';
        p = lastMatchEnd();
      } else {
        const w = this.capWordEnd(p);
        if (w === undefined) return undefined;
        p = w;
      }
      body = true;
    } else if (head.body) {
      const e = this.capBody(p);
      if (e > p) {
        p = e;
        body = true;
      } else if (head.body === 'lower') {
        const l = this.lowerToLevel(p);
        if (l !== undefined) {
          p = l;
          body = true;
        }
      }
    }
    p = this.complements(p, head, chiDao, depth);
    const complemented = this.complemented;
    const r = this.finish(i, head, p, body, complemented, complement, banKnown);
    if (!r) return undefined;
    if (head.body === 'ban' && !complemented) {
      // A bare committee name: only the ones that name one body in context, and not a
      // generic model (`Ban Thường vụ cấp ủy trực thuộc`).
      r.standalone = banKnown && banAlone && !this.genericAhead(r.e);
    }
    return r;
  }

  private finish(i: number, head: OrgHead, end: number, body: boolean, complemented: boolean, complement: boolean, banKnown: boolean): OrgParse | undefined {
    let p = end;
    if (!complement) p = this.termAt(p) ?? p;
    const named = !!head.abbr || !!head.bare || body || complemented;
    if (!named && !(complement && (head.khoi || banKnown))) return undefined;
    const genericBare = !head.abbr && !body && !complemented && this.toks.key(p) === LEVEL_RANGE;
    return { s: i, e: p, standalone: named && !genericBare };
  }

  /**
   * Level, place, `Khối …`, a body, or a DOC after `Ban Chỉ đạo` from p on; each at most
   * once. Returns where they end; `complemented` then says whether there was any (read it
   * right after the call: nested parses inside set it too).
   */
  private complements(from: number, head: OrgHead, chiDao: boolean, depth: number): number {
    let p = from;
    let found = false;
    let khoi = false;
    let anchored = false;
    let second: 'country' | 'central' | undefined;
    for (let guard = 0; guard < 4; guard++) {
      if (!this.toks.joined(p)) break;
      let next: number | undefined;
      if (chiDao && this.docEnds.has(p)) {
        next = this.docEnds.get(p);
        chiDao = false;
      } else if (head.khoi && !khoi && (next = this.khoiAt(p)) !== undefined) {
        khoi = true;
      } else if (!anchored && (next = this.anchorAt(p, head, depth)) !== undefined) {
        anchored = true;
        second = this.allowsSecondAnchor(p, next);
      } else if (second && (next = this.secondAnchorAt(p, depth, second)) !== undefined) {
        second = undefined;
      }
      if (next === undefined) break;
      p = next;
      found = true;
    }
    this.complemented = found;
    return p;
  }

  /**
   * After the country (`MTTQ Việt Nam` + `tỉnh Quảng Ninh`) or the central level (`Ủy ban
   * Trung ương` + `Mặt trận Tổ quốc Việt Nam`) the body may still name its branch.
   */
  private allowsSecondAnchor(p: number, end: number): 'country' | 'central' | undefined {
    // Countries and the central level are written capitalised (their table entries ask for
    // it): after the usual lowercase level (`tỉnh Quảng Ninh`) neither lookup can match.
    if (!this.toks.cap(p)) return undefined;
    if (countryAt(this.toks, p) === end) return 'country';
    const lv = LEVEL_TABLE.longestValue(this.toks, p);
    return lv !== undefined && lastMatchEnd() === end && isCentral(lv) ? 'central' : undefined;
  }

  private secondAnchorAt(p: number, depth: number, after: 'country' | 'central'): number | undefined {
    const lv = this.levelAt(p);
    if (lv !== undefined) return lv;
    const known = definitePlaceEnd(this.toks, p);
    if (known >= 0 && countryAt(this.toks, p) === undefined) return known;
    const body = depth < MAX_DEPTH ? this.parseAt(p, true, depth + 1)?.e : undefined;
    if (body !== undefined) return body;
    // `Trung ương Đảng`: only after the central level, and as a capitalised word.
    return after === 'central' && OWNERS.some((o) => this.toks.is(p, o)) ? p + 1 : undefined;
  }

  /** What a body belongs to: another body, a level (+ place), or a place. */
  private anchorAt(p: number, head: OrgHead, depth: number): number | undefined {
    if (depth < MAX_DEPTH) {
      const c = this.parseAt(p, true, depth + 1);
      if (c) return c.e;
    }
    const lv = this.levelAt(p);
    if (lv !== undefined) return lv;
    const known = definitePlaceEnd(this.toks, p);
    if (known >= 0) return known;
    if (!head.committee) return undefined;
    const e = genericPlaceAt(this.toks, p);
    if (e !== undefined && !this.places.some((l) => l.s === p)) this.places.push({ label: 'LOC', s: p, e });
    return e;
  }

  /** `tỉnh`, `huyện Yên Dũng`, `Trung ương`, `phường 5`; not `cấp huyện`, not `Tỉnh ủy`. */
  private levelAt(p: number): number | undefined {
    const toks = this.toks;
    if (!toks.joined(p)) return undefined;
    const level = LEVEL_TABLE.longestValue(toks, p);
    if (level === undefined) return undefined;
    const end = lastMatchEnd();
    if (toks.cap(p) && end === p + 1 && COMMITTEE_TAILS.has(toks.key(end))) return undefined;
    if (!toks.joined(end)) return end;
    const known = knownPlaceEnd(toks, end);
    if (known >= 0) return known;
    if (isCentral(level)) return end;
    return genericPlaceAt(toks, end, NUMBERED_LEVELS.has(toks.id[p])) ?? end;
  }

  /** `Khối các cơ quan tỉnh`, `Khối Doanh nghiệp`, `Khối` (capitalised) — the bloc of a party organization. */
  private khoiAt(p: number): number | undefined {
    const toks = this.toks;
    if (toks.key(p) !== KHOI) return undefined;
    for (let k = p + 1; k < p + 6 && toks.joined(k) && toks.isWord(k); k++) {
      const lv = this.levelAt(k);
      if (lv !== undefined) return lv;
    }
    if (!toks.cap(p)) return undefined;
    return this.capBody(p + 1);
  }

  private termAt(p: number): number | undefined {
    const toks = this.toks;
    if (toks.key(p) !== KHOA || !toks.joined(p) || !toks.joined(p + 1)) return undefined;
    return toks.isNum(p + 1) || isRoman(toks, p + 1) ? p + 2 : undefined;
  }

  /**
   * Capitalised name words joined by `và`/`-` (`Nông nghiệp và Phát triển nông thôn`,
   * `Nhân Dân`). Returns p when there is none.
   */
  capBody(p: number): number {
    let q = p;
    for (;;) {
      const w = this.capWordEnd(q);
      if (w === undefined) break;
      q = w;
      if (JOINS.has(this.toks.key(q)) && this.toks.joined(q) && this.capWordEnd(q + 1) !== undefined) q++;
    }
    return q;
  }

  /**
   * One capitalised word with its lowercase tail (`Truyền thông`). The tail is one syllable
   * unless a longer one reaches a clear boundary (a join, a level, a place, another body),
   * so verbs after a name are not swallowed (`Sở Y tế khuyến cáo`).
   */
  private capWordEnd(q: number): number | undefined {
    const toks = this.toks;
    // `Khối` is parsed by khoiAt, so `Đảng bộ Khối các cơ quan tỉnh` reaches its level.
    if (!toks.capWord(q) || !toks.joined(q) || toks.id[q] === KHOI) return undefined;
    // Bodies named after a famous person (`Học viện … Hồ Chí Minh`, `Đại học Tôn Đức Thắng`).
    const famous = FAMOUS_TABLE.longestEnd(toks, q);
    if (famous >= 0) return famous;
    // Known names with lowercase words (`Cựu chiến binh`, `Chính trị quốc gia`).
    const known = BODY_NAME_TABLE.longestEnd(toks, q);
    if (known >= 0) return known;
    if (headStartsAt(toks, q) || PLACE_TABLE.longestEnd(toks, q) >= 0 || LEVEL_TABLE.longestEnd(toks, q) >= 0 || looksLikePerson(toks, q)) return undefined;
    if (HONORIFIC_TABLE.longestEnd(toks, q) >= 0) return undefined;
    // A Roman numeral numbers the body (`Học viện Chính trị khu vực II`) and ends it.
    if (isRoman(toks, q)) return q + 1;
    let n = 0;
    while (n < 4 && this.isTailSyllable(q + 1 + n)) n++;
    let tail = Math.min(n, 1);
    for (let l = n; l >= 2; l--) {
      if (this.strongBoundary(q + 1 + l)) {
        tail = l;
        break;
      }
    }
    return q + 1 + tail;
  }

  private isTailSyllable(k: number): boolean {
    const toks = this.toks;
    return toks.isWord(k) && !toks.cap(k) && toks.joined(k) && !STOP.has(toks.id[k]) && toks.id[k] !== LEVEL_RANGE && LEVEL_TABLE.longestEnd(toks, k) < 0;
  }

  private strongBoundary(k: number): boolean {
    const toks = this.toks;
    if (!toks.joined(k)) return false;
    const id = toks.id[k];
    return JOINS.has(id) || id === KHOA || id === LEVEL_RANGE || LEVEL_TABLE.longestEnd(toks, k) >= 0
      || knownPlaceEnd(toks, k) >= 0 || orgHeadStrict(toks, k).length > 0 || isAbbreviation(toks, k);
  }

  /** `phục vụ hành chính công cấp tỉnh`: a lowercase description that ends in a level. */
  private lowerToLevel(p: number): number | undefined {
    const toks = this.toks;
    for (let k = p; k < p + MAX_LOWER_BODY + 1 && toks.joined(k); k++) {
      if (k > p && toks.id[k] === LEVEL_RANGE) return this.levelAt(k + 1);
      if (k > p && LEVEL_TABLE.longestEnd(toks, k) >= 0) return this.levelAt(k);
      if (!toks.isWord(k) || toks.cap(k) || FUNCTION.has(toks.id[k])) return undefined;
    }
    return undefined;
  }

  /**
   * A bare name followed, in the same clause, by `cấp …` ranges over levels (`Ban Thường vụ,
   * thường trực cấp ủy`): a generic model, not one body. Looks at up to four lowercase words.
   */
  genericAhead(p: number): boolean {
    const toks = this.toks;
    let words = 0;
    for (let k = p; k < toks.n && words < 4; k++) {
      if (toks.nlBefore(k) || (toks.isPunct(k) && toks.id[k] !== COMMA) || toks.capWord(k)) return false;
      if (toks.id[k] === LEVEL_RANGE) return true;
      if (toks.isWord(k)) words++;
    }
    return false;
  }
}

const ROMAN_DIGITS = 'IVXLCDM';

/** A Roman numeral (`II`, `XIX`). */
function isRoman(toks: Toks, i: number): boolean {
  if (!toks.has(i)) return false;
  for (let k = toks.start[i]; k < toks.end[i]; k++) if (!ROMAN_DIGITS.includes(toks.text[k])) return false;
  return true;
}
