import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyzer';
import { splitLines, type Block, type DetectContext, type Meta } from '../../server/src/core/candidates';
import { findPublicationDate, inferYear, scanDates } from '../../server/src/core/dates';
import { romanToInt } from '../../server/src/core/roman';

/** [span text, value, yearSource] of every date in a sentence. */
function dates(text: string, pub: string | null = null): Array<[string, string, string]> {
  return scanDates(text, pub).map((f) => [text.slice(f.start, f.end), f.value, f.yearSource]);
}

function spans(text: string, pub: string | null = null): string[] {
  return dates(text, pub).map((d) => d[0]);
}

test('a signing sentence: day part inside, document symbol is no date, year from publication', () => {
  const s = 'Sáng 5/8, Thủ tướng ký Quyết định số 1234/QĐ-TTg ngày 5/8/2021 về việc thành lập Ban Chỉ đạo.';
  assert.deepEqual(dates(s, '2021-08-06'), [
    ['Sáng 5/8', '2021-08-05', 'publication'],
    ['ngày 5/8/2021', '2021-08-05', 'explicit'],
  ]);
});

test('a year-less date without a publication date keeps the year unknown', () => {
  assert.deepEqual(dates('Chiều 21/9, Ban Thường vụ Tỉnh ủy họp phiên thường kỳ.'), [['Chiều 21/9', 'XXXX-09-21', 'unknown']]);
  assert.deepEqual(dates('Đoàn công tác làm việc tại tỉnh (19/4).'), [['19/4', 'XXXX-04-19', 'unknown']]);
});

test('day words and day parts are inside; relative words are outside', () => {
  assert.deepEqual(spans('Ngày 15/3, Hội nghị khai mạc. Hôm nay (16/3), các đại biểu thảo luận.'), ['Ngày 15/3', '16/3']);
  assert.deepEqual(spans('Hội nghị sẽ bế mạc vào ngày mai, 17/3.'), ['17/3']);
  assert.deepEqual(spans('Cũng trong ngày hôm nay, 10/7, Đại hội bầu Ban Chấp hành.'), ['10/7']);
  assert.deepEqual(spans('Tối 30/4, pháo hoa được bắn tại 12 điểm; rạng sáng 1/5 trời mưa.'), ['Tối 30/4', 'rạng sáng 1/5']);
  assert.deepEqual(spans('Mục tiêu đưa tỉnh trở thành thành phố trực thuộc Trung ương trước năm 2030.'), ['năm 2030']);
  assert.deepEqual(spans('Sáng nay 15/3 đoàn đến Hà Nội.'), ['15/3']);
});

test('weekday stamps with time and stated time zone', () => {
  assert.deepEqual(dates('Thứ Hai, 05/08/2024 08:15 (GMT+7)'), [['Thứ Hai, 05/08/2024 08:15 (GMT+7)', '2024-08-05T08:15+07:00', 'explicit']]);
  assert.deepEqual(dates('Thứ 3, 14/05/2024 | 09:05:07 [GMT +7] A A'), [['Thứ 3, 14/05/2024 | 09:05:07 [GMT +7]', '2024-05-14T09:05:07+07:00', 'explicit']]);
  assert.deepEqual(dates('Chủ nhật, 12/5/2024'), [['Chủ nhật, 12/5/2024', '2024-05-12', 'explicit']]);
  // No zone written, none in the value.
  assert.deepEqual(dates('Thời sự - Minh Hà - 07:45 03/01/2021'), [['07:45 03/01/2021', '2021-01-03T07:45', 'explicit']]);
  assert.deepEqual(dates('Lúc 8h30 ngày 5/8/2021, đoàn xuất phát.'), [['8h30 ngày 5/8/2021', '2021-08-05T08:30', 'explicit']]);
  assert.deepEqual(dates('Khoảng 14 giờ 20 phút ngày 2/9/2022, tại Quảng trường'), [['14 giờ 20 phút ngày 2/9/2022', '2022-09-02T14:20', 'explicit']]);
});

