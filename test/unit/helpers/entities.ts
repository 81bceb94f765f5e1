/** Small helpers for the entity tests: run the name detectors on a sentence and list what they found. */
import { analyze } from '../../../server/src/core/analyzer';
import { splitLines, type Candidate, type DetectContext, type Meta } from '../../../server/src/core/candidates';
import { resolveLayers } from '../../../server/src/core/layers';
import { detectNamedEntities } from '../../../server/src/core/names';
import { createTextView } from '../../../server/src/core/normalize';
import type { Analysis } from '../../../server/src/core/types';

const NAME_LABELS = new Set(['PER', 'TITLE', 'ORG', 'LOC']);

/** `LABEL text` for every primary PER/TITLE/ORG/LOC of the full pipeline, in order. */
export function primary(text: string): string[] {
  return analyze(text).entities.filter((e) => !e.nested && NAME_LABELS.has(e.label)).map((e) => `${e.label} ${e.text}`);
}

/** `LABEL text` for every nested PER/TITLE/ORG/LOC. */
export function nested(text: string): string[] {
  return analyze(text).entities.filter((e) => e.nested && NAME_LABELS.has(e.label)).map((e) => `${e.label} ${e.text}`);
}

export function full(text: string): Analysis {
  return analyze(text);
}

/** Run names.ts + layers.ts on a hand-made context (metadata and earlier candidates given). */
export function withContext(text: string, metadata: Meta[] = [], found: Candidate[] = []): Array<{ label: string; text: string; nested: boolean }> {
  const view = createTextView(text);
  const ctx: DetectContext = { text: view.text, lines: splitLines(view.text), boilerplate: [], metadata, publicationDate: null, found };
  return resolveLayers([...found, ...detectNamedEntities(ctx)]).map((c) => ({ label: c.label, text: view.text.slice(c.start, c.end), nested: c.nested }));
}

/** The view span of the first occurrence of `part` in `text`. */
export function spanOf(text: string, part: string): { start: number; end: number } {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`"${part}" not in text`);
  return { start, end: start + part.length };
}
