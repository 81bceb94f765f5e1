/**
 * Boilerplate classification (guide §3): which lines of a scraped page are not the
 * article, and what kind of chrome they are.
 *
 * Evidence, strongest first:
 * 1. cue tables (data/boilerplateCues.ts) matched against a line's letters-only skeleton
 *    (`(0) Bình luận` → comments, `--Quảng cáo---` → ad), plus shapes no table can list:
 *    one-line menus of short items, `©` lines, e-mail lines;
 * 2. widget headings open a block: the teasers under `Tin liên quan` (headlines, ledes
 *    starting with a source, bullets, `Chuyên mục - Tác giả - giờ ngày` lines, repeats)
 *    are `related`, those under `Tin nổi bật` are `navigation`;
 * 3. page position (pageLayout.ts): the article runs from its headline to the end of its
 *    body, found through jusText's "good" paragraphs (long, with stop words); what lies
 *    above the headline or below the body (short lines, few stop words) is chrome;
 * 4. verbatim repetition inside the article → `duplicate`.
 * One pass per step; repetition uses a Map of normalized keys, so the whole is linear.
 */
import { escapeRegExp } from './escapeRegExp';
import type { Block, DetectContext } from './candidates';
import type { BoilerplateCategory } from './types';
import {
  COMMENT_CONTROLS, FOOTER_PHRASES, LINE_CUES, MASTHEAD_HEADS, MAX_PREFIX_CUE_WORDS, MAX_WORD_CUE_WORDS, MENU_SEPARATORS, type LineCue,
} from './data/boilerplateCues';
import { isJsSpace, normalizedKey } from './normalize';
import {
  EXACT_ONLY_UNIT, findSourcePrefix, findStamp, isGoodParagraph, isHeadlineLike, isSectionName, isStampLine, keyHash, KeySet, letterLower, parseMetaLine,
  PUNCT_AT, PUNCT_COLON, PUNCT_COPYRIGHT, sameKey, shapeLines, skeletonOf, type LineShape,
} from './lineShape';
import {
  findBodyEnd, findFirstBody, findHeadline, nextNonBlank, previousNonBlank, type Marks,
} from './pageLayout';

/**
 * What a step found about a line. One class, so every reader of a verdict sees one shape;
 * verdicts are never changed once made, so lines with the same finding share one object
 * (the fixed ones below, one per cue, one per absorbing heading) instead of each line
 * allocating its own.
 */
class Verdict {
  constructor(
    readonly category: BoilerplateCategory,
    readonly reason: string,
    /** From a cue after which the article does not resume (data/boilerplateCues.ts `terminal`). */
    readonly terminal: boolean | undefined = undefined,
    /** From a cue that heads a widget: below the body, unknown lines after it belong to it. */
    readonly heads: boolean | undefined = undefined,
    /** The cue markCues found on the line (cueFor's answer, kept so later steps need not ask again). */
    readonly cue: LineCue | undefined = undefined,
  ) {}
}

const COPYRIGHT = new Verdict('footer', 'copyright', true, true);
const MENU = new Verdict('navigation', 'menu or breadcrumb');
const PLAYER = new Verdict('navigation', 'audio or video player');
const PAGE_CLOCK = new Verdict('navigation', 'page time stamp in the navigation bar');
const ABOVE_HEADLINE = new Verdict('navigation', 'page chrome above the headline');
const LOOSE_MENU = new Verdict('navigation', 'menu item above the article');
const COMMENT_CONTROL = new Verdict('comments', 'comment widget control');
const FOOTER = new Verdict('footer', 'page footer');
const SERIES = new Verdict('related', 'another part of the series');
const DUPLICATE = new Verdict('duplicate', 'repeats an earlier line verbatim');
const TEASER = new Verdict('related', 'teaser of another article');

/** The verdict of each cue, made on first use. */
const CUE_VERDICTS = new Map<LineCue, Verdict>();

function cueVerdict(cue: LineCue): Verdict {
  let v = CUE_VERDICTS.get(cue);
  if (v === undefined) {
    v = new Verdict(cue.category, cue.reason, cue.terminal, cue.opens || cue.terminal, cue);
    CUE_VERDICTS.set(cue, v);
  }
  return v;
}

type Verdicts = Array<Verdict | undefined>;

