/**
 * The text of an open article as stored on disk. Offsets in .ann files, the index and
 * exports count code points of the file as stored, where a byte-order mark is character 0
 * (guide §1); but editors strip the BOM from the document they send (VS Code's getText()
 * has none). Without this, every label written from a BOM file would be one character
 * early for brat, Python and our own export, which then dropped them as mismatches.
 */
import * as fs from 'node:fs';
import { URI } from 'vscode-uri';

export function storedText(uri: string, clientText: string): { text: string; clientSeesBom: boolean } {
  if (clientText.charCodeAt(0) === 0xfeff) return { text: clientText, clientSeesBom: true };
  return { text: fileStartsWithBom(uri) ? '\ufeff' + clientText : clientText, clientSeesBom: false };
}

function fileStartsWithBom(uri: string): boolean {
  let fd: number | undefined;
  try {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return false;
    fd = fs.openSync(parsed.fsPath, 'r');
    const head = Buffer.alloc(3);
    return fs.readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  } catch {
    return false; // no file (untitled, deleted) or not readable: the editor's text is all there is
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
