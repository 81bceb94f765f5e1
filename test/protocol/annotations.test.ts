/**
 * The annotation commands over real LSP: the bundled server, a temporary copy of the
 * sample corpus, and the .ann / sidecar files it writes checked on disk.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, startServer, type TestServer } from './lspClient';
import { parseAnn } from '../../server/src/core/bratStandoff';
import { ANNOTATION_COMMANDS as C, type AnnotationResult, type AnnotationStatus, type EntityTree, type IdenticalPreview, type NavigationTarget } from '../../server/src/protocol';

const SAMPLES = path.resolve(__dirname, '../../samples/corpus');
let dir: string;
let server: TestServer;
let article: string;
let uri: string;
let text: string;

const exec = <T>(command: string, args: object) => server.conn.sendRequest('workspace/executeCommand', { command, arguments: [args] }) as Promise<T>;
const annOf = (file: string) => file.replace(/\.txt$/, '.ann');
const sidecarOf = (file: string) => JSON.parse(fs.readFileSync(file.replace(/\.txt$/, '.vncorpus.json'), 'utf8'));
const cp = (s: string, utf16: number) => [...s.slice(0, utf16)].length;
/** Code-point span of the n-th occurrence of a string in the article. */
const spanOf = (needle: string, n = 0) => {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return { start: cp(text, i), end: cp(text, i) + [...needle].length };
};

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-ann-'));
  for (const f of fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'))) fs.copyFileSync(path.join(SAMPLES, f), path.join(dir, f));
  article = path.join(dir, '002_5b2966215289f573.txt');
  uri = fileUri(article);
  text = fs.readFileSync(article, 'utf8');
  server = await startServer({ rootPath: dir });
  await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'vn-article', version: 1, text } });
  await server.waitFor(() => server.diagnostics.get(uri), 'first diagnostics');
});

after(async () => {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the server advertises every annotation command', async () => {
  // A fresh initialize is not needed: an unknown command answers null, a known one answers.
  const r = await exec<AnnotationStatus>(C.status, { uri });
  assert.equal(r.corpus.articles, 3);
  assert.equal(r.file?.reviewed, false);
});

test('label a span → a brat T line with code-point offsets and the covered text, written atomically', async () => {
  const name = 'Ban Chấp hành Đảng bộ tỉnh Bắc Ninh';
  const span = spanOf(name);
  const r = await exec<AnnotationResult>(C.label, { uri, ...span, label: 'ORG' });
  assert.equal(r.ok, true, r.message);
  assert.equal(r.applied, 1);
  const ann = fs.readFileSync(annOf(article), 'utf8');
  const doc = parseAnn(ann, { text });
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(doc.entities.map((e) => [e.label, e.start, e.end, e.text]), [['ORG', span.start, span.end, name]]);
  assert.equal(sidecarOf(article).provenance[doc.entities[0].id].source, 'manual');
  assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary files left behind');
});

test('label by LSP range, then relabel and remove', async () => {
  const lines = text.split('\n');
  const word = 'Bắc Ninh';
  const line = lines.findIndex((l) => l.includes(word));
  assert.ok(line >= 0);
  const character = lines[line].indexOf(word);
  const range = { start: { line, character }, end: { line, character: character + word.length } };
  assert.equal((await exec<AnnotationResult>(C.label, { uri, range, label: 'ORG' })).applied, 1);
  assert.equal((await exec<AnnotationResult>(C.label, { uri, range, label: 'LOC' })).applied, 1);
  let doc = parseAnn(fs.readFileSync(annOf(article), 'utf8'), { text });
  assert.ok(doc.entities.some((e) => e.label === 'LOC' && e.text === word));
  assert.ok(!doc.entities.some((e) => e.label === 'ORG' && e.text === word), 'relabelled in place, not duplicated');
  const removed = await exec<AnnotationResult>(C.remove, { uri, position: { line, character: character + 1 } });
  assert.ok(removed.applied >= 1);
  doc = parseAnn(fs.readFileSync(annOf(article), 'utf8'), { text });
  assert.ok(!doc.entities.some((e) => e.text === word));
});

