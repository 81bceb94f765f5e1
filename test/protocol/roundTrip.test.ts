/**
 * CRLF, BOM and NFD articles round-tripping through annotation and export with exact
 * offsets (issue 9). The server receives what an editor sends — VS Code strips a BOM from
 * the document — and labels are made from editor ranges; the .ann must hold code-point
 * offsets into the file as stored (BOM = character 0, CRLF = two characters, NFD as is),
 * the editor must show the labels where they are, and every export format must carry
 * each label onto exactly its text.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, startServer, type TestServer } from './lspClient';
import { rangeOf } from './corpusFixture';
import { parseAnn } from '../../server/src/core/bratStandoff';
import { DEFAULT_EXPORT_OPTIONS } from '../../server/src/core/export/exportOptions';
import { ANNOTATION_COMMANDS as C, type AnnotationResult } from '../../server/src/protocol';
import { runExport } from '../../server/src/exportRunner';

const BODY = ['Quảng Ninh: Bí thư Tỉnh ủy Nguyễn Xuân Ký làm việc tại 😀 Ba Chẽ', 'Ông Ký đề nghị Huyện ủy Ba Chẽ thực hiện Nghị quyết số 18-NQ/TW.', ''];
const NEEDLES: Array<[string, string]> = [['Quảng Ninh', 'LOC'], ['Nguyễn Xuân Ký', 'PER'], ['Huyện ủy Ba Chẽ', 'ORG']];

/** name → stored text (what is on disk) and what the editor holds. */
const CASES: Record<string, { stored: string; editor: string }> = {};
{
  const lf = BODY.join('\n');
  const crlf = BODY.join('\r\n');
  const nfd = lf.normalize('NFD');
  CASES['crlf.txt'] = { stored: crlf, editor: crlf };
  CASES['bom-crlf.txt'] = { stored: '\ufeff' + crlf, editor: crlf };
  CASES['bom-kept.txt'] = { stored: '\ufeff' + lf, editor: '\ufeff' + lf }; // a client that keeps the BOM
  CASES['nfd.txt'] = { stored: nfd, editor: nfd };
  CASES['bom-nfd.txt'] = { stored: '\ufeff' + nfd.replace(/\n/g, '\r\n'), editor: nfd.replace(/\n/g, '\r\n') };
}

let dir: string;
let server: TestServer;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-roundtrip-'));
  for (const [name, c] of Object.entries(CASES)) fs.writeFileSync(path.join(dir, name), c.stored);
  server = await startServer({ rootPath: dir });
});

after(async () => {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const exec = (command: string, args: object) => server.conn.sendRequest('workspace/executeCommand', { command, arguments: [args] }) as Promise<AnnotationResult>;
const form = (name: string, s: string) => (name.includes('nfd') ? s.normalize('NFD') : s);

test('labels made from editor ranges land on the stored text: .ann offsets count the BOM and both CRLF characters', async () => {
  for (const [name, c] of Object.entries(CASES)) {
    const uri = fileUri(path.join(dir, name));
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'vn-article', version: 1, text: c.editor } });
    for (const [needle, label] of NEEDLES) {
      const r = await exec(C.label, { uri, range: rangeOf(c.editor, form(name, needle)), label });
      assert.equal(r.applied, 1, `${name} ${needle}: ${r.message}`);
    }
    const ann = fs.readFileSync(path.join(dir, name.replace(/\.txt$/, '.ann')), 'utf8');
    const doc = parseAnn(ann, { text: c.stored });
    assert.deepEqual(doc.problems, [], `${name}: ${ann}`);
    const cps = [...c.stored];
    for (const [needle, label] of NEEDLES) {
      const e = doc.entities.find((x) => x.label === label);
      assert.ok(e, `${name}: ${label}`);
      assert.equal(cps.slice(e.start, e.end).join(''), form(name, needle), `${name}: offsets of ${needle} in the stored file`);
      const expected = [...c.stored.slice(0, c.stored.indexOf(form(name, needle)))].length;
      assert.equal(e.start, expected);
    }
    assert.deepEqual(fs.readFileSync(path.join(dir, name), 'utf8'), c.stored, 'the article itself is untouched');
  }
});

test('the editor shows each label where it is: a semantic token starts at the editor position of each labelled name', async () => {
  for (const [name, c] of Object.entries(CASES)) {
    const uri = fileUri(path.join(dir, name));
    const data = ((await server.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] }).data;
    const starts = new Set<string>();
    let line = 0;
    let ch = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1];
      starts.add(`${line}:${ch}`);
    }
    for (const [needle] of NEEDLES) {
      const r = rangeOf(c.editor, form(name, needle));
      assert.ok(starts.has(`${r.start.line}:${r.start.character}`), `${name}: a token at ${needle} (${r.start.line}:${r.start.character})`);
    }
  }
});

test('every export carries each label onto exactly its text, in stored and in NFC form', async () => {
  for (const unicode of ['stored', 'nfc'] as const) {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vn-roundtrip-out-')), 'ds');
    const brat = await runExport({ inputs: [dir], outDir: out, options: { ...DEFAULT_EXPORT_OPTIONS, format: 'brat', unicode, labels: 'human' }, version: 'test' });
    assert.equal(brat.status, 'ok', brat.reason);
    assert.deepEqual(brat.warnings, [], 'no label was dropped as a mismatch');
    for (const name of Object.keys(CASES)) {
      const base = path.join(out, 'data', name.replace(/\.txt$/, ''));
      const text = fs.readFileSync(base + '.txt', 'utf8');
      const doc = parseAnn(fs.readFileSync(base + '.ann', 'utf8'), { text });
      assert.deepEqual(doc.problems, [], `${unicode} ${name}`);
      const want = NEEDLES.map(([n, l]) => `${l} ${unicode === 'nfc' ? n : form(name, n)}`).sort();
      assert.deepEqual(doc.entities.filter((e) => !e.id.startsWith('X')).map((e) => `${e.label} ${e.text}`).sort(), want, `${unicode} ${name}`);
    }
    const out2 = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vn-roundtrip-out-')), 'ds');
    const doccano = await runExport({ inputs: [dir], outDir: out2, options: { ...DEFAULT_EXPORT_OPTIONS, format: 'doccano', unicode, labels: 'human' }, version: 'test' });
    assert.equal(doccano.status, 'ok', doccano.reason);
    const rows = fs.readFileSync(path.join(out2, 'data.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; label: Array<[number, number, string]> });
    assert.equal(rows.length, Object.keys(CASES).length);
    for (const row of rows) {
      const cps = [...row.text];
      const got = row.label.map(([s, e, l]) => `${l} ${cps.slice(s, e).join('').normalize('NFC')}`).sort();
      assert.deepEqual(got, NEEDLES.map(([n, l]) => `${l} ${n}`).sort());
    }
  }
});
