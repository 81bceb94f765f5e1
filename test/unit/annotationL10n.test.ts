import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));

test('every runtime string of the annotation UI has a Vietnamese translation', () => {
  const src = fs.readFileSync(path.join(ROOT, 'client/src/annotate.ts'), 'utf8');
  const used = [...src.matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]);
  assert.ok(used.length > 30);
  const vi = read('l10n/bundle.l10n.vi.json');
  for (const s of used) assert.ok(typeof vi[s] === 'string' && vi[s] !== s, `missing: ${s}`);
  for (const [en, tr] of Object.entries(vi)) {
    const holes = (t: string) => [...t.matchAll(/\{\d\}/g)].map((m) => m[0]).sort().join();
    assert.equal(holes(tr as string), holes(en), `placeholders of "${en}"`);
  }
});

test('every %key% of the manifest exists in English and Vietnamese', () => {
  const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.length > 10);
  const en = read('package.nls.json');
  const vi = read('package.nls.vi.json');
  for (const k of keys) {
    assert.equal(typeof en[k], 'string', `package.nls.json: ${k}`);
    assert.equal(typeof vi[k], 'string', `package.nls.vi.json: ${k}`);
  }
});

test('annotation commands have a category and the client ids never clash with server command ids', async () => {
  const pkg = read('package.json');
  const { ANNOTATION_COMMANDS } = await import('../../server/src/protocol');
  const server = new Set(Object.values(ANNOTATION_COMMANDS));
  for (const c of pkg.contributes.commands) {
    assert.ok(c.category, `${c.command} has a category`);
    assert.ok(!server.has(c.command), `${c.command} is also a server command`);
  }
});
