import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { coveredText, formatEntityLine, nextEntityId, parseAnn, serializeAnn, type AnnEntity } from '../../server/src/core/bratStandoff';
import { CodePointIndex } from '../../server/src/core/offsets';

const ARTICLE = 'Chiều 21/9 Bí thư Tỉnh ủy Quảng Ninh Nguyễn Văn Hùng làm việc tại Hạ Long.\n';
// Offsets (code points): "Bí thư Tỉnh ủy" 11–25, "Tỉnh ủy Quảng Ninh" 18–36, "Quảng Ninh" 26–36, "Nguyễn Văn Hùng" 37–52.
const VALID = [
  'T1\tTITLE 11 25\tBí thư Tỉnh ủy',
  'T2\tORG 18 36\tTỉnh ủy Quảng Ninh',
  'T3\tPER 37 52\tNguyễn Văn Hùng',
  '#1\tAnnotatorNotes T3\tnguyễn văn hùng',
  'R1\tLocated Arg1:T2 Arg2:T3',
  '',
].join('\n');

test('the fixture offsets are what the comments say', () => {
  assert.equal(coveredText(ARTICLE, [[18, 36]]), 'Tỉnh ủy Quảng Ninh');
  assert.equal(coveredText(ARTICLE, [[37, 52]]), 'Nguyễn Văn Hùng');
});

test('reads T lines, notes and keeps other lines verbatim', () => {
  const doc = parseAnn(VALID, { text: ARTICLE });
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(
    doc.entities.map((e) => [e.id, e.label, e.start, e.end, e.text, e.note]),
    [
      ['T1', 'TITLE', 11, 25, 'Bí thư Tỉnh ủy', undefined],
      ['T2', 'ORG', 18, 36, 'Tỉnh ủy Quảng Ninh', undefined],
      ['T3', 'PER', 37, 52, 'Nguyễn Văn Hùng', 'nguyễn văn hùng'],
    ],
  );
  assert.deepEqual(doc.otherLines.map((o) => o.text), ['R1\tLocated Arg1:T2 Arg2:T3']);
});

test('an untouched file is written back byte for byte (LF, CRLF, no final newline, BOM, blank lines)', () => {
  const variants = [
    VALID,
    VALID.replace(/\n/g, '\r\n'),
    VALID.slice(0, -1),
    '\ufeff' + VALID,
    VALID.replace('T2', '\nT2'),
    '#1\tAnnotatorNotes T3\tghi chú trước\nT3\tPER 37 52\tNguyễn Văn Hùng\n',
    '',
    '\n\n',
    'T1\tPER 0 5\tabc\nT1\tPER 0 5\tabc\nT9 junk\n',
  ];
  for (const v of variants) assert.equal(serializeAnn(parseAnn(v, { text: ARTICLE })), v, JSON.stringify(v));
});

test('round trip holds for generated files of valid and junk lines', () => {
  const lineArb = fc.oneof(
    fc.tuple(fc.nat(40), fc.nat(10), fc.constantFrom('PER', 'ORG', 'XYZ')).map(([s, l, lab]) => `T${s}\t${lab} ${s} ${s + l}\tchữ`),
    fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, '')),
    fc.nat(9).map((n) => `#${n}\tAnnotatorNotes T${n}\tgiá trị`),
  );
  fc.assert(
    fc.property(fc.array(lineArb, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (lines, eol, final) => {
      const ann = lines.join(eol) + (final && lines.length ? eol : '');
      assert.equal(serializeAnn(parseAnn(ann)), ann);
    }),
  );
});

test('the gold brat files of the samples round-trip and validate against their articles', () => {
  const dir = path.resolve(__dirname, '../../samples');
  for (const f of fs.readdirSync(path.join(dir, 'gold-ann'))) {
    const ann = fs.readFileSync(path.join(dir, 'gold-ann', f), 'utf8');
    const text = fs.readFileSync(path.join(dir, 'corpus', f.replace(/\.ann$/, '.txt')), 'utf8');
    const doc = parseAnn(ann, { text });
    assert.deepEqual(doc.problems, [], f);
    assert.ok(doc.entities.length > 10, f);
    assert.equal(serializeAnn(doc), ann, f);
  }
});

