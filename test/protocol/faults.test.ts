/**
 * Faults and bad input through the real server (issue 9), each its own test: a workspace
 * holding an empty file, a binary file, invalid UTF-8, a 50 MB article, a folder named
 * like an article, a dangling symlink and symlink loops; articles and .ann files deleted,
 * replaced by a folder or by a dangling symlink while open; an .ann edited by hand while
 * open. The server must keep answering, say what it skipped once, and never rewrite an
 * article or lose a label.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, startServer, type TestServer } from './lspClient';
import { parseAnn } from '../../server/src/core/bratStandoff';
import { ANNOTATION_COMMANDS as C, type AnnotationResult } from '../../server/src/protocol';

const ARTICLE = 'Chiều 21/9, Bí thư Tỉnh ủy Quảng Ninh Nguyễn Xuân Ký làm việc với Ban Thường vụ Huyện ủy Ba Chẽ.\nTheo Nghị quyết số 18-NQ/TW, tỉnh sắp xếp bộ máy.\n';
const CAPS = { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } };

const indexed = (s: TestServer) => s.notifications.some((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end');
const logs = (s: TestServer) => s.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
const exec = <T>(s: TestServer, command: string, args: object) => s.conn.sendRequest('workspace/executeCommand', { command, arguments: [args] }) as Promise<T>;
const cpSpan = (text: string, needle: string) => {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  const start = [...text.slice(0, i)].length;
  return { start, end: start + [...needle].length };
};
const tokens = async (s: TestServer, uri: string) => ((await s.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] }).data;
const open = (s: TestServer, uri: string, text: string, version = 1) => s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'vn-article', version, text } });
const changed = (s: TestServer, uri: string, type: 1 | 2 | 3) => s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type }] });

/** Peak and current resident memory of a process, in MB (Linux /proc). */
function memoryOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return undefined;
  }
}

