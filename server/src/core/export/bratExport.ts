/**
 * brat standoff: `{split}/{doc}.txt` (the exported text) and `{doc}.ann` (T lines with
 * code-point offsets and the covered text, AnnotatorNotes with the normalized value) per
 * document, and `annotation.conf` at the root (brat looks for it up the tree). Always one
 * file pair per document, primary and nested layers both (brat allows nesting).
 */
import { serializeAnn, type AnnEntity } from '../bratStandoff';
import { noteOf } from '../effectiveEntities';
import { ENTITY_LABELS } from '../types';
import type { ExportExample } from './examples';
import { fileList, type Format } from './formatTypes';

export function annotationConf(): string {
  return [
    '# brat configuration for the vn-corpus labels (ANNOTATION_GUIDE.md §2)',
    '[entities]',
    ...ENTITY_LABELS,
    '',
    '[relations]',
    '# nested spans (a LOC inside an ORG) are allowed; crossing spans are not',
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:contain',
    '',
    '[events]',
    '',
    '[attributes]',
    '',
  ].join('\n');
}

export function bratAnn(ex: ExportExample): string {
  const entities: AnnEntity[] = ex.entities.map((e, i) => {
    const a: AnnEntity = { id: `T${i + 1}`, label: e.label, start: e.start, end: e.end, fragments: [[e.start, e.end]], text: e.text };
    const note = noteOf(e.value);
    if (note !== undefined) a.note = note;
    return a;
  });
  return serializeAnn({ entities, otherLines: [] });
}

export const bratFormat: Format = {
  render(examples, split, ctx) {
    return examples.flatMap((ex) => {
      const base = `${split}/${ctx.pathOf(ex.docId)}`;
      return [
        { path: `${base}.txt`, content: ex.text },
        { path: `${base}.ann`, content: bratAnn(ex) },
      ];
    });
  },
  finish(ctx) {
    const card = [
      `Files: \`annotation.conf\` and one \`.txt\` + \`.ann\` pair per document under ${fileList(ctx.splits.map((s) => `${s}/`))}.`,
      'Offsets are code points into the `.txt` (as brat counts them); AnnotatorNotes hold the normalized values (ISO dates, DOC fields as JSON, canonical names).',
      'Serve the folder with brat, or read it with any brat reader. Document-level only (`--sentences` does not apply).',
    ].join('\n');
    return { files: [{ path: 'annotation.conf', content: annotationConf() }], card };
  },
};
