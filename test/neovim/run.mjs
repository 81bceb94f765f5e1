// The language server under a second LSP client: Neovim's built-in one, headless.
// test/neovim/client.lua asks for hover, document symbols, references and collects the
// pushed diagnostics on a sample article; this file builds the questions from the gold
// annotations, runs Neovim (bounded, ended by process id), and asserts the answers.
// Ends with the SUITE line that scripts/test-all.mjs reads.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureTools, finish, fixturesDir, gold, makeWorkspace, pickEntity, pickOfficial, showsText, root, startProcess, stopProcess, titleBefore, withTimeout } from '../editor/support.mjs';

const ARTICLE = '000_408d4598c6f022f3';
const TIMEOUT_MS = 15000;
const results = [];

const tools = ensureTools('neovim');
if (tools.skip) {
  console.log(`neovim suite skipped: ${tools.skip}`);
  results.push({ name: 'neovim', status: 'skip' });
  finish(results, `skipped: ${tools.skip}`);
} else {
  await main().catch((e) => {
    console.log(`not ok - neovim suite: ${e.stack ?? e}`);
    finish([...results, { status: 'fail' }]);
  });
}

async function main() {
  const server = path.join(root, 'dist/server.js');
  if (!existsSync(server)) throw new Error('dist/server.js is missing: run `npm run build` first');
  const ws = makeWorkspace('vn-corpus-nvim-');
  const outDir = path.join(root, 'test-results/neovim');
  mkdirSync(outDir, { recursive: true });
  try {
    const g = gold(ARTICLE);
    const fixtures = fixtureTexts();
    // The official of the article who is also named in another file (our fixture).
    const person = pickOfficial(g, fixtures);
    const date = pickEntity(g, (e) => e.label === 'DATE' && typeof e.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(e.value));
    const request = {
      cmd: [process.execPath, server, '--stdio'],
      root: ws.ws,
      file: path.join(ws.ws, `${ARTICLE}.txt`),
      hover: [person.hoverPos, date.hoverPos],
      references: person.pos,
      timeoutMs: TIMEOUT_MS,
      diagnosticsWaitMs: 5000,
      out: path.join(outDir, 'answers.json'),
    };
    const reqFile = path.join(ws.dir, 'request.json');
    writeFileSync(reqFile, JSON.stringify(request));
    const t0 = Date.now();
    const nvim = startProcess(tools.nvim, ['--headless', '--clean', '-n', '-c', `luafile ${path.join(root, 'test/neovim/client.lua')}`], {
      cwd: ws.ws,
      env: { ...process.env, VN_NVIM_REQUEST: reqFile },
    });
    try {
      await withTimeout(nvim.exited, 90000, 'Neovim');
    } finally {
      await stopProcess(nvim);
    }
    const answers = existsSync(request.out) ? JSON.parse(readFileSync(request.out, 'utf8')) : undefined;
    console.log(`Neovim ${answers?.neovim ?? '?'} answered in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${path.relative(root, request.out)}`);
    if (!answers) {
      console.log(nvim.output.slice(-2000));
      results.push({ name: 'Neovim ran the client script', status: 'fail' });
      return;
    }
    if (answers.errors?.length) console.log('client errors:', answers.errors.join('; '));
    checks(answers, { g, person, date, file: request.file });
  } catch (e) {
    console.log(`not ok - neovim suite: ${e.stack ?? e}`);
    results.push({ name: 'neovim suite', status: 'fail' });
  } finally {
    ws.remove();
    finish(results);
  }
}

function check(name, fn) {
  try {
    fn();
    results.push({ name, status: 'pass' });
    console.log(`ok - ${name}`);
  } catch (e) {
    results.push({ name, status: 'fail' });
    console.log(`not ok - ${name}\n  ${String(e.message).split('\n').join('\n  ')}`);
  }
}

function checks(a, { g, person, date, file }) {
  const hoverText = (h) => {
    const c = h?.contents;
    if (!c) return '';
    if (typeof c === 'string') return c;
    if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
    return c.value ?? '';
  };
  check('the server initializes under Neovim (plain LSP over stdio)', () => {
    assert.equal(a.initialized, true, a.errors?.join('; '));
    assert.ok(a.capabilities?.hoverProvider, 'hoverProvider');
    assert.ok(a.capabilities?.documentSymbolProvider, 'documentSymbolProvider');
  });
  check(`hover on a date shows its ISO value (${date.text} → ${date.value})`, () => {
    assert.ok(hoverText(a.hover?.[1]).includes(date.value), `hover was: ${JSON.stringify(hoverText(a.hover?.[1]))}`);
  });
  check(`hover on a person shows the canonical name and a title (${person.text})`, () => {
    const text = hoverText(a.hover?.[0]);
    assert.ok(showsText(text, person.value ?? person.text), `hover was: ${JSON.stringify(text)}`);
    const title = titleBefore(g, person);
    assert.ok(showsText(text, title.text), `title "${title.text}" missing from hover: ${JSON.stringify(text)}`);
  });
  const symbols = Array.isArray(a.symbols) ? a.symbols : [];
  const flat = (list, depth = 0, up = []) => list.flatMap((s) => [{ ...s, depth, up }, ...flat(s.children ?? [], depth + 1, [...up, s.name])]);
  check('document symbols include the headline', () => {
    const headline = g.metadata.find((m) => m.kind === 'headline');
    const hit = flat(symbols).find((s) => headline.text.startsWith(s.name.replace(/…$/, '').trim().slice(0, 40)) && s.name.length >= 10);
    assert.ok(hit, `headline "${headline.text}" not among ${JSON.stringify(flat(symbols).map((s) => s.name))}`);
  });
  check('document symbols group entities by label, with the person under them', () => {
    const all = flat(symbols);
    const hit = all.find((s) => showsText(s.name, person.value ?? person.text) && s.up.some((u) => /entit|thực thể/i.test(u)));
    assert.ok(hit, `no "${person.text}" under an Entities group in ${JSON.stringify(all.map((s) => '  '.repeat(s.depth) + s.name))}`);
  });
  check('references to the official come from two files, including this mention', () => {
    const refs = Array.isArray(a.references) ? a.references : [];
    const files = new Set(refs.map((r) => r.uri));
    assert.ok(files.size >= 2, `references in ${files.size} file(s): ${JSON.stringify([...files])}`);
    const here = pathToFileURL(file).href;
    assert.ok(
      refs.some((r) => decodeURIComponent(r.uri) === decodeURIComponent(here) && r.range.start.line === person.pos.line && r.range.start.character === person.pos.character),
      `no reference at ${person.pos.line}:${person.pos.character} in ${here}`,
    );
  });
  check('boilerplate diagnostics arrive with their category as code', () => {
    const want = [...new Set(g.boilerplate.map((b) => b.category))];
    const codes = new Set(a.diagnostics.map((d) => String(d.code)));
    for (const c of want) assert.ok(codes.has(c), `no diagnostic with code "${c}" (got ${JSON.stringify([...codes])})`);
  });
}

/** Our own fixture articles (copied into the workspace beside the samples). */
function fixtureTexts() {
  return readdirSync(fixturesDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(fixturesDir, f), 'utf8'));
}
