/**
 * Tests what ships (conventions.md §11–12): the .vsix built by `npm run package` is small
 * and holds only bundles, grammar, manifest, README, LICENSE, icon (and translations);
 * the manifest declares untrusted-workspace support and a category on every command.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

test('the packaged .vsix is under 2 MB and contains only what ships', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vsix-')), 'x.vsix');
  execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], {
    cwd: root,
    stdio: 'pipe',
  });
  assert.ok(fs.statSync(out).size < 2 * 1024 * 1024, 'vsix under 2 MB');
  const listing = execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const allowed = /^(dist\/(client|server|cli|indexWorker)\.js|dist\/dict\/Viet74K\.txt|syntaxes\/[\w.-]+\.json|package\.json|package\.nls(\.[\w-]+)?\.json|README\.md|LICENSE|images\/icon\.png|l10n\/[\w.-]+\.json)$/;
  for (const f of listing) assert.match(f, allowed, `unexpected file in the package: ${f}`);
  for (const must of ['dist/client.js', 'dist/server.js', 'dist/cli.js', 'package.json', 'README.md', 'LICENSE']) {
    assert.ok(listing.includes(must), `${must} is packaged`);
  }
});

test('the manifest declares untrusted and virtual workspace behaviour', () => {
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  assert.ok(manifest.capabilities.virtualWorkspaces);
});

test('every contributed command has a category and a title', () => {
  for (const c of manifest.contributes.commands) {
    assert.ok(c.category, `${c.command} has a category`);
    assert.ok(c.title, `${c.command} has a title`);
  }
});

test('the extension activates on a folder of .txt articles with no configuration', () => {
  assert.ok(manifest.activationEvents.includes('workspaceContains:**/*.txt'));
  assert.deepEqual(manifest.contributes.configuration.properties['vnCorpus.files'].default, ['**/*.txt']);
});
