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
import { CENTRAL_OWNERS, FUNCTION_WORDS, LEVEL_RANGE_WORD, VERB_STARTS, MAX_LOWER_BODY, type OrgHead } from './data/organizations';
import {
  BAN_BODY_TABLE, BODY_NAME_TABLE, FAMOUS_TABLE, countryAt, HONORIFIC_TABLE, LEVEL_TABLE, headStartsAt, isAbbreviation, looksLikePerson,
  orgHeadStrict,
} from './lexicon';
import { genericPlaceAt, knownPlaceAt } from './places';
import { joined, type Tok, type TokSpan } from './wordScan';

const FUNCTION = new Set(FUNCTION_WORDS);
const STOP = new Set([...FUNCTION_WORDS, ...VERB_STARTS]);
const JOINS = new Set(['và', '-', '–', '&']);
const ROMAN = /^[IVXLCDM]+$/;
/** Capitalised level words followed by these are a committee (`Tỉnh ủy`), not a level. */
const COMMITTEE_TAILS = new Set(['ủy', 'đoàn']);
const NUMBERED_LEVELS = new Set(['quận', 'phường']);
const MAX_DEPTH = 3;
/** Levels that name the central body (`Ủy ban Trung ương` + `Mặt trận Tổ quốc Việt Nam`). */
const CENTRAL_LEVELS = new Set(['Trung ương', 'TW', 'TƯ']);
const OWNERS = new Set(CENTRAL_OWNERS);

export interface OrgParse {
  s: number;
  e: number;
  /** Names one body on its own; otherwise only valid inside a longer name (`Đảng bộ`). */
  standalone: boolean;
}

interface Progress {
  p: number;
  body: boolean;
  complement: boolean;
}

export class OrgScanner {
  /** Unlisted places that a committee name ends with (`Huyện ủy Yên Dũng`): LOCs too. */
  readonly places: TokSpan[] = [];

  constructor(
    private readonly toks: readonly Tok[],
    /** DOC spans from documents.ts by start token: `Ban Chỉ đạo` + a DOC is one ORG. */
    private readonly docEnds: ReadonlyMap<number, number> = new Map(),
  ) {}

