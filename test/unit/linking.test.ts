import { test } from 'node:test';
import assert from 'node:assert/strict';
import { full } from './helpers/entities';

test('a PER value is the canonical full name; the titles beside it are recorded', () => {
  const a = full('Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Lê Văn Minh dự họp. Ông Lê Văn Minh nhấn mạnh vai trò.');
  const pers = a.entities.filter((e) => e.label === 'PER');
  assert.equal(pers.length, 2);
  for (const p of pers) {
    assert.equal(p.value, 'Lê Văn Minh');
    assert.deepEqual(p.titles, ['Bí thư Tỉnh ủy', 'Chủ tịch HĐND tỉnh']);
  }
});

test('titles after the name, up to the next person', () => {
  const a = full('Dự có Tổng Bí thư Trần Văn An, Chủ tịch nước Phạm Thị Bình; Đào Quang Cường, Thủ tướng Chính phủ.');
  const titles = Object.fromEntries(a.entities.filter((e) => e.label === 'PER').map((e) => [e.value, e.titles]));
  assert.deepEqual(titles, {
    'Trần Văn An': ['Tổng Bí thư'],
    'Phạm Thị Bình': ['Chủ tịch nước'],
    'Đào Quang Cường': ['Thủ tướng Chính phủ'],
  });
});

test('an honorific + the given name links to the one person with that name', () => {
  const a = full('Phó Chủ tịch UBND tỉnh Hoàng Quốc Dương phát biểu. Theo ông Dương, tỉnh sẽ đầu tư.');
  assert.equal(a.entities.filter((e) => e.label === 'PER').length, 1, 'the short reference is not a PER span');
  assert.deepEqual(a.links.map((l) => [l.kind, l.text, l.canonical]), [['short-name', 'Dương', 'Hoàng Quốc Dương']]);
});

test('honorifics of several syllables or joined by a dot link too (the last syllable stands before the name)', () => {
  const a = full('Bí thư Tỉnh ủy Nguyễn Xuân Ký phát biểu. Sau đó, đồng chí Ký nhấn mạnh. Lúc này, bà Ký và GS.TS Ký dự.');
  assert.deepEqual(a.links.map((l) => [l.kind, l.text, l.canonical]), [
    ['short-name', 'Ký', 'Nguyễn Xuân Ký'],
    ['short-name', 'Ký', 'Nguyễn Xuân Ký'],
    ['short-name', 'Ký', 'Nguyễn Xuân Ký'],
  ]);
});

test('a short name shared by two persons is not linked', () => {
  const a = full('Ông Nguyễn Văn Hùng và ông Trần Quốc Hùng dự họp. Ông Hùng cho biết thêm.');
  assert.deepEqual(a.links, []);
});

test('a title alone links to its only holder; two holders give no link', () => {
  const one = full('Đồng chí Nguyễn Xuân Ký, Bí thư Tỉnh ủy phát biểu. Đồng chí Bí thư Tỉnh ủy đề nghị tiếp tục.');
  assert.deepEqual(one.links.map((l) => [l.kind, l.text, l.canonical]), [['title', 'Bí thư Tỉnh ủy', 'Nguyễn Xuân Ký']]);
  const two = full('Phó Chủ tịch UBND tỉnh Lê Văn A và Phó Chủ tịch UBND tỉnh Trần Văn B dự. Phó Chủ tịch UBND tỉnh cho biết.');
  assert.deepEqual(two.links, []);
});

test('capitals, old tone marks and NFD are one person, displayed in normal case', () => {
  const a = full('ĐỒNG CHÍ NGUYỄN THUỴ ANH THĂM TỈNH\nĐồng chí Nguyễn Thụy Anh thăm tỉnh.'.normalize('NFD'));
  const values = new Set(a.entities.filter((e) => e.label === 'PER').map((e) => e.value));
  assert.deepEqual([...values], ['Nguyễn Thụy Anh']);
});
