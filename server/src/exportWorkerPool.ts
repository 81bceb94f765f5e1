/**
 * Worker threads for dataset export (exportWorker.ts): each prepares whole documents —
 * read, analyse, build examples, render, check — so an export of thousands of articles
 * uses every core. Jobs go out in small batches; parts come back in any order and are
 * handed to the caller strictly in job order, so the export is byte-identical to a
 * single-threaded one. A worker that fails or dies leaves its jobs to the caller's
 * in-process fallback; when no worker can start, `start` returns undefined.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocumentPart } from './core/export/exportDataset';
import type { ExportOptions } from './core/export/exportOptions';

/** Documents below which starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 24;
/** Documents per message. */
const BATCH = 4;

/** What every worker needs to prepare documents exactly as the main thread would. */
export interface ExportSetup {
  options: ExportOptions;
  version: string;
  dictionaryFile?: string;
  /** Every document id (the split needs them all). */
  ids: string[];
}

export interface ExportJob {
  file: string;
  id: string;
}

/** One document prepared: its part, or why it failed; warnings about its .ann/sidecar either way. */
export interface PreparedDocument {
  part?: DocumentPart;
  failed?: string;
  warnings: string[];
}

export interface WorkerRequest {
  jobs: Array<ExportJob & { seq: number }>;
}
export type WorkerReply = Array<{ seq: number; result: PreparedDocument }> | { error: string };

export class ExportWorkerPool {
  private constructor(private readonly workers: Worker[]) {}

  static start(setup: ExportSetup, script = path.join(__dirname, 'exportWorker.js')): ExportWorkerPool | undefined {
    if (!fs.existsSync(script)) return undefined;
    const size = Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
    const workers: Worker[] = [];
    try {
      for (let i = 0; i < size; i++) workers.push(new Worker(script, { workerData: setup }));
    } catch {
      for (const w of workers) void w.terminate();
      return undefined;
    }
    return new ExportWorkerPool(workers);
  }

  /**
   * Prepare every job, calling `apply` in job order. `fallback` prepares a job in-process
   * (jobs of a failed worker). False when cancelled.
   */
  prepare(
    jobs: readonly ExportJob[],
    apply: (job: ExportJob, r: PreparedDocument) => void,
    fallback: (job: ExportJob) => PreparedDocument,
    isCancelled?: () => boolean,
  ): Promise<boolean> {
    return new Promise((resolve) => {
      const results = new Map<number, PreparedDocument>();
      let next = 0; // next job to send
      let applied = 0; // next job to apply
      let finished = false;
      const lost = new Set<Worker>();
      const finish = (ok: boolean) => {
        if (!finished) resolve(ok);
        finished = true;
      };
      const drain = () => {
        while (results.has(applied)) {
          const r = results.get(applied)!;
          results.delete(applied);
          apply(jobs[applied], r);
          applied++;
        }
        if (applied === jobs.length) finish(true);
      };
      const feed = (w: Worker) => {
        if (finished) return;
        if (isCancelled?.()) return finish(false);
        if (next >= jobs.length) return;
        const batch: WorkerRequest['jobs'] = [];
        while (batch.length < BATCH && next < jobs.length) batch.push({ ...jobs[next], seq: next++ });
        for (const j of batch) inflightOf(w).add(j.seq);
        w.postMessage({ jobs: batch } satisfies WorkerRequest);
      };
      const inflight = new Map<Worker, Set<number>>();
      const inflightOf = (w: Worker) => {
        let set = inflight.get(w);
        if (!set) inflight.set(w, (set = new Set()));
        return set;
      };
      /** A worker failed: its jobs, and the jobs nobody else will take, are done here. */
      const fail = (w: Worker) => {
        if (finished || lost.has(w)) return;
        lost.add(w);
        for (const seq of inflight.get(w) ?? []) results.set(seq, fallback(jobs[seq]));
        inflight.delete(w);
        if (lost.size === this.workers.length) while (next < jobs.length) results.set(next, fallback(jobs[next++]));
        drain();
      };
      for (const w of this.workers) {
        w.on('message', (reply: WorkerReply) => {
          if (!Array.isArray(reply)) return fail(w);
          for (const { seq, result } of reply) {
            inflightOf(w).delete(seq);
            results.set(seq, result);
          }
          drain();
          feed(w);
        });
        w.on('error', () => fail(w));
        w.on('exit', () => fail(w));
      }
      if (jobs.length === 0) return finish(true);
      // Two batches per worker in flight keeps every core busy while results are merged.
      for (const w of this.workers) feed(w);
      for (const w of this.workers) feed(w);
    });
  }

  async dispose(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
