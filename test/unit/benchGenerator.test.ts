import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  annotationsFor,
  createRng,
  generateArticle,
  generateCorpus,
  generateSingleLine,
  loadMaterial,
  materialFrom,
  SAMPLES_DIR,
} from '../../scripts/bench/generateCorpus';

const material = loadMaterial(SAMPLES_DIR, 7);

test('the PRNG is deterministic per seed and spreads values over [0, 1)', () => {
  const a = createRng(7, 'x');
  const b = createRng(7, 'x');
  const c = createRng(8, 'x');
  const xs = Array.from({ length: 1000 }, () => a.next());
  assert.deepEqual(xs, Array.from({ length: 1000 }, () => b.next()));
  assert.notDeepEqual(xs.slice(0, 10), Array.from({ length: 10 }, () => c.next()));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(Math.abs(mean - 0.5) < 0.05, `mean ${mean} near 0.5`);
});

test('an article depends only on (seed, index)', () => {
  assert.equal(generateArticle(material, 7, 42).text, generateArticle(material, 7, 42).text);
  assert.notEqual(generateArticle(material, 7, 42).text, generateArticle(material, 8, 42).text);
  assert.notEqual(generateArticle(material, 7, 42).text, generateArticle(material, 7, 43).text);
});

test('articles are plausible news: ~8 KB, a dated headline, officials, paragraphs, no template leftovers', () => {
  const articles = Array.from({ length: 40 }, (_, i) => generateArticle(material, 7, i));
  const sizes = articles.map((a) => Buffer.byteLength(a.text));
  const mean = sizes.reduce((s, x) => s + x, 0) / sizes.length;
  assert.ok(mean > 6000 && mean < 10000, `mean size ${mean} about 8 KB`);
  assert.ok(sizes.every((s) => s > 3000 && s < 20000), `sizes within 3–20 KB: ${sizes}`);
  for (const a of articles) {
    const lines = a.text.normalize('NFC').split(/\r?\n/).filter((l) => l.trim());
    assert.ok(lines.length >= 5, 'several lines');
    assert.ok(lines.some((l) => l.length > 300), 'at least one body paragraph');
    const head = lines.slice(0, 6).join('\n');
    assert.match(head, /\d{2}\/\d{2}\/(20\d\d)|ngày \d+ tháng \d+ năm 20\d\d/i, 'a dateline near the top');
    assert.ok(head.includes(String(a.year)), 'the dateline carries the article year');
    assert.doesNotMatch(a.text, /undefined|NaN|\{\w+\}/, 'no template leftovers');
    for (const o of a.officials) {
      assert.ok(material.officials.includes(o), `${o} comes from the officials pool`);
      assert.ok(a.text.normalize('NFC').includes(o), `${o} appears in the text`);
    }
  }
  const withOfficials = articles.filter((a) => a.officials.length > 0).length;
  assert.ok(withOfficials >= 30, `most articles name an official (${withOfficials}/40)`);
});

test('names, places and dates of the sample paragraphs are recast per article', () => {
  const text = [
    'Ngày 12/3/2021, đồng chí Trần Quốc Vượng, Bí thư Tỉnh ủy Nghệ An, chủ trì hội nghị. Phát biểu kết luận, đồng chí Vượng yêu cầu các cấp ủy tập trung lãnh đạo thực hiện tốt nhiệm vụ chính trị của địa phương trong năm.',
    'Tham dự có ông Lê Văn Hiếu, Chủ tịch UBND tỉnh Nghệ An, cùng đại diện lãnh đạo các sở, ban, ngành của tỉnh và các huyện, thị xã, thành phố trực thuộc; hội nghị đã thông qua nghị quyết về phát triển kinh tế - xã hội.',
    'Hội nghị tổng kết công tác năm của Tỉnh ủy Nghệ An',
  ];
  const m = materialFrom([text.join('\n')], 1);
  assert.deepEqual(m.names.sort(), ['Lê Văn Hiếu', 'Trần Quốc Vượng']);
  assert.deepEqual(m.places, ['Nghệ An']);
  assert.equal(m.paragraphs.length, 2);
  assert.deepEqual(m.headlines, ['Hội nghị tổng kết công tác năm của Tỉnh ủy Nghệ An']);
  const recast = Array.from({ length: 10 }, (_, i) => generateArticle(m, 3, i).text).join('\n');
  assert.doesNotMatch(recast, /Trần Quốc Vượng|Lê Văn Hiếu|12\/3\/2021/, 'sample names and dates are replaced');
  assert.doesNotMatch(recast, /đồng chí Vượng/, 'short references follow the new name');
});

