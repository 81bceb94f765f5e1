/**
 * Every export format on small Vietnamese texts with exact offsets (astral characters,
 * CRLF, NBSP, NFD), the remapping of removed boilerplate, labels sources, and the
 * validators that must fail on broken output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { AnnEntity } from '../../server/src/core/bratStandoff';
import { parseAnn } from '../../server/src/core/bratStandoff';
import { DatasetBuilder } from '../../server/src/core/export/exportDataset';
import type { SourceDocument } from '../../server/src/core/export/examples';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../../server/src/core/export/exportOptions';
import { buildExportText } from '../../server/src/core/export/remap';
import { validateWritten } from '../../server/src/core/export/validate';
import type { Entity, EntityLabel } from '../../server/src/core/types';
import { createWordDictionary } from '../../server/src/core/wordSegment';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const cp = (s: string, a: number, b: number) => [...s].slice(a, b).join('');

/** Human spans located by their text (n-th occurrence), in code points. */
function human(text: string, ...spans: Array<[EntityLabel, string, number?]>): AnnEntity[] {
  const cps = [...text];
  return spans.map(([label, needle, nth = 0], i) => {
    let from = 0;
    let at = -1;
    for (let k = 0; k <= nth; k++) at = text.indexOf(needle, from), (from = at + 1);
    assert.ok(at >= 0, `${needle} not in text`);
    const start = [...text.slice(0, at)].length;
    const end = start + [...needle].length;
    assert.equal(cps.slice(start, end).join(''), needle);
    return { id: `T${i + 1}`, label, start, end, fragments: [[start, end]], text: needle };
  });
}

function doc(id: string, text: string, spans: AnnEntity[], extra: Partial<SourceDocument> = {}): SourceDocument {
  return { id, text, human: spans, detected: [], rejected: [], boilerplate: [], captions: [], ...extra };
}

function run(docs: SourceDocument[], o: Partial<ExportOptions>) {
  const options = { ...DEFAULT_EXPORT_OPTIONS, labels: 'human' as const, ...o };
  const dictionary = createWordDictionary(['bí thư', 'tỉnh ủy', 'ủy ban', 'nhân dân', 'làm việc', 'chỉ đạo', 'thực hiện', 'nghị quyết']);
  const b = new DatasetBuilder(options, { version: 'test', sha256, dictionary, dictionaryName: 'test list' }, docs.map((d) => d.id));
  for (const d of docs) b.add(d, sha256(d.text));
  const r = b.finish();
  assert.deepEqual(r.problems, []);
  const file = (p: string) => {
    const f = r.files.find((x) => x.path === p);
    assert.ok(f, `no ${p} in ${r.files.map((x) => x.path).join(', ')}`);
    return f.content;
  };
  return { ...r, file };
}

const ARTICLE = '😀 Chiều 21/9, Bí thư\u00a0Tỉnh ủy Quảng Ninh Nguyễn Xuân Ký làm việc.\r\nThực hiện Nghị quyết số 18-NQ/TW, TP.HCM đạt 10.950 tỷ.\r\n';
const SPANS = human(ARTICLE, ['DATE', 'Chiều 21/9'], ['TITLE', 'Bí thư\u00a0Tỉnh ủy'], ['LOC', 'Quảng Ninh'], ['PER', 'Nguyễn Xuân Ký'], ['DOC', 'Nghị quyết số 18-NQ/TW'], ['LOC', 'HCM']);

test('CoNLL: IOB2 tags, single-space columns, blank line after each sentence, no whitespace in tokens', () => {
  const { file } = run([doc('a', ARTICLE, SPANS)], { format: 'conll' });
  const conll = file('data.conll');
  const blocks = conll.trimEnd().split('\n\n');
  assert.equal(blocks.length, 2, 'two sentences (the CRLF ends the first)');
  const first = blocks[0].split('\n');
  assert.deepEqual(first.slice(0, 8), ['😀 O', 'Chiều B-DATE', '21/9 I-DATE', ', O', 'Bí B-TITLE', 'thư I-TITLE', 'Tỉnh I-TITLE', 'ủy I-TITLE']);
  assert.ok(first.includes('Quảng B-LOC') && first.includes('Ninh I-LOC') && first.includes('Nguyễn B-PER'));
  const second = blocks[1].split('\n');
  assert.ok(second.includes('18-NQ/TW I-DOC'));
  // the LOC inside `TP.HCM` forces a token edge: `TP.` stays outside the span
  assert.deepEqual(second.slice(second.indexOf('TP.'.replace(/$/, ' O')) , second.indexOf('TP. O') + 2), ['TP. O', 'HCM B-LOC']);
  assert.ok(second.includes('10.950 O'));
  for (const line of conll.split('\n')) if (line) assert.match(line, /^\S+ \S+$/);
  assert.ok(conll.endsWith('\n\n'));
});