test('months, years and periods', () => {
  assert.deepEqual(dates('Từ tháng 9/2020, tỉnh áp dụng; đến tháng 12 năm 2019 và tháng 3-2021.'), [
    ['tháng 9/2020', '2020-09', 'explicit'],
    ['tháng 12 năm 2019', '2019-12', 'explicit'],
    ['tháng 3-2021', '2021-03', 'explicit'],
  ]);
  assert.deepEqual(dates('Trong tháng 10, Tỉnh ủy sẽ tổng kết.', '2020-09-22'), [['tháng 10', '2020-10', 'publication']]);
  assert.deepEqual(dates('Đại hội Đảng bộ lần thứ IX, nhiệm kỳ 2020 - 2025 và nhiệm kỳ 2025–2030.'), [
    ['nhiệm kỳ 2020 - 2025', '2020/2025', 'explicit'],
    ['nhiệm kỳ 2025–2030', '2025/2030', 'explicit'],
  ]);
  assert.deepEqual(dates('kế hoạch giai đoạn 2021-2025, năm học 2023/2024'), [
    ['giai đoạn 2021-2025', '2021/2025', 'explicit'],
    ['năm học 2023/2024', '2023/2024', 'explicit'],
  ]);
  assert.deepEqual(dates('đứng đầu cả nước 03 năm liên tiếp 2017 - 2019; từ vị trí thứ 62 năm 2016'), [
    ['2017 - 2019', '2017/2019', 'explicit'],
    ['năm 2016', '2016', 'explicit'],
  ]);
});

test('parts of a year are intervals of months', () => {
  assert.deepEqual(dates('Kết quả 6 tháng đầu năm 2020 và 6 tháng cuối năm 2020'), [
    ['6 tháng đầu năm 2020', '2020-01/2020-06', 'explicit'],
    ['6 tháng cuối năm 2020', '2020-07/2020-12', 'explicit'],
  ]);
  assert.deepEqual(dates('trong quý III/2021 và quý I năm 2022, nửa đầu năm 2023; 9 tháng năm 2020'), [
    ['quý III/2021', '2021-07/2021-09', 'explicit'],
    ['quý I năm 2022', '2022-01/2022-03', 'explicit'],
    ['nửa đầu năm 2023', '2023-01/2023-06', 'explicit'],
    ['9 tháng năm 2020', '2020-01/2020-09', 'explicit'],
  ]);
  // `năm nay` is the publication year; `nay` stays outside the span.
  assert.deepEqual(dates('Tăng trưởng 9 tháng đầu năm nay đạt 7%.', '2021-10-05'), [['9 tháng đầu năm', '2021-01/2021-09', 'publication']]);
  assert.deepEqual(dates('So với 6 tháng đầu năm ngoái.', '2021-10-05'), []);
  // Vague edges stay outside the span; `năm nay` alone is relative, not a DATE.
  assert.deepEqual(dates('Đầu năm 2020, cuối tháng 9 và giữa năm 2021 đến nay; cuối năm nay', '2020-09-22'), [
    ['năm 2020', '2020', 'explicit'],
    ['tháng 9', '2020-09', 'publication'],
    ['năm 2021', '2021', 'explicit'],
  ]);
});

test('ranges written with words are one span without the leading preposition', () => {
  assert.deepEqual(dates('Đại hội diễn ra trong 3 ngày (từ ngày 22 đến hết ngày 24/9/2020).'), [['ngày 22 đến hết ngày 24/9/2020', '2020-09-22/2020-09-24', 'explicit']]);
  assert.deepEqual(dates('từ ngày 1 - 3/10/2021 và từ ngày 1-3/11/2021'), [
    ['ngày 1 - 3/10/2021', '2021-10-01/2021-10-03', 'explicit'],
    ['ngày 1-3/11/2021', '2021-11-01/2021-11-03', 'explicit'],
  ]);
  assert.deepEqual(dates('từ 28/12 đến 3/1/2021'), [['28/12 đến 3/1/2021', '2020-12-28/2021-01-03', 'explicit']]);
  assert.deepEqual(dates('từ ngày 28 đến ngày 3/10/2021'), [['ngày 28 đến ngày 3/10/2021', '2021-09-28/2021-10-03', 'explicit']]);
  assert.deepEqual(dates('từ tháng 7 đến tháng 9/2020, tháng 7 - 9/2021'), [
    ['tháng 7 đến tháng 9/2020', '2020-07/2020-09', 'explicit'],
    ['tháng 7 - 9/2021', '2021-07/2021-09', 'explicit'],
  ]);
  assert.deepEqual(dates('từ năm 2016 đến năm 2020'), [['năm 2016 đến năm 2020', '2016/2020', 'explicit']]);
  assert.deepEqual(dates('từ 15/4 đến 20/4', '2022-04-10'), [['15/4 đến 20/4', '2022-04-15/2022-04-20', 'publication']]);
});

