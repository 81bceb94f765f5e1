/**
 * `vn-corpus export`: the command-line face of exportRunner.ts. Flags map one to one onto
 * ExportOptions; a progress bar is drawn on a terminal and nothing but the summary is
 * printed otherwise. Exit codes as for analyze: 0 success, 1 an input could not be
 * processed or the export failed validation, 2 usage error (including a non-empty output
 * folder without --force).
 */
import {
  DEFAULT_EXPORT_OPTIONS,
  EXPORT_FORMATS,
  FORMAT_DESCRIPTIONS,
  LABEL_SOURCES,
  TAG_SCHEMES,
  TOKEN_UNITS,
  checkOptions,
  parseSplit,
  type ExportFormat,
  type ExportOptions,
} from './core/export/exportOptions';
import { runExport, type ExportSummary } from './exportRunner';

export const EXPORT_HELP = `vn-corpus export PATH... --format FORMAT --out DIR [options]

Export the labeled corpus as a training dataset. PATH is a .txt article or a folder
(searched recursively); labels come from each article's .ann (human), its sidecar
(rejected detections, boilerplate kept as content) and the detector.

Formats (--format):
${EXPORT_FORMATS.map((f) => `  ${f.padEnd(12)} ${FORMAT_DESCRIPTIONS[f]}`).join('\n')}

Options:
  --out DIR                 output folder (created if missing; never overwritten without --force)
  --tokens syllable|word    tokens are syllables (default) or words joined with _ (conll, hf)
  --labels human|all|detected
                            human labels only; human + accepted + unrejected detections
                            (default: all); or the detector's output only
  --scheme iob2|bioes       tag scheme for conll/hf (default: iob2)
  --sentences               one example per sentence (JSON formats; default: per document)
  --split 80/10/10          train/dev/test split by document (default: one 'data' split)
  --seed N                  seed of the split (default: ${DEFAULT_EXPORT_OPTIONS.seed}); same inputs + seed = same bytes
  --keep-boilerplate        keep boilerplate lines (dropped by default; offsets are remapped)
  --drop-captions           drop image captions as well
  --no-nested               leave out the nested layer (kept where the format allows overlaps)
  --docstart                conll: a -DOCSTART- line before each document
  --conll-columns 2|4       conll: 'token tag' (default) or 'token _ O tag' (CoNLL-2003 layout)
  --unicode nfc|stored      compose the exported text to NFC (default) or keep it as stored
  --force                   overwrite a non-empty output folder (files of a previous export
                            listed in its manifest.json are replaced or removed)
  --quiet                   no progress bar, no summary

Every export writes README.md (dataset card) and manifest.json (counts per label and
split, options, tool version, SHA-256 of inputs and outputs). The export is validated
before anything is written (BIO well formed, tokens reproduce the text, span texts match).
Exit codes: 0 success, 1 an input could not be processed or validation failed,
2 usage error or a non-empty output folder without --force.
`;

const KNOWN_FLAGS = new Set([
  'format', 'out', 'tokens', 'labels', 'scheme', 'sentences', 'split', 'seed', 'keep-boilerplate', 'drop-captions',
  'no-nested', 'docstart', 'conll-columns', 'unicode', 'force', 'quiet', 'help',
]);

export interface ExportArgs {
  paths: string[];
  flags: Map<string, string | true>;
}

class ExportUsage extends Error {}

