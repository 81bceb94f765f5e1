/**
 * The exported text of an article and the offset map onto it.
 *
 * Exports drop boilerplate lines (default), optionally captions, and the BOM, and may
 * compose the text to NFC; every span is then moved onto the exported text, or dropped
 * (and counted) when it overlapped removed text. A removed block takes its whole line(s)
 * with it when nothing else is on them, so no empty line is left where a menu was; a
 * block that shares its line with content removes only itself.
 * Offsets in and out are code points; the work happens in UTF-16 with one
 * conversion at each end.
 */
import { CodePointIndex, lineOf, lineStarts } from '../offsets';
import type { Span } from '../types';

export interface RemapOptions {
  /** Compose the kept text to NFC (spans inside a composed cluster widen to the cluster). */
  nfc: boolean;
}

export interface ExportText {
  /** The exported text. */
  text: string;
  /**
   * Map a span of the stored text (code points) onto the exported text, or undefined
   * when any of it was removed.
   */
  mapSpan(span: Span): Span | undefined;
  /** Code points of stored text removed (boilerplate, captions, BOM). */
  removedCodePoints: number;
}

interface Piece {
  rawStart: number;
  rawEnd: number;
  outStart: number;
  outEnd: number;
  /** Identity pieces map offset by offset; composed clusters only at their edges. */
  identity: boolean;
  /** Index of the kept segment: a span must lie in one. */
  segment: number;
}

export function buildExportText(raw: string, remove: readonly Span[], options: RemapOptions): ExportText {
  const rawCps = new CodePointIndex(raw);
  const drops = mergeRanges(expandToLines(raw, remove.map((s) => [rawCps.toUtf16(s.start), rawCps.toUtf16(s.end)] as [number, number])));
  if (raw.charCodeAt(0) === 0xfeff) drops.unshift([0, 1]);
  const merged = mergeRanges(drops);
  const pieces: Piece[] = [];
  const out: string[] = [];
  let outLen = 0;
  let pos = 0;
  let segment = 0;
  const keep = (a: number, b: number) => {
    if (a >= b) return;
    const seg = raw.slice(a, b);
    if (!options.nfc || seg.normalize('NFC') === seg) {
      pieces.push({ rawStart: a, rawEnd: b, outStart: outLen, outEnd: outLen + seg.length, identity: true, segment });
      out.push(seg);
      outLen += seg.length;
    } else {
      for (const [s, e] of clusters(raw, a, b)) {
        const c = raw.slice(s, e).normalize('NFC');
        pieces.push({ rawStart: s, rawEnd: e, outStart: outLen, outEnd: outLen + c.length, identity: false, segment });
        out.push(c);
        outLen += c.length;
      }
    }
    segment++;
  };
  for (const [a, b] of merged) {
    keep(pos, a);
    pos = Math.max(pos, b);
  }
  keep(pos, raw.length);
  const text = out.join('');
  const outCps = new CodePointIndex(text);
  const removed = merged.reduce((n, [a, b]) => n + rawCps.toCodePoint(b) - rawCps.toCodePoint(a), 0);
  return {
    text,
    removedCodePoints: removed,
    mapSpan(span) {
      if (!(span.start < span.end)) return undefined;
      const s = locate(pieces, rawCps.toUtf16(span.start), 'start');
      const e = locate(pieces, rawCps.toUtf16(span.end), 'end');
      if (!s || !e || s.piece.segment !== e.piece.segment) return undefined;
      return { start: outCps.toCodePoint(s.out), end: outCps.toCodePoint(e.out) };
    },
  };
}

/** Whole lines for blocks alone on their lines; the block itself otherwise. */
function expandToLines(raw: string, ranges: Array<[number, number]>): Array<[number, number]> {
  if (ranges.length === 0) return ranges;
  const starts = lineStarts(raw);
  return ranges.map(([a, b]) => {
    if (a >= b) return [a, b];
    const first = lineOf(starts, a);
    const last = lineOf(starts, b - 1);
    const lineStart = starts[first];
    const next = last + 1 < starts.length ? starts[last + 1] : raw.length;
    const contentEnd = raw.slice(b, next).replace(/[\r\n]+$/, '');
    if (raw.slice(lineStart, a).trim() === '' && contentEnd.trim() === '') return [lineStart, next];
    return [a, b];
  });
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = ranges.filter(([a, b]) => a < b).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Base character + combining marks, the unit NFC composes (a pair counts as one base). */
function* clusters(raw: string, a: number, b: number): Generator<[number, number]> {
  let i = a;
  while (i < b) {
    let j = i + 1;
    const c = raw.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && j < b) j++;
    while (j < b && isMark(raw.charCodeAt(j))) j++;
    yield [i, j];
    i = j;
  }
}

function isMark(c: number): boolean {
  return (c >= 0x0300 && c <= 0x036f) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff);
}

/** Output UTF-16 index of a raw index, as the start or the end of a span. */
function locate(pieces: readonly Piece[], r: number, side: 'start' | 'end'): { piece: Piece; out: number } | undefined {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid];
    const inside = side === 'start' ? p.rawStart <= r && r < p.rawEnd : p.rawStart < r && r <= p.rawEnd;
    if (inside) {
      if (p.identity) return { piece: p, out: p.outStart + (r - p.rawStart) };
      return { piece: p, out: side === 'start' ? p.outStart : p.outEnd }; // a cut inside a cluster widens to it
    }
    if ((side === 'start' ? p.rawEnd <= r : p.rawEnd < r)) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
