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
import { checkTags, decodeTags, tagNames, tagUnits, type TagRun } from './tags';

const LABELS: ReadonlySet<string> = new Set(ENTITY_LABELS);

function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isSpace(s.charCodeAt(i))) return true;
  return false;
}

/** Is `cell` non-empty, free of whitespace and the text at UTF-16 index `at`? One pass, no copy. */
function isTextAt(text: string, at: number, cell: string): boolean {
  const n = cell.length;
  if (n === 0 || at + n > text.length) return false;
  for (let k = 0; k < n; k++) {
    const c = cell.charCodeAt(k);
    if (c !== text.charCodeAt(at + k) || ((c <= 32 || c >= 0x80) && isSpace(c))) return false;
  }
  return true;
}

/** Is anything but whitespace in text[a, b) (UTF-16)? A surrogate counts as text. */
function stray(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!isSpace(text.charCodeAt(k))) return true;
  return false;
}

/** Tokens reproduce the text. `joined`: word tokens whose inner whitespace is written `_`. */
export function checkTokens(text: string, tokens: readonly Token[], joined = false, cps = new CodePointIndex(text)): string[] {
  const problems: string[] = [];
  let pos = 0;
  const length = cps.length;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!joined && t.start >= pos && t.end > t.start && t.end <= length) {
      // The usual token: in order and range, and its text is the text at its offsets with no
      // whitespace in it — one pass over its characters proves all of that; anything else
      // takes the full checks below, which name every problem.
      const a = cps.toUtf16(t.start);
      if (t.text.length === cps.toUtf16(t.end) - a && isTextAt(text, a, t.text)) {
        if (stray(text, cps.toUtf16(pos), a)) problems.push(`text ${JSON.stringify(cps.slice(pos, t.start))} before token ${i + 1} is not covered by any token`);
        pos = t.end;
        continue;
      }
    }
    if (t.text === '' || hasSpace(t.text)) problems.push(`token ${i + 1} ${JSON.stringify(t.text)} is empty or contains whitespace`);
    if (t.start < pos || t.end <= t.start || t.end > cps.length) {
      problems.push(`token ${i + 1} ${JSON.stringify(t.text)} has offsets ${t.start}-${t.end} out of order or range`);
      continue;
    }
    if (stray(text, cps.toUtf16(pos), cps.toUtf16(t.start))) problems.push(`text ${JSON.stringify(cps.slice(pos, t.start))} before token ${i + 1} is not covered by any token`);
    const a = cps.toUtf16(t.start);
    const b = cps.toUtf16(t.end);
    // Compared in place: no copy of the covered text unless it is needed.
    const same = joined ? text.slice(a, b).replace(/[\s\u00a0\ufeff\u200b]+/g, '_') === t.text : t.text.length === b - a && text.startsWith(t.text, a);
    if (!same) problems.push(`token ${i + 1} ${JSON.stringify(t.text)} differs from the text at ${t.start}-${t.end} ${JSON.stringify(cps.slice(t.start, t.end))}`);
    pos = t.end;
  }
  const from = Math.min(pos, cps.length);
  if (stray(text, cps.toUtf16(from), text.length)) problems.push(`text ${JSON.stringify(cps.slice(from, cps.length).slice(0, 40))} after the last token is not covered by any token`);
  return problems;
}

/** Are the sentences' units, in order, the very token objects of the example (syllable units are)? */
function unitsAreTokens(sentences: readonly Token[][], tokens: readonly Token[]): boolean {
  let k = 0;
  for (const s of sentences) for (const u of s) if (k >= tokens.length || u !== tokens[k++]) return false;
  return k === tokens.length;
}

/** The units of every sentence in one list (`sentences.flat()`, without its generic cost). */
function flatten(sentences: readonly Token[][]): Token[] {
  const out: Token[] = [];
  for (const s of sentences) for (const u of s) out.push(u);
  return out;
}

