/**
 * Canonical persons and short references inside one article (guide §2 "Normalized values").
 *
 * - Every PER gets its canonical full name as value (the normalized key groups spellings:
 *   NFC, tone placement, case, spaces; ALL-CAPS headlines are title-cased for display).
 * - The titles written beside a person (`Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Nguyễn Xuân Ký`,
 *   `Đỗ Đức Duy – Phó Bí thư Tỉnh ủy`) are recorded for hovers.
 * - Short references become links, not PER spans: an honorific + the tail of one known name
 *   (`ông Dương`), or a title standing alone (`đồng chí Bí thư Tỉnh ủy`, `Tổng Bí thư lưu ý`)
 *   when exactly one person in the article was seen with it.
 */
import { partitionPoint } from './partition';
import type { DetectContext, Link } from './candidates';
import type { Layered } from './layers';
import * as lexicon from './lexicon';
import { isJsSpace, rememberedKey } from './normalize';
import { startsAnyAt, titleCase, tokensOf, upperCaseKeeps } from './wordScan';

// Imports bound once: under a CommonJS transform (tsx, tests) every use of an imported name
// is a getter call, which costs more than the lookups of these hot loops.
const { HONORIFIC_REACH, HONORIFIC_TABLE, headStartsAt, isNameSyllable, nameStarts } = lexicon;
const HONORIFIC_MASK = HONORIFIC_TABLE.mask;

/** `s.replace(/\s+/gu, ' ')`, without the regex when s has no whitespace but single spaces. */
function collapseSpaces(s: string): string {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (isJsSpace(c) && (c !== 32 || (k + 1 < s.length && isJsSpace(s.charCodeAt(k + 1))))) return s.replace(/\s+/gu, ' ');
  }
  return s;
}

interface Person {
  key: string;
  canonical: string;
  titles: string[];
  /** rememberedKey of each of titles (a title is kept once per key). */
  titleKeys: string[];
  /** The key's syllables, split when a short name is first compared with them. */
  syllables: string[] | undefined;
}

/**
 * Separators allowed between a name and its titles, and between titles of one list, each
 * with any whitespace around it: the tests below read char codes, no slice and no regex.
 */
const AFTER_NAME = [',', '–', '—', '-', '('];
const BETWEEN_TITLES = [',', 'và', 'kiêm'];

/** text[from, to) is one or more whitespace characters (empty when from ≥ to, as slice gives). */
function onlySpaces(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let k = from; k < to; k++) if (!isJsSpace(text.charCodeAt(k))) return false;
  return true;
}

/** text[from, to) is whitespace with at most one of the separators inside it. */
function separatedBy(text: string, from: number, to: number, separators: readonly string[]): boolean {
  let k = from;
  while (k < to && isJsSpace(text.charCodeAt(k))) k++;
  if (k >= to) return true;
  for (const sep of separators) {
    if (k + sep.length > to || !text.startsWith(sep, k)) continue;
    let m = k + sep.length;
    while (m < to && isJsSpace(text.charCodeAt(m))) m++;
    if (m >= to) return true;
  }
  return false;
}

/**
 * The links of an article's short references. Each PER also gets, on its layered entity,
 * its canonical display name as `value` and the titles seen beside any mention of the same
 * person as `titles` (written once every link is found, so a failure leaves them as detected).
 */
export function linkMentions(ctx: DetectContext, entities: Layered[]): Link[] {
  try {
    return link(ctx, entities);
  } catch {
    return []; // bad input never throws out of the core
  }
}

function link(ctx: DetectContext, entities: Layered[]): Link[] {
  const text = ctx.text;
  const pers: Layered[] = [];
  const titles: Layered[] = [];
  for (const e of entities) {
    if (e.label === 'PER') pers.push(e);
    else if (e.label === 'TITLE' && !e.nested) titles.push(e);
  }
  if (pers.length === 0) return []; // nobody to name, to give titles or to point to
  // The layers come by start already: sort only when they do not.
  if (!byStart(titles)) titles.sort((a, b) => a.start - b.start);
  const people = new Map<string, Person>();
  // Every spelling is seen before any is used, so the canonical name is settled here. A
  // spelling seen again changes nothing (its display already counted), so it is looked up once.
  const bySurface = new Map<string, Person>();
  const personOfPer = new Array<Person>(pers.length);
  const perStarts = new Array<number>(pers.length);
  for (let k = 0; k < pers.length; k++) {
    const p = pers[k];
    const surface = text.slice(p.start, p.end);
    let person = bySurface.get(surface);
    if (!person) bySurface.set(surface, (person = personOf(people, surface)));
    personOfPer[k] = person;
    perStarts[k] = p.start;
  }
  if (!byStart(pers)) perStarts.sort((a, b) => a - b);
  const beside = new TitlesBeside(text, titles, perStarts);
  for (let k = 0; k < pers.length; k++) beside.give(pers[k], personOfPer[k]);
  const links: Link[] = [];
  if (beside.usedCount < titles.length) titleLinks(text, titles, beside.used, people, links);
  shortNameLinks(text, pers, people, links);
  if (!byStart(links)) links.sort((a, b) => a.start - b.start);
  for (let k = 0; k < pers.length; k++) {
    const person = personOfPer[k];
    pers[k].value = person.canonical;
    pers[k].titles = person.titles.length ? person.titles : undefined;
  }
  return links;
}

