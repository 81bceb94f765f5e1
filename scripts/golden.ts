/**
 * `node --import tsx scripts/golden.ts write|check [DIR] [extra.txt ...]`: a safety net for
 * speed work on the core. `write` runs `analyze()` over a fixed, varied set of inputs and
 * stores each result; `check` re-runs them and reports every input whose result changed,
 * with the first entities, blocks, metadata or links that differ.
 *
 * A refactoring that claims "same output, faster" must pass `check` against a `write` made
 * before it. The inputs: the samples, the hand-marked pages and fixture corpus, any extra
 * files given, 600 articles generated from all of those (seeded), every line alone and its second half
 * alone, their NFD / CRLF / BOM /
 * capitals / lowercase / NBSP variants, a 100 KB and a 2 MB article, a 300 KB single line
 * and degenerate inputs. Nothing here is a test of quality: gold lives in `npm run eval`.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../server/src/core/analyzer';
import { createRng, generateArticle, generateSingleLine, materialFrom } from './bench/generateCorpus';

const ROOT = path.resolve(__dirname, '..');
const [mode = 'check', dirArg, ...extra] = process.argv.slice(2);
const dir = path.resolve(dirArg ?? path.join(ROOT, 'out/golden'));

function txtFiles(d: string): string[] {
  if (!fs.existsSync(d)) return [];
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(d, e.name);
    return e.isDirectory() ? txtFiles(p) : e.name.endsWith('.txt') ? [p] : [];
  }).sort();
}

function inputs(): Array<[string, string]> {
  const files = [
    ...txtFiles(path.join(ROOT, 'samples/corpus')),
    ...txtFiles(path.join(ROOT, 'test/fixtures/pages')),
    ...txtFiles(path.join(ROOT, 'test/fixtures/corpus')),
  ];
  // Extra files are named by base name, so results written in one checkout compare in another.
  const own: Array<[string, string]> = [
    ...files.map((f): [string, string] => [path.relative(ROOT, f), fs.readFileSync(f, 'utf8')]),
    ...extra.map((f): [string, string] => [`extra:${path.basename(f)}`, fs.readFileSync(f, 'utf8')]),
  ];
  const out: Array<[string, string]> = [...own];
  for (const [name, t] of own) {
    out.push([`${name}#nfd`, t.normalize('NFD')]);
    out.push([`${name}#crlf`, t.replace(/\r?\n/g, '\r\n')]);
    out.push([`${name}#bom`, '\ufeff' + t]);
    out.push([`${name}#upper`, t.toUpperCase()]);
    out.push([`${name}#lower`, t.toLowerCase()]);
    out.push([`${name}#nbsp`, t.replace(/ /g, (s, i: number) => (i % 7 === 0 ? '\u00a0' : s))]);
    out.push([`${name}#oneline`, t.replace(/\r?\n/g, ' ')]);
  }
  // Every line alone, and its second half alone: short inputs put entities at the very start
  // and end of a text, where windowed scans and look-behinds are most likely to slip.
  for (const [name, t] of own) {
    t.split(/\r?\n/).forEach((line, k) => {
      if (line.trim().length < 12) return;
      out.push([`${name}#line${k}`, line]);
      out.push([`${name}#tail${k}`, line.slice(Math.floor(line.length / 2))]);
    });
  }
  const material = materialFrom(own.map(([, t]) => t), 3);
  for (let i = 0; i < 600; i++) out.push([`gen#${i}`, generateArticle(material, 'golden', i).text]);
  out.push(['gen#100k', generateArticle(material, 'golden', 100000, 100e3).text]);
  out.push(['gen#2m', generateArticle(material, 'golden', 200000, 2e6).text]);
  out.push(['gen#line300k', generateSingleLine(material, 'golden', 300e3)]);
  const rng = createRng('golden', 'noise');
  const noise = Array.from({ length: 20000 }, () => String.fromCharCode(rng.int(0x2000))).join('');
  out.push(['edge#empty', ''], ['edge#space', ' \n\t\r\n'], ['edge#noise', noise], ['edge#lone-surrogate', 'Ông \ud800 Nguyễn Văn An\udfff']);
  return out;
}

const digest = (s: string) => crypto.createHash('sha1').update(s).digest('hex');

function firstDiff(a: unknown[], b: unknown[]): string {
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const x = JSON.stringify(a[k]);
    const y = JSON.stringify(b[k]);
    if (x !== y) return `#${k}\n      was ${x}\n      now ${y}`;
  }
  return '(same)';
}

function main(): void {
  const all = inputs();
  if (mode === 'write') {
    fs.mkdirSync(dir, { recursive: true });
    const lines = all.map(([name, text]) => JSON.stringify({ name, result: analyze(text) }));
    fs.writeFileSync(path.join(dir, 'results.jsonl'), lines.join('\n') + '\n');
    console.log(`golden: wrote ${all.length} results to ${dir}`);
    return;
  }
  const stored = new Map<string, { result: Record<string, unknown[]> }>();
  for (const l of fs.readFileSync(path.join(dir, 'results.jsonl'), 'utf8').split('\n')) {
    if (!l) continue;
    const r = JSON.parse(l) as { name: string; result: Record<string, unknown[]> };
    stored.set(r.name, r);
  }
  let changed = 0;
  for (const [name, text] of all) {
    const now = analyze(text) as unknown as Record<string, unknown[]>;
    const was = stored.get(name);
    if (!was) {
      console.log(`new input (not in ${dir}): ${name}`);
      changed++;
      continue;
    }
    if (digest(JSON.stringify(now)) === digest(JSON.stringify(was.result))) continue;
    changed++;
    if (changed > 12) continue;
    console.log(`CHANGED ${name}`);
    for (const key of ['publicationDate', 'entities', 'boilerplate', 'metadata', 'links']) {
      const a = was.result[key];
      const b = now[key];
      if (JSON.stringify(a) !== JSON.stringify(b)) console.log(`  ${key}: ${Array.isArray(a) && Array.isArray(b) ? firstDiff(a, b) : `${JSON.stringify(a)} → ${JSON.stringify(b)}`}`);
    }
  }
  console.log(changed ? `golden: ${changed} of ${all.length} results changed` : `golden: all ${all.length} results unchanged`);
  process.exitCode = changed ? 1 : 0;
}

main();
