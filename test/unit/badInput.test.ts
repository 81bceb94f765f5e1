/**
 * Bad input at unit level (issue 9): which documents the server declines (binary,
 * oversized) and the diagnostic for text that was not valid UTF-8. The same cases run
 * through the real server in test/protocol/faults.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArticleGuard, declineReason } from '../../server/src/articleGuard';
import { analyze } from '../../server/src/core/analyzer';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import { computeCodeActions } from '../../server/src/features/codeActions';
import { decodeArticle, MAX_ARTICLE_BYTES } from '../../server/src/fsCorpus';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';
import { stubView } from './stubView';

test('declined: NUL bytes near the start, or more bytes than the limit (counted in UTF-8, not in characters)', () => {
  assert.equal(declineReason(''), undefined, 'an empty article is fine');
  assert.equal(declineReason('Ông Nguyễn Văn A.\n'.repeat(1000)), undefined);
  assert.match(declineReason('PK\u0003\u0004\u0000\u0000') ?? '', /binary/);
  assert.match(declineReason('x'.repeat(MAX_ARTICLE_BYTES + 1)) ?? '', /too large/);
  // Fewer characters than the limit, but three bytes each in UTF-8.
  assert.match(declineReason('ế'.repeat(Math.ceil(MAX_ARTICLE_BYTES / 3) + 10)) ?? '', /too large/);
  assert.equal(declineReason('ế'.repeat(Math.floor(MAX_ARTICLE_BYTES / 3) - 10)), undefined);
});

test('the guard logs one line per document and reason, warns the user only for size, and re-judges a new version', () => {
  const logs: string[] = [];
  const warnings: string[] = [];
  const g = new ArticleGuard((m) => logs.push(m), (m) => warnings.push(m));
  const uri = 'file:///c/b%C3%A0i.txt';
  assert.equal(g.declined(uri, 1, 'bin\u0000ary'), true);
  assert.equal(g.declined(uri, 1, 'bin\u0000ary'), true);
  assert.equal(g.declined(uri, 2, 'bin\u0000ary!'), true);
  assert.equal(logs.length, 1, 'one log line for the binary file');
  assert.deepEqual(warnings, [], 'binary files are skipped quietly');
  assert.equal(g.declined(uri, 3, 'Bài viết.'), false, 'fixed by an edit: analysed again');
  g.declined(uri, 4, 'x'.repeat(MAX_ARTICLE_BYTES + 1));
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /bài\.txt is too large/);
});

test('an empty file and a file of only a BOM decode to articles with nothing in them', () => {
  for (const bytes of [new Uint8Array(), Uint8Array.from([0xef, 0xbb, 0xbf])]) {
    const r = decodeArticle(bytes);
    assert.ok(r.ok);
    const a = analyze(r.text);
    assert.deepEqual([a.entities.length, a.boilerplate.length], [0, 0]);
  }
});

test('replacement characters are reported once per run, by code point, with the total; no code action rewrites them', () => {
  // "Hà Nội" in Windows-1258 read as UTF-8 leaves replacement characters; an emoji before shifts UTF-16 but not code points.
  const text = '😀 Ông H\ufffd N\ufffd\ufffdi về thăm.\n';
  const view = stubView('file:///c/a.txt', text);
  const diags = computeDiagnostics(view, DEFAULT_SETTINGS).filter((d) => d.code === 'replacementCharacters');
  assert.equal(diags.length, 2, 'two runs');
  // Offsets are code points (7, 10–12); the LSP columns are UTF-16, one more after the emoji.
  assert.deepEqual(diags.map((d) => [d.range.start.character, d.range.end.character]), [[8, 9], [11, 13]]);
  assert.ok(diags.every((d) => d.severity === 3 && String(d.message).includes('3 chỗ')));
  assert.deepEqual(computeCodeActions(view, 0, 20, DEFAULT_SETTINGS, diags), [], 'nothing offers to edit them');
  const off = computeDiagnostics(view, { ...DEFAULT_SETTINGS, diagnostics: { replacementCharacters: 'off' } });
  assert.ok(!off.some((d) => d.code === 'replacementCharacters'));
});
