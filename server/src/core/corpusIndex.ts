/**
 * The cross-file index of the corpus: which distinct entities exist, where each one is
 * mentioned (also through linked short references such as `ông Dương`), and which
 * titles were seen beside each person. Pure data in, plain data out: the server feeds it
 * one compact summary per article (from open editors or from disk) and asks it for
 * references, definitions, workspace symbols and hover statistics.
 *
 * Memory matters (10,000 articles in one editor process), so a summary keeps no article
 * text: mentions are one flat Int32Array per file, and entity ids are interned through
 * the index so each distinct id string is held once.
 */
import { APPOSITIVE_SEPARATORS, HONORIFICS, MAX_TITLE_CHAIN, TITLE_JOINERS } from './data/personContext';
import { foldDiacritics, normalizedKey, rememberedKey, unifyTones } from './normalize';
import { CodePointIndex } from './offsets';
import type { DocValue, Entity, EntityLabel, MentionLink } from './types';

/** `LABEL:normalized key`, e.g. `PER:nguyễn quang dương`. */
export type EntityId = string;

/** Mention flags (bit set). */
export const MENTION_NESTED = 1;
/** A short reference linked to a person (`ông Dương`), not a full-name mention. */
export const MENTION_LINK = 2;

/** Int32 slots per mention in FileSummary.mentions. */
export const MENTION_SLOTS = 8;

/**
 * One article as the index keeps it. Ranges are precomputed by the adapter in the
 * editor's position encoding, so answering references needs no article text.
 */
export interface FileSummary {
  uri: string;
  /** Distinct entity ids mentioned in the file, in order of first mention. */
  ids: EntityId[];
  /** Display name per id (canonical name for a person, else the first surface form). */
  names: string[];
  /** Per mention: id index, start, end (code points), startLine, startChar, endLine, endChar, flags. */
  mentions: Int32Array;
  /** Titles seen beside each person: [id index, distinct display titles]. */
  titles: Array<[number, string[]]>;
}

/** A mention resolved to its file. Range = [startLine, startChar, endLine, endChar]. */
export interface Mention {
  uri: string;
  id: EntityId;
  start: number;
  end: number;
  range: [number, number, number, number];
  link: boolean;
  nested: boolean;
}

export interface EntityInfo {
  id: EntityId;
  label: EntityLabel;
  name: string;
  /** Mentions across the corpus (full mentions plus linked short references). */
  mentions: number;
  files: number;
}

export interface SearchHit extends EntityInfo {
  /** True when the query matched only after removing diacritics (`nguyen` → `Nguyễn`). */
  folded: boolean;
}

export interface SearchOptions {
  labels?: readonly EntityLabel[];
  limit?: number;
  /** Checked every few thousand entries; a true answer stops the search early. */
  isCancelled?: () => boolean;
}

/** Converts a code-point span of the article to an LSP range in the editor's encoding. */
export type RangeOf = (start: number, end: number) => [number, number, number, number];

const LABEL_OF = new Map<string, EntityLabel>(
  (['PER', 'TITLE', 'ORG', 'LOC', 'DATE', 'DOC'] as const).map((l) => [l, l]),
);

export function labelOf(id: EntityId): EntityLabel {
  return LABEL_OF.get(id.slice(0, id.indexOf(':'))) ?? 'ORG';
}

/** Display form of a surface text: NFC, one tone placement, single spaces; case kept. */
export function displayForm(s: string): string {
  return unifyTones(s.normalize('NFC')).replace(/[\s\u00a0\ufeff]+/g, ' ').trim();
}

/**
 * The key under which mentions of one entity meet across files: a person by canonical
 * name, a date by its ISO value when the year is known, a document by its identifying
 * fields, anything else by its normalized text.
 */
export function entityKey(e: Pick<Entity, 'label' | 'text' | 'value'>): string {
  if (e.label === 'PER' && typeof e.value === 'string' && e.value.trim()) return rememberedKey(e.value);
  if (e.label === 'DATE' && typeof e.value === 'string' && !e.value.startsWith('XXXX')) return e.value;
  if (e.label === 'DOC' && e.value && typeof e.value === 'object') {
    const k = docKey(e.value);
    if (k) return k;
  }
  return rememberedKey(e.text);
}

function docKey(v: DocValue): string {
  const parts = [v.number, v.symbol, v.plenum, v.term, v.congress, v.title].map((x) => (x === undefined ? '' : String(x)));
  if (parts.every((p) => p === '')) return '';
  return normalizedKey([v.kind, ...parts].join('|'));
}