describe('a workspace of bad files', () => {
  let dir: string;
  let server: TestServer;
  const WIN1258 = Buffer.from([0x48, 0xe0, 0x20, 0x4e, 0xd9, 0x69, 0x20, 0x6c, 0xe0, 0x20, 0x74, 0x68, 0xf0, 0x20, 0x0a]); // "Hà Nội là thủ đô" in a legacy code page
  const BIG_BYTES = 50 * 1000 * 1000;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-faults-'));
    fs.writeFileSync(path.join(dir, 'good.txt'), ARTICLE);
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    fs.writeFileSync(path.join(dir, 'legacy.txt'), WIN1258);
    const fd = fs.openSync(path.join(dir, 'huge.txt'), 'w');
    const block = Buffer.from(ARTICLE.repeat(Math.ceil(1_000_000 / Buffer.byteLength(ARTICLE))));
    for (let written = 0; written < BIG_BYTES; written += block.length) fs.writeSync(fd, block);
    fs.closeSync(fd);
    fs.mkdirSync(path.join(dir, 'folder.txt'));
    fs.symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'dangling.txt'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.symlinkSync(dir, path.join(dir, 'sub', 'loop'));
    fs.symlinkSync(path.join(dir, 'self'), path.join(dir, 'self'));
    server = await startServer({ rootPath: dir, capabilities: CAPS });
    await server.waitFor(() => (indexed(server) ? true : undefined), 'the initial index', 30000);
  });

  after(async () => {
    assert.equal(await server.stop(), 0, 'the server exits cleanly after all of it');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('indexing survives symlink loops, a dangling link, a folder named .txt; skipped files are logged once each', async () => {
    const lines = logs(server);
    for (const name of ['binary.txt', 'huge.txt']) assert.equal(lines.filter((l) => l.includes(name)).length, 1, `${name}: ${lines.join('\n')}`);
    assert.match(lines.find((l) => l.includes('binary.txt'))!, /binary/);
    assert.match(lines.find((l) => l.includes('huge.txt'))!, /too large/);
    const syms = (await server.conn.sendRequest('workspace/symbol', { query: 'Nguyễn Xuân Ký' })) as Array<{ location: { uri: string } }>;
    assert.ok(syms.some((s) => s.location.uri.endsWith('/good.txt')), 'the good article is indexed');
    assert.ok(!syms.some((s) => s.location.uri.includes('/sub/loop/')), 'the loop is not followed');
    const status = await exec<{ corpus: { articles: number } }>(server, C.status, {});
    assert.ok(status.corpus.articles >= 4, 'the annotation corpus lists articles despite the loops');
  });

  test('a closed article replaced by a folder while indexed: logged, and dropped from the index', async () => {
    const file = path.join(dir, 'doomed.txt');
    fs.writeFileSync(file, 'Bà Trương Thị Mai làm việc tại Đà Nẵng.\n');
    await changed(server, fileUri(file), 1);
    const find = async () => ((await server.conn.sendRequest('workspace/symbol', { query: 'Trương Thị Mai' })) as Array<{ location: { uri: string } }>).filter((x) => x.location.uri.endsWith('/doomed.txt'));
    await pollUntil(async () => (await find()).length > 0, 'indexed');
    fs.rmSync(file);
    fs.mkdirSync(file);
    await changed(server, fileUri(file), 2);
    await pollUntil(async () => (await find()).length === 0, 'dropped');
    assert.ok(logs(server).some((l) => l.includes('doomed.txt') && /not indexed/.test(l)));
  });

  test('an empty article: every feature answers, with nothing in it', async () => {
    const uri = fileUri(path.join(dir, 'empty.txt'));
    await open(server, uri, '');
    assert.deepEqual(await tokens(server, uri), []);
    assert.deepEqual(await server.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.equal(await server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    const r = await exec<AnnotationResult>(server, C.label, { uri, start: 0, end: 0, label: 'PER' });
    assert.equal(r.ok && r.applied > 0, false, 'nothing to label');
    assert.ok(!fs.existsSync(path.join(dir, 'empty.ann')), 'no .ann created for nothing');
  });

  test('a binary file opened in the editor is skipped with one log line and gets no features', async () => {
    const uri = fileUri(path.join(dir, 'binary.txt'));
    const before = logs(server).length;
    await open(server, uri, new TextDecoder().decode(fs.readFileSync(path.join(dir, 'binary.txt'))));
    assert.deepEqual(await tokens(server, uri), []);
    assert.deepEqual(await tokens(server, uri), []);
    await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'PNG\u0000\u0000 more' }] });
    assert.deepEqual(await tokens(server, uri), []);
    const skipped = logs(server).slice(before).filter((l) => l.includes('binary.txt'));
    assert.equal(skipped.length, 1, skipped.join('\n'));
  });

  test('invalid UTF-8: replacement characters are reported as information, and the file is never rewritten', async () => {
    const file = path.join(dir, 'legacy.txt');
    const uri = fileUri(file);
    const text = new TextDecoder().decode(WIN1258); // what an editor shows
    await open(server, uri, text);
    const diags = await server.waitFor(() => server.diagnostics.get(uri) as Array<{ code: string; severity: number; message: string }> | undefined, 'diagnostics');
    const bad = diags.filter((d) => d.code === 'replacementCharacters');
    assert.ok(bad.length > 0 && bad.every((d) => d.severity === 3), JSON.stringify(diags));
    assert.match(bad[0].message, /UTF-8/);
    // Everything a user could trigger, then the bytes on disk are as they were.
    await server.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, context: { diagnostics: bad } });
    await exec(server, C.label, { uri, start: 0, end: 1, label: 'LOC' });
    await exec(server, C.setReviewed, { uri, reviewed: true });
    assert.deepEqual(fs.readFileSync(file), WIN1258);
  });

  test('huge-article: a 50 MB article opened in the editor is declined with a message, without running out of memory', async () => {
    const file = path.join(dir, 'huge.txt');
    const uri = fileUri(file);
    const text = fs.readFileSync(file, 'utf8');
    const before = memoryOf(server.proc.pid!);
    const t0 = Date.now();
    await open(server, uri, text);
    assert.deepEqual(await tokens(server, uri), []);
    const shown = await server.waitFor(
      () => [...server.notifications, ...server.requests].find((n) => n.method.startsWith('window/showMessage') && (n.params as { message: string }).message.includes('huge.txt')),
      'a message about the huge file',
    );
    assert.match((shown.params as { message: string }).message, /too large/);
    const ms = Date.now() - t0;
    // Still answering other documents, quickly.
    const good = fileUri(path.join(dir, 'good.txt'));
    await open(server, good, ARTICLE);
    assert.ok((await tokens(server, good)).length > 0);
    const mem = memoryOf(server.proc.pid!);
    console.log(`50 MB article: declined in ${ms} ms; server RSS ${before?.rss} → ${mem?.rss} MB, peak ${mem?.peak} MB`);
    if (mem) assert.ok(mem.peak < 1500, `peak RSS ${mem.peak} MB`);
    await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });
});