/** Every span lies in the text, has a known label and carries the text at its offsets. */
export function checkSpans(text: string, spans: readonly ExampleSpan[], cps = new CodePointIndex(text)): string[] {
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
  const runs = decodeTags(tags);
  // The usual case: the runs are the spans one for one, in order; then both sets below are equal.
  if (sameRuns(units, runs, spans)) return problems;
  const fromTags = new Set(runs.map((r) => `${r.label}:${units[r.start].start}:${units[r.end - 1].end}`));
  const fromSpans = new Set(spans.map((s) => `${s.label}:${s.start}:${s.end}`));
  for (const k of fromSpans) if (!fromTags.has(k)) problems.push(`span ${k} is not encoded by the tags`);
  for (const k of fromTags) if (!fromSpans.has(k)) problems.push(`tags encode ${k}, which is no span`);
  return problems;
}

/** Does run k of the tags cover exactly span k (same label, first unit's start, last unit's end), for every k? */
function sameRuns(units: readonly Token[], runs: readonly TagRun[], spans: readonly { start: number; end: number; label: string }[]): boolean {
  if (runs.length !== spans.length) return false;
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k];
    const s = spans[k];
    if (r.label !== s.label || units[r.start].start !== s.start || units[r.end - 1].end !== s.end) return false;
  }
  return true;
}

/** All example-level checks. */
export function validateExample(ex: ExportExample, options: Pick<ExportOptions, 'scheme' | 'tokens'>): string[] {
  const where = (p: string) => `${ex.id}: ${p}`;
  const cps = new CodePointIndex(ex.text); // one code-point table for every check of this example
  const tokenProblems = checkTokens(ex.text, ex.tokens, false, cps);
  const problems = [...tokenProblems, ...checkSpans(ex.text, ex.entities, cps), ...checkSpans(ex.text, ex.human, cps), ...checkSpans(ex.text, ex.detected, cps)];
  const joined = options.tokens === 'word';
  // Syllable units are the very token objects just checked: the same pure check gives the same answer.
  problems.push(...(!joined && unitsAreTokens(ex.sentences, ex.tokens) ? tokenProblems : checkTokens(ex.text, flatten(ex.sentences), joined, cps)));
  const primary = ex.entities.filter((e) => !e.nested);
  const perSentence = spansBySentence(ex.sentences, primary);
  let inSentences = 0;
  const seen = new Set<ExampleSpan>();
  for (const list of perSentence) for (const e of list) seen.add(e);
  for (const e of primary) if (seen.has(e)) inSentences++;
  if (inSentences !== primary.length) problems.push(`${primary.length - inSentences} span(s) cross a sentence boundary`);
  ex.sentences.forEach((s, k) => {
    const spans = perSentence[k];
    problems.push(...checkAgreement(s, tagUnits(s, spans, options.scheme), spans, options.scheme));
  });
  return problems.map(where);
}

/** Does a sentence (non-empty) hold the span, from its first unit's start to its last unit's end? */
function holds(s: readonly Token[], e: ExampleSpan): boolean {
  return s.length > 0 && s[0].start <= e.start && e.end <= s[s.length - 1].end;
}

/**
 * The spans each sentence holds, in `spans` order. Spans sorted by start with start ≤ end
 * (as the examples make them) are found by binary search; any other list is filtered in
 * full, so the answer is the same for every input.
 */
function spansBySentence(sentences: readonly Token[][], spans: readonly ExampleSpan[]): ExampleSpan[][] {
  let ordered = true;
  for (let i = 0; i < spans.length && ordered; i++) ordered = spans[i].start <= spans[i].end && (i === 0 || spans[i - 1].start <= spans[i].start);
  if (!ordered) return sentences.map((s) => spans.filter((e) => holds(s, e)));
  return sentences.map((s) => {
    const out: ExampleSpan[] = [];
    if (s.length === 0) return out;
    const a = s[0].start;
    const b = s[s.length - 1].end;
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start < a) lo = mid + 1;
      else hi = mid;
    }
    // From here starts are ≥ a and ascending; past b no span (start ≤ end) can end by b.
    for (let i = lo; i < spans.length && spans[i].start <= b; i++) if (spans[i].end <= b) out.push(spans[i]);
    return out;
  });
}

