/**
 * The persistent index cache's binary shards: what is written reads back exactly; a
 * truncated shard, a flipped byte or another engine build is rejected (never half-read);
 * a save rewrites only shards whose contents changed; a corrupt shard is dropped alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MENTION_SLOTS, type FileSummary } from '../../server/src/core/corpusIndex';
import { contentHash, contentHashOfUtf8, decodeRecord, encodeRecord, encodeShard, indexShard, shardOf, SHARDS, SummaryCache } from '../../server/src/indexCache';
import { decodeArticle } from '../../server/src/fsCorpus';

function summary(uri: string, n: number): FileSummary {
  const mentions = new Int32Array(n * MENTION_SLOTS);
  for (let k = 0; k < n; k++) mentions.set([k % 2, k * 10, k * 10 + 7, k, 3, k, 10, k % 3 === 0 ? 2 : 0], k * MENTION_SLOTS);
  return {
    uri,
    ids: ['PER:nguyễn văn thắng', 'ORG:ubnd tỉnh quảng ninh'],
    names: ['Nguyễn Văn Thắng', 'UBND tỉnh Quảng Ninh'],
    mentions,
    titles: [[0, ['Chủ tịch UBND tỉnh', 'Phó Bí thư Tỉnh ủy']]],
  };
}

test('a record reads back exactly (ids, names, titles, every mention slot)', () => {
  const s = summary('file:///a.txt', 5);
  const shard = encodeShard([encodeRecord('h1', s)], 'fp');
  const { at } = indexShard(shard, 'fp');
  const back = decodeRecord(shard, at.get('h1')!, 'file:///b.txt');
  assert.equal(back.hash, 'h1');
  assert.equal(back.summary.uri, 'file:///b.txt');
  assert.deepEqual(back.summary.ids, s.ids);
  assert.deepEqual(back.summary.names, s.names);
  assert.deepEqual(back.summary.titles, s.titles);
  assert.deepEqual([...back.summary.mentions], [...s.mentions]);
});

test('a shard that is truncated, altered or from another build is rejected', () => {
  const shard = encodeShard([encodeRecord('h1', summary('u', 3)), encodeRecord('h2', summary('v', 4))], 'fp');
  assert.equal(indexShard(shard, 'fp').at.size, 2);
  assert.throws(() => indexShard(shard.subarray(0, shard.length - 9), 'fp'), /checksum|truncated|not a cache/);
  const flipped = Buffer.from(shard);
  flipped[40] ^= 1;
  assert.throws(() => indexShard(flipped, 'fp'), /checksum/);
  assert.throws(() => indexShard(shard, 'other build'), /another engine build/);
  assert.throws(() => indexShard(Buffer.from('{"format":"vn-corpus-index-cache/1"}'), 'fp'), /not a cache shard/);
});

test('shards spread content hashes and stay stable', () => {
  const used = new Set<number>();
  for (let i = 0; i < 400; i++) used.add(shardOf(contentHash(`bài ${i}`)));
  assert.ok(used.size >= SHARDS - 2, `hashes spread over ${used.size} of ${SHARDS} shards`);
  assert.equal(shardOf('abcd'), shardOf('abcd'));
});

test('save, load, get; a corrupt shard is dropped alone and rewritten; unchanged shards are not rewritten', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-cache-'));
  const logs: string[] = [];
  const live = new Map<string, FileSummary>();
  for (let i = 0; i < 40; i++) live.set(contentHash(`bài số ${i}`), summary(`file:///${i}.txt`, 1 + (i % 4)));
  const make = () => {
    const c = new SummaryCache(dir, 'fp', (m) => logs.push(m));
    c.source = () => live.entries();
    return c;
  };
  const first = make();
  await first.load();
  for (const [h, s] of live) first.put(h, s);
  first.recordStat('/corpus/1.txt', 123, 456, [...live.keys()][1]);
  await first.saveAsync();

  const second = make();
  await second.load();
  assert.equal(second.size, 40);
  const [h0, s0] = [...live][0];
  assert.deepEqual([...second.get(h0, 'file:///x.txt')!.mentions], [...s0.mentions]);
  assert.equal(second.hashForStat('/corpus/1.txt', 123, 456), [...live.keys()][1]);
  assert.equal(second.hashForStat('/corpus/1.txt', 124, 456), undefined, 'another size: read the file again');

  const folder = path.join(dir, 'index-cache');
  const bad = path.join(folder, `shard-${shardOf(h0).toString(16).padStart(2, '0')}.bin`);
  const bytes = fs.readFileSync(bad);
  bytes[bytes.length - 25] ^= 0xff;
  fs.writeFileSync(bad, bytes);
  const mtimes = new Map(fs.readdirSync(folder).map((f) => [f, fs.statSync(path.join(folder, f)).mtimeMs]));
  const third = make();
  await third.load();
  assert.equal(third.get(h0, 'u'), undefined, 'nothing is read from a corrupt shard');
  assert.ok(third.size > 0 && third.size < 40, 'the other shards still serve');
  assert.equal(logs.filter((m) => m.startsWith('index cache shard')).length, 1);
  await third.saveAsync();
  for (const [f, t] of mtimes) {
    const now = fs.statSync(path.join(folder, f)).mtimeMs;
    if (path.join(folder, f) === bad) assert.doesNotThrow(() => indexShard(fs.readFileSync(bad), 'fp'), 'the corrupt shard was rewritten');
    else assert.equal(now, t, `${f} unchanged, not rewritten`);
  }
  const fourth = make();
  await fourth.load();
  assert.equal(fourth.size, 40);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the content hash of valid UTF-8 bytes is the hash of the text they decode to (BOM, NFD, astral)', () => {
  for (const text of ['\ufeffHuế, 20/4/2021\r\n', 'Nguyễn Văn A'.normalize('NFD'), 'Tổ công tác 😀 đặc biệt', '']) {
    const bytes = Buffer.from(text, 'utf8');
    const read = decodeArticle(bytes);
    assert.ok(read.ok && read.validUtf8 && read.text === text);
    assert.equal(contentHashOfUtf8(bytes), contentHash(text));
  }
  const broken = decodeArticle(Buffer.from([0x48, 0xc3, 0x28, 0x75]));
  assert.ok(broken.ok && !broken.validUtf8 && broken.text.includes('\ufffd'), 'invalid bytes are not hashed as bytes');
});

test('the synchronous save (at shutdown) writes the same shards as the asynchronous one', async () => {
  const live = new Map<string, FileSummary>();
  for (let i = 0; i < 3000; i++) live.set(contentHash(`bài ${i}`), summary(`file:///${i}.txt`, 1 + (i % 3)));
  const shards = async (sync: boolean) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-cache-'));
    const c = new SummaryCache(dir, 'fp', () => undefined);
    c.source = () => live.entries();
    await c.load();
    for (const [h, s] of live) c.put(h, s);
    if (sync) c.save();
    else await c.saveAsync();
    const folder = path.join(dir, 'index-cache');
    const files = new Map(fs.readdirSync(folder).filter((f) => f.startsWith('shard-')).map((f) => [f, fs.readFileSync(path.join(folder, f)).toString('base64')]));
    fs.rmSync(dir, { recursive: true, force: true });
    return files;
  };
  const async = await shards(false);
  assert.ok(async.size > 1, 'several shards written');
  assert.deepEqual(await shards(true), async);
});