test('more ranges: a year range after `năm`, full dates on both ends', () => {
  assert.deepEqual(dates('năm 2020-2021; năm 2016 - 2020 và năm 2019.'), [
    ['năm 2020-2021', '2020/2021', 'explicit'],
    ['năm 2016 - 2020', '2016/2020', 'explicit'],
    ['năm 2019', '2019', 'explicit'],
  ]);
  assert.deepEqual(dates('Kỷ niệm 93 năm Ngày thành lập Đảng (3/2/1930 - 3/2/2023).'), [['3/2/1930 - 3/2/2023', '1930-02-03/2023-02-03', 'explicit']]);
});

test('stamps in other site layouts', () => {
  assert.deepEqual(dates('Cập nhật: 08:30 12/10/2023 | Đăng lúc: 10:20, 12/10/2023'), [
    ['08:30 12/10/2023', '2023-10-12T08:30', 'explicit'],
    ['10:20, 12/10/2023', '2023-10-12T10:20', 'explicit'],
  ]);
  assert.deepEqual(dates('Thứ Năm, ngày 12/10/2023 - 12/10/2023 08:30 GMT+7'), [
    ['Thứ Năm, ngày 12/10/2023', '2023-10-12', 'explicit'],
    ['12/10/2023 08:30 GMT+7', '2023-10-12T08:30+07:00', 'explicit'],
  ]);
  assert.deepEqual(spans('Thứ trưởng Bộ Nội vụ; điện thoại 0203.3835.123; mã số 12/3; kỳ họp thứ 7'), []);
});

test('a list of days of one month gives one DATE per day', () => {
  assert.deepEqual(dates('Hội nghị họp ngày 5 và 6/8/2021.'), [
    ['ngày 5', '2021-08-05', 'explicit'],
    ['6/8/2021', '2021-08-06', 'explicit'],
  ]);
});

test('written-out, dashed, dotted and ISO dates', () => {
  assert.deepEqual(dates('Hà Nội, ngày 05 tháng 8 năm 2021; ngày 2 tháng Chín năm 1945'), [
    ['ngày 05 tháng 8 năm 2021', '2021-08-05', 'explicit'],
    ['ngày 2 tháng Chín năm 1945', '1945-09-02', 'explicit'],
  ]);
  assert.deepEqual(dates('Sáng 19-4, ngày 19-4-2021, ngày 22.09.2020, hạn 2021-08-05.'), [
    ['Sáng 19-4', 'XXXX-04-19', 'unknown'],
    ['ngày 19-4-2021', '2021-04-19', 'explicit'],
    ['ngày 22.09.2020', '2020-09-22', 'explicit'],
    ['2021-08-05', '2021-08-05', 'explicit'],
  ]);
});

test('durations and counts are not dates', () => {
  for (const s of [
    'Sau 15 năm thực hiện Nghị quyết, 5 năm qua tỉnh tăng trưởng khá.',
    'Đại hội diễn ra trong 3 ngày với 400 đại biểu.',
    'Mỗi tháng 2 lần, Thường trực họp giao ban; 3 tháng một lần sơ kết.',
    'Covid-19 đã ảnh hưởng đến 250 đại biểu thuộc 60 chi bộ.',
  ]) assert.deepEqual(spans(s), [], s);
});

test('fractions, scores, impossible dates, decimals and document symbols are not dates', () => {
  for (const s of [
    'Đề án được thông qua khi đạt 2/3 số đại biểu tán thành.',
    'Nữ chiếm 1/4 tổng số ủy viên; tỷ số 3/1 nghiêng về đội nhà; tỷ lệ 1/2000.',
    'Tỉnh hoàn thành đạt 12/12 chỉ tiêu.',
    'Các số 32/13 và 30/2 không phải ngày; chỉ số 19.4 là số thập phân.',
    'Nghị quyết số 18-NQ/TW, Quyết định số 1234/QĐ-TTg, Nghị định 15/2020/NĐ-CP, Thông tư số 01/2021.',
    'Trận đấu kết thúc với tỷ số 2-1.',
  ]) assert.deepEqual(spans(s), [], s);
});

