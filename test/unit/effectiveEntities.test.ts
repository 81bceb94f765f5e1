import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnnEntity } from '../../server/src/core/bratStandoff';
import { effectiveBoilerplate, effectiveEntities, noteOf, parseNote, primaryLayer } from '../../server/src/core/effectiveEntities';
import type { Entity, EntityLabel } from '../../server/src/core/types';

// "Bí thư Tỉnh ủy Quảng Ninh Nguyễn Văn Hùng ..." with offsets into this string.
const S = 'Bí thư Tỉnh ủy Quảng Ninh ông Nguyễn Văn Hùng dự Hội nghị.';
const at = (text: string, from = 0) => {
  const start = S.indexOf(text, from);
  assert.ok(start >= 0, text);
  return { start, end: start + text.length, text };
};
const det = (label: EntityLabel, text: string, nested = false): Entity => ({ label, ...at(text), nested });
const human = (id: string, label: string, text: string, note?: string): AnnEntity => {
  const s = at(text);
  return { id, label, ...s, fragments: [[s.start, s.end]], note };
};
const show = (list: ReturnType<typeof effectiveEntities>) => list.map((e) => `${e.source[0]}:${e.label}:${e.text}${e.nested ? ':n' : ''}`);

const DETECTED = [
  det('TITLE', 'Bí thư Tỉnh ủy Quảng Ninh'),
  det('ORG', 'Tỉnh ủy Quảng Ninh', true),
  det('LOC', 'Quảng Ninh', true),
  det('PER', 'ông Nguyễn Văn Hùng'),
];

test('with no human spans and no rejections, detections pass through with their layers', () => {
  assert.deepEqual(show(effectiveEntities({ detected: DETECTED, human: [] })), [
    'd:TITLE:Bí thư Tỉnh ủy Quảng Ninh',
    'd:ORG:Tỉnh ủy Quảng Ninh:n',
    'd:LOC:Quảng Ninh:n',
    'd:PER:ông Nguyễn Văn Hùng',
  ]);
});

test('a rejected detection disappears; what it contained moves up to the primary layer', () => {
  const out = effectiveEntities({ detected: DETECTED, human: [], rejected: [{ label: 'TITLE', ...at('Bí thư Tỉnh ủy Quảng Ninh') }] });
  assert.deepEqual(show(out), ['d:ORG:Tỉnh ủy Quảng Ninh', 'd:LOC:Quảng Ninh:n', 'd:PER:ông Nguyễn Văn Hùng']);
});

test('a rejection only matches its own label', () => {
  const out = effectiveEntities({ detected: DETECTED, human: [], rejected: [{ label: 'ORG', ...at('Quảng Ninh') }] });
  assert.ok(show(out).includes('d:LOC:Quảng Ninh:n'));
});

test('a human label on the same extent wins (relabel) and inherits the detected value', () => {
  const withValue = [{ ...det('ORG', 'Tỉnh ủy Quảng Ninh'), value: 'x' }];
  const out = effectiveEntities({ detected: withValue, human: [human('T1', 'LOC', 'Tỉnh ủy Quảng Ninh')] });
  assert.deepEqual(show(out), ['h:LOC:Tỉnh ủy Quảng Ninh']);
  const same = effectiveEntities({ detected: withValue, human: [human('T1', 'ORG', 'Tỉnh ủy Quảng Ninh')] });
  assert.equal(same[0].value, 'x');
  assert.equal(same[0].id, 'T1');
});

test('a detection containing a human span is dropped (boundary corrected)', () => {
  const out = effectiveEntities({ detected: DETECTED, human: [human('T1', 'PER', 'Nguyễn Văn Hùng')] });
  assert.deepEqual(show(out).slice(-1), ['h:PER:Nguyễn Văn Hùng']);
  assert.ok(!show(out).some((s) => s.includes('ông')));
});

test('a detection crossing a human span is dropped', () => {
  const out = effectiveEntities({ detected: [det('LOC', 'Quảng Ninh ông')], human: [human('T1', 'PER', 'ông Nguyễn Văn Hùng')] });
  assert.deepEqual(show(out), ['h:PER:ông Nguyễn Văn Hùng']);
});

test('detections inside a human span stay nested, except a same-label span sharing a boundary', () => {
  const out = effectiveEntities({
    detected: [det('ORG', 'Tỉnh ủy Quảng Ninh'), det('LOC', 'Quảng Ninh'), det('TITLE', 'Bí thư Tỉnh ủy')],
    human: [human('T1', 'TITLE', 'Bí thư Tỉnh ủy Quảng Ninh')],
  });
  assert.deepEqual(show(out), ['h:TITLE:Bí thư Tỉnh ủy Quảng Ninh', 'd:ORG:Tỉnh ủy Quảng Ninh:n', 'd:LOC:Quảng Ninh:n']);
});

