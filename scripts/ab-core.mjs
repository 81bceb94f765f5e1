// Compare the analysis core of two checkouts without the machine's drift: both are bundled
// by esbuild as they ship and run in alternating passes over the same articles in one
// process, so a slow minute slows both alike. CPU time, median and minimum of the passes.
//
//   node scripts/ab-core.mjs OLD_CHECKOUT NEW_CHECKOUT [MB=24] [passes=10]
//
// The articles are the benchmark corpus (`npm run bench` generates it under out/bench-corpus).
//
// Which core is loaded first matters: an A/A run (one checkout against itself) favoured the
// core loaded second by up to 11 %. So the comparison runs twice, in two processes, once with
// each core loaded first, and the figure to read is the geometric mean of the two ratios.
import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const esbuild = require('esbuild');
const [a, b] = process.argv.slice(2, 4).map((p) => path.resolve(p ?? ''));
const MB = Number(process.argv[4] ?? 24);
const passes = Number(process.argv[5] ?? 10);
if (!process.argv[3]) {
  console.error('usage: node scripts/ab-core.mjs OLD_CHECKOUT NEW_CHECKOUT [MB] [passes]');
  process.exit(2);
}

async function load(checkout, tag) {
  const outfile = path.join(ROOT, 'out', 'ab-core', `${tag}.js`);
  await esbuild.build({ entryPoints: [path.join(checkout, 'server/src/core/analyzer.ts')], outfile, bundle: true, platform: 'node', target: 'es2022', format: 'cjs', logLevel: 'warning' });
  return require(outfile).analyze;
}

function articles() {
  const base = path.join(ROOT, 'out', 'bench-corpus');
  const corpus = fs.existsSync(base) ? fs.readdirSync(base).map((d) => path.join(base, d, 'corpus')).find((d) => fs.existsSync(d)) : undefined;
  if (!corpus) throw new Error('no benchmark corpus: run `npm run bench -- --only core` once');
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'big') walk(p);
      } else if (p.endsWith('.txt')) files.push(p);
    }
  };
  walk(corpus);
  const texts = [];
  let bytes = 0;
  for (const f of files) {
    if (bytes >= MB * 1e6) break;
    const buf = fs.readFileSync(f);
    bytes += buf.length;
    texts.push(buf.toString('utf8'));
  }
  return { texts, bytes };
}

const child = process.argv.includes('--child');
if (!child) {
  // Two processes: OLD loaded first, then NEW loaded first; each prints its medians as JSON.
  const run = (first) => {
    const r = spawnSync(process.execPath, [new URL(import.meta.url).pathname, a, b, String(MB), String(passes), '--child', `--first=${first}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) process.exit(r.status ?? 1);
    const lines = r.stdout.trim().split('\n');
    for (const l of lines.slice(0, -1)) console.log(`[${first} loaded first] ${l}`);
    return JSON.parse(lines[lines.length - 1]);
  };
  const x = run('old');
  const y = run('new');
  const gm = (p, q) => Math.sqrt(p * q);
  console.log(`new ÷ old, both load orders (geometric mean): ${gm(x.median, y.median).toFixed(3)} (median), ${gm(x.min, y.min).toFixed(3)} (min)`);
  process.exit(0);
}
const newFirst = process.argv.includes('--first=new');
const [fa, fb] = newFirst ? (([nb, na]) => [na, nb])([await load(b, 'new'), await load(a, 'old')]) : [await load(a, 'old'), await load(b, 'new')];
const { texts, bytes } = articles();
const pass = (f) => {
  const c0 = process.cpuUsage();
  for (const t of texts) f(t);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
pass(fa);
pass(fb);
const ra = [];
const rb = [];
for (let r = 0; r < passes; r++) {
  // Alternate which goes first, so neither always follows the other's garbage.
  if (r % 2) (rb.push(pass(fb)), ra.push(pass(fa)));
  else (ra.push(pass(fa)), rb.push(pass(fb)));
}
const median = (x) => [...x].sort((p, q) => p - q)[x.length >> 1];
const line = (name, r) => `${name}: median ${median(r).toFixed(0)} ms (${(bytes / 1e6 / (median(r) / 1000)).toFixed(1)} MB/s), min ${Math.min(...r).toFixed(0)} ms`;
console.log(`${texts.length} articles, ${(bytes / 1e6).toFixed(1)} MB, ${passes} passes each`);
console.log(line(`old ${a}`, ra));
console.log(line(`new ${b}`, rb));
console.log(`new ÷ old = ${(median(rb) / median(ra)).toFixed(3)} (median), ${(Math.min(...rb) / Math.min(...ra)).toFixed(3)} (min)`);
console.log(JSON.stringify({ median: median(rb) / median(ra), min: Math.min(...rb) / Math.min(...ra) }));
