/**
 * Token tags from spans and back: IOB2 (every span starts with B-, the default; not
 * CoNLL-2003's original IOB1) or BIOES (S- for one-token spans, E- for the last token).
 * The id order of tag names (`O`, then B-/I-(/E-/S-) per label in the guide's order) is
 * the ClassLabel order of the Hugging Face export.
 */
import type { Token } from '../tokenize';
import { ENTITY_LABELS, type Span } from '../types';
import type { TagScheme } from './exportOptions';

export interface Labeled extends Span {
  label: string;
}

/** Tag names in id order. */
export function tagNames(scheme: TagScheme, labels: readonly string[] = ENTITY_LABELS): string[] {
  const prefixes = scheme === 'bioes' ? ['B', 'I', 'E', 'S'] : ['B', 'I'];
  return ['O', ...labels.flatMap((l) => prefixes.map((p) => `${p}-${l}`))];
}

/** The four tag strings of a label, made once: tagging a corpus then allocates no string per token. */
interface LabelTags {
  B: string;
  I: string;
  E: string;
  S: string;
}
const LABEL_TAGS = new Map<string, LabelTags>();

function tagsOf(label: string): LabelTags {
  let t = LABEL_TAGS.get(label);
  if (!t) {
    t = { B: `B-${label}`, I: `I-${label}`, E: `E-${label}`, S: `S-${label}` };
    if (LABEL_TAGS.size < 256) LABEL_TAGS.set(label, t); // labels are a handful; never grow without bound
  }
  return t;
}

/**
 * Tag units (tokens or words) with flat spans. A unit is inside a span when it lies
 * within it; the tokenizer cuts at span boundaries, so every span covers whole units.
 */
export function tagUnits(units: readonly Token[], spans: readonly Labeled[], scheme: TagScheme): string[] {
  const tags = new Array<string>(units.length).fill('O');
  // Writers pass a document's spans for each of its sentences, already in order: sort only when not.
  const sorted = isSortedByStart(spans) ? spans : [...spans].sort((a, b) => a.start - b.start);
  let u = 0;
  for (const s of sorted) {
    while (u < units.length && units[u].end <= s.start) u++;
    const first = u;
    while (u < units.length && units[u].start >= s.start && units[u].end <= s.end) u++;
    const n = u - first;
    if (n === 0) continue;
    const names = tagsOf(s.label);
    for (let k = first; k < u; k++) tags[k] = names.I;
    tags[first] = names.B;
    if (scheme === 'bioes') {
      if (n === 1) tags[first] = names.S;
      else tags[u - 1] = names.E;
    }
  }
  return tags;
}

function isSortedByStart(spans: readonly Labeled[]): boolean {
  for (let i = 1; i < spans.length; i++) if (!(spans[i - 1].start <= spans[i].start)) return false;
  return true;
}

export interface TagRun {
  /** First unit index. */
  start: number;
  /** Unit index past the last. */
  end: number;
  label: string;
}

/**
 * Whitespace as a regular expression's `\s` sees it (ECMAScript WhiteSpace and
 * LineTerminator), so the syntax test below accepts exactly what `^(?:O|[BI]-\S+)$` did.
 */
function isRegexSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** `O`, or a prefix the scheme allows, `-`, and a label of one or more non-space characters. */
function isTagOf(t: string, scheme: TagScheme): boolean {
  if (t === 'O') return true;
  if (t.length < 3 || t.charCodeAt(1) !== 45 /* - */) return false;
  const p = t.charCodeAt(0);
  const prefixOk = p === 66 /* B */ || p === 73 /* I */ || (scheme === 'bioes' && (p === 69 /* E */ || p === 83 /* S */));
  if (!prefixOk) return false;
  for (let k = 2; k < t.length; k++) if (isRegexSpace(t.charCodeAt(k))) return false;
  return true;
}

/** Do two tags (`X-label`, both at least 2 long) carry the same label? No slice made. */
function sameLabel(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let k = 2; k < a.length; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false;
  return true;
}

/** Problems of a tag sequence under a scheme (empty when well formed). */
export function checkTags(tags: readonly string[], scheme: TagScheme): string[] {
  const problems: string[] = [];
  let open: string | undefined; // the tag whose span is being continued (its label from index 2)
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (!isTagOf(t, scheme)) {
      problems.push(`tag ${i + 1} '${t}' is not a ${scheme.toUpperCase()} tag`);
      open = undefined;
      continue;
    }
    const p = t === 'O' ? 'O' : t[0];
    if ((p === 'I' || p === 'E') && (open === undefined || !sameLabel(open, t))) problems.push(`tag ${i + 1} '${t}' continues ${open ? `'${open.slice(2)}'` : 'nothing'}`);
    if (scheme === 'bioes' && open !== undefined && (p === 'O' || p === 'B' || p === 'S')) problems.push(`tag ${i + 1} '${t}' follows an unclosed ${open.slice(2)} span`);
    open = p === 'B' || p === 'I' ? t : undefined;
  }
  if (scheme === 'bioes' && open !== undefined) problems.push(`the sequence ends inside an unclosed ${open.slice(2)} span`);
  return problems;
}

/** Spans (in unit indices) that a well-formed tag sequence encodes. */
export function decodeTags(tags: readonly string[]): TagRun[] {
  const runs: TagRun[] = [];
  let cur: TagRun | undefined;
  let curTag = ''; // the tag that opened `cur` (its label from index 2)
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    const p = t[0];
    if (p === 'B' || p === 'S' || ((p === 'I' || p === 'E') && (!cur || !sameLabelLoose(curTag, t)))) {
      cur = { start: i, end: i + 1, label: t.slice(2) };
      curTag = t;
      runs.push(cur);
    } else if (p === 'I' || p === 'E') cur!.end = i + 1;
    else cur = undefined;
    if (p === 'S' || p === 'E') cur = undefined;
  }
  return runs;
}

/** `a.slice(2) === b.slice(2)` for tags of any length, without the slices. */
function sameLabelLoose(a: string, b: string): boolean {
  const la = Math.max(0, a.length - 2);
  const lb = Math.max(0, b.length - 2);
  if (la !== lb) return false;
  for (let k = 0; k < la; k++) if (a.charCodeAt(k + 2) !== b.charCodeAt(k + 2)) return false;
  return true;
}
