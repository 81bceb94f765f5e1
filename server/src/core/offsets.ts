/**
 * Code points ↔ UTF-16 conversion. JavaScript strings index UTF-16 units, while the
 * corpus contract (brat, Python, the guide) counts code points; the two differ only after
 * an astral character (emoji, rare CJK). Texts without surrogates take an identity fast
 * path, so the common case costs one scan.
 */
export class CodePointIndex {
  /** UTF-16 index of each astral character's high surrogate, ascending; empty when none. */
  private readonly astral: readonly number[];

  constructor(readonly text: string) {
    // A regex scan proves "no high surrogate" several times faster than a char-code loop.
    this.astral = HIGH_SURROGATE.test(text) ? astralStarts(text) : NO_ASTRAL;
  }

  get hasAstral(): boolean {
    return this.astral.length > 0;
  }

  /** Length of the text in code points. */
  get length(): number {
    return this.text.length - this.astral.length;
  }

  /** Code-point offset of a UTF-16 index (an index inside a pair maps to the pair's start + 1). */
  toCodePoint(utf16: number): number {
    if (this.astral.length === 0) return utf16;
    // Number of astral characters that start strictly before utf16 - 1 (their low surrogate lies before utf16).
    return utf16 - countBelow(this.astral, utf16 - 1);
  }

  /** UTF-16 index of a code-point offset. */
  toUtf16(cp: number): number {
    if (this.astral.length === 0) return cp;
    // The k-th astral char (0-based) sits at code point astral[k] - k.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }

  /** Text between two code-point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

const HIGH_SURROGATE = /[\ud800-\udbff]/;
const NO_ASTRAL: readonly number[] = [];

/** UTF-16 index of each surrogate pair's high half, ascending. */
function astralStarts(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push(i);
        i++;
      }
    }
  }
  return out;
}

/** How many sorted values are < limit. */
function countBelow(sorted: readonly number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Start offsets (UTF-16) of every line; a line ends at \n, \r\n or a lone \r. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Index of the line that contains a UTF-16 offset, by binary search over lineStarts. */
export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