test('every malformed case is reported with its 1-based line and the line kept verbatim', () => {
  const ann = [
    'T1\tPER 37 52\tNguyễn Văn Hùng', // 1 ok
    'T2\tPER 37-52\tNguyễn Văn Hùng', // 2 bad offsets syntax
    'T3 PER 37 52 Nguyễn Văn Hùng', // 3 spaces instead of tabs
    'T4\tPERSON 37 52\tNguyễn Văn Hùng', // 4 unknown label
    'T5\tLOC 70 900\tHạ Long', // 5 beyond the text
    'T6\tLOC 26 36\tQuảng Nam', // 6 text does not match
    'T1\tORG 18 36\tTỉnh ủy Quảng Ninh', // 7 duplicate id
    'T7\tLOC 36 26\tQuảng Ninh', // 8 reversed span
    '#1\tAnnotatorNotes T99\tkhông có', // 9 note for a missing entity
    '#2\tAnnotatorNotes T1\ta', // 10 ok
    '#3\tAnnotatorNotes T1\tb', // 11 second note
    '#2\tAnnotatorNotes T6\tc', // 12 duplicate note id (T6 is parked, so only the id is wrong)
    '',
  ].join('\n');
  const doc = parseAnn(ann, { text: ARTICLE });
  assert.deepEqual(
    doc.problems.map((p) => [p.line, p.code]),
    [
      [2, 'bad-line'],
      [3, 'bad-line'],
      [4, 'unknown-label'],
      [5, 'offset-beyond-text'],
      [6, 'text-mismatch'],
      [7, 'duplicate-id'],
      [8, 'bad-line'],
      [9, 'note-without-entity'],
      [11, 'duplicate-note'],
      [12, 'duplicate-id'],
    ],
  );
  assert.deepEqual(doc.entities.map((e) => [e.id, e.note]), [['T1', 'a']]);
  for (const p of doc.problems) assert.ok(doc.otherLines.some((o) => o.line === p.line && o.text === p.text), `line ${p.line} kept`);
  assert.equal(doc.problems.find((p) => p.code === 'text-mismatch')?.entity?.text, 'Quảng Nam', 'the parked entity is available for re-anchoring');
  assert.match(doc.problems.find((p) => p.line === 6)!.message, /Quảng Ninh/);
  assert.equal(serializeAnn(doc), ann, 'nothing is lost when written back');
});

test('without the article only syntax, labels and ids are checked', () => {
  const doc = parseAnn('T1\tLOC 70 900\tHạ Long\n');
  assert.deepEqual(doc.problems, []);
  assert.equal(doc.entities.length, 1);
});

test('offsets count code points: an astral character before a span shifts UTF-16 but not brat offsets', () => {
  const text = '😀 Ông Trần Đại Quang 𠀀 thăm Hà Nội\r\nđể dự họp.';
  const doc = parseAnn('T1\tPER 6 20\tTrần Đại Quang\nT2\tLOC 28 34\tHà Nội\n', { text });
  assert.deepEqual(doc.problems, []);
  const utf16 = parseAnn('T1\tPER 7 21\tTrần Đại Quang\n', { text });
  assert.equal(utf16.problems[0]?.code, 'text-mismatch', 'UTF-16 offsets are wrong by one');
  assert.equal(coveredText(text, [[21, 22]]), '𠀀', 'one code point, two UTF-16 units');
});

test('CRLF in the article: a span after a CRLF counts both characters; a span across it compares with spaces', () => {
  const text = 'Dòng một\r\nHà Nội\r\n';
  assert.deepEqual(parseAnn('T1\tLOC 10 16\tHà Nội\n', { text }).problems, []);
  assert.deepEqual(parseAnn('T1\tLOC 5 16\tmột  Hà Nội\n', { text }).problems, []);
});

test('discontinuous spans: fragments joined by one space', () => {
  const doc = parseAnn('T1\tORG 18 25;26 36\tTỉnh ủy Quảng Ninh\n', { text: ARTICLE });
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(doc.entities[0].fragments, [[18, 25], [26, 36]]);
  assert.equal(serializeAnn(doc), 'T1\tORG 18 25;26 36\tTỉnh ủy Quảng Ninh\n');
});

