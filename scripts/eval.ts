/**
 * `npm run eval`: scores the analyzer against the hand-checked gold (samples/corpus/*.gold.json,
 * or the folders given as arguments). Prints per-label precision/recall/F1 on the primary
 * layer (exact span + label), micro-F1, boilerplate line-level P/R/F1, and DATE/DOC value
 * accuracy over correctly found spans. Prints figures; targets are read, not enforced.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../server/src/core/analyzer';
import { ENTITY_LABELS, type Analysis } from '../server/src/core/types';
import { PAGES_DIR, add as addCounts, loadPageFixtures, scorePage } from '../test/unit/helpers/pageFixtures';

interface GoldEntity { label: string; start: number; end: number; text: string; value?: unknown; nested?: boolean }
interface GoldMeta { kind: string; start: number; end: number; text?: string }
interface Gold {
  file: string; publication_date: string | null; entities: GoldEntity[];
  boilerplate: Array<{ category: string; start: number; end: number }>; metadata?: GoldMeta[];
}

const pagesFlag = process.argv.indexOf('--pages');
const dirs = process.argv.slice(2, pagesFlag >= 0 ? pagesFlag : undefined).filter((a) => !a.startsWith('--'));
const verbose = process.argv.includes('--verbose');
const folders = dirs.length ? dirs : [path.resolve(__dirname, '../samples/corpus')];

type Counts = { tp: number; fp: number; fn: number };
const perLabel = new Map<string, Counts>(ENTITY_LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]));
const lines: Counts = { tp: 0, fp: 0, fn: 0 };
const meta: Counts = { tp: 0, fp: 0, fn: 0 };
const values = { DATE: { ok: 0, all: 0 }, DOC: { ok: 0, all: 0 } };
let pubOk = 0;
let pubAll = 0;

for (const folder of folders) {
  for (const goldFile of fs.readdirSync(folder).filter((f) => f.endsWith('.gold.json')).sort()) {
    const gold = JSON.parse(fs.readFileSync(path.join(folder, goldFile), 'utf8')) as Gold;
    const text = fs.readFileSync(path.join(folder, gold.file), 'utf8');
    const result = analyze(text);
    scoreEntities(gold, result);
    scoreLines(text, gold, result);
    if (gold.metadata) scoreMetadata(gold, result);
    pubAll++;
    if ((result.publicationDate ?? null) === (gold.publication_date ?? null)) pubOk++;
    else if (verbose) console.log(`${gold.file}: publication date ${result.publicationDate} ≠ gold ${gold.publication_date}`);
  }
}

function scoreEntities(gold: Gold, result: Analysis): void {
  const key = (e: { label: string; start: number; end: number }) => `${e.label}:${e.start}:${e.end}`;
  const g = new Map(gold.entities.filter((e) => !e.nested).map((e) => [key(e), e]));
  const p = new Map(result.entities.filter((e) => !e.nested).map((e) => [key(e), e]));
  for (const [k, e] of p) {
    const c = perLabel.get(e.label)!;
    const ge = g.get(k);
    if (ge) {
      c.tp++;
      if (e.label === 'DATE' || e.label === 'DOC') {
        const v = values[e.label];
        v.all++;
        if (JSON.stringify(sortKeys(ge.value)) === JSON.stringify(sortKeys(e.value))) v.ok++;
        else if (verbose) console.log(`${gold.file}: value ${e.label} "${e.text}" ${JSON.stringify(e.value)} ≠ gold ${JSON.stringify(ge.value)}`);
      }
    } else {
      c.fp++;
      if (verbose) console.log(`${gold.file}: FP ${e.label} ${e.start}-${e.end} "${e.text}"`);
    }
  }
  for (const [k, e] of g) {
    if (!p.has(k)) {
      perLabel.get(e.label)!.fn++;
      if (verbose) console.log(`${gold.file}: FN ${e.label} ${e.start}-${e.end} "${e.text}"`);
    }
  }
}

/** Line-level boilerplate: a non-blank line is boilerplate when a block covers it. */
function scoreLines(text: string, gold: Gold, result: Analysis): void {
  const cps = [...text];
  let start = 0;
  for (let i = 0; i <= cps.length; i++) {
    if (i === cps.length || cps[i] === '\n') {
      const lineText = cps.slice(start, i).join('').trim();
      if (lineText) {
        const inGold = gold.boilerplate.some((b) => b.start <= start && i <= b.end + 1 && b.end > start);
        const inPred = result.boilerplate.some((b) => b.start <= start && i <= b.end + 1 && b.end > start);
        if (inGold && inPred) lines.tp++;
        else if (inPred) lines.fp++;
        else if (inGold) lines.fn++;
        if (verbose && inGold !== inPred) console.log(`${gold.file}: boilerplate ${inPred ? 'FP' : 'FN'} line "${lineText.slice(0, 60)}"`);
      }
      start = i + 1;
    }
  }
}

