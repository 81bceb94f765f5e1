/**
 * Keeps the corpus index (core/corpusIndex.ts) current for the whole workspace, not only
 * for open editors (conventions.md §6):
 * - on start, every article under the workspace folders is read (fsCorpus.ts) and
 *   summarized — in worker threads when available, reusing the persistent cache for
 *   unchanged contents — with `$/progress` work-done progress; the loop works in short
 *   slices and yields to the event loop, so requests are answered while it runs;
 * - file watching is registered from the server (`workspace/didChangeWatchedFiles`
 *   dynamic registration), so any client that supports it keeps the index current on
 *   create, change, delete and rename (delete + create);
 * - open editors win over disk: an editor's analysis replaces the disk summary, a disk
 *   result arriving for an open file is dropped, and closing a file re-reads the disk;
 * - stale results are discarded by a per-file generation counter.
 */
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  WatchKind,
  type Connection,
  type Disposable,
  type FileSystemWatcher,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { FileSummary } from './core/corpusIndex';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { annPathOf, sidecarPathOf } from './annotationFiles';
import type { Analysis } from './core/types';
import { decodeArticle, readArticleBytes } from './fsCorpus';
import { contentHash, contentHashOfUtf8, engineFingerprint, SummaryCache } from './indexCache';
import { summarizeText } from './indexWorker';
import { BATCH, IndexWorkerPool } from './indexWorkerPool';
import { canonicalUri, type ArticleView, type Session } from './session';

export interface IndexerOptions {
  /** Analyse in worker threads (default: yes, when the worker bundle is present). */
  workers?: boolean;
  /** Longest stretch of synchronous work before yielding to the event loop. */
  sliceMs?: number;
}

export interface IndexStats {
  files: number;
  analysed: number;
  cacheHits: number;
  failed: number;
  ms: number;
  /** Event-loop delay while indexing (how long a request could wait), max and 99th percentile. */
  maxLagMs?: number;
  p99LagMs?: number;
}

/** A file modified this recently is re-read next time even if size and mtime match. */
const RACY_MS = 2000;

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** Articles to analyse before worker threads are worth starting. */
const WORKER_THRESHOLD = 64;

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

export class WorkspaceIndexer {
  private readonly gen = new Map<string, number>();
  private queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly hashes = new Map<string, string>();
  /** File system path of each URI met in a scan (saves parsing URIs again). */
  private readonly paths = new Map<string, string>();
  private draining = false;
  private inflight = 0;
  private slotFreed: (() => void) | undefined;
  private pool: IndexWorkerPool | undefined;
  private cache: SummaryCache | undefined;
  private watchers: Disposable | undefined;
  private watchedGlobs = '';
  private progress: { total: number; done: number; report: (done: number, total: number) => void; end: () => void } | undefined;
  private idleWaiters: Array<() => void> = [];
  private stopped = false;
  private started = false;
  private lastGlobs = '';
  readonly stats: IndexStats = { files: 0, analysed: 0, cacheHits: 0, failed: 0, ms: 0 };
  /**
   * Canonical URIs of the open documents, kept by open/close events: a cache save asks
   * about every article of the corpus, and scanning the open list for each was
   * articles × open documents URI parses.
   */
  private readonly open = new Set<string>();

  constructor(
    private readonly session: Session,
    private readonly options: IndexerOptions = {},
  ) {
    for (const d of session.documents.all()) this.open.add(canonicalUri(d.uri));
    // Registered before the handlers below, so they already see the document open or closed.
    session.documents.onDidOpen((e) => this.open.add(canonicalUri(e.document.uri)));
    session.documents.onDidClose((e) => this.open.delete(canonicalUri(e.document.uri)));
    session.onViewChanged.push((v) => this.fromEditor(v));
    session.documents.onDidClose((e) => this.enqueue(e.document.uri));
    session.onSettingsChanged.push(() => void this.onSettings());
    session.onWatchedFiles.push((changes) => this.onWatchedFiles({ changes }));
    // Human labels of a closed article changed (its .ann was written): index it again.
    session.onInvalidated.push((uri) => {
      if (uri && this.started && this.session.isArticle(uri) && !this.isOpen(canonicalUri(uri))) this.enqueue(uri);
    });
  }

  private get connection(): Connection {
    return this.session.connection;
  }

  /** Register watchers, open the cache and index every article (with progress). */
  async start(): Promise<void> {
    const storage = this.session.initOptions.storagePath;
    if (storage) {
      this.cache = new SummaryCache(storage, engineFingerprint(this.session.encoding), this.session.log);
      this.cache.source = () => this.diskSummaries();
      await this.cache.load();
    }
    this.started = true;
    this.lastGlobs = this.globKey();
    await this.registerWatchers();
    await this.scan();
  }

