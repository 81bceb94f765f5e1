/** Syllable tokens (issue 3 "Tokens"): what stays whole, what splits, and exact code-point offsets. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { tokenize } from '../../server/src/core/tokenize';
import { splitSentences } from '../../server/src/core/sentences';

const texts = (s: string, o = {}) => tokenize(s, o).map((t) => t.text);

test('document symbols, dates, times, decimals and abbreviations stay whole', () => {
  assert.deepEqual(texts('Thực hiện Nghị quyết số 52-NQ/TW và Quyết định 2345/QĐ-UBND ngày 15/03/2021.'), [
    'Thực', 'hiện', 'Nghị', 'quyết', 'số', '52-NQ/TW', 'và', 'Quyết', 'định', '2345/QĐ-UBND', 'ngày', '15/03/2021', '.',
  ]);
  assert.deepEqual(texts('Sở TN&MT tỉnh Hà Giang (Báo TN&MT) lúc 08:30 thu 12.500 tỷ, tăng 2,7%'), [
    'Sở', 'TN&MT', 'tỉnh', 'Hà', 'Giang', '(', 'Báo', 'TN&MT', ')', 'lúc', '08:30', 'thu', '12.500', 'tỷ', ',', 'tăng', '2,7', '%',
  ]);
  assert.deepEqual(texts('Theo VOV.VN, đoàn công tác tới TP.HCM và TP. Cần Thơ'), ['Theo', 'VOV.VN', ',', 'đoàn', 'công', 'tác', 'tới', 'TP.HCM', 'và', 'TP.', 'Cần', 'Thơ']);
  assert.deepEqual(texts('GS.TS. Trần Văn Bình, ThS. Lê Thị Hoa và Th.S Phạm An'), ['GS.TS.', 'Trần', 'Văn', 'Bình', ',', 'ThS.', 'Lê', 'Thị', 'Hoa', 'và', 'Th.S', 'Phạm', 'An']);
});

test('e-mails, URLs and host names stay whole without the prose punctuation after them', () => {
  assert.deepEqual(texts('Gửi thư về toasoan@nhandan.vn, xem https://www.quangninh.gov.vn/tin-tuc/a-1.html).'), [
    'Gửi', 'thư', 'về', 'toasoan@nhandan.vn', ',', 'xem', 'https://www.quangninh.gov.vn/tin-tuc/a-1.html', ')', '.',
  ]);
  assert.deepEqual(texts('(Nguồn: baobacninh.com.vn)'), ['(', 'Nguồn', ':', 'baobacninh.com.vn', ')']);
});

test('punctuation is split off words; a period between two words of prose splits', () => {
  assert.deepEqual(texts('“Đoàn kết”, thống nhất; Ninh.Theo đó…'), ['“', 'Đoàn', 'kết', '”', ',', 'thống', 'nhất', ';', 'Ninh', '.', 'Theo', 'đó', '…']);
});

test('offsets are code points into the text as stored: astral characters, CRLF, NBSP, BOM', () => {
  const s = '\ufeff😀 Bí thư\u00a0Tỉnh ủy\r\nQuảng Ninh 👍🏽.';
  const toks = tokenize(s);
  const cps = [...s];
  for (const t of toks) assert.equal(cps.slice(t.start, t.end).join(''), t.text);
  assert.deepEqual(toks.map((t) => t.text), ['😀', 'Bí', 'thư', 'Tỉnh', 'ủy', 'Quảng', 'Ninh', '👍🏽', '.']);
  const quang = toks.find((t) => t.text === 'Quảng')!;
  assert.equal(quang.start, 19); // BOM, emoji, space, "Bí thư" (6), NBSP, "Tỉnh ủy" (7), CR, LF
  assert.equal(toks.find((t) => t.text === 'ủy')!.lineBreakAfter, true);
  assert.equal(toks.find((t) => t.text === 'thư')!.spaceAfter, true); // NBSP is whitespace
});

test('required boundaries cut a token so a span covers whole tokens', () => {
  const toks = tokenize('Ban Chỉ đạo (BCĐ)-TW', { boundaries: [13, 16] });
  assert.deepEqual(toks.map((t) => [t.text, t.start, t.end]), [
    ['Ban', 0, 3], ['Chỉ', 4, 7], ['đạo', 8, 11], ['(', 12, 13], ['BCĐ', 13, 16], [')', 16, 17], ['-', 17, 18], ['TW', 18, 20],
  ]);
  assert.deepEqual(texts('Hà Nội-Hải Phòng', { boundaries: [6] }), ['Hà', 'Nội', '-Hải', 'Phòng']);
});

test('property: no token contains whitespace and tokens reproduce the text', () => {
  const alphabet = fc.constantFrom(...Array.from('aăâđêôơư ÀẢỦ.,/-&:@_😀\u00a0\r\n\t1Q'), '\ud83d', 'TP.', 'www.', 'ủy', 'u\u0309', '‑');
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (s) => {
      const cps = [...s];
      let pos = 0;
      for (const t of tokenize(s)) {
        assert.ok(!/\s/u.test(t.text), `token ${JSON.stringify(t.text)} has whitespace`);
        assert.equal(cps.slice(t.start, t.end).join(''), t.text);
        assert.equal(cps.slice(pos, t.start).join('').trim(), '');
        pos = t.end;
      }
      assert.equal(cps.slice(pos).join('').trim(), '');
    }),
    { numRuns: 400 },
  );
});

test('sentences: not at abbreviations, decimals or symbols; at line breaks and before capitals', () => {
  const s = 'Sáng 5/3, PGS.TS. Lê Văn An tới TP. Huế. Doanh thu đạt 10.950 tỷ đồng. Theo Nghị quyết 18-NQ/TW... các cơ quan phải làm!\nTin mới: “Chúng tôi đồng ý.” Ông nói.';
  const cps = [...s];
  const out = splitSentences(tokenize(s)).map((x) => cps.slice(x.start, x.end).join(''));
  assert.deepEqual(out, [
    'Sáng 5/3, PGS.TS. Lê Văn An tới TP. Huế.',
    'Doanh thu đạt 10.950 tỷ đồng.',
    'Theo Nghị quyết 18-NQ/TW... các cơ quan phải làm!',
    'Tin mới: “Chúng tôi đồng ý.”',
    'Ông nói.',
  ]);
});

test('sentences: a labeled span is never cut, even across a period', () => {
  const s = 'Làm việc với Cty. Cổ phần Hạ Long. Sau đó về.';
  const toks = tokenize(s);
  const plain = splitSentences(toks);
  assert.equal(plain.length, 3);
  const kept = splitSentences(toks, { keepTogether: [{ start: 13, end: 33 }] });
  assert.deepEqual(kept.map((x) => [x.start, x.end]), [[0, 34], [35, 45]]);
});
