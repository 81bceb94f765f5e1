/**
 * File-system side of the corpus, shared by the command line and the server: find
 * article files and read them safely. Text is decoded as UTF-8 exactly as stored (a BOM
 * stays as character 0, guide §1); binary and huge files are declined with a reason.
 */
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Articles larger than this are declined rather than risk the editor's memory: 2 MiB is
 * about forty times the longest news article, and analysing it takes seconds; a 50 MB file
 * would take minutes and gigabytes (README "Reliability").
 */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

export type ReadResult =
  | {
      ok: true;
      text: string;
      replacementChars: number;
      /** The bytes were valid UTF-8: `text` encodes back to exactly them (so they can be hashed instead of it). */
      validUtf8: boolean;
    }
  | { ok: false; reason: string };

/** Decode bytes as an article, or say why not. */
export function decodeArticle(bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_ARTICLE_BYTES) return { ok: false, reason: `too large (${bytes.length} bytes; limit ${MAX_ARTICLE_BYTES})` };
  const probe = Math.min(bytes.length, 8192);
  for (let i = 0; i < probe; i++) if (bytes[i] === 0) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  const validUtf8 = isUtf8(bytes); // a fast check; then the text encodes back to exactly these bytes
  let replacementChars = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replacementChars++;
  return { ok: true, text, replacementChars, validUtf8 };
}

/** The file's bytes (refusing huge ones before reading them), or why not. */
export function readArticleBytes(file: string): { ok: true; bytes: Buffer } | { ok: false; reason: string } {
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_ARTICLE_BYTES) return { ok: false, reason: `too large (${size} bytes; limit ${MAX_ARTICLE_BYTES})` };
    return { ok: true, bytes: fs.readFileSync(file) };
  } catch (e) {
    return { ok: false, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((e as Error).message) };
  }
}

export function readArticle(file: string): ReadResult {
  const read = readArticleBytes(file);
  return read.ok ? decodeArticle(read.bytes) : read;
}

/** Expand files and folders into article paths (sorted, deduplicated, symlink loops skipped). */
export function listArticles(inputs: string[], isArticle = (f: string) => f.toLowerCase().endsWith('.txt')): { found: string[]; missing: string[] } {
  const found = new Set<string>();
  const missing: string[] = [];
  const seenDirs = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory() || (e.isSymbolicLink() && isDir(p))) walk(p);
      else if (isArticle(p)) found.add(p);
    }
  };
  for (const input of inputs) {
    if (!fs.existsSync(input)) missing.push(input);
    else if (isDir(input)) walk(input);
    else found.add(input);
  }
  return { found: [...found].sort(), missing };
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
