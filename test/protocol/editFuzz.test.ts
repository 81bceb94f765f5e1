/**
 * Random sequences of incremental edits through the real server (issue 9): the bundled
 * server is spawned over stdio, a document is opened and edited by random
 * `textDocument/didChange` batches (inserts, deletes, replacements of Vietnamese news
 * pieces, CRLF, NFD, astral characters, at positions a real editor can produce); after each
 * sequence, its diagnostics, semantic tokens, document symbols and inlay hints must equal
 * those of a document opened fresh with the final text — on the same server, and for the
 * last sequence on a brand-new server process too. A run of edits that left stale state
 * behind (a cache keyed wrongly, an index that did not follow) shows up as a difference.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, startServer, type TestServer } from './lspClient';
import { PIECES } from '../unit/fuzzArbitraries';

/** Edit sequences tried (each up to 10 didChange batches of up to 3 changes); EDIT_FUZZ_RUNS for a soak. */
const RUNS = Number(process.env.EDIT_FUZZ_RUNS ?? 40);

const CAPS = {
  workspace: { configuration: true },
  textDocument: { diagnostic: { dynamicRegistration: false } },
};

const START = [
  'Chiều 21/9, Bí thư Tỉnh ủy Quảng Ninh Nguyễn Xuân Ký làm việc với Ban Thường vụ Huyện ủy Ba Chẽ.',
  'Theo Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương khóa XII, tỉnh sẽ sắp xếp bộ máy.',
  'Tin liên quan',
  '(0) Bình luận',
].join('\n');

let dir: string;
let server: TestServer;
let n = 0;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-edit-fuzz-'));
  server = await startServer({ rootPath: dir, capabilities: CAPS });
});

after(async () => {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A change a real editor could send: offsets snapped off the middle of a CRLF or a surrogate pair. */
const changeArb = fc.record({ a: fc.nat(), b: fc.nat(), len: fc.nat(20), text: fc.constantFrom('', '', ...PIECES) });
const batchArb = fc.array(changeArb, { minLength: 1, maxLength: 3 });
const sequenceArb = fc.record({ start: fc.constantFrom(START, START.replace(/\n/g, '\r\n'), START.normalize('NFD'), '', '\ufeff' + START), batches: fc.array(batchArb, { minLength: 1, maxLength: 10 }) });

function snap(text: string, i: number): number {
  if (i > 0 && i < text.length) {
    const prev = text.charCodeAt(i - 1);
    const next = text.charCodeAt(i);
    if ((prev === 13 && next === 10) || (prev >= 0xd800 && prev <= 0xdbff && next >= 0xdc00 && next <= 0xdfff)) return i - 1;
  }
  return i;
}

/** Everything a client sees for one document, made comparable across documents. */
async function results(uri: string, s: TestServer = server): Promise<unknown> {
  const diagnostics = (await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Array<{ data?: { version?: number } }> };
  const items = diagnostics.items.map((d) => ({ ...d, data: d.data ? { ...d.data, version: undefined } : undefined }));
  const tokens = (await s.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] };
  const symbols = await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  const end = { line: 100000, character: 0 };
  const hints = await s.conn.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end } });
  return { items, tokens: tokens.data, symbols, hints };
}

async function openDoc(uri: string, text: string, s: TestServer = server): Promise<void> {
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'vn-article', version: 1, text } });
}

async function closeDoc(uri: string, s: TestServer = server): Promise<void> {
  await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
}

let lastFinal = '';
let edits = 0;
let coloured = 0;

test('after any sequence of incremental edits, results equal those of a fresh document with the final text', async () => {
  await fc.assert(
    fc.asyncProperty(sequenceArb, async ({ start, batches }) => {
      const k = n++;
      const uri = fileUri(path.join(dir, `edited-${k}.txt`));
      let mirror = TextDocument.create(uri, 'vn-article', 1, start);
      await openDoc(uri, start);
      let version = 1;
      for (const batch of batches) {
        const changes = [];
        for (const c of batch) {
          // Each change applies to the text the previous one left (LSP semantics within one notification).
          const text = mirror.getText();
          const from = snap(text, c.a % (text.length + 1));
          const to = snap(text, Math.min(text.length, from + c.len));
          const change = { range: { start: mirror.positionAt(from), end: mirror.positionAt(to) }, text: c.text };
          changes.push(change);
          mirror = TextDocument.update(mirror, [change], mirror.version + 1);
          edits++;
        }
        await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: changes });
      }
      const final = mirror.getText();
      const edited = await results(uri);
      const freshUri = fileUri(path.join(dir, `fresh-${k}.txt`));
      await openDoc(freshUri, final);
      const fresh = await results(freshUri);
      assert.deepEqual(edited, fresh, `final text ${JSON.stringify(final.slice(0, 200))}`);
      if ((edited as { tokens: number[] }).tokens.length > 0) coloured++;
      await closeDoc(uri);
      await closeDoc(freshUri);
      lastFinal = final;
    }),
    { numRuns: RUNS },
  );
  console.log(`${RUNS} edit sequences, ${edits} incremental changes, each compared with a fresh document (${coloured} with entities)`);
  assert.ok(coloured >= RUNS / 4, 'most final texts still hold entities: the comparison is not between empty answers');
});

test('the last edited text gives the same results on a brand-new server process', async () => {
  const other = await startServer({ rootPath: dir, capabilities: CAPS });
  try {
    const uri = fileUri(path.join(dir, 'fresh-last.txt'));
    await openDoc(uri, lastFinal);
    await openDoc(uri, lastFinal, other);
    assert.deepEqual(await results(uri, other), await results(uri));
  } finally {
    await other.stop();
  }
});
