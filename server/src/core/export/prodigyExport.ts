/**
 * Prodigy NER JSONL: `{"text", "tokens": [{text, start, end, id, ws}], "spans": [{start,
 * end, label, token_start, token_end}]}` with `token_end` inclusive, as Prodigy's
 * `ner.manual` and `data-to-spacy` expect. Primary layer only (Prodigy NER spans do not
 * overlap). Tokens are syllables; offsets are code points (Python string indices).
 */
import type { ExportExample } from './examples';
import { fileList, jsonl, type Format } from './formatTypes';

export function prodigyRow(ex: ExportExample): unknown {
  const tokens = ex.tokens.map((t, id) => ({ text: t.text, start: t.start, end: t.end, id, ws: t.spaceAfter }));
  const startIdx = new Map(ex.tokens.map((t, i) => [t.start, i]));
  const endIdx = new Map(ex.tokens.map((t, i) => [t.end, i]));
  const spans = ex.entities
    .filter((e) => !e.nested && startIdx.has(e.start) && endIdx.has(e.end))
    .map((e) => ({ start: e.start, end: e.end, label: e.label, token_start: startIdx.get(e.start)!, token_end: endIdx.get(e.end)! }));
  return { text: ex.text, tokens, spans, meta: { source_id: ex.id } };
}

export const prodigyFormat: Format = {
  render: (examples, split) => [{ path: `${split}.jsonl`, content: jsonl(examples.map(prodigyRow)) }],
  finish(_ctx, pieces) {
    const card = [
      `Files: ${fileList(pieces.keys())}: Prodigy tasks with \`tokens\` (\`ws\` = whitespace follows) and \`spans\` (\`token_end\` inclusive).`,
      'Load with `prodigy db-in DATASET train.jsonl`, review with `prodigy ner.manual DATASET blank:xx train.jsonl --label PER,TITLE,ORG,LOC,DATE,DOC`',
      '(the pre-set tokens are kept, so `blank:xx` is enough; `blank:vi` would need `pyvi`). Primary layer only.',
    ].join('\n');
    return { files: [], card };
  },
};
