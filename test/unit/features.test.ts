/**
 * The language features' pure computations over stubbed analyses (persons, titles, links
 * and year-less dates that today's engine does not detect yet), so each feature's logic
 * is tested independently of detection quality.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusIndex, summarize } from '../../server/src/core/corpusIndex';
import { computeHover } from '../../server/src/features/hover';
import { computeInlayHints } from '../../server/src/features/inlayHints';
import { computeHighlights } from '../../server/src/features/highlight';
import { encode, segments } from '../../server/src/features/semanticTokens';
import { TOKEN_TYPES } from '../../server/src/features/labels';
import { computeCodeActions, deleteLines } from '../../server/src/features/codeActions';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import { computeSymbols } from '../../server/src/features/symbols';
import { computeDefinition } from '../../server/src/features/definition';
import { computeReferences } from '../../server/src/features/references';
import { computeWorkspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { DEFAULT_SETTINGS, parseSettings } from '../../server/src/protocol';
import type { ArticleView } from '../../server/src/session';
import { ent, link, span, stubView } from './stubView';

const URI_A = 'file:///corpus/a.txt';
const A = 'Yên Bái, 20/4/2021\nSáng 19/4, Bí thư Tỉnh ủy Đỗ Đức Duy làm việc với Ban Tổ chức Tỉnh ủy.\nÔng Duy đề nghị Ban Tổ chức Tỉnh ủy chuẩn bị nhân sự khóa XX.';

function viewA(): ArticleView {
  return stubView(
    URI_A,
    A,
    {
      publicationDate: '2021-04-20',
      entities: [
        ent(A, 'LOC', 'Yên Bái'),
        ent(A, 'DATE', '20/4/2021', { value: '2021-04-20', yearSource: 'explicit' }),
        ent(A, 'DATE', 'Sáng 19/4', { value: '2021-04-19', yearSource: 'publication' }),
        ent(A, 'TITLE', 'Bí thư Tỉnh ủy'),
        ent(A, 'ORG', 'Tỉnh ủy', { nested: true }),
        ent(A, 'PER', 'Đỗ Đức Duy', { value: 'Đỗ Đức Duy' }),
        ent(A, 'ORG', 'Ban Tổ chức Tỉnh ủy'),
        ent(A, 'ORG', 'Ban Tổ chức Tỉnh ủy', { k: 1 }),
      ],
      links: [link(A, 'Ông Duy', 'Đỗ Đức Duy')],
    },
  );
}

function indexWith(...views: ArticleView[]): CorpusIndex {
  const index = new CorpusIndex();
  for (const v of views) {
    const rangeOf = (s: number, e: number): [number, number, number, number] => {
      const r = v.positions.range(s, e);
      return [r.start.line, r.start.character, r.end.line, r.end.character];
    };
    index.set(summarize({ uri: v.uri, text: v.text, entities: v.entities, links: v.analysis.links, rangeOf }));
  }
  return index;
}

test('hover on a person: canonical name, titles here and elsewhere, mention and file counts', () => {
  const a = viewA();
  const B = 'Đồng chí Đỗ Đức Duy, Ủy viên Trung ương Đảng, dự hội nghị.';
  const b = stubView('file:///corpus/b.txt', B, { entities: [ent(B, 'PER', 'Đỗ Đức Duy', { value: 'Đỗ Đức Duy' }), ent(B, 'TITLE', 'Ủy viên Trung ương Đảng')] });
  const index = indexWith(a, b);
  const h = computeHover(a, span(A, 'Đức').start, DEFAULT_SETTINGS, index)!;
  const md = (h.contents as { value: string }).value;
  assert.match(md, /\*\*Người\*\* \(`PER`\) — \*\*Đỗ Đức Duy\*\*/);
  assert.match(md, /Chức danh trong bài: Bí thư Tỉnh ủy/);
  assert.match(md, /Chức danh trong kho: Ủy viên Trung ương Đảng \(1 bài\)/);
  assert.match(md, /Nhắc đến 3 lần trong 2 bài/);
  assert.deepEqual(h.range, a.positions.range(span(A, 'Đỗ Đức Duy').start, span(A, 'Đỗ Đức Duy').end));
  const onLink = computeHover(a, span(A, 'Ông Duy').start + 1, DEFAULT_SETTINGS, index)!;
  assert.match((onLink.contents as { value: string }).value, /tham chiếu ngắn đến \*\*Đỗ Đức Duy\*\*/);
});

