/**
 * The shape of a format module. Exports stream: the builder hands each document's
 * examples to `render`, which returns pieces of files (a JSONL row, a CoNLL block, a
 * .txt/.ann pair); the builder concatenates the pieces of one path in document order and
 * `finish` adds the files that sum up the corpus and the card's format section. So a
 * 10,000-article export never holds every token in memory at once.
 */
import type { ExportExample } from './examples';
import type { ExportOptions } from './exportOptions';
import type { SplitName } from './split';

export interface ExportFile {
  /** Relative path inside the output folder, `/`-separated. */
  path: string;
  content: string;
}

export interface RenderContext {
  options: ExportOptions;
  /** Tool version, written where a format records its producer (Label Studio model_version). */
  version: string;
  /** Path (without extension, `/`-separated, sanitized) for a document's own files (brat). */
  pathOf(docId: string): string;
}

export interface FinishContext extends RenderContext {
  /** Splits that received at least one example, in train/dev/test order. */
  splits: SplitName[];
  /** Entities exported (primary + nested when kept). */
  entityCount: number;
}

export interface FormatOutput {
  /** Files written once (configs, summaries). */
  files: ExportFile[];
  /** Markdown for the dataset card: the files and how to load them. */
  card: string;
  /** Extra YAML front matter for README.md (Hugging Face reads the card's YAML). */
  frontMatter?: string;
}

export interface Format {
  /** Pieces for one document's examples (all of one split). */
  render(examples: readonly ExportExample[], split: SplitName, ctx: RenderContext): ExportFile[];
  /** Assemble a streamed file from its pieces (default: concatenation). */
  assemble?(path: string, pieces: readonly string[]): string;
  finish(ctx: FinishContext, pieces: ReadonlyMap<string, readonly string[]>): FormatOutput;
}

/** JSON Lines: one object per line, each line ending in a newline. */
export function jsonl(rows: readonly unknown[]): string {
  return rows.map((r) => JSON.stringify(r) + '\n').join('');
}

export function fileList(paths: Iterable<string>): string {
  return [...paths].map((p) => `\`${p}\``).join(', ');
}
