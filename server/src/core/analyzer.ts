/**
 * The analysis core's single entry point (vscode-css-languageservice style): one factory,
 * each layer implemented in its own module. Pure: strings in, plain data out, no I/O.
 */
import { splitLines, type Candidate, type DetectContext, type Link } from './candidates';
import { detectBoilerplate } from './boilerplate';
import { detectMetadata } from './metadata';
import { findPublicationDate, scanDates } from './dates';
import { attachDocumentDetails, detectDocuments } from './documents';
import { detectNamedEntities } from './names';
import { linkMentions } from './linking';
import { resolveLayers, type Layered } from './layers';
import { createTextView, type TextView } from './normalize';
import { CodePointIndex } from './offsets';
import type { Analysis, BoilerplateBlock, Entity, MentionLink, MetadataItem } from './types';

export interface AnalyzeOptions {
  /** Fallback publication date (ISO) when the article has no dateline of its own. */
  publicationDate?: string | null;
}

export interface Analyzer {
  analyze(raw: string, options?: AnalyzeOptions): Analysis;
}

export interface AnalyzerInit {
  /** Optional logger; the core never logs on its own. */
  log?: (message: string) => void;
}

export function createAnalyzer(_init: AnalyzerInit = {}): Analyzer {
  return { analyze };
}

/** Analyse one article. Never throws on any string input. The two stages of analyzeInStages, run at once. */
export function analyze(raw: string, options: AnalyzeOptions = {}): Analysis {
  const view = createTextView(raw);
  const ctx = pageOf(view.text, options);
  const at = new StoredOffsets(view);
  const page = storedPage(view, ctx, at);
  const found = entitiesOf(view, ctx, at);
  return { publicationDate: ctx.publicationDate, entities: found.entities, boilerplate: page.boilerplate, metadata: page.metadata, links: found.links };
}

/**
 * Analyse one article in two stages: the page (boilerplate, metadata, publication date) at
 * once, the entities and links when `entities` or `links` is first read. An editor's
 * diagnostics need only the page, so after an edit in a long article they need not wait
 * for the detectors; every reader of entities or links gets exactly what `analyze` gives.
 * The second stage depends only on this call's text and page (the detectors' per-text
 * memos are keyed by the text), so other analyses may run in between.
 */
export function analyzeInStages(raw: string, options: AnalyzeOptions = {}): Analysis {
  const view = createTextView(raw);
  const ctx = pageOf(view.text, options);
  const at = new StoredOffsets(view);
  const { boilerplate, metadata } = storedPage(view, ctx, at);
  return new StagedAnalysis(ctx.publicationDate, boilerplate, metadata, view, ctx, at);
}

/**
 * An analysis whose entities and links are detected when first read. A class, not an object
 * literal with getters: such literals made a new hidden class per article, and a corpus pass
 * built that way spent twice the GC time (4% → 8% of CPU), measured.
 */
class StagedAnalysis implements Analysis {
  #view: TextView;
  #ctx: DetectContext;
  #at: StoredOffsets;
  #found: EntitiesAndLinks | undefined;

  constructor(
    readonly publicationDate: string | null,
    readonly boilerplate: BoilerplateBlock[],
    readonly metadata: MetadataItem[],
    view: TextView,
    ctx: DetectContext,
    at: StoredOffsets,
  ) {
    this.#view = view;
    this.#ctx = ctx;
    this.#at = at;
  }

  get entities(): Entity[] {
    return this.#detected().entities;
  }

  get links(): MentionLink[] {
    return this.#detected().links;
  }

  /** The plain analysis, keys in analyze()'s order (JSON sees no getters of a class). */
  toJSON(): Analysis {
    return { publicationDate: this.publicationDate, entities: this.entities, boilerplate: this.boilerplate, metadata: this.metadata, links: this.links };
  }

  #detected(): EntitiesAndLinks {
    return (this.#found ??= entitiesOf(this.#view, this.#ctx, this.#at));
  }
}

/** The page's blocks and metadata at stored code-point offsets, with their stored text. */
function storedPage(view: TextView, ctx: DetectContext, at: StoredOffsets): { boilerplate: BoilerplateBlock[]; metadata: MetadataItem[] } {
  const boilerplate: BoilerplateBlock[] = [];
  for (const b of ctx.boilerplate) {
    const rs = view.toRaw(b.start);
    const re = view.toRaw(b.end);
    boilerplate.push({ category: b.category, start: at.codePoint(rs), end: at.codePoint(re), text: view.raw.slice(rs, re) });
  }
  const metadata: MetadataItem[] = [];
  for (const m of ctx.metadata) {
    const rs = view.toRaw(m.start);
    const re = view.toRaw(m.end);
    metadata.push({ kind: m.kind, start: at.codePoint(rs), end: at.codePoint(re), text: view.raw.slice(rs, re) });
  }
  return { boilerplate, metadata };
}

