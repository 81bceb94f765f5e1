/**
 * Node side of dataset export, shared by `vn-corpus export` and the VS Code command:
 * reads each article with its `.ann` and sidecar, runs the detector, feeds the pure
 * exporter (core/export) and writes the files atomically inside the chosen folder.
 *
 * Safety: an output folder that holds anything is not touched without `force`; with it,
 * only files a previous export listed in its manifest are removed. Every path is
 * sanitized (core/export/paths.ts) and checked to resolve inside the folder. Validation
 * problems stop the export before anything is written. The corpus never receives files:
 * the folder may not be an input folder or hold one, and articles inside it are skipped.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from './core/analyzer';
import { parseSidecar } from './core/annotationSidecar';
import { parseAnn } from './core/bratStandoff';
import { effectiveBoilerplate } from './core/effectiveEntities';
import { DatasetBuilder, type DatasetResult } from './core/export/exportDataset';
import type { SourceDocument } from './core/export/examples';
import type { ExportOptions } from './core/export/exportOptions';
import { MAX_SEGMENT_BYTES, safeRelativePath, truncateUtf8 } from './core/export/paths';
import type { SplitCounts } from './core/export/card';
import { createWordDictionary, type WordDictionary } from './core/wordSegment';
import { annPathOf, sidecarPathOf } from './annotationFiles';
import { writeFileAtomic } from './atomicWrite';
import { decodeArticle, listArticles, readArticleBytes } from './fsCorpus';
import { ExportWorkerPool, WORKER_THRESHOLD, type ExportJob, type ExportSetup, type PreparedDocument } from './exportWorkerPool';

export interface ExportRequest {
  /** Files and folders (folders are searched recursively for *.txt). */
  inputs: string[];
  outDir: string;
  options: ExportOptions;
  /** Overwrite a folder that already holds files. */
  force?: boolean;
  /** Called after each article. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Polled between articles; true stops the export before anything is written. */
  isCancelled?: () => boolean;
  /** Prepare documents in worker threads when there are many (default: yes, unless VN_CORPUS_EXPORT_WORKERS=0). */
  workers?: boolean;
  /** Word list for `tokens: 'word'` (default: the bundled Viet74K). */
  dictionaryFile?: string;
  version?: string;
}

export type ExportStatus = 'ok' | 'partial' | 'refused' | 'invalid' | 'cancelled';

