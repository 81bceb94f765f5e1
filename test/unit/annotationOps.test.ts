import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnn, serializeAnn } from '../../server/src/core/bratStandoff';
import { emptySidecar } from '../../server/src/core/annotationSidecar';
import {
  acceptAll,
  acceptDetection,
  applyChanges,
  effectiveOf,
  findMentions,
  identicalMentions,
  labelSpan,
  markContent,
  rejectDetection,
  removeSpan,
  setReviewed,
  type ArticleState,
} from '../../server/src/core/annotationOps';
import type { Entity, EntityLabel } from '../../server/src/core/types';

const TEXT = [
  'Sáng 5/3, Tỉnh ủy Quảng Ninh họp dưới sự chủ trì của ông Nguyễn Xuân Ký.',
  'Ông Nguyễn Xuân  Ký nhấn mạnh vai trò của Tỉnh uỷ Quảng Ninh; tỉnh ủy Quảng Ninh cần đổi mới.',
  'Đoàn công tác của Quảng Ninh-Hải Phòng và Quảng Ninhxx không liên quan.',
].join('\n');
const STAMP = { by: 'lan', at: '2024-01-01T00:00:00.000Z' };
const find = (s: string, n = 0) => {
  let i = -1;
  for (let k = 0; k <= n; k++) i = TEXT.indexOf(s, i + 1);
  assert.ok(i >= 0, s);
  return { start: i, end: i + s.length, text: s };
};
const det = (label: EntityLabel, s: string, value?: string): Entity => ({ label, ...find(s), nested: false, ...(value ? { value } : {}) });

function state(ann = ''): ArticleState {
  return {
    text: TEXT,
    detected: [det('DATE', 'Sáng 5/3', 'XXXX-03-05'), det('ORG', 'Tỉnh ủy Quảng Ninh'), det('PER', 'ông Nguyễn Xuân Ký')],
    ann: parseAnn(ann, { text: TEXT }),
    sidecar: emptySidecar(),
  };
}
const apply = (s: ArticleState, changes: ReturnType<typeof labelSpan>) => applyChanges(s.ann, s.sidecar, changes, STAMP);

test('label a selection: a T line with the covered text, provenance recorded', () => {
  const s = state();
  const r = apply(s, labelSpan(s, find('Nguyễn Xuân Ký'), 'PER'));
  assert.equal(r.applied.length, 1);
  assert.equal(serializeAnn(s.ann), `T1\tPER ${find('Nguyễn Xuân Ký').start} ${find('Nguyễn Xuân Ký').end}\tNguyễn Xuân Ký\n`);
  assert.equal(s.sidecar.provenance.T1.source, 'manual');
  assert.deepEqual(labelSpan(s, find('Nguyễn Xuân Ký'), 'PER'), [], 'labelling twice changes nothing');
  // The human span corrects the detection's boundary: "ông …" disappears from the effective view.
  assert.deepEqual(effectiveOf(s).filter((e) => e.label === 'PER').map((e) => [e.source, e.text]), [['human', 'Nguyễn Xuân Ký']]);
});

test('empty or whitespace selections are not labelled', () => {
  assert.deepEqual(labelSpan(state(), { start: 3, end: 3 }, 'PER'), []);
  assert.deepEqual(labelSpan(state(), { start: 8, end: 10 }, 'PER'), [], '", " is not a mention');
  const padded = find(' Nguyễn Xuân Ký.');
  const c = labelSpan(state(), { start: padded.start, end: padded.end - 1 }, 'PER')[0];
  assert.deepEqual(c.kind === 'add' && [c.start, c.text], [padded.start + 1, 'Nguyễn Xuân Ký'], 'edge whitespace trimmed');
});

test('relabel a human span keeps its id and drops a note that belonged to the old label', () => {
  const s = state();
  const span = find('Sáng 5/3');
  apply(s, acceptDetection(s, { label: 'DATE', ...span }));
  assert.equal(s.ann.entities[0].note, 'XXXX-03-05');
  assert.equal(s.sidecar.provenance.T1.source, 'accepted');
  const changes = labelSpan(s, span, 'ORG');
  assert.equal(changes[0].kind, 'relabel');
  apply(s, changes);
  assert.deepEqual([s.ann.entities[0].id, s.ann.entities[0].label, s.ann.entities[0].note], ['T1', 'ORG', undefined]);
});

test('reject hides a detection; labelling the same span again lifts the rejection', () => {
  const s = state();
  const org = find('Tỉnh ủy Quảng Ninh');
  apply(s, rejectDetection(s, { label: 'ORG', ...org }));
  assert.ok(!effectiveOf(s).some((e) => e.label === 'ORG'));
  assert.deepEqual(rejectDetection(s, { label: 'ORG', ...org }), [], 'rejecting twice changes nothing');
  apply(s, labelSpan(s, org, 'ORG'));
  assert.equal(s.sidecar.rejected.length, 0);
  assert.equal(effectiveOf(s).find((e) => e.label === 'ORG')?.source, 'human');
});

