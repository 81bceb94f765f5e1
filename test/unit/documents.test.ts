import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyzer';
import { splitLines, type Candidate } from '../../server/src/core/candidates';
import { attachDocumentDetails, detectDocuments, HOT_KIND_WORDS } from '../../server/src/core/documents';
import { DOCUMENT_KINDS } from '../../server/src/core/data/documentKinds';
import type { DocValue } from '../../server/src/core/types';

function docs(text: string): Array<[string, DocValue]> {
  const ctx = { text, lines: splitLines(text), boilerplate: [], metadata: [], publicationDate: null, found: [] };
  return detectDocuments(ctx).map((c) => [text.slice(c.start, c.end), c.value as DocValue]);
}

test('number and symbol designations', () => {
  assert.deepEqual(docs('Sáng 5/8, Thủ tướng ký Quyết định số 1234/QĐ-TTg ngày 5/8/2021 về việc thành lập Tổ công tác.'), [
    ['Quyết định số 1234/QĐ-TTg', { kind: 'Quyết định', number: '1234', symbol: 'QĐ-TTg' }],
  ]);
  assert.deepEqual(docs('Thực hiện Nghị quyết số 18-NQ/TW, Chỉ thị 05-CT/TW và Kết luận số 21-KL/TW.'), [
    ['Nghị quyết số 18-NQ/TW', { kind: 'Nghị quyết', number: '18', symbol: 'NQ/TW' }],
    ['Chỉ thị 05-CT/TW', { kind: 'Chỉ thị', number: '05', symbol: 'CT/TW' }],
    ['Kết luận số 21-KL/TW', { kind: 'Kết luận', number: '21', symbol: 'KL/TW' }],
  ]);
  // The number is the ordinal short references repeat; the year opens the symbol.
  assert.deepEqual(docs('theo Nghị định số 15/2020/NĐ-CP và Luật số 45/2019/QH14; Quy định số 08-QĐi/TW.'), [
    ['Nghị định số 15/2020/NĐ-CP', { kind: 'Nghị định', number: '15', symbol: '2020/NĐ-CP' }],
    ['Luật số 45/2019/QH14', { kind: 'Luật', number: '45', symbol: '2019/QH14' }],
    ['Quy định số 08-QĐi/TW', { kind: 'Quy định', number: '08', symbol: 'QĐi/TW' }],
  ]);
  assert.deepEqual(docs('UBND tỉnh ban hành Kế hoạch số 120/KH-UBND và Công văn số 35/UBND-TH.'), [
    ['Kế hoạch số 120/KH-UBND', { kind: 'Kế hoạch', number: '120', symbol: 'KH-UBND' }],
    ['Công văn số 35/UBND-TH', { kind: 'Công văn', number: '35', symbol: 'UBND-TH' }],
  ]);
  assert.deepEqual(docs('Thông tư liên tịch số 03/2015/TTLT-BNV-BTC'), [
    ['Thông tư liên tịch số 03/2015/TTLT-BNV-BTC', { kind: 'Thông tư liên tịch', number: '03', symbol: '2015/TTLT-BNV-BTC' }],
  ]);
  assert.deepEqual(docs('Quốc hội ban hành Nghị quyết 136/2024/QH15 về tổ chức chính quyền đô thị.'), [
    ['Nghị quyết 136/2024/QH15', { kind: 'Nghị quyết', number: '136', symbol: '2024/QH15' }],
  ]);
});

test('the meeting that adopted a document fills plenum, term and congress, outside the span', () => {
  const value = (text: string) => analyze(text).entities.find((e) => e.label === 'DOC' && !e.nested);
  const a = value('Thực hiện Kết luận số 14-KL/TW của Hội nghị Trung ương 6 khóa XII, tỉnh đã sơ kết.');
  assert.equal(a?.text, 'Kết luận số 14-KL/TW');
  assert.deepEqual(a?.value, { kind: 'Kết luận', number: '14', symbol: 'KL/TW', plenum: 6, term: 12 });
  const b = value('Nghị quyết số 39-NQ/TW ngày 17/4/2015 của Hội nghị lần thứ mười Ban Chấp hành Trung ương Đảng khóa XI về tinh giản.');
  assert.deepEqual(b?.value, { kind: 'Nghị quyết', number: '39', symbol: 'NQ/TW', date: '2015-04-17', plenum: 10, term: 11 });
  const c = value('Quán triệt Chỉ thị số 35-CT/TW của Bộ Chính trị về đại hội đảng bộ các cấp.');
  assert.deepEqual(c?.value, { kind: 'Chỉ thị', number: '35', symbol: 'CT/TW', issuer: 'Bộ Chính trị' });
});

