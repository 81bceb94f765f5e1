/**
 * Hand-marked page captures (test/fixtures/pages/*.txt + *.json) and their scoring, shared by
 * the data-driven unit test and `npm run eval` ("held-out pages").
 *
 * A fixture's JSON lists every non-blank line of its page — `{ line, category, text }`, with
 * `category` null for article text — and the metadata items as `{ kind, line, text }`, the
 * item being the first occurrence of `text` in that line. Offsets are derived here, so the
 * JSON stays editable by hand.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/core/analyzer';
import type { Analysis, BoilerplateCategory, MetadataKind } from '../../../server/src/core/types';

export interface ExpectedLine { line: number; category: BoilerplateCategory | null; text: string }
export interface ExpectedMeta { kind: MetadataKind; line: number; text: string }
export interface PageFixture {
  name: string;
  text: string;
  site: string;
  lines: ExpectedLine[];
  metadata: ExpectedMeta[];
}

export const PAGES_DIR = path.resolve(__dirname, '../../fixtures/pages');

export function loadPageFixtures(dir = PAGES_DIR): PageFixture[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const name = f.slice(0, -'.json'.length);
    const expected = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Omit<PageFixture, 'name' | 'text'>;
    return { name, text: fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8'), ...expected };
  });
}

/** Lines of a text with their code-point start offsets (split on LF; a CR stays in the line text). */
function linesOf(text: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  let start = 0;
  for (const piece of text.split('\n')) {
    out.push({ start, text: piece });
    start += [...piece].length + 1;
  }
  return out;
}

export interface Counts { tp: number; fp: number; fn: number }
export interface PageScore {
  /** Line level, boilerplate vs article (the gold eval's measure). */
  lines: Counts;
  /** Boilerplate lines whose category differs from the expected one. */
  wrongCategory: number;
  metadata: Counts;
  /** Human-readable differences, for test messages and `--verbose`. */
  diffs: string[];
}

/** Score one page against its expectations; `analysis` defaults to analyze(text). */
export function scorePage(page: PageFixture, analysis: Analysis = analyze(page.text)): PageScore {
  const lines = linesOf(page.text);
  const score: PageScore = { lines: { tp: 0, fp: 0, fn: 0 }, wrongCategory: 0, metadata: { tp: 0, fp: 0, fn: 0 }, diffs: [] };
  const expectedAt = new Map(page.lines.map((l) => [l.line, l]));
  lines.forEach((l, i) => {
    const text = l.text.trim();
    if (!text) return;
    const exp = expectedAt.get(i);
    if (!exp || exp.text !== text) throw new Error(`${page.name}: line ${i} "${text.slice(0, 40)}" does not match the fixture's JSON`);
    const end = l.start + [...l.text].length;
    const got = analysis.boilerplate.find((b) => b.start <= l.start && end <= b.end + 1 && b.end > l.start)?.category ?? null;
    const want = exp.category;
    if (got && want) score.lines.tp++;
    else if (got) score.lines.fp++;
    else if (want) score.lines.fn++;
    if (got && want && got !== want) score.wrongCategory++;
    if (got !== want) score.diffs.push(`line ${i} "${text.slice(0, 50)}": ${got ?? 'article'} ≠ expected ${want ?? 'article'}`);
  });
  const key = (m: { kind: string; start: number; end: number }) => `${m.kind}:${m.start}:${m.end}`;
  const want = new Map(page.metadata.map((m) => {
    const line = lines[m.line];
    const at = line.text.indexOf(m.text);
    if (at < 0) throw new Error(`${page.name}: metadata "${m.text}" not in line ${m.line}`);
    const start = line.start + [...line.text.slice(0, at)].length;
    return [key({ kind: m.kind, start, end: start + [...m.text].length }), m] as const;
  }));
  const got = new Set(analysis.metadata.map(key));
  for (const m of analysis.metadata) {
    if (want.has(key(m))) score.metadata.tp++;
    else {
      score.metadata.fp++;
      score.diffs.push(`metadata ${m.kind} "${m.text}" not expected`);
    }
  }
  for (const [k, m] of want) {
    if (got.has(k)) continue;
    score.metadata.fn++;
    score.diffs.push(`metadata ${m.kind} "${m.text}" (line ${m.line}) missing`);
  }
  return score;
}

export function add(into: Counts, c: Counts): void {
  into.tp += c.tp;
  into.fp += c.fp;
  into.fn += c.fn;
}

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}
