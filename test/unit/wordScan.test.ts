/** The names tokenizer's syllable ids and flags, and the line figures lineShape.ts reads from its tokens. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { F_DIGITS, F_LETTERS, PhraseTable, Scratch, startLists, startsAnyAt, syllableId, tokenize, tokenizeExact, tokensOf, UNKNOWN, upperCaseKeeps, type Toks } from '../../server/src/core/wordScan';
import { LineShape, shapeLines } from '../../server/src/core/lineShape';
import { splitLines } from '../../server/src/core/candidates';
import { createTextView } from '../../server/src/core/normalize';
import { PIECES, RUNS, articleArb } from './fuzzArbitraries';

// First in this file (each file runs in its own process): the token pass must not leave a
// line's skeleton to code units it never read (`Ô` below is only ever read inside a syllable
// whose id was learnt from its lowercase form).
test('a line skeleton does not depend on the characters earlier lines happened to read', () => {
  const view = createTextView('Chủ tịch ủy ban nhân dân tỉnh ông\nÔng Ủy\nYoutube Xyz');
  const shapes = shapeLines(view.text, splitLines(view.text));
  assert.equal(shapes[1].skeleton, 'ông ủy');
  assert.equal(shapes[2].skeleton, 'youtube xyz');
});

test('a token finds the id of its lowercase key, whatever its length and case', () => {
  for (const key of ['hà', 'nội', 'nguyễn', 'thường', 'vnexpress', 'philippines', 'x']) {
    const id = syllableId(key);
    for (const form of [key, key.toUpperCase(), key[0].toUpperCase() + key.slice(1)]) {
      const toks = tokenize(`(${form})`);
      assert.equal(toks.textOf(1), form);
      assert.equal(toks.key(1), id, form);
    }
  }
  const toks = tokenize('hàa nộii philippinesx');
  for (let i = 0; i < toks.n; i++) assert.equal(toks.key(i), UNKNOWN, toks.textOf(i));
});

test('a key added after its letters were first seen is still found', () => {
  assert.equal(tokenize('ΨΩΞ').key(0), UNKNOWN);
  const id = syllableId('ψωξ');
  assert.equal(tokenize('ΨΩΞ ψωξ').key(0), id);
  assert.equal(tokenize('ΨΩΞ ψωξ').key(1), id);
});

test('the cached tokens of a text are made again when a syllable was added since', () => {
  const text = 'Phường Quờnhzyx mở hội';
  assert.equal(tokensOf(text).key(1), UNKNOWN, 'no table knows the word yet');
  const id = syllableId('quờnhzyx');
  assert.notEqual(id, UNKNOWN);
  assert.equal(tokensOf(text).key(1), id, 'the same text read again has the new key');
});

test('tokens say whether they are letters alone or ASCII digits alone', () => {
  const toks = tokenize("Youtube 2020 H'Mông VOV.VN x\u0301 ٣ 12a 中文");
  const flags = (i: number) => [(toks.flags[i] & F_LETTERS) !== 0, (toks.flags[i] & F_DIGITS) !== 0];
  const byText = new Map<string, boolean[]>();
  for (let i = 0; i < toks.n; i++) byText.set(toks.textOf(i), flags(i));
  assert.deepEqual(byText.get('Youtube'), [true, false]);
  assert.deepEqual(byText.get('2020'), [false, true]);
  assert.deepEqual(byText.get("H'Mông"), [false, false]);
  assert.deepEqual(byText.get('VOV.VN'), [false, false]);
  assert.deepEqual(byText.get('x\u0301'), [false, false]);
  assert.deepEqual(byText.get('٣'), [false, false]);
  assert.deepEqual(byText.get('12a'), [false, false]);
  assert.deepEqual(byText.get('中文'), [true, false]);
});

test('property: a line shaped from the tokens has the figures of the character pass', () => {
  fc.assert(
    fc.property(articleArb, (raw) => {
      const view = createTextView(raw);
      const lines = splitLines(view.text);
      const fromTokens = shapeLines(view.text, lines);
      lines.forEach((line, i) => {
        const a = fromTokens[i];
        const b = new LineShape(line, view.text, line.start);
        for (const k of ['words', 'stopDensity', 'hasDigits', 'letterRuns', 'firstWordHash', 'fingerprint', 'punct', 'skeleton', 'key'] as const) {
          assert.equal(a[k], b[k], `${k} of ${JSON.stringify(line.text)}`);
        }
      });
    }),
    { numRuns: RUNS },
  );
});

test('upperCaseKeeps (read by the all-capitals test of linking) equals the builtin on every BMP unit outside the surrogates', () => {
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c < 0xe000) continue;
    const ch = String.fromCharCode(c);
    assert.equal(upperCaseKeeps(c), ch.toUpperCase() === ch, `U+${c.toString(16)}`);
  }
});

/** Every token of a and b: offsets, syllable id and flags. */
function assertSameTokens(a: Toks, b: Toks, text: string): void {
  assert.equal(a.n, b.n, JSON.stringify(text));
  assert.equal(a.plainSpaces, b.plainSpaces, JSON.stringify(text));
  for (let i = 0; i < a.n; i++) {
    const at = `token ${i} ${JSON.stringify(a.textOf(i))} of ${JSON.stringify(text)}`;
    assert.deepEqual([a.start[i], a.end[i], a.id[i], a.flags[i]], [b.start[i], b.end[i], b.id[i], b.flags[i]], at);
  }
}