/** Whether the spans are in order of start already (a stable sort by start would keep them). */
function byStart(spans: ReadonlyArray<{ start: number }>): boolean {
  for (let k = 1; k < spans.length; k++) if (spans[k - 1].start > spans[k].start) return false;
  return true;
}

function personOf(people: Map<string, Person>, surface: string): Person {
  const key = rememberedKey(surface);
  let p = people.get(key);
  const shown = collapseSpaces(surface).trim();
  const display = isUpperCase(shown) ? shown.split(' ').map(titleCase).join(' ') : shown;
  if (!p) people.set(key, (p = { key, canonical: display, titles: [], titleKeys: [], syllables: undefined }));
  else if (isUpperCase(p.canonical) && !isUpperCase(display)) p.canonical = display;
  return p;
}

/**
 * `s === s.toUpperCase()`, without building the upper-case copy: each UTF-16 unit outside
 * the surrogates upper-cases on its own, and none maps to a sequence starting with itself,
 * so s is unchanged exactly when each of its units is (the tokenizer's character table
 * knows which are). A text with surrogates takes the builtin.
 */
function isUpperCase(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 128) {
      if (c >= 97 && c <= 122) return false;
      continue;
    }
    if (c >= 0xd800 && c < 0xe000) return s === s.toUpperCase();
    if (!upperCaseKeeps(c)) return false;
  }
  return true;
}

/**
 * The titles written beside each PER, given to its person: titles right before it (after
 * whitespace, following comma-separated lists) and right after it. Each title's shown text
 * and key are made once, however many names it stands beside.
 */
class TitlesBeside {
  /** Per title: written beside some name (1) or not (0). */
  readonly used: Uint8Array;
  usedCount = 0;
  private readonly shown: Array<string | undefined>;
  private readonly keys: Array<string | undefined>;

  constructor(
    private readonly text: string,
    private readonly titles: readonly Layered[],
    private readonly perStarts: readonly number[],
  ) {
    this.used = new Uint8Array(titles.length);
    this.shown = new Array<string | undefined>(titles.length);
    this.keys = new Array<string | undefined>(titles.length);
  }

  /** Record the titles beside per in text order, each key once per person. */
  give(per: Layered, person: Person): void {
    const { text, titles } = this;
    if (titles.length === 0) return;
    const last = lastEndingBefore(titles, per.start);
    let first = last + 1;
    let edge = per.start;
    // A title right before a name is separated by whitespace only, then list separators.
    while (first > 0 && (first === last + 1 ? onlySpaces(text, titles[first - 1].end, edge) : separatedBy(text, titles[first - 1].end, edge, BETWEEN_TITLES))) {
      first--;
      edge = titles[first].start;
    }
    for (let i = first; i <= last; i++) this.take(i, person);
    let j = lastEndingBefore(titles, per.end) + 1;
    edge = per.end;
    let sep: readonly string[] = AFTER_NAME;
    while (j < titles.length && titles[j].start >= edge && separatedBy(text, edge, titles[j].start, sep)) {
      // `…, Chủ tịch nước Nguyễn Xuân Phúc`: a title right before the next name is that person's.
      if (j > 0 && startsRightAfter(text, this.perStarts, titles[j].end)) break;
      this.take(j, person);
      edge = titles[j].end;
      sep = BETWEEN_TITLES;
      j++;
    }
  }

  private take(i: number, person: Person): void {
    if (this.used[i] === 0) {
      this.used[i] = 1;
      this.usedCount++;
      const t = this.titles[i];
      const shown = collapseSpaces(this.text.slice(t.start, t.end));
      this.shown[i] = shown;
      this.keys[i] = rememberedKey(shown);
    }
    const key = this.keys[i] as string;
    if (!person.titleKeys.includes(key)) {
      person.titles.push(this.shown[i] as string);
      person.titleKeys.push(key);
    }
  }
}

function startsRightAfter(text: string, starts: readonly number[], offset: number): boolean {
  const lo = partitionPoint(starts.length, (i) => starts[i] < offset);
  return lo < starts.length && onlySpaces(text, offset, starts[lo]);
}

