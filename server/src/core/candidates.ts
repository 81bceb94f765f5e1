/**
 * Internal shapes passed between detectors. Detectors work in the analysis view's
 * UTF-16 indices (see normalize.ts); the analyzer maps the final result to stored code
 * points once, at the end.
 */
import type { BoilerplateCategory, DocValue, EntityLabel, MetadataKind, YearSource } from './types';

export interface Candidate {
  label: EntityLabel;
  /** View UTF-16 index. */
  start: number;
  end: number;
  value?: string | DocValue;
  yearSource?: YearSource;
  /** Higher wins when two candidates of equal length overlap. Defaults to 0. */
  priority?: number;
}

/** One line of the view (without its line break). */
export interface Line {
  index: number;
  start: number;
  end: number;
  text: string;
}

export interface Block {
  category: BoilerplateCategory;
  start: number;
  end: number;
  /** Why the block was classified so (the cue or layout rule), for hovers. */
  reason?: string;
}

export interface Meta {
  kind: MetadataKind;
  start: number;
  end: number;
}

export interface Link {
  start: number;
  end: number;
  target: string;
  canonical: string;
  kind: 'short-name' | 'title';
}

/** Everything a detector may read. Later stages see the results of earlier ones. */
export interface DetectContext {
  /** The analysis view text (NFC, tone-unified, NBSP → space). */
  text: string;
  lines: Line[];
  boilerplate: Block[];
  metadata: Meta[];
  publicationDate: string | null;
  /** Candidates found by earlier stages (dates and documents run before names). */
  found: Candidate[];
}

/** Split the view into lines, keeping offsets; \r\n, \n and lone \r all end a line. */
export function splitLines(text: string): Line[] {
  // Without a \r (most texts) the native indexOf finds every break.
  if (text.indexOf('\r') >= 0) return splitLinesAnyBreak(text);
  const lines: Line[] = [];
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    lines.push({ index: lines.length, start, end: nl, text: text.slice(start, nl) });
    start = nl + 1;
  }
  lines.push({ index: lines.length, start, end: text.length, text: text.slice(start) });
  return lines;
}

function splitLinesAnyBreak(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c === 10 || c === 13 || c === -1) {
      lines.push({ index: lines.length, start, end: i, text: text.slice(start, i) });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
}
