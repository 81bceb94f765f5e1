import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyzer';
import { CodePointIndex } from '../../server/src/core/offsets';

function checkSpans(text: string) {
  const a = analyze(text);
  const cps = new CodePointIndex(text);
  for (const e of [...a.entities, ...a.boilerplate, ...a.metadata]) {
    assert.ok(0 <= e.start && e.start <= e.end && e.end <= cps.length, `span ${e.start}-${e.end} inside text`);
    assert.equal(cps.slice(e.start, e.end), e.text, 'stored text equals text at offsets');
  }
  return a;
}

test('an empty file analyses to nothing', () => {
  const a = analyze('');
  assert.deepEqual(a.entities, []);
  assert.deepEqual(a.boilerplate, []);
});

test('spans report code points into the stored text, also after an emoji and in NFD/CRLF', () => {
  const base = 'Tin tức\r\n\r\n😀 Ngày 22/09/2020, UBND tỉnh họp.\r\n';
  for (const text of [base, base.normalize('NFD'), '\ufeff' + base]) {
    const a = checkSpans(text);
    const date = a.entities.find((e) => e.label === 'DATE');
    assert.ok(date, 'a date is found');
    assert.equal(date.value, '2020-09-22');
  }
});

test('in stages: the same analysis as analyze(), even when other articles are analysed between the two stages', async () => {
  const { analyzeInStages } = await import('../../server/src/core/analyzer');
  const fs = await import('node:fs');
  const path = await import('node:path');
  const dir = path.resolve(__dirname, '../../samples/corpus');
  const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  // Variants that take the other paths of the view (NFD, CRLF + BOM) and of the detectors.
  const all = [...texts, texts[0].normalize('NFD'), '\ufeff' + texts[1].replace(/\n/g, '\r\n'), 'Ngày 2/9, ông Nguyễn Văn An, Bí thư Tỉnh ủy Nghệ An, ký Nghị quyết số 18-NQ/TW.', ''];
  assert.ok(all.length >= 5);
  for (let i = 0; i < all.length; i++) {
    const staged = analyzeInStages(all[i]);
    // Page-level results are there before any entity is read.
    const page = JSON.stringify([staged.publicationDate, staged.boilerplate, staged.metadata]);
    // Another article (and its per-text memos) in between.
    const other = analyze(all[(i + 1) % all.length]);
    assert.ok(other.entities.length >= 0);
    const eager = analyze(all[i]);
    assert.equal(page, JSON.stringify([eager.publicationDate, eager.boilerplate, eager.metadata]));
    assert.equal(JSON.stringify(staged), JSON.stringify(eager), `article ${i}`);
    assert.ok(staged.entities === staged.entities, 'the second stage runs once');
  }
});