test('changes: relabel in place, remove with its note, add with a fresh note id, keep line ends', () => {
  const doc = parseAnn(VALID.replace(/\n/g, '\r\n'), { text: ARTICLE });
  doc.entities[0].label = 'ORG';
  doc.entities = doc.entities.filter((e) => e.id !== 'T3');
  const added: AnnEntity = { id: nextEntityId(doc), label: 'LOC', start: 26, end: 36, fragments: [[26, 36]], text: 'Quảng Ninh', note: 'Quảng Ninh' };
  doc.entities.push(added);
  assert.equal(added.id, 'T4');
  assert.equal(
    serializeAnn(doc),
    ['T1\tORG 11 25\tBí thư Tỉnh ủy', 'T2\tORG 18 36\tTỉnh ủy Quảng Ninh', 'R1\tLocated Arg1:T2 Arg2:T3', 'T4\tLOC 26 36\tQuảng Ninh', '#2\tAnnotatorNotes T4\tQuảng Ninh', ''].join('\r\n'),
  );
});

test('a changed note is rewritten in place; a new note goes right after its entity', () => {
  const doc = parseAnn(VALID, { text: ARTICLE });
  doc.entities[2].note = 'Nguyễn Văn Hùng';
  doc.entities[0].note = 'bí thư';
  const out = serializeAnn(doc).split('\n');
  assert.equal(out[1], '#2\tAnnotatorNotes T1\tbí thư');
  assert.equal(out[4], '#1\tAnnotatorNotes T3\tNguyễn Văn Hùng');
});

test('a file without a final newline gains one only between old and new lines', () => {
  const doc = parseAnn('T1\tPER 37 52\tNguyễn Văn Hùng', { text: ARTICLE });
  doc.entities.push({ id: 'T2', label: 'LOC', start: 26, end: 36, fragments: [[26, 36]], text: 'Quảng Ninh' });
  assert.equal(serializeAnn(doc), 'T1\tPER 37 52\tNguyễn Văn Hùng\nT2\tLOC 26 36\tQuảng Ninh');
});

test('a parked line repaired by the caller goes back to its place', () => {
  const doc = parseAnn('T1\tLOC 0 3\tabc\nT2\tPER 37 52\tNguyễn Văn Hùng\n', { text: ARTICLE });
  const parked = doc.problems[0];
  assert.equal(parked.code, 'text-mismatch');
  doc.otherLines = doc.otherLines.filter((o) => o.line !== parked.line);
  doc.entities.push({ ...parked.entity!, start: 26, end: 36, fragments: [[26, 36]], text: 'Quảng Ninh' });
  assert.equal(serializeAnn(doc), 'T1\tLOC 26 36\tQuảng Ninh\nT2\tPER 37 52\tNguyễn Văn Hùng\n');
});

test('a built document without a layout serializes canonically', () => {
  assert.equal(
    serializeAnn({ entities: [{ id: 'T1', label: 'DATE', start: 0, end: 10, fragments: [[0, 10]], text: 'Chiều 21/9', note: 'XXXX-09-21' }], otherLines: [] }),
    'T1\tDATE 0 10\tChiều 21/9\n#1\tAnnotatorNotes T1\tXXXX-09-21\n',
  );
});

test('bad input never throws', () => {
  fc.assert(fc.property(fc.string(), fc.string(), (ann, text) => void parseAnn(ann, { text })));
});

test('a label over a line or paragraph separator (U+2028/U+2029) is written and read back, not reported as malformed', () => {
  // Found by annFuzz (seed 769992262): the entity line's `.` refused U+2029 in the covered text.
  const text = 'Hà Nội\u2029Ông Nguyễn Văn A\u2028phát biểu';
  const cps = new CodePointIndex(text);
  const end = text.indexOf('phát'); // no astral characters: code points = UTF-16 units here
  const entity = { id: 'T1', label: 'PER', start: 3, end, fragments: [[3, end]] as Array<[number, number]>, text: cps.slice(3, end) };
  const ann = formatEntityLine(entity) + '\n#1\tAnnotatorNotes T1\tghi chú\u2028hai dòng\n';
  const doc = parseAnn(ann, { text });
  assert.deepEqual(doc.problems, []);
  assert.equal(doc.entities.length, 1);
  assert.equal(doc.entities[0].text, 'Nội\u2029Ông Nguyễn Văn A\u2028');
  assert.equal(doc.entities[0].note, 'ghi chú\u2028hai dòng');
  assert.equal(serializeAnn(doc), ann);
});
