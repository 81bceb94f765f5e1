/**
 * The analysis core's single entry point (vscode-css-languageservice style): one factory,
 * each layer implemented in its own module. Pure: strings in, plain data out, no I/O.
 */
import { splitLines, type Candidate, type DetectContext } from './candidates';
import { detectBoilerplate } from './boilerplate';
import { detectMetadata } from './metadata';
import { detectDates, findPublicationDate } from './dates';
import { attachDocumentDetails, detectDocuments } from './documents';
import { detectNamedEntities } from './names';
import { linkMentions } from './linking';
import { resolveLayers } from './layers';
import { createTextView, type TextView } from './normalize';
import { CodePointIndex } from './offsets';
import type { Analysis, Entity } from './types';

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

/** Analyse one article. Never throws on any string input. */
export function analyze(raw: string, options: AnalyzeOptions = {}): Analysis {
  const view = createTextView(raw);
  const ctx: DetectContext = {
    text: view.text,
    lines: splitLines(view.text),
    boilerplate: [],
    metadata: [],
    publicationDate: null,
    found: [],
  };
  ctx.boilerplate = detectBoilerplate(ctx);
  ctx.metadata = detectMetadata(ctx);
  ctx.publicationDate = findPublicationDate(ctx) ?? options.publicationDate ?? null;
  const early: Candidate[] = [...detectDates(ctx), ...detectDocuments(ctx)];
  ctx.found = early;
  const all = [...early, ...detectNamedEntities(ctx)];
  // A DOC's date and issuer come from the DATE/ORG spans after it, once layers are settled.
  const layered = attachDocumentDetails(ctx.text, resolveLayers(all));
  const { links, values, titles } = linkMentions(ctx, layered);
  for (let k = 0; k < layered.length; k++) {
    const c = layered[k];
    if (values.has(c)) layered[k] = { ...c, value: values.get(c), titles: titles.get(c) };
  }
  return toStored(view, ctx, layered, links);
}

/** Map view UTF-16 spans to stored code points, once, and copy the stored text of each. */
function toStored(
  view: TextView,
  ctx: DetectContext,
  layered: ReturnType<typeof resolveLayers>,
  links: ReturnType<typeof linkMentions>['links'],
): Analysis {
  const cps = new CodePointIndex(view.raw);
  const entities: Entity[] = layered.map((c) => {
    // Built field by field (no object spreads): this runs once per entity of the article.
    const rs = view.toRaw(c.start);
    const re = view.toRaw(c.end);
    const e: Entity = { label: c.label, start: cps.toCodePoint(rs), end: cps.toCodePoint(re), text: view.raw.slice(rs, re), nested: c.nested };
    if (c.value !== undefined) e.value = c.value;
    if (c.yearSource) e.yearSource = c.yearSource;
    if (c.titles?.length) e.titles = c.titles;
    return e;
  });
  const span = (s: { start: number; end: number }) => {
    const rs = view.toRaw(s.start);
    const re = view.toRaw(s.end);
    return { start: cps.toCodePoint(rs), end: cps.toCodePoint(re), text: view.raw.slice(rs, re) };
  };
  return {
    publicationDate: ctx.publicationDate,
    entities,
    boilerplate: ctx.boilerplate.map((b) => ({ category: b.category, ...span(b) })),
    metadata: ctx.metadata.map((m) => ({ kind: m.kind, ...span(m) })),
    links: links.map((l) => ({ ...span(l), target: l.target, canonical: l.canonical, kind: l.kind })),
  };
}
