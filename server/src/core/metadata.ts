/**
 * Article metadata (guide §2–3): items kept in the text but marked — the headline, the
 * article's own dateline, the source credited at the start of the lede, bylines, photo
 * credits and image captions. Items mark the exact part (`VOV.VN -`, the byline name,
 * the stamp of a dateline); headlines and captions are whole lines.
 *
 * Later stages read these: the publication date comes from the first `dateline`, PER
 * names from `byline`/`credit`, ORG from `source`. So a dateline is only ever the
 * article's own stamp (near the headline), never a crawl time or a teaser's date.
 */
import { escapeRegExp } from './escapeRegExp';
import type { Block, DetectContext, Meta } from './candidates';
import type { MetadataKind } from './types';
import {
  findSourcePrefix, findStamp, isGoodParagraph, isNamesShape, isSourceName, keyHash, skeletonOf, isStampLine, nameParts, parseMetaLine, PUNCT_BAR, PUNCT_COLON,
  sameKey, shapeLines, type LineShape, type Span,
} from './lineShape';
import {
  agencyLine, bylineRest, hasSourceLabel, isCreditLine, isCreditsLine, isPublicationName, labelledParts, layoutOf, nextNonBlank,
  previousNonBlank, staffByline, type LabelledPart, type Marks,
} from './pageLayout';
import { isJsSpace, normalizedKey } from './normalize';
import {
  CAPTION_LABELS, CAPTION_OPENINGS, CAPTION_PHRASES, CREDIT_LABELS, NON_NAME_CREDITS, PROSE_OPENINGS,
} from './data/metadataCues';

export function detectMetadata(ctx: Pick<DetectContext, 'text' | 'lines' | 'boilerplate'>): Meta[] {
  const shapes = shapeLines(ctx.text, ctx.lines);
  const marks = marksFromBlocks(shapes, ctx.boilerplate);
  const { first, headline, bodyEnd } = layoutOf(shapes, marks);
  const out: Meta[] = [];
  const add = (kind: MetadataKind, span: Span | null) => {
    if (span && span.end > span.start) out.push({ kind, start: span.start, end: span.end });
  };
  if (headline >= 0) add('headline', shapes[headline]);
  const header = headerLines(shapes, marks, headline, first);
  let dated = false;
  for (const i of header) dated = headerItems(shapes[i], add, dated) || dated;
  if (!dated && first >= 0) {
    // Some sites print the meta line under the sapo: `Sapo … / Xây dựng Đảng - Minh Châu - 10:15 20/06/2025`.
    const after = nextNonBlank(shapes, first);
    if (after >= 0 && !marks[after] && (isStampLine(shapes[after]) || parseMetaLine(shapes[after]))) dated = headerItems(shapes[after], add, false);
  }
  if (!dated && headline > 0) add('dateline', ownStampAbove(shapes, marks, headline));
  const lede = ledeLine(shapes, marks, headline);
  if (lede >= 0) add('source', findSourcePrefix(shapes[lede]));
  if (first >= 0) bodyItems(shapes, marks, first, Math.max(bodyEnd, first), lede, add);
  return byStart(out);
}

/**
 * The items by start, in a stable insertion sort: they come nearly in order and are few,
 * where Array.prototype.sort's set-up costs more than the sorting.
 */
function byStart(items: Meta[]): Meta[] {
  if (items.length > 64) return items.sort((a, b) => a.start - b.start); // both sorts are stable: the same order
  for (let i = 1; i < items.length; i++) {
    const it = items[i];
    let j = i - 1;
    for (; j >= 0 && items[j].start > it.start; j--) items[j + 1] = items[j];
    items[j + 1] = it;
  }
  return items;
}

/** Line → category of the boilerplate block covering it. */
function marksFromBlocks(shapes: readonly LineShape[], blocks: readonly Block[]): Marks {
  const marks: Marks = new Array(shapes.length);
  let b = 0;
  for (let i = 0; i < shapes.length; i++) {
    const s = shapes[i];
    while (b < blocks.length && blocks[b].end < s.start) b++;
    if (b < blocks.length && !s.blank && blocks[b].start <= s.start && s.end <= blocks[b].end) marks[i] = blocks[b].category;
  }
  return marks;
}

