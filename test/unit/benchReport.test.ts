import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latencySummary, markdownTable, median, percentile, statusOf, type Figure } from '../../scripts/bench/report';
import { exportFormats } from '../../scripts/bench/exportBench';
import { patternAlphabet, staticPatterns } from '../../scripts/bench/regexAudit';

test('median and nearest-rank percentiles', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  const xs = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.equal(percentile(xs, 50), 50);
  assert.equal(percentile(xs, 99), 99);
  assert.equal(percentile([7], 99), 7);
  assert.deepEqual(latencySummary([5, 1, 3]), { n: 3, p50: 3, p95: 5, p99: 5, max: 5 });
});

test('a figure is ok, MISSED or n/a against its target; n/a never fails', () => {
  const f = (value: number | null, op: '<=' | '>=' = '<='): Figure => ({ id: 'x', section: 's', name: 'x', value, unit: 'ms', target: { op, value: 20 } });
  assert.equal(statusOf(f(19)), 'ok');
  assert.equal(statusOf(f(21)), 'MISSED');
  assert.equal(statusOf(f(21, '>=')), 'ok');
  assert.equal(statusOf(f(null)), 'n/a');
  const md = markdownTable([f(21), { ...f(null), note: 'n/a (not implemented)' }]);
  assert.match(md, /\| x \| 21\.0 ms \| ≤ 20\.0 ms \| \*\*missed\*\* \|/);
  assert.match(md, /n\/a \(not implemented\)/);
});

test('export formats are read from the CLI help, exact names first', () => {
  const help = 'Formats (--format):\n  conll        CoNLL token-per-line\n  hf           Hugging Face JSONL\n  --conll-columns 2|4';
  assert.deepEqual(exportFormats(help), { conll: 'conll', hf: 'hf' });
  assert.deepEqual(exportFormats('vn-corpus analyze PATH --out DIR'), { conll: undefined, hf: undefined });
});

test('the regex audit finds the core patterns and names their characters', () => {
  const found = staticPatterns();
  assert.ok(found.length > 10, 'the core has regex literals');
  assert.ok(found.every((p) => p.where.startsWith('server/src/core/')));
  assert.deepEqual(patternAlphabet('^\\s*-+\\d{2}/x$'), [' ', '-', '1', '/', 'x']);
});
