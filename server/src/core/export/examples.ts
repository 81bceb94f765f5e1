/**
 * From articles to training examples: choose the labels (label source), remove
 * boilerplate/captions with offsets remapped onto the exported text, tokenize (cutting at
 * span boundaries), split sentences (never inside a span), segment words when asked.
 * Every format module reads these examples; none of them re-does any of this.
 */
import type { AnnEntity } from '../bratStandoff';
import { effectiveEntities, type DetectionKey, type EffectiveEntity } from '../effectiveEntities';
import { CodePointIndex } from '../offsets';
import { splitSentences } from '../sentences';
import { tokenize, type Token } from '../tokenize';
import type { DocValue, Entity, EntityLabel, Span } from '../types';
import { segmentWords, type WordDictionary } from '../wordSegment';
import type { ExportOptions } from './exportOptions';
import { buildExportText } from './remap';

/** One article as the exporter receives it (the runner reads it from disk). */
export interface SourceDocument {
  /** Stable id: the article's path relative to the export root, `/`-separated, without `.txt`. */
  id: string;
  /** The article as stored. */
  text: string;
  /** Human spans from the .ann (accepted detections are human spans). */
  human: readonly AnnEntity[];
  /** The detector's output on the stored text. */
  detected: readonly Entity[];
  /** Detections the annotator rejected (sidecar). */
  rejected?: readonly DetectionKey[];
  /** Boilerplate blocks (already minus the ones declared content). */
  boilerplate: readonly Span[];
  /** Image captions (metadata kind `caption`). */
  captions: readonly Span[];
}

export interface ExampleSpan extends Span {
  label: EntityLabel;
  /** The exported text at [start, end). */
  text: string;
  nested: boolean;
  value?: string | DocValue;
  source?: 'human' | 'detected';
}

export interface ExportExample {
  /** `docId` for document examples, `docId#N` (1-based sentence number) for sentences. */
  id: string;
  docId: string;
  text: string;
  /** The labels of the chosen source (primary layer, plus nested when kept), sorted. */
  entities: ExampleSpan[];
  /** Human labels alone and detections alone (Label Studio's annotations and predictions). */
  human: ExampleSpan[];
  detected: ExampleSpan[];
  /** Syllable tokens of the example. */
  tokens: Token[];
  /** Tagging units (syllables or words) per sentence. */
  sentences: Token[][];
}

export interface DocumentReport {
  docId: string;
  /** Spans lost because they overlapped removed text. */
  droppedSpans: number;
  removedCodePoints: number;
  /** No token left after removal: nothing exported. */
  empty: boolean;
}

export interface BuildContext {
  options: ExportOptions;
  /** Required for `tokens: 'word'`. */
  dictionary?: WordDictionary;
}

/** Labels of the chosen source, before any removal (stored-text offsets). */
export function chooseEntities(doc: SourceDocument, options: Pick<ExportOptions, 'labels'>): EffectiveEntity[] {
  switch (options.labels) {
    case 'human':
      return effectiveEntities({ detected: [], human: doc.human });
    case 'detected':
      return effectiveEntities({ detected: doc.detected, human: [] });
    default:
      return effectiveEntities({ detected: doc.detected, human: doc.human, rejected: doc.rejected });
  }
}

export function buildExamples(doc: SourceDocument, ctx: BuildContext): { examples: ExportExample[]; report: DocumentReport } {
  const { options } = ctx;
  const removed = [...(options.dropBoilerplate ? doc.boilerplate : []), ...(options.dropCaptions ? doc.captions : [])];
  const out = buildExportText(doc.text, removed, { nfc: options.unicode === 'nfc' });
  const cps = new CodePointIndex(out.text);
  let droppedSpans = 0;
  const move = (list: readonly EffectiveEntity[]): ExampleSpan[] => {
    const kept: ExampleSpan[] = [];
    for (const e of list) {
      if (e.nested && !options.nested) continue;
      const m = out.mapSpan(e);
      if (!m) {
        droppedSpans++;
        continue;
      }
      const span: ExampleSpan = { start: m.start, end: m.end, label: e.label, text: cps.slice(m.start, m.end), nested: e.nested, source: e.source };
      if (e.value !== undefined) span.value = e.value;
      kept.push(span);
    }
    return kept.sort(byPosition);
  };
  const entities = move(chooseEntities(doc, options));
  const human = options.format === 'labelstudio' ? move(effectiveEntities({ detected: [], human: doc.human })) : [];
  const rejected = new Set((doc.rejected ?? []).map((r) => `${r.label}:${r.start}:${r.end}`));
  const detected =
    options.format === 'labelstudio'
      ? move(doc.detected.filter((d) => !rejected.has(`${d.label}:${d.start}:${d.end}`)).map((d) => ({ ...d, source: 'detected' as const })))
      : [];
  const primary = entities.filter((e) => !e.nested);
  const tokens = tokenize(out.text, { boundaries: primary.flatMap((e) => [e.start, e.end]) });
  const report: DocumentReport = { docId: doc.id, droppedSpans, removedCodePoints: out.removedCodePoints, empty: tokens.length === 0 };
  if (tokens.length === 0) return { examples: [], report };
  const sentences = splitSentences(tokens, { keepTogether: [...entities, ...human, ...detected] });
  const units = (ts: Token[], spans: readonly ExampleSpan[]) =>
    options.tokens === 'word' && ctx.dictionary ? segmentWords(ts, ctx.dictionary, { spans: spans.filter((e) => !e.nested) }) : ts;
  const whole: ExportExample = {
    id: doc.id,
    docId: doc.id,
    text: out.text,
    entities,
    human,
    detected,
    tokens,
    sentences: sentences.map((s) => units(tokens.slice(s.tokenStart, s.tokenEnd), entities)),
  };
  if (!options.sentences) return { examples: [whole], report };
  const examples = sentences.map((s, n) => sliceExample(whole, s, n + 1, cps, units));
  return { examples, report };
}

/** The example of one sentence: its text, spans and tokens shifted to sentence offsets. */
function sliceExample(
  doc: ExportExample,
  s: Span & { tokenStart: number; tokenEnd: number },
  n: number,
  cps: CodePointIndex,
  units: (ts: Token[], spans: readonly ExampleSpan[]) => Token[],
): ExportExample {
  const shiftSpans = (list: readonly ExampleSpan[]) =>
    list.filter((e) => e.start >= s.start && e.end <= s.end).map((e) => ({ ...e, start: e.start - s.start, end: e.end - s.start }));
  const tokens = doc.tokens.slice(s.tokenStart, s.tokenEnd).map((t, k, all) => ({
    ...t,
    start: t.start - s.start,
    end: t.end - s.start,
    // The last token of a sentence ends the example: nothing follows it there.
    spaceAfter: k < all.length - 1 ? t.spaceAfter : false,
    lineBreakAfter: k < all.length - 1 ? t.lineBreakAfter : false,
  }));
  const entities = shiftSpans(doc.entities);
  return {
    id: `${doc.docId}#${n}`,
    docId: doc.docId,
    text: cps.slice(s.start, s.end),
    entities,
    human: shiftSpans(doc.human),
    detected: shiftSpans(doc.detected),
    tokens,
    sentences: [units(tokens, entities)],
  };
}

function byPosition(a: ExampleSpan, b: ExampleSpan): number {
  return a.start - b.start || b.end - a.end || Number(a.nested) - Number(b.nested) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}
