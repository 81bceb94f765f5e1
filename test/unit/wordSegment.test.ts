/** Word segmentation (VnCoreNLP/PhoBERT `_` convention) by forward maximum matching over an injected word list. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tokenize } from '../../server/src/core/tokenize';
import { createWordDictionary, segmentWords } from '../../server/src/core/wordSegment';

const words = (text: string, list: string[], spans = []) => segmentWords(tokenize(text), createWordDictionary(list), { spans }).map((t) => t.text);

test('longest match first; old tone placement and case do not matter', () => {
  const list = ['ban chấp hành', 'chấp hành', 'đảng bộ', 'ủy ban', 'nhân dân'];
  assert.deepEqual(words('Ban Chấp hành Đảng bộ tỉnh', list), ['Ban_Chấp_hành', 'Đảng_bộ', 'tỉnh']);
  assert.deepEqual(words('Uỷ ban nhân dân', list), ['Uỷ_ban', 'nhân_dân']);
});

test('never across punctuation, a line break or a labeled span edge', () => {
  const list = ['nhân dân', 'tỉnh ủy', 'ủy ban'];
  assert.deepEqual(words('nhân, dân', list), ['nhân', ',', 'dân']);
  assert.deepEqual(words('nhân\ndân', list), ['nhân', 'dân']);
  const t = 'Tỉnh ủy ban hành';
  const seg = segmentWords(tokenize(t), createWordDictionary(list), { spans: [{ start: 0, end: 7, label: 'ORG' }] });
  assert.deepEqual(seg.map((w) => [w.text, w.start, w.end]), [['Tỉnh_ủy', 0, 7], ['ban', 8, 11], ['hành', 12, 16]]);
});

test('a PER or LOC name of capitalised syllables is one word', () => {
  const t = 'Đồng chí Nguyễn Văn Thắng về Bà Rịa - Vũng Tàu';
  const seg = segmentWords(tokenize(t), createWordDictionary(['đồng chí']), {
    spans: [{ start: 9, end: 25, label: 'PER' }, { start: 29, end: 46, label: 'LOC' }],
  });
  assert.deepEqual(seg.map((w) => w.text), ['Đồng_chí', 'Nguyễn_Văn_Thắng', 'về', 'Bà', 'Rịa', '-', 'Vũng', 'Tàu']);
});

test('the Viet74K list from @vntk/dictionary segments news prose', () => {
  const file = require.resolve('@vntk/dictionary/data/Viet74K.txt');
  const dict = createWordDictionary(fs.readFileSync(file, 'utf8').split(/\r?\n/));
  assert.ok(dict.size > 50_000, `${path.basename(file)}: ${dict.size} entries`);
  const seg = segmentWords(tokenize('Tiếp tục đổi mới phương thức lãnh đạo của Đảng đối với hệ thống chính trị.'), dict).map((w) => w.text);
  assert.deepEqual(seg, ['Tiếp_tục', 'đổi_mới', 'phương_thức', 'lãnh_đạo', 'của', 'Đảng', 'đối_với', 'hệ_thống', 'chính_trị', '.']);
});
