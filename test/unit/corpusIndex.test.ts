import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusIndex, entityId, summarize, titlesBesidePersons, type FileSummary } from '../../server/src/core/corpusIndex';
import type { Entity, MentionLink } from '../../server/src/core/types';
import { PositionMapper } from '../../server/src/positions';
import { ent, link } from './stubView';

const A = 'Chiều 19/4, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Nguyễn Văn Thắng làm việc tại huyện Tiên Yên.\nÔng Thắng yêu cầu huyện đẩy nhanh tiến độ.';
const B = '😀 Bí thư Huyện ủy Tiên Yên, đồng chí Nguyễn Văn Thắng phát biểu.\nNguyễn Thị Lan, Giám đốc Sở Tư pháp, cho biết thêm.';

function entitiesA(): Entity[] {
  return [
    ent(A, 'DATE', 'Chiều 19/4', { value: '2021-04-19', yearSource: 'publication' }),
    ent(A, 'TITLE', 'Phó Bí thư Tỉnh ủy'),
    ent(A, 'TITLE', 'Chủ tịch UBND tỉnh'),
    ent(A, 'ORG', 'UBND', { nested: true }),
    ent(A, 'PER', 'Nguyễn Văn Thắng', { value: 'Nguyễn Văn Thắng' }),
    ent(A, 'LOC', 'Tiên Yên'),
  ];
}
function entitiesB(): Entity[] {
  return [
    ent(B, 'TITLE', 'Bí thư Huyện ủy Tiên Yên'),
    ent(B, 'LOC', 'Tiên Yên', { nested: true }),
    ent(B, 'PER', 'Nguyễn Văn Thắng', { value: 'Nguyễn Văn Thắng' }),
    ent(B, 'PER', 'Nguyễn Thị Lan', { value: 'Nguyễn Thị Lan' }),
    ent(B, 'TITLE', 'Giám đốc Sở Tư pháp'),
  ];
}

function summaryOf(uri: string, text: string, entities: Entity[], links: MentionLink[] = []): FileSummary {
  const pm = new PositionMapper(text);
  return summarize({ uri, text, entities, links, rangeOf: (s, e) => { const r = pm.range(s, e); return [r.start.line, r.start.character, r.end.line, r.end.character]; } });
}

function corpus(): CorpusIndex {
  const index = new CorpusIndex();
  index.set(summaryOf('file:///c/a.txt', A, entitiesA(), [link(A, 'Ông Thắng', 'Nguyễn Văn Thắng')]));
  index.set(summaryOf('file:///c/b.txt', B, entitiesB()));
  return index;
}

test('entity ids meet across spellings: tone placement, case, spacing, NBSP', () => {
  const a = entityId({ label: 'ORG', text: 'Ủy ban nhân dân' });
  assert.equal(entityId({ label: 'ORG', text: 'UỶ BAN  nhân\u00a0dân' }), a);
  assert.notEqual(entityId({ label: 'LOC', text: 'Ủy ban nhân dân' }), a, 'the label is part of the id');
  assert.equal(entityId({ label: 'PER', text: 'ông Thắng', value: 'Nguyễn Văn Thắng' }), 'PER:nguyễn văn thắng', 'a person by canonical name');
  assert.equal(entityId({ label: 'DATE', text: 'ngày 19/4/2021', value: '2021-04-19' }), entityId({ label: 'DATE', text: '19/04/2021', value: '2021-04-19' }));
  const doc = (text: string) => entityId({ label: 'DOC', text, value: { kind: 'Nghị quyết', number: '18', symbol: 'NQ/TW' } });
  assert.equal(doc('Nghị quyết số 18-NQ/TW'), doc('Nghị quyết 18-NQ/TW'));
});

test('titles beside a person: chained before the name, after an honorific, and in apposition', () => {
  const a = titlesBesidePersons(A, entitiesA());
  assert.deepEqual(a.get('PER:nguyễn văn thắng'), ['Chủ tịch UBND tỉnh', 'Phó Bí thư Tỉnh ủy']);
  const b = titlesBesidePersons(B, entitiesB());
  assert.deepEqual(b.get('PER:nguyễn văn thắng'), ['Bí thư Huyện ủy Tiên Yên']);
  assert.deepEqual(b.get('PER:nguyễn thị lan'), ['Giám đốc Sở Tư pháp']);
});

