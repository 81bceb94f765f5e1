/**
 * The export pipeline shared by the VS Code command and `vn-corpus export`: documents go
 * in one at a time (`add`), the chosen format renders each into file pieces at once, every
 * example and piece is validated, and `finish` assembles the files in document-id order
 * with the manifest and dataset card. Pure: the runner does the reading and writing and
 * injects the hash function and the word dictionary.
 */
import type { WordDictionary } from '../wordSegment';
import { bratFormat } from './bratExport';
import { buildCard, buildManifest, emptyCounts, type SplitCounts } from './card';
import { conllFormat } from './conllExport';
import { doccanoFormat } from './doccanoExport';
import { buildExamples, type ExportExample, type SourceDocument } from './examples';
import { checkOptions, type ExportFormat, type ExportOptions } from './exportOptions';
import type { ExportFile, Format, RenderContext } from './formatTypes';
import { hfFormat, renderedHfRows } from './hfExport';
import { labelStudioFormat } from './labelStudioExport';
import { safeRelativePath } from './paths';
import { prodigyFormat } from './prodigyExport';
import { spacyFormat } from './spacyExport';
import { compareIds, SPLIT_NAMES, splitDocuments, type SplitName } from './split';
import { hfProblems, validateConll, validateExample, validateWritten } from './validate';

export const FORMATS: Readonly<Record<ExportFormat, Format>> = {
  conll: conllFormat,
  doccano: doccanoFormat,
  labelstudio: labelStudioFormat,
  prodigy: prodigyFormat,
  hf: hfFormat,
  spacy: spacyFormat,
  brat: bratFormat,
};

export interface DatasetEnvironment {
  version: string;
  /** Hex SHA-256 of a UTF-8 string (node:crypto in the runner). */
  sha256(text: string): string;
  /** Needed for `tokens: 'word'`. */
  dictionary?: WordDictionary;
  /** Where the dictionary came from, for the card. */
  dictionaryName?: string;
}

export interface DatasetResult {
  files: ExportFile[];
  /** Validation problems; a non-empty list means the export must not be written. */
  problems: string[];
  counts: Partial<Record<SplitName, SplitCounts>>;
  removedSpans: number;
  emptyDocuments: string[];
}

const MAX_PROBLEMS = 200;

/** One document's contribution (DatasetBuilder.prepare → merge): plain data, so it can cross threads. */
export interface DocumentPart {
  id: string;
  sha256: string;
  split: SplitName;
  files: ExportFile[];
  /**
   * Per file: the piece alone reads back clean (validateWritten finds nothing), so a file
   * made only of such pieces needs no second read of the whole (see finish).
   */
  readBack?: boolean[];
  problems: string[];
  counts?: SplitCounts;
  droppedSpans: number;
  removedCodePoints: number;
  empty: boolean;
}

export class DatasetBuilder {
  private readonly format: Format;
  private readonly splitOf: Map<string, SplitName>;
  private readonly ctx: RenderContext;
  private readonly docs: Array<{ id: string; files: ExportFile[]; readBack?: boolean[] }> = [];
  private readonly inputs: Array<{ id: string; sha256: string }> = [];
  private readonly counts = new Map<SplitName, SplitCounts>();
  private readonly problems: string[] = [];
  private readonly emptyDocuments: string[] = [];
  private removedSpans = 0;
  private removedCodePoints = 0;
  private readonly options: ExportOptions;

  /** `ids`: every document id that will be added (the split needs them all up front). */
  constructor(options: ExportOptions, private readonly env: DatasetEnvironment, ids: readonly string[]) {
    const problems = checkOptions(options);
    if (problems.length) throw new Error(problems.join('; '));
    if (options.tokens === 'word' && !env.dictionary) throw new Error('word tokens need a word dictionary');
    // brat is one file pair per document: sentence examples do not apply.
    this.options = options.format === 'brat' ? { ...options, sentences: false } : options;
    this.format = FORMATS[options.format];
    this.splitOf = splitDocuments(ids, options.split, options.seed);
    this.ctx = { options: this.options, version: env.version, pathOf: (id) => safeRelativePath(id) };
  }

