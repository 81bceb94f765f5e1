/** The command line's analyze contract: JSON shape, code-point offsets, exit codes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli';

function run(args: string[]) {
  const chunks: string[] = [];
  const write = (s: string | Uint8Array) => (chunks.push(String(s)), true);
  const [o, e] = [process.stdout.write, process.stderr.write];
  process.stdout.write = write as typeof process.stdout.write;
  process.stderr.write = write as typeof process.stderr.write;
  try {
    return { code: main(args), output: chunks.join('') };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

const samples = path.resolve(__dirname, '../../samples/corpus');

test('analyze writes valid JSON per article with offsets into the stored text', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'analyze-'));
  const { code } = run(['analyze', samples, '--out', out, '--quiet']);
  assert.equal(code, 0);
  const files = fs.readdirSync(out).sort();
  assert.equal(files.length, fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).length);
  for (const f of files) {
    const json = JSON.parse(fs.readFileSync(path.join(out, f), 'utf8'));
    const text = [...fs.readFileSync(path.join(samples, json.file), 'utf8')];
    assert.ok(Array.isArray(json.entities) && Array.isArray(json.boilerplate) && Array.isArray(json.metadata));
    assert.ok('publicationDate' in json);
    for (const e of [...json.entities, ...json.boilerplate, ...json.metadata]) {
      assert.equal(text.slice(e.start, e.end).join(''), e.text);
    }
  }
});

test('one unreadable input gives exit 1, names the file, and the others are still written', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'in-'));
  fs.writeFileSync(path.join(dir, 'good.txt'), 'UBND tỉnh họp ngày 22/09/2020.');
  fs.writeFileSync(path.join(dir, 'bad.txt'), Buffer.from([0, 1, 2, 3]));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'out-'));
  const { code, output } = run(['analyze', dir, '--out', out, '--quiet']);
  assert.equal(code, 1);
  assert.match(output, /bad\.txt: binary file/);
  assert.deepEqual(fs.readdirSync(out), ['good.json']);
});

test('usage errors exit 2 and help exits 0', () => {
  assert.equal(run(['analyze', samples]).code, 2);
  assert.equal(run(['frobnicate']).code, 2);
  const help = run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.output, /analyze PATH/);
});

test('the bundled binary runs on its own', (t) => {
  const cli = path.resolve(__dirname, '../../dist/cli.js');
  if (!fs.existsSync(cli)) return t.skip('dist/cli.js not built (npm test builds it before unit tests)');
  const r = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.match(r.stdout, /vn-corpus/);
});
