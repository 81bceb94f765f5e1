/**
 * spaCy v3 input. `spacy convert` turns `{split}.conll` (CoNLL NER, 4 columns, IOB2,
 * documents delimited by `-DOCSTART- -X- O O` as the `ner` converter expects) into
 * `.spacy` DocBin files with our tokens. `{split}.jsonl` carries the same examples as
 * character offsets (`{"text", "entities": [[start, end, label]]}`) for scripts that build
 * Docs with `doc.char_span`.
 *
 * The caveat: spaCy's `blank:vi` tokenizer needs pyvi; without it (`use_pyvi = false`) it
 * splits on whitespace only, so `Ninh,` is one token and a LOC `Ninh` inside it cannot be
 * aligned — spaCy then drops that span from training without a word. The alignment report
 * lists every span whose edges are not whitespace-token edges.
 */
import { DOCSTART_4, writeConll } from './conllExport';
import type { ExportExample } from './examples';
import { fileList, jsonl, type Format } from './formatTypes';

export interface MisalignedSpan {
  id: string;
  start: number;
  end: number;
  label: string;
  text: string;
  /** The whitespace-separated chunk(s) the span cuts into. */
  context: string;
}

/** Python's `str.split()` whitespace (spaCy's tokenizer without pyvi splits on it). */
function isPySpace(ch: string): boolean {
  return /[\s\x1c-\x1f\x85]/u.test(ch) && ch !== '\ufeff';
}

/** Spans of an example whose edges do not fall on whitespace-token edges. */
export function misalignedSpans(ex: ExportExample, nested: boolean): MisalignedSpan[] {
  const chars = [...ex.text];
  const edge = (i: number) => i <= 0 || i >= chars.length || isPySpace(chars[i - 1]) || isPySpace(chars[i]);
  const out: MisalignedSpan[] = [];
  for (const e of ex.entities) {
    if (e.nested && !nested) continue;
    if (edge(e.start) && edge(e.end)) continue;
    let a = e.start;
    let b = e.end;
    while (a > 0 && !isPySpace(chars[a - 1])) a--;
    while (b < chars.length && !isPySpace(chars[b])) b++;
    out.push({ id: ex.id, start: e.start, end: e.end, label: e.label, text: e.text, context: chars.slice(a, b).join('') });
  }
  return out;
}

const SPACY_CONLL = { scheme: 'iob2' as const, docstart: true, conllColumns: 4 as const };
export const SPACY_REPORT = 'spacy_alignment.jsonl';

export const spacyFormat: Format = {
  render: (examples, split, ctx) => [
    { path: `${split}.conll`, content: writeConll(examples, SPACY_CONLL) },
    { path: `${split}.jsonl`, content: jsonl(examples.map((ex) => offsetsRow(ex, ctx.options.nested))) },
    { path: SPACY_REPORT, content: jsonl(examples.flatMap((ex) => misalignedSpans(ex, ctx.options.nested))) },
  ],
  finish(ctx, pieces) {
    const misaligned = (pieces.get(SPACY_REPORT) ?? []).reduce((n, p) => n + (p.match(/\n/g)?.length ?? 0), 0);
    const card = [
      `Files: ${fileList(pieces.keys())}.`,
      '',
      "Convert to spaCy's binary format (our tokens are kept; documents are split at `" + DOCSTART_4 + '`):',
      '',
      '```sh',
      ...ctx.splits.map((s) => `python -m spacy convert ${s}.conll ./corpus --converter ner --file-type spacy`),
      '```',
      '',
      'The `.conll` files are always IOB2 with 4 columns; the `.jsonl` files hold the same examples as `{"text", "entities": [[start, end, label]]}` with code-point offsets (Python string indices) for scripts that use `doc.char_span`.',
      '',
      '**Tokenizer caveat.** `spacy.blank("vi")` needs the `pyvi` package. With `[nlp.tokenizer] use_pyvi = false` spaCy splits on whitespace only, so punctuation stays glued to syllables (`Ninh,`),',
      'and during training every entity whose edges fall inside such a token is silently dropped. ' +
        `\`${SPACY_REPORT}\` lists those spans: ${misaligned} of ${ctx.entityCount} here. With pyvi installed its word tokens differ again: check them the same way, or train on the converted \`.spacy\` files, whose tokens are ours.`,
    ].join('\n');
    return { files: [], card };
  },
};

function offsetsRow(ex: ExportExample, nested: boolean): unknown {
  return { text: ex.text, entities: ex.entities.filter((e) => nested || !e.nested).map((e) => [e.start, e.end, e.label]), source_id: ex.id };
}
