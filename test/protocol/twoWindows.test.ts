/**
 * Two windows annotating the same file (issue 9): two real server processes on one
 * folder, each with the article open. The last write must not silently discard the other's
 * labels: a write onto a file the other window changed is merged (and says so), and labels
 * fired from both windows at once all end up in the .ann (they raced and lost labels before
 * the write lock, fileLock.ts). A change computed on a stale copy whose target is gone is
 * reported as a conflict: test/unit/annotationStore.test.ts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, startServer, type TestServer } from './lspClient';
import { parseAnn } from '../../server/src/core/bratStandoff';
import { ANNOTATION_COMMANDS as C, type AnnotationResult } from '../../server/src/protocol';

const LINES = Array.from({ length: 40 }, (_, k) => `Đại biểu thứ ${k + 1} của xã Hòa Bình phát biểu tại kỳ họp.`);
const ARTICLE = LINES.join('\n') + '\n';

let dir: string;
let file: string;
let uri: string;
let a: TestServer;
let b: TestServer;

const exec = (s: TestServer, command: string, args: object) => s.conn.sendRequest('workspace/executeCommand', { command, arguments: [args] }) as Promise<AnnotationResult>;
/** Code-point span of "thứ k" (unique per line). */
const nth = (k: number) => {
  const needle = `thứ ${k} `;
  const i = ARTICLE.indexOf(needle);
  const start = [...ARTICLE.slice(0, i)].length;
  return { start, end: start + [...needle.trim()].length };
};
const annNow = () => parseAnn(fs.readFileSync(file.replace(/\.txt$/, '.ann'), 'utf8'), { text: ARTICLE });

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-two-windows-'));
  file = path.join(dir, 'ky-hop.txt');
  uri = fileUri(file);
  fs.writeFileSync(file, ARTICLE);
  [a, b] = await Promise.all([startServer({ rootPath: dir }), startServer({ rootPath: dir })]);
  for (const s of [a, b]) await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'vn-article', version: 1, text: ARTICLE } });
  // Both windows read the (absent) annotations before either writes.
  for (const s of [a, b]) await exec(s, C.status, { uri });
});

after(async () => {
  await Promise.all([a.stop(), b.stop()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('window B writes after window A: both labels are kept and B says it merged', async () => {
  const ra = await exec(a, C.label, { uri, ...nth(1), label: 'DATE' });
  const rb = await exec(b, C.label, { uri, ...nth(2), label: 'DATE' });
  assert.equal(ra.applied, 1);
  assert.equal(rb.applied, 1);
  assert.equal(rb.merged, true, 'B noticed A had written');
  assert.deepEqual(annNow().entities.map((e) => e.text).sort(), ['thứ 1', 'thứ 2']);
});

test('window B acts on a span window A just removed: B reloads first, so its explicit label goes on top of A\'s version, reported as merged', async () => {
  const one = nth(1);
  await exec(b, C.status, { uri }); // B has read the file with "thứ 1"
  const removed = await exec(a, C.remove, { uri, ...one });
  assert.ok(removed.applied >= 1);
  // B, whose screen still shows "thứ 1" as DATE, labels it ORG.
  const rb = await exec(b, C.label, { uri, ...one, label: 'ORG' });
  assert.equal(rb.applied, 1);
  assert.equal(rb.merged, true, 'B says it worked on top of another window\'s change');
  const doc = annNow();
  assert.deepEqual(doc.entities.filter((e) => e.text === 'thứ 1').map((e) => e.label), ['ORG'], 'one label, the one B chose; A\'s DATE is not resurrected');
  assert.ok(doc.entities.some((e) => e.text === 'thứ 2'), "A's other label is untouched");
});

test('two-window-race: labels fired from both windows at the same time all end up in the .ann', async () => {
  const ks = Array.from({ length: 36 }, (_, i) => i + 4);
  const results = await Promise.all(ks.map((k) => exec(k % 2 ? a : b, C.label, { uri, ...nth(k), label: 'DATE' })));
  assert.ok(results.every((r) => r.ok && r.applied === 1), JSON.stringify(results.filter((r) => !r.ok || r.applied !== 1)));
  const texts = new Set(annNow().entities.map((e) => e.text));
  const missing = ks.filter((k) => !texts.has(`thứ ${k}`));
  assert.deepEqual(missing, [], 'no label lost to a concurrent write');
  assert.deepEqual(annNow().problems, []);
});