export interface ConllSentence {
  tokens: string[];
  tags: string[];
}

/**
 * Read CoNLL back: blocks separated by blank lines, `columns` single-space columns, no
 * -DOCSTART- blocks. One pass over the characters with no per-line arrays (exports hold
 * millions of lines); `collect: false` only checks, without keeping tokens and tags.
 */
export function readConll(content: string, columns: 2 | 4, collect = true): { sentences: ConllSentence[]; documents: number; problems: string[] } {
  const problems: string[] = [];
  const sentences: ConllSentence[] = [];
  let documents = 0;
  let cur: ConllSentence = { tokens: [], tags: [] };
  let curLength = 0;
  if (content !== '' && !content.endsWith('\n\n')) problems.push('the last sentence is not followed by a blank line');
  let lineNo = 0;
  for (let i = 0; i <= content.length; ) {
    let j = content.indexOf('\n', i);
    if (j < 0) j = content.length;
    lineNo++;
    if (j === i) {
      if (curLength) sentences.push(cur);
      cur = { tokens: [], tags: [] };
      curLength = 0;
    } else if (isDocstart(content, i, j)) {
      documents++;
      if (curLength) problems.push(`line ${lineNo}: -DOCSTART- inside a sentence`);
    } else {
      // Cells are split at ' '; an empty cell or any other whitespace is a problem.
      let cells = 1;
      let firstSep = -1;
      let lastSep = -1;
      let bad = content.charCodeAt(i) === 32 || content.charCodeAt(j - 1) === 32;
      for (let k = i; k < j && !bad; k++) {
        const c = content.charCodeAt(k);
        if (c === 32) {
          if (k === lastSep + 1 && lastSep >= 0) bad = true; // two spaces: an empty cell
          cells++;
          if (firstSep < 0) firstSep = k;
          lastSep = k;
        } else if (c <= 32 || c >= 0x80 ? isSpace(c) : false) bad = true;
      }
      if (bad || cells !== columns) {
        problems.push(`line ${lineNo}: expected ${columns} single-space separated columns, got ${JSON.stringify(content.slice(i, j))}`);
      } else {
        curLength++;
        if (collect) {
          cur.tokens.push(content.slice(i, firstSep));
          cur.tags.push(content.slice(lastSep + 1, j));
        }
      }
    }
    i = j + 1;
  }
  if (curLength) sentences.push(cur);
  return { sentences, documents, problems };
}