export function detectBoilerplate(ctx: Pick<DetectContext, 'text' | 'lines'>): Block[] {
  const shapes = shapeLines(ctx.text, ctx.lines);
  const v: Verdicts = new Array(shapes.length);
  markCues(shapes, v);
  markSections(shapes, v);
  const marks = marksOf(v); // v is unchanged until a rescue
  const first = findFirstBody(shapes, marks);
  let headline = findHeadline(shapes, marks, first);
  if (headline < 0 && rescueHeadline(shapes, v, first)) headline = findHeadline(shapes, marksOf(v), first);
  markTeaserGroups(shapes, v, first);
  markDuplicates(shapes, v, Math.max(headline, 0), headline);
  const bodyEnd = findBodyEnd(shapes, marksOf(v), first, (i) => v[i]?.terminal === true);
  markAbove(shapes, v, headline, first);
  markBelow(shapes, v, bodyEnd);
  return toBlocks(shapes, v);
}

function marksOf(v: Verdicts): Marks {
  // A plain loop: map() over the holey verdicts array is several times slower.
  const marks: Marks = new Array(v.length);
  for (let i = 0; i < v.length; i++) marks[i] = v[i]?.category;
  return marks;
}

// ---------------------------------------------------------------------------------------
// 1. Cues on single lines.

/**
 * A set of int32 numbers asked about every line: a bitmap of their low bits answers most
 * questions (the numbers of lines that match no cue) without hashing a number.
 */
class NumberSet {
  private readonly set = new Set<number>();
  private readonly bits = new Uint8Array(4096);

  add(n: number): void {
    this.set.add(n);
    this.bits[n & 4095] = 1;
  }

  has(n: number): boolean {
    return this.bits[n & 4095] !== 0 && this.set.has(n);
  }
}

interface CueIndex {
  lines: Map<string, LineCue[]>;
  /**
   * Every `line` phrase by lineCueShape (its first word and its number of words), and the
   * keyHash of every prefix and label map key: a line found in neither set matches no such
   * cue, and its skeleton is never built.
   */
  lineShapes: NumberSet;
  prefixFirstWords: NumberSet;
  /** The most words a line may have for some prefix or label cue to fire. */
  maxPrefixWords: number;
  /**
   * Prefix and label cues by the keyHash of their first word, so a line only tries the few
   * that can match (those of its firstWordHash: a cue that matches starts with the line's
   * first letter run, and other first words sharing the hash fail the full test).
   */
  prefixes: Map<number, Array<[string, LineCue]>>;
  labels: Map<number, Array<[string, LineCue]>>;
  /**
   * `word` cues in table order, each with one regex of its phrases as whole words of a
   * skeleton (after its start or a space, before a space or its end): one search per cue.
   */
  words: Array<[RegExp, LineCue]>;
  /** keyHash of the first word of every `word` phrase: a skeleton with none of them matches no `word` cue. */
  wordFirstWords: NumberSet;
}

const CUES: CueIndex = indexCues(LINE_CUES);

function indexCues(cues: readonly LineCue[]): CueIndex {
  const idx: CueIndex = {
    lines: new Map(), lineShapes: new NumberSet(), prefixFirstWords: new NumberSet(), maxPrefixWords: 0, prefixes: new Map(), labels: new Map(), words: [],
    wordFirstWords: new NumberSet(),
  };
  const byFirstWord = (map: Map<number, Array<[string, LineCue]>>, phrase: string, cue: LineCue) => {
    const first = phrase.split(/[\s:]/)[0];
    // Only a letter run can be a line's first word: what its hash is compared with.
    if (skeletonOf(first) !== first) throw new Error(`boilerplate cue "${phrase}": its first word is not letters alone`);
    const h = keyHash(first);
    map.set(h, [...(map.get(h) ?? []), [phrase, cue]]);
  };
  const wordPhrases = new Map<LineCue, string[]>();
  for (const cue of cues) {
    for (const phrase of cue.phrases) {
      const sk = skeletonOf(normalizedKey(phrase));
      if (cue.match === 'line') idx.lines.set(sk, [...(idx.lines.get(sk) ?? []), cue]);
      else if (cue.match === 'prefix') byFirstWord(idx.prefixes, sk, cue);
      else if (cue.match === 'label') byFirstWord(idx.labels, normalizedKey(phrase), cue);
      else wordPhrases.set(cue, [...(wordPhrases.get(cue) ?? []), sk]);
    }
  }
  for (const [cue, phrases] of wordPhrases) {
    idx.words.push([new RegExp(`(?<![^ ])(?:${phrases.map(escapeRegExp).join('|')})(?![^ ])`), cue]);
    for (const sk of phrases) idx.wordFirstWords.add(keyHash(sk.split(' ')[0]));
  }
  for (const sk of idx.lines.keys()) {
    const words = sk.split(' ');
    idx.lineShapes.add(lineCueShape(keyHash(words[0]), sk === '' ? 0 : words.length));
  }
  for (const map of [idx.prefixes, idx.labels]) {
    for (const [first, entries] of map) {
      idx.prefixFirstWords.add(first);
      for (const [, cue] of entries) idx.maxPrefixWords = Math.max(idx.maxPrefixWords, cue.maxWords ?? MAX_PREFIX_CUE_WORDS);
    }
  }
  return idx;
}