test('hover on a date says how the year was inferred; the innermost entity wins', () => {
  const a = viewA();
  const index = indexWith(a);
  const d = (computeHover(a, span(A, '19/4').start, DEFAULT_SETTINGS, index)!.contents as { value: string }).value;
  assert.match(d, /`2021-04-19` — năm lấy từ ngày đăng bài \(2021-04-20\)/);
  const e = (computeHover(a, span(A, '20/4/2021').start, DEFAULT_SETTINGS, index)!.contents as { value: string }).value;
  assert.match(e, /năm ghi trong văn bản/);
  const nested = (computeHover(a, span(A, 'Tỉnh ủy').start + 1, DEFAULT_SETTINGS, index)!.contents as { value: string }).value;
  assert.match(nested, /\*\*Tổ chức\*\* \(`ORG`\) · lồng trong thực thể khác/);
  const hidden = computeHover(a, span(A, '19/4').start, parseSettings({ labels: ['PER'] }), index);
  assert.equal(hidden, null, 'a hidden label has no hover');
});

test('inlay hints: ISO value after a year-less date, Roman numerals, none when disabled or out of range', () => {
  const a = viewA();
  const hints = computeInlayHints(a, 0, 10_000, DEFAULT_SETTINGS);
  assert.deepEqual(hints.map((h) => [h.position, h.label]), [
    [a.positions.position(span(A, 'Sáng 19/4').end), '= 2021-04-19'],
    [a.positions.position(span(A, 'XX').end), '= 20'],
  ]);
  assert.deepEqual(computeInlayHints(a, 0, 10_000, parseSettings({ inlayHints: { enabled: false } })), []);
  assert.deepEqual(computeInlayHints(a, 0, span(A, 'Sáng').start, DEFAULT_SETTINGS), []);
});

test('highlight: full mentions as Text, linked short references as Read', () => {
  const a = viewA();
  const hl = computeHighlights(a, span(A, 'Ông Duy').start, DEFAULT_SETTINGS);
  assert.deepEqual(hl.map((h) => [h.range.start.line, h.kind]), [[1, 1], [2, 2]]);
  const org = computeHighlights(a, span(A, 'Ban Tổ chức', 1).start, DEFAULT_SETTINGS);
  assert.equal(org.length, 2);
});

test('semantic tokens: nested entities cut their parent, lengths in UTF-16, sorted and disjoint', () => {
  const a = viewA();
  const segs = segments(a, DEFAULT_SETTINGS);
  for (let i = 1; i < segs.length; i++) assert.ok(segs[i - 1].end <= segs[i].start, 'disjoint and sorted');
  const title = span(A, 'Bí thư Tỉnh ủy');
  const inner = span(A, 'Tỉnh ủy');
  const t = (name: string) => TOKEN_TYPES.indexOf(name);
  assert.deepEqual(
    segs.filter((s) => s.start >= title.start && s.end <= title.end).map((s) => [s.start, s.end, s.type, s.modifiers]),
    [[title.start, inner.start, t('jobTitle'), 0], [inner.start, inner.end, t('organization'), 1]],
  );
});

