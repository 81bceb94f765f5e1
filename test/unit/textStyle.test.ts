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

/** The plain statement of findToneWords (slices, a \p{L} regex per unit), to check the fast one against. */
function toneWordsReference(text: string): Array<[number, string]> {
  const styles = new Map<string, string>();
  for (const [a, b] of [['o', 'a'], ['o', 'e'], ['u', 'y']]) {
    for (const [x, y] of [[a, b], [a.toUpperCase(), b.toUpperCase()], [a.toUpperCase(), b]]) {
      for (const t of ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323']) {
        styles.set((x + t + y).normalize('NFC'), 'first');
        styles.set((x + y + t).normalize('NFC'), 'second');
      }
    }
  }
  const out: Array<[number, string]> = [];
  for (let i = 0; i + 1 < text.length; i++) {
    const style = styles.get(text.slice(i, i + 2));
    if (!style) continue;
    if (i + 2 < text.length && /\p{L}/u.test(text[i + 2])) continue;
    if (/[uU]/.test(text[i]) && /[qQ]/.test(text[i - 1] ?? '')) continue;
    out.push([i, style]);
    i++;
  }
  return out;
}

test('tone placement: the fast scan finds what the plain statement finds (random text)', () => {
  const pieces = ['o', 'O', 'u', 'U', 'q', 'Q', 'à', 'á', 'ả', 'ã', 'ạ', 'è', 'ẻ', 'ý', 'ỳ', 'Ý', 'ò', 'ó', 'ủ', 'ụ', 'Ò', 'a', 'e', 'y', 'A', 'E', 'Y', 'n', 'g', 'ng', ' ', '.', ',', '\n', 'đ', 'ư', 'Σ', 'я', '×', '1', '\u0301', '🙂', '\ud835'];
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let round = 0; round < 3000; round++) {
    let text = '';
    const len = 1 + Math.floor(next() * 12);
    for (let k = 0; k < len; k++) text += pieces[Math.floor(next() * pieces.length)];
    const fast = findToneWords(text).words.map((w) => [w.text, w.style]);
    const ref = toneWordsReference(text).map(([i, style]) => [text.slice(i, i + 2), style]);
    assert.deepEqual(fast, ref, JSON.stringify(text));
  }
});
