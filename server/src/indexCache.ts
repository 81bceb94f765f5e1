/**
 * A persistent cache of article summaries keyed by content hash, so reopening a workspace
 * does not analyse 10,000 unchanged articles again. It lives in the storage folder the
 * client passes (`initializationOptions.storagePath`), in `index-cache/`:
 *
 * - `shard-XX.bin` (SHARDS files): binary records [hash, JSON of ids/names/titles, raw
 *   Int32 mentions], then a SHA-1 of everything before it. A shard is read as one Buffer
 *   (outside the JS heap) and decoded one record at a time, only when the scan asks for
 *   that hash, so a warm start never holds a second parsed copy of the corpus; the
 *   buffers are dropped once the scan is over (`release`).
 * - `stats.json`: path → [size, mtimeMs, hash], so an unchanged file is not even read
 *   (like git's index), with its own checksum.
 *
 * Every file carries the engine fingerprint (a hash of the engine bundle and the position
 * encoding): anything from another build, truncated or failing its checksum is dropped
 * alone and rebuilt — a cache can make the index faster, never wrong. Only shards whose
 * contents changed are rewritten, atomically (temporary file, fsync, rename).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './atomicWrite';
import { MENTION_SLOTS, type FileSummary } from './core/corpusIndex';
import type { Logger } from './runner';

const FORMAT = 'vn-corpus-index-cache/2';
const DIR = 'index-cache';
const MAGIC = 0x32434e56; // 'VNC2' little-endian
/** Number of shard files; a corrupt one costs only its share of the corpus. */
export const SHARDS = 16;
const CHECKSUM_BYTES = 20;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** ids, names and titles of a summary (the mentions travel as raw bytes). */
interface StoredMeta {
  ids: string[];
  names: string[];
  titles: Array<[number, string[]]>;
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/**
 * contentHash of the text these bytes decode to, when they are valid UTF-8 (the text then
 * encodes back to exactly these bytes): the same key, without encoding the text again.
 */
export function contentHashOfUtf8(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64url');
}

/**
 * A fingerprint of the engine that produced the summaries: the worker bundle when present
 * (it holds exactly the analyzer, the summary builder and the position mapping), else this
 * bundle. A change to a server feature therefore keeps the cache; any engine change drops it.
 */
export function engineFingerprint(encoding: string, engineFile = path.join(__dirname, 'indexWorker.js')): string {
  const h = createHash('sha1').update(FORMAT).update(encoding);
  try {
    h.update(fs.readFileSync(fs.existsSync(engineFile) ? engineFile : __filename));
  } catch {
    h.update(String(Date.now())); // unknown build: never reuse
  }
  return h.digest('base64url');
}

/** Which shard a content hash lives in. */
export function shardOf(hash: string): number {
  let h = 0;
  for (let i = 0; i < Math.min(4, hash.length); i++) h = (h * 31 + hash.charCodeAt(i)) | 0;
  return (h >>> 0) % SHARDS;
}

function shardName(n: number): string {
  return `shard-${n.toString(16).padStart(2, '0')}.bin`;
}

/** One loaded shard: its bytes and where each record starts. */
interface Shard {
  bytes: Buffer;
  at: Map<string, number>;
}

export class SummaryCache {
  private shards: Array<Shard | undefined> = [];
  private stats = new Map<string, [number, number, string]>();
  private readonly dirtyShards = new Set<number>();
  private statsDirty = false;
  private writing: Promise<void> = Promise.resolve();
  private entryCount = 0;

  constructor(
    private readonly dir: string,
    private readonly fingerprint: string,
    private readonly log: Logger,
  ) {}

  private get folder(): string {
    return path.join(this.dir, DIR);
  }

  /** Summaries available from the loaded shards. */
  get size(): number {
    return this.entryCount;
  }

  /** Load every shard and the stats (asynchronous reads); a bad file is dropped alone. */
  async load(): Promise<void> {
    if (!fs.existsSync(this.folder)) return;
    const loaded = await Promise.all(Array.from({ length: SHARDS }, (_, n) => this.loadShard(n)));
    this.shards = loaded;
    this.entryCount = loaded.reduce((k, s) => k + (s?.at.size ?? 0), 0);
    this.stats = await this.loadStats();
  }

