/** The validators must fail on broken output: each test breaks one thing on purpose. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../server/src/core/tokenize';
import { checkAgreement, checkSpans, checkTokens, readConll, validateConll, validateWritten } from '../../server/src/core/export/validate';
import { checkTags, tagUnits } from '../../server/src/core/export/tags';
import { DEFAULT_EXPORT_OPTIONS } from '../../server/src/core/export/exportOptions';
import type { ExportExample } from '../../server/src/core/export/examples';
import { segmentWords, createWordDictionary } from '../../server/src/core/wordSegment';

const TEXT = 'Chủ tịch UBND tỉnh Nguyễn Văn Thắng dự họp.';

test('BIO checks: well-formed sequences pass, broken ones fail with the position', () => {
  assert.deepEqual(checkTags(['O', 'B-PER', 'I-PER', 'O', 'B-LOC'], 'iob2'), []);
  assert.match(checkTags(['O', 'I-PER'], 'iob2')[0], /tag 2 'I-PER' continues nothing/);
  assert.match(checkTags(['B-PER', 'I-LOC'], 'iob2')[0], /continues 'PER'/);
  assert.match(checkTags(['B-PER', 'E-PER'], 'iob2')[0], /not a IOB2 tag/);
  assert.deepEqual(checkTags(['S-LOC', 'B-PER', 'I-PER', 'E-PER', 'O'], 'bioes'), []);
  assert.ok(checkTags(['B-PER', 'O'], 'bioes').some((p) => /unclosed PER/.test(p)));
  assert.ok(checkTags(['B-PER'], 'bioes').some((p) => /ends inside/.test(p)));
  assert.ok(checkTags(['B PER'], 'iob2').length > 0);
});

test('tokens must reproduce the text', () => {
  const toks = tokenize(TEXT);
  assert.deepEqual(checkTokens(TEXT, toks), []);
  const dropped = toks.filter((t) => t.text !== 'UBND');
  assert.match(checkTokens(TEXT, dropped)[0], /" UBND " before token 3 is not covered/);
  const changed = toks.map((t) => (t.text === 'Thắng' ? { ...t, text: 'Thang' } : t));
  assert.match(checkTokens(TEXT, changed)[0], /differs from the text/);
  const spaced = toks.map((t, i) => (i === 0 ? { ...t, text: 'Chủ tịch', end: 8 } : t));
  assert.ok(checkTokens(TEXT, spaced).some((p) => /contains whitespace/.test(p)));
  const words = segmentWords(toks, createWordDictionary(['chủ tịch']));
  assert.equal(words[0].text, 'Chủ_tịch');
  assert.deepEqual(checkTokens(TEXT, words, true), []);
  assert.ok(checkTokens(TEXT, words, false).length > 0, 'joined words are not syllables');
});

test('every span text must equal the exported text at its offsets', () => {
  const ok = { start: 19, end: 35, label: 'PER' as const, text: 'Nguyễn Văn Thắng', nested: false };
  assert.deepEqual(checkSpans(TEXT, [ok]), []);
  assert.match(checkSpans(TEXT, [{ ...ok, end: 34 }])[0], /says "Nguyễn Văn Thắng" but the text there is "Nguyễn Văn Thắn"/);
  assert.match(checkSpans(TEXT, [{ ...ok, end: 99 }])[0], /outside the text/);
  assert.match(checkSpans(TEXT, [{ ...ok, label: 'PERSON' as 'PER' }])[0], /unknown label/);
});

test('tags and spans must agree', () => {
  const toks = tokenize(TEXT);
  const spans = [{ start: 19, end: 35, label: 'PER' }];
  const tags = tagUnits(toks, spans, 'iob2');
  assert.deepEqual(checkAgreement(toks, tags, spans, 'iob2'), []);
  const shifted = tags.map((t, i) => (i === 6 ? 'O' : t));
  assert.ok(checkAgreement(toks, shifted, spans, 'iob2').some((p) => /not encoded/.test(p)));
  const extra = tags.map((t, i) => (i === 2 ? 'B-ORG' : t));
  assert.ok(checkAgreement(toks, extra, spans, 'iob2').some((p) => /which is no span/.test(p)));
});

test('CoNLL read-back fails on wrong columns, a missing final blank line, a changed tag', () => {
  assert.deepEqual(readConll('Hà B-LOC\nNội I-LOC\n\n', 2).problems, []);
  assert.match(readConll('Hà B-LOC\nNội\tI-LOC\n\n', 2).problems[0], /line 2: expected 2 single-space/);
  assert.match(readConll('Hà  B-LOC\n\n', 2).problems[0], /line 1/);
  assert.ok(readConll('Hà B-LOC\nNội I-LOC\n', 2).problems.some((p) => /not followed by a blank line/.test(p)));
  const t = 'Tại Hà Nội.';
  const toks = tokenize(t, { boundaries: [4, 10] });
  const ex: ExportExample = {
    id: 'x', docId: 'x', text: t, tokens: toks, sentences: [toks], human: [], detected: [],
    entities: [{ start: 4, end: 10, label: 'LOC', text: 'Hà Nội', nested: false }],
  };
  const good = 'Tại O\nHà B-LOC\nNội I-LOC\n. O\n\n';
  assert.deepEqual(validateConll(good, [ex], DEFAULT_EXPORT_OPTIONS), []);
  assert.ok(validateConll(good.replace('Nội I-LOC', 'Nội I-ORG'), [ex], DEFAULT_EXPORT_OPTIONS).length > 0);
  assert.ok(validateConll(good.replace('\n\n', '\n'), [ex], DEFAULT_EXPORT_OPTIONS).length > 0);
});

test('written JSON is read back: bad offsets, bad ws, bad token_end and HF tag ids fail', () => {
  const o = DEFAULT_EXPORT_OPTIONS;
  assert.deepEqual(validateWritten('doccano', 'a.jsonl', '{"text":"Hà Nội","label":[[0,6,"LOC"]]}\n', o), []);
  assert.ok(validateWritten('doccano', 'a.jsonl', '{"text":"Hà Nội","label":[[0,7,"LOC"]]}\n', o).length > 0);
  assert.ok(validateWritten('doccano', 'a.jsonl', '{"text":"Hà Nội","label":[[0,6,"PLACE"]]}\n', o).length > 0);
  const prodigy = { text: 'Hà Nội', tokens: [{ text: 'Hà', start: 0, end: 2, id: 0, ws: true }, { text: 'Nội', start: 3, end: 6, id: 1, ws: false }], spans: [{ start: 0, end: 6, label: 'LOC', token_start: 0, token_end: 1 }] };
  assert.deepEqual(validateWritten('prodigy', 'p.jsonl', JSON.stringify(prodigy) + '\n', o), []);
  const badWs = { ...prodigy, tokens: [{ ...prodigy.tokens[0], ws: false }, prodigy.tokens[1]] };
  assert.ok(validateWritten('prodigy', 'p.jsonl', JSON.stringify(badWs) + '\n', o).some((p) => /ws false/.test(p)));
  const exclusiveEnd = { ...prodigy, spans: [{ ...prodigy.spans[0], token_end: 2 }] };
  assert.ok(validateWritten('prodigy', 'p.jsonl', JSON.stringify(exclusiveEnd) + '\n', o).some((p) => /inclusive/.test(p)));
  assert.deepEqual(validateWritten('hf', 'h.jsonl', '{"id":"a","tokens":["Hà","Nội"],"ner_tags":[7,8]}\n', o), []);
  assert.ok(validateWritten('hf', 'h.jsonl', '{"id":"a","tokens":["Hà","Nội"],"ner_tags":[8,8]}\n', o).length > 0, 'I- without B-');
  assert.ok(validateWritten('hf', 'h.jsonl', '{"id":"a","tokens":["Hà","Nội"],"ner_tags":[7]}\n', o).length > 0, 'lengths differ');
  assert.ok(validateWritten('hf', 'h.jsonl', '{"id":"a","tokens":["Hà","Nội"],"ner_tags":[7,99]}\n', o).length > 0, 'unknown id');
  const ls = [{ data: { text: '😀 Huế' }, annotations: [{ result: [{ id: 'h1', from_name: 'label', to_name: 'text', type: 'labels', value: { start: 2, end: 5, text: 'Huế', labels: ['LOC'] } }] }], predictions: [] }];
  assert.deepEqual(validateWritten('labelstudio', 'l.json', JSON.stringify(ls), o), []);
  ls[0].annotations[0].result[0].value.start = 3; // a UTF-16 offset would be 3
  assert.ok(validateWritten('labelstudio', 'l.json', JSON.stringify(ls), o).length > 0);
  assert.ok(validateWritten('brat', 'x.ann', 'T1\tLOC 0 x\tHuế\n', o).length > 0);
});

test('CoNLL read-back, line by line: every malformed cell is named by its line, well-formed lines are kept', () => {
  const content = [
    '-DOCSTART- O', '', 'Thủ B-PER', 'tướng I-PER', // fine
    ' Chính B-PER', // leading space: an empty first cell
    'Phạm I-PER ', // trailing space
    'Minh\u00a0I-PER', // a no-break space inside a cell
    'Chính  O', // two spaces
    'tại\rO', // a carriage return
    'Hà B-LOC', '-DOCSTART- O', 'Nội I-LOC', '', '',
  ].join('\n');
  const r = readConll(content, 2);
  const lines = r.problems.map((p) => Number(/^line (\d+)/.exec(p)?.[1])).filter(Boolean);
  assert.deepEqual(lines, [5, 6, 7, 8, 9, 11], r.problems.join('\n'));
  assert.equal(r.documents, 2);
  assert.deepEqual(r.sentences.map((s) => s.tokens), [['Thủ', 'tướng', 'Hà', 'Nội']]);
  assert.deepEqual(r.sentences.map((s) => s.tags), [['B-PER', 'I-PER', 'B-LOC', 'I-LOC']]);
  // Checking without collecting finds the same problems.
  assert.deepEqual(readConll(content, 2, false).problems, r.problems);
  assert.deepEqual(readConll('Sở _ O B-ORG\nTư _ O I-ORG\n\n', 4).problems, []);
  assert.match(readConll('Sở O B-ORG\n\n', 4).problems[0], /line 1: expected 4/);
});

// ---- the read-back shortcuts (validateConll compares in place; finish trusts pieces that read back alone) ----

function conllExample(text: string, spans: Array<{ start: number; end: number; label: 'LOC' | 'PER' }>, sentences?: (toks: ReturnType<typeof tokenize>) => ReturnType<typeof tokenize>[]): ExportExample {
  const toks = tokenize(text, { boundaries: spans.flatMap((s) => [s.start, s.end]) });
  return {
    id: 'x', docId: 'x', text, tokens: toks, sentences: sentences ? sentences(toks) : [toks], human: [], detected: [],
    entities: spans.map((s) => ({ ...s, text: [...text].slice(s.start, s.end).join(''), nested: false })),
  };
}

test('CoNLL written exactly as the examples say passes; every departure from it still fails', () => {
  const ex = conllExample('Tại Hà Nội.', [{ start: 4, end: 10, label: 'LOC' }]);
  const good = 'Tại O\nHà B-LOC\nNội I-LOC\n. O\n\n';
  assert.deepEqual(validateConll(good, [ex], DEFAULT_EXPORT_OPTIONS), []);
  // A second blank line at the end reads back the same sentences: still valid.
  assert.deepEqual(validateConll(good + '\n', [ex], DEFAULT_EXPORT_OPTIONS), []);
  for (const bad of [good.slice(0, -1), good.replace('Tại O', 'Tại  O'), good.replace('Hà', 'Ha'), good.replace('. O', '.\tO'), '']) {
    assert.ok(validateConll(bad, [ex], DEFAULT_EXPORT_OPTIONS).length > 0, JSON.stringify(bad));
  }
  const four = { ...DEFAULT_EXPORT_OPTIONS, conllColumns: 4 as const, docstart: true };
  assert.deepEqual(validateConll('-DOCSTART- -X- O O\n\nTại _ O O\nHà _ O B-LOC\nNội _ O I-LOC\n. _ O O\n\n', [ex], four), []);
  assert.ok(validateConll('Tại _ O O\nHà _ O B-LOC\nNội _ O I-LOC\n. _ O O\n\n', [ex], four).length > 0, 'a missing -DOCSTART-');
});

test('CoNLL that would read back differently from how it was written is caught', () => {
  // A token `-DOCSTART-` tagged O reads back as a document start in two columns.
  const doc = conllExample('-DOCSTART- Huế', [{ start: 11, end: 14, label: 'LOC' }]);
  const whole = { text: '-DOCSTART-', start: 0, end: 10, spaceAfter: true, lineBreakAfter: false };
  doc.tokens = [whole, doc.tokens[doc.tokens.length - 1]];
  doc.sentences = [doc.tokens];
  assert.ok(validateConll('-DOCSTART- O\nHuế B-LOC\n\n', [doc], DEFAULT_EXPORT_OPTIONS).length > 0);
  // An empty sentence writes a blank line that reads back as no sentence at all.
  const empty = conllExample('Huế', [{ start: 0, end: 3, label: 'LOC' }], (toks) => [toks, []]);
  assert.ok(validateConll('Huế B-LOC\n\n\n', [empty], DEFAULT_EXPORT_OPTIONS).some((p) => /sentences read back/.test(p)));
  // Documents interleaved: one -DOCSTART- per change of document, more than there are documents.
  const a = conllExample('Huế', [{ start: 0, end: 3, label: 'LOC' }]);
  const b = { ...a, id: 'y', docId: 'y' };
  const o = { ...DEFAULT_EXPORT_OPTIONS, docstart: true };
  const block = '-DOCSTART- O\n\nHuế B-LOC\n\n';
  assert.deepEqual(validateConll(block + block, [a, b], o), []);
  assert.ok(validateConll(block + block + block, [a, b, a], o).some((p) => /3 -DOCSTART- lines for 2 documents/.test(p)));
});