/** Flags → options; throws ExportUsage with a readable message. */
export function optionsFromFlags(flags: Map<string, string | true>): ExportOptions {
  for (const k of flags.keys()) if (!KNOWN_FLAGS.has(k)) throw new ExportUsage(`unknown option --${k}`);
  const value = (name: string, allowed?: readonly string[]): string | undefined => {
    const v = flags.get(name);
    if (v === undefined) return undefined;
    if (v === true) throw new ExportUsage(`--${name} needs a value${allowed ? ` (${allowed.join('|')})` : ''}`);
    if (allowed && !allowed.includes(v)) throw new ExportUsage(`--${name} must be one of ${allowed.join(', ')}, got '${v}'`);
    return v;
  };
  const format = value('format', EXPORT_FORMATS);
  if (!format) throw new ExportUsage(`export needs --format (${EXPORT_FORMATS.join('|')})`);
  const seed = value('seed');
  if (seed !== undefined && !/^-?\d+$/.test(seed)) throw new ExportUsage(`--seed must be an integer, got '${seed}'`);
  let split;
  try {
    split = flags.has('split') ? parseSplit(value('split') ?? '') : undefined;
  } catch (e) {
    throw new ExportUsage((e as Error).message);
  }
  const columns = value('conll-columns', ['2', '4']);
  const options: ExportOptions = {
    ...DEFAULT_EXPORT_OPTIONS,
    format: format as ExportFormat,
    tokens: (value('tokens', TOKEN_UNITS) ?? DEFAULT_EXPORT_OPTIONS.tokens) as ExportOptions['tokens'],
    labels: (value('labels', LABEL_SOURCES) ?? DEFAULT_EXPORT_OPTIONS.labels) as ExportOptions['labels'],
    scheme: (value('scheme', TAG_SCHEMES) ?? DEFAULT_EXPORT_OPTIONS.scheme) as ExportOptions['scheme'],
    sentences: flags.has('sentences'),
    split,
    seed: seed !== undefined ? Number(seed) : DEFAULT_EXPORT_OPTIONS.seed,
    dropBoilerplate: !flags.has('keep-boilerplate'),
    dropCaptions: flags.has('drop-captions'),
    nested: !flags.has('no-nested'),
    docstart: flags.has('docstart'),
    conllColumns: columns === '4' ? 4 : 2,
    unicode: (value('unicode', ['nfc', 'stored']) ?? 'nfc') as ExportOptions['unicode'],
  };
  const problems = checkOptions(options);
  if (problems.length) throw new ExportUsage(problems.join('; '));
  return options;
}

export async function runExportCommand(args: ExportArgs, version: string): Promise<number> {
  if (args.flags.has('help')) {
    process.stdout.write(EXPORT_HELP);
    return 0;
  }
  let options: ExportOptions;
  try {
    options = optionsFromFlags(args.flags);
    if (typeof args.flags.get('out') !== 'string') throw new ExportUsage('export needs --out DIR');
    if (args.paths.length === 0) throw new ExportUsage('export needs at least one PATH');
  } catch (e) {
    if (!(e instanceof ExportUsage)) throw e;
    process.stderr.write(`vn-corpus: ${e.message}\nRun 'vn-corpus export --help' for usage.\n`);
    return 2;
  }
  const quiet = args.flags.has('quiet');
  const bar = !quiet && process.stderr.isTTY ? progressBar() : undefined;
  const summary = await runExport({
    inputs: args.paths,
    outDir: args.flags.get('out') as string,
    options,
    force: args.flags.has('force'),
    onProgress: bar,
    version,
  });
  if (bar) process.stderr.write('\r\x1b[K');
  return report(summary, quiet);
}

function report(s: ExportSummary, quiet: boolean): number {
  for (const f of s.failed) process.stderr.write(`vn-corpus: ${f.file}: ${f.reason}\n`);
  if (s.status === 'refused') {
    process.stderr.write(`vn-corpus: ${s.reason}\n`);
    return 2;
  }
  if (s.status === 'invalid') {
    process.stderr.write(`vn-corpus: export failed validation; nothing written:\n${s.problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 1;
  }
  if (!quiet) {
    for (const w of s.warnings.slice(0, 10)) process.stderr.write(`vn-corpus: warning: ${w}\n`);
    if (s.warnings.length > 10) process.stderr.write(`vn-corpus: … ${s.warnings.length - 10} more warnings\n`);
    process.stderr.write(summaryLine(s) + '\n');
  }
  return s.status === 'ok' ? 0 : 1;
}

export function summaryLine(s: ExportSummary): string {
  const splits = Object.entries(s.counts);
  const labels = new Map<string, number>();
  for (const [, c] of splits) for (const [l, n] of Object.entries(c!.entities)) labels.set(l, (labels.get(l) ?? 0) + n);
  const splitText = splits.map(([name, c]) => `${name} ${c!.documents}`).join(', ');
  return `exported ${s.documents} article(s) (${splitText}): ${[...labels].map(([l, n]) => `${l} ${n}`).join(', ')}; ${s.written.length} files → ${s.outDir}`;
}

/** `[#####.....] 42/100 file.txt` redrawn in place on a terminal. */
function progressBar(): (done: number, total: number, file: string) => void {
  let last = 0;
  return (done, total, file) => {
    const now = Date.now();
    if (done < total && now - last < 80) return;
    last = now;
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : width;
    const name = file.length > 40 ? '…' + file.slice(-39) : file;
    process.stderr.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`);
  };
}
