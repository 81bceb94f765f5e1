// The main job on the bundled sample corpus: analyse every article and export a labeled
// dataset, then print a short summary. Run by `npm run demo` (after `npm ci`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';

const corpus = process.argv[2] ?? 'samples/corpus';
const out = process.argv[3] ?? 'out/demo';
rmSync(out, { recursive: true, force: true });
const cli = (...args) => {
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

cli('analyze', corpus, '--out', path.join(out, 'analysis'));
const counts = new Map();
let boiler = 0;
for (const f of readdirSync(path.join(out, 'analysis'))) {
  const a = JSON.parse(readFileSync(path.join(out, 'analysis', f), 'utf8'));
  for (const e of a.entities) if (!e.nested) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  boiler += a.boilerplate.length;
}
console.log(`\nEntities found (primary layer): ${[...counts].map(([l, n]) => `${l} ${n}`).join(', ')}`);
console.log(`Boilerplate blocks: ${boiler}`);
console.log(`Analysis JSON: ${path.join(out, 'analysis')}/`);
if (existsSync('dist/cli.js') && readFileSync('dist/cli.js', 'utf8').includes('vn-corpus export')) {
  cli('export', corpus, '--format', 'conll', '--out', path.join(out, 'conll'), '--force');
  const manifest = JSON.parse(readFileSync(path.join(out, 'conll', 'manifest.json'), 'utf8'));
  const split = Object.values(manifest.splits)[0] ?? { tokens: 0, entities: {} };
  const tagged = Object.entries(split.entities).map(([l, n]) => `${l} ${n}`).join(', ');
  console.log(`CoNLL dataset (${manifest.options.scheme.toUpperCase()}, ${manifest.options.tokens} tokens): ${split.tokens} tokens; ${tagged}`);
  console.log(`CoNLL dataset: ${path.join(out, 'conll')}/ (README.md is the dataset card)`);
}