test('titles beside a person: not across a line break, not across ordinary words', () => {
  const text = 'Hội nghị có Bí thư Tỉnh ủy\nNguyễn Văn Thắng dự. Chủ tịch UBND tỉnh gặp gỡ cử tri cùng Nguyễn Thị Lan.';
  const ents = [ent(text, 'TITLE', 'Bí thư Tỉnh ủy'), ent(text, 'PER', 'Nguyễn Văn Thắng'), ent(text, 'TITLE', 'Chủ tịch UBND tỉnh'), ent(text, 'PER', 'Nguyễn Thị Lan')];
  assert.equal(titlesBesidePersons(text, ents).size, 0);
});

test('the index counts mentions and files, links included, and finds the first mention', () => {
  const index = corpus();
  const info = index.info('PER:nguyễn văn thắng')!;
  assert.deepEqual([info.name, info.mentions, info.files], ['Nguyễn Văn Thắng', 3, 2]);
  const mentions = index.mentions('PER:nguyễn văn thắng');
  assert.deepEqual(mentions.map((m) => [m.uri, m.link]), [['file:///c/a.txt', false], ['file:///c/a.txt', true], ['file:///c/b.txt', false]]);
  assert.deepEqual(mentions[1].range, [1, 0, 1, 9], 'the short reference on line 2');
  const col = B.indexOf('Nguyễn Văn Thắng'); // a UTF-16 index: the emoji counts twice
  assert.deepEqual(mentions[2].range, [0, col, 0, col + 'Nguyễn Văn Thắng'.length], 'UTF-16 columns after the emoji in b.txt');
  assert.equal(mentions[2].start, col - 1, 'offsets stay code points');
  assert.equal(index.first('PER:nguyễn văn thắng')!.uri, 'file:///c/a.txt');
  assert.deepEqual(index.mentions('LOC:tiên yên').map((m) => m.nested), [false, true]);
});

test('titles across the corpus, most frequent first', () => {
  const index = corpus();
  assert.deepEqual(index.titles('PER:nguyễn văn thắng').map((t) => t.title), ['Bí thư Huyện ủy Tiên Yên', 'Chủ tịch UBND tỉnh', 'Phó Bí thư Tỉnh ủy']);
});

test('search: without diacritics matches names with them; with diacritics matches exactly', () => {
  const index = corpus();
  const hits = index.search('nguyen van thang');
  assert.deepEqual(hits.map((h) => [h.name, h.folded]), [['Nguyễn Văn Thắng', true]]);
  assert.deepEqual(index.search('Nguyễn Văn Thắng').map((h) => [h.name, h.folded]), [['Nguyễn Văn Thắng', false]]);
  assert.deepEqual(index.search('Nguyễn Văn Thăng'), [], 'a different name with diacritics does not match');
  assert.deepEqual(index.search('tien yen', { labels: ['PER', 'ORG', 'LOC', 'DOC'] }).map((h) => h.id), ['LOC:tiên yên']);
  assert.deepEqual(index.search('nguyen', { labels: ['PER'] }).map((h) => h.name), ['Nguyễn Văn Thắng', 'Nguyễn Thị Lan'], 'more mentions first');
  assert.equal(index.search('').length, index.entityCount, 'an empty query lists everything (VS Code asks that first)');
});

test('replacing and deleting files keeps counts exact; a folder delete drops what is under it', () => {
  const index = corpus();
  index.set(summaryOf('file:///c/b.txt', B, entitiesB().filter((e) => e.label !== 'PER')));
  assert.equal(index.info('PER:nguyễn văn thắng')!.files, 1);
  assert.equal(index.info('PER:nguyễn thị lan'), undefined, 'an entity no file mentions is gone');
  index.set(summaryOf('file:///c/sub/x.txt', A, entitiesA()));
  assert.deepEqual(index.deleteUnder('file:///c/sub'), ['file:///c/sub/x.txt']);
  assert.equal(index.info('PER:nguyễn văn thắng')!.mentions, 2);
  assert.equal(index.delete('file:///c/a.txt'), true);
  assert.equal(index.info('PER:nguyễn văn thắng'), undefined);
  assert.deepEqual(index.uris(), ['file:///c/b.txt']);
});
