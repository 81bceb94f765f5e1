/**
 * `vn-corpus export` as users run it: the bundled dist/cli.js in a child process. Exit
 * codes (0 success, 1 an input failed, 2 usage), --force, byte-identical reruns, safe
 * paths, quiet when not a terminal, and the CoNLL checked by NLTK's ConllCorpusReader
 * (Debian's python3-nltk), a reader no one here wrote.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const cliJs = path.join(root, 'dist/cli.js');
const samples = path.join(root, 'samples/corpus');

before(() => {
  if (!fs.existsSync(cliJs) || !fs.readFileSync(cliJs, 'utf8').includes('vn-corpus export') || !fs.existsSync(path.join(root, 'dist/dict/Viet74K.txt'))) {
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  }
});

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [cliJs, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `export-${name}-`));

/** The sample articles with their gold .ann beside them: a corpus with human labels. */
function goldCorpus(): string {
  const dir = tmp('gold');
  for (const f of fs.readdirSync(samples)) if (f.endsWith('.txt')) fs.copyFileSync(path.join(samples, f), path.join(dir, f));
  const ann = path.join(root, 'samples/gold-ann');
  for (const f of fs.readdirSync(ann)) fs.copyFileSync(path.join(ann, f), path.join(dir, f));
  return dir;
}

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

test('export --help documents the command-line contract', () => {
  const r = cli('export', '--help');
  assert.equal(r.code, 0);
  for (const flag of ['--format', '--tokens syllable|word', '--out DIR', '--labels human|all|detected', '--scheme iob2|bioes', '--sentences', '--split 80/10/10', '--seed N', '--keep-boilerplate', '--force']) {
    assert.ok(r.stdout.includes(flag), `help mentions ${flag}`);
  }
  for (const f of ['conll', 'doccano', 'labelstudio', 'prodigy', 'hf', 'spacy', 'brat']) assert.match(r.stdout, new RegExp(`^  ${f} `, 'm'));
  assert.match(cli('--help').stdout, /vn-corpus export PATH/);
});

test('usage errors exit 2 and write nothing', () => {
  const out = path.join(tmp('usage'), 'out');
  for (const args of [
    ['export', samples, '--out', out],
    ['export', samples, '--format', 'xml', '--out', out],
    ['export', samples, '--format', 'conll'],
    ['export', '--format', 'conll', '--out', out],
    ['export', samples, '--format', 'conll', '--out', out, '--split', '80/20'],
    ['export', samples, '--format', 'conll', '--out', out, '--seed', 'abc'],
    ['export', samples, '--format', 'doccano', '--out', out, '--tokens', 'word'],
    ['export', samples, '--format', 'conll', '--out', out, '--frobnicate'],
  ]) {
    const r = cli(...args);
    assert.equal(r.code, 2, `${args.join(' ')} → ${r.stderr}`);
    assert.match(r.stderr, /vn-corpus: .+\nRun 'vn-corpus export --help'/);
  }
  assert.equal(fs.existsSync(out), false);
});

test('export exits 0, refuses a non-empty folder without --force (2), and reruns byte-identically with it', () => {
  const out = path.join(tmp('force'), 'ds');
  const args = ['export', samples, '--format', 'hf', '--out', out, '--split', '60/20/20', '--seed', '5', '--sentences'];
  const first = cli(...args);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /^exported 3 article\(s\) \(/m);
  assert.ok(!first.stderr.includes('\r'), 'no progress bar when stderr is not a terminal');
  const files = readTree(out);
  assert.ok(files['README.md'] && files['manifest.json'] && files['dataset_info.json']);
  const refused = cli(...args);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /not empty; use --force/);
  fs.writeFileSync(path.join(out, 'notes.md'), 'mine');
  const again = cli(...args, '--force');
  assert.equal(again.code, 0, again.stderr);
  const second = readTree(out);
  assert.equal(second['notes.md'], 'mine', 'files the export did not write are left alone');
  delete second['notes.md'];
  assert.deepEqual(second, files, 'same inputs and seed: byte-identical output');
  // Another format into the same folder replaces the previous export's files.
  assert.equal(cli('export', samples, '--format', 'conll', '--out', out, '--force').code, 0);
  const third = readTree(out);
  assert.ok(third['data.conll'] && !third['train.jsonl'] && !third['dataset_info.json'] && third['notes.md']);
});

test('a missing input exits 1 but the others are exported', () => {
  const out = path.join(tmp('missing'), 'ds');
  const r = cli('export', samples, path.join(samples, 'nope.txt'), '--format', 'doccano', '--out', out);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /nope\.txt: no such file or folder/);
  assert.equal(fs.readFileSync(path.join(out, 'data.jsonl'), 'utf8').trim().split('\n').length, 3);
});

test('the output folder may not hold the corpus', () => {
  const corpus = goldCorpus();
  const r = cli('export', corpus, '--format', 'brat', '--out', corpus, '--force');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /holds the input/);
});

