import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyzer';
import { CodePointIndex } from '../../server/src/core/offsets';

function checkSpans(text: string) {
  const a = analyze(text);
  const cps = new CodePointIndex(text);
  for (const e of [...a.entities, ...a.boilerplate, ...a.metadata]) {
    assert.ok(0 <= e.start && e.start <= e.end && e.end <= cps.length, `span ${e.start}-${e.end} inside text`);
    assert.equal(cps.slice(e.start, e.end), e.text, 'stored text equals text at offsets');
  }
  return a;
}

test('an empty file analyses to nothing', () => {
  const a = analyze('');
  assert.deepEqual(a.entities, []);
  assert.deepEqual(a.boilerplate, []);
});

test('spans report code points into the stored text, also after an emoji and in NFD/CRLF', () => {
  const base = 'Tin tức\r\n\r\n😀 Ngày 22/09/2020, UBND tỉnh họp.\r\n';
  for (const text of [base, base.normalize('NFD'), '\ufeff' + base]) {
    const a = checkSpans(text);
    const date = a.entities.find((e) => e.label === 'DATE');
    assert.ok(date, 'a date is found');
    assert.equal(date.value, '2020-09-22');
  }
});
