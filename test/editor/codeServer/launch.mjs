// Starts what a user would run: the packaged extension installed into a real VS Code
// workbench (code-server from the npm registry, Node 24), opened in Debian's Chromium
// driven by playwright-core. Everything binds 127.0.0.1 only and is ended by process id.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { freePort, root, startProcess, stopProcess, waitFor } from '../support.mjs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Workbench settings: trust off (else Restricted Mode), no welcome page, stable layout. */
const SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'outline.collapseItems': 'alwaysExpand',
  'editor.fontFamily': "'Noto Sans Mono', 'DejaVu Sans Mono', monospace",
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * Package the extension exactly as it ships (`npm run package`: production build + vsce),
 * and copy the .vsix into `dir`; returns its path, or the reason when packaging failed.
 */
export function packageVsix(dir) {
  const built = path.join(root, 'vn-corpus-annotator.vsix');
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(built)) {
    return { reason: `npm run package failed (${r.status}): ${(r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' | ')}` };
  }
  const out = path.join(dir, 'vn-corpus-annotator.vsix');
  copyFileSync(built, out);
  return { vsix: out };
}

/** Fallback when packaging is impossible: the unpacked extension folder, as VS Code stores it. */
function placeUnpacked(extensionsDir) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const dest = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  for (const p of ['package.json', 'dist', 'syntaxes', 'README.md', 'LICENSE', 'images/icon.png', ...readdirSync(root).filter((f) => /^package\.nls.*\.json$/.test(f))]) {
    if (existsSync(path.join(root, p))) cpSync(path.join(root, p), path.join(dest, p), { recursive: true });
  }
  return dest;
}

/** code-server's command line; the tools JSON comes from scripts/editor-tools.sh. */
function codeServerArgs(tools, dirs, extra) {
  return [tools.codeServerEntry, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--config', path.join(dirs.base, 'code-server.yaml'), ...extra];
}

/** Its environment: Node 24 first on PATH, and HOME/XDG/TMPDIR inside our temp dir (its IPC sockets too). */
function codeServerEnv(tools, dirs) {
  const tmp = path.join(dirs.base, 'tmp');
  mkdirSync(tmp, { recursive: true });
  return { ...process.env, PATH: `${path.dirname(tools.node)}:${process.env.PATH}`, HOME: dirs.home, TMPDIR: tmp, XDG_DATA_HOME: path.join(dirs.home, '.local/share'), XDG_CONFIG_HOME: path.join(dirs.home, '.config') };
}

/** Install the extension into the fresh extensions dir: the .vsix when we have one. */
export function installExtension(tools, dirs, vsix) {
  if (vsix) {
    const r = spawnSync(tools.node, codeServerArgs(tools, dirs, ['--install-extension', vsix]), { env: codeServerEnv(tools, dirs), encoding: 'utf8', timeout: 120000 });
    const installed = existsSync(dirs.extensions) && readdirSync(dirs.extensions).some((d) => d.includes('vn-corpus-annotator'));
    if (r.status === 0 && installed) return 'packaged .vsix';
    console.log(`installing the .vsix failed (${r.status}): ${(r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' | ')}; using the unpacked build`);
  }
  placeUnpacked(dirs.extensions);
  return 'unpacked dist/';
}

/** Start code-server on a free loopback port and wait (bounded) until it listens. */
export async function startCodeServer(tools, dirs, workspace) {
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(path.join(dirs.userData, 'User/settings.json'), JSON.stringify(SETTINGS, null, 2));
  const port = await freePort();
  const child = startProcess(tools.node, codeServerArgs(tools, dirs, ['--bind-addr', `127.0.0.1:${port}`, workspace]), { env: codeServerEnv(tools, dirs), cwd: dirs.base });
  try {
    await waitFor(() => {
      if (child.exitCode !== null) throw new Error(`code-server exited ${child.exitCode}: ${child.output.slice(-1500)}`);
      return /HTTP server listening on/.test(child.output);
    }, 'code-server to listen', 60000);
  } catch (e) {
    await stopProcess(child);
    throw e;
  }
  return { child, port, url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}` };
}

/**
 * Launch Debian's Chromium through playwright-core (taken from the tools cache, not the
 * project's dependencies). launchServer gives us the browser's process id for teardown.
 */
export async function startBrowser(tools) {
  const require = createRequire(path.join(tools.playwrightCore, 'package.json'));
  const { chromium } = require(tools.playwrightCore);
  const server = await chromium.launchServer({ executablePath: tools.chromium, headless: true, args: CHROMIUM_ARGS, timeout: 60000 });
  const browser = await chromium.connect(server.wsEndpoint(), { timeout: 30000 });
  const pid = server.process().pid;
  const close = async () => {
    await browser.close().catch(() => {});
    await server.close().catch(() => {});
    try {
      process.kill(pid, 0);
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  return { browser, pid, close };
}
