/**
 * The manifest (`manifest.json`, for machines) and the dataset card (`README.md`, for
 * people) of an export: counts per label and split, the options used, the tool version,
 * how tokens were made, what was removed, and a checksum of the inputs. Nothing in them
 * depends on the time or the machine, so the same inputs give byte-identical files.
 */
import { ENTITY_LABELS } from '../types';
import { formatSplit, type ExportOptions } from './exportOptions';
import type { SplitName } from './split';

export interface SplitCounts {
  documents: number;
  examples: number;
  tokens: number;
  entities: Record<string, number>;
  nested: Record<string, number>;
}

export interface ManifestInput {
  options: ExportOptions;
  version: string;
  splits: Partial<Record<SplitName, SplitCounts>>;
  inputs: Array<{ id: string; sha256: string }>;
  inputsChecksum: string;
  tokenizer: string;
  removed: { spans: number; codePoints: number; emptyDocuments: string[] };
  files: Array<{ path: string; bytes: number; sha256: string }>;
}

export function emptyCounts(): SplitCounts {
  const zero = () => Object.fromEntries(ENTITY_LABELS.map((l) => [l, 0]));
  return { documents: 0, examples: 0, tokens: 0, entities: zero(), nested: zero() };
}

export function optionsRecord(o: ExportOptions): Record<string, unknown> {
  return {
    format: o.format,
    tokens: o.tokens,
    labels: o.labels,
    scheme: o.scheme,
    sentences: o.sentences,
    split: o.split ? formatSplit(o.split) : null,
    seed: o.split ? o.seed : null,
    dropBoilerplate: o.dropBoilerplate,
    dropCaptions: o.dropCaptions,
    nested: o.nested,
    docstart: o.docstart,
    conllColumns: o.conllColumns,
    unicode: o.unicode,
  };
}

export function buildManifest(m: ManifestInput): string {
  return (
    JSON.stringify(
      {
        tool: 'vn-corpus-annotator',
        version: m.version,
        format: m.options.format,
        options: optionsRecord(m.options),
        tokenizer: m.tokenizer,
        labels: ENTITY_LABELS,
        splits: m.splits,
        removed: m.removed,
        inputs: { documents: m.inputs.length, checksum: m.inputsChecksum, files: m.inputs },
        files: m.files,
      },
      null,
      1,
    ) + '\n'
  );
}

const LABEL_TEXT: Record<string, string> = {
  PER: "a person's name, without title or honorific",
  TITLE: 'an office or role held by a person',
  ORG: 'a named body: party committees, state organs, fronts, media',
  LOC: 'a named place (unit words such as `tỉnh` stay outside)',
  DATE: 'a calendar date, month, year, period or time stamp',
  DOC: 'a reference to a resolution, decision, directive, scheme, regulation or law',
};

const SOURCE_TEXT = {
  human: 'human labels only (the .ann files)',
  all: 'human labels over the detector’s, accepted detections included, rejected ones removed',
  detected: 'the detector’s output alone',
};

export function buildCard(m: ManifestInput, formatSection: string, frontMatter?: string): string {
  const o = m.options;
  const rows = Object.entries(m.splits) as Array<[string, SplitCounts]>;
  const total = (f: (c: SplitCounts) => number) => rows.reduce((n, [, c]) => n + f(c), 0);
  const head = ['split', 'documents', 'examples', 'tokens', ...ENTITY_LABELS];
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  const table = [
    line(head),
    line(head.map(() => '---')),
    ...rows.map(([name, c]) => line([name, c.documents, c.examples, c.tokens, ...ENTITY_LABELS.map((l) => c.entities[l])])),
    line(['**all**', total((c) => c.documents), total((c) => c.examples), total((c) => c.tokens), ...ENTITY_LABELS.map((l) => total((c) => c.entities[l]))]),
  ];
  const nested = ENTITY_LABELS.map((l) => `${l} ${total((c) => c.nested[l])}`).join(', ');
  const parts = [
    frontMatter ? `---\n${frontMatter}\n---\n` : '',
    `# Vietnamese political news NER — ${o.format} export`,
    '',
    `Exported by vn-corpus-annotator ${m.version} from ${m.inputs.length} article(s). Inputs checksum: \`${m.inputsChecksum}\` (SHA-256 over each article, its .ann and its sidecar; per file in \`manifest.json\`).`,
    '',
    '## Contents',
    '',
    'Entities of the primary (flat) layer per split:',
    '',
    ...table,
    '',
    `Nested layer${o.nested ? ' (exported where the format allows overlaps)' : ' (not exported)'}: ${nested}.`,
    '',
    '## Labels',
    '',
    ...ENTITY_LABELS.map((l) => `- \`${l}\`: ${LABEL_TEXT[l]}`),
    '',
    `Source: ${SOURCE_TEXT[o.labels]}. The contract for spans and values is ANNOTATION_GUIDE.md.`,
    '',
    '## How the text and tokens were made',
    '',
    `- Text: each article as stored${o.dropBoilerplate ? ', minus boilerplate lines' : ''}${o.dropCaptions ? ', minus image captions' : ''}, without a BOM${o.unicode === 'nfc' ? ', composed to NFC' : ''}; every offset points into this exported text. ${m.removed.spans} span(s) that overlapped removed text were dropped; ${m.removed.codePoints} characters were removed.`,
    `- Tokens: ${m.tokenizer}`,
    '- Sentences: a line break ends a sentence; so does `.`, `!`, `?` or `…` followed by a capital, digit, quote or bracket. Abbreviations (`TP.`, `PGS.TS.`, `ThS.`), decimals (`10.950`) and document symbols (`18-NQ/TW`) do not; no sentence boundary falls inside a labeled span.',
    `- Examples: ${o.sentences && o.format !== 'brat' ? 'one per sentence (`id` = `document#N`)' : 'one per document'}.`,
    `- Split: ${o.split ? `by document, ${formatSplit(o.split)} (train/dev/test) with seed ${o.seed}; the same inputs and seed give byte-identical output` : 'none (one `data` split)'}.`,
    m.removed.emptyDocuments.length ? `- Nothing left to export in: ${m.removed.emptyDocuments.map((d) => `\`${d}\``).join(', ')}.` : '',
    '',
    '## Files',
    '',
    formatSection,
    '',
    '`manifest.json` repeats these counts and options for machines, with the size and SHA-256 of every file.',
    '',
  ];
  return parts.filter((p, i) => !(p === '' && i === 0)).join('\n');
}
