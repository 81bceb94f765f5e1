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

export class AnnotationCorpus {
  private readonly summaries = new Map<string, Cached<ArticleSummary>>();
  private readonly analyses = new Map<string, Cached<{ text: string; analysis: Analysis }>>();

  constructor(
    private readonly roots: () => string[],
    private readonly isArticle: (uri: string) => boolean,
  ) {}

  /** Article URIs in path order. */
  articles(): string[] {
    const roots = this.roots();
    if (roots.length === 0) return [];
    return listArticles(roots, (f) => this.isArticle(URI.file(f).toString())).found.map((f) => URI.file(f).toString());
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
    if (hit && hit.fingerprint === fp) return hit.value;
    const read = readArticle(file);
    if (!read.ok) return undefined;
    const value = { text: read.text, analysis: analyze(read.text) };
    this.analyses.set(uri, { fingerprint: fp, value });
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
