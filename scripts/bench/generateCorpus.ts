/**
 * Benchmark corpus generator (issue 7). Builds N realistic articles (~8 KB each) by
 * recombining the sample articles' lines — body paragraphs, headlines, captions, chrome —
 * with the names, places and dates swapped per article, plus three big files: a 100 KB
 * article (edits, labelling), a 5 MB article and a single 1 MB line.
 *
 * Deterministic: article i depends only on (seed, i) through a seeded PRNG, so the first
 * 1,000 articles of the 10,000 corpus are the 1,000 corpus. Nothing here is committed
 * output: the corpus is written under out/ (git-ignored) and reused while its manifest
 * matches.
 *
 *   node --import tsx scripts/bench/generateCorpus.ts [--articles N] [--seed S] [--out DIR]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DATELINE_TEMPLATES, GIVEN, MIDDLE, NOT_A_PERSON, PROVINCES, SURNAMES, CHROME_TOP, CHROME_BOTTOM } from './corpusData';

/** Bump when the layout of the output changes; source and sample edits are fingerprinted too. */
export const GENERATOR_VERSION = 4;

// ---------------------------------------------------------------- seeded randomness

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** sfc32 seeded through a string hash: small, fast, good enough for sampling. */
export function createRng(...seedParts: Array<string | number>): Rng {
  let h = 1779033703 ^ 0;
  const key = seedParts.join('\u0001');
  for (let i = 0; i < key.length; i++) {
    h = Math.imul(h ^ key.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const mix = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  let a = mix(), b = mix(), c = mix(), d = mix();
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------- material from the samples

/** What the samples offer for recombination, classified by shape, not by content. */
export interface Material {
  /** Body paragraphs (long lines). */
  paragraphs: string[];
  /** Headline-like lines: short, no final full stop. */
  headlines: string[];
  /** Photo captions (sample captions end with a `|` or are short sentences). */
  captions: string[];
  /** Person names found in the samples (surname table + capitalised syllables). */
  names: string[];
  /** Provinces found in the samples (from the province table). */
  places: string[];
  /** Officials the generator substitutes in, most frequent first (Zipf). */
  officials: string[];
}

const NAME_RE = new RegExp(`(?<![\\p{L}])(?:${SURNAMES.join('|')})(?: \\p{Lu}\\p{Ll}*){2,3}(?![\\p{L}])`, 'gu');

export function loadMaterial(samplesDir: string, seed = 1): Material {
  const texts = fs.readdirSync(samplesDir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(samplesDir, f), 'utf8'));
  return materialFrom(texts, seed);
}

export function materialFrom(texts: string[], seed = 1): Material {
  const lines = texts.flatMap((t) => t.normalize('NFC').split(/\r?\n/).map((l) => l.replace(/\s+$/u, '').replace(/^\s+/u, '')));
  const uniq = (xs: string[]) => [...new Set(xs)];
  const long = uniq(lines.filter((l) => l.length >= 180));
  const paragraphs = long.length ? long : uniq(lines.filter((l) => l.length > 0));
  const captions = uniq(lines.filter((l) => l.length >= 25 && l.length < 180 && /\|$/.test(l)).map((l) => l.replace(/\s*\|$/, '')));
  const headlines = uniq(
    lines
      .map((l) => l.replace(/^[•·\-–]\s*/u, ''))
      .filter((l) => l.length >= 30 && l.length < 140 && /\p{Ll}/u.test(l) && !/[.|…:)]$/.test(l) && !/\d{1,2}:\d{2}/.test(l) && !/^\S+ - /u.test(l)),
  );
  const flat = texts.map((t) => t.normalize('NFC').replace(/\u00a0/g, ' '));
  const names = uniq(flat.flatMap((t) => [...t.matchAll(NAME_RE)].map((m) => m[0]))).filter((n) => !NOT_A_PERSON.includes(n));
  const places = PROVINCES.filter((p) => flat.some((t) => t.includes(p)));
  return { paragraphs, headlines, captions, names, places, officials: makeOfficials(createRng(seed, 'officials'), 600) };
}

/** A pool of distinct synthetic officials; the order is their Zipf rank. */
function makeOfficials(rng: Rng, count: number): string[] {
  const out = new Set<string>();
  while (out.size < count) out.add(`${rng.pick(SURNAMES)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`);
  return [...out];
}

/** Zipf(1) rank in [0, n): a few officials appear in a large share of the corpus, as in real news. */
function zipf(rng: Rng, n: number): number {
  const h = Math.log(n) + 0.5772;
  const target = rng.next() * h;
  let acc = 0;
  for (let r = 1; r <= n; r++) {
    acc += 1 / r;
    if (acc >= target) return r - 1;
  }
  return n - 1;
}

// ---------------------------------------------------------------- one article

export interface GeneratedArticle {
  text: string;
  /** Officials substituted into this article (canonical names). */
  officials: string[];
  year: number;
}

interface ArticleCast {
  /** Sample name or place → this article's; applied in one pass so swaps never chain. */
  swap: Map<string, string>;
  /** Sample given name → this article's (short references: `ông Dương`). */
  given: Map<string, string>;
  pattern: RegExp;
  year: number;
}

function castFor(rng: Rng, m: Material): ArticleCast {
  const swap = new Map<string, string>();
  const given = new Map<string, string>();
  for (const n of m.names) {
    const to = m.officials[zipf(rng, m.officials.length)];
    swap.set(n, to);
    given.set(lastSyllable(n), lastSyllable(to));
  }
  const home = rng.pick(PROVINCES);
  for (const p of m.places) swap.set(p, rng.chance(0.8) ? home : rng.pick(PROVINCES));
  return { swap, given, pattern: swapPattern(m), year: 2015 + rng.int(11) };
}

const lastSyllable = (name: string) => name.slice(name.lastIndexOf(' ') + 1);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = new WeakMap<Material, RegExp>();

/** One alternation of every swappable name and place, longest first, plus short references. */
function swapPattern(m: Material): RegExp {
  let re = patterns.get(m);
  if (!re) {
    // Scraped text sometimes joins name syllables with a no-break space: match both.
    const whole = [...m.names, ...m.places].sort((a, b) => b.length - a.length).map((n) => escapeRe(n).replace(/ /g, '[ \\u00a0]'));
    const short = [...new Set(m.names.map(lastSyllable))].map(escapeRe);
    const alt = [...whole, ...(short.length ? [`(?:ông|bà|đồng chí) (?:${short.join('|')})`] : [])].join('|');
    re = new RegExp(`(?<![\\p{L}])(?:${alt || '(?!)'})(?![\\p{L}])`, 'gu');
    patterns.set(m, re);
  }
  return re;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Swap names (and their short forms), places and dates for this article's cast. */
function recast(line: string, cast: ArticleCast, rng: Rng): string {
  let s = line.replace(cast.pattern, (hit) => {
    const whole = cast.swap.get(hit.replace(/\u00a0/g, ' '));
    if (whole) return whole;
    const sp = hit.lastIndexOf(' ');
    return hit.slice(0, sp + 1) + (cast.given.get(hit.slice(sp + 1)) ?? hit.slice(sp + 1));
  });
  s = s.replace(/(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/g, () => `${pad2(1 + rng.int(28))}/${pad2(1 + rng.int(12))}/${cast.year}`);
  return s.replace(/(?<![\d/])(\d{1,2})\/(\d{1,2})(?![\d/])/g, () => `${1 + rng.int(28)}/${1 + rng.int(12)}`);
}

function dateline(rng: Rng, year: number): string {
  const d = { dd: pad2(1 + rng.int(28)), mm: pad2(1 + rng.int(12)), yyyy: String(year), HH: pad2(rng.int(24)), MM: pad2(rng.int(60)), SS: pad2(rng.int(60)) };
  const weekday = rng.pick(['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật', 'Thứ 2', 'Thứ 6']);
  return rng.pick(DATELINE_TEMPLATES).replace(/\{(\w+)\}/g, (_, k: string) => (k === 'weekday' ? weekday : (d as Record<string, string>)[k] ?? ''));
}

/** A sample headline, or the first clause of a paragraph when the samples have none. */
function pickHeadline(rng: Rng, m: Material): string {
  if (m.headlines.length) return rng.pick(m.headlines);
  const p = rng.pick(m.paragraphs);
  return p.slice(0, Math.max(30, p.search(/[,.;:]/u))).slice(0, 120);
}

/** Byline: two syllables of a given name, as newsrooms sign (`Minh Hà`). */
function byline(rng: Rng): string {
  return `${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`;
}

/** Target size of an article body in bytes: mostly 5–11 KB, mean about 8 KB. */
function targetBytes(rng: Rng): number {
  return Math.round(4400 + (rng.next() + rng.next() + rng.next()) * 2000);
}

export function generateArticle(m: Material, seed: number | string, index: number, bodyBytes?: number): GeneratedArticle {
  const rng = createRng(seed, 'article', index);
  const cast = castFor(rng, m);
  const out: string[] = [];
  const used = new Set<string>();
  let size = 0;
  const add = (line: string) => {
    out.push(line);
    size += Buffer.byteLength(line) + 1;
  };
  if (rng.chance(0.4)) for (let i = 1 + rng.int(3); i > 0; i--) add(rng.pick(CHROME_TOP));
  const headline = recast(pickHeadline(rng, m), cast, rng);
  if (rng.chance(0.5)) { add(headline); add(dateline(rng, cast.year)); } else { add(dateline(rng, cast.year)); add(headline); }
  const target = bodyBytes ?? targetBytes(rng);
  while (size < target) {
    add(recast(rng.pick(m.paragraphs), cast, rng));
    if (rng.chance(0.2) && m.captions.length) add(recast(rng.pick(m.captions), cast, rng) + (rng.chance(0.5) ? ' |' : ''));
    if (rng.chance(0.03)) add(out[out.length - 1]); // scraped duplicates happen
  }
  add(byline(rng));
  if (rng.chance(0.3)) { add(recast(pickHeadline(rng, m), cast, rng)); add(dateline(rng, cast.year)); add(recast(rng.pick(m.paragraphs), cast, rng).slice(0, 300)); }
  if (rng.chance(0.6)) for (let i = 1 + rng.int(5); i > 0; i--) add(rng.pick(CHROME_BOTTOM));
  for (const to of new Set(cast.swap.values())) if (m.officials.includes(to) && out.some((l) => l.includes(to))) used.add(to);
  return { text: finish(rng, out), officials: [...used], year: cast.year };
}

/** Line-break style and encoding quirks of scraped files: \n, blank lines, CRLF, NFD, NBSP. */
function finish(rng: Rng, lines: string[]): string {
  const sep = rng.chance(0.05) ? '\r\n' : '\n';
  let text = lines.join(rng.chance(0.5) ? sep + sep : sep) + (rng.chance(0.7) ? sep : '');
  if (rng.chance(0.1)) text = text.replace(/ (?=\d)/, '\u00a0');
  if (rng.chance(0.02)) text = text.normalize('NFD');
  return text;
}

/** One line of about `bytes` bytes with no line break (paragraphs joined by spaces). */
export function generateSingleLine(m: Material, seed: number | string, bytes: number): string {
  const rng = createRng(seed, 'single-line');
  const cast = castFor(rng, m);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = recast(rng.pick(m.paragraphs), cast, rng);
    parts.push(p);
    size += Buffer.byteLength(p) + 1;
  }
  return parts.join(' ');
}

// ---------------------------------------------------------------- the corpus on disk

export interface CorpusOptions {
  articles: number;
  seed: number;
  outDir: string;
  samplesDir: string;
  /** Articles per sub-folder (scraped corpora are split by source/date). */
  perFolder?: number;
}

export interface CorpusManifest {
  generatorVersion: number;
  /** Hash of the generator's code, its tables and the samples: a change rebuilds the corpus. */
  fingerprint: string;
  seed: number;
  articles: number;
  /** Folder to open as the workspace. */
  root: string;
  files: number;
  bytes: number;
  /** Regular articles only (no big files). */
  articleBytes: number;
  /** The most frequent official and how many articles mention them. */
  frequentOfficial: { name: string; articles: number; sampleFile: string };
  big: { article100k: string; article5m: string; singleLine1m: string };
  /** brat .ann beside the 100 KB article with this many human labels, and a pristine copy outside the corpus. */
  annotations100k: { count: number; ann: string; pristine: string };
}

export function generateCorpus(opts: CorpusOptions): CorpusManifest {
  const manifestPath = path.join(opts.outDir, 'manifest.json');
  const old = readManifest(manifestPath);
  const fingerprint = fingerprintOf(opts.samplesDir);
  // A manifest copied from another checkout names that checkout's files: only one naming this folder is reused.
  const here = path.join(opts.outDir, 'corpus');
  if (old && old.root === here && old.fingerprint === fingerprint && old.seed === opts.seed && old.articles === opts.articles && fs.existsSync(old.big.singleLine1m)) return old;
  fs.rmSync(opts.outDir, { recursive: true, force: true });
  const root = path.join(opts.outDir, 'corpus');
  const m = loadMaterial(opts.samplesDir, opts.seed);
  const perFolder = opts.perFolder ?? 500;
  const mentions = new Map<string, { count: number; file: string }>();
  let articleBytes = 0;
  for (let i = 0; i < opts.articles; i++) {
    const a = generateArticle(m, opts.seed, i);
    const file = path.join(root, `batch-${pad3(Math.floor(i / perFolder))}`, `${String(i).padStart(6, '0')}_${hashHex(a.text)}.txt`);
    articleBytes += writeFile(file, a.text);
    for (const o of a.officials) mentions.set(o, { count: (mentions.get(o)?.count ?? 0) + 1, file: mentions.get(o)?.file ?? file });
  }
  const big = writeBigFiles(m, opts.seed, path.join(root, 'big'));
  const annotations100k = writeAnnotations(big.article100k, opts.seed, ANNOTATIONS_100K, path.join(opts.outDir, 'long-100kb.ann.pristine'));
  const [name, top] = [...mentions].sort((x, y) => y[1].count - x[1].count)[0] ?? ['', { count: 0, file: '' }];
  const bigBytes = Object.values(big).reduce((s, f) => s + fs.statSync(f).size, 0);
  const manifest: CorpusManifest = {
    generatorVersion: GENERATOR_VERSION, fingerprint, seed: opts.seed, articles: opts.articles, root,
    files: opts.articles + 3, bytes: articleBytes + bigBytes, articleBytes,
    frequentOfficial: { name, articles: top.count, sampleFile: top.file },
    big, annotations100k,
  };
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return manifest;
}

function writeBigFiles(m: Material, seed: number, dir: string): CorpusManifest['big'] {
  const big = {
    article100k: path.join(dir, 'long-100kb.txt'),
    article5m: path.join(dir, 'huge-5mb.txt'),
    singleLine1m: path.join(dir, 'single-line-1mb.txt'),
  };
  writeFile(big.article100k, generateArticle(m, seed, -1, 100_000).text);
  writeFile(big.article5m, generateArticle(m, seed, -5, 5_000_000).text);
  writeFile(big.singleLine1m, generateSingleLine(m, seed, 1_000_000));
  return big;
}

/** Human labels on the 100 KB article (the labelling benchmark works on a heavily annotated file). */
export const ANNOTATIONS_100K = 2000;

/** Shapes annotators label in this genre, with the label they usually get. */
const ANNOTATED_SHAPES: Array<[RegExp, string[]]> = [
  // Capitalised runs: names, organisations, places.
  [/(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}*)+/gu, ['PER', 'ORG', 'ORG', 'LOC']],
  // A capitalised word and a lower-case one: titles and bodies (`Bí thư`, `Chủ tịch`, `Ban Chấp hành`).
  [/(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+ \p{Ll}+(?![\p{L}])/gu, ['TITLE', 'ORG']],
  // Single capitalised words (`Đảng`, `Trung ương`'s head) and dates, years included.
  [/(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?![\p{L}])/gu, ['ORG', 'LOC']],
  [/(?<!\d)\d{1,2}\/\d{1,2}(?:\/\d{4})?(?!\d)|(?<!\d)(?:19|20)\d\d(?!\d)/g, ['DATE']],
];

/**
 * A brat .ann with up to `count` labels spread over the article in document order,
 * offsets in code points into the text as stored (`T1\tPER 10 24\tNguyễn Văn An`). Spans
 * are disjoint or nested (a LOC inside an ORG, as the guide's nested layer), never crossing.
 */
export function annotationsFor(text: string, seed: number | string, count: number): string {
  const rng = createRng(seed, 'annotations');
  const spans: Array<{ start: number; end: number; label: string }> = [];
  for (const [re, labels] of ANNOTATED_SHAPES) {
    for (const m of text.matchAll(re)) spans.push({ start: m.index!, end: m.index! + m[0].length, label: rng.pick(labels) });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const usable: typeof spans = [];
  let outerEnd = -1;
  for (const sp of spans) {
    const prev = usable[usable.length - 1];
    if (prev && sp.start === prev.start && sp.end === prev.end) continue;
    if (sp.start >= outerEnd) outerEnd = sp.end; // a new outer span
    else if (sp.end > outerEnd) continue; // crosses the outer span
    usable.push(sp);
  }
  const step = Math.max(1, usable.length / count);
  const keep = Array.from({ length: Math.min(count, usable.length) }, (_, i) => usable[Math.floor(i * step)]);
  const lines: string[] = [];
  let cp = 0, at = 0;
  for (const sp of keep) {
    cp += [...text.slice(at, sp.start)].length;
    at = sp.start;
    const covered = text.slice(sp.start, sp.end);
    lines.push(`T${lines.length + 1}\t${sp.label} ${cp} ${cp + [...covered].length}\t${covered}`);
  }
  return lines.join('\n') + '\n';
}

function writeAnnotations(article: string, seed: number, count: number, pristine: string): CorpusManifest['annotations100k'] {
  const ann = article.replace(/\.txt$/, '.ann');
  const content = annotationsFor(fs.readFileSync(article, 'utf8'), seed, count);
  writeFile(ann, content);
  writeFile(pristine, content);
  return { count: content.split('\n').filter(Boolean).length, ann, pristine };
}

function writeFile(file: string, text: string): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const bytes = Buffer.from(text, 'utf8');
  fs.writeFileSync(file, bytes);
  return bytes.length;
}

function readManifest(p: string): CorpusManifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(p, 'utf8')) as CorpusManifest;
  } catch {
    return undefined;
  }
}

