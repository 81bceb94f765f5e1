import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDecomposed, findToneWords } from '../../server/src/core/textStyle';
import { findRomanNumerals, parseRoman } from '../../server/src/core/romanNumerals';

test('tone placement: open syllables counted by style, closed syllables and qu+y skipped', () => {
  const text = 'Ủy ban hòa giải xã tổ chức hoà nhập; ông Hoàng được tuyên dương, quý khách khoẻ mạnh, thủy lợi.';
  const r = findToneWords(text);
  const words = r.words.map((w) => [w.text, w.style]);
  assert.deepEqual(words, [['Ủy', 'first'], ['òa', 'first'], ['oà', 'second'], ['oẻ', 'second'], ['ủy', 'first']]);
  assert.equal(r.majority, 'first');
  assert.equal(r.words[2].other, 'òa');
  assert.equal(r.words[3].other, 'ỏe');
});

test('tone placement: offsets are code points even after an emoji', () => {
  const text = '🙂 hoà';
  const [w] = findToneWords(text).words;
  assert.deepEqual([w.start, w.end], [3, 5]);
});

test('decomposed text: runs of NFD words on a line, each with its NFC form', () => {
  const text = 'Tin tức\nHà Nội: 12 đại biểu dự họp\n'.normalize('NFD');
  const runs = findDecomposed(text);
  assert.equal(runs.length, 2, 'one run per line');
  const cps = [...text];
  for (const r of runs) assert.equal(cps.slice(r.start, r.end).join('').normalize('NFC'), r.nfc);
  assert.deepEqual(findDecomposed('Hà Nội'), []);
});

test('Roman numerals: converted only after a term/congress context word', () => {
  assert.equal(parseRoman('XIV'), 14);
  assert.equal(parseRoman('MCMXCIX'), 1999);
  assert.equal(parseRoman('IIII'), null, 'not well formed');
  const text = 'Quốc hội khoá XV, Đại hội XIII của Đảng, Đại hội Đảng bộ tỉnh lần thứ XIX; phụ lục IV và loại C.';
  const hits = findRomanNumerals(text).map((h) => [h.numeral, h.value]);
  assert.deepEqual(hits, [['XV', 15], ['XIII', 13], ['XIX', 19]]);
});