test('accept and reject detections; code actions offer them on a detected span', async () => {
  const first = await exec<NavigationTarget | null>(C.nextUnconfirmed, { uri, position: { line: 0, character: 0 } });
  assert.ok(first?.range, 'the detector found something to confirm');
  const actions = (await server.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: first.range, context: { diagnostics: [] } })) as Array<{ title: string; command: { command: string; arguments: object[] } }>;
  const accept = actions.find((a) => a.command.command === C.accept);
  const reject = actions.find((a) => a.command.command === C.reject);
  assert.ok(accept && reject, 'accept and reject offered');
  assert.ok(actions.some((a) => a.command.command === C.acceptAll), 'accept all offered');
  assert.equal((await exec<AnnotationResult>(accept.command.command, accept.command.arguments[0])).applied, 1);
  const doc = parseAnn(fs.readFileSync(annOf(article), 'utf8'), { text });
  const accepted = doc.entities.find((e) => sidecarOf(article).provenance[e.id]?.source === 'accepted');
  assert.ok(accepted, 'the detection is now a human label with provenance "accepted"');

  const next = await exec<NavigationTarget | null>(C.nextUnconfirmed, { uri, position: first.range.end });
  assert.ok(next?.range && next.uri === uri);
  const rejectedBefore = sidecarOf(article).rejected.length; // earlier tests may have rejected detections by removing labels
  const r = await exec<AnnotationResult>(C.reject, { uri, position: next.range.start });
  assert.equal(r.applied, 1);
  assert.equal(sidecarOf(article).rejected.length, rejectedBefore + 1);
  const after = await exec<NavigationTarget | null>(C.nextUnconfirmed, { uri, position: first.range.end });
  assert.notDeepEqual(after?.range, next.range, 'a rejected detection is no longer offered');
});

test('accept all of a label, then all in the file: nothing unconfirmed remains', async () => {
  const before = await exec<AnnotationStatus>(C.status, { uri });
  assert.ok(before.file!.unconfirmed > 0);
  await exec<AnnotationResult>(C.acceptAll, { uri, label: 'DATE' });
  await exec<AnnotationResult>(C.acceptAll, { uri });
  const after = await exec<AnnotationStatus>(C.status, { uri });
  assert.equal(after.file!.unconfirmed, 0);
  assert.ok(after.file!.human >= before.file!.human + before.file!.unconfirmed);
  assert.ok(after.corpus.human.accepted >= before.file!.unconfirmed);
});

test('label every identical mention: preview first (nothing written), then apply the chosen ones, across the corpus', async () => {
  const needle = 'Tỉnh ủy';
  const span = spanOf(needle);
  const annBefore = fs.readFileSync(annOf(article), 'utf8');
  const preview = await exec<IdenticalPreview>(C.labelIdentical, { uri, ...span, label: 'ORG', scope: 'corpus' });
  assert.ok(preview.occurrences.length >= 2, 'several other mentions');
  assert.equal(fs.readFileSync(annOf(article), 'utf8'), annBefore, 'a preview writes nothing');
  assert.ok(preview.occurrences.every((o) => o.text.normalize('NFC').toLowerCase().replace('uỷ', 'ủy') === needle.toLowerCase()));
  const others = preview.occurrences.filter((o) => o.uri !== uri);
  assert.ok(others.length > 0, 'other articles mention it too');
  const only = [preview.occurrences.findIndex((o) => o.uri === uri), preview.occurrences.indexOf(others[0])];
  const applied = await exec<IdenticalPreview>(C.labelIdentical, { uri, ...span, label: 'ORG', scope: 'corpus', apply: true, only });
  assert.equal(applied.applied, 2);
  const otherFile = fileUriToPath(others[0].uri);
  const otherDoc = parseAnn(fs.readFileSync(annOf(otherFile), 'utf8'), { text: fs.readFileSync(otherFile, 'utf8') });
  assert.deepEqual(otherDoc.problems, []);
  assert.deepEqual(otherDoc.entities.map((e) => [e.start, e.end]), [[others[0].start, others[0].end]]);
});

test('mark reviewed / not reviewed; next unreviewed article skips reviewed ones', async () => {
  await exec<AnnotationResult>(C.setReviewed, { uri, reviewed: true });
  assert.equal(typeof sidecarOf(article).reviewed.at, 'string');
  const st = await exec<AnnotationStatus>(C.status, { uri });
  assert.equal(st.file!.reviewed, true);
  assert.equal(st.corpus.reviewed, 1);
  const next = await exec<NavigationTarget | null>(C.nextUnreviewed, { uri });
  assert.ok(next && next.uri !== uri);
  await exec<AnnotationResult>(C.setReviewed, { uri, reviewed: false });
  assert.equal(sidecarOf(article).reviewed, null);
});