test('CoNLL: BIOES, 4 columns and -DOCSTART- per document', () => {
  const docs = [doc('a', 'Ông Nguyễn Văn Thắng phát biểu.', human('Ông Nguyễn Văn Thắng phát biểu.', ['PER', 'Nguyễn Văn Thắng'])), doc('b', 'Tại Hà Nội.', human('Tại Hà Nội.', ['LOC', 'Hà Nội']))];
  const conll = run(docs, { format: 'conll', scheme: 'bioes', conllColumns: 4, docstart: true }).file('data.conll');
  assert.equal(conll, '-DOCSTART- -X- O O\n\nÔng _ O O\nNguyễn _ O B-PER\nVăn _ O I-PER\nThắng _ O E-PER\nphát _ O O\nbiểu _ O O\n. _ O O\n\n-DOCSTART- -X- O O\n\nTại _ O O\nHà _ O B-LOC\nNội _ O E-LOC\n. _ O O\n\n');
});

test('CoNLL word tokens: syllables joined with _, never across a span edge, names one word', () => {
  const t = 'Bí thư Tỉnh ủy Nguyễn Xuân Ký làm việc với Ủy ban nhân dân.';
  const conll = run([doc('w', t, human(t, ['TITLE', 'Bí thư Tỉnh ủy'], ['PER', 'Nguyễn Xuân Ký'], ['ORG', 'Ủy ban nhân dân']))], { format: 'conll', tokens: 'word' }).file('data.conll');
  assert.equal(conll, 'Bí_thư B-TITLE\nTỉnh_ủy I-TITLE\nNguyễn_Xuân_Ký B-PER\nlàm_việc O\nvới O\nỦy_ban B-ORG\nnhân_dân I-ORG\n. O\n\n');
});

test('doccano: code-point offsets into the exported text, nested layer kept', () => {
  const t = '👍 Ban Thường vụ Tỉnh ủy Bắc Ninh họp.';
  const spans = human(t, ['ORG', 'Ban Thường vụ Tỉnh ủy Bắc Ninh'], ['LOC', 'Bắc Ninh']);
  const row = JSON.parse(run([doc('d', t, spans)], { format: 'doccano' }).file('data.jsonl'));
  assert.equal(row.text, t);
  assert.deepEqual(row.label, [[2, 32, 'ORG'], [24, 32, 'LOC']]); // the emoji is one code point (two UTF-16 units)
  assert.equal(cp(t, 24, 32), 'Bắc Ninh');
  const flat = JSON.parse(run([doc('d', t, spans)], { format: 'doccano', nested: false }).file('data.jsonl'));
  assert.deepEqual(flat.label, [[2, 32, 'ORG']]);
});

test('boilerplate lines are removed and offsets remapped onto the exported text', () => {
  const t = 'Tin liên quan\r\nChủ tịch UBND tỉnh Lê Văn Hùng dự họp.\r\n(0) Bình luận\r\nNgày 5/8/2021, ông Hùng tới Yên Bái.';
  const spans = human(t, ['PER', 'Lê Văn Hùng'], ['DATE', 'Ngày 5/8/2021'], ['LOC', 'Yên Bái'], ['ORG', 'Bình luận']);
  const bp = [{ start: 0, end: 13 }, { start: 55, end: 68 }];
  assert.equal(cp(t, 55, 68), '(0) Bình luận');
  const r = run([doc('b', t, spans, { boilerplate: bp })], { format: 'doccano' });
  const row = JSON.parse(r.file('data.jsonl'));
  assert.equal(row.text, 'Chủ tịch UBND tỉnh Lê Văn Hùng dự họp.\r\nNgày 5/8/2021, ông Hùng tới Yên Bái.');
  assert.deepEqual(row.label.map(([s, e, l]: [number, number, string]) => [l, cp(row.text, s, e)]), [['PER', 'Lê Văn Hùng'], ['DATE', 'Ngày 5/8/2021'], ['LOC', 'Yên Bái']]);
  assert.equal(r.removedSpans, 1, 'the span on the removed line is dropped and counted');
  const kept = JSON.parse(run([doc('b', t, spans, { boilerplate: bp })], { format: 'doccano', dropBoilerplate: false }).file('data.jsonl'));
  assert.equal(kept.text, t);
});