test('a descriptor between the kind and `số` is inside the span', () => {
  assert.deepEqual(docs('Tỉnh ủy ban hành Nghị quyết chuyên đề số 05-NQ/TU, Thông báo kết luận số 123-TB/TU và Chương trình hành động số 10-CTr/TU.'), [
    ['Nghị quyết chuyên đề số 05-NQ/TU', { kind: 'Nghị quyết', number: '05', symbol: 'NQ/TU' }],
    ['Thông báo kết luận số 123-TB/TU', { kind: 'Thông báo', number: '123', symbol: 'TB/TU' }],
    ['Chương trình hành động số 10-CTr/TU', { kind: 'Chương trình hành động', number: '10', symbol: 'CTr/TU' }],
  ]);
});

test('plenum resolutions: plenum and term, Roman numerals converted', () => {
  assert.deepEqual(docs('Sau 15 năm thực hiện Nghị quyết Trung ương 5 khóa X về công tác tư tưởng.'), [
    ['Nghị quyết Trung ương 5 khóa X', { kind: 'Nghị quyết', plenum: 5, term: 10 }],
  ]);
  assert.deepEqual(docs('quán triệt Nghị quyết Hội nghị Trung ương 4 khóa XII và Nghị quyết Trung ương 7.'), [
    ['Nghị quyết Hội nghị Trung ương 4 khóa XII', { kind: 'Nghị quyết', plenum: 4, term: 12 }],
    ['Nghị quyết Trung ương 7', { kind: 'Nghị quyết', plenum: 7 }],
  ]);
  assert.deepEqual(docs('Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII về tổ chức bộ máy'), [
    ['Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII', { kind: 'Nghị quyết', plenum: 6, term: 12 }],
  ]);
  // A scheme of the Central Committee is numbered, not a plenum.
  assert.deepEqual(docs('Ban Chỉ đạo Đề án Trung ương 6 làm việc với Tỉnh ủy'), [['Đề án Trung ương 6', { kind: 'Đề án', number: '6' }]]);
});

test('congress resolutions; the national owner `của Đảng` is inside', () => {
  assert.deepEqual(docs('triển khai Nghị quyết Đại hội XIII của Đảng và Nghị quyết Đại hội lần thứ XII.'), [
    ['Nghị quyết Đại hội XIII của Đảng', { kind: 'Nghị quyết', congress: 13 }],
    ['Nghị quyết Đại hội lần thứ XII', { kind: 'Nghị quyết', congress: 12 }],
  ]);
  assert.deepEqual(docs('Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng đã xác định'), [
    ['Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng', { kind: 'Nghị quyết', congress: 13 }],
  ]);
  assert.deepEqual(docs('thực hiện Nghị quyết Đại hội Đảng bộ thành phố Hà Nội lần thứ XVII, nhiệm kỳ 2020 - 2025'), [
    ['Nghị quyết Đại hội Đảng bộ thành phố Hà Nội lần thứ XVII', { kind: 'Nghị quyết', congress: 17 }],
  ]);
  assert.deepEqual(docs('Nghị quyết Đại hội XIX của Đảng bộ tỉnh'), [['Nghị quyết Đại hội XIX', { kind: 'Nghị quyết', congress: 19 }]]);
  assert.deepEqual(docs('Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX “xây dựng tỉnh phát triển bền vững”'), [
    ['Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX', { kind: 'Nghị quyết', congress: 20 }],
  ]);
});