  /** Resolves when nothing is queued or running (tests and benchmarks). */
  whenIdle(): Promise<void> {
    if (!this.draining && this.queue.length === 0 && this.inflight === 0) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  async dispose(): Promise<void> {
    this.stopped = true;
    this.queue = [];
    this.queued.clear();
    await this.cache?.idle();
    this.cache?.save();
    await this.pool?.dispose();
  }

  /**
   * Every article file under the workspace folders now: an asynchronous walk that yields
   * to the event loop between folders (10,000 files must not freeze the editor). Skips
   * node_modules and dot folders and symlink loops, like fsCorpus.listArticles.
   */
  private async listFiles(): Promise<string[]> {
    const found: string[] = [];
    const seen = new Set<string>();
    const walk = async (dir: string): Promise<void> => {
      let real: string;
      let entries: fs.Dirent[];
      try {
        real = await fs.promises.realpath(dir);
        if (seen.has(real)) return;
        seen.add(real);
        entries = await fs.promises.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
        const p = path.join(dir, e.name);
        const isDir = e.isDirectory() || (e.isSymbolicLink() && (await isDirectory(p)));
        if (isDir) await walk(p);
        else if (e.isFile() || e.isSymbolicLink()) {
          const uri = URI.file(p).toString();
          if (this.session.isArticle(uri)) {
            found.push(uri);
            this.paths.set(uri, p);
          }
        }
      }
    };
    for (const root of this.session.workspaceRoots) await walk(root);
    return found.sort();
  }

  /** Full scan: drop what no longer matches, queue everything else. */
  private async scan(): Promise<void> {
    const t0 = performance.now();
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    const files = await this.listFiles();
    const live = new Set(files);
    for (const uri of this.session.index.uris()) {
      if (!live.has(uri) && !this.isOpen(uri)) this.session.index.delete(uri);
    }
    this.progress?.end();
    this.progress = await this.beginProgress(files.length);
    Object.assign(this.stats, { files: files.length, analysed: 0, cacheHits: 0, failed: 0, ms: 0 });
    // Workers pay off only for a real corpus; starting them costs tens of milliseconds.
    const useWorkers = this.options.workers ?? files.length - (this.cache?.size ?? 0) >= WORKER_THRESHOLD;
    if (!this.pool && useWorkers) this.pool = new IndexWorkerPool(this.session.log);
    const workers = this.pool?.available ? this.pool.size : 0;
    for (const uri of files) this.enqueueCanonical(uri);
    await this.whenIdle();
    // Each worker holds its own warmed-up heap (tens of MB): after the scan, single
    // changed files are analysed here and the workers' memory goes back to the system.
    const pool = this.pool;
    this.pool = undefined;
    await pool?.dispose();
    this.stats.ms = Math.round(performance.now() - t0);
    lag.disable();
    this.stats.maxLagMs = Math.round(lag.max / 1e6);
    this.stats.p99LagMs = Math.round(lag.percentile(99) / 1e6);
    this.session.log(
      `indexed ${this.stats.files} articles in ${this.stats.ms} ms (${this.stats.analysed} analysed${workers ? ` in ${workers} workers` : ''}, ${this.stats.cacheHits} from cache, ${this.stats.failed} unreadable); ${this.session.index.entityCount} distinct entities; event-loop delay p99 ${this.stats.p99LagMs} ms, max ${this.stats.maxLagMs} ms`,
    );
    if (this.cache) {
      this.cache.retain(new Set(this.hashes.values()));
      this.cache.release();
      await this.cache.saveAsync();
    }
  }

  private async beginProgress(total: number): Promise<WorkspaceIndexer['progress']> {
    if (!this.session.clientCapabilities.window?.workDoneProgress || total === 0) return undefined;
    const reporter = await this.connection.window.createWorkDoneProgress();
    reporter.begin('VN Corpus: indexing articles', 0, `0/${total}`, true);
    reporter.token.onCancellationRequested(() => {
      this.session.log('indexing cancelled by the user; articles are indexed as they are opened or changed');
      this.queue = [];
      this.queued.clear();
    });
    let ended = false;
    let last = -1;
    const p = {
      total,
      done: 0,
      report: (done: number, all: number) => {
        if (done === last || ended) return;
        last = done;
        reporter.report(Math.min(100, Math.floor((done / Math.max(1, all)) * 100)), `${done}/${all}`);
      },
      end: () => {
        if (!ended) reporter.done();
        ended = true;
        if (this.progress === p) this.progress = undefined;
      },
    };
    return p;
  }

  /** [content hash, summary] of every article indexed from disk (not from an editor), for the cache. */
  private *diskSummaries(): Iterable<[string, FileSummary]> {
    // Not `session.index`: reading it applies the editors' deferred updates, which a save
    // must not force in the middle of typing (and open articles are skipped anyway).
    const index = this.session.indexAsIs;
    for (const [uri, hash] of this.hashes) {
      const s = index.file(uri);
      if (s && !this.isOpen(uri)) yield [hash, s];
    }
  }

  private isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  private bump(uri: string): number {
    const g = (this.gen.get(uri) ?? 0) + 1;
    this.gen.set(uri, g);
    return g;
  }

  /**
   * An editor analysed its article: that version wins over the disk (a disk result now in
   * flight goes stale at once). The summary itself is deferred: an edit re-analyses only
   * its own document, and the index takes the new summary when typing pauses or when a
   * feature asks (Session.deferIndexUpdate) — never a rebuild of anything global.
   */
  private fromEditor(view: ArticleView): void {
    const uri = canonicalUri(view.uri);
    this.bump(uri);
    this.session.deferIndexUpdate(view.uri, () => {
      if (this.isOpen(uri)) this.session.index.set(this.session.summaryOf(view));
    });
  }

  /** Queue a file to be (re)read from disk. */
  enqueue(rawUri: string): void {
    this.enqueueCanonical(canonicalUri(rawUri));
  }

  private enqueueCanonical(uri: string): void {
    if (this.stopped) return;
    this.bump(uri);
    if (!this.queued.has(uri)) {
      this.queued.add(uri);
      this.queue.push(uri);
    }
    if (!this.draining) void this.drain();
  }

  /** Work through the queue in slices, yielding between them. */
  private async drain(): Promise<void> {
    this.draining = true;
    const slice = this.options.sliceMs ?? 8;
    try {
      while (this.queue.length > 0) {
        const t0 = performance.now();
        while (this.queue.length > 0 && performance.now() - t0 < slice) {
          // Each worker has a batch running and one waiting; more would only hold texts in memory.
          if (this.pool?.available && this.inflight >= this.pool.size * BATCH * 2) {
            await new Promise<void>((r) => (this.slotFreed = r));
            continue;
          }
          const uri = this.queue.shift()!;
          this.queued.delete(uri);
          this.processOne(uri);
        }
        this.reportProgress();
        await yieldToLoop();
      }
      while (this.inflight > 0) await new Promise<void>((r) => (this.slotFreed = r));
    } catch (e) {
      this.session.log(`indexing failed: ${(e as Error)?.stack ?? e}`);
    } finally {
      this.draining = false;
      this.reportProgress();
      this.progress?.end();
      if (this.queue.length > 0) void this.drain();
      else for (const w of this.idleWaiters.splice(0)) w();
    }
  }

  private reportProgress(): void {
    const p = this.progress;
    if (!p) return;
    p.done = Math.max(p.done, p.total - this.queue.length - this.inflight);
    p.report(p.done, p.total);
  }

  /** Read one file; summarize it from the cache, in a worker, or here. */
  private processOne(uri: string): void {
    const gen = this.gen.get(uri) ?? 0;
    if (this.isOpen(uri)) return; // the editor's analysis is in the index already
    const file = this.paths.get(uri) ?? URI.parse(uri).fsPath;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.session.index.delete(uri); // gone before we got to it
      return;
    }
    // Human labels (a .ann or sidecar beside the article) change the summary but not the
    // text: such files bypass the content-hash cache and get the overlay laid here.
    const annotated = !!this.session.overlay.entitiesLater && (fs.existsSync(annPathOf(file)) || fs.existsSync(sidecarPathOf(file)));
    const cache = annotated ? undefined : this.cache;
    // Unchanged size and mtime: trust the content hash recorded last time, skip reading.
    const known = cache?.hashForStat(file, stat.size, stat.mtimeMs);
    const fromStat = known ? cache?.get(known, uri) : undefined;
    if (known && fromStat) {
      this.stats.cacheHits++;
      this.accept(uri, gen, known, fromStat);
      return;
    }
    const bytes = readArticleBytes(file);
    const read = bytes.ok ? decodeArticle(bytes.bytes) : bytes;
    if (!read.ok) {
      // Gone, or now a folder / binary / too large: what the index held for it is stale.
      this.session.index.delete(uri);
      if (read.reason !== 'no such file') {
        this.stats.failed++;
        this.session.log(`not indexed: ${file}: ${read.reason}`);
      }
      return;
    }
    const hash = read.validUtf8 && bytes.ok ? contentHashOfUtf8(bytes.bytes) : contentHash(read.text);
    // A file modified within the last seconds may change again within the same mtime tick.
    if (Date.now() - stat.mtimeMs > RACY_MS) cache?.recordStat(file, stat.size, stat.mtimeMs, hash);
    const cached = cache?.get(hash, uri);
    if (cached) {
      this.stats.cacheHits++;
      this.accept(uri, gen, hash, cached);
      return;
    }
    this.stats.analysed++;
    if (this.pool?.available) {
      this.inflight++;
      void this.pool.run(uri, read.text, this.session.encoding, annotated ? 'analysis' : 'summary').then((r) => {
        this.inflight--;
        // A worker that failed (or died) leaves the file to the in-process path.
        const summary = r?.summary ?? this.summarizeHere(uri, read.text, annotated, r?.analysis);
        this.accept(uri, gen, annotated ? undefined : hash, summary);
        const wake = this.slotFreed;
        this.slotFreed = undefined;
        wake?.();
      });
      return;
    }
    this.accept(uri, gen, annotated ? undefined : hash, this.summarizeHere(uri, read.text, annotated));
  }