test('a no-break space inside a sample name does not stop the swap', () => {
  const m = materialFrom(['Đồng chí Phạm Minh Chính thăm Quảng\u00a0Ninh và làm việc với lãnh đạo tỉnh về phát triển kinh tế biển, du lịch, dịch vụ và công nghiệp chế biến, chế tạo; tỉnh Quảng Ninh báo cáo kết quả thực hiện nghị quyết.'], 1);
  const out = Array.from({ length: 5 }, (_, i) => generateArticle(m, 1, i).text).join('\n');
  assert.doesNotMatch(out, /Phạm Minh Chính/);
});

test('the single-line article has no line break and the requested size', () => {
  const line = generateSingleLine(material, 7, 200_000);
  assert.ok(!/[\r\n]/.test(line));
  const bytes = Buffer.byteLength(line);
  assert.ok(bytes >= 200_000 && bytes < 220_000, `${bytes} bytes`);
});

test('the corpus on disk is deterministic, prefix-stable and described by its manifest', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-gen-'));
  try {
    const a = generateCorpus({ articles: 6, seed: 5, outDir: path.join(tmp, 'a'), samplesDir: SAMPLES_DIR, perFolder: 4 });
    const b = generateCorpus({ articles: 9, seed: 5, outDir: path.join(tmp, 'b'), samplesDir: SAMPLES_DIR, perFolder: 4 });
    const list = (root: string) => listFiles(root).map((f) => path.relative(root, f));
    const filesA = list(a.root).filter((f) => !f.startsWith('big'));
    assert.ok(filesA.every((f) => f.endsWith('.txt')));
    assert.equal(filesA.length, 6);
    assert.equal(list(a.root).filter((f) => f.endsWith('.txt')).length, a.files);
    for (const f of filesA) assert.equal(fs.readFileSync(path.join(a.root, f), 'utf8'), fs.readFileSync(path.join(b.root, f), 'utf8'), f);
    assert.ok(fs.statSync(a.big.article5m).size >= 5_000_000);
    assert.ok(fs.statSync(a.big.article100k).size >= 100_000 && fs.statSync(a.big.article100k).size < 120_000);
    assert.ok(!fs.readFileSync(a.big.singleLine1m, 'utf8').includes('\n'));
    assert.equal(a.annotations100k.count, 2000);
    assert.equal(fs.readFileSync(a.annotations100k.ann, 'utf8'), fs.readFileSync(a.annotations100k.pristine, 'utf8'));
    assert.ok(a.frequentOfficial.articles >= 1 && fs.readFileSync(a.frequentOfficial.sampleFile, 'utf8').normalize('NFC').includes(a.frequentOfficial.name));
    const again = generateCorpus({ articles: 6, seed: 5, outDir: path.join(tmp, 'a'), samplesDir: SAMPLES_DIR, perFolder: 4 });
    assert.deepEqual(again, a, 'a matching manifest is reused');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('the 2,000-label .ann has valid brat lines whose offsets cover their text, nested or disjoint', () => {
  const text = generateArticle(material, 7, -1, 60_000).text;
  const ann = annotationsFor(text, 7, 500);
  const lines = ann.trimEnd().split('\n');
  assert.equal(lines.length, 500);
  const cps = [...text];
  let outerEnd = -1;
  lines.forEach((line, i) => {
    const m = line.match(/^T(\d+)\t(PER|ORG|LOC|TITLE|DATE|DOC) (\d+) (\d+)\t(.+)$/u);
    assert.ok(m, `brat entity line: ${line}`);
    assert.equal(Number(m[1]), i + 1);
    const [start, end] = [Number(m[3]), Number(m[4])];
    assert.equal(cps.slice(start, end).join(''), m[5], 'code-point offsets cover the text');
    assert.ok(start >= outerEnd || end <= outerEnd, 'nested or disjoint, never crossing');
    if (start >= outerEnd) outerEnd = end;
  });
  assert.equal(annotationsFor(text, 7, 500), ann, 'deterministic');
});

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])).sort();
}