test('remap: NFD text is composed and spans widen to whole clusters; BOM removed', () => {
  const raw = '\ufeffTha\u0300nh pho\u0302\u0301 Vinh';
  const out = buildExportText(raw, [], { nfc: true });
  assert.equal(out.text, 'Thành phố Vinh');
  assert.deepEqual(out.mapSpan({ start: 1, end: 7 }), { start: 0, end: 5 }); // "Thành": 6 stored code points (a + mark) → 5
  assert.deepEqual(out.mapSpan({ start: 1, end: 4 }), { start: 0, end: 3 }, 'an end between a letter and its mark widens to the cluster');
  assert.deepEqual(out.mapSpan({ start: 14, end: 18 }), { start: 10, end: 14 });
  assert.equal(out.mapSpan({ start: 0, end: 3 }), undefined, 'a span that covers removed text (the BOM) is dropped');
  const stored = buildExportText(raw, [], { nfc: false });
  assert.equal(stored.text, raw.slice(1));
});

test('Label Studio: human labels as annotations, detections as predictions, from_name/to_name/type', () => {
  const t = 'Phó Thủ tướng Lê Minh Khái làm việc tại 😀 Hà Nội.';
  const detected: Entity[] = [
    { label: 'PER', start: 14, end: 26, text: 'Lê Minh Khái', nested: false },
    { label: 'LOC', start: 42, end: 48, text: 'Hà Nội', nested: false },
    { label: 'ORG', start: 36, end: 39, text: 'tại', nested: false },
  ];
  assert.equal(cp(t, 42, 48), 'Hà Nội');
  const d = doc('ls', t, human(t, ['TITLE', 'Phó Thủ tướng'], ['PER', 'Lê Minh Khái']), { detected, rejected: [{ label: 'ORG', start: 36, end: 39 }] });
  const r = run([d], { format: 'labelstudio', labels: 'all' });
  const [task] = JSON.parse(r.file('data.json'));
  assert.equal(task.data.text, t);
  const ann = task.annotations[0].result;
  assert.deepEqual(ann.map((x: { value: { labels: string[]; text: string } }) => [x.value.labels[0], x.value.text]), [['TITLE', 'Phó Thủ tướng'], ['PER', 'Lê Minh Khái']]);
  const pred = task.predictions[0].result;
  assert.deepEqual(pred.map((x: { value: { labels: string[] } }) => x.value.labels[0]), ['PER', 'LOC'], 'the rejected ORG is not predicted');
  for (const x of [...ann, ...pred]) {
    assert.equal(x.from_name, 'label');
    assert.equal(x.to_name, 'text');
    assert.equal(x.type, 'labels');
    assert.equal(cp(t, x.value.start, x.value.end), x.value.text);
  }
  assert.match(r.file('label_config.xml'), /<Labels name="label" toName="text">[\s\S]*<Label value="DOC"\/>[\s\S]*<Text name="text" value="\$text"\/>/);
});

test('Prodigy: tokens with ws and spans with inclusive token_end', () => {
  const t = 'Đại biểu Quốc hội tỉnh Thanh Hóa.';
  const row = JSON.parse(run([doc('p', t, human(t, ['ORG', 'Quốc hội'], ['LOC', 'Thanh Hóa']))], { format: 'prodigy' }).file('data.jsonl'));
  assert.deepEqual(row.tokens.map((x: { text: string; ws: boolean }) => [x.text, x.ws]), [['Đại', true], ['biểu', true], ['Quốc', true], ['hội', true], ['tỉnh', true], ['Thanh', true], ['Hóa', false], ['.', false]]);
  assert.deepEqual(row.spans, [
    { start: 9, end: 17, label: 'ORG', token_start: 2, token_end: 3 },
    { start: 23, end: 32, label: 'LOC', token_start: 5, token_end: 6 },
  ]);
});