test('markContent records the decision in the sidecar and the boilerplate diagnostic goes away', async () => {
  const diags = server.diagnostics.get(uri) as Array<{ code: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>;
  const ad = diags.find((d) => d.code === 'ad');
  assert.ok(ad, 'a boilerplate diagnostic to decide on');
  const lines = text.split('\n');
  const start = cp(text, lines.slice(0, ad.range.start.line).join('\n').length + (ad.range.start.line ? 1 : 0) + ad.range.start.character);
  const end = cp(text, lines.slice(0, ad.range.end.line).join('\n').length + (ad.range.end.line ? 1 : 0) + ad.range.end.character);
  server.diagnostics.delete(uri);
  const r = await exec<AnnotationResult>(C.markContent, { uri, start, end, category: 'ad' });
  assert.equal(r.applied, 1);
  assert.deepEqual(sidecarOf(article).content.map((c: { start: number; category: string }) => [c.start, c.category]), [[start, 'ad']]);
  const fresh = await server.waitFor(() => server.diagnostics.get(uri), 'diagnostics after the decision');
  assert.ok(!(fresh as Array<{ code: string; range: { start: { line: number } } }>).some((d) => d.code === 'ad' && d.range.start.line === ad.range.start.line));
});

test('another window changed the .ann meanwhile: its labels are kept and ours merged onto them', async () => {
  const file = annOf(article);
  const theirs = 'T900\tLOC 0 1\tx\n';
  // Another tool appends a (deliberately bad) line and a good one.
  const good = spanOf('Trung ương');
  const extra = `T901\tORG ${good.start} ${good.end}\tTrung ương\n`;
  fs.appendFileSync(file, theirs + extra);
  const span = spanOf('Ban Thường vụ');
  const r = await exec<AnnotationResult>(C.label, { uri, ...span, label: 'ORG' });
  assert.equal(r.ok, true);
  assert.equal(r.merged, true);
  const ann = fs.readFileSync(file, 'utf8');
  assert.ok(ann.includes(theirs), 'their unusable line is kept verbatim');
  assert.ok(ann.includes(extra), 'their label is kept');
  const doc = parseAnn(ann, { text });
  assert.ok(doc.entities.some((e) => e.start === span.start && e.label === 'ORG'), 'ours is there too');
  assert.ok(!doc.entities.some((e) => e.id === 'T902' && e.start !== span.start));
});

test('a malformed .ann is reported on the .ann and on the article, naming the line; a quick fix removes the line', async () => {
  const annUri = fileUri(annOf(article));
  const diags = await server.waitFor(() => {
    const d = server.diagnostics.get(annUri) as Array<{ code: string; message: string; range: { start: { line: number } } }> | undefined;
    return d && d.length ? d : undefined;
  }, '.ann diagnostics');
  const bad = diags.find((d) => d.code === 'ann-text-mismatch');
  assert.ok(bad, JSON.stringify(diags));
  const lineNo = bad.range.start.line + 1;
  assert.match(bad.message, new RegExp(`Line ${lineNo}:`));
  const articleDiags = server.diagnostics.get(uri) as Array<{ code: string; message: string }>;
  assert.ok(articleDiags.some((d) => d.code === 'ann-text-mismatch' && d.message.includes(`line ${lineNo}`)), 'the article names the .ann line too');
  const actions = (await server.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri: annUri },
    range: bad.range,
    context: { diagnostics: [bad] },
  })) as Array<{ command: { command: string; arguments: object[] } }>;
  assert.equal(actions.length, 1);
  await exec(actions[0].command.command, actions[0].command.arguments[0]);
  assert.ok(!fs.readFileSync(annOf(article), 'utf8').includes('T900\tLOC 0 1\tx'));
});