function fingerprintOf(samplesDir: string): string {
  const sources = [__filename, path.join(__dirname, 'corpusData.ts')];
  const samples = fs.readdirSync(samplesDir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(samplesDir, f));
  return hashHex(GENERATOR_VERSION + [...sources, ...samples].map((f) => fs.readFileSync(f, 'utf8')).join('\u0000'));
}

const pad3 = (n: number) => String(n).padStart(3, '0');

/** 16 hex digits of FNV-1a over the text: file names like the scraped samples'. */
function hashHex(s: string): string {
  let h1 = 0x811c9dc5, h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    h1 = Math.imul(h1 ^ s.charCodeAt(i), 16777619);
    h2 = Math.imul(h2 ^ s.charCodeAt(i), 2246822519);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

// ---------------------------------------------------------------- command line

export const SAMPLES_DIR = path.resolve(__dirname, '../../samples/corpus');
export const defaultOutDir = (articles: number, seed: number) => path.resolve(__dirname, `../../out/bench-corpus/n${articles}-s${seed}`);

if (require.main === module) {
  const arg = (name: string, dflt: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : dflt;
  };
  const articles = arg('articles', 10_000);
  const seed = arg('seed', 7);
  const outIdx = process.argv.indexOf('--out');
  const outDir = outIdx > 0 ? path.resolve(process.argv[outIdx + 1]) : defaultOutDir(articles, seed);
  const t0 = performance.now();
  const man = generateCorpus({ articles, seed, outDir, samplesDir: SAMPLES_DIR });
  console.log(`${man.files} files, ${(man.bytes / 1e6).toFixed(1)} MB in ${man.root} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  console.log(`most frequent official: ${man.frequentOfficial.name} (${man.frequentOfficial.articles} articles)`);
}