test('word tokens (PhoBERT convention) from the bundled word list', () => {
  const out = path.join(tmp('word'), 'ds');
  const r = cli('export', goldCorpus(), '--format', 'conll', '--tokens', 'word', '--labels', 'human', '--out', out);
  assert.equal(r.code, 0, r.stderr);
  const conll = fs.readFileSync(path.join(out, 'data.conll'), 'utf8');
  assert.match(conll, /^Nguyễn_Quang_Dương B-PER$/m);
  assert.match(conll, /^Quảng_Ninh (B|I)-LOC$/m);
  assert.match(fs.readFileSync(path.join(out, 'README.md'), 'utf8'), /Viet74K \(npm package @vntk\/dictionary/);
});

test('file names that could escape or are reserved are made safe', () => {
  const corpus = tmp('names');
  fs.mkdirSync(path.join(corpus, 'sub'));
  fs.writeFileSync(path.join(corpus, 'sub', 'CON.txt'), 'Ông Lê Văn Tám tới Hà Nội.\n');
  fs.writeFileSync(path.join(corpus, 'a?b.txt'), 'Bà Hoa về Huế.\n');
  const out = path.join(tmp('names-out'), 'ds');
  const r = cli('export', corpus, '--format', 'brat', '--out', out);
  assert.equal(r.code, 0, r.stderr);
  const files = Object.keys(readTree(out)).map((f) => f.split(path.sep).join('/')).sort();
  assert.deepEqual(files, ['README.md', 'annotation.conf', 'data/a_b.ann', 'data/a_b.txt', 'data/sub/_CON.ann', 'data/sub/_CON.txt', 'manifest.json']);
});

/** Debian's python3 (python3-nltk installs there), else whatever python3 is on PATH. */
function pythonWithNltk(): string | undefined {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import nltk'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return undefined;
}

test('NLTK ConllCorpusReader reads our CoNLL and finds exactly our entities', (t) => {
  const py = pythonWithNltk();
  if (!py) {
    console.log('# skipped: NLTK is not installed (apt-get install -y python3-nltk)');
    t.skip('NLTK is not installed (apt-get install -y python3-nltk)');
    return;
  }
  const corpus = goldCorpus();
  for (const [scheme, columns] of [['iob2', '4'], ['bioes', '2']] as const) {
    const out = path.join(tmp('nltk'), 'ds');
    const common = [corpus, '--labels', 'human', '--keep-boilerplate', '--no-nested'];
    assert.equal(cli('export', ...common, '--format', 'conll', '--scheme', scheme, '--conll-columns', columns, '--out', out).code, 0);
    const spansOut = path.join(tmp('nltk-spans'), 'ds');
    assert.equal(cli('export', ...common, '--format', 'doccano', '--out', spansOut).code, 0);
    // NLTK's IOB reader knows B/I/O only: BIOES is mapped to IOB2 before it reads (S→B, E→I).
    const script = `
import json, sys, collections
from nltk.corpus.reader import ConllCorpusReader
cols = ('words', 'pos', 'ignore', 'chunk') if ${columns} == 4 else ('words', 'chunk')
src = open(sys.argv[1], encoding='utf-8').read()
if ${columns} == 2:
    src = '\\n'.join((l.split(' ')[0] + ' X ' + l.split(' ')[1]) if l else '' for l in src.split('\\n'))
    cols = ('words', 'pos', 'chunk')
src = '\\n'.join(l[:-len(l.split(' ')[-1])] + ('B' + l.split(' ')[-1][1:] if l.split(' ')[-1][:1] == 'S' else 'I' + l.split(' ')[-1][1:] if l.split(' ')[-1][:1] == 'E' else l.split(' ')[-1]) if l else '' for l in src.split('\\n'))
open(sys.argv[2] + '/n.conll', 'w', encoding='utf-8').write(src)
r = ConllCorpusReader(sys.argv[2], ['n.conll'], cols)
trees = r.chunked_sents()
chunks = collections.Counter(x.label() + '\\t' + ' '.join(w for w, p in x.leaves()) for s in trees for x in s if hasattr(x, 'label'))
print(json.dumps({'sentences': len(trees), 'tokens': sum(len(s.leaves()) for s in trees), 'chunks': chunks}, ensure_ascii=False))
`;
    const work = tmp('nltk-work');
    const r: SpawnSyncReturns<string> = spawnSync(py, ['-c', script, path.join(out, 'data.conll'), work], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const nltk = JSON.parse(r.stdout) as { sentences: number; tokens: number; chunks: Record<string, number> };
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    assert.equal(nltk.tokens, manifest.splits.data.tokens);
    assert.equal(nltk.sentences, fs.readFileSync(path.join(out, 'data.conll'), 'utf8').split('\n\n').length - 1);
    const expected: Record<string, number> = {};
    for (const line of fs.readFileSync(path.join(spansOut, 'data.jsonl'), 'utf8').trim().split('\n')) {
      const row = JSON.parse(line) as { text: string; label: Array<[number, number, string]> };
      for (const [s, e, l] of row.label) {
        const key = `${l}\t${[...row.text].slice(s, e).join('').replace(/\s+/gu, '')}`;
        expected[key] = (expected[key] ?? 0) + 1;
      }
    }
    const got: Record<string, number> = {};
    // NLTK joins a chunk's tokens with spaces; the text may hold none (`“Đổi`) or NBSP: compare without whitespace.
    for (const [k, n] of Object.entries(nltk.chunks)) {
      const [label, words] = k.split('\t');
      const key = `${label}\t${words.replace(/\s+/gu, '')}`;
      got[key] = (got[key] ?? 0) + n;
    }
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    assert.ok(sum(expected) > 100, 'the gold corpus has many primary spans');
    assert.equal(sum(got), sum(expected), `${scheme}/${columns} columns: NLTK finds as many entities as we exported`);
    assert.deepEqual(got, expected, 'the same label and text for every entity');
  }
});