const RARE = ["H'Mông", 'Y\u2019Jút', "l'a", 'VOV.VN', 'TN&MT', 'TP.Hạ', 'TP.HCM', '10.000', '2020.', 'İstanbul', 'Straße', 'ΣΑΣ', 'philippinesx', 'vnexpress', 'Nguyễnnnnn', '\u2028', '中文', '٣'];

test('property: the fast scan gives the tokens of the exact path', () => {
  fc.assert(
    fc.property(fc.oneof(articleArb, fc.array(fc.constantFrom(...PIECES, ...RARE), { maxLength: 60 }).map((parts) => parts.join(' '))), (raw) => {
      assertSameTokens(tokenize(raw), tokenizeExact(raw), raw);
      const view = createTextView(raw).text;
      assertSameTokens(tokenize(view), tokenizeExact(view), view);
    }),
    { numRuns: RUNS },
  );
});

test('tokens say whether the text has whitespace other than spaces and line breaks', () => {
  for (const text of ['a b', 'a  b\nc', 'a\r\nb', '', 'x']) assert.equal(tokenize(text).plainSpaces, true, JSON.stringify(text));
  for (const text of ['a\tb', 'a\u2003b', 'a b\u00a0', '\u3000', 'a\ufeffb']) assert.equal(tokenize(text).plainSpaces, false, JSON.stringify(text));
});

test('a phrase table knows the syllables its phrases end with', () => {
  const table = new PhraseTable([['đồng chí', 1], ['ông', 2], ['GS.TS', 3]]);
  const toks = tokenize('Đồng chí Ký, ông Ba và GS.TS Tư');
  const ends = [];
  for (let i = 0; i < toks.n; i++) if (table.endsAt(toks, i)) ends.push(toks.textOf(i));
  assert.deepEqual(ends, ['chí', 'ông', 'GS.TS']);
  assert.equal(table.endsAt(toks, -1), false);
  assert.equal(table.endsAt(toks, toks.n), false);
});

test('startLists lists the capitalised words and the tokens a table in the mask starts at, in order', () => {
  const a = new PhraseTable([['tỉnh', 1], ['hà nội', 2]]);
  const b = new PhraseTable([['xã', 1]]);
  const text = 'Tỉnh Quảng Ninh, xã Tân Lập và hà nội. UBND tỉnh họp, Hà Nội mưa.';
  for (const mask of [a.mask, b.mask, a.mask | b.mask]) {
    const toks = tokenize(text);
    const lists = startLists(toks, mask, new Scratch(), new Scratch());
    const caps = [];
    const starts = [];
    for (let i = 0; i < toks.n; i++) {
      if (toks.capWord(i)) caps.push(i);
      if (startsAnyAt(toks, i, mask)) starts.push(i);
    }
    assert.deepEqual([...lists.caps.subarray(0, lists.nCaps)], caps);
    assert.deepEqual([...lists.starts.subarray(0, lists.nStarts)], starts);
  }
  // A phrase added later is seen by the next call with the same mask.
  const text2 = 'phường 5 và xã Tân Lập';
  const before = startLists(tokenize(text2), b.mask, new Scratch(), new Scratch());
  assert.deepEqual([...before.starts.subarray(0, before.nStarts)], [3]);
  b.add('phường', 3);
  const after = startLists(tokenize(text2), b.mask, new Scratch(), new Scratch());
  assert.deepEqual([...after.starts.subarray(0, after.nStarts)], [0, 3]);
});
