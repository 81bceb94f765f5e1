/**
 * Property tests of the semantic tokens the server sends (issue 9), with the real feature
 * code over the real engine: for any text — and any human labels laid over it, however
 * they overlap — the decoded tokens are sorted, never overlap, never cross a line end,
 * have a positive length, and each lies inside its line, in UTF-16 and UTF-32 alike.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../server/src/core/analyzer';
import { entityId } from '../../server/src/core/corpusIndex';
import { effectiveEntities } from '../../server/src/core/effectiveEntities';
import { CodePointIndex } from '../../server/src/core/offsets';
import { encode, LEGEND, segments } from '../../server/src/features/semanticTokens';
import { PositionMapper, type PositionEncoding } from '../../server/src/positions';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';
import type { ArticleView } from '../../server/src/session';
import type { AnnEntity } from '../../server/src/core/bratStandoff';
import { articleArb, humanSpansArb, RUNS } from './fuzzArbitraries';

function viewOf(text: string, human: AnnEntity[], encoding: PositionEncoding): ArticleView {
  const analysis = analyze(text);
  const entities = effectiveEntities({ detected: analysis.entities, human });
  return { uri: 'file:///fuzz.txt', version: 1, text, analysis, entities, boilerplate: analysis.boilerplate, positions: new PositionMapper(text, encoding), ids: entities.map(entityId) };
}

/** Human labels on random (clipped) spans of the text, as a hand-edited .ann may hold. */
function humansOf(text: string, raw: Array<{ a: number; b: number; label: string }>): AnnEntity[] {
  const cps = new CodePointIndex(text);
  const n = cps.length;
  if (n === 0) return [];
  return raw.map((r, i) => {
    const s = r.a % n;
    const e = Math.min(n, s + 1 + (r.b % Math.max(1, n - s)));
    return { id: `T${i + 1}`, label: r.label, start: s, end: e, fragments: [[s, e]], text: cps.slice(s, e) };
  });
}

/** Line lengths in the negotiated encoding (LSP line breaks: \r\n, \n, \r). */
function lineLengths(text: string, encoding: PositionEncoding): number[] {
  return text.split(/\r\n|\n|\r/).map((l) => (encoding === 'utf-32' ? [...l].length : l.length));
}

function checkTokens(data: number[], text: string, encoding: PositionEncoding): void {
  assert.equal(data.length % 5, 0);
  const lengths = lineLengths(text, encoding);
  let line = 0;
  let char = 0;
  let prevEnd = -1;
  let prevLine = -1;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, len, type, mods] = data.slice(i, i + 5);
    assert.ok(dl >= 0, 'lines never go back');
    line += dl;
    char = dl === 0 ? char + dc : dc;
    assert.ok(dl > 0 || i === 0 || dc >= 0, 'sorted within a line');
    assert.ok(len > 0, 'no empty token');
    assert.ok(type >= 0 && type < LEGEND.tokenTypes.length, 'a known token type');
    assert.ok(mods >= 0 && mods < 1 << LEGEND.tokenModifiers.length, 'known modifiers only');
    assert.ok(line < lengths.length, `token on line ${line} of ${lengths.length}`);
    assert.ok(char + len <= lengths[line], `token ${line}:${char}+${len} inside its line (${lengths[line]})`);
    if (line === prevLine) assert.ok(char >= prevEnd, `tokens do not overlap at ${line}:${char}`);
    prevLine = line;
    prevEnd = char + len;
  }
}

for (const encoding of ['utf-16', 'utf-32'] as const) {
  test(`semantic tokens (${encoding}) are sorted, non-overlapping and inside their lines for any text and any human labels`, () => {
    fc.assert(
      fc.property(articleArb, humanSpansArb, (text, raw) => {
        const view = viewOf(text, humansOf(text, raw), encoding);
        const segs = segments(view, DEFAULT_SETTINGS);
        for (let i = 1; i < segs.length; i++) assert.ok(segs[i - 1].end <= segs[i].start, 'segments sorted and disjoint');
        checkTokens(encode(view, segs).data, text, encoding);
      }),
      { numRuns: RUNS },
    );
  });
}

test('a range request gives a subsequence of the full tokens that is itself well formed', () => {
  fc.assert(
    fc.property(articleArb, humanSpansArb, fc.nat(), fc.nat(), (text, raw, x, y) => {
      const view = viewOf(text, humansOf(text, raw), 'utf-16');
      const n = new CodePointIndex(text).length;
      const [start, end] = [x % (n + 1), y % (n + 1)].sort((a, b) => a - b);
      const all = segments(view, DEFAULT_SETTINGS);
      const part = all.filter((s) => s.start < end && start < s.end);
      checkTokens(encode(view, part).data, text, 'utf-16');
    }),
    { numRuns: RUNS },
  );
});