export function entityId(e: Pick<Entity, 'label' | 'text' | 'value'>): EntityId {
  return `${e.label}:${entityKey(e)}`;
}

/** Id of the person a short reference points to. */
export function linkId(l: Pick<MentionLink, 'target' | 'canonical'>): EntityId {
  return `PER:${rememberedKey(l.canonical || l.target)}`;
}

function linkName(l: Pick<MentionLink, 'canonical' | 'text'>): string {
  return displayForm(l.canonical || l.text);
}

function displayName(e: Pick<Entity, 'label' | 'text' | 'value'>): string {
  if (e.label === 'PER' && typeof e.value === 'string' && e.value.trim()) return displayForm(e.value);
  return displayForm(e.text);
}

export interface SummarizeInput {
  uri: string;
  text: string;
  entities: readonly Entity[];
  links: readonly MentionLink[];
  rangeOf: RangeOf;
}

/** Build the compact summary of one article. Never throws on well-formed spans. */
export function summarize(input: SummarizeInput): FileSummary {
  const ids: EntityId[] = [];
  const names: string[] = [];
  const slot = new Map<EntityId, number>();
  /** Slot of an id; its display name is worked out only for the first mention (the one kept). */
  const idIndex = <T>(id: EntityId, of: T, name: (x: T) => string) => {
    let i = slot.get(id);
    if (i === undefined) {
      i = ids.length;
      slot.set(id, i);
      ids.push(id);
      names.push(name(of));
    }
    return i;
  };
  const rows: Array<{ idx: number; start: number; end: number; flags: number }> = [];
  for (const e of input.entities) {
    if (!(e.end > e.start)) continue;
    rows.push({ idx: idIndex(entityId(e), e, displayName), start: e.start, end: e.end, flags: e.nested ? MENTION_NESTED : 0 });
  }
  for (const l of input.links) {
    if (!(l.end > l.start)) continue;
    rows.push({ idx: idIndex(linkId(l), l, linkName), start: l.start, end: l.end, flags: MENTION_LINK });
  }
  rows.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions = new Int32Array(rows.length * MENTION_SLOTS);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const range = input.rangeOf(r.start, r.end);
    const at = k * MENTION_SLOTS;
    mentions[at] = r.idx;
    mentions[at + 1] = r.start;
    mentions[at + 2] = r.end;
    mentions[at + 3] = range[0];
    mentions[at + 4] = range[1];
    mentions[at + 5] = range[2];
    mentions[at + 6] = range[3];
    mentions[at + 7] = r.flags;
  }
  const titles = titlesBesidePersons(input.text, input.entities);
  const titleRows: Array<[number, string[]]> = [];
  for (const [id, list] of titles) {
    const i = slot.get(id);
    if (i !== undefined) titleRows.push([i, list]);
  }
  return { uri: input.uri, ids, names, mentions, titles: titleRows };
}

/**
 * Titles written next to each person in one article: offices right before the name
 * (`Bí thư Tỉnh ủy Nguyễn Xuân Ký`, `Chủ tịch UBND tỉnh, đồng chí …`, chained with commas)
 * and an appositive right after it (`Nguyễn Văn A, Chủ tịch …`). Only the primary layer is
 * read; gaps may hold honorifics and joiners from data/personContext.ts, never a line break.
 */
export function titlesBesidePersons(text: string, entities: readonly Entity[]): Map<EntityId, string[]> {
  const out = new Map<EntityId, string[]>();
  const primary = entities.filter((e) => !e.nested).sort((a, b) => a.start - b.start);
  if (!primary.some((e) => e.label === 'PER')) return out;
  const cps = new CodePointIndex(text);
  const gap = (a: Entity, b: Entity) => (b.start >= a.end ? cps.slice(a.end, b.start) : '\n');
  primary.forEach((e, i) => {
    if (e.label !== 'PER') return;
    const found: string[] = [];
    // Backwards: TITLE [joiner TITLE]… [honorific] NAME.
    let right: Entity = e;
    let allowed = isHonorificGap;
    for (let j = i - 1; j >= 0 && found.length < MAX_TITLE_CHAIN; j--) {
      const t = primary[j];
      if (t.label !== 'TITLE' || !allowed(gap(t, right))) break;
      found.push(displayForm(t.text));
      right = t;
      allowed = isJoinerGap;
    }
    // Forwards: NAME, TITLE [joiner TITLE]…
    let left: Entity = e;
    allowed = isAppositiveGap;
    for (let j = i + 1; j < primary.length && found.length < MAX_TITLE_CHAIN * 2; j++) {
      const t = primary[j];
      if (t.label !== 'TITLE' || !allowed(gap(left, t))) break;
      found.push(displayForm(t.text));
      left = t;
      allowed = isJoinerGap;
    }
    if (found.length === 0) return;
    const id = entityId(e);
    const list = out.get(id) ?? [];
    for (const t of found) if (!list.some((x) => rememberedKey(x) === rememberedKey(t))) list.push(t);
    out.set(id, list);
  });
  return out;
}

