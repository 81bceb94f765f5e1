/**
 * The one place that converts the core's code-point offsets to LSP positions and back
 * (conventions.md §4). A line-start table makes each conversion a binary search, not a
 * rescan. The encoding is negotiated at initialize (LSP 3.17 `positionEncoding`):
 * UTF-32 (code points) when the client offers it, UTF-16 otherwise.
 */
import { CodePointIndex, lineOf, lineStarts } from './core/offsets';

export type PositionEncoding = 'utf-16' | 'utf-32' | 'utf-8';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export class PositionMapper {
  private readonly cps: CodePointIndex;
  private readonly starts: number[];
  /**
   * UTF-16 units at the start of `text` the client does not see: a byte-order mark. Offsets
   * count it (guide §1: a BOM is character 0 of the file as stored), but editors strip it
   * from the document (VS Code's getText() has no BOM), so line 0's columns start after it.
   */
  readonly hidden: number;

  constructor(
    readonly text: string,
    readonly encoding: PositionEncoding = 'utf-16',
    /** The client's copy of the document starts with the BOM too (it did not strip it). */
    clientSeesBom = false,
  ) {
    this.cps = new CodePointIndex(text);
    this.starts = lineStarts(text);
    this.hidden = !clientSeesBom && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** LSP position of a code-point offset. */
  position(cp: number): Position {
    const at = this.cps.toUtf16(Math.max(0, Math.min(cp, this.cps.length)));
    const line = lineOf(this.starts, at);
    const lineStart = this.starts[line] + (line === 0 ? this.hidden : 0);
    // An offset between the \r and \n of a CRLF is not a position in LSP: it ends the line.
    // A hidden BOM is not on the client's line 0 either.
    const u16 = Math.max(lineStart, Math.min(at, this.lineEnd(line)));
    switch (this.encoding) {
      case 'utf-32':
        return { line, character: this.cps.toCodePoint(u16) - this.cps.toCodePoint(lineStart) };
      case 'utf-8':
        return { line, character: Buffer.byteLength(this.text.slice(lineStart, u16), 'utf8') };
      default:
        return { line, character: u16 - lineStart };
    }
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** Code-point offset of an LSP position (clamped to the line, as LSP requires). */
  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.cps.length;
    const lineStart = this.starts[pos.line] + (pos.line === 0 ? this.hidden : 0);
    const lineEnd = Math.max(lineStart, this.lineEnd(pos.line));
    let u16: number;
    switch (this.encoding) {
      case 'utf-32':
        u16 = this.cps.toUtf16(Math.min(this.cps.toCodePoint(lineStart) + pos.character, this.cps.toCodePoint(lineEnd)));
        break;
      case 'utf-8': {
        const bytes = Buffer.from(this.text.slice(lineStart, lineEnd), 'utf8');
        u16 = lineStart + bytes.subarray(0, Math.min(pos.character, bytes.length)).toString('utf8').length;
        break;
      }
      default:
        u16 = Math.min(lineStart + pos.character, lineEnd);
    }
    return this.cps.toCodePoint(u16);
  }

  /** Where a line's content ends (before its line break), as an LSP position. */
  lineEndPosition(line: number): Position {
    const l = Math.max(0, Math.min(line, this.starts.length - 1));
    return this.position(this.cps.toCodePoint(this.lineEnd(l)));
  }

  /** UTF-16 index where a line's content ends (before its line break). */
  private lineEnd(line: number): number {
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}
