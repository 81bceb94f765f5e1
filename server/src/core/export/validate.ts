/**
 * Checks that can fail, run on every export before anything is written:
 * - tag sequences are well formed (IOB2/BIOES);
 * - the tokens of every example reproduce its text (each token equals the text at its
 *   offsets — for words, with the spaces between syllables written as `_` — tokens are in
 *   order, and only whitespace lies between them);
 * - every span's text equals the exported text at its offsets;
 * - tags and spans agree (the tags decode to exactly the primary spans);
 * - the written files read back: CoNLL columns and blocks, JSON rows, .ann files.
 */
import { parseAnn } from '../bratStandoff';
import { CodePointIndex } from '../offsets';
import { isSpace, type Token } from '../tokenize';
import { ENTITY_LABELS } from '../types';
import { DOCSTART_2, DOCSTART_4 } from './conllExport';
import type { ExampleSpan, ExportExample } from './examples';
import type { ExportOptions, TagScheme } from './exportOptions';
import { checkTags, decodeTags, tagNames, tagUnits } from './tags';

const LABELS: ReadonlySet<string> = new Set(ENTITY_LABELS);

function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isSpace(s.charCodeAt(i))) return true;
  return false;
}

/** Tokens reproduce the text. `joined`: word tokens whose inner whitespace is written `_`. */
export function checkTokens(text: string, tokens: readonly Token[], joined = false): string[] {
  const problems: string[] = [];
  const cps = new CodePointIndex(text);
  let pos = 0;
  tokens.forEach((t, i) => {
    if (t.text === '' || hasSpace(t.text)) problems.push(`token ${i + 1} ${JSON.stringify(t.text)} is empty or contains whitespace`);
    if (t.start < pos || t.end <= t.start || t.end > cps.length) {
      problems.push(`token ${i + 1} ${JSON.stringify(t.text)} has offsets ${t.start}-${t.end} out of order or range`);
      return;
    }
    const gap = cps.slice(pos, t.start);
    if (gap.trim() !== '' && [...gap].some((c) => !isSpace(c.charCodeAt(0)))) problems.push(`text ${JSON.stringify(gap)} before token ${i + 1} is not covered by any token`);
    const covered = cps.slice(t.start, t.end);
    const expected = joined ? covered.replace(/[\s\u00a0\ufeff\u200b]+/g, '_') : covered;
    if (expected !== t.text) problems.push(`token ${i + 1} ${JSON.stringify(t.text)} differs from the text at ${t.start}-${t.end} ${JSON.stringify(covered)}`);
    pos = t.end;
  });
  const tail = cps.slice(Math.min(pos, cps.length), cps.length);
  if ([...tail].some((c) => !isSpace(c.charCodeAt(0)))) problems.push(`text ${JSON.stringify(tail.slice(0, 40))} after the last token is not covered by any token`);
  return problems;
}

/** Every span lies in the text, has a known label and carries the text at its offsets. */
export function checkSpans(text: string, spans: readonly ExampleSpan[]): string[] {
  const cps = new CodePointIndex(text);
  const problems: string[] = [];
  for (const s of spans) {
    if (!LABELS.has(s.label)) problems.push(`span ${s.start}-${s.end} has unknown label '${s.label}'`);
    if (!(s.start >= 0 && s.start < s.end && s.end <= cps.length)) problems.push(`span ${s.label} ${s.start}-${s.end} is outside the text (length ${cps.length})`);
    else if (cps.slice(s.start, s.end) !== s.text) problems.push(`span ${s.label} ${s.start}-${s.end} says ${JSON.stringify(s.text)} but the text there is ${JSON.stringify(cps.slice(s.start, s.end))}`);
  }
  return problems;
}

/** The tags of some units decode to exactly the given flat spans (by offsets and label). */
export function checkAgreement(units: readonly Token[], tags: readonly string[], spans: readonly { start: number; end: number; label: string }[], scheme: TagScheme): string[] {
  const problems = checkTags(tags, scheme);
  if (units.length !== tags.length) return [...problems, `${units.length} tokens but ${tags.length} tags`];
  const fromTags = new Set(decodeTags(tags).map((r) => `${r.label}:${units[r.start].start}:${units[r.end - 1].end}`));
  const fromSpans = new Set(spans.map((s) => `${s.label}:${s.start}:${s.end}`));
  for (const k of fromSpans) if (!fromTags.has(k)) problems.push(`span ${k} is not encoded by the tags`);
  for (const k of fromTags) if (!fromSpans.has(k)) problems.push(`tags encode ${k}, which is no span`);
  return problems;
}