const HONORIFIC_SET = new Set(HONORIFICS);
const JOINER_SET = new Set(TITLE_JOINERS.map((j) => j.replace(/\s+/g, ' ')));
const APPOSITIVE_SET = new Set(APPOSITIVE_SEPARATORS);

/** The gap as a normalized key, or null when it crosses a line. */
function gapKey(s: string): string | null {
  if (/[\r\n]/.test(s)) return null;
  return rememberedKey(s);
}

function isHonorificGap(s: string): boolean {
  const k = gapKey(s);
  if (k === null) return false;
  const rest = k.replace(/^,\s*/, '');
  return rest === '' || HONORIFIC_SET.has(rest);
}

function isJoinerGap(s: string): boolean {
  const k = gapKey(s);
  return k !== null && (k === '' || JOINER_SET.has(k));
}

function isAppositiveGap(s: string): boolean {
  const k = gapKey(s);
  return k !== null && APPOSITIVE_SET.has(k);
}

interface Entry {
  id: EntityId;
  label: EntityLabel;
  name: string;
  /** Folded (no diacritics) and normalized forms of the name, for search. */
  folded: string;
  key: string;
  /** Mentions per file. */
  files: Map<string, number>;
  total: number;
  /** Caches dropped whenever `files` changes: URIs in order, the first full mention, titles across the corpus. */
  sorted?: string[];
  first?: Mention | null;
  titles?: Array<{ title: string; files: number }>;
  /**
   * Titles written beside this person, kept up to date as files come and go (hover asks
   * on every move of the mouse, also while 10,000 files are being indexed): normalized
   * title → spelling → number of files.
   */
  titleCounts?: Map<string, Map<string, number>>;
  /** Every mention (links included), built on the first references request. */
  all?: Mention[];
}

/** The corpus index. Files are replaced whole; every query is answered from summaries. */
export class CorpusIndex {
  private readonly files = new Map<string, FileSummary>();
  private readonly entries = new Map<EntityId, Entry>();
  private sortedUris: string[] | null = null;
  /**
   * One copy of each display name and title string across the corpus (the same names
   * recur in thousands of summaries), counted so that a string nobody uses any more goes.
   */
  private readonly strings = new Map<string, { s: string; n: number }>();

  get fileCount(): number {
    return this.files.size;
  }

