/**
 * Export options shared by the VS Code command, the command line and every format
 * module: one table of formats, defaults, and the parsing/validation of user input.
 */

export const EXPORT_FORMATS = ['conll', 'doccano', 'labelstudio', 'prodigy', 'hf', 'spacy', 'brat'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One line per format: what the quick pick and `--help` show. */
export const FORMAT_DESCRIPTIONS: Readonly<Record<ExportFormat, string>> = {
  conll: 'CoNLL token-per-line, IOB2/BIOES tags, blank line between sentences',
  doccano: "doccano sequence labeling JSONL ({text, label: [[start, end, label]]})",
  labelstudio: 'Label Studio tasks JSON (human labels as annotations, detections as predictions)',
  prodigy: 'Prodigy NER JSONL (tokens with ws, spans with token_start/token_end)',
  hf: 'Hugging Face token classification JSONL (tokens + integer ner_tags) with dataset card',
  spacy: 'spaCy v3 input for `spacy convert` (CoNLL NER + offsets JSONL) and an alignment report',
  brat: 'brat standoff: .txt + .ann per document and annotation.conf',
};

/** Which labels an export takes: the annotator's, the merged view, or the detector's alone. */
export const LABEL_SOURCES = ['human', 'all', 'detected'] as const;
export type LabelSource = (typeof LABEL_SOURCES)[number];

export const TAG_SCHEMES = ['iob2', 'bioes'] as const;
export type TagScheme = (typeof TAG_SCHEMES)[number];

export const TOKEN_UNITS = ['syllable', 'word'] as const;
export type TokenUnit = (typeof TOKEN_UNITS)[number];

export interface SplitRatios {
  train: number;
  dev: number;
  test: number;
}

export interface ExportOptions {
  format: ExportFormat;
  /** Syllables, or words joined with `_` (CoNLL and HF; span formats keep syllables). */
  tokens: TokenUnit;
  labels: LabelSource;
  scheme: TagScheme;
  /** One example per sentence instead of per document (JSON formats; CoNLL always separates sentences). */
  sentences: boolean;
  /** Train/dev/test split by document; undefined = one `data` split. */
  split?: SplitRatios;
  seed: number;
  dropBoilerplate: boolean;
  dropCaptions: boolean;
  /** Keep the nested layer in the formats that allow overlapping spans (brat, doccano, Label Studio, spaCy offsets). */
  nested: boolean;
  /** CoNLL: write `-DOCSTART-` lines between documents. */
  docstart: boolean;
  /** CoNLL: 2 columns (`token tag`) or 4 (`token _ O tag`, the CoNLL-2003 layout). */
  conllColumns: 2 | 4;
  /** Compose the exported text to NFC (default) or keep it as stored. */
  unicode: 'nfc' | 'stored';
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  format: 'conll',
  tokens: 'syllable',
  labels: 'all',
  scheme: 'iob2',
  sentences: false,
  seed: 42,
  dropBoilerplate: true,
  dropCaptions: false,
  nested: true,
  docstart: false,
  conllColumns: 2,
  unicode: 'nfc',
};

/** Formats that take word tokens (`--tokens word`); the span formats need tokens that reproduce the text. */
export const WORD_TOKEN_FORMATS: ReadonlySet<ExportFormat> = new Set(['conll', 'hf']);

/** `80/10/10` → ratios summing to 1; throws a readable message otherwise. */
export function parseSplit(spec: string): SplitRatios {
  const parts = spec.split('/').map((p) => p.trim());
  if (parts.length !== 3 || parts.some((p) => !/^\d+(?:\.\d+)?$/.test(p))) {
    throw new Error(`--split needs three numbers TRAIN/DEV/TEST such as 80/10/10, got '${spec}'`);
  }
  const [train, dev, test] = parts.map(Number);
  const sum = train + dev + test;
  if (!(sum > 0)) throw new Error(`--split ratios must not all be zero ('${spec}')`);
  return { train: train / sum, dev: dev / sum, test: test / sum };
}

export function formatSplit(r: SplitRatios): string {
  return [r.train, r.dev, r.test].map((x) => Math.round(x * 1000) / 10).join('/');
}

/** Check a combination; returns the problems (empty when usable). */
export function checkOptions(o: ExportOptions): string[] {
  const problems: string[] = [];
  if (!(EXPORT_FORMATS as readonly string[]).includes(o.format)) problems.push(`unknown format '${o.format}' (one of ${EXPORT_FORMATS.join(', ')})`);
  if (!(LABEL_SOURCES as readonly string[]).includes(o.labels)) problems.push(`unknown label source '${o.labels}' (one of ${LABEL_SOURCES.join(', ')})`);
  if (!(TAG_SCHEMES as readonly string[]).includes(o.scheme)) problems.push(`unknown tag scheme '${o.scheme}' (iob2 or bioes)`);
  if (!(TOKEN_UNITS as readonly string[]).includes(o.tokens)) problems.push(`unknown token unit '${o.tokens}' (syllable or word)`);
  if (o.tokens === 'word' && !WORD_TOKEN_FORMATS.has(o.format)) problems.push(`--tokens word applies to conll and hf only (span formats need tokens that reproduce the text)`);
  if (!Number.isSafeInteger(o.seed)) problems.push(`the seed must be an integer, got '${o.seed}'`);
  if (o.conllColumns !== 2 && o.conllColumns !== 4) problems.push('CoNLL columns must be 2 or 4');
  return problems;
}
