import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTextView, foldDiacritics, normalizedKey, unifyTones } from '../../server/src/core/normalize';

test('old and new tone placements give the same key', () => {
  assert.equal(normalizedKey('Tỉnh uỷ'), normalizedKey('Tỉnh ủy'));
  assert.equal(normalizedKey('hoà bình'), normalizedKey('hòa bình'));
  assert.equal(normalizedKey('khoá X'), normalizedKey('khóa X'));
});

test('closed syllables and qu- keep their tone', () => {
  assert.equal(unifyTones('hoàng toán quyết quý'), 'hoàng toán quyết quý');
});

test('NFD, no-break spaces and case collapse to one key', () => {
  const nfd = 'Quảng\u00a0Ninh'.normalize('NFD');
  assert.equal(normalizedKey(nfd), 'quảng ninh');
  assert.equal(normalizedKey('  QUẢNG   NINH '), 'quảng ninh');
});

test('diacritic folding for search', () => {
  assert.equal(foldDiacritics('Nguyễn Quang Dương'), 'nguyen quang duong');
  assert.equal(foldDiacritics('Đỗ Đức Duy'), 'do duc duy');
});

test('the view of an NFD text maps back to stored offsets', () => {
  const raw = 'Ông Nguyễn Văn Thắng'.normalize('NFD');
  const view = createTextView(raw);
  assert.equal(view.text, 'Ông Nguyễn Văn Thắng');
  const start = view.text.indexOf('Nguyễn');
  const end = view.text.length;
  assert.equal(raw.slice(view.toRaw(start), view.toRaw(end)).normalize('NFC'), 'Nguyễn Văn Thắng');
  assert.equal(view.toRaw(view.text.length), raw.length);
});

test('the view of an NFC text keeps length and turns NBSP/BOM into spaces', () => {
  const raw = '\ufeffQuảng\u00a0Ninh';
  const view = createTextView(raw);
  assert.equal(view.text.length, raw.length);
  assert.equal(view.text, ' Quảng Ninh');
});
