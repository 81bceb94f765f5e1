import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Candidate } from '../../server/src/core/candidates';
import { resolveLayers } from '../../server/src/core/layers';
import type { EntityLabel } from '../../server/src/core/types';

/** The straightforward implementation resolveLayers replaced, kept as its specification. */
function referenceLayers(cands: readonly Candidate[]): Array<Candidate & { nested: boolean }> {
  const index: Record<string, number> = { PER: 0, TITLE: 1, ORG: 2, LOC: 3, DATE: 4, DOC: 5 };
  const seen = new Map<number | string, Candidate>();
  for (const c of cands) {
    if (c.end <= c.start) continue;
    const len = c.end - c.start;
    const key = len < 2 ** 22 && c.start < 2 ** 28 ? (c.start * 2 ** 22 + len) * 8 + (index[c.label] ?? 7) : `${c.label}:${c.start}:${c.end}`;
    const prev = seen.get(key);
    if (!prev || (c.priority ?? 0) > (prev.priority ?? 0) || (prev.value === undefined && c.value !== undefined)) seen.set(key, c);
  }
  const unique = [...seen.values()];
  const byStrength = [...unique].sort((a, b) => b.end - b.start - (a.end - a.start) || (b.priority ?? 0) - (a.priority ?? 0) || a.start - b.start);
  let limit = 0;
  for (const c of unique) if (c.end > limit) limit = c.end;
  const owner = new Int32Array(limit + 1).fill(-1);
  const primary: Candidate[] = [];
  const rest: Candidate[] = [];
  for (const c of byStrength) {
    let free = true;
    for (let k = c.start; k < c.end && free; k++) free = owner[k] < 0;
    if (!free) {
      rest.push(c);
      continue;
    }
    owner.fill(primary.length, c.start, c.end);
    primary.push(c);
  }
  const out = [...primary].sort((a, b) => a.start - b.start).map((c) => ({ ...c, nested: false }));
  const longestAt = new Map<number, number>();
  const keyOf = (c: Candidate) => c.start * 8 + (index[c.label] ?? 7);
  const keep = (c: Candidate) => longestAt.set(keyOf(c), Math.max(c.end, longestAt.get(keyOf(c)) ?? 0));
  primary.forEach(keep);
  for (const c of rest) {
    const o = owner[c.start];
    const p = o >= 0 ? primary[o] : undefined;
    if (!p || !(p.start <= c.start && c.end <= p.end) || (p.start === c.start && p.end === c.end)) continue;
    if ((longestAt.get(keyOf(c)) ?? 0) > c.end) continue;
    keep(c);
    out.push({ ...c, nested: true });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end || Number(a.nested) - Number(b.nested));
}

const fields = (c: Candidate & { nested: boolean }) => ({ label: c.label, start: c.start, end: c.end, value: c.value, yearSource: c.yearSource, priority: c.priority, nested: c.nested });

test('the primary layer takes the longest span; a same-label prefix is not nested', () => {
  const text = 'Tỉnh ủy Quảng Ninh';
  const out = resolveLayers([
    { label: 'ORG', start: 0, end: 7 },
    { label: 'ORG', start: 0, end: text.length },
    { label: 'LOC', start: 8, end: text.length },
  ]);
  assert.deepEqual(out.map((c) => [c.label, text.slice(c.start, c.end), c.nested]), [['ORG', text, false], ['LOC', 'Quảng Ninh', true]]);
});

test('random candidate sets give the reference layers, in the same order', () => {
  const labels: string[] = ['PER', 'TITLE', 'ORG', 'LOC', 'DATE', 'DOC', 'X', 'Y'];
  let seed = 7;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  for (let round = 0; round < 20_000; round++) {
    const cands: Candidate[] = [];
    const count = next(30);
    const room = 5 + next(80);
    for (let k = 0; k < count; k++) {
      const start = next(room);
      const c: Candidate = { label: labels[next(next(4) === 0 ? 8 : 6)] as EntityLabel, start, end: start + next(16) - 1 };
      if (next(3) === 0) c.value = `v${next(3)}`;
      if (round % 2 === 0 && next(4) === 0) c.priority = next(4) - 1; // half the sets have no priorities (the common case)
      if (next(5) === 0) c.yearSource = 'explicit';
      // Repeat a span now and then, so deduplication has work to do.
      cands.push(c, ...(next(4) === 0 ? [{ ...c, value: next(2) ? undefined : 'again', priority: round % 2 === 0 ? next(3) - 1 : c.priority }] : []));
    }
    assert.deepEqual(resolveLayers(cands).map(fields), referenceLayers(cands).map(fields), JSON.stringify(cands));
  }
});

test('very long spans, and many spans, give the reference layers', () => {
  // Unknown labels share a key unless the span is too long to pack (then the label counts).
  const long = 2 ** 22 + 3;
  const cands: Candidate[] = [
    { label: 'ORG', start: 0, end: long },
    { label: 'LOC', start: 10, end: 20 },
    { label: 'X' as EntityLabel, start: 1, end: long },
    { label: 'Y' as EntityLabel, start: 1, end: long, value: 'y' },
    { label: 'X' as EntityLabel, start: 30, end: 40 },
    { label: 'Y' as EntityLabel, start: 30, end: 40, value: 'y' },
  ];
  assert.deepEqual(resolveLayers(cands).map(fields), referenceLayers(cands).map(fields));
  const many: Candidate[] = [];
  for (let k = 0; k < 5000; k++) many.push({ label: (['PER', 'ORG', 'LOC'] as const)[k % 3], start: (k * 37) % 20_000, end: ((k * 37) % 20_000) + 1 + (k % 23) });
  assert.deepEqual(resolveLayers(many).map(fields), referenceLayers(many).map(fields));
  // A shorter text after a longer one: the shared table starts clean.
  const small: Candidate[] = [{ label: 'PER', start: 3, end: 9 }, { label: 'LOC', start: 4, end: 6 }];
  assert.deepEqual(resolveLayers(small).map(fields), referenceLayers(small).map(fields));
});
