/**
 * Language features over the fixture corpus, through the real server over stdio. Every
 * range is computed here from the fixture text (UTF-16 columns, as LSP requires), so a
 * code-point/UTF-16 mix-up, a CRLF miscount or an NFD offset shift fails a test.
 * Entities used: the abbreviations UBND/HĐND/MTTQ written standalone, `Nghị quyết số
 * 18-NQ/TW`, full numeric dates, `--Quảng cáo---` lines — what today's engine detects.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileUri, startServer, type TestServer } from './lspClient';
import { applyEdits, CORPUS, decodeTokens, FILES, inside, open, rangeOf, read, textIn, type Rng } from './corpusFixture';

interface Diag {
  range: Rng;
  code: string;
  source: string;
  severity: number;
  message: string;
}
interface Action {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  edit?: { changes: Record<string, Array<{ range: Rng; newText: string }>> };
  command?: { command: string; arguments: unknown[] };
}
interface Loc {
  uri: string;
  range: Rng;
}

let server: TestServer;
let legend: { tokenTypes: string[]; tokenModifiers: string[] };

const progressEnded = (s: TestServer) =>
  s.notifications.find((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end');

describe('language features (push diagnostics, UTF-16)', () => {
  before(async () => {
    server = await startServer({
      rootPath: CORPUS,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, semanticTokens: { refreshSupport: true }, inlayHint: { refreshSupport: true } },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: {} },
      },
    });
    await server.waitFor(() => progressEnded(server), 'the initial index to finish');
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  test('initialize advertises every feature, the token legend and the markContent command', () => {
    const caps = server.initResult.capabilities as Record<string, unknown> & {
      semanticTokensProvider: { legend: typeof legend; full: boolean; range: boolean };
      executeCommandProvider: { commands: string[] };
    };
    for (const p of ['hoverProvider', 'documentSymbolProvider', 'codeActionProvider', 'inlayHintProvider', 'documentHighlightProvider', 'definitionProvider', 'referencesProvider', 'workspaceSymbolProvider']) {
      assert.ok(caps[p], p);
    }
    assert.equal(caps.positionEncoding, 'utf-16');
    assert.equal(caps.diagnosticProvider, undefined, 'no pull diagnostics for a client that cannot pull');
    legend = caps.semanticTokensProvider.legend;
    assert.deepEqual(legend.tokenTypes, ['person', 'jobTitle', 'organization', 'place', 'date', 'legalDocument', 'comment']);
    assert.deepEqual([caps.semanticTokensProvider.full, caps.semanticTokensProvider.range], [true, true]);
    assert.ok(caps.executeCommandProvider.commands.includes('vnCorpus.markContent'), 'the "this is content" quick fix has a handler');
  });

  test('indexing reports $/progress begin → report → end and registers file watchers', () => {
    const progress = server.notifications.filter((n) => n.method === '$/progress').map((n) => (n.params as { value: { kind: string; message?: string } }).value);
    assert.equal(progress[0].kind, 'begin');
    assert.equal(progress[progress.length - 1].kind, 'end');
    assert.ok(progress.some((p) => p.kind === 'report' && p.message === '5/5'), 'the last report counts all five articles (notes.md is not an article)');
    // The indexer's registration: the article globs, and deletes of anything (folders).
    const reg = server.requests.find((r) => r.method === 'client/registerCapability' && JSON.stringify(r.params).includes('"kind":4'));
    assert.ok(reg, 'file watching registered from the server');
    const watchers = (reg.params as { registrations: Array<{ registerOptions: { watchers: Array<{ globPattern: string; kind?: number }> } }> }).registrations[0].registerOptions.watchers;
    assert.deepEqual(watchers.map((w) => w.globPattern), ['**/*.txt', '**/*']);
    assert.equal(watchers[1].kind, 4, 'deletes of anything (folders) are watched');
  });

  test('boilerplate diagnostics: code = category, source vn-corpus, exact line ranges', async () => {
    const uri = await open(server, FILES.quangNinh);
    const text = read(FILES.quangNinh);
    const diags = (await server.waitFor(() => server.diagnostics.get(uri), 'diagnostics')) as Diag[];
    const ads = diags.filter((d) => d.code === 'ad');
    assert.deepEqual(ads.map((d) => d.range), [rangeOf(text, '--Quảng cáo---', 0), rangeOf(text, '--Quảng cáo---', 1)]);
    assert.ok(ads.every((d) => d.source === 'vn-corpus' && d.severity === 2));
    assert.match(ads[0].message, /quảng cáo/);
  });

  test('mixed tone marks: one information diagnostic on the minority spelling', async () => {
    const uri = fileUri(FILES.quangNinh);
    const text = read(FILES.quangNinh);
    const diags = (await server.waitFor(() => server.diagnostics.get(uri), 'diagnostics')) as Diag[];
    const tones = diags.filter((d) => d.code === 'mixedToneMarks');
    // The article writes hòa, ủy, khóa (tone on the first vowel) and one `hoà`.
    // `toàn` (a closed syllable, one correct spelling) is not reported; `hoà hợp` is.
    const word = rangeOf(text, 'hoà hợp').start;
    assert.deepEqual(tones.map((d) => d.range), [{ start: { line: word.line, character: word.character + 1 }, end: { line: word.line, character: word.character + 3 } }]);
    assert.equal(tones[0].severity, 3);
  });

  test('quick fixes on an ad line: remove it, remove all ads, and "this is content" as a command', async () => {
    const uri = fileUri(FILES.quangNinh);
    const text = read(FILES.quangNinh);
    const diags = server.diagnostics.get(uri) as Diag[];
    const ad = diags.find((d) => d.code === 'ad')!;
    const actions = (await server.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: ad.range, context: { diagnostics: [ad] } })) as Action[];
    const removeOne = actions.find((a) => a.isPreferred)!;
    assert.ok(removeOne.title.includes('remove this line'));
    assert.equal(applyEdits(text, removeOne.edit!.changes[uri]), text.replace('--Quảng cáo---\n', ''));
    const removeAll = actions.find((a) => a.title.includes('remove all ad'))!;
    assert.equal(applyEdits(text, removeAll.edit!.changes[uri]), text.replaceAll('--Quảng cáo---\n', ''));
    const content = actions.find((a) => a.command?.command === 'vnCorpus.markContent')!;
    assert.deepEqual(content.command!.arguments, [{ uri, start: 0, end: 14, category: 'ad' }]);
    assert.ok(actions.every((a) => a.kind === 'quickfix'));
  });

  test('quick fix for tone marks unifies the article in its main style', async () => {
    const uri = fileUri(FILES.quangNinh);
    const text = read(FILES.quangNinh);
    const diag = (server.diagnostics.get(uri) as Diag[]).find((d) => d.code === 'mixedToneMarks')!;
    const actions = (await server.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } })) as Action[];
    const one = actions.find((a) => a.isPreferred)!;
    assert.equal(applyEdits(text, one.edit!.changes[uri]), text.replace('hoà hợp', 'hòa hợp'));
    const other = actions.find((a) => a.title.includes('hoà, uỷ'))!;
    const unified = applyEdits(text, other.edit!.changes[uri]);
    assert.ok(unified.includes('Tỉnh uỷ') && unified.includes('khoá XII') && unified.includes('hoà nhập') && !unified.includes('hòa'));
  });

  test('NFD article: information diagnostic and a fix that yields the NFC text', async () => {
    const uri = await open(server, FILES.nfd);
    const text = read(FILES.nfd);
    const diags = (await server.waitFor(() => server.diagnostics.get(uri), 'diagnostics')) as Diag[];
    const nfd = diags.filter((d) => d.code === 'decomposedText');
    assert.ok(nfd.length >= 1);
    assert.equal(nfd[0].range.start.line, 0);
    assert.equal(nfd[0].severity, 3);
    const actions = (await server.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: nfd[0].range, context: { diagnostics: [nfd[0]] } })) as Action[];
    const whole = actions.find((a) => a.isPreferred)!;
    assert.equal(applyEdits(text, whole.edit!.changes[uri]), text.normalize('NFC'));
  });

  test('hover on a document reference shows its fields; on an ad line its category', async () => {
    const uri = fileUri(FILES.quangNinh);
    const text = read(FILES.quangNinh);
    const hover = (await server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: inside(text, 'Nghị quyết số 18-NQ/TW') })) as { contents: { value: string }; range: Rng };
    assert.deepEqual(hover.range, rangeOf(text, 'Nghị quyết số 18-NQ/TW'));
    assert.match(hover.contents.value, /Văn bản\*\* \(`DOC`\)/);
    assert.match(hover.contents.value, /Số: \*\*18\*\*/);
    assert.match(hover.contents.value, /Ký hiệu: \*\*NQ\/TW\*\*/);
    const ad = (await server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 4 } })) as { contents: { value: string } };
    assert.match(ad.contents.value, /quảng cáo \(`ad`\)/);
  });

  test('hover on an organization counts its mentions across the whole corpus (closed files too)', async () => {
    const uri = fileUri(FILES.quangNinh);
    const text = read(FILES.quangNinh);
    const hover = (await server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: inside(text, 'UBND') })) as { contents: { value: string }; range: Rng };
    assert.deepEqual(hover.range, rangeOf(text, 'UBND'));
    assert.match(hover.contents.value, /Nhắc đến 7 lần trong 5 bài/);
  });

  test('emoji before an entity: UTF-16 columns in hover, highlight and semantic tokens', async () => {
    const uri = await open(server, FILES.emoji);
    const text = read(FILES.emoji);
    const ubnd = rangeOf(text, 'UBND');
    assert.equal(ubnd.start.character, 3, 'fixture sanity: 👉 is two UTF-16 units');
    const hover = (await server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: inside(text, 'UBND') })) as { range: Rng };
    assert.deepEqual(hover.range, ubnd);
    const hl = (await server.conn.sendRequest('textDocument/documentHighlight', { textDocument: { uri }, position: inside(text, 'MTTQ') })) as Array<{ range: Rng }>;
    assert.deepEqual(hl.map((h) => h.range), [rangeOf(text, 'MTTQ')]);
  });

  test('semantic tokens: one type per label, sorted, exact UTF-16 columns, range request', async () => {
    const uri = fileUri(FILES.emoji);
    const text = read(FILES.emoji);
    const full = (await server.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] };
    const tokens = decodeTokens(full.data, legend.tokenTypes, legend.tokenModifiers);
    const want = [
      { ...rangeOf(text, 'Hà Giang').start, length: 8, type: 'place', modifiers: [] },
      { ...rangeOf(text, 'UBND').start, length: 4, type: 'organization', modifiers: [] },
      { ...rangeOf(text, '05/01/2021').start, length: 10, type: 'date', modifiers: [] },
      { ...rangeOf(text, 'MTTQ').start, length: 4, type: 'organization', modifiers: [] },
    ];
    assert.deepEqual(tokens, want);
    const ranged = (await server.conn.sendRequest('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } },
    })) as { data: number[] };
    assert.deepEqual(decodeTokens(ranged.data, legend.tokenTypes, legend.tokenModifiers), [want[3]]);
  });

  test('semantic tokens on a CRLF article: lines counted once per CRLF', async () => {
    const uri = await open(server, FILES.bacNinhCrlf);
    const text = read(FILES.bacNinhCrlf);
    const full = (await server.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] };
    const tokens = decodeTokens(full.data, legend.tokenTypes, legend.tokenModifiers);
    const doc = tokens.find((t) => t.type === 'legalDocument')!;
    assert.deepEqual({ line: doc.line, character: doc.character, length: doc.length }, { ...rangeOf(text, 'Nghị quyết số 18-NQ/TW').start, length: 'Nghị quyết số 18-NQ/TW'.length });
    assert.equal(doc.line, 4);
    for (let i = 1; i < tokens.length; i++) {
      const [a, b] = [tokens[i - 1], tokens[i]];
      assert.ok(a.line < b.line || (a.line === b.line && a.character + a.length <= b.character), 'sorted and non-overlapping');
    }
  });

  test('inlay hints: Roman numerals in context get their value', async () => {
    const uri = fileUri(FILES.quangNinh);
    const text = read(FILES.quangNinh);
    const hints = (await server.conn.sendRequest('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
    })) as Array<{ position: { line: number; character: number }; label: string }>;
    assert.deepEqual(hints.map((h) => [h.position, h.label]), [
      [rangeOf(text, 'XII').end, '= 12'],
      [rangeOf(text, 'XIII').end, '= 13'],
    ]);
  });

  test('document symbols: headline, body paragraphs, boilerplate and entities by label with counts', async () => {
    const uri = fileUri(FILES.quangNinh);
    const text = read(FILES.quangNinh);
    type Sym = { name: string; detail?: string; range: Rng; selectionRange: Rng; children?: Sym[] };
    const syms = (await server.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as Sym[];
    const headline = syms[0];
    assert.equal(headline.name, 'Quảng Ninh: Nâng cao chất lượng sinh hoạt chi bộ ở cơ sở');
    assert.equal(headline.range.start.line, 2);
    const body = syms.find((s) => s.name.includes('body'))!;
    assert.ok(body.children!.some((p) => p.name.startsWith('Sáng nay, Ban Thường vụ') && p.range.start.line === 6));
    const boiler = syms.find((s) => s.name === 'Boilerplate')!;
    assert.deepEqual(boiler.children!.map((c) => c.range), [rangeOf(text, '--Quảng cáo---', 0), rangeOf(text, '--Quảng cáo---', 1)]);
    const entities = syms.find((s) => s.name.includes('entities'))!;
    const org = entities.children!.find((c) => c.name.includes('(ORG)'))!;
    const ubnd = org.children!.find((c) => c.name === 'UBND')!;
    assert.equal(ubnd.detail, '2 lần');
    assert.deepEqual(ubnd.children!.map((m) => m.range), [rangeOf(text, 'UBND', 0), rangeOf(text, 'UBND', 1)]);
    for (const s of [headline, body, boiler, entities]) assert.equal(textIn(text, s.selectionRange).length > 0, true);
  });

  test('document highlight: every mention of the entity in this article', async () => {
    const uri = fileUri(FILES.quangNinh);
    const text = read(FILES.quangNinh);
    const hl = (await server.conn.sendRequest('textDocument/documentHighlight', { textDocument: { uri }, position: inside(text, 'UBND', 1) })) as Array<{ range: Rng; kind: number }>;
    assert.deepEqual(hl.map((h) => h.range), [rangeOf(text, 'UBND', 0), rangeOf(text, 'UBND', 1)]);
  });

  test('references: every mention across the workspace, closed articles included, exact ranges', async () => {
    const uri = fileUri(FILES.quangNinh);
    const text = read(FILES.quangNinh);
    const refs = (await server.conn.sendRequest('textDocument/references', {
      textDocument: { uri },
      position: inside(text, 'HĐND'),
      context: { includeDeclaration: true },
    })) as Loc[];
    const nfd = read(FILES.nfd);
    assert.deepEqual(refs, [
      { uri, range: rangeOf(text, 'HĐND') },
      { uri: fileUri(FILES.nfd), range: rangeOf(nfd, 'HĐND') },
    ]);
    const ubnd = (await server.conn.sendRequest('textDocument/references', { textDocument: { uri }, position: inside(text, 'UBND'), context: { includeDeclaration: true } })) as Loc[];
    const langSon = read(FILES.langSon);
    assert.equal(ubnd.length, 7);
    assert.deepEqual(
      ubnd.filter((l) => l.uri === fileUri(FILES.langSon)).map((l) => l.range),
      [rangeOf(langSon, 'UBND', 0), rangeOf(langSon, 'UBND', 1)],
      'a closed article in a subfolder, read from disk',
    );
    const withoutDecl = (await server.conn.sendRequest('textDocument/references', { textDocument: { uri }, position: inside(text, 'UBND'), context: { includeDeclaration: false } })) as Loc[];
    assert.equal(withoutDecl.length, 6);
  });

  test('go to definition: the first mention in the corpus (files in URI order)', async () => {
    const uri = fileUri(FILES.emoji);
    const text = read(FILES.emoji);
    const def = (await server.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: inside(text, 'MTTQ') })) as Loc[];
    assert.deepEqual(def, [{ uri: fileUri(FILES.quangNinh), range: rangeOf(read(FILES.quangNinh), 'MTTQ') }]);
  });

  test('workspace symbols match with and without diacritics', async () => {
    type Sym = { name: string; kind: number; location: Loc; containerName: string };
    const plain = (await server.conn.sendRequest('workspace/symbol', { query: 'hdnd' })) as Sym[];
    assert.equal(plain.length, 1);
    assert.equal(plain[0].name, 'HĐND · hdnd', 'the folded spelling rides along so VS Code keeps the hit');
    assert.deepEqual(plain[0].location, { uri: fileUri(FILES.quangNinh), range: rangeOf(read(FILES.quangNinh), 'HĐND') });
    assert.match(plain[0].containerName, /2 lần \/ 2 bài/);
    const exact = (await server.conn.sendRequest('workspace/symbol', { query: 'HĐND' })) as Sym[];
    assert.deepEqual(exact.map((s) => s.name), ['HĐND']);
    const docs = (await server.conn.sendRequest('workspace/symbol', { query: 'nghi quyet 18' })) as Sym[];
    assert.deepEqual(docs.map((s) => [s.name, s.kind, s.containerName]), [['Nghị quyết số 18-NQ/TW · nghi quyet so 18-nq/tw', 1, 'Văn bản (DOC) · 2 lần / 2 bài']]);
    const none = (await server.conn.sendRequest('workspace/symbol', { query: 'nguyen quang duong' })) as Sym[];
    assert.deepEqual(none, [], 'no person of that name in this corpus');
  });
});
