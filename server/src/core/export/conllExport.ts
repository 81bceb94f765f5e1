/**
 * CoNLL token-per-line: one token and its tag per line, columns separated by one space,
 * a blank line after every sentence, optionally `-DOCSTART-` before each document.
 * Two columns (`token tag`) by default; four (`token _ O tag`, the CoNLL-2003 layout with
 * `-DOCSTART- -X- O O`) for readers that take the last of four columns as the NER tag
 * (the Hugging Face conll2003 loader, NLTK's ConllCorpusReader, spaCy's `ner` converter).
 * Tokens never contain whitespace (tokenize.ts), so the columns are unambiguous.
 */
import type { ExportExample } from './examples';
import type { ExportOptions } from './exportOptions';
import { fileList, type Format } from './formatTypes';
import { tagUnits } from './tags';

export const DOCSTART_4 = '-DOCSTART- -X- O O';
export const DOCSTART_2 = '-DOCSTART- O';

type ConllOptions = Pick<ExportOptions, 'scheme' | 'docstart' | 'conllColumns'>;

/**
 * The CoNLL text of a list of examples (documents or sentences, in order). Built by
 * appending pieces to one string: V8 keeps that as a rope flattened once when first read,
 * cheaper than a string per line and a join of them all.
 */
export function writeConll(examples: readonly ExportExample[], options: ConllOptions): string {
  const middle = options.conllColumns === 4 ? ' _ O ' : ' ';
  let out = '';
  let lastDoc: string | undefined;
  for (const ex of examples) {
    if (options.docstart && ex.docId !== lastDoc) out += (options.conllColumns === 4 ? DOCSTART_4 : DOCSTART_2) + '\n\n';
    lastDoc = ex.docId;
    const primary = ex.entities.filter((e) => !e.nested);
    for (const units of ex.sentences) {
      const tags = tagUnits(units, primary, options.scheme);
      for (let i = 0; i < units.length; i++) {
        out += units[i].text;
        out += middle;
        out += tags[i];
        out += '\n';
      }
      out += '\n';
    }
  }
  return out;
}

export const conllFormat: Format = {
  render: (examples, split, ctx) => [{ path: `${split}.conll`, content: writeConll(examples, ctx.options) }],
  finish(ctx, pieces) {
    const o = ctx.options;
    const cols = o.conllColumns === 4 ? '`token _ O tag` (4 columns, CoNLL-2003 layout: POS `_`, chunk `O`, NER tag last)' : '`token tag` (2 columns)';
    const card = [
      `Files: ${fileList(pieces.keys())}. One token per line as ${cols}, separated by one space;`,
      `a blank line ends every sentence${o.docstart ? `; \`${o.conllColumns === 4 ? DOCSTART_4 : DOCSTART_2}\` and a blank line start every document` : ''}.`,
      `Tags: ${o.scheme.toUpperCase()}${o.scheme === 'iob2' ? ' (every entity starts with `B-`; not the original IOB1 of CoNLL-2003)' : ' (`S-` single-token entity, `E-` last token)'}.`,
      'Only the primary (flat) layer is tagged; nested spans are not representable in CoNLL.',
      '',
      'Read it with NLTK: `ConllCorpusReader(root, [file], ' +
        (o.conllColumns === 4 ? "('words', 'pos', 'ignore', 'chunk'))` and `.iob_sents()`" : "('words', 'pos'))` and `.tagged_sents()` (the tag column read as the second column)") +
        '; with flair: `ColumnCorpus(root, {0: "text", ' + (o.conllColumns === 4 ? '3' : '1') + ': "ner"})`.',
    ].join('\n');
    return { files: [], card };
  },
};