function isDocstart(content: string, i: number, j: number): boolean {
  return content.charCodeAt(i) === 45 /* - */ && (content.startsWith(DOCSTART_4, i) ? j - i === DOCSTART_4.length : content.startsWith(DOCSTART_2, i) && j - i === DOCSTART_2.length);
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** The CoNLL a writer produced equals, sentence by sentence, what the examples say. */
export function validateConll(content: string, examples: readonly ExportExample[], o: Pick<ExportOptions, 'scheme' | 'conllColumns' | 'docstart'>): string[] {
  // The usual case, proven without reading the file back into arrays: `content` is exactly
  // the lines these sentences make and each of them would read back clean. Anything else
  // takes the full read-back below, which names every problem.
  if (conllIsExactly(content, examples, o)) return [];
  const expected = examples.flatMap((ex) => ex.sentences.map((s) => ({ tokens: s.map((u) => u.text), tags: tagUnits(s, ex.entities.filter((e) => !e.nested), o.scheme) })));
  const { sentences, documents, problems } = readConll(content, o.conllColumns);
  if (sentences.length !== expected.length) problems.push(`${sentences.length} sentences read back, ${expected.length} written`);
  const docs = new Set(examples.map((e) => e.docId)).size;
  if (o.docstart && documents !== docs) problems.push(`${documents} -DOCSTART- lines for ${docs} documents`);
  sentences.forEach((s, i) => {
    problems.push(...checkTags(s.tags, o.scheme).map((p) => `sentence ${i + 1}: ${p}`));
    const e = expected[i];
    const differs = (a: string[], b: string[]) => !sameStrings(a, b) && a.join(' ') !== b.join(' ');
    if (e && (differs(s.tokens, e.tokens) || differs(s.tags, e.tags))) problems.push(`sentence ${i + 1} differs from its example`);
  });
  return problems;
}

/**
 * Index in `content` just past a CoNLL cell found at `at`, or -1: the cell is not empty,
 * holds no whitespace (readConll would split or refuse it) and is the text there.
 */
function cellEnd(content: string, at: number, cell: string): number {
  return isTextAt(content, at, cell) ? at + cell.length : -1;
}

/** Index in `content` just past `literal` found at `at`, or -1. */
function literalEnd(content: string, at: number, literal: string): number {
  if (at + literal.length > content.length) return -1;
  for (let k = 0; k < literal.length; k++) if (content.charCodeAt(at + k) !== literal.charCodeAt(k)) return -1;
  return at + literal.length;
}

/** Index just past the line break at `at`, or -1 when there is none. */
function newlineEnd(content: string, at: number): number {
  return at >= 0 && content.charCodeAt(at) === 10 ? at + 1 : -1;
}

/**
 * Is `content` exactly the CoNLL of the examples' sentences (the writer's layout: each unit's
 * text and tag, tags as tagUnits gives them for the primary spans), with every line one
 * readConll accepts and every tag sequence well formed? Then readConll would return these
 * very sentences, no problem, one -DOCSTART- per document change, and validateConll
 * nothing. False sends the caller to the full read-back (never a wrong "valid").
 */
function conllIsExactly(content: string, examples: readonly ExportExample[], o: Pick<ExportOptions, 'scheme' | 'conllColumns' | 'docstart'>): boolean {
  const docstart = o.conllColumns === 4 ? DOCSTART_4 : DOCSTART_2;
  const middle = o.conllColumns === 4 ? ' _ O ' : ' ';
  let at = 0;
  let lastDoc: string | undefined;
  let docLines = 0;
  for (const ex of examples) {
    if (o.docstart && ex.docId !== lastDoc) {
      at = newlineEnd(content, newlineEnd(content, literalEnd(content, at, docstart)));
      if (at < 0) return false;
      docLines++;
    }
    lastDoc = ex.docId;
    const primary = ex.entities.filter((e) => !e.nested);
    for (const units of ex.sentences) {
      const tags = tagUnits(units, primary, o.scheme);
      if (units.length === 0 || checkTags(tags, o.scheme).length > 0) return false;
      for (let i = 0; i < units.length; i++) {
        const token = units[i].text;
        const tag = tags[i];
        // A two-column line `-DOCSTART- O` would read as a document start.
        if (o.conllColumns === 2 && token === '-DOCSTART-' && tag === 'O') return false;
        at = cellEnd(content, at, token);
        if (at >= 0) at = literalEnd(content, at, middle);
        if (at >= 0) at = cellEnd(content, at, tag);
        at = at >= 0 ? newlineEnd(content, at) : -1;
        if (at < 0) return false;
      }
      at = newlineEnd(content, at);
      if (at < 0) return false;
    }
  }
  if (at !== content.length) return false;
  if (o.docstart && docLines !== new Set(examples.map((e) => e.docId)).size) return false;
  // readConll wants a final blank line, so an export of nothing but document starts fails.
  return content === '' || content.endsWith('\n\n');
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
    return p(readConll(content, o.conllColumns, false).problems);
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

/** What validateWritten reports for one row of a Hugging Face .jsonl (before the line prefix). */
export function hfProblems(row: Record<string, unknown>, options: Pick<ExportOptions, 'scheme'>): string[] {
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