/** Metadata items: exact kind + span (only for gold files that list metadata). */
function scoreMetadata(gold: Gold, result: Analysis): void {
  const key = (m: { kind: string; start: number; end: number }) => `${m.kind}:${m.start}:${m.end}`;
  const g = new Set((gold.metadata ?? []).map(key));
  const p = new Set(result.metadata.map(key));
  for (const m of result.metadata) {
    if (g.has(key(m))) meta.tp++;
    else {
      meta.fp++;
      if (verbose) console.log(`${gold.file}: metadata FP ${m.kind} ${m.start}-${m.end} "${m.text.slice(0, 60)}"`);
    }
  }
  for (const m of gold.metadata ?? []) {
    if (p.has(key(m))) continue;
    meta.fn++;
    if (verbose) console.log(`${gold.file}: metadata FN ${m.kind} ${m.start}-${m.end} "${(m.text ?? '').slice(0, 60)}"`);
  }
}

function sortKeys(v: unknown): unknown {
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v as object).sort(([a], [b]) => a.localeCompare(b)));
  return v;
}

const prf = (c: Counts) => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const fmt = (x: number) => x.toFixed(3);
const micro: Counts = { tp: 0, fp: 0, fn: 0 };
console.log('label   precision  recall  F1     (tp/fp/fn)');
for (const [label, c] of perLabel) {
  micro.tp += c.tp;
  micro.fp += c.fp;
  micro.fn += c.fn;
  const s = prf(c);
  console.log(`${label.padEnd(7)} ${fmt(s.p).padEnd(10)} ${fmt(s.r).padEnd(7)} ${fmt(s.f)}  (${c.tp}/${c.fp}/${c.fn})`);
}
const m = prf(micro);
console.log(`micro   ${fmt(m.p).padEnd(10)} ${fmt(m.r).padEnd(7)} ${fmt(m.f)}  (${micro.tp}/${micro.fp}/${micro.fn})`);
const b = prf(lines);
console.log(`boilerplate lines  P ${fmt(b.p)}  R ${fmt(b.r)}  F1 ${fmt(b.f)}  (${lines.tp}/${lines.fp}/${lines.fn})`);
const mm = prf(meta);
console.log(`metadata items     P ${fmt(mm.p)}  R ${fmt(mm.r)}  F1 ${fmt(mm.f)}  (${meta.tp}/${meta.fp}/${meta.fn})`);
for (const [label, v] of Object.entries(values)) console.log(`${label} value accuracy  ${v.all ? fmt(v.ok / v.all) : 'n/a'}  (${v.ok}/${v.all} correct spans)`);
console.log(`publication date   ${pubOk}/${pubAll}`);

// Held-out pages: hand-marked synthetic page captures in the styles of many sites
// (test/fixtures/pages), scored per line (boilerplate vs article, and exact category) and per
// metadata item. Extra arguments after `--pages` name other fixture folders.
{
  const pagesAt = process.argv.indexOf('--pages');
  const pageDirs = pagesAt >= 0 ? process.argv.slice(pagesAt + 1) : [PAGES_DIR];
  const pl: Counts = { tp: 0, fp: 0, fn: 0 };
  const pc: Counts = { tp: 0, fp: 0, fn: 0 };
  const pm: Counts = { tp: 0, fp: 0, fn: 0 };
  let pages = 0;
  for (const dir of pageDirs) {
    for (const page of loadPageFixtures(dir)) {
      const s = scorePage(page);
      pages++;
      addCounts(pl, s.lines);
      addCounts(pc, { tp: s.lines.tp - s.wrongCategory, fp: s.lines.fp + s.wrongCategory, fn: s.lines.fn + s.wrongCategory });
      addCounts(pm, s.metadata);
      if (verbose) for (const d of s.diffs) console.log(`${page.name}: ${d}`);
    }
  }
  console.log(`held-out pages (${pages})`);
  for (const [name, c] of [['lines', pl], ['lines+category', pc], ['metadata items', pm]] as const) {
    const s = prf(c);
    console.log(`  ${name.padEnd(16)} P ${fmt(s.p)}  R ${fmt(s.r)}  F1 ${fmt(s.f)}  (${c.tp}/${c.fp}/${c.fn})`);
  }
}