type Add = (kind: MetadataKind, span: Span | null) => void;

/** Unmarked lines between the headline and the first body paragraph. */
function headerLines(shapes: readonly LineShape[], marks: Marks, headline: number, first: number): number[] {
  const out: number[] = [];
  const stop = first >= 0 ? first : Math.min(shapes.length, headline + 6);
  for (let i = headline + 1; i < stop; i++) if (!shapes[i].blank && !marks[i]) out.push(i);
  return out;
}

/** Dateline and byline items of a header line; true when it gave a dateline. */
function headerItems(s: LineShape, add: Add, dated: boolean): boolean {
  const meta = parseMetaLine(s);
  if (meta) {
    if (meta.author) add('byline', meta.author);
    if (!dated) add('dateline', meta.stamp);
    return true;
  }
  if (isStampLine(s)) {
    if (!dated) add('dateline', findStamp(s));
    return true;
  }
  bylineItems(s, add);
  return false;
}

/** A stamp line above the headline that the boilerplate stage left as the article's own. */
function ownStampAbove(shapes: readonly LineShape[], marks: Marks, headline: number): Span | null {
  for (let i = headline - 1; i >= 0; i--) {
    if (!marks[i] && isStampLine(shapes[i])) return findStamp(shapes[i]);
  }
  return null;
}

