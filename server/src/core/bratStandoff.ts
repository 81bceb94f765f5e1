/**
 * brat standoff (.ann) reading and writing. Offsets are code points into the article as
 * stored (guide §1), which is what brat, INCEpTION and Python count.
 *
 * Contract:
 * - `parseAnn` never throws. Every line it cannot use (bad syntax, unknown label, offsets
 *   beyond the article, covered text that does not match, duplicate ids, notes for a
 *   missing entity) is reported as an `AnnProblem` naming its 1-based line, and kept
 *   verbatim in `otherLines`; lines of other kinds (relations, events, attributes…) are
 *   kept verbatim without a problem.
 * - `serializeAnn(parseAnn(x))` returns `x` byte for byte (BOM, CRLF, missing final
 *   newline, odd spacing included): the parse records a layout and untouched records are
 *   re-emitted from their raw text. Changed entities are rewritten in place, removed ones
 *   (and their notes) dropped, new ones appended.
 */
import { CodePointIndex } from './offsets';
import { ENTITY_LABELS } from './types';

export interface AnnEntity {
  /** `T12` */
  id: string;
  label: string;
  start: number;
  end: number;
  /** Discontinuous spans (`0 5;7 9`) keep every fragment; start/end cover them all. */
  fragments: Array<[number, number]>;
  text: string;
  /** AnnotatorNotes value (the normalized value: ISO date, JSON of a DOC, canonical name). */
  note?: string;
}

/** Stable problem codes (diagnostic codes; messages are localised from them). */
export type AnnProblemCode =
  | 'bad-line'
  | 'unknown-label'
  | 'offset-beyond-text'
  | 'text-mismatch'
  | 'duplicate-id'
  | 'note-without-entity'
  | 'duplicate-note';

export interface AnnProblem {
  /** 1-based line number in the .ann. */
  line: number;
  message: string;
  /** The line as written. */
  text: string;
  code?: AnnProblemCode;
  /** The entity the line describes when its syntax was readable (reanchoring can retry it). */
  entity?: AnnEntity;
}

/** One record of the file in order, so an untouched file is written back byte for byte. */
export type AnnLayoutItem =
  | { kind: 'entity'; id: string; raw: string; eol: string; sig: string }
  | { kind: 'note'; target: string; noteId: string; raw: string; eol: string; value: string }
  | { kind: 'other'; ref: AnnOtherLine; eol: string; entityId?: string };

export interface AnnOtherLine {
  line: number;
  text: string;
}

export interface AnnDocument {
  entities: AnnEntity[];
  /** Lines this reader does not interpret (relations, events, attributes…) or cannot use; kept verbatim. */
  otherLines: AnnOtherLine[];
  problems: AnnProblem[];
  /** Present after parsing: the original order and line ends. */
  layout?: AnnLayoutItem[];
  /** Line end used for new lines (the file's first one; `\n` by default). */
  eol?: string;
  /** The file started with a byte-order mark. */
  bom?: boolean;
  /** The last line ended with a line break (true for new files). */
  finalNewline?: boolean;
}

export interface ParseOptions {
  /** The article as stored; when given, offsets and covered texts are checked against it. */
  text?: string;
  /** Accepted entity labels (default: the guide's). */
  labels?: readonly string[];
}

