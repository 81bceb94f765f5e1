/**
 * Worker thread for the initial workspace index: analyses article texts the main thread
 * read and hashed, and answers with compact summaries (the Int32Arrays are transferred,
 * not copied). Tasks arrive in batches and are answered in one message per batch. No file
 * access and no protocol here: text in, summary out.
 */
import * as os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { analyze } from './core/analyzer';
import { summarize } from './core/corpusIndex';
import type { Analysis } from './core/types';
import { PositionMapper, type PositionEncoding } from './positions';

export interface IndexTask {
  id: number;
  uri: string;
  text: string;
  encoding: PositionEncoding;
  /** `summary`: the finished index summary; `analysis`: the engine's result only (the main thread lays human labels over it). */
  mode: 'summary' | 'analysis';
}

/** One message from the pool: several articles. */
export interface IndexBatch {
  tasks: IndexTask[];
}

export type IndexReply =
  | { id: number; ok: true; summary?: ReturnType<typeof summarize>; analysis?: Analysis }
  | { id: number; ok: false; error: string };

/** Summarize one article exactly as the main thread would. */
export function summarizeText(uri: string, text: string, encoding: PositionEncoding): ReturnType<typeof summarize> {
  const analysis = analyze(text);
  const positions = new PositionMapper(text, encoding);
  return summarize({
    uri,
    text,
    entities: analysis.entities,
    links: analysis.links,
    rangeOf: (s, e) => {
      const r = positions.range(s, e);
      return [r.start.line, r.start.character, r.end.line, r.end.character];
    },
  });
}

function run(task: IndexTask): IndexReply {
  try {
    return task.mode === 'analysis'
      ? { id: task.id, ok: true, analysis: analyze(task.text) }
      : { id: task.id, ok: true, summary: summarizeText(task.uri, task.text, task.encoding) };
  } catch (e) {
    return { id: task.id, ok: false, error: String((e as Error)?.stack ?? e) };
  }
}

// Linux keeps a nice value per thread: lowering this worker's leaves the server's main
// thread first in line for the CPU, so requests stay quick while the corpus is indexed.
// (Elsewhere the call would lower the whole process, so it is not made.)
/** Mild: the main thread wins when both want the CPU, yet a busy machine does not starve the index. */
const WORKER_NICE = 5;
if (parentPort && process.platform === 'linux') {
  try {
    os.setPriority(WORKER_NICE);
  } catch {
    /* not permitted: indexing still works, only less politely */
  }
}

parentPort?.on('message', (batch: IndexBatch) => {
  const replies = batch.tasks.map(run);
  const transfer: ArrayBuffer[] = [];
  for (const r of replies) if (r.ok && r.summary) transfer.push(r.summary.mentions.buffer as ArrayBuffer);
  parentPort?.postMessage(replies, transfer);
});