/** A line's first word and number of letter runs, in one number (a whole-line cue needs both equal). */
function lineCueShape(firstWordHash: number, runs: number): number {
  return (Math.imul(firstWordHash, 31) + runs) | 0;
}

/** The cue a line matches, if any; table order decides between cues of one kind. */
export function cueFor(s: LineShape): LineCue | undefined {
  if (s.blank) return undefined;
  // Cheap tests on numbers first: most lines (body prose) can match no cue at all.
  if (!s.skeletonCut && CUES.lineShapes.has(lineCueShape(s.firstWordHash, s.letterRuns))) {
    const exact = lineCueFor(s);
    if (exact) return exact;
  }
  if (s.words <= CUES.maxPrefixWords && CUES.prefixFirstWords.has(s.firstWordHash)) {
    const cue = prefixCueFor(s);
    if (cue) return cue;
  }
  if (s.words <= MAX_WORD_CUE_WORDS && !s.skeletonCut && mayHaveWordCue(s)) {
    const skeleton = s.skeleton;
    for (const [re, cue] of CUES.words) if (re.test(skeleton)) return cue;
  }
  return undefined;
}

/**
 * hasWordCueStart of the line's skeleton, read from its text: nearly every short line has
 * no `word` cue, and most of them would have built their skeleton for this test alone.
 * A skeleton that is not cut holds every letter run of the key; when the char-code pass of
 * lineShape.ts reads every unit of the text (letterLower), its words are the text's letter
 * runs lowercased unit by unit. Other texts ask the skeleton.
 */
function mayHaveWordCue(s: LineShape): boolean {
  const text = s.text;
  let h = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const lower = letterLower(text.charCodeAt(i));
    if (lower >= 0) {
      h = (Math.imul(h, 31) + lower) | 0;
      inRun = true;
    } else if (lower === EXACT_ONLY_UNIT) return hasWordCueStart(s.skeleton);
    else if (inRun) {
      if (CUES.wordFirstWords.has(h)) return true;
      h = 0;
      inRun = false;
    }
  }
  return inRun && CUES.wordFirstWords.has(h);
}

/**
 * Some word of the skeleton (letter runs between single spaces) is the first word of a
 * `word` phrase: a phrase matches only where it starts a skeleton word and ends one, so
 * without such a word no `word` regex can match.
 */
function hasWordCueStart(skeleton: string): boolean {
  let h = 0;
  for (let i = 0; i < skeleton.length; i++) {
    const c = skeleton.charCodeAt(i);
    if (c === 32) {
      if (CUES.wordFirstWords.has(h)) return true;
      h = 0;
    } else h = (Math.imul(h, 31) + c) | 0;
  }
  return skeleton.length > 0 && CUES.wordFirstWords.has(h);
}

/** The first whole-line cue of the line's skeleton whose digit condition holds, if any. */
function lineCueFor(s: LineShape): LineCue | undefined {
  const cues = CUES.lines.get(s.skeleton);
  if (cues !== undefined) for (const c of cues) if (!c.needsDigits || s.hasDigits) return c;
  return undefined;
}

/** The label or prefix cue a line matches (table order), if any. */
function prefixCueFor(s: LineShape): LineCue | undefined {
  const firstWord = s.firstWordHash;
  for (const [phrase, cue] of CUES.labels.get(firstWord) ?? []) {
    if (s.words > (cue.maxWords ?? MAX_PREFIX_CUE_WORDS)) continue;
    const head = s.keyHead(phrase.length + 2); // the folded key has at most one space before the colon
    if (startsWithWords(head, phrase) && /^\s*:/.test(head.slice(phrase.length))) return cue;
  }
  for (const [phrase, cue] of CUES.prefixes.get(firstWord) ?? []) {
    if (s.words <= (cue.maxWords ?? MAX_PREFIX_CUE_WORDS) && startsWithWords(s.skeleton, phrase)) return cue;
  }
  return undefined;
}