/** All example-level checks. */
export function validateExample(ex: ExportExample, options: Pick<ExportOptions, 'scheme' | 'tokens'>): string[] {
  const where = (p: string) => `${ex.id}: ${p}`;
  const problems = [...checkTokens(ex.text, ex.tokens), ...checkSpans(ex.text, ex.entities), ...checkSpans(ex.text, ex.human), ...checkSpans(ex.text, ex.detected)];
  const units = ex.sentences.flat();
  problems.push(...checkTokens(ex.text, units, options.tokens === 'word'));
  const primary = ex.entities.filter((e) => !e.nested);
  const inSentences = primary.filter((e) => ex.sentences.some((s) => s.length && s[0].start <= e.start && e.end <= s[s.length - 1].end));
  if (inSentences.length !== primary.length) problems.push(`${primary.length - inSentences.length} span(s) cross a sentence boundary`);
  for (const s of ex.sentences) {
    const spans = primary.filter((e) => s.length && s[0].start <= e.start && e.end <= s[s.length - 1].end);
    problems.push(...checkAgreement(s, tagUnits(s, spans, options.scheme), spans, options.scheme));
  }
  return problems.map(where);
}

export interface ConllSentence {
  tokens: string[];
  tags: string[];
}

/** Read CoNLL back: blocks separated by blank lines, `columns` single-space columns, no -DOCSTART- blocks. */
export function readConll(content: string, columns: 2 | 4): { sentences: ConllSentence[]; documents: number; problems: string[] } {
  const problems: string[] = [];
  const sentences: ConllSentence[] = [];
  let documents = 0;
  let cur: ConllSentence = { tokens: [], tags: [] };
  const lines = content.split('\n');
  if (content !== '' && !content.endsWith('\n\n')) problems.push('the last sentence is not followed by a blank line');
  lines.forEach((line, i) => {
    if (line === '') {
      if (cur.tokens.length) sentences.push(cur);
      cur = { tokens: [], tags: [] };
      return;
    }
    if (line === DOCSTART_4 || line === DOCSTART_2) {
      documents++;
      if (cur.tokens.length) problems.push(`line ${i + 1}: -DOCSTART- inside a sentence`);
      return;
    }
    const cells = line.split(' ');
    if (cells.length !== columns || cells.some((c) => c === '' || hasSpace(c))) {
      problems.push(`line ${i + 1}: expected ${columns} single-space separated columns, got ${JSON.stringify(line)}`);
      return;
    }
    cur.tokens.push(cells[0]);
    cur.tags.push(cells[columns - 1]);
  });
  if (cur.tokens.length) sentences.push(cur);
  return { sentences, documents, problems };
}

/** The CoNLL a writer produced equals, sentence by sentence, what the examples say. */
export function validateConll(content: string, examples: readonly ExportExample[], o: Pick<ExportOptions, 'scheme' | 'conllColumns' | 'docstart'>): string[] {
  const { sentences, documents, problems } = readConll(content, o.conllColumns);
  const expected = examples.flatMap((ex) => ex.sentences.map((s) => ({ tokens: s.map((u) => u.text), tags: tagUnits(s, ex.entities.filter((e) => !e.nested), o.scheme) })));
  if (sentences.length !== expected.length) problems.push(`${sentences.length} sentences read back, ${expected.length} written`);
  const docs = new Set(examples.map((e) => e.docId)).size;
  if (o.docstart && documents !== docs) problems.push(`${documents} -DOCSTART- lines for ${docs} documents`);
  sentences.forEach((s, i) => {
    problems.push(...checkTags(s.tags, o.scheme).map((p) => `sentence ${i + 1}: ${p}`));
    const e = expected[i];
    if (e && (s.tokens.join(' ') !== e.tokens.join(' ') || s.tags.join(' ') !== e.tags.join(' '))) problems.push(`sentence ${i + 1} differs from its example`);
  });
  return problems;
}

/** A JSON row's spans [start, end, label] point at real text. */
export function checkOffsetRow(text: unknown, spans: unknown): string[] {
  if (typeof text !== 'string' || !Array.isArray(spans)) return ['row without text or spans'];
  const cps = new CodePointIndex(text);
  const out: string[] = [];
  for (const s of spans as unknown[]) {
    const [a, b, label] = Array.isArray(s) ? s : [];
    if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a < b && b <= cps.length) || !LABELS.has(label)) out.push(`bad span ${JSON.stringify(s)}`);
  }
  return out;
}