test('year inference around the turn of the year', () => {
  assert.deepEqual(dates('Sáng 28/12, Tỉnh ủy tổng kết năm.', '2021-01-03'), [['Sáng 28/12', '2020-12-28', 'publication']]);
  assert.deepEqual(dates('Từ ngày 5/1 luật có hiệu lực.', '2020-12-20'), [['ngày 5/1', '2021-01-05', 'publication']]);
  assert.deepEqual(dates('Hạn chót là ngày 28/12.', '2020-06-01'), [['ngày 28/12', '2020-12-28', 'publication']]);
  assert.equal(inferYear({ y: 2021, m: 1, d: 3 }, 12), 2020);
  assert.equal(inferYear({ y: 2021, m: 7, d: 3 }, 1, 19), 2021);
});

test('a date never crosses a line break', () => {
  assert.deepEqual(spans('Ngày\n10/7 Đại hội khai mạc'), ['10/7']);
  assert.deepEqual(spans('nhiệm kỳ 2020 -\n2025'), []);
});

test('pathological inputs stay linear and never throw', () => {
  const long = '1/'.repeat(20000) + 'ngày '.repeat(20000) + 'tháng '.repeat(5000) + '((('.repeat(5000);
  assert.ok(Array.isArray(scanDates(long, null)));
  assert.deepEqual(scanDates('', null), []);
});

test('analyze: NFD, CRLF and no-break spaces give the same dates at stored offsets', () => {
  const base = 'Tin tức\r\n\r\nChiều\u00a021/9, đoàn công tác làm việc với Đảng ủy Khối.\r\nThứ Bảy, 02/11/2024 00:35 (GMT +7)\r\n';
  for (const text of [base, base.normalize('NFD')]) {
    const cps = [...text];
    const got = analyze(text).entities.filter((e) => e.label === 'DATE');
    assert.equal(got.length, 2);
    for (const e of got) assert.equal(cps.slice(e.start, e.end).join(''), e.text);
    assert.equal(got[0].text.normalize('NFC'), 'Chiều\u00a021/9');
    assert.equal(got[1].value, '2024-11-02T00:35+07:00');
  }
});

// ---- publication date ----------------------------------------------------------------------

function ctxOf(text: string, boilerplate: Block[] = [], metadata: Meta[] = []): DetectContext {
  return { text, lines: splitLines(text), boilerplate, metadata, publicationDate: null, found: [] };
}

function lineSpan(text: string, index: number): { start: number; end: number } {
  const l = splitLines(text)[index];
  return { start: l.start, end: l.end };
}

const PAGE = [
  'Tất cả chuyên mục',
  'Thứ Bảy, 02/11/2024 00:35 (GMT +7)',
  'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12',
  'Thứ 6, 10/07/2020 | 14:13:59 [GMT +7] A A',
  'Ngày 10/7, Ban Chấp hành Đảng bộ tỉnh họp hội nghị lần thứ 12.',
].join('\n');

test('publication date: the dateline metadata item wins', () => {
  const dateline: Meta = { kind: 'dateline', ...lineSpan(PAGE, 3) };
  assert.equal(findPublicationDate(ctxOf(PAGE, [], [dateline])), '2020-07-10');
});

test('publication date fallback: the first stamp line that is not boilerplate', () => {
  const nav: Block = { category: 'navigation', start: 0, end: lineSpan(PAGE, 1).end };
  assert.equal(findPublicationDate(ctxOf(PAGE, [nav])), '2020-07-10');
  // Without the boilerplate layer the page clock is the first stamp: why the layers run in order.
  assert.equal(findPublicationDate(ctxOf(PAGE)), '2024-11-02');
});

test('publication date fallback: category - author - time stamp', () => {
  const text = '--Quảng cáo---\n\nBắc Ninh: Đẩy mạnh xây dựng Đảng\n\nThời sự - Minh Hà - 07:45 03/01/2021\n\n(TN&MT) - Sáng 28/12, Tỉnh ủy tổng kết.';
  assert.equal(findPublicationDate(ctxOf(text)), '2021-01-03');
  const a = analyze(text);
  assert.equal(a.publicationDate, '2021-01-03');
  assert.equal(a.entities.find((e) => e.text === 'Sáng 28/12')?.value, '2020-12-28');
});