export interface ExportSummary {
  /** ok: all written; partial: written, but some inputs failed; refused: nothing done (reason); invalid: validation failed, nothing written. */
  status: ExportStatus;
  outDir: string;
  reason?: string;
  documents: number;
  written: string[];
  failed: Array<{ file: string; reason: string }>;
  /** Problems of .ann/sidecar files (their usable lines were still exported). */
  warnings: string[];
  problems: string[];
  counts: Partial<Record<string, SplitCounts>>;
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

export async function runExport(req: ExportRequest): Promise<ExportSummary> {
  const outDir = path.resolve(req.outDir);
  // Compared through symlinks: an output folder that is a link into the corpus is the corpus.
  const realOut = realPathOf(outDir);
  const summary: ExportSummary = { status: 'ok', outDir, documents: 0, written: [], failed: [], warnings: [], problems: [], counts: {} };
  const refuse = (reason: string) => ({ ...summary, status: 'refused' as const, reason });
  for (const input of req.inputs) {
    const abs = path.resolve(input);
    if (isInside(abs, outDir) || isInside(realPathOf(abs), realOut)) return refuse(`the output folder ${outDir} holds the input ${abs}; choose a folder outside the corpus or a subfolder of it`);
  }
  if (!req.force && hasEntries(outDir)) return refuse(`${outDir} is not empty; use --force (or confirm in VS Code) to overwrite it`);

  const listed = listArticles(req.inputs);
  const files = listed.found.filter((f) => !isInside(realPathOf(path.resolve(f)), realOut));
  for (const m of listed.missing) summary.failed.push({ file: m, reason: 'no such file or folder' });
  const ids = documentIds(files, req.inputs);
  let dictionary: WordDictionary | undefined;
  let dictionaryName: string | undefined;
  if (req.options.tokens === 'word') {
    const found = loadDictionary(req.dictionaryFile);
    if (!found) return refuse('word tokens need the Viet74K word list (dist/dict/Viet74K.txt or the @vntk/dictionary package); not found');
    ({ dictionary, name: dictionaryName } = found);
  }
  const builder = new DatasetBuilder(req.options, { version: req.version ?? VERSION, sha256, dictionary, dictionaryName }, [...ids.values()]);

  const setup: ExportSetup = { options: req.options, version: req.version ?? VERSION, dictionaryFile: req.dictionaryFile, ids: [...ids.values()] };
  const jobs = files.map((file) => ({ file, id: ids.get(file)! }));
  let done = 0;
  const apply = (job: ExportJob, r: PreparedDocument) => {
    summary.warnings.push(...r.warnings);
    if (r.failed) summary.failed.push({ file: job.file, reason: r.failed });
    if (r.part) {
      builder.merge(r.part);
      summary.documents++;
    }
    req.onProgress?.(++done, files.length, job.file);
  };
  const workers = req.workers ?? process.env.VN_CORPUS_EXPORT_WORKERS !== '0';
  const completed = await prepareAll(jobs, setup, builder, apply, workers, req.isCancelled);
  if (!completed) return { ...summary, status: 'cancelled' };
  if (req.isCancelled?.()) return { ...summary, status: 'cancelled' };
  const result = builder.finish();
  summary.counts = result.counts;
  if (result.problems.length) return { ...summary, status: 'invalid', problems: result.problems, reason: `${result.problems.length} validation problem(s); nothing written` };
  try {
    summary.written = writeOutput(outDir, result);
  } catch (e) {
    // A full disk, a file where a folder should be, a name the file system refuses: say so, never throw.
    return refuse(`could not write the export into ${outDir}: ${(e as Error).message}`);
  }
  if (summary.failed.length) summary.status = 'partial';
  return summary;
}

/**
 * Prepare every document — read, analyse, build, render and check it — in worker threads
 * when there are enough to pay for them (one per core), else here; results are merged in
 * the order of `jobs` whatever order they finish in, so the output is byte-identical
 * either way. False when cancelled.
 */
async function prepareAll(
  jobs: ExportJob[],
  setup: ExportSetup,
  builder: DatasetBuilder,
  apply: (job: ExportJob, r: PreparedDocument) => void,
  workers: boolean,
  isCancelled?: () => boolean,
): Promise<boolean> {
  const pool = workers && jobs.length >= WORKER_THRESHOLD ? ExportWorkerPool.start(setup) : undefined;
  try {
    if (!pool) {
      for (let k = 0; k < jobs.length; k++) {
        if (isCancelled?.()) return false;
        apply(jobs[k], prepareDocument(jobs[k], builder));
        if (k % 16 === 15) await new Promise((r) => setImmediate(r)); // let cancellation and UI through
      }
      return !isCancelled?.();
    }
    return await pool.prepare(jobs, apply, (job) => prepareDocument(job, builder), isCancelled);
  } finally {
    await pool?.dispose();
  }
}

/** One article → its prepared part, or why it failed (unreadable). Never throws. */
export function prepareDocument(job: ExportJob, builder: DatasetBuilder): PreparedDocument {
  const warnings: string[] = [];
  try {
    const doc = readDocument(job.file, job.id, warnings);
    if ('failed' in doc) return { warnings, failed: doc.failed };
    return { warnings, part: builder.prepare(doc.source, doc.hash) };
  } catch (e) {
    return { warnings, failed: `export failed: ${(e as Error)?.message ?? e}` };
  }
}

/** Article → SourceDocument, or why it is unreadable. Problems of its .ann/sidecar go to `warnings`. */
function readDocument(file: string, id: string, warnings: string[]): { source: SourceDocument; hash: string } | { failed: string } {
  const bytes = readArticleBytes(file);
  if (!bytes.ok) return { failed: bytes.reason };
  const article = decodeArticle(bytes.bytes);
  if (!article.ok) return { failed: article.reason };
  const text = article.text;
  const annText = readOptional(annPathOf(file));
  const sidecarText = readOptional(sidecarPathOf(file));
  const ann = annText === undefined ? undefined : parseAnn(annText, { text });
  for (const p of ann?.problems ?? []) warnings.push(`${annPathOf(file)}:${p.line}: ${p.message} (line not exported)`);
  const sidecar = sidecarText === undefined ? undefined : parseSidecar(sidecarText);
  for (const p of sidecar?.problems ?? []) warnings.push(`${sidecarPathOf(file)}: ${p.message}`);
  const analysis = analyze(text);
  const source: SourceDocument = {
    id,
    text,
    human: ann?.entities ?? [],
    detected: analysis.entities,
    rejected: sidecar?.sidecar.rejected ?? [],
    boilerplate: effectiveBoilerplate(analysis.boilerplate, sidecar?.sidecar.content ?? []),
    captions: analysis.metadata.filter((m) => m.kind === 'caption'),
  };
  const h = createHash('sha256');
  h.update(bytes.bytes); // the bytes read once, not the file again
  h.update('\0');
  h.update(annText ?? '');
  h.update('\0');
  h.update(sidecarText ?? '');
  return { source, hash: h.digest('hex') };
}

/** Bytes of an id's path segment: a format appends an extension (≤ 20 bytes) and the whole must stay a safe segment. */
const ID_SEGMENT_BYTES = MAX_SEGMENT_BYTES - 20;

/** An id whose segments are too long for a file name becomes its safe form, shortened. */
function fitId(id: string): string {
  const safe = safeRelativePath(id).split('/');
  if (safe.every((s) => Buffer.byteLength(s, 'utf8') <= ID_SEGMENT_BYTES)) return id;
  return safe.map((s) => truncateUtf8(s, ID_SEGMENT_BYTES)).join('/');
}

/** Ids: paths relative to the deepest folder holding every input, `/`-separated, without `.txt`. */
export function documentIds(files: readonly string[], inputs: readonly string[]): Map<string, string> {
  const roots = inputs.map((i) => path.resolve(isDir(i) ? i : path.dirname(i)));
  let root = roots[0] ?? process.cwd();
  for (const r of roots) while (!isInside(r, root) && root !== path.dirname(root)) root = path.dirname(root);
  const ids = new Map<string, string>();
  // Two ids must not share a written path, even once made safe (a?b, a*b) or on a case-blind disk (Tin, tin).
  const used = new Set<string>();
  const key = (id: string) => safeRelativePath(id).toLowerCase();
  for (const f of files) {
    const base = fitId(path.relative(root, path.resolve(f)).split(path.sep).join('/').replace(/\.txt$/i, ''));
    let id = base;
    for (let n = 2; used.has(key(id)); n++) id = `${truncateUtf8(base, ID_SEGMENT_BYTES - 8)}~${n}`;
    used.add(key(id));
    ids.set(f, id);
  }
  return ids;
}

function writeOutput(outDir: string, result: DatasetResult): string[] {
  const targets = result.files.map((f) => ({ file: resolveInside(outDir, f.path), content: f.content }));
  const keep = new Set(targets.map((t) => t.file));
  for (const stale of previousExport(outDir)) if (!keep.has(stale)) fs.rmSync(stale, { force: true });
  for (const t of targets) {
    fs.mkdirSync(path.dirname(t.file), { recursive: true });
    writeFileAtomic(t.file, t.content);
  }
  return targets.map((t) => t.file);
}

/** Files a previous export wrote here (from its manifest), resolved inside the folder. */
function previousExport(outDir: string): string[] {
  const manifest = readOptional(path.join(outDir, 'manifest.json'));
  if (manifest === undefined) return [];
  try {
    const m = JSON.parse(manifest) as { tool?: string; files?: Array<{ path?: unknown }> };
    if (m.tool !== 'vn-corpus-annotator' || !Array.isArray(m.files)) return [];
    return m.files.filter((f) => typeof f.path === 'string').map((f) => resolveInside(outDir, f.path as string));
  } catch {
    return [];
  }
}

/** The absolute path of a relative export path; throws if it could leave the folder. */
export function resolveInside(outDir: string, relative: string): string {
  const file = path.resolve(outDir, ...safeRelativePath(relative).split('/'));
  if (!isInside(file, outDir) || file === outDir) throw new Error(`refusing to write outside ${outDir}: ${relative}`);
  return file;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}

/** The real path of a file or folder that may not exist yet: its nearest existing ancestor resolved, the rest appended. */
function realPathOf(p: string): string {
  const rest: string[] = [];
  let at = p;
  for (;;) {
    try {
      return path.join(fs.realpathSync(at), ...rest.reverse());
    } catch {
      const up = path.dirname(at);
      if (up === at) return p;
      rest.push(path.basename(at));
      at = up;
    }
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function hasEntries(dir: string): boolean {
  try {
    return fs.readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

function readOptional(file: string): string | undefined {
  // Most articles have no .ann or sidecar: a stat that reports absence costs less than a thrown ENOENT.
  try {
    if (!fs.statSync(file, { throwIfNoEntry: false })) return undefined;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Viet74K (from @vntk/dictionary), copied to dist/dict by the build; the package itself in development. */
export function loadDictionary(explicit?: string): { dictionary: WordDictionary; name: string } | undefined {
  const candidates = [explicit, path.join(__dirname, 'dict', 'Viet74K.txt'), path.join(__dirname, '..', 'dist', 'dict', 'Viet74K.txt')];
  try {
    candidates.push(require.resolve('@vntk/dictionary/data/Viet74K.txt'));
  } catch {
    /* not installed: the bundled copy must do */
  }
  for (const c of candidates) {
    const text = c ? readOptional(c) : undefined;
    if (text !== undefined) return { dictionary: createWordDictionary(text.split(/\r?\n/)), name: 'Viet74K (npm package @vntk/dictionary 1.0.0, MIT)' };
  }
  return undefined;
}
