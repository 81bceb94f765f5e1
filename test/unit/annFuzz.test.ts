/**
 * Fuzz tests of the .ann reader/writer and of the annotation files on disk (issue 9):
 * - any content: `parseAnn` never throws, accounts for every line (an entity, a note, or a
 *   line kept verbatim), reports every unusable T line by its number, and writes it back
 *   byte for byte;
 * - valid files generated from a random article (LF/CRLF/lone CR, BOM, no final newline,
 *   notes, relations) read without a problem and write back byte for byte;
 * - through AnnotationFiles (the server's store): a decision that touches only the sidecar
 *   leaves the .ann's bytes alone, and random edits of the article never make a label
 *   disappear — each one still matches the text or is kept and reported.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { URI } from 'vscode-uri';
import { formatEntityLine, parseAnn, serializeAnn, type AnnEntity } from '../../server/src/core/bratStandoff';
import { CodePointIndex } from '../../server/src/core/offsets';
import { AnnotationFiles } from '../../server/src/annotationFiles';
import { ENTITY_LABELS } from '../../server/src/core/types';
import { articleArb, PIECES, RUNS } from './fuzzArbitraries';

const ARTICLE = 'Chiều 21/9, Bí thư Tỉnh ủy Quảng Ninh Nguyễn Văn Hùng làm việc tại 😀 Hạ Long.\r\nTin liên quan\n';
const stamp = { by: 'fuzz', at: '2024-01-01T00:00:00.000Z' };

/** Lines a hand, a script or another tool may leave in a .ann. */
const lineArb = fc.oneof(
  fc.tuple(fc.nat(20), fc.integer({ min: -3, max: 120 }), fc.integer({ min: -3, max: 40 }), fc.constantFrom(...ENTITY_LABELS, 'XYZ', 'per', ''), fc.constantFrom('Hạ Long', 'chữ', '', ' ', '\t')).map(
    ([id, s, l, lab, t]) => `T${id}\t${lab} ${s} ${s + l}\t${t}`,
  ),
  fc.tuple(fc.nat(20), fc.nat(60), fc.nat(60)).map(([id, a, b]) => `T${id}\tLOC ${a} ${a + 1};${b} ${b + 2}\tx y`),
  fc.tuple(fc.nat(9), fc.nat(20)).map(([n, t]) => `#${n}\tAnnotatorNotes T${t}\tgiá trị`),
  fc.tuple(fc.nat(9), fc.nat(20), fc.nat(20)).map(([n, a, b]) => `R${n}\tLocated Arg1:T${a} Arg2:T${b}`),
  fc.constantFrom('', ' ', 'T', 'T1', 'T1\t', 'T1\tPER', 'T1\tPER 1', 'T1 PER 0 5 Chiều', '*\tEquiv T1 T2', 'A1\tNegated T1', 'E1\tEvent:T1'),
  fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, '')),
);
const eolArb = fc.constantFrom('\n', '\r\n', '\r');

/** An arbitrary .ann text: mixed line ends, optional BOM and final newline. */
const annArb = fc
  .tuple(fc.array(fc.tuple(lineArb, eolArb), { maxLength: 16 }), fc.boolean(), fc.boolean())
  .map(([lines, bom, final]) => {
    let s = bom ? '\ufeff' : '';
    lines.forEach(([l, eol], i) => (s += l + (i < lines.length - 1 || final ? eol : '')));
    return s;
  });