test('publication date: a sentence with a date is not a stamp; none gives null', () => {
  const text = 'Tổng Bí thư thăm Quảng Ninh\n\nNgày 6/4/2022, Tổng Bí thư đến thăm và làm việc tại tỉnh Quảng Ninh, gặp gỡ cán bộ chủ chốt.\n';
  assert.equal(findPublicationDate(ctxOf(text)), null);
  assert.equal(findPublicationDate(ctxOf('')), null);
  const late = Array.from({ length: 12 }, (_, i) => `Dòng nội dung số ${i + 1} của bài viết.`).join('\n') + '\n22/09/2020';
  assert.equal(findPublicationDate(ctxOf(late)), null, 'a stamp far below the top is not the dateline');
});

test('roman numerals', () => {
  assert.equal(romanToInt('XIII'), 13);
  assert.equal(romanToInt('XIX'), 19);
  assert.equal(romanToInt('IV'), 4);
  assert.equal(romanToInt('XL'), 40);
  assert.equal(romanToInt('IIII'), null);
  assert.equal(romanToInt('ABC'), null);
  assert.equal(romanToInt(''), null);
});

test('hot-spot marks read from the tokens are those of the regular-expression search', async () => {
  const { markStarts } = await import('../../server/src/core/scanTokens');
  await import('../../server/src/core/documents'); // its quote marks
  const regexStarts = (text: string): number[] => {
    const re = /[0-9“"«]/g;
    const out: number[] = [];
    while (re.test(text)) {
      const at = re.lastIndex - 1;
      out.push(at);
      let k = at + 1;
      if (/[0-9]/.test(text[at])) while (/[0-9]/.test(text[k] ?? '')) k++;
      re.lastIndex = k;
    }
    return out;
  };
  const pieces = ['1', '23', '2021', 'a', 'Ý', ' ', '\n', '\t', '\u00a0', '\u200b', '\u0001', '.', '&', "'", '’', '“', '"', '«', '-', '/', ':', 'TP.HCM', "H'Mông", '8h', '1.000', 'V.N1', 'A1', '\u0301', 'İ', 'ß', '😀', '𝐀', 'Σ', 'quý', 'Nghị quyết'];
  let seed = 7;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let r = 0; r < 3000; r++) {
    let s = '';
    for (let k = 1 + ((rnd() * 30) | 0); k > 0; k--) s += pieces[(rnd() * pieces.length) | 0];
    assert.deepEqual(markStarts(s), regexStarts(s), JSON.stringify(s));
  }
});

test('watched words read from the tokens are those of the regular-expression search', async () => {
  const { PhraseFinder, wordStarts } = await import('../../server/src/core/scanTokens');
  await import('../../server/src/core/documents'); // its watched words
  const regexWords = (finder: InstanceType<typeof PhraseFinder>, text: string) => {
    const starts: number[] = [];
    const ends: number[] = [];
    finder.find(text, 0, text.length, (at, end) => {
      starts.push(at);
      ends.push(end);
      return false;
    });
    return { starts, ends };
  };
  const watched = new PhraseFinder(['quý', 'nửa', 'quyết hội', 'quyết trung', 'quyết đại', 'án trung', 'luật', 'pháp']);
  // Tricky tables: a one-letter phrase, a phrase that is a prefix of a later one (the regex
  // takes the first alternative), upper case of two units (ß), and one the tokens cannot read (fallback).
  const others = [['a', 'ab', 'quý hai', 'ka b'], ['ß', 'ßa c'], ['x y', 'y'], ['ıa']].map((p) => new PhraseFinder(p));
  assert.deepEqual(
    [watched, ...others].map((f) => f.tokenWords() !== null),
    [true, true, true, false, false],
  );
  // The watched first words got their syllable ids at load: tokens without an id are skipped (the random texts below test it).
  assert.deepEqual(
    [watched, ...others].map((f) => f.tokenWords()?.unknownIsNone),
    [true, false, false, undefined, undefined],
  );
  const pieces = [
    'quý', 'QUÝ', 'Quý', 'qUý', 'quýt', 'quy\u0301', 'nửa', 'NỬA', 'Nửa', 'nủa', 'quyết', 'QUYẾT', 'Quyết', 'hội', 'HỘI', 'trung', 'Trung', 'TRUNG',
    'đại', 'Đại', 'ĐẠI', 'án', 'Án', 'ÁN', 'luật', 'Luật', 'LUẬT', 'pháp', 'Pháp', 'PHÁP', 'phápháp', 'a', 'A', 'ab', 'AB', 'ka', 'b', 'hai', 'ß', 'SS', 'ßa', 'c',
    'x', 'y', ' ', ' ', ' ', '\u00a0', '\t', '\n', '\r', '\u2028', '\u000b', '\u0001', '\u001f', '\u200b', '\u3000', "'", '’', '2', '19', '.', '&', ',', '(',
    'TP.', 'VOV.', 'H', '\u0301', 'İ', 'Σ', '😀', '𝐀', 'Ý', '-', 'ı', 'I', 'ıa', 'Ia', 'ia',
  ];
  let seed = 11;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let r = 0; r < 4000; r++) {
    let s = '';
    for (let k = 1 + ((rnd() * 24) | 0); k > 0; k--) s += pieces[(rnd() * pieces.length) | 0];
    const expected = regexWords(watched, s);
    assert.deepEqual(watched.wholeWordsOf(s), expected, JSON.stringify(s));
    assert.deepEqual(wordStarts(s), expected, JSON.stringify(s));
    for (const finder of others) assert.deepEqual(finder.wholeWordsOf(s), regexWords(finder, s), JSON.stringify(s));
  }
});

