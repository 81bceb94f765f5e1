/**
 * Regression tests for the bugs the robustness fuzzing found (issue 9), each named after
 * what it caught (conventions.md §10). The property tests found them; these pin them with
 * the shrunk counterexample so they stay fixed whatever the random seed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { AnnotationFiles } from '../../server/src/annotationFiles';
import { parseAnn } from '../../server/src/core/bratStandoff';
import { CodePointIndex } from '../../server/src/core/offsets';
import { PositionMapper } from '../../server/src/positions';
import { writeFileAtomic } from '../../server/src/atomicWrite';
import { resolveInside } from '../../server/src/exportRunner';

test('crlf-split-position: an offset between \\r and \\n ends the line instead of pointing past it (a semantic token overflowed its line)', () => {
  const text = '19/4 19/4 \r\nTin';
  for (const enc of ['utf-16', 'utf-32'] as const) {
    const p = new PositionMapper(text, enc);
    assert.deepEqual(p.position(11), { line: 0, character: 10 }, enc);
    assert.deepEqual(p.range(10, 11), { start: { line: 0, character: 10 }, end: { line: 0, character: 10 } });
    assert.deepEqual(p.position(12), { line: 1, character: 0 }, 'after the \\n is the next line');
  }
});

test('edit-dropped-label: a label whose characters an edit deleted, while the same text stands at its old place, is kept (it vanished from the .ann)', () => {
  const base = 'Ngày 21/9, Bí thư Tỉnh ủy Quảng Ninh Nguyễn Văn Hùng làm việc với UBND huyện Ba Chẽ.\nÔng Hùng đề nghị Đảng bộ huyện thực hiện Nghị quyết số 18-NQ/TW.\n';
  const names = ['UBND huyện Ba Chẽ', 'Ông Hùng', 'Đảng bộ huyện'];
  const cps = new CodePointIndex(base);
  const ann = names.map((n, i) => `T${i + 1}\tORG ${cps.toCodePoint(base.indexOf(n))} ${cps.toCodePoint(base.indexOf(n)) + [...n].length}\t${n}`).join('\n') + '\n';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regress-'));
  const file = path.join(dir, 'bai.txt');
  fs.writeFileSync(file, base);
  fs.writeFileSync(path.join(dir, 'bai.ann'), ann);
  const uri = URI.file(file).toString();
  const files = new AnnotationFiles(() => {});
  files.get(uri, base);
  // The shrunk counterexample: two deletions that swallow "Ông Hù" and then the rest of it.
  const edit = (t: string, at: number, len: number, insert: string) => {
    const c = [...t];
    c.splice(at % (c.length + 1), len, insert);
    return c.join('');
  };
  let text = edit(base, 946534516, 15, '𝄞');
  files.get(uri, text);
  text = edit(text, 683711168, 15, 'xã');
  files.get(uri, text);
  files.apply(uri, text, [{ kind: 'review', reviewed: true }], { by: 't', at: 't' });
  const doc = parseAnn(fs.readFileSync(path.join(dir, 'bai.ann'), 'utf8'), { text });
  assert.equal(doc.entities.length + doc.problems.filter((p) => p.entity).length, names.length, 'all three labels are still in the .ann');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('long-name-temp-file: a file whose name is near the 255-byte limit is written atomically (the temporary name overflowed: ENAMETOOLONG)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regress-'));
  const file = path.join(dir, 'ế'.repeat(83) + 'ab.ann'); // 255 bytes, as the .ann of a 255-byte article name
  writeFileAtomic(file, 'T1\tPER 0 3\tÔng\n');
  assert.equal(fs.readFileSync(file, 'utf8'), 'T1\tPER 0 3\tÔng\n');
  assert.deepEqual(fs.readdirSync(dir).length, 1, 'no temporary left');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('dotdot-prefixed-name: an export path like "..nul" or "..bài" lies inside the folder (it was refused as outside and the export threw)', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'regress-'));
  assert.equal(resolveInside(out, '..nul'), path.join(out, '..nul'));
  assert.equal(resolveInside(out, 'data/..bài.txt'), path.join(out, 'data', '..bài.txt'));
});

test('ann-is-a-folder: an .ann that is a folder (or a link to nowhere) is reported, not thrown; labels are refused, nothing replaced', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regress-'));
  const file = path.join(dir, 'bai.txt');
  const text = 'Ông Nguyễn Văn Hùng tới Quảng Ninh.\n';
  fs.writeFileSync(file, text);
  const uri = URI.file(file).toString();
  const add = [{ kind: 'add' as const, label: 'PER', start: 4, end: 19, text: 'Nguyễn Văn Hùng', source: 'manual' as const }];
  for (const make of [(p: string) => fs.mkdirSync(p), (p: string) => fs.symlinkSync(path.join(dir, 'elsewhere.ann'), p)]) {
    const ann = path.join(dir, 'bai.ann');
    fs.rmSync(ann, { recursive: true, force: true });
    make(ann);
    const files = new AnnotationFiles(() => {});
    const a = files.get(uri, text); // threw EISDIR, which emptied every feature of the article
    assert.match(a.unreadable ?? '', /bai\.ann cannot be read/);
    const out = files.apply(uri, text, add, { by: 't', at: 't' });
    assert.match(out.refused ?? '', /not saved/);
    assert.equal(fs.lstatSync(ann).isFile(), false, 'the folder or link is left as it was');
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test('ann-through-symlink: an .ann that links to a file elsewhere is written there; the link stays a link', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regress-'));
  const store = path.join(dir, 'store.ann');
  fs.writeFileSync(store, '');
  const link = path.join(dir, 'bai.ann');
  fs.symlinkSync(store, link);
  writeFileAtomic(link, 'T1\tPER 4 19\tNguyễn Văn Hùng\n');
  assert.ok(fs.lstatSync(link).isSymbolicLink());
  assert.equal(fs.readFileSync(store, 'utf8'), 'T1\tPER 4 19\tNguyễn Văn Hùng\n');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('bom-stripped-by-editor: offsets count a BOM as character 0, line 0 columns of an editor that stripped it do not', () => {
  const stored = '\ufeffQuảng Ninh\r\nÔng Ký';
  const p = new PositionMapper(stored, 'utf-16');
  assert.equal(p.hidden, 1);
  assert.deepEqual(p.range(1, 11), { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } }, '"Quảng Ninh" at column 0 for the editor');
  assert.equal(p.offset({ line: 0, character: 0 }), 1, 'the editor column 0 is stored character 1');
  assert.equal(p.offset({ line: 1, character: 4 }), 17);
  assert.deepEqual(p.position(0), { line: 0, character: 0 }, 'the BOM itself clamps to the start');
  const kept = new PositionMapper(stored, 'utf-16', true);
  assert.deepEqual(kept.position(1), { line: 0, character: 1 }, 'a client that keeps the BOM counts it');
  const u8 = new PositionMapper(stored, 'utf-8');
  assert.deepEqual(u8.position(11), { line: 0, character: Buffer.byteLength('Quảng Ninh') });
});