  get entityCount(): number {
    return this.entries.size;
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  file(uri: string): FileSummary | undefined {
    return this.files.get(uri);
  }

  uris(): string[] {
    if (!this.sortedUris) this.sortedUris = [...this.files.keys()].sort();
    return this.sortedUris;
  }

  /** Add or replace one article. */
  set(summary: FileSummary): void {
    this.delete(summary.uri);
    // Mentions per id slot (slots index summary.ids; anything else is not counted, as before).
    const counts = new Int32Array(summary.ids.length);
    for (let k = 0; k < summary.mentions.length; k += MENTION_SLOTS) {
      const i = summary.mentions[k];
      if (i >= 0 && i < counts.length) counts[i]++;
    }
    summary.ids.forEach((id, i) => {
      let entry = this.entries.get(id);
      if (!entry) {
        const label = labelOf(id);
        const name = summary.names[i] ?? id;
        entry = { id, label, name, folded: foldDiacritics(name), key: rememberedKey(name), files: new Map(), total: 0 };
        this.entries.set(id, entry);
      } else if (entry.label === 'PER' && summary.names[i] && isBetterName(summary.names[i], entry.name)) {
        entry.name = summary.names[i];
      }
      summary.ids[i] = entry.id; // intern: one string per distinct id across the corpus
      const n = counts[i];
      entry.files.set(summary.uri, n);
      entry.total += n;
      dropCaches(entry);
    });
    summary.names = summary.names.map((name) => this.intern(name));
    summary.titles = summary.titles.map(([i, list]) => [i, list.map((t) => this.intern(t))]);
    this.countTitles(summary, +1);
    this.files.set(summary.uri, summary);
    this.sortedUris = null;
  }

  private intern(s: string): string {
    const hit = this.strings.get(s);
    if (hit) {
      hit.n++;
      return hit.s;
    }
    this.strings.set(s, { s, n: 1 });
    return s;
  }

  private release(s: string): void {
    const hit = this.strings.get(s);
    if (hit && --hit.n <= 0) this.strings.delete(s);
  }

  /** Drop one article; true when it was indexed. */
  delete(uri: string): boolean {
    const old = this.files.get(uri);
    if (!old) return false;
    for (const id of old.ids) {
      const entry = this.entries.get(id);
      if (!entry) continue;
      entry.total -= entry.files.get(uri) ?? 0;
      entry.files.delete(uri);
      dropCaches(entry);
      if (entry.files.size === 0) this.entries.delete(id);
    }
    for (const name of old.names) this.release(name);
    this.countTitles(old, -1);
    for (const [, list] of old.titles) for (const t of list) this.release(t);
    this.files.delete(uri);
    this.sortedUris = null;
    return true;
  }

  /** Drop every article under a folder URI (a deleted or renamed folder); returns them. */
  deleteUnder(folderUri: string): string[] {
    const prefix = folderUri.endsWith('/') ? folderUri : folderUri + '/';
    const gone = [...this.files.keys()].filter((u) => u.startsWith(prefix));
    gone.forEach((u) => this.delete(u));
    return gone;
  }

  info(id: EntityId): EntityInfo | undefined {
    const e = this.entries.get(id);
    return e && { id, label: e.label, name: e.name, mentions: e.total, files: e.files.size };
  }

  /**
   * Every mention of an entity, files in URI order, mentions in text order. The list is
   * built once and kept until a file mentioning the entity changes, so asking again (the
   * editor re-runs references, a code lens counts) costs nothing. Callers must not mutate it.
   */
  mentions(id: EntityId, opts: { includeLinks?: boolean; isCancelled?: () => boolean } = {}): readonly Mention[] {
    const entry = this.entries.get(id);
    if (!entry) return [];
    if (!entry.all) {
      const out: Mention[] = [];
      let n = 0;
      for (const uri of sortedFiles(entry)) {
        if ((n++ & 255) === 0 && opts.isCancelled?.()) return out; // partial: not cached
        this.collect(uri, id, true, out, false);
      }
      entry.all = out;
    }
    return opts.includeLinks === false ? entry.all.filter((m) => !m.link) : entry.all;
  }

  /** The first full mention in the corpus (URI order), e.g. for go to definition. */
  first(id: EntityId): Mention | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.first !== undefined) return entry.first ?? undefined;
    entry.first = null;
    for (const uri of sortedFiles(entry)) {
      const out: Mention[] = [];
      this.collect(uri, id, false, out, true);
      if (out.length) {
        entry.first = out[0];
        break;
      }
    }
    return entry.first ?? undefined;
  }

  private collect(uri: string, id: EntityId, links: boolean, out: Mention[], firstOnly: boolean): void {
    const s = this.files.get(uri);
    if (!s) return;
    const idx = s.ids.indexOf(id);
    if (idx < 0) return;
    const m = s.mentions;
    for (let k = 0; k < m.length; k += MENTION_SLOTS) {
      if (m[k] !== idx) continue;
      const flags = m[k + 7];
      if (!links && flags & MENTION_LINK) continue;
      out.push({
        uri,
        id,
        start: m[k + 1],
        end: m[k + 2],
        range: [m[k + 3], m[k + 4], m[k + 5], m[k + 6]],
        link: (flags & MENTION_LINK) !== 0,
        nested: (flags & MENTION_NESTED) !== 0,
      });
      if (firstOnly) return;
    }
  }

  /** Titles seen beside a person across the corpus, most frequent first (cached until a file of it changes). */
  titles(id: EntityId): Array<{ title: string; files: number }> {
    const entry = this.entries.get(id);
    if (!entry) return [];
    entry.titles ??= sortedTitles(entry.titleCounts);
    return entry.titles.map((t) => ({ ...t }));
  }

  /** Add (+1) or remove (-1) the titles a file saw beside its persons. */
  private countTitles(summary: FileSummary, sign: 1 | -1): void {
    for (const [i, list] of summary.titles) {
      const entry = this.entries.get(summary.ids[i]);
      if (!entry) continue;
      const counts = (entry.titleCounts ??= new Map());
      const seen = new Set<string>(); // a title counts once per file
      for (const t of list) {
        const k = rememberedKey(t);
        if (seen.has(k)) continue;
        seen.add(k);
        let spellings = counts.get(k);
        if (!spellings) counts.set(k, (spellings = new Map()));
        const n = (spellings.get(t) ?? 0) + sign;
        if (n > 0) spellings.set(t, n);
        else spellings.delete(t);
        if (spellings.size === 0) counts.delete(k);
      }
      entry.titles = undefined;
    }
  }

  /**
   * Distinct entities whose name contains every word of the query. A query typed without
   * diacritics matches names with them (`nguyen quang duong` → `Nguyễn Quang Dương`); a
   * query with diacritics matches them exactly. Best matches first, then the most mentioned.
   */
  search(query: string, opts: SearchOptions = {}): SearchHit[] {
    const limit = opts.limit ?? 256;
    const labels = opts.labels ? new Set(opts.labels) : null;
    const q = normalizedKey(query);
    const useFolded = foldDiacritics(q) === q;
    const words = q.split(' ').filter(Boolean);
    const scored: Array<{ e: Entry; score: number; folded: boolean }> = [];
    let n = 0;
    for (const e of this.entries.values()) {
      if ((++n & 4095) === 0 && opts.isCancelled?.()) break;
      if (labels && !labels.has(e.label)) continue;
      const hay = useFolded ? e.folded : e.key;
      const score = matchScore(hay, q, words);
      if (score < 0) continue;
      scored.push({ e, score, folded: useFolded && e.folded !== e.key && !matchesAll(e.key, words) });
    }
    scored.sort((a, b) => b.score - a.score || b.e.total - a.e.total || a.e.name.localeCompare(b.e.name));
    return scored.slice(0, limit).map(({ e, folded }) => ({ id: e.id, label: e.label, name: e.name, mentions: e.total, files: e.files.size, folded }));
  }
}

