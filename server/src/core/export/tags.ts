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

/**
 * Tag units (tokens or words) with flat spans. A unit is inside a span when it lies
 * within it; the tokenizer cuts at span boundaries, so every span covers whole units.
 */
export function tagUnits(units: readonly Token[], spans: readonly Labeled[], scheme: TagScheme): string[] {
  const tags = new Array<string>(units.length).fill('O');
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let u = 0;
  for (const s of sorted) {
    while (u < units.length && units[u].end <= s.start) u++;
    const first = u;
    while (u < units.length && units[u].start >= s.start && units[u].end <= s.end) u++;
    const n = u - first;
    if (n === 0) continue;
    for (let k = first; k < u; k++) tags[k] = `I-${s.label}`;
    tags[first] = `B-${s.label}`;
    if (scheme === 'bioes') {
      if (n === 1) tags[first] = `S-${s.label}`;
      else tags[u - 1] = `E-${s.label}`;
    }
  }
  return tags;
}

export interface TagRun {
  /** First unit index. */
  start: number;
  /** Unit index past the last. */
  end: number;
  label: string;
}

/** Problems of a tag sequence under a scheme (empty when well formed). */
export function checkTags(tags: readonly string[], scheme: TagScheme): string[] {
  const problems: string[] = [];
  const allowed = scheme === 'bioes' ? /^(?:O|[BIES]-\S+)$/ : /^(?:O|[BI]-\S+)$/;
  let open: string | undefined; // label of the span being continued
  tags.forEach((t, i) => {
    if (!allowed.test(t)) {
      problems.push(`tag ${i + 1} '${t}' is not a ${scheme.toUpperCase()} tag`);
      open = undefined;
      return;
    }
    const [p, label] = t === 'O' ? ['O', ''] : [t[0], t.slice(2)];
    if ((p === 'I' || p === 'E') && open !== label) problems.push(`tag ${i + 1} '${t}' continues ${open ? `'${open}'` : 'nothing'}`);
    if (scheme === 'bioes' && open !== undefined && (p === 'O' || p === 'B' || p === 'S')) problems.push(`tag ${i + 1} '${t}' follows an unclosed ${open} span`);
    open = p === 'B' || p === 'I' ? label : undefined;
  });
  if (scheme === 'bioes' && open !== undefined) problems.push(`the sequence ends inside an unclosed ${open} span`);
  return problems;
}

/** Spans (in unit indices) that a well-formed tag sequence encodes. */
export function decodeTags(tags: readonly string[]): TagRun[] {
  const runs: TagRun[] = [];
  let cur: TagRun | undefined;
  tags.forEach((t, i) => {
    const p = t[0];
    const label = t.slice(2);
    if (p === 'B' || p === 'S' || ((p === 'I' || p === 'E') && (!cur || cur.label !== label))) {
      cur = { start: i, end: i + 1, label };
      runs.push(cur);
    } else if (p === 'I' || p === 'E') cur!.end = i + 1;
    else cur = undefined;
    if (p === 'S' || p === 'E') cur = undefined;
  });
  return runs;
}