test('the names tokenizer keeps letters together as the whole-word test reads them', async () => {
  // PhraseFinder.wholeWordsOf relies on: every letter of scanTokens is a word unit of wordScan
  // (so a token never ends next to a letter), and every unit of a letters-only token is a letter.
  const { wordAt } = await import('../../server/src/core/scanTokens');
  const { tokenize, F_LETTERS } = await import('../../server/src/core/wordScan');
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    const letter = wordAt(ch, 0) !== 0;
    if (letter) assert.equal(tokenize(`a${ch}a`).n, 1, `U+${c.toString(16)}`);
    const toks = tokenize(ch + ch);
    if (toks.n === 1 && (toks.flags[0] & F_LETTERS) !== 0) assert.ok(letter, `U+${c.toString(16)}`);
  }
});

test('the dates of a range of whole lines read from the whole text are those of a scan of the range alone', async () => {
  const { rangeDates, scanSpans } = await import('../../server/src/core/dates');
  const ends = ['vào', 'Vào', 'từ', 'kể từ', 'hôm nay', 'nay', 'qua', 'mai', 'đầu', 'hạn', 'ngày', 'Thứ Hai', 'tháng', 'năm', 'số', 'đạt', 'Hà Nội', 'tin', 'Quý', '(', ',', ':', '-', '”', '…', '2020', '5', 'x𝐀', '𝐀', 'A', 'ý\u0301', ''];
  const lines = [
    '10/7/2020', '10/7', '19/4 vừa qua', ', 10/7', ', 10/7/2020 14:30', 'ngày 5/8', 'năm 2020', 'tháng 9', 'Thứ Hai, 22/09/2020 | 10:55:21 [GMT +7]',
    '2/3 số đại biểu', '19-4', '19.4', '19-4)', '14:30 ngày 10/7', 'quý 2/2020', 'nửa đầu năm 2021', '2017 - 2019', '(10/7)', '3 tháng', 'từ 1/7 đến 3/7', 'sáng nay, 10/7', '10/7 tới',
  ];
  let seed = 5;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(a: readonly T[]): T => a[(rnd() * a.length) | 0];
  // Token indices in a match depend on where its token stream starts: compare the points.
  const spans = (list: Array<{ start: number; end: number; match: { a: unknown; b?: unknown } }>) => list.map((d) => [d.start, d.end, JSON.stringify([d.match.a, d.match.b])]);
  for (let r = 0; r < 3000; r++) {
    const head = `Tiêu đề ${pick(ends)}`;
    const gap = pick(['\n', '\n\n', ' \n', '\n \n', '\r\n', '\u2028']);
    const line = pick(lines) + pick(['', ' ', ' ' + pick(lines)]);
    const text = head + gap + line + pick(['', '\n', '\nSau đó ' + pick(lines)]);
    const from = head.length + gap.length;
    const to = from + line.length;
    assert.deepEqual(spans(rangeDates(text, from, to)), spans(scanSpans(text, from, to)), JSON.stringify(text));
  }
});