/** Titles by files, most first; each shown in its most frequent spelling. */
function sortedTitles(counts: Entry['titleCounts']): Array<{ title: string; files: number }> {
  const out: Array<{ title: string; files: number }> = [];
  for (const spellings of counts?.values() ?? []) {
    let files = 0;
    let best = '';
    let bestN = 0;
    for (const [t, n] of spellings) {
      files += n;
      if (n > bestN) [best, bestN] = [t, n];
    }
    out.push({ title: best, files });
  }
  return out.sort((a, b) => b.files - a.files || a.title.localeCompare(b.title));
}

function dropCaches(entry: Entry): void {
  entry.all = undefined;
  entry.sorted = undefined;
  entry.first = undefined;
  entry.titles = undefined;
}

function sortedFiles(entry: Entry): string[] {
  if (!entry.sorted) entry.sorted = [...entry.files.keys()].sort();
  return entry.sorted;
}

function matchesAll(hay: string, words: readonly string[]): boolean {
  return words.every((w) => hay.includes(w));
}

/** -1: no match; higher is better (whole name, prefix, word prefixes, substrings). */
function matchScore(hay: string, q: string, words: readonly string[]): number {
  if (words.length === 0) return 0;
  if (!matchesAll(hay, words)) return -1;
  if (hay === q) return 4;
  if (hay.startsWith(q)) return 3;
  const wordStarts = words.every((w) => hay.startsWith(w) || hay.includes(' ' + w));
  return wordStarts ? 2 : 1;
}

/** Prefer a name with diacritics and more words (a canonical full name) as the display name. */
function isBetterName(candidate: string, current: string): boolean {
  return nameScore(candidate) > nameScore(current);
}

/** How canonical a display name looks; asked for every file that names a person again, so remembered. */
const NAME_SCORES = new Map<string, number>();
const NAME_SCORES_MAX = 50_000;

function nameScore(s: string): number {
  let score = NAME_SCORES.get(s);
  if (score === undefined) {
    score = (foldDiacritics(s) !== rememberedKey(s) ? 100 : 0) + s.split(' ').length;
    if (NAME_SCORES.size >= NAME_SCORES_MAX) NAME_SCORES.clear();
    NAME_SCORES.set(s, score);
  }
  return score;
}
