/**
 * doccano sequence labeling JSONL: `{"text", "label": [[start, end, "ORG"], ...]}` per
 * example, offsets in code points into `text` (what doccano's Python backend counts).
 * Nested spans are included when kept (doccano projects with "allow overlapping spans").
 */
import type { ExportExample } from './examples';
import { fileList, jsonl, type Format } from './formatTypes';

export function doccanoRow(ex: ExportExample): { text: string; label: Array<[number, number, string]>; source_id: string } {
  return { text: ex.text, label: ex.entities.map((e) => [e.start, e.end, e.label]), source_id: ex.id };
}

export const doccanoFormat: Format = {
  render: (examples, split) => [{ path: `${split}.jsonl`, content: jsonl(examples.map(doccanoRow)) }],
  finish(ctx, pieces) {
    const card = [
      `Files: ${fileList(pieces.keys())}, one JSON object per line: \`{"text", "label": [[start, end, label]], "source_id"}\`.`,
      'Offsets are Unicode code points into `text`, end exclusive. Import in doccano as a Sequence Labeling project,',
      'file format JSONL, column `text`, label column `label`' + (ctx.options.nested ? '; the nested layer is included, so enable "Allow overlapping spans".' : '.'),
    ].join('\n');
    return { files: [], card };
  },
};