test('overlapping human spans are all kept; the longest is primary', () => {
  const out = effectiveEntities({
    detected: [],
    human: [human('T2', 'LOC', 'Quảng Ninh'), human('T1', 'ORG', 'Tỉnh ủy Quảng Ninh'), human('T3', 'PER', 'Quảng Ninh ông')],
  });
  assert.deepEqual(show(out), ['h:ORG:Tỉnh ủy Quảng Ninh', 'h:PER:Quảng Ninh ông:n', 'h:LOC:Quảng Ninh:n']);
  assert.deepEqual(primaryLayer(out).map((e) => e.id), ['T1']);
});

test('human notes become values: DOC JSON is parsed, others stay strings', () => {
  assert.deepEqual(parseNote('DOC', '{"kind":"Nghị quyết","number":"18"}'), { kind: 'Nghị quyết', number: '18' });
  assert.equal(parseNote('DOC', '{broken'), '{broken');
  assert.equal(parseNote('DATE', '2020-09-21'), '2020-09-21');
  assert.equal(noteOf({ kind: 'Đề án', number: '25' }), '{"kind":"Đề án","number":"25"}');
  const out = effectiveEntities({ detected: [], human: [human('T1', 'PER', 'Nguyễn Văn Hùng', 'Nguyễn Văn Hùng')] });
  assert.equal(out[0].value, 'Nguyễn Văn Hùng');
});

test('human spans with labels outside the guide are ignored', () => {
  assert.deepEqual(effectiveEntities({ detected: [], human: [human('T1', 'MISC', 'Hội nghị')] }), []);
});

test('boilerplate the annotator declared content disappears; other categories stay', () => {
  const blocks = [
    { category: 'related' as const, start: 0, end: 10, text: '' },
    { category: 'ad' as const, start: 20, end: 30, text: '' },
  ];
  assert.deepEqual(effectiveBoilerplate(blocks, [{ start: 0, end: 10, category: 'related' }]).map((b) => b.category), ['ad']);
  assert.equal(effectiveBoilerplate(blocks, [{ start: 0, end: 10, category: 'ad' }]).length, 2);
  assert.equal(effectiveBoilerplate(blocks, [{ start: 0, end: 40 }]).length, 0);
});

test('2,000 human spans over 2,000 detections merge completely (timing lives in bench-annotate)', () => {
  const detected: Entity[] = [];
  const humans: AnnEntity[] = [];
  for (let i = 0; i < 2000; i++) {
    detected.push({ label: 'PER', start: i * 50, end: i * 50 + 12, text: 'x', nested: false });
    humans.push({ id: `T${i + 1}`, label: 'ORG', start: i * 50 + 20, end: i * 50 + 30, fragments: [[i * 50 + 20, i * 50 + 30]], text: 'y' });
  }
  const out = effectiveEntities({ detected, human: humans, rejected: [{ label: 'PER', start: 0, end: 12 }] });
  assert.equal(out.length, 3999);
});

test('numeric keys and key sorts give the same merge as the string-keyed reference, on random overlapping spans', async () => {
  const fc = (await import('fast-check')).default;
  const { effectiveEntitiesReference } = await import('./helpers/effectiveEntitiesReference');
  const labels = ['PER', 'TITLE', 'ORG', 'LOC', 'DATE', 'DOC', 'MISC'];
  // Small offsets make overlaps, ties and duplicates common; a few huge ones take the string-key path.
  const offset = fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 0, max: 40 }) }, { weight: 1, arbitrary: fc.constantFrom(1 << 23, (1 << 23) + 5, 2 ** 30) });
  const span = fc.tuple(fc.constantFrom(...labels), offset, fc.integer({ min: 0, max: 12 })).map(([label, start, len]) => ({ label, start, end: start + len }));
  const detected = fc.array(span, { maxLength: 30 }).map((xs) => xs.filter((x) => x.label !== 'MISC' || Math.random() < 0.1).map((x) => ({ ...x, text: `d${x.start}-${x.end}`, nested: false, value: x.label === 'DATE' ? '2020-01-01' : undefined })));
  const human = fc.array(fc.tuple(span, fc.option(fc.constantFrom('v', '{"kind":"Nghị quyết"}'), { nil: undefined })), { maxLength: 12 }).map((xs) =>
    xs.map(([x, note], i) => ({ id: `T${i + 1}`, label: x.label, start: x.start, end: x.end, fragments: [[x.start, x.end]] as Array<[number, number]>, text: `h${x.start}-${x.end}`, note })),
  );
  const rejected = fc.array(span, { maxLength: 6 });
  let compared = 0;
  fc.assert(
    fc.property(detected, human, rejected, (d, h, r) => {
      const clean = d.map((x) => (x.value === undefined ? { label: x.label, start: x.start, end: x.end, text: x.text, nested: x.nested } : x)) as Parameters<typeof effectiveEntities>[0]['detected'];
      const input = { detected: clean, human: h, rejected: r };
      assert.deepEqual(effectiveEntities(input), effectiveEntitiesReference(input));
      compared++;
    }),
    { numRuns: 3000, seed: 20261124 },
  );
  assert.equal(compared, 3000);
});
