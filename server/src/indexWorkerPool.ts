/**
 * A small pool of worker threads (indexWorker.ts) for the initial index, so analysing
 * thousands of articles neither blocks the server's event loop nor uses one core only.
 * When workers cannot start (no bundle beside the server, restricted runtime) the pool
 * reports `available = false` and the indexer analyses in-process, in chunks.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileSummary } from './core/corpusIndex';
import type { Analysis } from './core/types';

/** What a worker sends back: a summary, or the analysis when asked for it. */
export interface Done {
  summary?: FileSummary;
  analysis?: Analysis;
}
import type { IndexReply, IndexTask } from './indexWorker';
import type { PositionEncoding } from './positions';
import type { Logger } from './runner';

export class IndexWorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<{ task: IndexTask; resolve: (r: Done | null) => void }> = [];
  private readonly running = new Map<number, (r: Done | null) => void>();
  private readonly taskOf = new Map<Worker, number>();
  private nextId = 1;

  constructor(
    private readonly log: Logger,
    // One core stays free for the server's own thread and the editor: responsiveness first.
    size = Math.max(1, Math.min(4, (os.availableParallelism?.() ?? os.cpus().length) - 1)),
    script = path.join(__dirname, 'indexWorker.js'),
  ) {
    if (!fs.existsSync(script)) return;
    for (let i = 0; i < size; i++) {
      try {
        const w = new Worker(script);
        w.unref();
        w.on('message', (r: IndexReply) => this.done(w, r));
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
      const task: IndexTask = { id: this.nextId++, uri, text, encoding, mode };
      const w = this.idle.pop();
      if (w) this.send(w, task, resolve);
      else this.waiting.push({ task, resolve });
    });
  }

  private send(w: Worker, task: IndexTask, resolve: (r: Done | null) => void): void {
    this.running.set(task.id, resolve);
    this.taskOf.set(w, task.id);
    w.postMessage(task);
  }

  private done(w: Worker, r: IndexReply): void {
    const resolve = this.running.get(r.id);
    this.running.delete(r.id);
    this.taskOf.delete(w);
    if (!r.ok) this.log(`index worker: ${r.error}`);
    resolve?.(r.ok ? { summary: r.summary, analysis: r.analysis } : null);
    const next = this.waiting.shift();
    if (next) this.send(w, next.task, next.resolve);
    else this.idle.push(w);
  }

  /** A worker died: fail its task, and hand the queue back to the caller when none is left. */
  private lost(w: Worker): void {
    const id = this.taskOf.get(w);
    this.taskOf.delete(w);
    if (id !== undefined) {
      this.running.get(id)?.(null);
      this.running.delete(id);
    }
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