/** The lede: the first paragraph after the headline's dateline and byline lines. */
function ledeLine(shapes: readonly LineShape[], marks: Marks, headline: number): number {
  for (let i = headline + 1; i < shapes.length; i++) {
    const s = shapes[i];
    if (s.blank || marks[i]) continue;
    if (isStampLine(s) || parseMetaLine(s) || isCreditsLine(s)) continue;
    return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------
// Bylines and credits.

/**
 * Byline items of a line that is a byline: `Minh Hà`, `Minh Hà - Thu Trang`,
 * `Văn Điệp (TTXVN)`, `Bài, ảnh: Đức Thiện`, `PV`; source items of a source credit:
 * `Theo TTXVN`, `Nguồn: Báo Quảng Nam`, `(Theo báo Nhân Dân)` (the publication's name, a
 * lowercase `báo` left out), `(TTXVN/Vietnam+)`. Returns whether the line was one.
 */
function bylineItems(s: LineShape, add: Add): boolean {
  const staff = staffByline(s);
  if (staff) {
    add('byline', staff);
    return true;
  }
  const parts = labelledParts(s);
  if (parts) {
    for (const part of parts) partItems(s, part, add);
    return true;
  }
  const labelled = bylineRest(s);
  // Without a label the credited text is the whole line, whose isNamesLine is memoized.
  const text = labelled ? s.line.text.slice(labelled.start - s.line.start, labelled.end - s.line.start) : s.text;
  if (labelled || isNamesShape(s)) {
    const names = namesAt(text, labelled ? labelled.start : s.start);
    if (names.length > 0) {
      for (const n of names) add('byline', n);
      return true;
    }
  }
  if (labelled) {
    const agency = publicationSpan(text, labelled.start);
    const name = text.slice(agency.start - labelled.start, agency.end - labelled.start);
    if (isSourceName(name) || (hasSourceLabel(s) && isPublicationName(name))) add('source', agency);
    return true;
  }
  const agencies = agencyLine(s);
  if (agencies) {
    add('source', agencies);
    return true;
  }
  return false;
}

/** The publication's name in a credited text: a trailing `(…)` and a lowercase `báo` left out. */
function publicationSpan(text: string, offset: number): Span {
  let name = text.replace(/(?<!\s)\s*\([^()]*\)$/u, '').trim();
  let from = offset + text.indexOf(name);
  const lowerHead = /^\p{Ll}+\s(?=\p{Lu})/u.exec(name); // `báo Nhân Dân` → `Nhân Dân`
  if (lowerHead) {
    name = name.slice(lowerHead[0].length);
    from += lowerHead[0].length;
  }
  return { start: from, end: from + name.length };
}

/** Items of one part of a multi-label credits line (`Tác giả: …`, `Ảnh: …`, `Nguồn: …`). */
function partItems(s: LineShape, part: LabelledPart, add: Add): void {
  const text = s.line.text.slice(part.rest.start - s.line.start, part.rest.end - s.line.start);
  if (part.kind === 'source') {
    const span = publicationSpan(text, part.rest.start);
    const name = text.slice(span.start - part.rest.start, span.end - part.rest.start);
    if (isSourceName(name) || isPublicationName(name)) add('source', span);
    else for (const n of namesAt(text, part.rest.start)) add('byline', n);
    return;
  }
  if (part.kind === 'credit' && NON_NAMES.has(normalizedKey(text))) return;
  for (const n of namesAt(text, part.rest.start)) add(part.kind, n);
}

/** Name parts of `text` (which starts at view offset `offset`), as view spans. */
function namesAt(text: string, offset: number): Span[] {
  return nameParts(text).map((n) => ({ start: offset + n.start, end: offset + n.end }));
}

const CREDIT_RE = new RegExp(
  String.raw`(?:^|[\s(.|–-])(?:${[...CREDIT_LABELS].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})\s?:\s?`,
  'giu',
);
const NON_NAMES = new Set(NON_NAME_CREDITS.map(normalizedKey));
/** Each credit label contains one of these words: a cheap test before the regex. */
const CREDIT_WORDS = [...new Set(CREDIT_LABELS.map((l) => normalizedKey(l).split(' ').at(-1)!))];


const CREDIT_WORD_REACH = Math.max(...CREDIT_WORDS.map((w) => w.length));

/**
 * A colon right after a credit label's last word (and at most one whitespace), as
 * CREDIT_RE needs: tested at the line's colons, without lowercasing the whole line.
 */
function creditWordBeforeColon(text: string): boolean {
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    const end = colon > 0 && isJsSpace(text.charCodeAt(colon - 1)) ? colon - 1 : colon;
    const from = Math.max(0, end - CREDIT_WORD_REACH);
    if (lowersAlone(text, from, end)) {
      for (const w of CREDIT_WORDS) if (endsWithLowered(text, from, end, w)) return true;
      continue;
    }
    const before = text.slice(from, end).toLowerCase();
    if (CREDIT_WORDS.some((w) => before.endsWith(w))) return true;
  }
  return false;
}

/**
 * Each code unit of text[from, end) lowercases to one code unit whatever its neighbours:
 * the lowercased slice is then the units' lowercases, one for one.
 */
function lowersAlone(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (lowerUnit(text.charCodeAt(i)) < 0) return false;
  return true;
}

/** text[from, end) lowercased ends with `w` (lowersAlone holds). */
function endsWithLowered(text: string, from: number, end: number, w: string): boolean {
  const start = end - w.length;
  if (start < from) return false;
  for (let k = 0; k < w.length; k++) if (lowerUnit(text.charCodeAt(start + k)) !== w.charCodeAt(k)) return false;
  return true;
}

/** Per code unit: its lowercase + 1, -1 when that is not one code unit alone (0 = not learnt yet). */
const LOWER_UNIT = new Int32Array(0x10000);

/** The lowercase of code unit c, or -1 for surrogates, `Σ` (context-dependent) and units lowercasing to several. */
function lowerUnit(c: number): number {
  let v = LOWER_UNIT[c];
  if (v === 0) {
    const lc = String.fromCharCode(c).toLowerCase();
    v = (c >= 0xd800 && c <= 0xdfff) || c === 0x3a3 || lc.length !== 1 ? -1 : lc.charCodeAt(0) + 1;
    LOWER_UNIT[c] = v;
  }
  return v < 0 ? -1 : v - 1;
}

/** `Ảnh: Tuấn Anh`, `(Ảnh: Văn Điệp/TTXVN)`, `Ảnh: VGP/Nhật Bắc`: the photographer's name, when it is a person's. */
function creditItems(s: LineShape, add: Add): boolean {
  // Every credit label is followed by a colon.
  if ((s.punct & PUNCT_COLON) === 0 || !creditWordBeforeColon(s.text)) return false;
  let found = false;
  for (const m of s.text.matchAll(CREDIT_RE)) {
    const from = m.index + m[0].length;
    const tail = s.text.slice(from);
    const cut = tail.search(/[)|]|\s[-–]\s|$/u);
    const name = tail.slice(0, cut).trim().replace(/[.,;]$/u, '');
    if (!name || NON_NAMES.has(normalizedKey(name))) continue;
    for (const n of namesAt(name, s.start + from + tail.indexOf(name))) {
      add('credit', n);
      found = true;
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// Body: captions, credits, closing bylines.

function bodyItems(shapes: readonly LineShape[], marks: Marks, first: number, bodyEnd: number, lede: number, add: Add): void {
  let lastGood = bodyEnd;
  while (lastGood > first && (marks[lastGood] || !isGoodParagraph(shapes[lastGood]))) lastGood--; // the last good one, else first
  for (let i = first; i <= bodyEnd; i++) {
    const s = shapes[i];
    if (s.blank || marks[i]) continue;
    // After the last paragraph: bylines, photo credits and source credits, in any order.
    if (i > lastGood && isCreditsLine(s) && (!isCreditLine(s) || labelledParts(s)) && bylineItems(s, add)) continue;
    const credited = creditItems(s, add);
    if (i !== lede && i !== first && !isCreditLine(s) && isCaption(shapes, marks, i, first, credited)) add('caption', s);
  }
}

const CAPTION_START_KEYS = openingsIndex(CAPTION_OPENINGS.map(normalizedKey));
const CAPTION_LABEL_KEYS = CAPTION_LABELS.map(normalizedKey);
const CAPTION_PHRASE_KEYS = CAPTION_PHRASES.map(normalizedKey);
const PROSE_START_KEYS = openingsIndex(PROSE_OPENINGS.map(normalizedKey));

/** Paragraphs around a caption are at least this long (characters) and three times the caption. */
const MIN_PROSE_CHARS = 200;
/** Longest caption we accept on shape alone (characters). */
const MAX_CAPTION_CHARS = 250;

/**
 * An image caption. Decisive: the `… |` caption mark of some CMSs, or a photo credit on a
 * short line. Otherwise several signals must agree: a short, single-sentence line that is
 * not prose-like (no discourse connective at its start, no quotation, no colon), standing
 * alone between two long body paragraphs (the lede does not count: the line after a lede
 * usually continues it), and either much shorter than both of them or worded like a
 * caption (`Quang cảnh …`, `… phát biểu tại …`, `… chụp ảnh lưu niệm`), or printed twice.
 */
function isCaption(shapes: readonly LineShape[], marks: Marks, i: number, first: number, credited: boolean): boolean {
  const s = shapes[i];
  if ((s.punct & PUNCT_BAR) !== 0 && (/\s\|$/.test(s.text) || (s.text.endsWith('|') && s.words <= 60))) return true;
  if (credited && s.words <= 60) return true;
  // A short line printed right above a photo credit line inside the body (`… phát biểu.` /
  // `Ảnh: Việt Dũng` / more text); a credit after the last paragraph credits all photos.
  if (s.words <= 30) {
    const below = nextNonBlank(shapes, i);
    if (below >= 0 && !marks[below] && isCreditLine(shapes[below]) && !isCreditsLine(s)) {
      const after = nextNonBlank(shapes, below);
      if (after >= 0 && !marks[after] && isGoodParagraph(shapes[after])) return true;
    }
  }
  // `Video: Đại diện … phát biểu …`: a described photo or clip, not a credited name.
  if (s.words >= 4 && s.words <= 60 && (s.punct & PUNCT_COLON) !== 0 && CAPTION_LABEL_KEYS.some((k) => startsWithLabel(s, k))) return true;
  if (s.text.length > MAX_CAPTION_CHARS || s.words < 4 || isGoodParagraph(s) && s.words > 45) return false;
  // The neighbours first: they rule out more lines than the wording tests below, for less.
  const prev = previousNonBlank(shapes, i);
  let next = nextNonBlank(shapes, i);
  let printedTwice = false;
  while (next >= 0 && sameKey(shapes[next], s)) {
    printedTwice = true; // the page printed the caption twice (the copy is a `duplicate`)
    next = nextNonBlank(shapes, next);
  }
  if (prev <= first || next < 0 || marks[prev] || marks[next]) return false;
  const p = shapes[prev];
  const n = shapes[next];
  if (!isGoodParagraph(p) || !isGoodParagraph(n)) return false;
  if (quotedOrOpen(s.text) || hasSentenceBreak(s.text)) return false;
  if (startsWithAny(s, PROSE_START_KEYS)) return false;
  let score = printedTwice ? 2 : 1;
  if (p.text.length >= MIN_PROSE_CHARS && n.text.length >= MIN_PROSE_CHARS && Math.min(p.text.length, n.text.length) >= 3 * s.text.length) score++;
  if (startsWithAny(s, CAPTION_START_KEYS) || CAPTION_PHRASE_KEYS.some((k) => s.key.includes(k))) score++;
  return score >= 2;
}

/** `/[:?]$|^["“'‘(-]|["“”]/u` by char codes: ends in `:` or `?`, opens with a quote, bracket or dash, or quotes. */
function quotedOrOpen(text: string): boolean {
  const n = text.length;
  const last = text.charCodeAt(n - 1);
  if (last === 58 || last === 63) return true;
  const first = text.charCodeAt(0);
  if (first === 39 || first === 0x2018 || first === 40 || first === 45) return true; // `"` and `“` are found below
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 0x201c || c === 0x201d) return true;
  }
  return false;
}

/** `/[.!?]\s+\p{Lu}/u` by char codes: a sentence ends and a capital opens the next. */
function hasSentenceBreak(text: string): boolean {
  const n = text.length;
  for (let i = 0; i + 2 < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63) continue;
    let j = i + 1;
    while (j < n && isJsSpace(text.charCodeAt(j))) j++;
    if (j > i + 1 && j < n && isUpperAt(text, j)) return true;
  }
  return false;
}

