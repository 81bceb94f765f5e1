/**
 * Vietnamese sentence splitting over syllable tokens (tokenize.ts).
 *
 * A sentence ends at a line break (headlines, captions and paragraphs are lines in
 * scraped news) or after terminal punctuation (`.`, `!`, `?`, `…`, `...`, with any closing
 * quotes or brackets glued to it) when the next token opens a sentence: a capital letter,
 * a digit, an opening quote or bracket, a dash. Abbreviations (`TP.`, `PGS.TS.`, `ThS.`,
 * `Th.S`), decimals (`10.950`) and document symbols (`18-NQ/TW`) never end a sentence
 * because the tokenizer keeps their periods inside the token. A labeled span never
 * straddles two sentences: the boundary inside it is suppressed.
 */
import type { Token } from './tokenize';
import type { Span } from './types';

export interface Sentence extends Span {
  /** Index of the first token. */
  tokenStart: number;
  /** Index just past the last token. */
  tokenEnd: number;
}

export interface SentenceOptions {
  /** Spans (code points) that must stay inside one sentence. */
  keepTogether?: readonly Span[];
}

const TERMINAL = /^(?:[.!?]+|…+|[?!]+[.…]*)$/;
const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', '»', ')', ']', '}']);
const OPENS = /^[\p{Lu}\p{Nd}"'\u201c\u2018«([{•*]/u;
const DASHES = new Set(['-', '–', '—']);

export function splitSentences(tokens: readonly Token[], options: SentenceOptions = {}): Sentence[] {
  const glued = gluedTokens(tokens, options.keepTogether ?? []);
  const out: Sentence[] = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    let last = i;
    let end = tokens[i].lineBreakAfter;
    if (!end && TERMINAL.test(tokens[i].text)) {
      while (last + 1 < tokens.length && !tokens[last].spaceAfter && CLOSERS.has(tokens[last + 1].text)) last++;
      const next = tokens[last + 1];
      end = next === undefined || tokens[last].lineBreakAfter || opens(tokens, last + 1);
    }
    if (end && !glued[last]) {
      out.push({ start: tokens[first].start, end: tokens[last].end, tokenStart: first, tokenEnd: last + 1 });
      first = last + 1;
    }
    i = last;
  }
  if (first < tokens.length) out.push({ start: tokens[first].start, end: tokens[tokens.length - 1].end, tokenStart: first, tokenEnd: tokens.length });
  return out;
}

/** Does token k open a sentence? A dash does when a capital follows it (a quoted reply: `- Ông nói`). */
function opens(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (DASHES.has(t.text)) return tokens[k + 1] !== undefined && OPENS.test(tokens[k + 1].text);
  return OPENS.test(t.text);
}

/** glued[i]: token i and token i + 1 lie in one span, so no sentence may end after i. */
function gluedTokens(tokens: readonly Token[], spans: readonly Span[]): boolean[] {
  const glued = new Array<boolean>(tokens.length).fill(false);
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let t = 0;
  for (const s of sorted) {
    while (t > 0 && tokens[t - 1].end > s.start) t--; // spans may overlap: step back
    while (t < tokens.length && tokens[t].end <= s.start) t++;
    for (let k = t; k + 1 < tokens.length && tokens[k + 1].start < s.end; k++) glued[k] = true;
  }
  return glued;
}