test('remove deletes the human span and rejects the detection under it, so nothing reappears', () => {
  const s = state();
  const org = find('Tỉnh ủy Quảng Ninh');
  apply(s, labelSpan(s, org, 'ORG'));
  apply(s, removeSpan(s, org));
  assert.equal(s.ann.entities.length, 0);
  assert.equal(s.sidecar.provenance.T1, undefined);
  assert.ok(!effectiveOf(s).some((e) => e.start === org.start && e.end === org.end));
});

test('accept all (of a label or everything) turns the shown detections into human spans', () => {
  const s = state();
  apply(s, acceptAll(s, 'DATE'));
  assert.deepEqual(s.ann.entities.map((e) => e.label), ['DATE']);
  apply(s, acceptAll(s));
  assert.deepEqual(s.ann.entities.map((e) => e.label), ['DATE', 'ORG', 'PER']);
  assert.ok(effectiveOf(s).every((e) => e.source === 'human'));
  assert.deepEqual(acceptAll(s), []);
});

test('mentions match under the normalized key: tone placement, case, whitespace; whole words only', () => {
  const hits = findMentions(TEXT, 'Tỉnh ủy Quảng Ninh').map((m) => m.text);
  assert.deepEqual(hits, ['Tỉnh ủy Quảng Ninh', 'Tỉnh uỷ Quảng Ninh', 'tỉnh ủy Quảng Ninh']);
  assert.deepEqual(findMentions(TEXT, 'Nguyễn Xuân Ký').map((m) => m.text), ['Nguyễn Xuân Ký', 'Nguyễn Xuân  Ký']);
  // "Quảng Ninh-Hải Phòng" is a match (hyphen is a boundary), "Quảng Ninhxx" is not.
  assert.deepEqual(findMentions(TEXT, 'Quảng Ninh').map((m) => m.start), [0, 1, 2, 3].map((n) => find('Quảng Ninh', n).start));
  assert.deepEqual(findMentions('Hà Nội', '   '), []);
});

test('label every identical mention: preview lists the others with the change each needs', () => {
  const s = state();
  const first = find('Tỉnh ủy Quảng Ninh');
  apply(s, labelSpan(s, first, 'ORG'));
  const occ = identicalMentions(s, first, 'ORG');
  assert.deepEqual(occ.map((o) => [o.text, o.exactCase, o.change.kind]), [
    ['Tỉnh uỷ Quảng Ninh', false, 'add'],
    ['tỉnh ủy Quảng Ninh', false, 'add'],
  ]);
  apply(s, occ.map((o) => o.change));
  assert.equal(s.ann.entities.length, 3);
  assert.ok(Object.values(s.sidecar.provenance).some((p) => p.source === 'bulk'));
  assert.deepEqual(identicalMentions(s, first, 'ORG'), [], 'nothing left to do');
});

test('label every identical mention skips occurrences crossing a human span and relabels same-extent ones', () => {
  const s = state();
  const q2 = find('Quảng Ninh', 1);
  const crossing = { start: q2.start - 3, end: q2.start + 5 };
  apply(s, labelSpan(s, crossing, 'PER'));
  const q3 = find('Quảng Ninh', 2);
  apply(s, labelSpan(s, q3, 'ORG'));
  const occ = identicalMentions(s, find('Quảng Ninh'), 'LOC');
  assert.ok(!occ.some((o) => o.start === q2.start), 'crossing occurrence skipped');
  assert.equal(occ.find((o) => o.start === q3.start)?.change.kind, 'relabel');
});

test('changes computed on an old copy land by label and extent after another window renumbered the file', () => {
  const s = state();
  const org = find('Tỉnh ủy Quảng Ninh');
  apply(s, labelSpan(s, org, 'ORG'));
  const removal = removeSpan(s, org);
  // Another window rewrote the file: same span, different id, plus its own label.
  const theirs = state(`T7\tPER 1 4\táng\nT9\tORG ${org.start} ${org.end}\tTỉnh ủy Quảng Ninh\n`);
  const r = apply(theirs, removal);
  assert.equal(r.conflicts.length, 0);
  assert.deepEqual(theirs.ann.entities.map((e) => e.id), ['T7']);
  // Relabelling a span the other window deleted is a conflict, reported, not applied.
  const gone = apply(state(), [{ kind: 'relabel', id: 'T1', from: 'ORG', label: 'LOC', ...org }]);
  assert.equal(gone.conflicts.length, 1);
});

test('new ids never reuse one a relation still mentions', () => {
  const s = state('T1\tDATE 0 8\tSáng 5/3\nR1\tRel Arg1:T1 Arg2:T5\n');
  apply(s, labelSpan(s, find('Nguyễn Xuân Ký'), 'PER'));
  assert.equal(s.ann.entities[1].id, 'T6');
});

test('review and content decisions go to the sidecar only', () => {
  const s = state();
  apply(s, [...setReviewed(true), ...markContent(s, { start: 0, end: 20 }, 'related')]);
  assert.deepEqual(s.sidecar.reviewed, STAMP);
  assert.equal(s.sidecar.content[0].text, TEXT.slice(0, 20));
  assert.deepEqual(markContent(s, { start: 0, end: 20 }, 'related'), []);
  assert.equal(serializeAnn(s.ann), '');
  apply(s, setReviewed(false));
  assert.equal(s.sidecar.reviewed, null);
});