describe('files that change under an open article', () => {
  let dir: string;
  let server: TestServer;
  let file: string;
  let uri: string;
  let annFile: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-faults-open-'));
    file = path.join(dir, 'bai.txt');
    annFile = path.join(dir, 'bai.ann');
    uri = fileUri(file);
    fs.writeFileSync(file, ARTICLE);
    server = await startServer({ rootPath: dir, capabilities: CAPS });
    await server.waitFor(() => (indexed(server) ? true : undefined), 'the initial index');
    await open(server, uri, ARTICLE);
  });

  after(async () => {
    assert.equal(await server.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('an .ann edited by hand while open is noticed and reloaded; a labelling action merges onto the hand edit', async () => {
    const r = await exec<AnnotationResult>(server, C.label, { uri, ...cpSpan(ARTICLE, 'Nguyễn Xuân Ký'), label: 'PER' });
    assert.equal(r.applied, 1);
    const typeIndex = (name: string) => (server.initResult.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend.tokenTypes.indexOf(name);
    // By hand: relabel the person as a title (nonsense, but a human's choice) and add a place.
    const quang = cpSpan(ARTICLE, 'Quảng Ninh');
    const hand = fs.readFileSync(annFile, 'utf8').replace('\tPER ', '\tTITLE ') + `T50\tLOC ${quang.start} ${quang.end}\tQuảng Ninh\n`;
    fs.writeFileSync(annFile, hand);
    await changed(server, fileUri(annFile), 2);
    // The server shows the hand edit: the person's span is now coloured as a title.
    const person = cpSpan(ARTICLE, 'Nguyễn Xuân Ký');
    const deadline = Date.now() + 10000;
    let data: number[] = [];
    while (Date.now() < deadline) {
      data = await tokens(server, uri);
      const at = tokenAt(data, 0, person.start);
      if (at?.type === typeIndex('jobTitle')) break;
    }
    assert.equal(tokenAt(data, 0, person.start)?.type, typeIndex('jobTitle'), 'the hand relabel is shown');
    // Another hand edit lands, and a labelling action runs before any notification of it.
    const handAgain = fs.readFileSync(annFile, 'utf8') + `T51\tORG ${cpSpan(ARTICLE, 'Ban Thường vụ Huyện ủy Ba Chẽ').start} ${cpSpan(ARTICLE, 'Ban Thường vụ Huyện ủy Ba Chẽ').end}\tBan Thường vụ Huyện ủy Ba Chẽ\n`;
    fs.writeFileSync(annFile, handAgain);
    const r2 = await exec<AnnotationResult>(server, C.label, { uri, ...cpSpan(ARTICLE, 'Nghị quyết số 18-NQ/TW'), label: 'DOC' });
    assert.equal(r2.ok, true, r2.message);
    const doc = parseAnn(fs.readFileSync(annFile, 'utf8'), { text: ARTICLE });
    assert.deepEqual(doc.problems, []);
    const labels = doc.entities.map((e) => `${e.label} ${e.text}`).sort();
    assert.deepEqual(labels, ['DOC Nghị quyết số 18-NQ/TW', 'LOC Quảng Ninh', 'ORG Ban Thường vụ Huyện ủy Ba Chẽ', 'TITLE Nguyễn Xuân Ký']);
  });

  test('an .ann replaced by a folder: detections still shown, labelling refused with a message, nothing overwritten', async () => {
    const saved = fs.readFileSync(annFile, 'utf8');
    fs.rmSync(annFile);
    fs.mkdirSync(annFile);
    await changed(server, fileUri(annFile), 2);
    assert.ok((await tokens(server, uri)).length > 0, 'the article still gets its colours');
    const r = await exec<AnnotationResult>(server, C.label, { uri, ...cpSpan(ARTICLE, 'Ba Chẽ'), label: 'LOC' });
    assert.equal(r.ok, false);
    assert.match(r.message ?? '', /bai\.ann/);
    assert.ok(fs.statSync(annFile).isDirectory(), 'the folder is left alone');
    fs.rmdirSync(annFile);
    fs.writeFileSync(annFile, saved);
    await changed(server, fileUri(annFile), 2);
    const again = await exec<AnnotationResult>(server, C.label, { uri, ...cpSpan(ARTICLE, 'Ba Chẽ'), label: 'LOC' });
    assert.equal(again.ok, true, 'back to normal once the file is back');
    assert.ok(fs.readFileSync(annFile, 'utf8').startsWith(saved), 'and the labels are all there');
  });

  test('an .ann replaced by a dangling symlink: labelling is refused, the link is left alone', async () => {
    const saved = fs.readFileSync(annFile, 'utf8');
    fs.rmSync(annFile);
    fs.symlinkSync(path.join(dir, 'moved-away.ann'), annFile);
    await changed(server, fileUri(annFile), 2);
    assert.ok((await tokens(server, uri)).length > 0);
    const r = await exec<AnnotationResult>(server, C.label, { uri, ...cpSpan(ARTICLE, 'Huyện ủy'), label: 'ORG' });
    assert.equal(r.ok, false, 'a label written through a broken link would be lost');
    assert.ok(fs.lstatSync(annFile).isSymbolicLink());
    fs.rmSync(annFile);
    fs.writeFileSync(annFile, saved);
    await changed(server, fileUri(annFile), 2);
  });

  test('the article deleted, then replaced by a folder, while open: the editor copy still works and labels still save', async () => {
    fs.rmSync(file);
    await changed(server, uri, 3);
    assert.ok((await tokens(server, uri)).length > 0, 'the open copy is still analysed');
    const r = await exec<AnnotationResult>(server, C.label, { uri, ...cpSpan(ARTICLE, 'Quảng Ninh'), label: 'LOC' });
    assert.equal(r.ok, true, r.message);
    fs.mkdirSync(file);
    await changed(server, uri, 1);
    assert.ok((await tokens(server, uri)).length > 0);
    const status = await exec<{ corpus: { articles: number } }>(server, C.status, { uri });
    assert.ok(status.corpus.articles >= 0);
    const syms = (await server.conn.sendRequest('workspace/symbol', { query: 'Quảng Ninh' })) as unknown[];
    assert.ok(Array.isArray(syms));
    fs.rmdirSync(file);
    fs.writeFileSync(file, ARTICLE);
  });
});

/** Ask until a condition holds (the index updates asynchronously); bounded, no sleeps. */
async function pollUntil(ok: () => Promise<boolean>, what: string, ms = 10000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise<void>((r) => setImmediate(r));
  }
}

/** The decoded token starting at (line, character), if any. */
function tokenAt(data: number[], line: number, character: number): { type: number } | undefined {
  let l = 0;
  let c = 0;
  for (let i = 0; i < data.length; i += 5) {
    l += data[i];
    c = data[i] === 0 ? c + data[i + 1] : data[i + 1];
    if (l === line && c === character) return { type: data[i + 3] };
  }
  return undefined;
}