  private async loadShard(n: number): Promise<Shard | undefined> {
    const file = path.join(this.folder, shardName(n));
    let bytes: Buffer;
    try {
      bytes = await fs.promises.readFile(file);
    } catch {
      return undefined; // never written
    }
    try {
      return indexShard(bytes, this.fingerprint);
    } catch (e) {
      this.log(`index cache shard ${shardName(n)} ignored (${(e as Error).message}); its articles are analysed again`);
      this.dirtyShards.add(n);
      return undefined;
    }
  }

  private async loadStats(): Promise<Map<string, [number, number, string]>> {
    const file = path.join(this.folder, 'stats.json');
    try {
      if (!fs.existsSync(file)) return new Map();
      const data = JSON.parse(await fs.promises.readFile(file, 'utf8')) as { format?: string; fingerprint?: string; checksum?: string; stats?: unknown };
      if (data.format !== FORMAT || data.fingerprint !== this.fingerprint) return new Map();
      const body = JSON.stringify(data.stats);
      if (data.checksum !== sha1(body)) throw new Error('checksum does not match');
      const rows = Object.entries((data.stats ?? {}) as Record<string, unknown>).filter(
        (r): r is [string, [number, number, string]] => Array.isArray(r[1]) && r[1].length === 3 && typeof r[1][2] === 'string',
      );
      return new Map(rows);
    } catch (e) {
      this.log(`index cache stats ignored (${(e as Error).message}); files are read and hashed again`);
      this.statsDirty = true;
      return new Map();
    }
  }

  /** The content hash recorded for a file with this size and modification time, if any. */
  hashForStat(file: string, size: number, mtimeMs: number): string | undefined {
    const s = this.stats.get(file);
    return s && s[0] === size && s[1] === mtimeMs ? s[2] : undefined;
  }

  /** Remember which content a file had at this size and modification time. */
  recordStat(file: string, size: number, mtimeMs: number, hash: string): void {
    const s = this.stats.get(file);
    if (s && s[0] === size && s[1] === mtimeMs && s[2] === hash) return;
    this.stats.set(file, [size, mtimeMs, hash]);
    this.statsDirty = true;
  }

  /** The cached summary of a text with this hash, for this URI (decoded from its shard now). */
  get(hash: string, uri: string): FileSummary | undefined {
    const n = shardOf(hash);
    const shard = this.shards[n];
    const at = shard?.at.get(hash);
    if (!shard || at === undefined) return undefined;
    try {
      return decodeRecord(shard.bytes, at, uri).summary;
    } catch {
      shard.at.delete(hash);
      this.dirtyShards.add(n);
      return undefined;
    }
  }

  /** A new summary exists for this content: its shard is rewritten at the next save (from `source`). */
  put(hash: string, _summary: FileSummary): void {
    if (!this.shards[shardOf(hash)]?.at.has(hash)) this.dirtyShards.add(shardOf(hash));
  }

  /**
   * Where a save takes its summaries from: the live index, so the cache never holds a
   * second copy of the summaries (see `release`).
   */
  source: () => Iterable<[string, FileSummary]> = () => [];

  /** Drop the loaded shard bytes once the scan has used them; saves read `source`. */
  release(): void {
    this.shards = [];
    this.entryCount = 0;
  }

  /** Forget what the workspace no longer holds: stats of gone contents, shards with gone entries. */
  retain(live: ReadonlySet<string>): void {
    for (const [f, s] of this.stats) {
      if (!live.has(s[2])) {
        this.stats.delete(f);
        this.statsDirty = true;
      }
    }
    this.shards.forEach((shard, n) => {
      if (shard && [...shard.at.keys()].some((h) => !live.has(h))) this.dirtyShards.add(n);
    });
  }

