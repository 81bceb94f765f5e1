/**
 * PER, TITLE, ORG and LOC candidates: one tokenization, then one pass per label
 * (places.ts, organizations.ts, titles.ts, people.ts). Every candidate found inside a longer
 * one is kept: layers.ts turns them into the nested layer.
 */
import type { Candidate, DetectContext } from './candidates';
import { OrgScanner } from './organizations';
import { detectPeople } from './people';
import { detectPlaces } from './places';
import { detectTitles } from './titles';
import { Scratch, syllableId, tokensOf, type Toks, type TokSpan } from './wordScan';

export function detectNamedEntities(ctx: DetectContext): Candidate[] {
  try {
    return detect(ctx);
  } catch {
    return []; // bad input never throws out of the core
  }
}

function detect(ctx: DetectContext): Candidate[] {
  const toks = tokensOf(ctx.text);
  const docEnds = new Map<number, number>();
  for (const c of ctx.found) {
    const r = c.label === 'DOC' ? tokenRange(toks, c.start, c.end) : undefined;
    if (r) docEnds.set(r.s, r.e);
  }
  const orgScanner = new OrgScanner(toks, docEnds);
  const orgs = orgScanner.detect();
  addSources(ctx, toks, orgs);
  const titles = detectTitles(toks, orgScanner);
  const places = mergePlaces(detectPlaces(toks), orgScanner.places);
  const credits = photoCredits(toks, creditItems(ctx, toks));
  const people = detectPeople({ toks, titles, credits, places });
  // A place inside a person's name is part of the name (`Nguyễn Thái Bình`).
  const inPerson = people.length > 0 && places.length > 0 ? marks(IN_PERSON, toks.n, people) : undefined;
  const locs = inPerson ? places.filter((l) => !anyMarked(inPerson, l)) : places;
  const out = new Array<Candidate>(locs.length + orgs.length + titles.length + people.length);
  let k = 0;
  for (const t of locs) out[k++] = toCandidate(toks, t);
  for (const t of orgs) out[k++] = toCandidate(toks, t);
  for (const t of titles) out[k++] = toCandidate(toks, t);
  for (const t of people) out[k++] = toCandidate(toks, t);
  return out;
}

/** Token ranges of the byline and credit items metadata.ts found. */
function creditItems(ctx: DetectContext, toks: Toks): Array<{ s: number; e: number }> {
  const out: Array<{ s: number; e: number }> = [];
  for (const m of ctx.metadata) {
    if (m.kind !== 'byline' && m.kind !== 'credit') continue;
    const r = tokenRange(toks, m.start, m.end, true);
    if (r) out.push(r);
  }
  return out;
}

/** The places of places.ts, then those organizations.ts found that overlap none of them (a is the detector's own fresh array). */
function mergePlaces(a: TokSpan[], b: readonly TokSpan[]): TokSpan[] {
  if (b.length === 0) return a;
  let n = 0;
  for (const x of a) if (x.e > n) n = x.e;
  for (const x of b) if (x.e > n) n = x.e;
  const taken = marks(TAKEN, n, a);
  for (const l of b) if (!anyMarked(taken, l)) a.push(l);
  return a;
}

const IN_PERSON = new Scratch();
const TAKEN = new Scratch();

/** One flag per token covered by any of the spans (in [0, n) of a reused buffer). */
function marks(scratch: Scratch, n: number, spans: readonly TokSpan[]): Uint8Array {
  const m = scratch.bytes(n);
  // Loops, not fill(): a span is a few tokens, shorter than a builtin call costs.
  for (const x of spans) for (let k = x.s; k < x.e; k++) m[k] = 1;
  return m;
}

function anyMarked(m: Uint8Array, x: TokSpan): boolean {
  for (let k = x.s; k < x.e; k++) if (m[k]) return true;
  return false;
}

function toCandidate(toks: Toks, t: TokSpan): Candidate {
  // One literal, value present even when undefined: every name candidate has the shape of a
  // DOC candidate, so layers.ts reads fewer shapes (it copies value either way).
  return { label: t.label, start: toks.start[t.s], end: toks.end[t.e - 1], value: t.value };
}

/**
 * The tokens a view span covers: exact boundaries by default, or (loose) every token lying
 * inside it, for metadata items that include punctuation around a name. Binary search over
 * token starts: no per-token tables for a few look-ups.
 */
function tokenRange(toks: Toks, start: number, end: number, loose = false): { s: number; e: number } | undefined {
  const s = firstStartAtOrAfter(toks, start);
  let e = s;
  while (e < toks.n && toks.end[e] <= end) e++;
  if (s >= e) return undefined;
  if (!loose && (toks.start[s] !== start || toks.end[e - 1] !== end)) return undefined;
  return { s, e };
}

/** Index of the first token starting at or after x (as partitionPoint over token starts). */
function firstStartAtOrAfter(toks: Toks, x: number): number {
  let lo = 0;
  let hi = toks.n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks.start[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const PHOTO = syllableId('ảnh');
const COLON = syllableId(':');
const CLOSE_PAREN = syllableId(')');
const CLOSE_BRACKET = syllableId(']');
const THEO = syllableId('theo');
const NGUON = syllableId('nguồn');

/**
 * `Ảnh: Nhật Bắc`, `(Ảnh: Hoàng Hà)` wherever they stand, also when the page layout did not
 * make the line a credit item: the words after the label up to the end of the line or the
 * closing bracket (people.ts keeps only capitalised names from them); added to out.
 */
function photoCredits(toks: Toks, out: Array<{ s: number; e: number }>): Array<{ s: number; e: number }> {
  // indexOf on the article's ids (a view, not a copy): a native scan instead of a loop per token.
  const ids = toks.id.subarray(0, toks.n);
  for (let i = ids.indexOf(PHOTO); i >= 0 && i + 1 < toks.n; i = ids.indexOf(PHOTO, i + 1)) {
    if (toks.id[i + 1] !== COLON || !toks.joined(i + 1)) continue;
    let e = i + 2;
    while (e < toks.n && toks.joined(e) && toks.id[e] !== CLOSE_PAREN && toks.id[e] !== CLOSE_BRACKET) e++;
    if (e > i + 2) out.push({ s: i + 2, e });
    i = e - 1;
  }
  return out;
}

/** The name in a source item (`VOV.VN -`, `(TN&MT) -`, `Theo Báo Quảng Ninh`) is an ORG (added to out). */
function addSources(ctx: DetectContext, toks: Toks, out: TokSpan[]): void {
  for (const m of ctx.metadata) {
    if (m.kind !== 'source') continue;
    const r = tokenRange(toks, m.start, m.end, true);
    if (!r) continue;
    let s = r.s;
    let e = r.e;
    while (s < e && (toks.isPunct(s) || toks.id[s] === THEO || toks.id[s] === NGUON)) s++;
    while (e > s && toks.isPunct(e - 1)) e--;
    if (s < e) out.push({ label: 'ORG', s, e });
  }
}
