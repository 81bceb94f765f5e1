/**
 * The workspace side of the language features, over a temporary copy of the fixture
 * corpus: file watching (create, change, delete, rename, folder delete), open editors
 * winning over disk, pull diagnostics, UTF-32 position encoding, per-document
 * configuration applied without a restart, and the persistent index cache.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, startServer, type TestServer } from './lspClient';
import { CORPUS, inside, rangeOf, read, type Rng } from './corpusFixture';
import { ANNOTATION_COMMANDS, type AnnotationStatus } from '../../server/src/protocol';

interface Loc {
  uri: string;
  range: Rng;
}
type Sym = { name: string; location: Loc };

function copyCorpus(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-ws-'));
  fs.cpSync(CORPUS, dir, { recursive: true });
  return dir;
}

const indexed = (s: TestServer) => s.notifications.some((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end');

const CAPS = {
  workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true }, inlayHint: { refreshSupport: true }, semanticTokens: { refreshSupport: true } },
  window: { workDoneProgress: true },
  textDocument: { diagnostic: { dynamicRegistration: false } },
  general: { positionEncodings: ['utf-32', 'utf-16'] },
};

/** Ask workspace/symbol until the answer satisfies a predicate (the index updates asynchronously). */
async function symbolsUntil(s: TestServer, query: string, ok: (syms: Sym[]) => boolean, what: string): Promise<Sym[]> {
  const deadline = Date.now() + 10000;
  for (;;) {
    const syms = (await s.conn.sendRequest('workspace/symbol', { query })) as Sym[];
    if (ok(syms)) return syms;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last answer ${JSON.stringify(syms)}`);
    await new Promise<void>((r) => setImmediate(r)); // yield to the message loop, then ask again
  }
}

describe('workspace: watching, open editors, pull diagnostics, UTF-32, configuration', () => {
  let dir: string;
  let server: TestServer;

  before(async () => {
    dir = copyCorpus();
    // A closed article with a human label (brat .ann beside it) the engine would not find.
    const article = 'Cao Bằng: Tổ công tác đặc biệt kiểm tra tiến độ giải ngân.\n';
    fs.writeFileSync(path.join(dir, 'g-cao-bang.txt'), article);
    const span = [...article.slice(0, article.indexOf('Tổ công tác'))].length;
    fs.writeFileSync(path.join(dir, 'g-cao-bang.ann'), `T1\tORG ${span} ${span + 'Tổ công tác đặc biệt'.length}\tTổ công tác đặc biệt\n`);
    server = await startServer({ rootPath: dir, capabilities: CAPS });
    await server.waitFor(() => (indexed(server) ? true : undefined), 'the initial index');
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('human labels of a closed article (its .ann) are in the corpus index', async () => {
    const syms = await symbolsUntil(server, 'to cong tac dac biet', (s) => s.length === 1, 'the human label');
    const text = read(path.join(dir, 'g-cao-bang.txt'));
    assert.deepEqual(syms[0].location, { uri: fileUri(path.join(dir, 'g-cao-bang.txt')), range: rangeOf(text, 'Tổ công tác đặc biệt', 0, 'utf-32') });
  });

  test('negotiates UTF-32 when the client offers it: columns count code points', async () => {
    assert.equal(server.initResult.capabilities.positionEncoding, 'utf-32');
    const file = path.join(dir, 'd-emoji.txt');
    const text = read(file);
    const uri = fileUri(file);
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'vn-article', version: 1, text } });
    const hover = (await server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: inside(text, 'UBND', 0, 'utf-32') })) as { range: Rng };
    assert.deepEqual(hover.range, rangeOf(text, 'UBND', 0, 'utf-32'));
    assert.equal(hover.range.start.character, 2, '👉 is one code point');
  });

  test('pull diagnostics: textDocument/diagnostic answers, unchanged result ids are honoured', async () => {
    assert.ok(server.initResult.capabilities.diagnosticProvider, 'diagnosticProvider advertised');
    const file = path.join(dir, 'a-quang-ninh.txt');
    const uri = fileUri(file);
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'vn-article', version: 1, text: read(file) } });
    const report = (await server.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; resultId: string; items: Array<{ code: string }> };
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d) => d.code), ['ad', 'ad', 'mixedToneMarks']);
    const again = (await server.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId })) as { kind: string };
    assert.equal(again.kind, 'unchanged');
    assert.equal(server.diagnostics.get(uri), undefined, 'nothing pushed to a pulling client');
  });

  test('configuration per document: severity off, labels hidden, inlay hints off — applied without restart', async () => {
    const file = path.join(dir, 'a-quang-ninh.txt');
    const uri = fileUri(file);
    const text = read(file);
    const refreshes = () => server.requests.filter((r) => r.method.endsWith('/refresh')).length;
    const before = refreshes();
    server.setSettings({ labels: ['DATE', 'DOC'], inlayHints: { enabled: false }, diagnostics: { ad: 'off', mixedToneMarks: 'hint' } });
    await server.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await server.waitFor(() => (refreshes() >= before + 3 ? true : undefined), 'diagnostic, semantic token and inlay hint refresh requests');
    const report = (await server.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Array<{ code: string; severity: number }> };
    assert.deepEqual(report.items.map((d) => [d.code, d.severity]), [['mixedToneMarks', 4]]);
    const hover = await server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: inside(text, 'UBND', 0, 'utf-32') });
    assert.equal(hover, null, 'ORG hidden: no hover');
    const doc = (await server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: inside(text, 'Nghị quyết số', 0, 'utf-32') })) as { contents: { value: string } };
    assert.match(doc.contents.value, /DOC/);
    const hints = await server.conn.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
    assert.deepEqual(hints, []);
    const configRequests = server.requests.filter((r) => r.method === 'workspace/configuration');
    assert.ok(
      configRequests.some((r) => JSON.stringify(r.params).includes(`"scopeUri":"${uri}"`)),
      'settings are asked per document (scopeUri = the article)',
    );
    server.setSettings(null);
    await server.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await server.waitFor(() => (refreshes() >= before + 6 ? true : undefined), 'refresh after restoring defaults');
  });

  test('file watching: a new article is indexed, a change re-read, a delete and a rename applied', async () => {
    const file = path.join(dir, 'f-moi.txt');
    fs.writeFileSync(file, 'Tin mới\n\nHội nghị quán triệt Nghị quyết số 35-NQ/TW về bảo vệ nền tảng tư tưởng.\n');
    await server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type: 1 }] });
    let syms = await symbolsUntil(server, 'nghi quyet so 35', (s) => s.length === 1, 'the created article');
    assert.equal(syms[0].location.uri, fileUri(file));

    fs.writeFileSync(file, 'Tin mới\n\nHội nghị quán triệt Nghị quyết số 36-NQ/TW.\n');
    await server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type: 2 }] });
    await symbolsUntil(server, 'nghi quyet so 3', (s) => s.length === 1 && s[0].name.includes('36'), 'the changed article');

    const renamed = path.join(dir, 'sub', 'f-doi-ten.txt');
    fs.renameSync(file, renamed);
    await server.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: fileUri(file), type: 3 },
        { uri: fileUri(renamed), type: 1 },
      ],
    });
    syms = await symbolsUntil(server, 'nghi quyet so 36', (s) => s.length === 1 && s[0].location.uri === fileUri(renamed), 'the renamed article');

    fs.rmSync(path.join(dir, 'sub'), { recursive: true });
    await server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'sub')), type: 3 }] });
    await symbolsUntil(server, 'nghi quyet so 36', (s) => s.length === 0, 'the deleted folder to leave the index');
    const ubnd = await symbolsUntil(server, 'ubnd', (s) => s.length === 1, 'UBND');
    assert.ok(ubnd.length === 1);
  });

  test('open editors win over disk; closing the editor returns to the disk contents', async () => {
    const file = path.join(dir, 'b-bac-ninh-crlf.txt');
    const uri = fileUri(file);
    const edited = read(file).replace('Nghị quyết số 18-NQ/TW', 'Nghị quyết số 99-NQ/TW');
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'vn-article', version: 1, text: read(file) } });
    await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    // Any request makes the server analyse the new version; the index follows the editor.
    await server.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    await symbolsUntil(server, 'nghi quyet so 99', (s) => s.length === 1 && s[0].location.uri === uri, 'the unsaved edit');
    // A disk event for the open file does not override the editor.
    await server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    await symbolsUntil(server, 'nghi quyet so 99', (s) => s.length === 1, 'the editor to keep winning');
    await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await symbolsUntil(server, 'nghi quyet so 99', (s) => s.length === 0, 'the disk contents after close');
  });

  test('typing puts the index update off, yet the very next index read answers with the latest text', async () => {
    const file = path.join(dir, 'a-quang-ninh.txt');
    const uri = fileUri(file);
    const base = read(file);
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'vn-article', version: 1, text: base } });
    for (let v = 2; v <= 6; v++) {
      const text = `${base}\nThực hiện Nghị quyết số ${70 + v}-NQ/TW của Bộ Chính trị.\n`;
      await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
      await server.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    }
    // No waiting and no retry: the read itself applies the pending update.
    const latest = (await server.conn.sendRequest('workspace/symbol', { query: 'nghi quyet so 76' })) as Sym[];
    assert.deepEqual(latest.map((x) => x.location.uri), [uri]);
    const stale = (await server.conn.sendRequest('workspace/symbol', { query: 'nghi quyet so 75' })) as Sym[];
    assert.deepEqual(stale, []);
    await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  test('the annotation status counts articles created and deleted since the last count', async () => {
    const count = async () => ((await server.conn.sendRequest('workspace/executeCommand', { command: ANNOTATION_COMMANDS.status, arguments: [{}] })) as AnnotationStatus).corpus.articles;
    const before = await count();
    assert.equal(await count(), before, 'asked again, nothing changed');
    const file = path.join(dir, 'sub', 'h-moi.txt');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'Hà Nội: Thành ủy họp phiên thường kỳ.\n');
    await server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type: 1 }] });
    assert.equal(await count(), before + 1);
    fs.rmSync(file);
    await server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type: 3 }] });
    assert.equal(await count(), before);
  });
});

describe('index cache in storagePath', () => {
  const logs = (s: TestServer) => s.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
  const summaryLine = (s: TestServer) => s.waitFor(() => logs(s).find((m) => m.startsWith('indexed ')), 'the index summary line');

  test('written on the first index, reused by the next server, ignored when corrupt', async () => {
    const dir = copyCorpus();
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-storage-'));
    const opts = { rootPath: dir, capabilities: CAPS, initializationOptions: { storagePath: storage } };
    const first = await startServer(opts);
    assert.match(await summaryLine(first), /indexed 5 articles .*5 analysed.*0 from cache/);
    assert.equal(await first.stop(), 0);
    const cacheDir = path.join(storage, 'index-cache');
    const shards = fs.readdirSync(cacheDir).filter((f) => f.endsWith('.bin'));
    assert.ok(shards.length > 0, 'cache written');

    const second = await startServer(opts);
    assert.match(await summaryLine(second), /indexed 5 articles .*0 analysed.*5 from cache/);
    const syms = (await second.conn.sendRequest('workspace/symbol', { query: 'ubnd' })) as Array<{ containerName: string }>;
    assert.match(syms[0].containerName, /7 lần \/ 5 bài/, 'cached summaries answer like fresh ones');
    assert.equal(await second.stop(), 0);

    // One shard truncated, one with a flipped byte: each is dropped alone, its articles analysed again.
    const sizes = shards.map((f) => fs.statSync(path.join(cacheDir, f)).size);
    const first0 = path.join(cacheDir, shards[0]);
    fs.truncateSync(first0, Math.floor(sizes[0] / 2));
    if (shards.length > 1) {
      const other = path.join(cacheDir, shards[1]);
      const bytes = fs.readFileSync(other);
      bytes[bytes.length - 30] ^= 0xff;
      fs.writeFileSync(other, bytes);
    }
    const third = await startServer(opts);
    const line = await summaryLine(third);
    const analysed = Number(/(\d+) analysed/.exec(line)?.[1]);
    const cached = Number(/(\d+) from cache/.exec(line)?.[1]);
    assert.ok(analysed > 0 && analysed + cached === 5, `corrupt shards rebuilt, the rest reused: ${line}`);
    assert.equal(logs(third).filter((m) => m.startsWith('index cache shard')).length, Math.min(2, shards.length), 'each bad shard named in the log');
    const again = (await third.conn.sendRequest('workspace/symbol', { query: 'ubnd' })) as Array<{ containerName: string }>;
    assert.match(again[0].containerName, /7 lần \/ 5 bài/, 'the index is whole again');
    assert.equal(await third.stop(), 0);

    const fourth = await startServer(opts);
    assert.match(await summaryLine(fourth), /indexed 5 articles .*0 analysed.*5 from cache/, 'the rebuilt shards were saved');
    assert.equal(await fourth.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });
});