/** Index of the last title ending at or before offset (titles sorted and disjoint), or -1. */
function lastEndingBefore(titles: readonly Layered[], offset: number): number {
  return partitionPoint(titles.length, (i) => titles[i].end <= offset) - 1;
}

/** A title list standing without a name, held by exactly one person of the article. */
function titleLinks(text: string, titles: readonly Layered[], used: Uint8Array, people: Map<string, Person>, out: Link[]): void {
  if (people.size === 0) return; // nobody holds a title
  const holders = new Map<string, Person[]>();
  for (const p of people.values()) {
    for (const k of p.titleKeys) {
      const list = holders.get(k);
      if (list === undefined) holders.set(k, [p]);
      else if (!list.includes(p)) list.push(p);
    }
  }
  for (let i = 0; i < titles.length; i++) {
    if (used[i] !== 0) continue;
    let j = i;
    while (j + 1 < titles.length && used[j + 1] === 0 && separatedBy(text, titles[j].end, titles[j + 1].start, BETWEEN_TITLES)) j++;
    const who = holders.get(rememberedKey(text.slice(titles[i].start, titles[i].end)));
    if (who?.length === 1) {
      out.push({ start: titles[i].start, end: titles[j].end, target: who[0].key, canonical: who[0].canonical, kind: 'title' });
    }
    i = j;
  }
}

/**
 * `ông Dương`, `bà Ngân`, `đồng chí Xuân Ký`: an honorific and the tail of exactly one known name.
 * The tail is capitalised, so only honorifics ending right before a capitalised word can
 * link: they are looked for in the HONORIFIC_REACH tokens before each one preceded by the
 * last syllable of an honorific (the names' shared list of capitalised words), left to right
 * as a scan of every token would.
 */
function shortNameLinks(text: string, pers: readonly Layered[], people: Map<string, Person>, out: Link[]): void {
  if (people.size === 0) return; // no name to point to
  const toks = tokensOf(text);
  const { caps, nCaps } = nameStarts(toks);
  const spans = byStart(pers) ? pers : [...pers].sort((a, b) => a.start - b.start);
  let everyone: Person[] | undefined;
  let i = 0; // the next token an honorific may start at
  for (let c = 0; c < nCaps; c++) {
    const cap = caps[c];
    // A link needs an honorific ending right before a capitalised word. None ends before this
    // one: its window is skipped (i stays, so a later capitalised word's window still takes
    // the tokens of it that an honorific reaching that word may start at).
    if (cap === 0 || !HONORIFIC_TABLE.endsAt(toks, cap - 1)) continue;
    if (i < cap - HONORIFIC_REACH) i = Math.max(0, cap - HONORIFIC_REACH);
    for (; i < cap; i++) {
      // One array read (i lies inside the text): most tokens before a capitalised word start no honorific.
      if (!startsAnyAt(toks, i, HONORIFIC_MASK)) continue;
      const s = HONORIFIC_TABLE.longestEnd(toks, i);
      if (s < 0) continue;
      let e = s;
      while (e < s + 3 && isNameSyllable(toks, e, s < toks.n ? s : i) && !covered(spans, toks.start[e], toks.end[e]) && !headStartsAt(toks, e)) e++;
      if (e === s || e - s > 2) continue;
      const tail = e - s === 1 ? [toks.keyText(s)] : [toks.keyText(s), toks.keyText(s + 1)];
      everyone ??= [...people.values()];
      const who = onlyOneEndingWith(everyone, tail);
      if (who !== undefined) {
        out.push({ start: toks.start[s], end: toks.end[e - 1], target: who.key, canonical: who.canonical, kind: 'short-name' });
      }
      i = e - 1;
    }
  }
}

/** The one person whose name ends with the syllables of tail (and is longer), if exactly one does. */
function onlyOneEndingWith(everyone: readonly Person[], tail: readonly string[]): Person | undefined {
  let who: Person | undefined;
  for (const p of everyone) {
    const syllables = (p.syllables ??= p.key.split(' '));
    if (syllables.length <= tail.length || !endsWith(syllables, tail)) continue;
    if (who !== undefined) return undefined;
    who = p;
  }
  return who;
}

/** A token [start, end) lies inside one of the spans (sorted by start). */
function covered(spans: readonly Layered[], start: number, end: number): boolean {
  const j = lastStartingAtOrBefore(spans, start);
  return j >= 0 && end <= spans[j].end;
}

function lastStartingAtOrBefore(spans: readonly Layered[], offset: number): number {
  return partitionPoint(spans.length, (i) => spans[i].start <= offset) - 1;
}

function endsWith(all: readonly string[], tail: readonly string[]): boolean {
  for (let k = 1; k <= tail.length; k++) if (all[all.length - k] !== tail[tail.length - k]) return false;
  return true;
}
