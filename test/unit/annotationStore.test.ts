/**
 * The annotation store on disk shared by two windows (issue 9), at unit level: two
 * AnnotationFiles instances stand for two server processes on one article. A change set
 * computed on a stale copy is re-applied onto the other window's version; one whose target
 * the other window removed is reported as a conflict, never silently resurrected; a lock
 * left by a dead process does not block writing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { AnnotationFiles, lockPathOf } from '../../server/src/annotationFiles';
import { labelSpan, removeSpan } from '../../server/src/core/annotationOps';
import { parseAnn } from '../../server/src/core/bratStandoff';
import { withFileLock } from '../../server/src/fileLock';

const TEXT = 'Bí thư Tỉnh ủy Nguyễn Văn Hùng làm việc tại Quảng Ninh.\n';
const stamp = { by: 't', at: '2024-01-01T00:00:00.000Z' };

function setup(): { dir: string; file: string; uri: string; ann: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
  const file = path.join(dir, 'bai.txt');
  fs.writeFileSync(file, TEXT);
  const ann = path.join(dir, 'bai.ann');
  fs.writeFileSync(ann, 'T1\tPER 15 30\tNguyễn Văn Hùng\n');
  return { dir, file, uri: URI.file(file).toString(), ann };
}

test('a relabel computed on a stale copy, whose target the other window removed, is a conflict; the removal stands', () => {
  const { uri, ann } = setup();
  const a = new AnnotationFiles(() => {});
  const b = new AnnotationFiles(() => {});
  const staleB = b.get(uri, TEXT);
  // B prepares a relabel of T1 from what it shows...
  const relabel = labelSpan({ text: TEXT, detected: [], ann: staleB.doc, sidecar: staleB.sidecar }, { start: 15, end: 30 }, 'TITLE');
  assert.equal(relabel[0].kind, 'relabel');
  // ...meanwhile A removes it.
  const sa = a.get(uri, TEXT);
  assert.equal(a.apply(uri, TEXT, removeSpan({ text: TEXT, detected: [], ann: sa.doc, sidecar: sa.sidecar }, { start: 15, end: 30 }), stamp).applied.length, 1);
  const out = b.apply(uri, TEXT, relabel, stamp);
  assert.equal(out.conflicts.length, 1);
  assert.equal(out.applied.length, 0);
  assert.equal(out.merged, true);
  assert.deepEqual(parseAnn(fs.readFileSync(ann, 'utf8'), { text: TEXT }).entities, [], 'T1 is not brought back');
});

test('a lock left by a process that died is taken over; a live holder makes the write wait, then report busy', () => {
  const { file, uri, ann } = setup();
  const lock = lockPathOf(file);
  fs.writeFileSync(lock, '999999999'); // no such process
  const a = new AnnotationFiles(() => {});
  const out = a.apply(uri, TEXT, [{ kind: 'add', label: 'LOC', start: 44, end: 54, text: 'Quảng Ninh', source: 'manual' }], stamp);
  assert.equal(out.applied.length, 1, out.refused);
  assert.ok(!fs.existsSync(lock), 'released after the write');
  assert.equal(parseAnn(fs.readFileSync(ann, 'utf8'), { text: TEXT }).entities.length, 2);
  // Held by a live process (our parent stands in for another window): busy after the timeout, nothing written.
  fs.writeFileSync(lock, String(process.ppid));
  const held = withFileLock(lock, () => 'written', 50);
  assert.equal(held.ok, false);
  assert.match(held.ok ? '' : held.reason, /another window/);
  fs.rmSync(lock);
});
