/**
 * A persistent cache of article summaries keyed by content hash, so reopening a workspace
 * does not analyse 10,000 unchanged articles again. It lives in the storage folder the
 * client passes (`initializationOptions.storagePath`). The cache is valid only for the
 * same engine build (a hash of the server bundle) and position encoding; anything
 * unreadable, truncated or from another build is ignored and rebuilt — a cache can make
 * the index faster, never wrong. Writes are atomic (temporary file + rename).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './atomicWrite';
import { MENTION_SLOTS, type FileSummary } from './core/corpusIndex';
import type { Logger } from './runner';

const FORMAT = 'vn-corpus-index-cache/1';
const FILE = 'index-cache.json';

interface StoredSummary {
  ids: string[];
  names: string[];
  /** Base64 of the mentions Int32Array (little-endian, as every supported platform). */
  mentions: string;
  titles: Array<[number, string[]]>;
}

interface CacheFile {
  format: string;
  fingerprint: string;
  count: number;
  entries: Record<string, StoredSummary>;
  /** path → [size, mtimeMs, hash]: lets an unchanged file skip reading and hashing (like git's index). */
  stats?: Record<string, [number, number, string]>;
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** A fingerprint of the running engine: the bundle's own bytes (changes with any code change). */
export function engineFingerprint(encoding: string): string {
  const h = createHash('sha1').update(FORMAT).update(encoding);
  try {
    h.update(fs.readFileSync(__filename));
  } catch {
    h.update(String(Date.now())); // unknown build: never reuse
  }
  return h.digest('base64url');
}

export class SummaryCache {
  private entries = new Map<string, StoredSummary>();
  private stats = new Map<string, [number, number, string]>();
  private dirty = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly fingerprint: string,
    private readonly log: Logger,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Load the cache file (reading does not block the event loop); any problem leaves the cache empty. */
  async load(): Promise<void> {
    const file = path.join(this.dir, FILE);
    try {
      if (!fs.existsSync(file)) return;
      const data = JSON.parse(await fs.promises.readFile(file, 'utf8')) as CacheFile;
      if (data.format !== FORMAT || data.fingerprint !== this.fingerprint || typeof data.entries !== 'object') return;
      const entries = Object.entries(data.entries);
      if (entries.length !== data.count) throw new Error('entry count does not match');
      this.entries = new Map(entries.filter(([, v]) => isStored(v)));
      const stats = Object.entries(data.stats ?? {}).filter(([, v]) => Array.isArray(v) && v.length === 3 && this.entries.has(v[2]));
      this.stats = new Map(stats);
    } catch (e) {
      this.log(`index cache ignored (${(e as Error).message}); it will be rebuilt`);
      this.entries = new Map();
      this.stats = new Map();
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
    this.dirty = true;
  }

  /** The cached summary of a text with this hash, for this URI. */
  get(hash: string, uri: string): FileSummary | undefined {
    const s = this.entries.get(hash);
    if (!s) return undefined;
    try {
      const bytes = Buffer.from(s.mentions, 'base64');
      if (bytes.byteLength % (MENTION_SLOTS * 4) !== 0) throw new Error('bad length');
      const mentions = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      for (let k = 0; k < mentions.length; k += MENTION_SLOTS) if (mentions[k] < 0 || mentions[k] >= s.ids.length) throw new Error('bad id');
      return { uri, ids: [...s.ids], names: [...s.names], mentions, titles: s.titles.map(([i, t]) => [i, [...t]]) };
    } catch {
      this.entries.delete(hash);
      return undefined;
    }
  }

  /** A new summary exists for this content: the next save writes it (see `source`). */
  put(hash: string, _summary: FileSummary): void {
    if (!this.entries.has(hash)) this.dirty = true;
  }

  /**
   * Where the next save takes its summaries from: the live index, so the cache does not
   * hold a second copy of every summary after the initial scan (see `release`).
   */
  source: () => Iterable<[string, FileSummary]> = () => [];

  /** Drop the loaded entries from memory once the scan has used them; saves read `source`. */
  release(): void {
    this.entries = new Map();
  }

  /** Keep only the stats of hashes still in the workspace (so the file does not grow forever). */
  retain(live: ReadonlySet<string>): void {
    for (const [f, s] of this.stats) {
      if (!live.has(s[2])) {
        this.stats.delete(f);
        this.dirty = true;
      }
    }
    if (this.entries.size !== live.size) this.dirty = true;
  }

  /** Write the cache without blocking the event loop on I/O (temporary file, fsync, rename). */
  saveAsync(): Promise<void> {
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  /** Resolves when no asynchronous save is in progress. */
  idle(): Promise<void> {
    return this.writing;
  }

  private async write(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const file = path.join(this.dir, FILE);
    const tmp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
    try {
      await fs.promises.mkdir(this.dir, { recursive: true });
      const handle = await fs.promises.open(tmp, 'w');
      try {
        await handle.writeFile(this.serialize(), 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.promises.rename(tmp, file);
    } catch (e) {
      this.dirty = true;
      await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
      this.log(`index cache not saved: ${(e as Error).message}`);
    }
  }

  private serialize(): string {
    const entries: Record<string, StoredSummary> = {};
    for (const [hash, summary] of this.source()) {
      if (entries[hash]) continue;
      const m = summary.mentions;
      entries[hash] = { ids: summary.ids, names: summary.names, mentions: Buffer.from(m.buffer, m.byteOffset, m.byteLength).toString('base64'), titles: summary.titles };
    }
    const count = Object.keys(entries).length;
    const stats = Object.fromEntries([...this.stats].filter(([, s]) => entries[s[2]]));
    const data: CacheFile = { format: FORMAT, fingerprint: this.fingerprint, count, entries, stats };
    return JSON.stringify(data);
  }

  /** Write the cache synchronously (at shutdown, when the process is about to exit). */
  save(): void {
    if (!this.dirty) return;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      writeFileAtomic(path.join(this.dir, FILE), this.serialize());
      this.dirty = false;
    } catch (e) {
      this.log(`index cache not saved: ${(e as Error).message}`);
    }
  }
}

function isStored(v: unknown): v is StoredSummary {
  const s = v as StoredSummary;
  return !!s && Array.isArray(s.ids) && Array.isArray(s.names) && typeof s.mentions === 'string' && Array.isArray(s.titles) && s.ids.length === s.names.length;
}