/** Read back one written file of a format; problems are prefixed with the path. */
export function validateWritten(format: string, path: string, content: string, options: ExportOptions): string[] {
  const p = (list: string[]) => list.slice(0, 20).map((m) => `${path}: ${m}`);
  if (path.endsWith('.ann')) return p(parseAnn(content).problems.map((x) => `line ${x.line}: ${x.message}`));
  if (path.endsWith('.conll')) {
    const o = format === 'spacy' ? { conllColumns: 4 as const } : options;
    return p(readConll(content, o.conllColumns).problems);
  }
  if (path.endsWith('.jsonl') && !path.startsWith('spacy_alignment')) {
    const problems: string[] = [];
    content.split('\n').forEach((line, i) => {
      if (line === '') return;
      let row: Record<string, unknown>;
      try {
        row = JSON.parse(line) as Record<string, unknown>;
      } catch {
        problems.push(`line ${i + 1} is not JSON`);
        return;
      }
      problems.push(...rowProblems(format, row, options).map((m) => `line ${i + 1}: ${m}`));
    });
    return p(problems);
  }
  if (format === 'labelstudio' && path.endsWith('.json')) {
    try {
      const tasks = JSON.parse(content) as Array<{ data: { text: string }; annotations: Array<{ result: LsResult[] }>; predictions: Array<{ result: LsResult[] }> }>;
      const problems: string[] = [];
      tasks.forEach((t, i) => {
        const cps = new CodePointIndex(t.data.text);
        for (const r of [...t.annotations, ...t.predictions].flatMap((a) => a.result)) {
          const v = r.value;
          if (r.type !== 'labels' || r.from_name !== 'label' || r.to_name !== 'text') problems.push(`task ${i + 1}: result ${r.id} is not a labels result of label → text`);
          if (cps.slice(v.start, v.end) !== v.text || v.start >= v.end) problems.push(`task ${i + 1}: result ${r.id} text ${JSON.stringify(v.text)} differs from the text at ${v.start}-${v.end}`);
        }
      });
      return p(problems);
    } catch (e) {
      return p([`not a JSON task list: ${(e as Error).message}`]);
    }
  }
  return [];
}

interface LsResult {
  id: string;
  type: string;
  from_name: string;
  to_name: string;
  value: { start: number; end: number; text: string; labels: string[] };
}

function rowProblems(format: string, row: Record<string, unknown>, options: ExportOptions): string[] {
  switch (format) {
    case 'doccano':
      return checkOffsetRow(row.text, row.label);
    case 'spacy':
      return checkOffsetRow(row.text, row.entities);
    case 'prodigy':
      return prodigyProblems(row);
    case 'hf':
      return hfProblems(row, options);
    default:
      return [];
  }
}

function prodigyProblems(row: Record<string, unknown>): string[] {
  const text = String(row.text ?? '');
  const tokens = (row.tokens ?? []) as Array<{ text: string; start: number; end: number; ws: boolean }>;
  const problems = checkTokens(text, tokens.map((t) => ({ ...t, spaceAfter: t.ws, lineBreakAfter: false })));
  const cps = new CodePointIndex(text);
  tokens.forEach((t, i) => {
    const ws = t.end < cps.length && isSpace(cps.slice(t.end, t.end + 1).charCodeAt(0));
    if (ws !== t.ws) problems.push(`token ${i + 1} has ws ${t.ws} but ${ws ? 'whitespace' : 'no whitespace'} follows`);
  });
  for (const s of (row.spans ?? []) as Array<{ start: number; end: number; label: string; token_start: number; token_end: number }>) {
    const a = tokens[s.token_start];
    const b = tokens[s.token_end];
    if (!a || !b || a.start !== s.start || b.end !== s.end || s.token_end < s.token_start) problems.push(`span ${s.start}-${s.end} does not match tokens ${s.token_start}..${s.token_end} (inclusive)`);
  }
  return problems;
}

function hfProblems(row: Record<string, unknown>, options: ExportOptions): string[] {
  const tokens = row.tokens as string[];
  const tags = row.ner_tags as number[];
  const names = tagNames(options.scheme);
  if (!Array.isArray(tokens) || !Array.isArray(tags) || tokens.length !== tags.length) return ['tokens and ner_tags differ in length'];
  const problems: string[] = [];
  if (tags.some((t) => !Number.isInteger(t) || t < 0 || t >= names.length)) problems.push('a tag id is outside the ClassLabel names');
  if (tokens.some((t) => t === '' || hasSpace(t))) problems.push('a token is empty or contains whitespace');
  problems.push(...checkTags(tags.map((t) => names[t] ?? '?'), options.scheme));
  return problems;
}