function startsWithWords(text: string, phrase: string): boolean {
  return text.startsWith(phrase) && !/[\p{L}\d]/u.test(text.charAt(phrase.length));
}

function markCues(shapes: readonly LineShape[], v: Verdicts): void {
  for (let i = 0; i < shapes.length; i++) {
    const s = shapes[i];
    if (s.blank) continue;
    const cue = cueFor(s);
    if (cue) v[i] = cueVerdict(cue);
    else if ((s.punct & PUNCT_COPYRIGHT) !== 0 && s.words <= MAX_PREFIX_CUE_WORDS) v[i] = COPYRIGHT;
    else if (isMenuLine(s)) v[i] = MENU;
    else if (s.letterRuns === 0 && PLAYER_TIME.test(s.text)) v[i] = PLAYER;
  }
}

/** A media player's position or length on its own line: `00:00`, `01:25 / 04:10`. */
const PLAYER_TIME = /^\d{1,2}:\d{2}(?::\d{2})?(?:\s?\/\s?\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * `Trang chủ | Thời sự | Chính trị`, `Thời sự » Chính trị`: short items between menu
 * separators; two items suffice when one is a known section.
 */
export function isMenuLine(s: LineShape): boolean {
  if (s.words < 2 || s.words > 30 || isItemPunct(s.text.charCodeAt(s.text.length - 1))) return false;
  const items = menuItemCount(s.text);
  if (items < 2) return false;
  if (items >= 3) return true;
  return splitOnSeparators(s.text).some(isKnownMenuItem);
}

const SEPARATOR_RE = new RegExp(`\\s(?:${MENU_SEPARATORS.map(escapeRegExp).join('|')})\\s`, 'u');
/** Code units of MENU_SEPARATORS (each is one). */
const SEPARATOR_CODES = new Set(MENU_SEPARATORS.map((m) => m.charCodeAt(0)));
if (MENU_SEPARATORS.some((m) => m.length !== 1)) throw new Error('menu separators: one code unit each');

/** `.`, `!`, `?`, `;`, `:` or `,`: a menu item has none. */
function isItemPunct(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 59 || c === 58 || c === 44;
}

/**
 * The number of items of a menu line (splitOnSeparators' non-empty parts), or -1 as soon
 * as an item has more than four words or a punctuation mark (it is then no menu): one
 * char-code pass that finds the separators as SEPARATOR_RE does, leftmost first.
 */
function menuItemCount(text: string): number {
  const n = text.length;
  let items = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (isJsSpace(c)) {
      if (i + 2 < n && SEPARATOR_CODES.has(text.charCodeAt(i + 1)) && isJsSpace(text.charCodeAt(i + 2))) {
        if (words > 0) items++;
        words = 0;
        inWord = false;
        i += 3;
        continue;
      }
      inWord = false;
    } else {
      if (!inWord && ++words > 4) return -1;
      inWord = true;
      if (isItemPunct(c)) return -1;
    }
    i++;
  }
  return words > 0 ? items + 1 : items;
}


function splitOnSeparators(text: string): string[] {
  return text.split(SEPARATOR_RE).map((p) => p.trim()).filter((p) => p !== '');
}

/** A menu item the tables know: a section name or a navigation control. */
function isKnownMenuItem(item: string): boolean {
  const sk = skeletonOf(normalizedKey(item));
  return isSectionName(sk) || (CUES.lines.get(sk)?.some((c) => c.category === 'navigation') ?? false);
}

// ---------------------------------------------------------------------------------------
// 2. Widget headings and the teasers under them.

function markSections(shapes: readonly LineShape[], v: Verdicts): void {
  for (let i = 0; i < shapes.length; i++) {
    const cue = v[i]?.cue; // every line with a cue has its verdict from markCues
    // A comment count in a share bar heads nothing; readers' comments below the body are
    // taken as a section by markBelow.
    if (!cue?.opens || cue.category === 'comments') continue;
    const reason = `${ABSORBED} "${shapes[i].text}"`;
    i = cue.category === 'counter' ? absorbCounters(shapes, v, i + 1, reason) - 1 : absorbTeasers(shapes, v, i + 1, cue.category, reason) - 1;
  }
}

