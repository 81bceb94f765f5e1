import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodePointIndex, lineOf, lineStarts } from '../../server/src/core/offsets';

test('code points and UTF-16 agree without astral characters', () => {
  const idx = new CodePointIndex('Nguyễn Quang Dương');
  assert.equal(idx.hasAstral, false);
  assert.equal(idx.toCodePoint(7), 7);
  assert.equal(idx.toUtf16(7), 7);
});

test('an emoji before an entity shifts UTF-16 but not code points', () => {
  const text = '😀 Quảng Ninh';
  const idx = new CodePointIndex(text);
  assert.equal(idx.length, [...text].length);
  assert.equal(idx.toUtf16(2), 3);
  assert.equal(idx.toCodePoint(3), 2);
  assert.equal(idx.slice(2, 12), 'Quảng Ninh');
});

test('round trip over every offset of a mixed text', () => {
  const text = 'a😀b𝄞c\r\nđ😀';
  const idx = new CodePointIndex(text);
  for (let cp = 0; cp <= idx.length; cp++) assert.equal(idx.toCodePoint(idx.toUtf16(cp)), cp);
});

test('line starts handle LF, CRLF and lone CR', () => {
  const starts = lineStarts('a\nb\r\nc\rd');
  assert.deepEqual(starts, [0, 2, 5, 7]);
  assert.equal(lineOf(starts, 0), 0);
  assert.equal(lineOf(starts, 3), 1);
  assert.equal(lineOf(starts, 8), 3);
});
