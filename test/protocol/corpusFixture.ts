/**
 * The fixture corpus for the language-feature protocol tests (test/fixtures/corpus): five
 * articles (one CRLF, one NFD, one with emoji before entities) and a non-article file.
 * Helpers turn "the k-th occurrence of a string" into exact LSP positions, computed here
 * independently of the server: UTF-16 columns (JavaScript string indices) or code points.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, type TestServer } from './lspClient';

export const CORPUS = path.resolve(__dirname, '../fixtures/corpus');

export const FILES = {
  quangNinh: path.join(CORPUS, 'a-quang-ninh.txt'),
  bacNinhCrlf: path.join(CORPUS, 'b-bac-ninh-crlf.txt'),
  nfd: path.join(CORPUS, 'c-nfd.txt'),
  emoji: path.join(CORPUS, 'd-emoji.txt'),
  langSon: path.join(CORPUS, 'sub/e-lang-son.txt'),
  notes: path.join(CORPUS, 'sub/notes.md'),
};

export interface Pos {
  line: number;
  character: number;
}
export interface Rng {
  start: Pos;
  end: Pos;
}

export function read(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** Position of a UTF-16 index in a text (LSP default encoding). */
export function positionAt(text: string, index: number, encoding: 'utf-16' | 'utf-32' = 'utf-16'): Pos {
  const before = text.slice(0, index);
  const line = (before.match(/\r\n|\r|\n/g) ?? []).length;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  const col = before.slice(lineStart);
  return { line, character: encoding === 'utf-16' ? col.length : [...col].length };
}

/** Range of the k-th occurrence (0-based) of `needle` in `text`. */
export function rangeOf(text: string, needle: string, k = 0, encoding: 'utf-16' | 'utf-32' = 'utf-16'): Rng {
  let at = -1;
  for (let i = 0; i <= k; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture has no occurrence ${k} of ${JSON.stringify(needle)}`);
  }
  return { start: positionAt(text, at, encoding), end: positionAt(text, at + needle.length, encoding) };
}

/** A position inside the k-th occurrence of `needle` (one character in). */
export function inside(text: string, needle: string, k = 0, encoding: 'utf-16' | 'utf-32' = 'utf-16'): Pos {
  const r = rangeOf(text, needle, k, encoding);
  return { line: r.start.line, character: r.start.character + 1 };
}

/** The text a range covers (UTF-16 columns). */
export function textIn(text: string, r: Rng): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  return [lines[r.start.line].slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), lines[r.end.line].slice(0, r.end.character)].join('\n');
}

export async function open(server: TestServer, file: string, version = 1): Promise<string> {
  const uri = fileUri(file);
  await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'vn-article', version, text: read(file) } });
  return uri;
}

/** Apply LSP text edits to a text (edits must not overlap; UTF-16 columns). */
export function applyEdits(text: string, edits: Array<{ range: Rng; newText: string }>): string {
  const offsets = lineOffsets(text);
  const at = (p: Pos) => offsets[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => at(b.range.start) - at(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, at(e.range.start)) + e.newText + out.slice(at(e.range.end));
  return out;
}

function lineOffsets(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') out.push(i + 1);
  }
  return out;
}

/** Decode LSP semantic tokens into absolute ranges with type names. */
export function decodeTokens(data: number[], types: string[], mods: string[]): Array<{ line: number; character: number; length: number; type: string; modifiers: string[] }> {
  const out = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push({ line, character, length: data[i + 2], type: types[data[i + 3]], modifiers: mods.filter((_, b) => data[i + 4] & (1 << b)) });
  }
  return out;
}
