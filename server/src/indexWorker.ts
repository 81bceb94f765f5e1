/**
 * Worker thread for the initial workspace index: analyses article texts the main thread
 * read and hashed, and answers with compact summaries (the Int32Array is transferred, not
 * copied). No file access and no protocol here: text in, summary out.
 */
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

parentPort?.on('message', (task: IndexTask) => {
  let reply: IndexReply;
  try {
    reply =
      task.mode === 'analysis'
        ? { id: task.id, ok: true, analysis: analyze(task.text) }
        : { id: task.id, ok: true, summary: summarizeText(task.uri, task.text, task.encoding) };
  } catch (e) {
    reply = { id: task.id, ok: false, error: String((e as Error)?.stack ?? e) };
  }
  parentPort?.postMessage(reply, reply.ok && reply.summary ? [reply.summary.mentions.buffer as ArrayBuffer] : []);
});