  add(doc: SourceDocument, inputSha256: string): void {
    this.merge(this.prepare(doc, inputSha256));
  }

  /**
   * Everything one document contributes, computed without touching the builder's state,
   * so it can run anywhere (the runner's worker threads) and be merged later.
   */
  prepare(doc: SourceDocument, inputSha256: string): DocumentPart {
    const split = this.splitOf.get(doc.id) ?? 'data';
    const { examples, report } = buildExamples(doc, { options: this.options, dictionary: this.env.dictionary });
    const part: DocumentPart = { id: doc.id, sha256: inputSha256, split, files: [], problems: [], droppedSpans: report.droppedSpans, removedCodePoints: report.removedCodePoints, empty: report.empty };
    if (report.empty) return part;
    for (const ex of examples) part.problems.push(...validateExample(ex, this.options));
    part.files = this.format.render(examples, split, this.ctx);
    const checked = this.checkPieces(part.files, examples);
    part.problems.push(...checked.problems);
    part.readBack = checked.readBack;
    part.counts = countsOf(examples);
    return part;
  }

  /** Add a prepared document. Parts must be merged in the order their documents were listed (problem lists keep that order). */
  merge(part: DocumentPart): void {
    this.inputs.push({ id: part.id, sha256: part.sha256 });
    this.removedSpans += part.droppedSpans;
    this.removedCodePoints += part.removedCodePoints;
    if (part.empty) {
      this.emptyDocuments.push(part.id);
      return;
    }
    this.report(part.problems);
    if (part.counts) this.count(part.split, part.counts);
    this.docs.push({ id: part.id, files: part.files, readBack: part.readBack });
  }

  finish(): DatasetResult {
    const byPath = new Map<string, string[]>();
    /** Paths with a piece not known to read back clean alone. */
    const unchecked = new Set<string>();
    for (const d of [...this.docs].sort((a, b) => compareIds(a.id, b.id))) {
      d.files.forEach((f, i) => {
        const list = byPath.get(f.path) ?? [];
        list.push(f.content);
        byPath.set(f.path, list);
        if (!d.readBack?.[i]) unchecked.add(f.path);
      });
    }
    const splits = SPLIT_NAMES.filter((s) => this.counts.has(s)) as SplitName[];
    if (this.counts.has('data')) splits.push('data');
    const entityCount = [...this.counts.values()].reduce((n, c) => n + Object.values(c.entities).reduce((a, b) => a + b, 0) + (this.options.nested ? Object.values(c.nested).reduce((a, b) => a + b, 0) : 0), 0);
    const out = this.format.finish({ ...this.ctx, splits, entityCount }, byPath);
    const files: ExportFile[] = [...byPath].map(([path, pieces]) => ({ path, content: this.format.assemble ? this.format.assemble(path, pieces) : pieces.join('') }));
    const streamed = new Set(files);
    files.push(...out.files);
    files.sort((a, b) => compareIds(a.path, b.path));
    for (const f of files) {
      if (streamed.has(f) && !unchecked.has(f.path) && this.piecesSuffice(f.path, byPath.get(f.path)!)) continue;
      this.report(validateWritten(this.options.format, f.path, f.content, this.options));
    }

    const inputs = [...this.inputs].sort((a, b) => compareIds(a.id, b.id));
    const counts = Object.fromEntries(splits.map((s) => [s, this.counts.get(s)!])) as Partial<Record<SplitName, SplitCounts>>;
    const manifest = {
      options: this.options,
      version: this.env.version,
      splits: counts,
      inputs,
      inputsChecksum: `sha256:${this.env.sha256(inputs.map((i) => `${i.id}\t${i.sha256}\n`).join(''))}`,
      tokenizer: this.tokenizerText(),
      removed: { spans: this.removedSpans, codePoints: this.removedCodePoints, emptyDocuments: [...this.emptyDocuments].sort(compareIds) },
      files: [] as Array<{ path: string; bytes: number; sha256: string }>,
    };
    const readme = { path: 'README.md', content: buildCard(manifest, out.card, out.frontMatter) };
    files.push(readme);
    manifest.files = files.map((f) => ({ path: f.path, bytes: utf8Length(f.content), sha256: this.env.sha256(f.content) }));
    files.push({ path: 'manifest.json', content: buildManifest(manifest) });
    return { files, problems: this.problems, counts, removedSpans: this.removedSpans, emptyDocuments: manifest.removed.emptyDocuments };
  }

