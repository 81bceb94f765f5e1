/**
 * Corpus-wide reading for the annotation workflow: which articles exist, which are
 * reviewed, how many human labels by source, and each article's effective entities (for
 * the Entities view, "next unconfirmed detection" and label-all across the corpus).
 * Results are cached per file by a (mtime, size) fingerprint of the article, its .ann and
 * its sidecar, so repeated status requests only stat files.
 */
import * as fs from 'node:fs';
import { URI } from 'vscode-uri';
import { analyze } from './core/analyzer';
import { parseSidecar } from './core/annotationSidecar';
import type { Analysis } from './core/types';
import { annPathOf, sidecarPathOf } from './annotationFiles';
import { listArticles, readArticle } from './fsCorpus';

export interface ArticleSummary {
  uri: string;
  reviewed: boolean;
  human: { manual: number; accepted: number; bulk: number };
}

interface Cached<T> {
  fingerprint: string;
  value: T;
}

/** Closed articles whose text and analysis are kept (each holds its text and every entity). */
const MAX_CACHED_ANALYSES = 256;

export class AnnotationCorpus {
  private readonly summaries = new Map<string, Cached<ArticleSummary>>();
  private readonly analyses = new Map<string, Cached<{ text: string; analysis: Analysis }>>();
  /** The last walk's article list, kept until files come or go (see invalidate). */
  private listed: string[] | undefined;

  constructor(
    private readonly roots: () => string[],
    private readonly isArticle: (uri: string) => boolean,
    /**
     * True while the client reports created and deleted files (workspace/didChangeWatchedFiles):
     * the list of articles is then walked once and kept until `invalidate`. Without it every
     * call walks the folders again (the status bar asks on every label and editor switch).
     */
    private readonly watched: () => boolean = () => false,
  ) {}

  /** Article URIs in path order. Callers must not change the list. */
  articles(): readonly string[] {
    if (this.listed && this.watched()) return this.listed;
    const roots = this.roots();
    const list = roots.length === 0 ? [] : listArticles(roots, (f) => this.isArticle(URI.file(f).toString())).found.map((f) => URI.file(f).toString());
    this.listed = list;
    return list;
  }

  /** Files were created or deleted, folders or the `files` setting changed: walk again at the next call. */
  invalidate(): void {
    this.listed = undefined;
  }

  summary(uri: string): ArticleSummary {
    const file = URI.parse(uri).fsPath;
    const fp = stamp(annPathOf(file)) + '|' + stamp(sidecarPathOf(file));
    const hit = this.summaries.get(uri);
    if (hit && hit.fingerprint === fp) return hit.value;
    const value = summarize(uri, file);
    this.summaries.set(uri, { fingerprint: fp, value });
    return value;
  }

  /** Text and detections of a closed article, cached by its fingerprint. */
  analysisOf(uri: string): { text: string; analysis: Analysis } | undefined {
    const file = URI.parse(uri).fsPath;
    const fp = stamp(file);
    const hit = this.analyses.get(uri);
    if (hit && hit.fingerprint === fp) {
      // Most recently used last: the oldest goes first when the cache is full.
      this.analyses.delete(uri);
      this.analyses.set(uri, hit);
      return hit.value;
    }
    const read = readArticle(file);
    if (!read.ok) return undefined;
    const value = { text: read.text, analysis: analyze(read.text) };
    this.analyses.delete(uri);
    this.analyses.set(uri, { fingerprint: fp, value });
    // A corpus-wide walk (the Entities view, label-all) must not keep 10,000 analyses in memory.
    if (this.analyses.size > MAX_CACHED_ANALYSES) this.analyses.delete(this.analyses.keys().next().value!);
    return value;
  }
}

function summarize(uri: string, file: string): ArticleSummary {
  const out: ArticleSummary = { uri, reviewed: false, human: { manual: 0, accepted: 0, bulk: 0 } };
  let sidecar;
  try {
    sidecar = parseSidecar(fs.readFileSync(sidecarPathOf(file), 'utf8')).sidecar;
  } catch {
    sidecar = undefined;
  }
  out.reviewed = !!sidecar?.reviewed;
  let ann = '';
  try {
    ann = fs.readFileSync(annPathOf(file), 'utf8');
  } catch {
    return out;
  }
  // Counting T lines is enough for a progress figure; the full reader runs when the article opens.
  for (const m of ann.matchAll(/^(T\d+)\t/gm)) {
    const source = sidecar?.provenance[m[1]]?.source ?? 'manual';
    out.human[source]++;
  }
  return out;
}

function stamp(file: string): string {
  try {
    const s = fs.statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return '-';
  }
}
