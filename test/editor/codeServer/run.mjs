// The real-VS-Code suite: the packaged extension in code-server's workbench, in Debian's
// Chromium, on a temp copy of the sample corpus. One screenshot per scenario under
// test-results/editor/. Ends with the SUITE line scripts/test-all.mjs reads.
//
//   node test/editor/codeServer/run.mjs [scenario-name...]
//
// Tools come from scripts/editor-tools.sh (installed on first use into a cache outside the
// repository); where an install is impossible the suite prints why and counts as skipped.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureTools, finish, makeWorkspace, root, stopProcess, withTimeout } from '../support.mjs';
import { installExtension, packageVsix, startBrowser, startCodeServer } from './launch.mjs';
import { scenarios } from './scenarios.mjs';
import { Workbench } from './workbench.mjs';

const SCENARIO_MS = 90000;
const only = process.argv.slice(2);
const shots = path.join(root, 'test-results/editor');
const results = [];

const tools = ensureTools('editor');
if (tools.skip) {
  console.log(`editor suite skipped: ${tools.skip}`);
  finish([{ status: 'skip' }], `skipped: ${tools.skip}`);
} else {
  await main();
}

async function main() {
  const t0 = Date.now();
  console.log(`tools ready in ${tools.seconds.toFixed(1)} s (${tools.tools ?? path.dirname(tools.node)})`);
  mkdirSync(shots, { recursive: true });
  const base = mkdtempSync(path.join(tmpdir(), 'vn-corpus-code-server-'));
  const dirs = { base, extensions: path.join(base, 'extensions'), userData: path.join(base, 'user-data'), home: path.join(base, 'home') };
  const ws = makeWorkspace('vn-corpus-editor-');
  let server;
  let browser;
  const teardown = async () => {
    await browser?.close();
    await stopProcess(server?.child);
  };
  const onSignal = async (sig) => {
    await teardown();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const packed = packageVsix(base);
    if (packed.reason) console.log(packed.reason);
    const how = installExtension(tools, dirs, packed.vsix);
    // The manifest that was installed is the one the scenarios read command titles from.
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    console.log(`extension installed from the ${how}`);
    server = await startCodeServer(tools, dirs, ws.ws);
    console.log(`code-server ${tools.codeServerVersion} on 127.0.0.1:${server.port} (pid ${server.child.pid})`);
    browser = await startBrowser(tools);
    console.log(`chromium pid ${browser.pid}`);
    const context = await browser.browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const wb = new Workbench(page);
    await wb.open(server.url);
    console.log(`workbench up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    let n = 0;
    for (const s of scenarios) {
      n++;
      if (only.length && !only.includes(s.name)) continue;
      await runScenario(s, n, { wb, page, ws: ws.ws, pkg });
    }
  } catch (e) {
    console.log(`not ok - suite setup: ${e.stack ?? e}`);
    if (server) console.log(server.child.output.slice(-3000));
    results.push({ name: 'setup', status: 'fail' });
  } finally {
    await teardown();
    ws.remove();
    rmSync(base, { recursive: true, force: true });
    console.log(`suite time ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${path.relative(root, shots)}/`);
    finish(results);
  }
}

async function runScenario(s, n, ctx) {
  const started = Date.now();
  const shot = path.join(shots, `${String(n).padStart(2, '0')}-${s.name}.png`);
  let error;
  try {
    await withTimeout(s.run(ctx), SCENARIO_MS, s.name);
  } catch (e) {
    error = e;
  }
  await ctx.page.screenshot({ path: shot, animations: 'disabled' }).catch((e) => console.log(`  (no screenshot: ${e.message})`));
  await s.after?.(ctx).catch(() => {});
  // Leave no widget, quick input or dialog open for the next scenario.
  await ctx.page.keyboard.press('Escape').catch(() => {});
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (error) {
    console.log(`not ok - ${s.name}: ${s.title} (${secs} s)\n  ${String(error.message ?? error).split('\n').slice(0, 6).join('\n  ')}`);
    results.push({ name: s.name, status: 'fail' });
  } else {
    console.log(`ok - ${s.name}: ${s.title} (${secs} s)`);
    results.push({ name: s.name, status: 'pass' });
  }
}