// `s`: a covered text or note may hold U+2028/U+2029 (scraped articles do), which `.` alone
// refuses; lines are split only at \n, \r\n and \r, so nothing else can reach the text.
const ENTITY_LINE = /^(T\d+)\t([^\t ]+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/s;
const NOTE_LINE = /^(#\d+)\tAnnotatorNotes ([A-Z]\d+)\t(.*)$/s;

/** Split keeping each line's own terminator (`\n`, `\r\n` or a lone `\r`). */
function splitLines(ann: string): Array<{ text: string; eol: string }> {
  const out: Array<{ text: string; eol: string }> = [];
  let start = 0;
  for (let i = 0; i < ann.length; i++) {
    const c = ann.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    const eol = c === 13 && ann.charCodeAt(i + 1) === 10 ? '\r\n' : ann[i];
    out.push({ text: ann.slice(start, i), eol });
    i += eol.length - 1;
    start = i + 1;
  }
  if (start < ann.length) out.push({ text: ann.slice(start), eol: '' });
  return out;
}

/** The text brat stores for a span: fragments joined by one space, line breaks as spaces. */
export function coveredText(article: CodePointIndex | string, fragments: ReadonlyArray<readonly [number, number]>): string {
  const cps = typeof article === 'string' ? new CodePointIndex(article) : article;
  return fragments.map(([s, e]) => cps.slice(s, e)).join(' ').replace(/[\r\n]/g, ' ');
}

/** Canonical text of an entity line. */
export function formatEntityLine(e: AnnEntity): string {
  const frags = (e.fragments.length ? e.fragments : [[e.start, e.end] as [number, number]]).map(([s, t]) => `${s} ${t}`).join(';');
  return `${e.id}\t${e.label} ${frags}\t${e.text.replace(/[\r\n]/g, ' ')}`;
}

function formatNoteLine(noteId: string, target: string, value: string): string {
  return `${noteId}\tAnnotatorNotes ${target}\t${value.replace(/[\r\n]+/g, ' ')}`;
}

export function parseAnn(ann: string, options: ParseOptions = {}): AnnDocument {
  const bom = ann.charCodeAt(0) === 0xfeff;
  const body = bom ? ann.slice(1) : ann;
  const lines = splitLines(body);
  const doc: AnnDocument = {
    entities: [],
    otherLines: [],
    problems: [],
    layout: [],
    eol: lines.find((l) => l.eol)?.eol ?? '\n',
    bom,
    finalNewline: lines.length === 0 || lines[lines.length - 1].eol !== '',
  };
  const labels = new Set(options.labels ?? ENTITY_LABELS);
  const cps = options.text === undefined ? undefined : new CodePointIndex(options.text);
  const byId = new Map<string, AnnEntity>();
  const seenNoteIds = new Set<string>();
  const noted = new Set<string>();
  const pendingNotes: Array<{ line: number; text: string; eol: string; noteId: string; target: string; value: string }> = [];

  const keep = (line: number, text: string, eol: string, problem?: Omit<AnnProblem, 'line' | 'text'>) => {
    const ref = { line, text };
    doc.otherLines.push(ref);
    doc.layout!.push({ kind: 'other', ref, eol, entityId: problem?.entity?.id });
    if (problem) doc.problems.push({ line, text, ...problem });
  };

  lines.forEach(({ text, eol }, i) => {
    const line = i + 1;
    if (text.startsWith('T')) {
      const parsed = readEntity(text);
      if (typeof parsed === 'string') return keep(line, text, eol, { code: 'bad-line', message: parsed });
      const problem = validateEntity(parsed, labels, cps, byId);
      if (problem) return keep(line, text, eol, { ...problem, entity: parsed });
      byId.set(parsed.id, parsed);
      doc.entities.push(parsed);
      doc.layout!.push({ kind: 'entity', id: parsed.id, raw: text, eol, sig: formatEntityLine(parsed) });
      return;
    }
    const n = NOTE_LINE.exec(text);
    if (n && n[2].startsWith('T')) {
      // Resolved after every T line is read: brat allows a note before its entity.
      pendingNotes.push({ line, text, eol, noteId: n[1], target: n[2], value: n[3] });
      doc.layout!.push({ kind: 'other', ref: { line, text }, eol });
      return;
    }
    if (n) seenNoteIds.add(n[1]);
    keep(line, text, eol);
  });

  for (const p of pendingNotes) {
    const slot = doc.layout!.findIndex((l) => l.kind === 'other' && l.ref.line === p.line);
    const entity = byId.get(p.target);
    let problem: Omit<AnnProblem, 'line' | 'text'> | undefined;
    if (seenNoteIds.has(p.noteId)) problem = { code: 'duplicate-id', message: `duplicate id ${p.noteId}` };
    else if (!entity) {
      // A note for an entity kept verbatim (its own line was unusable) is not a second problem.
      const parked = doc.problems.some((q) => q.entity?.id === p.target);
      problem = parked ? undefined : { code: 'note-without-entity', message: `AnnotatorNotes for ${p.target}, which is not an entity in this file` };
    } else if (noted.has(p.target)) problem = { code: 'duplicate-note', message: `second AnnotatorNotes for ${p.target}` };
    seenNoteIds.add(p.noteId);
    if (entity && !problem) {
      noted.add(p.target);
      entity.note = p.value;
      doc.layout![slot] = { kind: 'note', target: p.target, noteId: p.noteId, raw: p.text, eol: p.eol, value: p.value };
      continue;
    }
    const ref = { line: p.line, text: p.text };
    doc.otherLines.push(ref);
    doc.layout![slot] = { kind: 'other', ref, eol: p.eol };
    if (problem) doc.problems.push({ line: p.line, text: p.text, ...problem });
  }
  doc.otherLines.sort((a, b) => a.line - b.line);
  doc.problems.sort((a, b) => a.line - b.line);
  return doc;
}

/** Syntax of a T line, or the reason it cannot be read. */
function readEntity(text: string): AnnEntity | string {
  const t = ENTITY_LINE.exec(text);
  if (!t) {
    if (!/^T\d+\t/.test(text)) return 'malformed entity line: expected "T<n><TAB>LABEL START END<TAB>text"';
    return 'malformed entity line: expected "LABEL START END" followed by a tab and the covered text';
  }
  const fragments = t[3].split(';').map((f) => f.split(' ').map(Number) as [number, number]);
  for (let k = 0; k < fragments.length; k++) {
    const [s, e] = fragments[k];
    if (!Number.isSafeInteger(s) || !Number.isSafeInteger(e) || s >= e) return `malformed entity line: empty or reversed span ${s} ${e}`;
    if (k > 0 && s < fragments[k - 1][1]) return 'malformed entity line: fragments out of order';
  }
  return { id: t[1], label: t[2], start: fragments[0][0], end: fragments[fragments.length - 1][1], fragments, text: t[4] };
}

function validateEntity(
  e: AnnEntity,
  labels: ReadonlySet<string>,
  cps: CodePointIndex | undefined,
  byId: ReadonlyMap<string, AnnEntity>,
): Omit<AnnProblem, 'line' | 'text'> | undefined {
  if (byId.has(e.id)) return { code: 'duplicate-id', message: `duplicate id ${e.id}` };
  if (!labels.has(e.label)) return { code: 'unknown-label', message: `unknown label ${e.label} (expected one of ${[...labels].join(', ')})` };
  if (!cps) return undefined;
  if (e.end > cps.length) return { code: 'offset-beyond-text', message: `offsets ${e.start}–${e.end} lie beyond the article (${cps.length} characters)` };
  const actual = coveredText(cps, e.fragments);
  if (actual !== e.text.replace(/[\r\n]/g, ' ')) {
    return { code: 'text-mismatch', message: `covered text "${clip(e.text)}" does not match the article at ${e.start}–${e.end} ("${clip(actual)}")` };
  }
  return undefined;
}

function clip(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

/**
 * A fresh `T<n>` id: one past the largest ever seen in this file — live entities, deleted
 * ones still in the layout, and ids that relations or parked lines mention — so a
 * relation never silently points at a new entity.
 */
export function nextEntityId(doc: Pick<AnnDocument, 'entities' | 'otherLines'> & Partial<AnnDocument>): string {
  let max = 0;
  const see = (id: string | undefined) => {
    if (id && id[0] === 'T') max = Math.max(max, Number(id.slice(1)) || 0);
  };
  for (const e of doc.entities) see(e.id);
  for (const l of doc.layout ?? []) see(l.kind === 'entity' ? l.id : l.kind === 'note' ? l.target : l.entityId);
  for (const o of doc.otherLines) for (const m of o.text.matchAll(/\bT(\d+)\b/g)) see(m[0]);
  return `T${max + 1}`;
}

export function serializeAnn(doc: Pick<AnnDocument, 'entities' | 'otherLines'> & Partial<AnnDocument>): string {
  const eol = doc.eol ?? '\n';
  const out: Array<{ text: string; eol: string }> = [];
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const emitted = new Set<string>();
  const noted = new Set<string>();
  const liveOther = new Set(doc.otherLines);
  const emittedOther = new Set<AnnOtherLine>();
  let noteMax = maxNoteId(doc);
  const notedInLayout = new Set<string>();
  for (const l of doc.layout ?? []) if (l.kind === 'note') notedInLayout.add(l.target);

  const emitEntity = (e: AnnEntity, raw?: string, sig?: string, lineEol = eol) => {
    const line = formatEntityLine(e);
    out.push({ text: raw !== undefined && sig === line ? raw : line, eol: lineEol });
    emitted.add(e.id);
  };
  const emitNewNote = (e: AnnEntity) => {
    if (e.note === undefined || noted.has(e.id)) return;
    out.push({ text: formatNoteLine(`#${++noteMax}`, e.id, e.note), eol });
    noted.add(e.id);
  };

  for (const item of doc.layout ?? []) {
    if (item.kind === 'entity') {
      const e = byId.get(item.id);
      if (!e || emitted.has(e.id)) continue;
      emitEntity(e, item.raw, item.sig, item.eol);
      if (!notedInLayout.has(e.id)) emitNewNote(e);
    } else if (item.kind === 'note') {
      const e = byId.get(item.target);
      if (!e || e.note === undefined || noted.has(e.id)) continue;
      out.push({ text: e.note === item.value ? item.raw : formatNoteLine(item.noteId, e.id, e.note), eol: item.eol });
      noted.add(e.id);
    } else if (liveOther.has(item.ref)) {
      out.push({ text: item.ref.text, eol: item.eol });
      emittedOther.add(item.ref);
    } else if (item.entityId && byId.has(item.entityId) && !emitted.has(item.entityId)) {
      // A parked line the caller repaired (e.g. re-anchored) goes back where it was.
      const e = byId.get(item.entityId)!;
      emitEntity(e, undefined, undefined, item.eol);
      emitNewNote(e);
    }
  }
  for (const e of doc.entities) {
    if (emitted.has(e.id)) continue;
    emitEntity(e);
    emitNewNote(e);
  }
  for (const o of doc.otherLines) if (!emittedOther.has(o)) out.push({ text: o.text, eol });
  return join(out, eol, doc.finalNewline ?? true, doc.bom ?? false);
}

function maxNoteId(doc: Partial<AnnDocument> & Pick<AnnDocument, 'otherLines'>): number {
  let max = 0;
  for (const l of doc.layout ?? []) if (l.kind === 'note') max = Math.max(max, Number(l.noteId.slice(1)) || 0);
  for (const o of doc.otherLines) {
    const m = /^#(\d+)\t/.exec(o.text);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}

/** Join lines; every line but the last keeps a terminator, the last one only if the file had one. */
function join(lines: Array<{ text: string; eol: string }>, eol: string, finalNewline: boolean, bom: boolean): string {
  let s = bom ? '\ufeff' : '';
  lines.forEach((l, i) => {
    const last = i === lines.length - 1;
    s += l.text + (last ? (finalNewline ? l.eol || eol : '') : l.eol || eol);
  });
  return s;
}
