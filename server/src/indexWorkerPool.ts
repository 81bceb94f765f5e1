/**
 * A small pool of worker threads (indexWorker.ts) for the initial index, so analysing
 * thousands of articles neither blocks the server's event loop nor uses one core only.
 * One worker per core: the main thread only reads files, hashes them and files the
 * summaries, so it stays free for requests. Tasks go out in batches (one message for up
 * to BATCH articles, one reply with their summaries, mention buffers transferred), which
 * keeps messaging overhead low for thousands of small articles. When workers cannot start
 * (no bundle beside the server, restricted runtime) the pool reports `available = false`
 * and the indexer analyses in-process, in chunks.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileSummary } from './core/corpusIndex';
import type { Analysis } from './core/types';

import type { IndexBatch, IndexReply, IndexTask } from './indexWorker';
import type { PositionEncoding } from './positions';
import type { Logger } from './runner';

/** What a worker sends back: a summary, or the analysis when asked for it. */
export interface Done {
  summary?: FileSummary;
  analysis?: Analysis;
}

/** Articles per message to a worker (and texts held by it at once). */
export const BATCH = 8;
/** Texts per batch beyond which no more are added (a few huge articles go alone). */
const BATCH_CHARS = 256 * 1024;

type Resolve = (r: Done | null) => void;

export class IndexWorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<{ task: IndexTask; resolve: Resolve }> = [];
  private readonly running = new Map<number, Resolve>();
  private readonly tasksOf = new Map<Worker, number[]>();
  private nextId = 1;

  constructor(
    private readonly log: Logger,
    // One per core (at most four): the main thread does little besides reading files.
    size = Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length)),
    script = path.join(__dirname, 'indexWorker.js'),
  ) {
    if (!fs.existsSync(script)) return;
    for (let i = 0; i < size; i++) {
      try {
        const w = new Worker(script);
        w.unref();
        w.on('message', (r: IndexReply[]) => this.done(w, r));
        w.on('error', (e) => this.log(`index worker failed: ${e.stack ?? e}`));
        w.on('exit', () => this.lost(w));
        this.workers.push(w);
        this.idle.push(w);
      } catch (e) {
        this.log(`index worker could not start: ${(e as Error).message}`);
        break;
      }
    }
  }

  get available(): boolean {
    return this.workers.length > 0;
  }

  get size(): number {
    return this.workers.length;
  }

  /** Summarize (or only analyse) a text in a worker; null when it failed there (logged). */
  run(uri: string, text: string, encoding: PositionEncoding, mode: IndexTask['mode']): Promise<Done | null> {
    return new Promise((resolve) => {
      this.waiting.push({ task: { id: this.nextId++, uri, text, encoding, mode }, resolve });
      // Filled on the next turn of the event loop, so tasks queued together travel together.
      if (this.waiting.length === 1) queueMicrotask(() => this.dispatch());
    });
  }

  /** Hand waiting tasks to idle workers, a batch each. */
  private dispatch(): void {
    while (this.waiting.length > 0) {
      const w = this.idle.pop();
      if (!w) return;
      // Share the queue fairly when it is short, so every idle worker gets some.
      const share = Math.max(1, Math.min(BATCH, Math.ceil(this.waiting.length / (this.idle.length + 1))));
      const batch: IndexTask[] = [];
      let chars = 0;
      while (batch.length < share && this.waiting.length > 0 && (batch.length === 0 || chars + this.waiting[0].task.text.length <= BATCH_CHARS)) {
        const { task, resolve } = this.waiting.shift()!;
        chars += task.text.length;
        batch.push(task);
        this.running.set(task.id, resolve);
      }
      this.tasksOf.set(w, batch.map((t) => t.id));
      const message: IndexBatch = { tasks: batch };
      w.postMessage(message);
    }
  }

  private done(w: Worker, replies: IndexReply[]): void {
    this.tasksOf.delete(w);
    for (const r of replies) {
      const resolve = this.running.get(r.id);
      this.running.delete(r.id);
      if (!r.ok) this.log(`index worker: ${r.error}`);
      resolve?.(r.ok ? { summary: r.summary, analysis: r.analysis } : null);
    }
    this.idle.push(w);
    this.dispatch();
  }

  /** A worker died: fail its tasks, and hand the queue back to the caller when none is left. */
  private lost(w: Worker): void {
    for (const id of this.tasksOf.get(w) ?? []) {
      this.running.get(id)?.(null);
      this.running.delete(id);
    }
    this.tasksOf.delete(w);
    const i = this.workers.indexOf(w);
    if (i >= 0) this.workers.splice(i, 1);
    const j = this.idle.indexOf(w);
    if (j >= 0) this.idle.splice(j, 1);
    if (this.workers.length === 0) for (const { resolve } of this.waiting.splice(0)) resolve(null);
  }

  async dispose(): Promise<void> {
    for (const { resolve } of this.waiting.splice(0)) resolve(null);
    for (const resolve of this.running.values()) resolve(null);
    this.running.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
    this.idle.length = 0;
  }
}