test('bare numbers only where they cannot be counts', () => {
  assert.deepEqual(docs('đặc biệt là Đề án 25 và Nghị quyết 19 về đổi mới; Đề án 06 của Chính phủ.'), [
    ['Đề án 25', { kind: 'Đề án', number: '25' }],
    ['Nghị quyết 19', { kind: 'Nghị quyết', number: '19' }],
    ['Đề án 06', { kind: 'Đề án', number: '06' }],
  ]);
  assert.deepEqual(docs('Kết luận 3 vấn đề lớn. Chương trình 5 năm tới. Quyết định 2 nhiệm vụ.'), []);
});

test('quoted titles right after the kind word', () => {
  assert.deepEqual(docs('triển khai Đề án “Nâng cao chất lượng đội ngũ cán bộ, công chức cấp xã”. Kết quả'), [
    ['Đề án “Nâng cao chất lượng đội ngũ cán bộ, công chức cấp xã”', { kind: 'Đề án', title: 'Nâng cao chất lượng đội ngũ cán bộ, công chức cấp xã' }],
  ]);
  // An unclosed quote on the line is no title.
  assert.deepEqual(docs('Đề án “Nâng cao chất lượng\nđội ngũ”'), []);
});

test('the common noun and `Đề án về …` are not DOCs', () => {
  for (const s of [
    'Ban Thường vụ Tỉnh ủy tổ chức học tập, quán triệt nghị quyết, kết luận của Trung ương.',
    'Tỉnh đang xây dựng Đề án về sắp xếp đơn vị hành chính cấp xã.',
    'ban hành các nghị quyết chuyên đề, đề án, kế hoạch',
    'Hội đồng quyết định số lượng đại biểu; Ban Chỉ đạo quyết định 5 nội dung.',
    'nâng cao ý thức chấp hành pháp luật Việt Nam và kỷ luật Đảng',
  ]) assert.deepEqual(docs(s), [], s);
});

test('laws and the constitution', () => {
  assert.deepEqual(docs('Luật Đất đai 2024 thay thế Luật Đất đai năm 2013; Bộ luật Hình sự; Hiến pháp năm 2013.'), [
    ['Luật Đất đai 2024', { kind: 'Luật', title: 'Đất đai', date: '2024' }],
    ['Luật Đất đai năm 2013', { kind: 'Luật', title: 'Đất đai', date: '2013' }],
    ['Bộ luật Hình sự', { kind: 'Bộ luật', title: 'Hình sự' }],
    ['Hiến pháp năm 2013', { kind: 'Hiến pháp', date: '2013' }],
  ]);
  // An unlisted name is taken only when a year closes it.
  assert.deepEqual(docs('Luật Phòng thủ dân sự 2023 có hiệu lực; Luật Mới lạ quy định'), [
    ['Luật Phòng thủ dân sự 2023', { kind: 'Luật', title: 'Phòng thủ dân sự', date: '2023' }],
  ]);
});

test('date and issuer after the designation fill the DOC value', () => {
  const text = 'Quyết định số 1234/QĐ-TTg, ngày 5/8/2021 của Thủ tướng Chính phủ về việc';
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  type E = Candidate & { nested: boolean };
  const doc: E = { label: 'DOC', ...at('Quyết định số 1234/QĐ-TTg'), nested: false, value: { kind: 'Quyết định', number: '1234', symbol: 'QĐ-TTg' } };
  const date: E = { label: 'DATE', ...at('ngày 5/8/2021'), nested: false, value: '2021-08-05' };
  const title: E = { label: 'TITLE', ...at('Thủ tướng Chính phủ'), nested: false };
  const out = attachDocumentDetails(text, [doc, date, title]);
  assert.deepEqual(out[0].value, { kind: 'Quyết định', number: '1234', symbol: 'QĐ-TTg', date: '2021-08-05', issuer: 'Thủ tướng Chính phủ' });
  assert.deepEqual(doc.value, { kind: 'Quyết định', number: '1234', symbol: 'QĐ-TTg' }, 'input untouched');
});