  private tokenizerText(): string {
    const syllables = 'syllables with code-point offsets (whitespace incl. no-break spaces separates; punctuation is split off; document symbols, dates, decimals, abbreviations, e-mails and URLs stay whole; tokens are cut at labeled-span edges)';
    if (this.options.tokens !== 'word') return syllables + '.';
    return (
      `words joined with \`_\` (VnCoreNLP/PhoBERT convention) by forward maximum matching over ${this.env.dictionaryName ?? 'a Vietnamese word list'}` +
      ` (${this.env.dictionary?.size ?? 0} entries of 2–${this.env.dictionary?.maxSyllables ?? 0} syllables), the list injected into the pure core by the caller; words never cross a labeled span and a PER/LOC name of capitalised syllables is one word. Built on ${syllables}.`
    );
  }

  /**
   * Checks of one document's pieces: CoNLL read back against its examples, and every piece
   * read back as validateWritten reads a file (here, in the worker that made it, rather than
   * once more over the whole file on the main thread at the end).
   */
  private checkPieces(files: readonly ExportFile[], examples: readonly ExportExample[]): { problems: string[]; readBack: boolean[] } {
    const problems: string[] = [];
    const readBack: boolean[] = [];
    for (const f of files) {
      const conll = f.path.endsWith('.conll') && (this.options.format === 'conll' || this.options.format === 'spacy');
      if (conll) {
        const o = this.options.format === 'conll' ? this.options : { scheme: 'iob2' as const, conllColumns: 4 as const, docstart: true };
        const found = validateConll(f.content, examples, o);
        problems.push(...found.map((p) => `${examples[0].docId}: ${p}`));
        // validateConll includes readConll's problems, the only ones validateWritten reports for .conll (same columns).
        readBack.push(found.length === 0);
      } else if (this.format.assemble) {
        readBack.push(false);
      } else {
        // A Hugging Face piece is one JSON line per row it was made from: check the rows, not a parse of them.
        const rows = this.options.format === 'hf' && f.path.endsWith('.jsonl') ? renderedHfRows(f) : undefined;
        readBack.push(rows ? rows.every((r) => hfProblems(r, this.options).length === 0) : validateWritten(this.options.format, f.path, f.content, this.options).length === 0);
      }
    }
    return { problems, readBack };
  }

  /**
   * Would validateWritten find nothing in the file these pieces make, given each piece alone
   * reads back clean? Yes for a file that is its one piece, and for CoNLL and JSON Lines
   * (checked line by line; CoNLL's state resets at the blank line each clean piece ends
   * with) when plainly concatenated from pieces that each end a line.
   */
  private piecesSuffice(path: string, pieces: readonly string[]): boolean {
    if (this.format.assemble) return false;
    if (pieces.length === 1) return true;
    const lineWise = path.endsWith('.conll') || (path.endsWith('.jsonl') && !path.startsWith('spacy_alignment'));
    return lineWise && pieces.every((p) => p === '' || p.endsWith('\n'));
  }

  private count(split: SplitName, part: SplitCounts): void {
    const c = this.counts.get(split) ?? emptyCounts();
    this.counts.set(split, c);
    c.documents += part.documents;
    c.examples += part.examples;
    c.tokens += part.tokens;
    for (const [label, n] of Object.entries(part.entities)) c.entities[label] += n;
    for (const [label, n] of Object.entries(part.nested)) c.nested[label] += n;
  }

  private report(list: readonly string[]): void {
    for (const p of list) if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
  }
}

/** What one document adds to its split's counts. */
function countsOf(examples: readonly ExportExample[]): SplitCounts {
  const c = emptyCounts();
  c.documents = 1;
  c.examples = examples.length;
  for (const ex of examples) {
    c.tokens += ex.sentences.reduce((n, s) => n + s.length, 0);
    for (const e of ex.entities) (e.nested ? c.nested : c.entities)[e.label]++;
  }
  return c;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