  /** Write the changed shards without blocking the event loop on I/O. */
  saveAsync(): Promise<void> {
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  /** Resolves when no asynchronous save is in progress. */
  idle(): Promise<void> {
    return this.writing;
  }

  private async write(): Promise<void> {
    await fs.promises.rm(path.join(this.dir, 'index-cache.json'), { force: true }).catch(() => undefined); // format 1
    const shards = [...this.dirtyShards].sort((a, b) => a - b);
    const stats = this.statsDirty;
    if (shards.length === 0 && !stats) return;
    this.dirtyShards.clear();
    this.statsDirty = false;
    try {
      await fs.promises.mkdir(this.folder, { recursive: true });
      // One pass over the live summaries for all shards, then one shard at a time, yielding
      // every few entries: a save never stalls requests (a pass per shard was 16 passes).
      const entries = await this.entriesAsync(new Set(shards));
      for (const n of shards) await writeAtomicAsync(path.join(this.folder, shardName(n)), await this.encodeShardAsync(entries.get(n) ?? []));
      if (stats) await writeAtomicAsync(path.join(this.folder, 'stats.json'), this.encodeStats());
    } catch (e) {
      for (const n of shards) this.dirtyShards.add(n);
      this.statsDirty ||= stats;
      this.log(`index cache not saved: ${(e as Error).message}`);
    }
  }

  /** The live [hash, summary] entries of the wanted shards, one per hash, in source order; yields the loop now and then. */
  private async entriesAsync(wanted: ReadonlySet<number>): Promise<Map<number, Array<[string, FileSummary]>>> {
    const out = new Map<number, Array<[string, FileSummary]>>();
    for (const _pause of this.collect(wanted, out)) await new Promise((r) => setImmediate(r));
    return out;
  }

  /** Fill `out` with the live entries of the wanted shards; yields every 1,024 entries read, where an async caller may pause. */
  private *collect(wanted: ReadonlySet<number>, out: Map<number, Array<[string, FileSummary]>>): Generator<void> {
    const seen = new Set<string>();
    let k = 0;
    for (const entry of this.source()) {
      if (++k % 1024 === 0) yield;
      const n = shardOf(entry[0]);
      if (!wanted.has(n) || seen.has(entry[0])) continue;
      seen.add(entry[0]);
      let list = out.get(n);
      if (!list) out.set(n, (list = []));
      list.push(entry);
    }
  }

  private async encodeShardAsync(entries: ReadonlyArray<[string, FileSummary]>): Promise<Buffer> {
    const records: Buffer[] = [];
    for (let k = 0; k < entries.length; k++) {
      records.push(encodeRecord(entries[k][0], entries[k][1]));
      if ((k + 1) % 64 === 0) await new Promise((r) => setImmediate(r));
    }
    return encodeShard(records, this.fingerprint);
  }

  /** The bytes of each wanted shard, from the live summaries. */
  private encodeShards(wanted: ReadonlySet<number>): Map<number, Buffer> {
    const entries = new Map<number, Array<[string, FileSummary]>>();
    for (const _pause of this.collect(wanted, entries));
    return new Map([...entries].map(([n, list]) => [n, encodeShard(list.map(([hash, summary]) => encodeRecord(hash, summary)), this.fingerprint)]));
  }

  private encodeStats(): string {
    const live = Object.fromEntries(this.stats);
    return JSON.stringify({ format: FORMAT, fingerprint: this.fingerprint, checksum: sha1(JSON.stringify(live)), stats: live });
  }

  /** Write synchronously (at shutdown, when the process is about to exit). */
  save(): void {
    const shards = [...this.dirtyShards];
    if (shards.length === 0 && !this.statsDirty) return;
    try {
      fs.mkdirSync(this.folder, { recursive: true });
      const bodies = this.encodeShards(new Set(shards));
      for (const n of shards) writeFileAtomic(path.join(this.folder, shardName(n)), bodies.get(n) ?? encodeShard([], this.fingerprint));
      if (this.statsDirty) writeFileAtomic(path.join(this.folder, 'stats.json'), this.encodeStats());
      this.dirtyShards.clear();
      this.statsDirty = false;
    } catch (e) {
      this.log(`index cache not saved: ${(e as Error).message}`);
    }
  }
}

function sha1(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('base64url');
}

async function writeAtomicAsync(file: string, content: string | Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    const handle = await fs.promises.open(tmp, 'w');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

// ---- binary layout ----
// shard  = u32 MAGIC, u32 fingerprint bytes, fingerprint, u32 record count, record*, SHA-1(all before) (20 bytes)
// record = u32 hash bytes, hash, u32 meta bytes, meta (JSON), u32 mention count (Int32 values), values (LE)

/** One record's bytes. */
export function encodeRecord(hash: string, s: FileSummary): Buffer {
  const h = Buffer.from(hash, 'utf8');
  const meta: StoredMeta = { ids: s.ids, names: s.names, titles: s.titles };
  const m = Buffer.from(JSON.stringify(meta), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(h.length);
  const mid = Buffer.alloc(4);
  mid.writeUInt32LE(m.length);
  const tail = Buffer.alloc(4);
  tail.writeUInt32LE(s.mentions.length);
  return Buffer.concat([head, h, mid, m, tail, littleEndian(s.mentions)]);
}

export function encodeShard(records: readonly Buffer[], fingerprint: string): Buffer {
  const fp = Buffer.from(fingerprint, 'utf8');
  const head = Buffer.alloc(12 + fp.length);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(fp.length, 4);
  fp.copy(head, 8);
  head.writeUInt32LE(records.length, 8 + fp.length);
  const body = Buffer.concat([head, ...records]);
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}

/** Check a shard (magic, fingerprint, checksum, record bounds) and index its records by hash. Throws when unusable. */
export function indexShard(bytes: Buffer, fingerprint: string): Shard {
  if (bytes.length < 12 + CHECKSUM_BYTES || bytes.readUInt32LE(0) !== MAGIC) throw new Error('not a cache shard');
  const body = bytes.subarray(0, bytes.length - CHECKSUM_BYTES);
  const sum = createHash('sha1').update(body).digest();
  if (!sum.equals(bytes.subarray(bytes.length - CHECKSUM_BYTES))) throw new Error('checksum does not match');
  const fpLength = bytes.readUInt32LE(4);
  if (bytes.toString('utf8', 8, 8 + fpLength) !== fingerprint) throw new Error('another engine build');
  const count = bytes.readUInt32LE(8 + fpLength);
  const at = new Map<string, number>();
  let p = 12 + fpLength;
  for (let k = 0; k < count; k++) {
    const start = p;
    const hLength = bytes.readUInt32LE(p);
    const hash = bytes.toString('utf8', p + 4, p + 4 + hLength);
    p += 4 + hLength;
    p += 4 + bytes.readUInt32LE(p);
    p += 4 + bytes.readUInt32LE(p) * 4;
    if (p > body.length) throw new Error('truncated record');
    at.set(hash, start);
  }
  if (p !== body.length) throw new Error('trailing bytes');
  return { bytes, at };
}

/** Decode the record at a byte offset. Throws on a malformed one. */
export function decodeRecord(bytes: Buffer, at: number, uri: string): { hash: string; summary: FileSummary } {
  let p = at;
  const hLength = bytes.readUInt32LE(p);
  const hash = bytes.toString('utf8', p + 4, p + 4 + hLength);
  p += 4 + hLength;
  const mLength = bytes.readUInt32LE(p);
  const meta = JSON.parse(bytes.toString('utf8', p + 4, p + 4 + mLength)) as StoredMeta;
  p += 4 + mLength;
  const n = bytes.readUInt32LE(p);
  p += 4;
  if (!Array.isArray(meta.ids) || !Array.isArray(meta.names) || !Array.isArray(meta.titles) || meta.ids.length !== meta.names.length || n % MENTION_SLOTS !== 0) {
    throw new Error('bad record');
  }
  if (p + n * 4 > bytes.length) throw new Error('truncated record');
  let mentions: Int32Array;
  if (LITTLE_ENDIAN) {
    const own = new Uint8Array(n * 4); // an own, aligned copy: the shard's bytes are released after the scan
    own.set(bytes.subarray(p, p + n * 4));
    mentions = new Int32Array(own.buffer);
  } else {
    mentions = new Int32Array(n);
    for (let k = 0; k < n; k++) mentions[k] = bytes.readInt32LE(p + k * 4);
  }
  for (let k = 0; k < n; k += MENTION_SLOTS) if (mentions[k] < 0 || mentions[k] >= meta.ids.length) throw new Error('bad id');
  return { hash, summary: { uri, ids: meta.ids, names: meta.names, mentions, titles: meta.titles } };
}

/** The values' bytes in little-endian order whatever the platform. */
function littleEndian(values: Int32Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  const out = Buffer.alloc(values.length * 4);
  values.forEach((v, k) => out.writeInt32LE(v, k * 4));
  return out;
}
