// Runs every test level in order and ends with one closing line,
// "Tests: N passed, N failed, N skipped", so CI and people read one verdict.
// Stages that cannot run here (no VS Code download, no Neovim) print why and count as skipped.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

/** Node 20's runner does not look for .ts files by itself: list them. */
const testsIn = (dir) => readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort().map((f) => `${dir}/${f}`);

const node = process.execPath;
const stages = [
  { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit', '-p', '.'], kind: 'check' },
  { name: 'lint', cmd: ['npx', 'eslint', '.'], kind: 'check' },
  { name: 'build', cmd: [node, 'scripts/build.mjs'], kind: 'check' },
  { name: 'unit', cmd: [node, '--import', 'tsx', '--test', '--test-reporter=spec', ...testsIn('test/unit')], kind: 'node-test' },
  { name: 'protocol', cmd: [node, '--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...testsIn('test/protocol')], kind: 'node-test' },
  { name: 'package', cmd: [node, '--import', 'tsx', '--test', '--test-reporter=spec', ...testsIn('test/package')], kind: 'node-test' },
  { name: 'vscode (test-electron)', cmd: [node, 'test/editor/runVSCodeTests.mjs'], kind: 'suite' },
  // Real editors that run here (tools installed on first use, outside the repository).
  { name: 'neovim (LSP client)', cmd: [node, 'test/neovim/run.mjs'], kind: 'suite' },
  { name: 'editor (code-server)', cmd: [node, 'test/editor/codeServer/run.mjs'], kind: 'suite' },
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const summary = [];

for (const stage of stages) {
  if (only.length && !only.some((o) => stage.name.startsWith(o))) continue;
  process.stdout.write(`\n=== ${stage.name}: ${stage.cmd.join(' ')}\n`);
  const { code, out } = await run(stage.cmd);
  const counts = parseCounts(stage.kind, out, code);
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
  summary.push(`${stage.name.padEnd(26)} ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${counts.note ? ' — ' + counts.note : ''}`);
}

process.stdout.write('\n=== summary\n' + summary.join('\n') + '\n');
process.stdout.write(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failed > 0 ? 1 : 0);

function run(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    const tee = (stream, sink) => stream.on('data', (d) => { out += d; sink.write(d); });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('error', (e) => { out += String(e); resolve({ code: 127, out }); });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

/** Count results: node's spec reporter ("ℹ pass N"), our suites ("SUITE: N passed, N failed, N skipped"), or exit code. */
function parseCounts(kind, out, code) {
  if (kind === 'node-test') {
    const num = (label) => Number((out.match(new RegExp(`^ℹ ${label} (\\d+)`, 'm')) ?? [])[1] ?? 0);
    const c = { passed: num('pass'), failed: num('fail') + num('cancelled'), skipped: num('skipped') + num('todo') };
    if (code !== 0 && c.failed === 0) c.failed = 1;
    return c;
  }
  if (kind === 'suite') {
    const m = out.match(/^SUITE: (\d+) passed, (\d+) failed, (\d+) skipped(?: — (.*))?$/m);
    if (m) return { passed: +m[1], failed: +m[2] + (code !== 0 && +m[2] === 0 ? 1 : 0), skipped: +m[3], note: m[4] };
    return { passed: 0, failed: 1, skipped: 0, note: `exit ${code}, no SUITE line` };
  }
  return code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
}
