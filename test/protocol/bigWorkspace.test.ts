/**
 * A workspace of 100,000 files that are not articles (issue 9): images, JSON, notes,
 * spread over 200 folders, with a handful of articles among them. The index must finish
 * quickly and the server's memory stay bounded: both are measured loosely (generous
 * bounds, figures printed), since timing depends on the machine.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServer, type TestServer } from './lspClient';
import { ANNOTATION_COMMANDS as C } from '../../server/src/protocol';

const FILES = Number(process.env.BIG_WORKSPACE_FILES ?? 100_000);
const ARTICLES = 5;
let dir: string;

const indexed = (s: TestServer) => s.notifications.some((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end');
const rssOf = (pid: number) => {
  try {
    const st = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(st)?.[1]) / 1024);
  } catch {
    return NaN;
  }
};

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-big-ws-'));
  const exts = ['.json', '.png', '.md', '.csv', '.html'];
  const perFolder = Math.ceil(FILES / 200);
  for (let f = 0; f < 200; f++) {
    const sub = path.join(dir, `nhom-${f}`);
    fs.mkdirSync(sub);
    for (let i = 0; i < perFolder && f * perFolder + i < FILES; i++) fs.writeFileSync(path.join(sub, `tep-${i}${exts[i % exts.length]}`), '');
  }
  for (let k = 0; k < ARTICLES; k++) fs.writeFileSync(path.join(dir, `nhom-${k * 37}`, `bai-${k}.txt`), `Ông Nguyễn Văn Hùng số ${k} làm việc tại Quảng Ninh ngày 21/9/2020.\n`);
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test(`a workspace of ${FILES.toLocaleString('en')} non-article files indexes quickly with bounded memory`, async () => {
  const t0 = Date.now();
  const server = await startServer({ rootPath: dir, capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } } });
  try {
    await server.waitFor(() => (indexed(server) ? true : undefined), 'the initial index', 120_000);
    const indexMs = Date.now() - t0;
    const t1 = Date.now();
    const status = (await server.conn.sendRequest('workspace/executeCommand', { command: C.status, arguments: [{}] })) as { corpus: { articles: number } };
    const statusMs = Date.now() - t1;
    const syms = (await server.conn.sendRequest('workspace/symbol', { query: 'Nguyễn Văn Hùng' })) as unknown[];
    const peak = rssOf(server.proc.pid!);
    console.log(`${FILES} other files + ${ARTICLES} articles: indexed in ${indexMs} ms (incl. server start); annotation status walk ${statusMs} ms; server peak RSS ${peak} MB`);
    assert.equal(status.corpus.articles, ARTICLES);
    assert.ok(syms.length >= 1, 'the articles among them are indexed');
    assert.ok(indexMs < 60_000, `index took ${indexMs} ms`);
    if (!Number.isNaN(peak)) assert.ok(peak < 600, `peak RSS ${peak} MB`);
  } finally {
    await server.stop();
  }
});