test('editing the article moves the labels with the text', async () => {
  const span = spanOf('Ban Thường vụ');
  const insert = 'Tin mới: ';
  await server.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: insert }],
  });
  text = insert + text;
  // A labelling action writes the .ann for the text as it is now. Earlier tests accepted every
  // detection, so label a span nothing has labelled yet, to be sure a write happens.
  const where = spanOf('Thời gian qua');
  const labelled = await exec<AnnotationResult>(C.label, { uri, ...where, label: 'DATE' });
  assert.equal(labelled.applied, 1, 'the labelling action wrote the .ann');
  const doc = parseAnn(fs.readFileSync(annOf(article), 'utf8'), { text });
  assert.deepEqual(doc.problems, [], 'every span matches the edited text');
  assert.ok(doc.entities.some((e) => e.start === span.start + insert.length && e.text === 'Ban Thường vụ'));
});

test('Entities tree: persons, organizations, places, documents with mention counts and locations', async () => {
  const tree = await exec<EntityTree>(C.entityTree, {});
  assert.deepEqual(tree.groups.map((g) => g.label), ['PER', 'ORG', 'LOC', 'DOC']);
  const org = tree.groups[1].items.find((i) => i.name === 'Ban Chấp hành Đảng bộ tỉnh Bắc Ninh');
  assert.ok(org, 'a labelled organization is listed');
  assert.equal(org.count, org.mentions.length);
  assert.ok(org.mentions.every((m) => m.source === 'human'));
});

function fileUriToPath(u: string): string {
  return new URL(u).pathname.split('/').map(decodeURIComponent).join('/');
}

test('renaming an article renames its .ann and sidecar with it; nothing else is moved or overwritten', async () => {
  const caps = server.initResult.capabilities as { workspace?: { fileOperations?: { willRename?: unknown } } };
  assert.ok(caps.workspace?.fileOperations?.willRename, 'the server asks to take part in file renames');
  assert.ok(fs.existsSync(annOf(article)) && fs.existsSync(article.replace(/\.txt$/, '.vncorpus.json')), 'the article has labels and a sidecar');
  const renamed = path.join(dir, 'sub', 'renamed.txt');
  type Edit = { documentChanges?: Array<{ kind: string; oldUri: string; newUri: string; options?: { overwrite?: boolean } }> } | null;
  const ask = (files: Array<{ oldUri: string; newUri: string }>) => server.conn.sendRequest('workspace/willRenameFiles', { files }) as Promise<Edit>;
  const edit = await ask([{ oldUri: uri, newUri: fileUri(renamed) }]);
  const moves = (edit?.documentChanges ?? []).map((c) => [c.kind, fileUriToPath(c.oldUri), fileUriToPath(c.newUri), c.options?.overwrite]);
  assert.deepEqual(moves, [
    ['rename', annOf(article), path.join(dir, 'sub', 'renamed.ann'), false],
    ['rename', article.replace(/\.txt$/, '.vncorpus.json'), path.join(dir, 'sub', 'renamed.vncorpus.json'), false],
  ]);
  // An article without labels, and a file that is not an article: no edit.
  const other = fs.readdirSync(dir).find((f) => f.endsWith('.txt') && !fs.existsSync(path.join(dir, f.replace(/\.txt$/, '.ann'))))!;
  assert.equal(await ask([{ oldUri: fileUri(path.join(dir, other)), newUri: fileUri(path.join(dir, 'x.txt')) }]), null);
  assert.equal(await ask([{ oldUri: fileUri(annOf(article)), newUri: fileUri(path.join(dir, 'y.ann')) }]), null);
  // A file already holding the new name's labels is never overwritten: that companion stays, and the annotator is told.
  const taken = path.join(dir, 'taken.txt');
  fs.writeFileSync(taken.replace(/\.txt$/, '.ann'), 'T1\tPER 0 3\tabc\n');
  const before = server.requests.length;
  const partial = await ask([{ oldUri: uri, newUri: fileUri(taken) }]);
  assert.deepEqual((partial?.documentChanges ?? []).map((c) => path.basename(fileUriToPath(c.newUri))), ['taken.vncorpus.json']);
  await server.waitFor(() => server.requests.slice(before).find((r) => r.method === 'window/showMessageRequest' && /not moved/.test(JSON.stringify(r.params))), 'a warning about the labels left behind');
  assert.equal(fs.readFileSync(taken.replace(/\.txt$/, '.ann'), 'utf8'), 'T1\tPER 0 3\tabc\n');
  fs.rmSync(taken.replace(/\.txt$/, '.ann'));
});