  /** Every ORG of the article: the outermost at each start, inner ones in complement mode. */
  detect(): TokSpan[] {
    const out: TokSpan[] = [];
    let insideUntil = -1;
    for (let i = 0; i < this.toks.length; i++) {
      const t = this.toks[i];
      if (t.kind !== 'word' || !t.cap) continue;
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
    const t = toks[i];
    if (!t || t.kind !== 'word' || !t.cap) return undefined;
    if (isAbbreviation(t)) {
      const head: OrgHead = { bare: true, abbr: true };
      const prog: Progress = { p: i + 1, body: false, complement: false };
      this.complements(prog, head, false, depth);
      return this.finish(i, head, prog, complement, false);
    }
    let best: OrgParse | undefined;
    for (const h of orgHeadStrict(toks, i)) {
      // `Tỉnh ủy viên` is a member's title; the committee is not a separate body there.
      if (h.value.committee && toks[h.end]?.key === 'viên') continue;
      const r = this.parseHead(i, h.end, h.value, complement, depth);
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
      const b = joined(toks, p) ? BAN_BODY_TABLE.longest(toks, p) : undefined;
      if (b) {
        banKnown = true;
        banAlone = !!b.value.alone;
        chiDao = b.value.form === 'Chỉ đạo';
        p = b.end;
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
    const prog: Progress = { p, body, complement: false };
    this.complements(prog, head, chiDao, depth);
    const r = this.finish(i, head, prog, complement, banKnown);
    if (!r) return undefined;
    if (head.body === 'ban' && !prog.complement) {
      // A bare committee name: only the ones that name one body in context, and not a
      // generic model (`Ban Thường vụ cấp ủy trực thuộc`).
      r.standalone = banKnown && banAlone && !this.genericAhead(r.e);
    }
    return r;
  }

  private finish(i: number, head: OrgHead, prog: Progress, complement: boolean, banKnown: boolean): OrgParse | undefined {
    let p = prog.p;
    if (!complement) p = this.termAt(p) ?? p;
    const named = !!head.abbr || !!head.bare || prog.body || prog.complement;
    if (!named && !(complement && (head.khoi || banKnown))) return undefined;
    const genericBare = !head.abbr && !prog.body && !prog.complement && this.toks[p]?.key === LEVEL_RANGE_WORD;
    return { s: i, e: p, standalone: named && !genericBare };
  }

  /** Level, place, `Khối …`, a body, or a DOC after `Ban Chỉ đạo`; each at most once. */
  private complements(prog: Progress, head: OrgHead, chiDao: boolean, depth: number): void {
    let khoi = false;
    let anchored = false;
    let second: 'country' | 'central' | undefined;
    for (let guard = 0; guard < 4; guard++) {
      const p = prog.p;
      if (!joined(this.toks, p)) return;
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
      if (next === undefined) return;
      prog.p = next;
      prog.complement = true;
    }
  }

  /**
   * After the country (`MTTQ Việt Nam` + `tỉnh Quảng Ninh`) or the central level (`Ủy ban
   * Trung ương` + `Mặt trận Tổ quốc Việt Nam`) the body may still name its branch.
   */
  private allowsSecondAnchor(p: number, end: number): 'country' | 'central' | undefined {
    if (countryAt(this.toks, p) === end) return 'country';
    const lv = LEVEL_TABLE.longest(this.toks, p);
    return lv && lv.end === end && CENTRAL_LEVELS.has(lv.value) ? 'central' : undefined;
  }

  private secondAnchorAt(p: number, depth: number, after: 'country' | 'central'): number | undefined {
    const lv = this.levelAt(p);
    if (lv !== undefined) return lv;
    const known = knownPlaceAt(this.toks, p);
    if (known && !known.needsContext && countryAt(this.toks, p) === undefined) return known.end;
    const body = depth < MAX_DEPTH ? this.parseAt(p, true, depth + 1)?.e : undefined;
    if (body !== undefined) return body;
    // `Trung ương Đảng`: only after the central level, and as a capitalised word.
    const t = this.toks[p];
    return after === 'central' && OWNERS.has(t.text) ? p + 1 : undefined;
  }

  /** What a body belongs to: another body, a level (+ place), or a place. */
  private anchorAt(p: number, head: OrgHead, depth: number): number | undefined {
    if (depth < MAX_DEPTH) {
      const c = this.parseAt(p, true, depth + 1);
      if (c) return c.e;
    }
    const lv = this.levelAt(p);
    if (lv !== undefined) return lv;
    const known = knownPlaceAt(this.toks, p);
    if (known && !known.needsContext) return known.end;
    if (!head.committee) return undefined;
    const e = genericPlaceAt(this.toks, p);
    if (e !== undefined && !this.places.some((l) => l.s === p)) this.places.push({ label: 'LOC', s: p, e });
    return e;
  }

  /** `tỉnh`, `huyện Yên Dũng`, `Trung ương`, `phường 5`; not `cấp huyện`, not `Tỉnh ủy`. */
  private levelAt(p: number): number | undefined {
    const toks = this.toks;
    if (!joined(toks, p)) return undefined;
    const lv = LEVEL_TABLE.longest(toks, p);
    if (!lv) return undefined;
    if (toks[p].cap && lv.end === p + 1 && COMMITTEE_TAILS.has(toks[lv.end]?.key)) return undefined;
    if (!joined(toks, lv.end)) return lv.end;
    const known = knownPlaceAt(toks, lv.end);
    if (known) return known.end;
    if (CENTRAL_LEVELS.has(lv.value)) return lv.end;
    return genericPlaceAt(toks, lv.end, NUMBERED_LEVELS.has(toks[p].key)) ?? lv.end;
  }

  /** `Khối các cơ quan tỉnh`, `Khối Doanh nghiệp`, `Khối` (capitalised) — the bloc of a party organization. */
  private khoiAt(p: number): number | undefined {
    const toks = this.toks;
    if (toks[p]?.key !== 'khối') return undefined;
    for (let k = p + 1; k < p + 6 && joined(toks, k) && toks[k].kind === 'word'; k++) {
      const lv = this.levelAt(k);
      if (lv !== undefined) return lv;
    }
    if (!toks[p].cap) return undefined;
    return this.capBody(p + 1);
  }

  private termAt(p: number): number | undefined {
    const toks = this.toks;
    if (toks[p]?.key !== 'khóa' || !joined(toks, p) || !joined(toks, p + 1)) return undefined;
    const n = toks[p + 1];
    return n && (n.kind === 'num' || ROMAN.test(n.text)) ? p + 2 : undefined;
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
      if (JOINS.has(this.toks[q]?.key) && joined(this.toks, q) && this.capWordEnd(q + 1) !== undefined) q++;
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
    const t = toks[q];
    // `Khối` is parsed by khoiAt, so `Đảng bộ Khối các cơ quan tỉnh` reaches its level.
    if (!t || t.kind !== 'word' || !t.cap || !joined(toks, q) || t.key === 'khối') return undefined;
    // Bodies named after a famous person (`Học viện … Hồ Chí Minh`, `Đại học Tôn Đức Thắng`).
    const famous = FAMOUS_TABLE.longest(toks, q);
    if (famous) return famous.end;
    // Known names with lowercase words (`Cựu chiến binh`, `Chính trị quốc gia`).
    const known = BODY_NAME_TABLE.longest(toks, q);
    if (known) return known.end;
    if (headStartsAt(toks, q) || knownPlaceAt(toks, q) || LEVEL_TABLE.longest(toks, q) || looksLikePerson(toks, q)) return undefined;
    if (HONORIFIC_TABLE.longest(toks, q)) return undefined;
    // A Roman numeral numbers the body (`Học viện Chính trị khu vực II`) and ends it.
    if (ROMAN.test(t.text)) return q + 1;
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
    const t = this.toks[k];
    return !!t && t.kind === 'word' && !t.cap && joined(this.toks, k) && !STOP.has(t.key) && t.key !== LEVEL_RANGE_WORD && !LEVEL_TABLE.longest(this.toks, k);
  }

  private strongBoundary(k: number): boolean {
    const toks = this.toks;
    const t = toks[k];
    if (!t || !joined(toks, k)) return false;
    return JOINS.has(t.key) || t.key === 'khóa' || t.key === LEVEL_RANGE_WORD || !!LEVEL_TABLE.longest(toks, k)
      || !!knownPlaceAt(toks, k) || orgHeadStrict(toks, k).length > 0 || isAbbreviation(t);
  }

  /** `phục vụ hành chính công cấp tỉnh`: a lowercase description that ends in a level. */
  private lowerToLevel(p: number): number | undefined {
    const toks = this.toks;
    for (let k = p; k < p + MAX_LOWER_BODY + 1 && joined(toks, k); k++) {
      const t = toks[k];
      if (k > p && t.key === LEVEL_RANGE_WORD) return this.levelAt(k + 1);
      if (k > p && LEVEL_TABLE.longest(toks, k)) return this.levelAt(k);
      if (t.kind !== 'word' || t.cap || FUNCTION.has(t.key)) return undefined;
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
    for (let k = p; k < toks.length && words < 4; k++) {
      const t = toks[k];
      if (t.nlBefore || (t.kind === 'punct' && t.key !== ',') || (t.kind === 'word' && t.cap)) return false;
      if (t.key === LEVEL_RANGE_WORD) return true;
      if (t.kind === 'word') words++;
    }
    return false;
  }
}