test('Hugging Face: integer ner_tags in ClassLabel order, dataset_info and card YAML agree', () => {
  const t = 'Bộ trưởng Bộ Y tế thăm Cần Thơ. Ông nói.';
  const r = run([doc('h', t, human(t, ['ORG', 'Bộ Y tế'], ['LOC', 'Cần Thơ']))], { format: 'hf', sentences: true });
  const rows = r.file('data.jsonl').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(rows.length, 2);
  assert.equal(rows[0].id, 'h#1');
  const info = JSON.parse(r.file('dataset_info.json'));
  const names: string[] = info.features.ner_tags.feature.names;
  assert.deepEqual(names.slice(0, 5), ['O', 'B-PER', 'I-PER', 'B-TITLE', 'I-TITLE']);
  assert.deepEqual(rows[0].tokens, ['Bộ', 'trưởng', 'Bộ', 'Y', 'tế', 'thăm', 'Cần', 'Thơ', '.']);
  assert.deepEqual(rows[0].ner_tags.map((i: number) => names[i]), ['O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'B-LOC', 'I-LOC', 'O']);
  const readme = r.file('README.md');
  assert.ok(readme.startsWith('---\nlanguage:\n- vi\n'));
  for (const [i, n] of names.entries()) assert.ok(readme.includes(`'${i}': ${n}\n`), `card YAML names ${n} with id ${i}`);
});

test('spaCy: CoNLL for `spacy convert`, offsets JSONL, and a report of spans whitespace tokens cannot align', () => {
  const t = 'Đoàn công tác tới Quảng Ninh, sau đó về (Hà Nội).';
  const r = run([doc('s', t, human(t, ['LOC', 'Quảng Ninh'], ['LOC', 'Hà Nội']))], { format: 'spacy' });
  assert.ok(r.file('data.conll').startsWith('-DOCSTART- -X- O O\n\nĐoàn _ O O\n'));
  const report = r.file('spacy_alignment.jsonl').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(report.map((x) => [x.text, x.context]), [['Quảng Ninh', 'Quảng Ninh,'], ['Hà Nội', '(Hà Nội).']]);
  assert.match(r.file('README.md'), /python -m spacy convert data\.conll \.\/corpus --converter ner/);
  assert.match(r.file('README.md'), /pyvi/);
  assert.deepEqual(JSON.parse(r.file('data.jsonl')).entities, [[18, 28, 'LOC'], [41, 47, 'LOC']]);
});

test('brat: .txt + .ann per document that the brat reader accepts, annotation.conf, values as notes', () => {
  const t = 'Ngày 6/4/2022, Tỉnh ủy Quảng Ninh họp.\n';
  const spans = human(t, ['DATE', 'Ngày 6/4/2022'], ['ORG', 'Tỉnh ủy Quảng Ninh'], ['LOC', 'Quảng Ninh']);
  spans[0].note = '2022-04-06';
  const r = run([doc('sub/../a', t, spans)], { format: 'brat', split: { train: 1, dev: 0, test: 0 } });
  const txtPath = r.files.find((f) => f.path.endsWith('.txt'))!.path;
  assert.ok(txtPath.startsWith('train/') && !txtPath.includes('..'), txtPath);
  const ann = r.file(txtPath.replace(/\.txt$/, '.ann'));
  const parsed = parseAnn(ann, { text: r.file(txtPath) });
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.entities.map((e) => [e.label, e.text, e.note]), [['DATE', 'Ngày 6/4/2022', '2022-04-06'], ['ORG', 'Tỉnh ủy Quảng Ninh', undefined], ['LOC', 'Quảng Ninh', undefined]]);
  assert.match(r.file('annotation.conf'), /\[entities\]\nPER\nTITLE\nORG\nLOC\nDATE\nDOC\n/);
});

test('label sources: human only, merged, detections only', () => {
  const t = 'Ông Trần Văn Sơn tới Lạng Sơn.';
  const detected: Entity[] = [
    { label: 'PER', start: 4, end: 16, text: 'Trần Văn Sơn', nested: false },
    { label: 'ORG', start: 21, end: 29, text: 'Lạng Sơn', nested: false },
  ];
  const d = doc('x', t, human(t, ['LOC', 'Lạng Sơn']), { detected });
  const labels = (source: ExportOptions['labels']) => JSON.parse(run([d], { format: 'doccano', labels: source }).file('data.jsonl')).label.map((x: unknown[]) => x[2]);
  assert.deepEqual(labels('human'), ['LOC']);
  assert.deepEqual(labels('all'), ['PER', 'LOC'], 'the human LOC replaces the detected ORG on the same extent');
  assert.deepEqual(labels('detected'), ['PER', 'ORG']);
});

test('manifest and card: counts per label and split, options, version, input checksum', () => {
  const docs = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((id) => doc(id, `Ông Lê Văn ${id.toUpperCase()}ơn tới Huế.`, human(`Ông Lê Văn ${id.toUpperCase()}ơn tới Huế.`, ['LOC', 'Huế'])));
  const r = run(docs, { format: 'conll', split: { train: 0.8, dev: 0.1, test: 0.1 }, seed: 3 });
  const m = JSON.parse(r.file('manifest.json'));
  assert.equal(m.version, 'test');
  assert.equal(m.options.split, '80/10/10');
  assert.deepEqual([m.splits.train.documents, m.splits.dev.documents, m.splits.test.documents], [8, 1, 1]);
  assert.equal(m.splits.train.entities.LOC + m.splits.dev.entities.LOC + m.splits.test.entities.LOC, 10);
  assert.match(m.inputs.checksum, /^sha256:[0-9a-f]{64}$/);
  for (const f of m.files) assert.equal(f.sha256, sha256(r.file(f.path)));
  assert.match(r.file('README.md'), /\| train \| 8 \| 8 \| \d+ \| 0 \| 0 \| 0 \| 8 \| 0 \| 0 \|/);
});

test('determinism: the same inputs and seed give byte-identical files, whatever the input order', () => {
  const docs = Array.from({ length: 12 }, (_, i) => doc(`d${i}`, `Ngày ${i + 1}/5, Bộ Công an họp tại Hà Nội.`, human(`Ngày ${i + 1}/5, Bộ Công an họp tại Hà Nội.`, ['ORG', 'Bộ Công an'])));
  for (const format of ['conll', 'hf', 'labelstudio', 'brat'] as const) {
    const a = run(docs, { format, split: { train: 0.7, dev: 0.15, test: 0.15 }, seed: 11 }).files;
    const b = run([...docs].reverse(), { format, split: { train: 0.7, dev: 0.15, test: 0.15 }, seed: 11 }).files;
    assert.deepEqual(b, a, format);
    const c = run(docs, { format, split: { train: 0.7, dev: 0.15, test: 0.15 }, seed: 12 }).files;
    assert.notDeepEqual(c, a, `${format}: another seed gives another split`);
  }
});

test('finish reads back a file whose pieces were not all checked alone, and a .ann made of several pieces', () => {
  const part = (id: string, path: string, content: string, readBack: boolean) => ({
    id, sha256: 'h', split: 'data' as const, files: [{ path, content }], readBack: [readBack], problems: [], droppedSpans: 0, removedCodePoints: 0, empty: false,
  });
  const jsonl = new DatasetBuilder({ ...DEFAULT_EXPORT_OPTIONS, format: 'doccano' }, { version: 'test', sha256 }, ['a', 'b']);
  jsonl.merge(part('a', 'data.jsonl', '{"text":"Huế","label":[[0,3,"LOC"]]}\n', true));
  jsonl.merge(part('b', 'data.jsonl', 'not json\n', false));
  assert.ok(jsonl.finish().problems.some((p) => /data\.jsonl: line 2 is not JSON/.test(p)));
  // Each .ann alone is fine; together they repeat T1, which only a read of the whole file sees.
  const brat = new DatasetBuilder({ ...DEFAULT_EXPORT_OPTIONS, format: 'brat' }, { version: 'test', sha256 }, ['a', 'b']);
  const ann = 'T1\tLOC 0 3\tHuế\n';
  assert.deepEqual(validateWritten('brat', 'x.ann', ann, DEFAULT_EXPORT_OPTIONS), []);
  brat.merge(part('a', 'x.ann', ann, true));
  brat.merge(part('b', 'x.ann', ann, true));
  assert.ok(brat.finish().problems.some((p) => p.startsWith('x.ann:')), 'duplicate ids across pieces are reported');
});
