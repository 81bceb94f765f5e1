/** Train/dev/test split by document: exact counts, independent of input order, seed-dependent. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitCounts, splitDocuments } from '../../server/src/core/export/split';
import { parseSplit } from '../../server/src/core/export/exportOptions';
import { safeRelativePath } from '../../server/src/core/export/paths';

test('ratios parse and counts add up by largest remainder', () => {
  assert.deepEqual(parseSplit('80/10/10'), { train: 0.8, dev: 0.1, test: 0.1 });
  assert.deepEqual(parseSplit('8/1/1'), { train: 0.8, dev: 0.1, test: 0.1 });
  assert.throws(() => parseSplit('80/20'), /three numbers/);
  assert.throws(() => parseSplit('0/0/0'), /not all be zero/);
  const r = parseSplit('80/10/10');
  assert.deepEqual(splitCounts(3, r), [3, 0, 0]);
  assert.deepEqual(splitCounts(10, r), [8, 1, 1]);
  assert.deepEqual(splitCounts(15, r), [12, 2, 1]);
  for (let n = 0; n < 50; n++) assert.equal(splitCounts(n, parseSplit('70/15/15')).reduce((a, b) => a + b), n);
});

test('the split is a function of the set of ids and the seed', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `bai-${String(i).padStart(3, '0')}`);
  const r = parseSplit('70/15/15');
  const a = splitDocuments(ids, r, 9);
  const b = splitDocuments([...ids].reverse(), r, 9);
  assert.deepEqual([...a].sort(), [...b].sort());
  const c = splitDocuments(ids, r, 10);
  assert.notDeepEqual([...a].sort(), [...c].sort());
  const counts = (m: Map<string, string>) => ['train', 'dev', 'test'].map((s) => [...m.values()].filter((v) => v === s).length);
  assert.deepEqual(counts(a), [28, 6, 6]);
  assert.deepEqual([...splitDocuments(ids, undefined, 9).values()].every((v) => v === 'data'), true);
});

test('export paths cannot escape the output folder', () => {
  assert.equal(safeRelativePath('../../etc/passwd'), 'etc/passwd');
  assert.equal(safeRelativePath('/abs/x'), 'abs/x');
  assert.equal(safeRelativePath('C:\\Windows\\x'), 'Windows/x');
  assert.equal(safeRelativePath('sub/NUL.txt'), 'sub/_NUL.txt');
  assert.equal(safeRelativePath('a:b*c?.txt'), 'a_b_c_.txt');
  assert.equal(safeRelativePath('..'), '_');
  assert.equal(safeRelativePath('tin tức /bài. '), 'tin tức/bài');
});
