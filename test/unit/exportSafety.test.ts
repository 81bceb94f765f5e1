/**
 * Export never writes outside the chosen folder (issue 9): adversarial names through the
 * path sanitizer (`..`, absolute paths, drive letters, UNC, reserved device names, control
 * characters, trailing dots and spaces, very long names), a property over arbitrary
 * strings, and whole exports of a corpus whose file names collide once made safe, are too
 * long for the file system, or whose output folder is a symlink into the corpus.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { safeRelativePath, safeSegment } from '../../server/src/core/export/paths';
import { DEFAULT_EXPORT_OPTIONS } from '../../server/src/core/export/exportOptions';
import { resolveInside, runExport } from '../../server/src/exportRunner';
import { RUNS } from './fuzzArbitraries';

const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:[ .].*)?$/i;
const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `export-safety-${name}-`));

/** Everything a safe relative path must be, on Linux, macOS and Windows alike. */
function assertSafe(rel: string, from: string): void {
  assert.ok(rel.length > 0, `non-empty for ${JSON.stringify(from)}`);
  assert.ok(!rel.startsWith('/') && !/^[a-zA-Z]:/.test(rel) && !rel.includes('\\'), `relative, no drive, no backslash: ${JSON.stringify(rel)}`);
  for (const seg of rel.split('/')) {
    assert.ok(seg !== '' && seg !== '.' && seg !== '..', `segment ${JSON.stringify(seg)} of ${JSON.stringify(rel)}`);
    assert.ok(!/[<>:"|?*\u0000-\u001f\u007f]/.test(seg), `no forbidden characters in ${JSON.stringify(seg)}`);
    assert.ok(!/[. ]$/.test(seg), `no trailing dot or space in ${JSON.stringify(seg)}`);
    assert.ok(!RESERVED.test(seg), `not a reserved device name: ${JSON.stringify(seg)}`);
    assert.ok(Buffer.byteLength(seg, 'utf8') <= 200, `a segment leaves room for an extension under 255 bytes: ${Buffer.byteLength(seg)}`);
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(seg), 'no lone surrogate from a cut');
  }
}

const ADVERSARIAL = [
  '..', '../../x', '../..', '/etc/passwd', '//etc//passwd', 'C:\\x', 'C:/Windows/System32/x', 'c:x', '\\\\server\\share\\x', 'a/../../b',
  'CON.txt', 'con', 'nul', 'NUL.tar.gz', 'Com1', 'LPT9.log', 'COM¹', 'con .txt', 'aux.', 'prn ', 'sub/CON', 'a\u0001b', 'x\u0000y', 'tab\there',
  'trailing.', 'trailing ', 'dots...', ' . ', '...', 'a:b', 'q?.txt', 'ế'.repeat(300), 'x'.repeat(1000), '😀'.repeat(120), '\u202etxt.exe', '',
];

test('adversarial names are made safe and resolve inside the output folder', () => {
  const out = path.resolve(tmp('names'));
  for (const name of ADVERSARIAL) {
    const rel = safeRelativePath(name);
    assertSafe(rel, name);
    const file = resolveInside(out, name);
    assert.ok(file.startsWith(out + path.sep), `${JSON.stringify(name)} → ${file}`);
  }
  assert.equal(safeSegment('con .txt'), '_con .txt', 'a device name followed by a space is still the device on Windows');
});

test('any string becomes a safe path inside the folder (property)', () => {
  const pieces = fc.constantFrom('..', '.', '/', '\\', 'C:', 'CON', 'nul', ' ', '\u0000', '\u001f', 'ế', '😀', 'a', '.txt', ':', '?', '\ud800');
  const nameArb = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(pieces, { maxLength: 120 }).map((p) => p.join('')));
  const out = path.resolve(tmp('prop'));
  fc.assert(
    fc.property(nameArb, (name) => {
      assertSafe(safeRelativePath(name), name);
      const file = resolveInside(out, name);
      assert.ok(file.startsWith(out + path.sep));
    }),
    { numRuns: RUNS * 3 },
  );
});

function corpusWith(names: string[]): string {
  const dir = tmp('corpus');
  names.forEach((n, i) => fs.writeFileSync(path.join(dir, n), `Ông Lê Văn Tám số ${i} tới Hà Nội ngày 2/9/2020.\n`));
  return dir;
}

function listTree(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

test('names that collide once made safe (a?b / a*b, Tin / tin) or are too long for the file system export every article', async () => {
  // 251 bytes + ".txt": its ".ann" (and its atomic-write temporary) must still be writable.
  const long = 'ế'.repeat(83) + 'ab';
  const names = ['a?b.txt', 'a*b.txt', 'Tin.txt', 'tin.txt', 'CON.txt', 'con .txt', `${long}.txt`];
  const corpus = corpusWith(names);
  for (const format of ['brat', 'conll', 'doccano'] as const) {
    const out = path.join(tmp('collide'), 'ds');
    const s = await runExport({ inputs: [corpus], outDir: out, options: { ...DEFAULT_EXPORT_OPTIONS, format }, version: 'test' });
    assert.equal(s.status, 'ok', `${format}: ${s.reason ?? ''} ${s.problems.join('; ')}`);
    assert.equal(s.documents, names.length);
    const files = listTree(out);
    for (const f of files) assert.ok(f.startsWith(path.resolve(out) + path.sep));
    const lower = files.map((f) => f.toLowerCase());
    assert.equal(new Set(lower).size, lower.length, `${format}: no two files differ only by case`);
    if (format === 'brat') assert.equal(files.filter((f) => f.endsWith('.ann')).length, names.length, 'one .ann per article');
  }
});

test('an output folder that is a symlink to the corpus is refused, even with force; the corpus is untouched', async () => {
  const corpus = corpusWith(['bai-1.txt', 'bai-2.txt']);
  fs.writeFileSync(path.join(corpus, 'README.md'), 'my notes');
  const before = listTree(corpus).sort();
  const link = path.join(tmp('link'), 'out');
  fs.symlinkSync(corpus, link);
  const s = await runExport({ inputs: [corpus], outDir: link, options: { ...DEFAULT_EXPORT_OPTIONS, format: 'brat' }, force: true, version: 'test' });
  assert.equal(s.status, 'refused', s.reason);
  assert.deepEqual(listTree(corpus).sort(), before);
  assert.equal(fs.readFileSync(path.join(corpus, 'README.md'), 'utf8'), 'my notes');
});

test('a write that fails (the folder is a file) is reported, not thrown', async () => {
  const corpus = corpusWith(['bai.txt']);
  const parent = tmp('blocked');
  fs.writeFileSync(path.join(parent, 'data'), 'a file where the export wants a folder');
  const s = await runExport({ inputs: [corpus], outDir: parent, options: { ...DEFAULT_EXPORT_OPTIONS, format: 'brat' }, force: true, version: 'test' });
  assert.notEqual(s.status, 'ok');
  assert.match(s.reason ?? '', /could not write/);
});