test('semantic tokens: a span across lines is split per line; boilerplate is a comment', () => {
  const text = '🙂 Hội nghị Ban Chấp hành\nĐảng bộ tỉnh khai mạc.\n--Quảng cáo---\n';
  const s = span(text, 'Ban Chấp hành\nĐảng bộ tỉnh');
  const ad = span(text, '--Quảng cáo---');
  const v = stubView('file:///x.txt', text, { entities: [{ label: 'ORG', ...s, text: 'Ban Chấp hành\nĐảng bộ tỉnh', nested: false }], boilerplate: [{ category: 'ad', ...ad, text: '--Quảng cáo---' }] });
  const data = encode(v, segments(v, DEFAULT_SETTINGS)).data;
  const col = text.indexOf('Ban');
  assert.deepEqual(data, [0, col, 'Ban Chấp hành'.length, TOKEN_TYPES.indexOf('organization'), 0, 1, 0, 'Đảng bộ tỉnh'.length, TOKEN_TYPES.indexOf('organization'), 0, 1, 0, 14, TOKEN_TYPES.indexOf('comment'), 0]);
});

test('quick fix edits delete whole lines, also the last line without a newline and CRLF lines', () => {
  const text = 'Tiêu đề\r\n--Quảng cáo---\r\nNội dung bài.\r\nChia sẻ';
  const v = stubView('file:///x.txt', text, {
    boilerplate: [
      { category: 'ad', ...span(text, '--Quảng cáo---'), text: '--Quảng cáo---' },
      { category: 'navigation', ...span(text, 'Chia sẻ'), text: 'Chia sẻ' },
    ],
  });
  const edits = deleteLines(v, v.boilerplate);
  assert.deepEqual(edits.map((e) => e.range), [
    { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } },
    { start: { line: 2, character: 13 }, end: { line: 3, character: 7 } },
  ]);
  const actions = computeCodeActions(v, span(text, 'Chia').start, span(text, 'Chia').start, DEFAULT_SETTINGS);
  assert.ok(actions.some((a) => a.title.includes('remove all boilerplate')), 'two categories: remove all is offered');
  assert.ok(!actions.some((a) => a.title.includes('remove all navigation')), 'one block of the category: no "all of this category"');
  const off = computeCodeActions(v, span(text, 'Chia').start, span(text, 'Chia').start, parseSettings({ diagnostics: { navigation: 'off' } }));
  assert.equal(off.filter((a) => a.title.includes('Chia')).length, 0);
  assert.equal(computeDiagnostics(v, parseSettings({ diagnostics: { navigation: 'off', ad: 'error' } })).map((d) => [d.code, d.severity]).join(), 'ad,1');
});

test('document symbols on a 10,000-line article: grouped, every paragraph and mention', () => {
  const line = 'Đồng chí Đỗ Đức Duy chỉ đạo UBND tỉnh Yên Bái triển khai kế hoạch.';
  const text = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? '' : line)).join('\n');
  const entities = [];
  for (let i = 0, at = 0; i < 5000; i++, at += line.length + 2) {
    entities.push({ label: 'PER' as const, start: at + 9, end: at + 19, text: 'Đỗ Đức Duy', value: 'Đỗ Đức Duy', nested: false });
    entities.push({ label: 'ORG' as const, start: at + 28, end: at + 32, text: 'UBND', nested: false });
  }
  const v = stubView('file:///big.txt', text, { entities });
  const syms = computeSymbols(v, DEFAULT_SETTINGS);
  const body = syms.find((s) => s.name.includes('body'))!;
  assert.equal(body.children!.length, 5000);
  assert.equal(body.children![4999].range.start.line, 9998);
  const per = syms.find((s) => s.name.includes('entities'))!.children!.find((c) => c.name.includes('PER'))!;
  assert.equal(per.children![0].detail, '5000 lần');
  assert.equal(per.children![0].children!.length, 5000);
});

