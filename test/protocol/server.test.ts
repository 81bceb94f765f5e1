import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, startServer } from './lspClient';

const CORPUS = path.resolve(__dirname, '../../samples/corpus');
const SAMPLE = path.join(CORPUS, '002_5b2966215289f573.txt');

test('initialize → didOpen → diagnostics → hover → shutdown/exit over stdio', async () => {
  const server = await startServer({ rootPath: CORPUS });
  const uri = fileUri(SAMPLE);
  const text = fs.readFileSync(SAMPLE, 'utf8');
  await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  const diags = await server.waitFor(() => server.diagnostics.get(uri), 'publishDiagnostics');
  const ad = (diags as Array<{ code: string; range: { start: { line: number } } }>).find((d) => d.code === 'ad');
  assert.ok(ad, 'the advertising placeholder is reported');
  assert.equal(ad.range.start.line, 0);

  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('18-NQ/TW'));
  const character = lines[line].indexOf('Nghị quyết số 18') + 3;
  const hover = (await server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as {
    contents: { value: string };
  } | null;
  assert.ok(hover, 'hover answers on a document reference');
  assert.match(hover.contents.value, /DOC/);
  assert.equal(await server.stop(), 0);
});