/** The first stage: lines, boilerplate, metadata and the publication date of the view text. */
function pageOf(text: string, options: AnalyzeOptions): DetectContext {
  const ctx: DetectContext = { text, lines: splitLines(text), boilerplate: [], metadata: [], publicationDate: null, found: [] };
  ctx.boilerplate = detectBoilerplate(ctx);
  ctx.metadata = detectMetadata(ctx);
  ctx.publicationDate = findPublicationDate(ctx) ?? options.publicationDate ?? null;
  return ctx;
}

interface EntitiesAndLinks {
  entities: Entity[];
  links: MentionLink[];
}

/** The second stage: every detector, the layers and the links, mapped to stored offsets. */
function entitiesOf(view: TextView, ctx: DetectContext, at: StoredOffsets): EntitiesAndLinks {
  // One array gets every candidate, by push loops: no array per detector and no concat.
  const all: Candidate[] = [];
  pushDates(all, ctx);
  pushAll(all, detectDocuments(ctx));
  // The names read the dates and documents found so far; the array then gets the names too.
  ctx.found = all;
  pushAll(all, detectNamedEntities(ctx));
  // A DOC's date and issuer come from the DATE/ORG spans after it, once layers are settled.
  const layered = attachDocumentDetails(ctx.text, resolveLayers(all));
  return toStored(view, at, layered, linkMentions(ctx, layered));
}

/** dates.detectDates into out: one DATE candidate per date found, fields in its order. */
function pushDates(out: Candidate[], ctx: DetectContext): void {
  const found = scanDates(ctx.text, ctx.publicationDate);
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    out.push({ label: 'DATE', start: f.start, end: f.end, value: f.value, yearSource: f.yearSource });
  }
}

function pushAll(out: Candidate[], items: readonly Candidate[]): void {
  for (let k = 0; k < items.length; k++) out.push(items[k]);
}

/**
 * Map view UTF-16 spans to stored code points, once, and copy the stored text of each.
 * Every output object is built field by field (no spreads, no intermediate objects): this
 * runs once per entity and link of the article. PERs carry their canonical name and titles
 * from linking.ts.
 */
function toStored(view: TextView, at: StoredOffsets, layered: readonly Layered[], linked: readonly Link[]): EntitiesAndLinks {
  const raw = view.raw;
  const entities = new Array<Entity>(layered.length);
  for (let k = 0; k < layered.length; k++) {
    const c = layered[k];
    const rs = view.toRaw(c.start);
    const re = view.toRaw(c.end);
    const titles = c.titles;
    entities[k] = entityOf(c.label, at.codePoint(rs), at.codePoint(re), raw.slice(rs, re), c.nested, c.value, c.yearSource || undefined, titles?.length ? titles : undefined);
  }
  const links = new Array<MentionLink>(linked.length);
  for (let k = 0; k < links.length; k++) {
    const l = linked[k];
    const rs = view.toRaw(l.start);
    const re = view.toRaw(l.end);
    links[k] = { start: at.codePoint(rs), end: at.codePoint(re), text: raw.slice(rs, re), target: l.target, canonical: l.canonical, kind: l.kind };
  }
  return { entities, links };
}

/**
 * One entity in one object literal per combination of its optional fields: adding a field
 * after the literal costs a second allocation (a property backing store) per entity. Absent
 * fields stay absent (not `undefined`), in the same key order as ever (the JSON is compared).
 */
function entityOf(label: Entity['label'], start: number, end: number, text: string, nested: boolean, value: Entity['value'], yearSource: Entity['yearSource'], titles: string[] | undefined): Entity {
  if (value === undefined) {
    if (yearSource === undefined) return titles === undefined ? { label, start, end, text, nested } : { label, start, end, text, nested, titles };
    return titles === undefined ? { label, start, end, text, nested, yearSource } : { label, start, end, text, nested, yearSource, titles };
  }
  if (yearSource === undefined) return titles === undefined ? { label, start, end, text, nested, value } : { label, start, end, text, nested, value, titles };
  return titles === undefined ? { label, start, end, text, nested, value, yearSource } : { label, start, end, text, nested, value, yearSource, titles };
}

/** Stored UTF-16 index → stored code point; the identity (no index built) for a plain view. */
class StoredOffsets {
  private readonly cps: CodePointIndex | undefined;

  constructor(view: TextView) {
    this.cps = view.plain ? undefined : new CodePointIndex(view.raw);
  }

  codePoint(rawIndex: number): number {
    return this.cps === undefined ? rawIndex : this.cps.toCodePoint(rawIndex);
  }
}