test('definition: the annotation hook wins; otherwise the first mention in the corpus', () => {
  const a = viewA();
  const index = indexWith(a);
  const at = span(A, 'Ông Duy').start;
  const first = computeDefinition(a, at, DEFAULT_SETTINGS, index, {}, () => undefined);
  assert.deepEqual(first.map((l) => l.range.start), [a.positions.position(span(A, 'Đỗ Đức Duy').start)]);
  const overlay = { definition: (id: string) => (id === 'PER:đỗ đức duy' ? { uri: 'file:///corpus/z.txt', start: 3, end: 5 } : undefined) };
  const hooked = computeDefinition(a, at, DEFAULT_SETTINGS, index, overlay, (uri, s, e) => ({ uri, range: { start: { line: 0, character: s }, end: { line: 0, character: e } } }));
  assert.deepEqual(hooked, [{ uri: 'file:///corpus/z.txt', range: { start: { line: 0, character: 3 }, end: { line: 0, character: 5 } } }]);
});

test('references include linked short references; a cancelled request stops early', () => {
  const a = viewA();
  const index = indexWith(a);
  const refs = computeReferences(a, span(A, 'Đỗ').start, DEFAULT_SETTINGS, index, true);
  assert.deepEqual(refs.map((r) => r.range.start.line), [1, 2]);
  assert.deepEqual(computeReferences(a, span(A, 'Đỗ').start, DEFAULT_SETTINGS, index, false).map((r) => r.range.start.line), [2]);
  assert.deepEqual(computeReferences(a, span(A, 'Đỗ').start, DEFAULT_SETTINGS, index, true, { isCancellationRequested: true }), []);
});

test('references asked again are the same answer until a file of the entity changes', () => {
  const a = viewA();
  const index = indexWith(a);
  const at = span(A, 'Đỗ').start;
  const first = computeReferences(a, at, DEFAULT_SETTINGS, index, true);
  assert.deepEqual(computeReferences(a, at, DEFAULT_SETTINGS, index, true), first);
  assert.equal(computeReferences(a, at, DEFAULT_SETTINGS, index, false).length, first.length - 1, 'the declaration left out');
  // A second article mentions him: the answer grows at once.
  const b = { ...a, uri: 'file:///corpus/b.txt' };
  const rangeOf = (s: number, e: number): [number, number, number, number] => {
    const r = b.positions.range(s, e);
    return [r.start.line, r.start.character, r.end.line, r.end.character];
  };
  index.set(summarize({ uri: b.uri, text: b.text, entities: b.entities, links: b.analysis.links, rangeOf }));
  const after = computeReferences(a, at, DEFAULT_SETTINGS, index, true);
  assert.equal(after.length, first.length * 2);
  assert.deepEqual(after.map((r) => r.uri), [...first.map(() => URI_A), ...first.map(() => b.uri)]);
  assert.equal(computeReferences(a, at, DEFAULT_SETTINGS, index, false).length, after.length - 1);
});

test('workspace symbols: persons, bodies, places and documents only; folded spelling added for plain queries', () => {
  const index = indexWith(viewA());
  const syms = computeWorkspaceSymbols('do duc duy', DEFAULT_SETTINGS, index);
  assert.deepEqual(syms.map((s) => s.name), ['Đỗ Đức Duy · do duc duy']);
  assert.equal(computeWorkspaceSymbols('bi thu', DEFAULT_SETTINGS, index).length, 0, 'titles are not workspace symbols');
  assert.deepEqual(computeWorkspaceSymbols('Yên', DEFAULT_SETTINGS, index).map((s) => s.name), ['Yên Bái']);
  assert.equal(computeWorkspaceSymbols('yen', parseSettings({ labels: ['PER'] }), index).length, 0, 'hidden labels are not listed');
});

test('settings from a client are validated field by field', () => {
  const s = parseSettings({ files: ['**/*.txt', 3], labels: ['PER', 'XYZ'], inlayHints: { enabled: 'yes' }, diagnostics: { ad: 'hint', footer: 'loud' } });
  assert.deepEqual(s.files, DEFAULT_SETTINGS.files, 'a malformed list falls back to the default');
  assert.deepEqual(s.labels, ['PER']);
  assert.equal(s.inlayHints.enabled, true);
  assert.deepEqual(s.diagnostics, { ad: 'hint' });
});