const UPPER_START = /^\p{Lu}/u;
/** 1 = \p{Lu}, 2 = not, per BMP code unit, learnt on first sight (0 = not yet). */
const UPPER = new Uint8Array(0x10000);

/** The code point at `i` is \p{Lu} (a lone surrogate is not). */
function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdfff) return UPPER_START.test(text.slice(i, i + 2));
  let k = UPPER[c];
  if (k === 0) {
    k = UPPER_START.test(String.fromCharCode(c)) ? 1 : 2;
    UPPER[c] = k;
  }
  return k === 1;
}

/**
 * Opening keys by the keyHash of their first word: a key that starts with an opening (as
 * whole words) has that word as its first letter run, so a line only tries the openings
 * of its firstWordHash. Openings whose first word is not letters alone are always tried.
 */
interface OpeningsIndex {
  byFirstWord: Map<number, string[]>;
  others: string[];
}

function openingsIndex(keys: readonly string[]): OpeningsIndex {
  const idx: OpeningsIndex = { byFirstWord: new Map(), others: [] };
  for (const k of keys) {
    const first = k.split(' ')[0];
    if (first === '' || skeletonOf(first) !== first) {
      idx.others.push(k);
      continue;
    }
    const h = keyHash(first);
    idx.byFirstWord.set(h, [...(idx.byFirstWord.get(h) ?? []), k]);
  }
  return idx;
}

/** The line's key starts with one of the openings as whole words. */
function startsWithAny(s: LineShape, openings: OpeningsIndex): boolean {
  const same = openings.byFirstWord.get(s.firstWordHash);
  return (same !== undefined && startsWithOneOf(s, same)) || (openings.others.length > 0 && startsWithOneOf(s, openings.others));
}

function startsWithOneOf(s: LineShape, starts: readonly string[]): boolean {
  for (const k of starts) {
    const head = s.keyHead(k.length + 1);
    if (head.startsWith(k) && !/[\p{L}\d]/u.test(head.charAt(k.length))) return true;
  }
  return false;
}

/** `label:` or `label :` at the start of the line's key (folded: at most one space before the colon). */
function startsWithLabel(s: LineShape, label: string): boolean {
  const head = s.keyHead(label.length + 2);
  return head.startsWith(label) && /^\s*:/u.test(head.slice(label.length));
}
