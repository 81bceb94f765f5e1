import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reanchorSpans, shiftSpans } from '../../server/src/core/reanchor';

const TEXT = 'Ông Phạm Minh Chính làm việc với tỉnh Quảng Ninh. Tỉnh Quảng Ninh báo cáo.';
const span = (text: string, from = 0) => {
  const start = TEXT.indexOf(text, from);
  return { start, end: start + text.length, text };
};

test('editor edits: before shifts, after leaves, inside stretches, across clips, all-deleted is lost', () => {
  const name = span('Phạm Minh Chính');
  const place = span('Quảng Ninh');
  // Insert "Thủ tướng " before the name.
  let r = shiftSpans([name, place], [{ start: 4, end: 4, length: 10 }]);
  assert.deepEqual(r.kept.map((s) => [s.start, s.end]), [[14, 29], [place.start + 10, place.end + 10]]);
  assert.equal(r.touched.length, 0);
  // Insertion at the very end of a span stays outside it.
  r = shiftSpans([name], [{ start: name.end, end: name.end, length: 3 }]);
  assert.deepEqual([r.kept[0].start, r.kept[0].end], [name.start, name.end]);
  // "Minh" → "Văn Minh" inside the name stretches it.
  r = shiftSpans([name], [{ start: 9, end: 9, length: 4 }]);
  assert.deepEqual([r.kept[0].start, r.kept[0].end, r.touched.length], [4, 23, 1]);
  // Delete "Ông Phạm " (crosses the name's start): the span keeps "Minh Chính".
  r = shiftSpans([name], [{ start: 0, end: 9, length: 0 }]);
  assert.deepEqual([r.kept[0].start, r.kept[0].end], [0, 10]);
  // Delete the whole name: reported lost, not silently dropped.
  r = shiftSpans([name, place], [{ start: name.start, end: name.end, length: 0 }]);
  assert.equal(r.lost.length, 1);
  assert.equal(r.kept.length, 1);
  assert.equal(r.kept[0].start, place.start - name.text.length);
});

test('several edits apply in order', () => {
  const place = span('Quảng Ninh');
  const r = shiftSpans([place], [{ start: 0, end: 0, length: 5 }, { start: 0, end: 2, length: 0 }]);
  assert.equal(r.kept[0].start, place.start + 3);
});

test('external change with the old text known: identical neighbours land exactly, even with a decoy above', () => {
  const first = span('Quảng Ninh');
  const second = span('Quảng Ninh', first.end);
  const head = 'Tin mới nhất\nQuảng Ninh: hội nghị.\n';
  const r = reanchorSpans([first, second], head + TEXT, { oldText: TEXT });
  assert.equal(r.lost.length, 0);
  assert.deepEqual(r.moved.map((m) => m.after.start), [first.start + head.length, second.start + head.length]);
});

test('external change without the old text: the first found span carries the shift to the next ones', () => {
  const name = span('Phạm Minh Chính');
  const first = span('Quảng Ninh');
  const second = span('Quảng Ninh', first.end);
  const head = 'Tin mới nhất về hội nghị tổng kết công tác năm.\n';
  const r = reanchorSpans([name, first, second], head + TEXT);
  assert.deepEqual(r.moved.map((m) => m.after.start), [name.start + head.length, first.start + head.length, second.start + head.length]);
});

test('old text known: spans before the edit stay, spans after it move by its length', () => {
  const name = span('Phạm Minh Chính');
  const place = span('Quảng Ninh');
  const now = TEXT.replace('Phạm Minh Chính', 'Phạm Minh Chính ');
  const r = reanchorSpans([name, place], now, { oldText: TEXT });
  assert.deepEqual(r.unchanged.map((s) => s.text), ['Phạm Minh Chính']);
  assert.deepEqual(r.moved.map((m) => m.after.start), [place.start + 1]);
});

test('external change: a span whose text vanished is lost; an unchanged one is kept', () => {
  const name = span('Phạm Minh Chính');
  const place = span('Quảng Ninh');
  const r = reanchorSpans([name, place], TEXT.replace('Phạm Minh Chính', 'Nguyễn Văn A'));
  assert.deepEqual(r.lost.map((s) => s.text), ['Phạm Minh Chính']);
  assert.deepEqual(r.moved.map((m) => m.after.start), [place.start - 3]);
});

test('external change to another tone placement or NFD is still found, with the new covered text', () => {
  const old = 'Tỉnh uỷ Quảng Ninh họp.';
  const now = 'Hôm qua, ' + 'Tỉnh ủy Quảng Ninh họp.'.normalize('NFD');
  const r = reanchorSpans([{ start: 0, end: 18, text: 'Tỉnh uỷ Quảng Ninh' }], now);
  assert.equal(r.lost.length, 0);
  const after = r.moved[0].after;
  assert.equal(after.text, now.slice(9, 9 + after.text.length));
  assert.equal(after.text.normalize('NFC'), 'Tỉnh ủy Quảng Ninh');
  assert.equal(old.length, 23);
});

test('astral characters inserted before a span: offsets stay in code points', () => {
  const r = reanchorSpans([span('Quảng Ninh')], '😀😀' + TEXT);
  assert.equal(r.moved[0].after.start, span('Quảng Ninh').start + 2);
});

test('2,000 spans on a 100 KB text re-anchor in well under 100 ms', () => {
  const unit = 'Đồng chí Nguyễn Văn Hùng, Bí thư Tỉnh ủy Quảng Ninh, phát biểu. ';
  const text = unit.repeat(Math.ceil(100_000 / unit.length));
  const spans = [];
  for (let i = 0; i < 2000; i++) {
    const start = i * unit.length + 9;
    spans.push({ start, end: start + 15, text: 'Nguyễn Văn Hùng' });
  }
  // The time it takes is a figure of scripts/bench-annotate.ts, not an assertion here.
  const r = reanchorSpans(spans, 'Thêm một dòng.\n' + text);
  assert.equal(r.moved.length, 2000);
});