/** Line texts as the reader splits them (\r\n, \n or a lone \r end a line). */
function linesOf(ann: string): string[] {
  const body = ann.charCodeAt(0) === 0xfeff ? ann.slice(1) : ann;
  if (body === '') return [];
  const parts = body.split(/\r\n|\n|\r/);
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

test('parseAnn never throws, accounts for every line, reports every unusable T line, and writes any input back byte for byte', () => {
  fc.assert(
    fc.property(annArb, fc.constantFrom(ARTICLE, '', undefined), (ann, text) => {
      const doc = parseAnn(ann, text === undefined ? {} : { text });
      const lines = linesOf(ann);
      assert.equal(doc.layout!.length, lines.length, 'one layout record per line');
      const entityLines = doc.layout!.filter((l) => l.kind === 'entity').length;
      const noteLines = doc.layout!.filter((l) => l.kind === 'note').length;
      assert.equal(entityLines + noteLines + doc.otherLines.length, lines.length, 'every line is an entity, a note, or kept verbatim');
      assert.equal(entityLines, doc.entities.length);
      const problemLines = new Set(doc.problems.map((p) => p.line));
      const usedIds = new Set(doc.entities.map((e) => e.id));
      for (const o of doc.otherLines) {
        assert.equal(o.text, lines[o.line - 1], 'kept lines are verbatim and numbered from 1');
        // A T line that is not an entity is always reported (a relation or note line need not be).
        if (o.text.startsWith('T')) assert.ok(problemLines.has(o.line), `line ${o.line} "${o.text}" is reported`);
      }
      for (const p of doc.problems) {
        assert.ok(doc.otherLines.some((o) => o.line === p.line), 'a reported line is kept');
        assert.ok(p.message.length > 0);
      }
      for (const e of doc.entities) assert.ok(usedIds.has(e.id) && e.start < e.end);
      assert.equal(serializeAnn(doc), ann, 'untouched input is written back byte for byte');
    }),
    { numRuns: RUNS * 3 },
  );
});

/** A valid .ann for an article: random spans, labels, notes and a relation, in a random layout. */
const validAnnArb = (text: string) => {
  const n = new CodePointIndex(text).length;
  const spanArb = fc.tuple(fc.nat(n - 1), fc.nat(12), fc.constantFrom(...ENTITY_LABELS), fc.option(fc.constantFrom('2020-09-21', 'nguyễn văn hùng', '{"kind":"Nghị quyết"}'), { nil: undefined }));
  return fc.tuple(fc.array(spanArb, { maxLength: 10 }), eolArb, fc.boolean(), fc.boolean(), fc.boolean()).map(([spans, eol, bom, final, relation]) => {
    const cps = new CodePointIndex(text);
    const lines: string[] = [];
    const entities: AnnEntity[] = [];
    spans.forEach(([s, l, label, note], i) => {
      const e = Math.min(n, s + 1 + l);
      const entity: AnnEntity = { id: `T${i + 1}`, label, start: s, end: e, fragments: [[s, e]], text: cps.slice(s, e).replace(/[\r\n]/g, ' '), note };
      entities.push(entity);
      lines.push(formatEntityLine(entity));
      if (note !== undefined) lines.push(`#${i + 1}\tAnnotatorNotes T${i + 1}\t${note}`);
    });
    if (relation && entities.length > 1) lines.push('R1\tLocated Arg1:T1 Arg2:T2');
    const ann = (bom ? '\ufeff' : '') + lines.join(eol) + (final && lines.length ? eol : '');
    return { ann, entities };
  });
};

test('valid generated files read without a problem and round-trip exactly, on any article text', () => {
  fc.assert(
    fc.property(
      articleArb.filter((t) => t.length > 0),
      fc.context(),
      (text, ctx) => {
        fc.assert(
          fc.property(validAnnArb(text), ({ ann, entities }) => {
            const doc = parseAnn(ann, { text });
            ctx.log(JSON.stringify(ann));
            assert.deepEqual(doc.problems, []);
            assert.deepEqual(doc.entities.map((e) => [e.id, e.label, e.start, e.end, e.text, e.note]), entities.map((e) => [e.id, e.label, e.start, e.end, e.text, e.note]));
            assert.equal(serializeAnn(doc), ann);
          }),
          { numRuns: 5 },
        );
      },
    ),
    { numRuns: Math.ceil(RUNS / 3) },
  );
});

// ---- the store on disk ----

function tmpArticle(text: string, ann?: string): { file: string; uri: string; annFile: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ann-fuzz-'));
  const file = path.join(dir, 'bai.txt');
  fs.writeFileSync(file, text);
  const annFile = path.join(dir, 'bai.ann');
  if (ann !== undefined) fs.writeFileSync(annFile, ann);
  return { file, uri: URI.file(file).toString(), annFile };
}

test('a decision that touches only the sidecar leaves a hand-written .ann (BOM, CRLF, odd spacing, relations) byte for byte', () => {
  const ann = '\ufeffT1\tTITLE 12 26\tBí thư Tỉnh ủy\r\n#1\tAnnotatorNotes T1\tbí thư\r\nR1\tLocated Arg1:T1 Arg2:T1\r\nT7\tPER 38 53\tNguyễn Văn Hùng';
  const t = tmpArticle(ARTICLE, ann);
  const files = new AnnotationFiles(() => {});
  assert.deepEqual(files.get(t.uri, ARTICLE).doc.problems, []);
  const out = files.apply(t.uri, ARTICLE, [{ kind: 'review', reviewed: true }], stamp);
  assert.equal(out.applied.length, 1);
  assert.equal(fs.readFileSync(t.annFile, 'utf8'), ann, 'the .ann was not rewritten');
  assert.ok(fs.existsSync(t.file.replace(/\.txt$/, '.vncorpus.json')));
  // A new label keeps every original byte in front of it.
  files.apply(t.uri, ARTICLE, [{ kind: 'add', label: 'LOC', start: 27, end: 37, text: 'Quảng Ninh', source: 'manual' }], stamp);
  const after = fs.readFileSync(t.annFile, 'utf8');
  assert.ok(after.startsWith(ann), JSON.stringify(after));
  assert.deepEqual(parseAnn(after, { text: ARTICLE }).problems, []);
});

/** One random edit of a text: insert, delete or replace a stretch (code-point offsets). */
const editArb = fc.record({ at: fc.nat(), len: fc.nat(15), insert: fc.constantFrom('', ...PIECES.filter((p) => p !== '\ufeff')) });

function applyEdit(text: string, e: { at: number; len: number; insert: string }): string {
  const cps = [...text];
  const at = e.at % (cps.length + 1);
  cps.splice(at, Math.min(e.len, cps.length - at), e.insert);
  return cps.join('');
}

test('random edits of a labelled article never make a label disappear: each still matches the text, or is kept and reported', () => {
  const base = 'Ngày 21/9, Bí thư Tỉnh ủy Quảng Ninh Nguyễn Văn Hùng làm việc với UBND huyện Ba Chẽ.\nÔng Hùng đề nghị Đảng bộ huyện thực hiện Nghị quyết số 18-NQ/TW.\n';
  const names = ['Bí thư Tỉnh ủy', 'Quảng Ninh', 'Nguyễn Văn Hùng', 'UBND huyện Ba Chẽ', 'Ông Hùng', 'Đảng bộ huyện', 'Nghị quyết số 18-NQ/TW'];
  const labels = ['TITLE', 'LOC', 'PER', 'ORG', 'PER', 'ORG', 'DOC'];
  fc.assert(
    fc.property(fc.array(editArb, { minLength: 1, maxLength: 8 }), (edits) => {
      const cps = new CodePointIndex(base);
      const lines = names.map((n, i) => {
        const s = cps.toCodePoint(base.indexOf(n));
        return `T${i + 1}\t${labels[i]} ${s} ${s + [...n].length}\t${n}`;
      });
      const t = tmpArticle(base, lines.join('\n') + '\n');
      const files = new AnnotationFiles(() => {});
      let text = base;
      files.get(t.uri, text);
      for (const e of edits) {
        text = applyEdit(text, e);
        files.get(t.uri, text); // the editor's view follows each edit
      }
      const out = files.apply(t.uri, text, [{ kind: 'review', reviewed: true }], stamp);
      assert.equal(out.error, undefined);
      const doc = parseAnn(fs.readFileSync(t.annFile, 'utf8'), { text });
      const kept = doc.entities.length + doc.problems.filter((p) => p.entity).length;
      assert.equal(kept, names.length, 'every label is still in the .ann, matching or reported');
      for (const e of doc.entities) assert.equal(new CodePointIndex(text).slice(e.start, e.end).replace(/[\r\n]/g, ' '), e.text);
      fs.rmSync(path.dirname(t.file), { recursive: true, force: true });
    }),
    { numRuns: RUNS },
  );
});
