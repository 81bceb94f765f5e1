import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeArticle, listArticles, readArticle } from '../../server/src/fsCorpus';
import { writeFileAtomic } from '../../server/src/atomicWrite';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-'));

test('a BOM stays as character 0', () => {
  const r = decodeArticle(Buffer.from('\ufeffTin', 'utf8'));
  assert.ok(r.ok);
  assert.equal(r.text, '\ufeffTin');
});

test('binary files are declined with a reason', () => {
  const r = decodeArticle(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
  assert.equal(r.ok, false);
  assert.match((r as { reason: string }).reason, /binary/);
});

test('invalid UTF-8 is decoded with replacement characters, which are counted', () => {
  const r = decodeArticle(Uint8Array.from([0x54, 0xc3, 0x28, 0x41]));
  assert.ok(r.ok);
  assert.equal(r.replacementChars, 1);
});

test('a missing file is reported, not thrown', () => {
  const r = readArticle(path.join(tmp(), 'gone.txt'));
  assert.deepEqual(r, { ok: false, reason: 'no such file' });
});

test('listing follows folders, skips hidden ones and survives symlink loops', () => {
  const dir = tmp();
  fs.mkdirSync(path.join(dir, 'a/b'), { recursive: true });
  fs.mkdirSync(path.join(dir, '.hidden'));
  fs.writeFileSync(path.join(dir, 'a/one.txt'), 'x');
  fs.writeFileSync(path.join(dir, 'a/b/two.txt'), 'y');
  fs.writeFileSync(path.join(dir, 'a/b/notes.md'), 'z');
  fs.writeFileSync(path.join(dir, '.hidden/three.txt'), 'z');
  fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'a/b/loop'));
  const { found, missing } = listArticles([dir, path.join(dir, 'nope')]);
  assert.deepEqual(found.map((f) => path.relative(dir, f)), ['a/b/two.txt', 'a/one.txt']);
  assert.deepEqual(missing, [path.join(dir, 'nope')]);
});

test('atomic writes replace the file whole and leave no temporary behind', () => {
  const dir = tmp();
  const file = path.join(dir, 'a.ann');
  fs.writeFileSync(file, 'old');
  writeFileAtomic(file, 'T1\tPER 0 3\tAbc\n');
  assert.equal(fs.readFileSync(file, 'utf8'), 'T1\tPER 0 3\tAbc\n');
  assert.deepEqual(fs.readdirSync(dir), ['a.ann']);
});
