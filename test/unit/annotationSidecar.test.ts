import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptySidecar, isEmptySidecar, parseSidecar, serializeSidecar } from '../../server/src/core/annotationSidecar';

test('an empty or missing sidecar reads as empty', () => {
  assert.ok(isEmptySidecar(parseSidecar('').sidecar));
  assert.deepEqual(parseSidecar('  \n').problems, []);
});

test('round trip: written, read back, written again gives the same bytes; lists sorted', () => {
  const s = emptySidecar();
  s.reviewed = { by: 'lan', at: '2024-05-02T09:12:00.000Z' };
  s.rejected.push({ label: 'ORG', start: 120, end: 127, text: 'Đảng bộ', by: 'lan', at: 't' }, { label: 'LOC', start: 5, end: 9, text: 'Ninh' });
  s.content.push({ start: 900, end: 960, category: 'related', text: 'Tin liên quan' });
  s.provenance.T10 = { source: 'bulk' };
  s.provenance.T2 = { source: 'accepted', by: 'lan', at: 't' };
  const json = serializeSidecar(s);
  const back = parseSidecar(json);
  assert.deepEqual(back.problems, []);
  assert.equal(serializeSidecar(back.sidecar), json);
  assert.deepEqual(back.sidecar.rejected.map((r) => r.start), [5, 120]);
  assert.deepEqual(Object.keys(JSON.parse(json).provenance), ['T2', 'T10']);
  assert.equal(JSON.parse(json).format, 'vn-corpus-sidecar');
});

test('unknown keys survive a rewrite', () => {
  const { sidecar } = parseSidecar('{"version":1,"reviewed":null,"comments":[{"text":"xem lại"}]}');
  assert.deepEqual(JSON.parse(serializeSidecar(sidecar)).comments, [{ text: 'xem lại' }]);
});

test('bad JSON and bad entries are reported, good entries kept', () => {
  assert.match(parseSidecar('{"reviewed": ').problems[0].message, /not valid JSON/);
  assert.match(parseSidecar('[1,2]').problems[0].message, /object/);
  const r = parseSidecar('{"rejected":[{"label":"PER","start":1,"end":3,"text":"ab"},{"label":"PER","start":5,"end":2,"text":"x"},7],"reviewed":"yes","provenance":{"T1":{"source":"robot"}}}');
  assert.equal(r.sidecar.rejected.length, 1);
  assert.deepEqual(r.problems.map((p) => p.message), ['"reviewed" must be {by, at} or null', '"rejected" entry 2 is not understood', '"rejected" entry 3 is not understood', 'provenance of T1 is not understood']);
});
