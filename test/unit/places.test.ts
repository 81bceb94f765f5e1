import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MERGED_2025, PLACES, UNITS_2025 } from '../../server/src/core/data/places';
import { full, primary } from './helpers/entities';

const locs = (text: string) => primary(text).filter((e) => e.startsWith('LOC ')).map((e) => e.slice(4));

test('the table has the 34 units after the 2025 reorganisation and the 63 before', () => {
  assert.equal(new Set(UNITS_2025).size, 34);
  const before = new Set([...UNITS_2025, ...Object.keys(MERGED_2025)]);
  before.delete('Huế');
  before.add('Thừa Thiên Huế');
  assert.equal(before.size, 63);
  for (const into of Object.values(MERGED_2025)) assert.ok(UNITS_2025.includes(into), `${into} is a unit after 2025`);
});

test('provinces before and after 2025, with spelling variants and old tone marks', () => {
  assert.deepEqual(locs('Yên Bái và Lào Cai hợp nhất; Bình Dương về Thành phố Hồ Chí Minh.'), ['Yên Bái', 'Lào Cai', 'Bình Dương', 'Hồ Chí Minh']);
  assert.deepEqual(locs('Đoàn thăm Thừa Thiên Huế, Đắc Lắc và Thanh Hoá.'), ['Thừa Thiên Huế', 'Đắc Lắc', 'Thanh Hoá']);
  assert.ok(PLACES.some((p) => p.name === 'Hà Giang' && p.mergedInto === 'Tuyên Quang'));
});

test('districts, communes and wards with their unit word outside the span', () => {
  assert.deepEqual(locs('Người dân huyện Yên Dũng, xã Tân Lập và phường 5 tham gia.'), ['Yên Dũng', 'Tân Lập', '5']);
  assert.deepEqual(locs('Thị xã Đông Triều có nhiều di tích.'), ['Đông Triều']);
  assert.deepEqual(locs('Về công tác tại tỉnh Quảng Ninh và TP. Hạ Long.'), ['Quảng Ninh', 'Hạ Long']);
});

test('regions: miền Bắc is one LOC, vùng stays outside, khu vực phía Bắc is not a place', () => {
  assert.deepEqual(locs('Trung tâm phát triển của miền Bắc và vùng Đồng bằng sông Cửu Long.'), ['miền Bắc', 'Đồng bằng sông Cửu Long']);
  assert.deepEqual(locs('Miền Trung chịu nhiều thiên tai; Tây Nguyên thì khô hạn.'), ['Miền Trung', 'Tây Nguyên']);
  assert.deepEqual(locs('Cực tăng trưởng của khu vực phía Bắc.'), []);
});

test('lowercase words are not places; abbreviations after a level are not places', () => {
  assert.deepEqual(locs('gió mùa đông bắc tràn về, quảng ninh trời rét.'), []);
  assert.deepEqual(locs('Chỉ số hành chính công cấp tỉnh PAPI tăng.'), []);
});

test('LOC offsets in an NFD, CRLF file point at the stored text', () => {
  const raw = 'Tin tức\r\nĐoàn đến tỉnh Bắc Ninh.\r\n'.normalize('NFD');
  const loc = full(raw).entities.find((e) => e.label === 'LOC');
  assert.ok(loc);
  assert.equal(loc.text, 'Bắc Ninh'.normalize('NFD'));
  assert.equal([...raw].slice(loc.start, loc.end).join(''), loc.text);
});
