// Shared by the real-editor suites (code-server + Chromium, headless Neovim): tools from
// the cache, free loopback ports, children killed by process id, bounded waits, the
// SUITE line scripts/test-all.mjs reads, and the test workspace (a temp copy of the
// sample corpus plus our own fixture article, so that an official appears in two files).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const corpusDir = path.join(root, 'samples/corpus');
export const fixturesDir = path.join(root, 'test/editor/fixtures');

/** Print the closing line scripts/test-all.mjs parses, then exit (non-zero when something failed). */
export function finish(results, note) {
  const n = (s) => results.filter((r) => r.status === s).length;
  const line = `SUITE: ${n('pass')} passed, ${n('fail')} failed, ${n('skip')} skipped${note ? ' — ' + note : ''}`;
  console.log(line);
  process.exitCode = n('fail') > 0 ? 1 : 0;
}

/**
 * Install (or just check) the tools with scripts/editor-tools.sh; returns the JSON it
 * wrote for this suite: paths, and `skip` with the reason when an install was impossible.
 */
export function ensureTools(suite) {
  const t0 = Date.now();
  const r = spawnSync('bash', [path.join(root, 'scripts/editor-tools.sh'), suite], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const file = r.stdout.trim().split('\n').pop();
  if (r.status !== 0 || !file) return { skip: `scripts/editor-tools.sh exited ${r.status}` };
  const tools = JSON.parse(readFileSync(file, 'utf8'));
  tools.seconds = (Date.now() - t0) / 1000;
  return tools;
}

/** A port the kernel says is free on 127.0.0.1 (we bind nothing but loopback). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Spawn in its own process group, so teardown can end it and its children by id. */
export function startProcess(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.output = '';
  const keep = (d) => {
    child.output += d;
    if (child.output.length > 200_000) child.output = child.output.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return child;
}

/** End a process group we started: SIGTERM, then SIGKILL if it is still there after `ms`. */
export async function stopProcess(child, ms = 5000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const kill = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  kill('SIGTERM');
  const gone = await Promise.race([child.exited.then(() => true), delay(ms).then(() => false)]);
  if (!gone) {
    kill('SIGKILL');
    await Promise.race([child.exited, delay(ms)]);
  }
}

/** Wait until `probe()` is truthy (bounded; polls a condition, never a fixed sleep). */
export async function waitFor(probe, what, ms = 15000, every = 100) {
  const until = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out after ${ms / 1000}s waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}`);
    await delay(every);
  }
}

/** Reject when `promise` takes longer than `ms`. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000}s`)), ms);
    }),
  ]);
}

function delay(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** A fresh temp workspace: the sample corpus (articles and gold) plus our fixture articles. */
export function makeWorkspace(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const ws = path.join(dir, 'corpus');
  cpSync(corpusDir, ws, { recursive: true });
  for (const f of readdirSync(fixturesDir).filter((f) => f.endsWith('.txt'))) cpSync(path.join(fixturesDir, f), path.join(ws, f));
  return { dir, ws, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Gold annotations of a sample article (samples/corpus/NAME.gold.json) and its text. */
export function gold(name) {
  const text = readFileSync(path.join(corpusDir, `${name}.txt`), 'utf8');
  const g = JSON.parse(readFileSync(path.join(corpusDir, `${name}.gold.json`), 'utf8'));
  return { text, ...g };
}

/**
 * Code-point offset → {line, character} (0-based; character in UTF-16 units, as LSP and
 * the editor count), computed from the stored text without the code under test.
 */
export function positionAt(text, codePointOffset) {
  const before = Array.from(text).slice(0, codePointOffset).join('');
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/**
 * The first entity of the gold that matches `pred`, with its start and end positions and
 * where to hover: its last character, so a detector that leaves out a leading word the
 * gold includes (`ngày 6/4/2022`) is still hovered on its own span.
 */
export function pickEntity(g, pred) {
  const e = g.entities.find(pred);
  if (!e) throw new Error(`no gold entity matches in ${g.file}`);
  return { ...e, pos: positionAt(g.text, e.start), endPos: positionAt(g.text, e.end), hoverPos: positionAt(g.text, e.end - 1) };
}

/** Is the gold entity inside a gold boilerplate block (a teaser, a menu…)? */
export function inBoilerplate(g, e) {
  return g.boilerplate.some((b) => b.start <= e.start && e.end <= b.end);
}

/**
 * The official both suites use: a person of the article's own text (not a teaser) with a
 * title right before them, who is also named in one of our fixture articles.
 */
export function pickOfficial(g, otherTexts) {
  return pickEntity(g, (e) => e.label === 'PER' && !inBoilerplate(g, e) && !!titleBefore(g, e) && otherTexts.some((t) => t.includes(e.text)));
}

/** The title the gold places right before a person (e.g. "Tổng Bí thư" + name), if any. */
export function titleBefore(g, person) {
  return g.entities.find((e) => e.label === 'TITLE' && e.end <= person.start && person.start - e.end <= 2);
}

/**
 * Does `hay` (what an editor shows) contain `needle` (text from a stored article)? Compared
 * after NFC, case folding and space unification: articles may store decomposed letters or
 * no-break spaces that the editor displays normalized.
 */
export function showsText(hay, needle) {
  const norm = (t) => String(t ?? '').normalize('NFC').replace(/[\s\u00a0]+/g, ' ').toLowerCase();
  return norm(hay).includes(norm(needle));
}