  /** Summarize in this thread: the engine alone, or with the annotation overlay laid over it. */
  private summarizeHere(uri: string, text: string, annotated: boolean, analysis?: Analysis): FileSummary | null {
    try {
      if (!annotated) return summarizeText(uri, text, this.session.encoding);
      return this.session.summaryOf(this.session.buildView(uri, 0, text, analysis));
    } catch (e) {
      this.stats.failed++;
      this.session.log(`not indexed: ${uri}: ${(e as Error)?.stack ?? e}`);
      return null;
    }
  }

  /** Put a disk result in the index unless it went stale meanwhile; cache it when it has a content hash. */
  private accept(uri: string, gen: number, hash: string | undefined, summary: FileSummary | null): void {
    if (!summary || this.stopped) return;
    if (this.gen.get(uri) !== gen || this.isOpen(uri)) return; // a newer event or an editor won
    summary.uri = uri;
    this.session.index.set(summary);
    if (hash === undefined) {
      this.hashes.delete(uri);
      return;
    }
    this.hashes.set(uri, hash);
    this.cache?.put(hash, summary);
  }

  /** workspace/didChangeWatchedFiles. */
  onWatchedFiles(params: { changes: ReadonlyArray<{ uri: string; type: number }> }): void {
    for (const change of params.changes) {
      const uri = canonicalUri(change.uri);
      if (change.type === FileChangeType.Deleted) {
        this.bump(uri);
        if (!this.isOpen(uri)) this.session.index.delete(uri);
        this.hashes.delete(uri);
        // A deleted folder: everything indexed under it goes too.
        for (const gone of this.session.index.deleteUnder(uri)) this.hashes.delete(gone);
      } else if (this.session.isArticle(uri)) {
        this.enqueue(uri);
      }
    }
  }

