/**
 * `vn-corpus`: the analysis engine headless, for pipelines. Thin adapter: reads files,
 * calls the pure core, writes results. Exit codes: 0 success, 1 an input could not be
 * processed (the others still are), 2 usage error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from './core/analyzer';
import { readArticle, listArticles } from './fsCorpus';
import { writeFileAtomic } from './atomicWrite';
import { EXPORT_HELP, runExportCommand } from './cliExport';

const HELP = `vn-corpus — analyse and export a corpus of Vietnamese news articles

Usage:
  vn-corpus analyze PATH... --out DIR   Write one NAME.json per article (entities,
                                         boilerplate, metadata; code-point offsets)
  vn-corpus export PATH... --format F --out DIR
                                         Export a labeled dataset (conll, doccano,
                                         labelstudio, prodigy, hf, spacy, brat)
  vn-corpus --help                       This help; \`vn-corpus COMMAND --help\` for one command
  vn-corpus --version                    Print the version

PATH may be a .txt file or a folder (searched recursively for *.txt).
Exit codes: 0 success, 1 an input could not be processed, 2 usage error.
`;

const ANALYZE_HELP = `vn-corpus analyze PATH... --out DIR [--quiet]

Analyse every article and write DIR/NAME.json:
  {"file", "publicationDate", "entities":[{"label","start","end","text","value"?,"nested"}],
   "boilerplate":[{"category","start","end","text"}], "metadata":[{"kind","start","end","text"}]}
Offsets count Unicode code points into the file as stored (a BOM is character 0).
Options:
  --out DIR    output folder (created if missing)
  --quiet      no summary on stderr
`;

export class UsageError extends Error {}

export interface ParsedArgs {
  command: string;
  paths: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const [command = '', ...rest] = argv;
  const paths: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
      else if (i + 1 < rest.length && !rest[i + 1].startsWith('--') && VALUED.has(a.slice(2))) flags.set(a.slice(2), rest[++i]);
      else flags.set(a.slice(2), true);
    } else paths.push(a);
  }
  return { command, paths, flags };
}

const VALUED = new Set(['out', 'format', 'tokens', 'labels', 'scheme', 'split', 'seed', 'conll-columns', 'unicode']);

function runAnalyze(args: ParsedArgs): number {
  if (args.flags.has('help')) return print(ANALYZE_HELP, 0);
  const out = args.flags.get('out');
  if (typeof out !== 'string') throw new UsageError('analyze needs --out DIR');
  if (args.paths.length === 0) throw new UsageError('analyze needs at least one PATH');
  const files = listArticles(args.paths);
  fs.mkdirSync(out, { recursive: true });
  let failed = 0;
  let ok = 0;
  let entities = 0;
  let boilerplate = 0;
  for (const file of files.found) {
    const article = readArticle(file);
    if (!article.ok) {
      failed++;
      process.stderr.write(`vn-corpus: ${file}: ${article.reason}\n`);
      continue;
    }
    ok++;
    const result = analyze(article.text);
    entities += result.entities.length;
    boilerplate += result.boilerplate.length;
    const json = {
      file: path.basename(file),
      publicationDate: result.publicationDate,
      entities: result.entities.map(({ yearSource: _y, ...e }) => e),
      boilerplate: result.boilerplate,
      metadata: result.metadata,
    };
    writeFileAtomic(path.join(out, path.basename(file, path.extname(file)) + '.json'), JSON.stringify(json, null, 1) + '\n');
  }
  for (const missing of files.missing) {
    failed++;
    process.stderr.write(`vn-corpus: ${missing}: no such file or folder\n`);
  }
  if (!args.flags.has('quiet')) {
    process.stderr.write(`analyzed ${ok} of ${files.found.length + files.missing.length} articles: ${entities} entities, ${boilerplate} boilerplate blocks → ${out}\n`);
  }
  return failed > 0 ? 1 : 0;
}

function print(text: string, code: number): number {
  process.stdout.write(text);
  return code;
}

export function main(argv: string[]): number {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case '':
      case '--help':
      case '-h':
      case 'help':
        return print(HELP, args.command === '' ? 2 : 0);
      case '--version':
        return print(`${VERSION}\n`, 0);
      case 'analyze':
        return runAnalyze(args);
      case 'export':
        return args.flags.has('help') ? print(EXPORT_HELP, 0) : print('vn-corpus export runs asynchronously: call mainAsync\n', 2);
      default:
        throw new UsageError(`unknown command '${args.command}'`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`vn-corpus: ${e.message}\nRun 'vn-corpus --help' for usage.\n`);
      return 2;
    }
    throw e;
  }
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

/** The entry point: `export` streams and yields, every other command is synchronous. */
export async function mainAsync(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.command === 'export') return runExportCommand(args, VERSION);
  return main(argv);
}

if (require.main === module) {
  void mainAsync(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