test('issuer only from a named body introduced by `của`/`do`; nested spans are ignored', () => {
  const text = 'Nghị quyết số 18-NQ/TW của Trung ương; Kế hoạch số 12/KH-UBND do UBND tỉnh ban hành; Chỉ thị 05-CT/TW Ban Bí thư';
  const at = (s: string): { start: number; end: number } => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const ents: Array<Candidate & { nested: boolean }> = [
    { label: 'DOC', ...at('Nghị quyết số 18-NQ/TW'), nested: false, value: { kind: 'Nghị quyết' } },
    { label: 'ORG', ...at('Trung ương'), nested: false },
    { label: 'DOC', ...at('Kế hoạch số 12/KH-UBND'), nested: false, value: { kind: 'Kế hoạch' } },
    { label: 'ORG', ...at('UBND tỉnh'), nested: false },
    { label: 'DOC', ...at('Chỉ thị 05-CT/TW'), nested: false, value: { kind: 'Chỉ thị' } },
    { label: 'ORG', ...at('Ban Bí thư'), nested: false },
  ];
  const out = attachDocumentDetails(text, ents);
  assert.deepEqual(out[0].value, { kind: 'Nghị quyết' });
  assert.deepEqual(out[2].value, { kind: 'Kế hoạch', issuer: 'UBND tỉnh' });
  assert.deepEqual(out[4].value, { kind: 'Chỉ thị' }, 'no `của`: no issuer');
  const nestedOnly = attachDocumentDetails(text, [ents[2], { ...ents[3], nested: true }]);
  assert.deepEqual(nestedOnly[0].value, { kind: 'Kế hoạch' });
});

test('analyze: the DOC takes the date written after it', () => {
  const a = analyze('Thủ tướng ký Quyết định số 1234/QĐ-TTg ngày 5/8/2021 về việc phê duyệt.');
  const doc = a.entities.find((e) => e.label === 'DOC');
  assert.deepEqual(doc?.value, { kind: 'Quyết định', number: '1234', symbol: 'QĐ-TTg', date: '2021-08-05' });
});

test('analyze: old tone marks, NFD and CRLF give the same DOC at stored offsets', () => {
  const base = 'Tin\r\n\r\nThực hiện Nghị quyết Trung ương 5 khoá X và Nghị\u00a0quyết số 18-NQ/TW.\r\n';
  for (const text of [base, base.normalize('NFD')]) {
    const cps = [...text];
    const got = analyze(text).entities.filter((e) => e.label === 'DOC');
    assert.equal(got.length, 2);
    for (const e of got) assert.equal(cps.slice(e.start, e.end).join(''), e.text);
    assert.equal(got[0].text.normalize('NFC'), 'Nghị quyết Trung ương 5 khoá X');
    assert.deepEqual(got[0].value, { kind: 'Nghị quyết', plenum: 5, term: 10 });
    assert.deepEqual(got[1].value, { kind: 'Nghị quyết', number: '18', symbol: 'NQ/TW' });
  }
});

test('empty and hostile inputs never throw', () => {
  assert.deepEqual(docs(''), []);
  assert.deepEqual(docs('Nghị quyết'), []);
  assert.ok(Array.isArray(docs('Nghị quyết số '.repeat(5000) + 'Đề án “'.repeat(5000))));
});

test('every kind that needs no number or quote has a word the hot-spot search looks for', () => {
  // Documents are parsed only near digits, quotes and these words (documents.ts docHotSpots);
  // a new plenum, congress or named kind without one of them would silently never be found.
  for (const k of DOCUMENT_KINDS) {
    if (!k.central && !k.congress && !k.named) continue;
    const words = ` ${k.name.toLowerCase()} `;
    assert.ok(HOT_KIND_WORDS.some((w) => words.includes(` ${w} `)), `${k.name} has no hot word`);
  }
});

test('plenum, congress and named documents are found far from any digit or quote', () => {
  const pad = 'Trong những năm qua, các cấp ủy, chính quyền địa phương đã tập trung lãnh đạo, chỉ đạo triển khai nhiều giải pháp đồng bộ, quyết liệt. ';
  for (const form of [
    'Nghị quyết Đại hội lần thứ XIII của Đảng',
    'Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII',
    'Luật Đất đai',
    'Bộ luật Hình sự',
    'Pháp lệnh Đất đai',
  ]) assert.deepEqual(docs(`${pad.repeat(3)}${form} đã được ban hành.`).map(([t]) => t), [form], form);
});