  /** The glob patterns to watch: every folder's `files` globs, and deletes of anything (folders). */
  private watcherList(): FileSystemWatcher[] {
    const relative = !!this.session.clientCapabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport;
    const out: FileSystemWatcher[] = [];
    if (relative && this.session.workspaceFolders.length > 0) {
      this.session.workspaceFolders.forEach((folder) => {
        for (const g of this.globsOf(folder)) out.push({ globPattern: { baseUri: folder, pattern: g } });
        out.push({ globPattern: { baseUri: folder, pattern: '**/*' }, kind: WatchKind.Delete });
      });
    } else {
      const globs = new Set(this.session.workspaceFolders.flatMap((f) => this.globsOf(f)).concat(this.session.settings.files));
      for (const g of globs) out.push({ globPattern: g });
      out.push({ globPattern: '**/*', kind: WatchKind.Delete });
    }
    return out;
  }

  private globsOf(folder: string): string[] {
    return this.session.folderFiles(folder);
  }

  private async registerWatchers(): Promise<void> {
    if (!this.session.clientCapabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    const list = this.watcherList();
    const key = JSON.stringify(list);
    if (key === this.watchedGlobs) return;
    this.watchedGlobs = key;
    this.watchers?.dispose();
    this.watchers = await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: list });
  }

  /** Settings changed: when the article globs changed, re-register watchers and rescan. */
  private async onSettings(): Promise<void> {
    if (!this.started || this.stopped) return;
    await this.registerWatchers();
    const globs = this.globKey();
    if (globs !== this.lastGlobs) {
      this.lastGlobs = globs;
      await this.scan();
    }
  }

  private globKey(): string {
    return JSON.stringify([this.session.settings.files, ...this.session.workspaceFolders.map((f) => this.globsOf(f))]);
  }
}
