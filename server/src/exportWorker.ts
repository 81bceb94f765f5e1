/**
 * Worker thread of dataset export (see exportWorkerPool.ts): prepares whole documents
 * with the same builder settings as the main thread and answers each batch with plain
 * data. A failure of the whole batch is reported, never thrown.
 */
import { createHash } from 'node:crypto';
import * as os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { DatasetBuilder } from './core/export/exportDataset';
import type { WordDictionary } from './core/wordSegment';
import { loadDictionary, prepareDocument } from './exportRunner';
import type { ExportSetup, WorkerReply, WorkerRequest } from './exportWorkerPool';

const setup = workerData as ExportSetup;

// Linux keeps a nice value per thread: a lower priority for this worker keeps the editor
// (the extension host runs exports too) responsive. Elsewhere it would lower the whole process.
/** Mild: the editor wins when both want the CPU, yet a busy machine does not starve the export. */
const WORKER_NICE = 5;
if (process.platform === 'linux') {
  try {
    os.setPriority(WORKER_NICE);
  } catch {
    /* not permitted: the export is only less polite */
  }
}
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
let builder: DatasetBuilder | undefined;

function make(): DatasetBuilder {
  let dictionary: WordDictionary | undefined;
  if (setup.options.tokens === 'word') dictionary = loadDictionary(setup.dictionaryFile)?.dictionary;
  return new DatasetBuilder(setup.options, { version: setup.version, sha256, dictionary }, setup.ids);
}

parentPort?.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    builder ??= make();
    const b = builder;
    reply = req.jobs.map((job) => ({ seq: job.seq, result: prepareDocument(job, b) }));
  } catch (e) {
    reply = { error: String((e as Error)?.stack ?? e) };
  }
  parentPort?.postMessage(reply);
});