/** Lines of a statistics widget: short, with a number. Returns the index it stopped at. */
function absorbCounters(shapes: readonly LineShape[], v: Verdicts, from: number, reason: string): number {
  const counter = new Verdict('counter', reason);
  let j = from;
  for (; j < shapes.length; j++) {
    const s = shapes[j];
    if (s.blank) continue;
    if (v[j]?.category === 'counter') continue;
    if (v[j] || !s.hasDigits || s.words > 8) break;
    v[j] = counter;
  }
  return j;
}

/** Teaser headline: short, no sentence-final period (a `|` caption mark excluded). */
function isTeaserHeadline(s: LineShape): boolean {
  // The text after a bullet ends as the line does; a caption's credit label needs a colon.
  if (s.words < 2 || s.words > 30 || isClauseEnd(s.text.charCodeAt(s.text.length - 1)) || isStampLine(s)) return false;
  return (s.punct & PUNCT_COLON) === 0 || !isCaptionShaped(s.bullet ? s.text.slice(1).trim() : s.text);
}

/** `.`, `:`, `;`, `,` or `|`. */
function isClauseEnd(c: number): boolean {
  return c === 46 || c === 58 || c === 59 || c === 44 || c === 124;
}

/** `… hội nghị. (Ảnh: Trí Dũng)`: a sentence with a photo credit is an image caption, never a teaser. */
function isCaptionShaped(text: string): boolean {
  return /[.!?]\s?\(?(?:ảnh|nguồn ảnh|photo)\s?:/iu.test(text);
}

/**
 * Absorb the teasers under a widget heading (or after a headless teaser) into
 * `category`: headlines, their verbatim repeats, ledes (all starting with a source, or all
 * plain and short), bullets, indented lines and teaser meta lines. Stops at another
 * cue or at a line that fits none of these — the article resuming under a mid-text box.
 * A headline-like line that is followed by such a line, when the box had ledes, was a
 * subheading of the article and is given back. Returns the index it stopped at.
 */
function absorbTeasers(shapes: readonly LineShape[], v: Verdicts, from: number, category: BoilerplateCategory, reason: string): number {
  const seen = new KeySet();
  const absorbed = new Verdict(category, reason);
  let ledeStyle: 'prefixed' | 'plain' | undefined;
  let last: 'heading' | 'headline' | 'lede' | 'meta' = 'heading';
  let pending = -1; // last absorbed headline, given back if the box ends in prose
  let headlineOnly = false;
  const take = (j: number) => {
    v[j] = absorbed;
    seen.add(shapes[j]);
  };
  let j = from;
  for (; j < shapes.length; j++) {
    const s = shapes[j];
    if (s.blank) continue;
    if (v[j]) break;
    if (seen.has(s)) { take(j); continue; }
    if (parseMetaLine(s)) { take(j); last = 'meta'; pending = -1; continue; }
    if (findSourcePrefix(s)) {
      if (ledeStyle === 'plain') break;
      ledeStyle = 'prefixed';
      take(j); last = 'lede'; pending = -1;
      continue;
    }
    if (s.bullet || s.indent >= 2 || isTeaserHeadline(s)) {
      headlineOnly ||= last === 'headline'; // two headlines in a row: a box without ledes
      take(j); last = 'headline'; pending = j;
      continue;
    }
    // Plain (unsourced) ledes only in related boxes: under a site widget heading a plain
    // paragraph more likely starts the article itself (a widget printed above it).
    const plainLede = category === 'related' && !headlineOnly && (last === 'headline' || last === 'meta') && ledeStyle !== 'prefixed' && s.text.length <= 400;
    if (plainLede) { ledeStyle = 'plain'; take(j); last = 'lede'; pending = -1; continue; }
    break;
  }
  if (pending >= 0 && ledeStyle !== undefined && j < shapes.length && !v[j]) giveBack(shapes, v, pending);
  return j;
}

const ABSORBED = 'under the heading';

/**
 * A widget printed above the article swallows the article's headline as one more teaser.
 * When no headline is found above the first body paragraph, the nearest absorbed
 * headline-like line on the way up (past page controls, datelines and a sapo) is given
 * back: nothing of the article precedes its first paragraph, so it cannot be a teaser
 * of the box, it is the article's own headline.
 */
function rescueHeadline(shapes: readonly LineShape[], v: Verdicts, first: number): boolean {
  if (first < 0) return false;
  let seen = 0;
  for (let j = first - 1; j >= 0 && seen < 12; j--) {
    const s = shapes[j];
    if (s.blank) continue;
    seen++;
    const verdict = v[j];
    if (!verdict) continue;
    if (verdict.reason.startsWith(ABSORBED) && !cueFor(s) && isHeadlineLike(s)) {
      giveBack(shapes, v, j);
      return true;
    }
    if (verdict.category !== 'navigation' && verdict.category !== 'ad' && verdict.category !== 'social') return false;
  }
  return false;
}

/** Undo a teaser headline and its verbatim repeats right under it. */
function giveBack(shapes: readonly LineShape[], v: Verdicts, at: number): void {
  v[at] = undefined;
  for (let k = at + 1; k < shapes.length && (shapes[k].blank || sameKey(shapes[k], shapes[at])); k++) v[k] = undefined;
}

/**
 * Teasers without a heading, after the article has begun: a bullet headline followed by
 * an indented line, a teaser meta line or a sourced lede (`• Yên Bái: …` /
 * `    Xã hội - Thanh Ngà - 18:37 21/09/2020` / `    (TN&MT) - Chiều 21/9 …`), or a
 * headline followed by a meta line (`Chuyên mục - Tác giả - giờ ngày`).
 */
function markTeaserGroups(shapes: readonly LineShape[], v: Verdicts, first: number): void {
  if (first < 0) return;
  for (let i = first + 1; i < shapes.length; i++) {
    const s = shapes[i];
    if (s.blank || v[i]) continue;
    const next = nextNonBlank(shapes, i);
    const n = next >= 0 ? shapes[next] : undefined;
    let start = -1;
    if (s.bullet && isTeaserHeadline(s) && n && !v[next] && (n.indent > s.indent || parseMetaLine(n) || findSourcePrefix(n))) start = i;
    else if (isBulletLinks(shapes, v, i, next)) {
      // `• Headline` lines in a row after a paragraph: links to other articles, not a list.
      let k = i;
      while (k >= 0 && isBulletHeadline(shapes[k]) && !v[k]) {
        v[k] = TEASER;
        k = nextNonBlank(shapes, k);
      }
      i = k < 0 ? shapes.length : k - 1;
      continue;
    }
    else if (parseMetaLine(s) && !isStampLine(s)) {
      // Only under a teaser headline: a meta line right after the sapo is the article's own.
      const prev = previousNonBlank(shapes, i);
      if (prev > first && !v[prev] && isTeaserHeadline(shapes[prev]) && !isGoodParagraph(shapes[prev])) start = prev;
    }
    if (start < 0) continue;
    for (let k = start; k <= i; k++) if (!shapes[k].blank) v[k] = TEASER;
    i = absorbTeasers(shapes, v, i + 1, 'related', TEASER.reason) - 1;
  }
}

/** A bullet line worded like a headline: several words, no final punctuation. */
function isBulletHeadline(s: LineShape): boolean {
  return s.bullet && s.words >= 5 && isTeaserHeadline(s);
}

/**
 * Two or more bullet headlines in a row right after a finished paragraph (not after a
 * `…:` that announces a list).
 */
function isBulletLinks(shapes: readonly LineShape[], v: Verdicts, i: number, next: number): boolean {
  if (!isBulletHeadline(shapes[i]) || next < 0 || v[next] || !isBulletHeadline(shapes[next])) return false;
  const prev = previousNonBlank(shapes, i);
  return prev >= 0 && !v[prev] && shapes[prev].endsSentence && !shapes[prev].bullet;
}

// ---------------------------------------------------------------------------------------
// 3. Position: above the headline, below the body.

/**
 * Everything above the headline is chrome, with one exception: the date-time stamp nearest
 * the headline is the article's own dateline (VnExpress style) unless the article has
 * another one under its headline; other stamps up there are the page's clock.
 */
function markAbove(shapes: readonly LineShape[], v: Verdicts, headline: number, first: number): void {
  if (headline < 0) {
    markLooseMenus(shapes, v, first);
    return;
  }
  const stop = first >= 0 ? first : shapes.length;
  let ownStamp = false;
  for (let j = headline + 1; j < stop && !ownStamp; j++) ownStamp = !v[j] && (isStampLine(shapes[j]) || parseMetaLine(shapes[j]) !== null);
  for (let j = headline - 1; j >= 0; j--) {
    const s = shapes[j];
    if (s.blank || v[j]) continue;
    const stamp = isStampLine(s);
    if (stamp && !ownStamp) {
      ownStamp = true; // this one is the dateline; stamps further up are clocks
      continue;
    }
    v[j] = stamp ? PAGE_CLOCK : ABOVE_HEADLINE;
  }
}

/** With no headline found: only menu-like lines before the body (few words, no stop words). */
function markLooseMenus(shapes: readonly LineShape[], v: Verdicts, first: number): void {
  for (let j = 0; j < first; j++) {
    const s = shapes[j];
    if (!s.blank && !v[j] && s.words <= 4 && s.stopDensity === 0 && !findStamp(s)) v[j] = LOOSE_MENU;
  }
}

const BELOW = 'page chrome below the article';

/** The BELOW verdict of each category, made on first use. */
const BELOW_VERDICTS = new Map<BoilerplateCategory, Verdict>();

function belowVerdict(category: BoilerplateCategory): Verdict {
  let v = BELOW_VERDICTS.get(category);
  if (v === undefined) {
    v = new Verdict(category, BELOW);
    BELOW_VERDICTS.set(category, v);
  }
  return v;
}

/**
 * Below the body: widget items, teaser lists and credits the cue tables do not know
 * (jusText's rule: short lines among bad ones are bad). An unknown line belongs to the
 * widget whose heading is above it (`Tags:` → its tags, `Ý kiến bạn đọc` → the readers'
 * comments, `Tin cùng chuyên mục` → the teasers' time stamps), else it is navigation;
 * series links (`Bài 1: …`) are related. The footer starts at the first footer line and
 * reaches back over the unknown lines just above it (the site's masthead line).
 */
function markBelow(shapes: readonly LineShape[], v: Verdicts, bodyEnd: number): void {
  if (bodyEnd < 0) return;
  let section: BoilerplateCategory | undefined;
  let footerFrom = -1;
  for (let j = bodyEnd + 1; j < shapes.length; j++) {
    const s = shapes[j];
    if (s.blank) continue;
    const verdict = v[j];
    if (section === 'comments' && isCommentControl(s)) v[j] = COMMENT_CONTROL;
    else if (verdict) {
      if (verdict.heads) section = verdict.category;
      // A widget can absorb the masthead line that opens the footer as one more teaser.
      if (verdict.reason.startsWith(ABSORBED) && isFooterPhrase(s)) v[j] = FOOTER;
      if (v[j]!.category === 'footer' && footerFrom < 0) footerFrom = j;
    } else if (section === 'footer' || ((s.punct & PUNCT_AT) !== 0 && /\S@\S/.test(s.text)) || isAllCaps(s) || isFooterPhrase(s)) {
      v[j] = FOOTER;
      section = 'footer';
      if (footerFrom < 0) footerFrom = j;
    } else if (SERIES_LINK.test(s.text)) v[j] = SERIES;
    else v[j] = belowVerdict(section ?? 'navigation');
  }
  if (footerFrom >= 0) extendFooterUp(shapes, v, footerFrom, bodyEnd);
}

/** `Bài 1: …`, `Kỳ 2: …`, `Phần 3 - …`: a link to another part of a series. */
const SERIES_LINK = /^(?:bài|kỳ|phần)\s\d{1,2}\s?[:.–-]\s/iu;

const COMMENT_CONTROL_KEYS = new Set(COMMENT_CONTROLS.map((c) => skeletonOf(normalizedKey(c))));

function isCommentControl(s: LineShape): boolean {
  return s.words <= 4 && COMMENT_CONTROL_KEYS.has(s.skeleton);
}

const FOOTER_PHRASE_KEYS = FOOTER_PHRASES.map((p) => ` ${skeletonOf(normalizedKey(p))} `);

/** A masthead description (`Báo … - Cơ quan của Đảng bộ tỉnh …`), only looked for below the body. */
function isFooterPhrase(s: LineShape): boolean {
  if (s.words > 30) return false;
  const padded = ` ${s.skeleton} `;
  return FOOTER_PHRASE_KEYS.some((k) => padded.includes(k));
}

const MASTHEAD_KEYS = MASTHEAD_HEADS.map((h) => skeletonOf(normalizedKey(h)));

/**
 * The lines right above the footer that are unknown or the site's own name (`Báo
 * VietNamNet`, which a widget may have taken for a teaser) are footer too.
 */
function extendFooterUp(shapes: readonly LineShape[], v: Verdicts, from: number, bodyEnd: number): void {
  for (let j = from - 1; j > bodyEnd; j--) {
    const s = shapes[j];
    if (s.blank) continue;
    const verdict = v[j];
    const masthead = s.words <= 6 && verdict?.reason.startsWith(ABSORBED) && MASTHEAD_KEYS.some((k) => s.skeleton.startsWith(`${k} `));
    if (verdict?.reason !== BELOW && !masthead) break;
    v[j] = FOOTER;
  }
}

/** At least six letters, all capitals (`POWERED BY …`, a credit line in capitals). */
function isAllCaps(s: LineShape): boolean {
  return s.skeleton.replace(/ /g, '').length >= 6 && s.text === s.text.toUpperCase() && s.text !== s.key;
}

// ---------------------------------------------------------------------------------------
// 4. Verbatim repeats.

/** Lines this short repeat by chance (`Ảnh`, `Video`); they are not evidence of copying. */
const MIN_REPEAT_CHARS = 12;

/**
 * A content line repeated verbatim later in the article (a caption printed twice, a
 * paragraph pasted again): the later copies are `duplicate`. Lines already classified
 * keep their category (repeats inside a related box are `related`, repeated ads `ad`).
 */
function markDuplicates(shapes: readonly LineShape[], v: Verdicts, from: number, headline: number): void {
  const seen = LineTable.reset(shapes);
  for (let i = from; i < shapes.length; i++) {
    const s = shapes[i];
    if (s.blank || v[i] || s.text.length < MIN_REPEAT_CHARS) continue;
    if (seen.has(s)) {
      if (i !== headline) v[i] = DUPLICATE;
    } else seen.add(i);
  }
}

/**
 * KeySet's answers for the lines of one article, without a Map entry and an array per
 * line: fingerprints in an open-addressing table of int32 (reused buffers), and the lines
 * of one fingerprint chained by index. Its lines are compared as KeySet compares them.
 */
class LineTable {
  private static readonly one = new LineTable();
  private shapes: readonly LineShape[] = [];
  private prints = new Int32Array(64);
  /** Index + 1 of the last line added with the slot's fingerprint; 0 = empty slot. */
  private heads = new Int32Array(64);
  /** The line added before line i with the same fingerprint, or -1. */
  private next = new Int32Array(32);
  /** This article's part of the buffers: 2^bits slots, at least twice its lines. */
  private bits = 6;
  private mask = 63;

  /** The table, emptied for the lines `shapes`. */
  static reset(shapes: readonly LineShape[]): LineTable {
    const t = LineTable.one;
    const n = shapes.length;
    let bits = 6;
    while (1 << bits < 2 * n) bits++;
    const size = 1 << bits;
    if (t.heads.length < size) {
      t.prints = new Int32Array(size);
      t.heads = new Int32Array(size);
      t.next = new Int32Array(size >> 1);
    } else t.heads.fill(0, 0, size);
    t.bits = bits;
    t.mask = size - 1;
    t.shapes = shapes;
    return t;
  }

  private slotOf(print: number): number {
    let slot = Math.imul(print, 0x9e3779b1) >>> (32 - this.bits);
    while (this.heads[slot] !== 0 && this.prints[slot] !== print) slot = (slot + 1) & this.mask;
    return slot;
  }

  has(s: LineShape): boolean {
    for (let k = this.heads[this.slotOf(s.fingerprint)] - 1; k >= 0; k = this.next[k]) {
      const t = this.shapes[k];
      if (t.text === s.text || t.key === s.key) return true;
    }
    return false;
  }

  /** Adds line i (not yet in the table). */
  add(i: number): void {
    const print = this.shapes[i].fingerprint;
    const slot = this.slotOf(print);
    this.next[i] = this.heads[slot] - 1;
    this.heads[slot] = i + 1;
    this.prints[slot] = print;
  }
}

// ---------------------------------------------------------------------------------------

/** Runs of consecutive non-blank lines of one category become one block (blank lines split). */
function toBlocks(shapes: readonly LineShape[], v: Verdicts): Block[] {
  const out: Block[] = [];
  let open: Block | undefined;
  for (let i = 0; i < shapes.length; i++) {
    const s = shapes[i];
    const verdict = v[i];
    if (s.blank || !verdict) {
      open = undefined;
      continue;
    }
    if (open && open.category === verdict.category) {
      open.end = s.end;
      continue;
    }
    open = { category: verdict.category, start: s.line.start, end: s.end, reason: verdict.reason };
    out.push(open);
  }
  return out;
}
