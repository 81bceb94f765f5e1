/**
 * Label Studio tasks: a JSON array of `{"data": {"text"}, "annotations": [...],
 * "predictions": [...]}` so an export can be imported into Label Studio for review: the
 * annotators' labels are `annotations`, the detector's (minus rejected ones) are
 * `predictions`. Each result is `{from_name: "label", to_name: "text", type: "labels",
 * value: {start, end, text, labels}}` with code-point offsets, and `label_config.xml` is
 * the matching labeling interface.
 */
import { ENTITY_LABELS } from '../types';
import type { ExampleSpan, ExportExample } from './examples';
import { fileList, type Format } from './formatTypes';

export const LS_FROM_NAME = 'label';
export const LS_TO_NAME = 'text';

interface LsResult {
  id: string;
  from_name: string;
  to_name: string;
  type: 'labels';
  value: { start: number; end: number; text: string; labels: string[] };
}

function results(spans: readonly ExampleSpan[], prefix: string): LsResult[] {
  return spans.map((e, i) => ({
    id: `${prefix}${i + 1}`,
    from_name: LS_FROM_NAME,
    to_name: LS_TO_NAME,
    type: 'labels',
    value: { start: e.start, end: e.end, text: e.text, labels: [e.label] },
  }));
}

export function labelStudioTask(ex: ExportExample, labels: 'human' | 'all' | 'detected', version: string): unknown {
  const task: Record<string, unknown> = { data: { text: ex.text, source_id: ex.id } };
  task.annotations = labels !== 'detected' && ex.human.length ? [{ result: results(ex.human, 'h') }] : [];
  task.predictions = labels !== 'human' && ex.detected.length ? [{ model_version: `vn-corpus ${version}`, result: results(ex.detected, 'p') }] : [];
  return task;
}

export function labelConfig(): string {
  return [
    '<View>',
    `  <Labels name="${LS_FROM_NAME}" toName="${LS_TO_NAME}">`,
    ...ENTITY_LABELS.map((l) => `    <Label value="${l}"/>`),
    '  </Labels>',
    `  <Text name="${LS_TO_NAME}" value="$text"/>`,
    '</View>',
    '',
  ].join('\n');
}

export const labelStudioFormat: Format = {
  render: (examples, split, ctx) => [
    { path: `${split}.json`, content: examples.map((ex) => JSON.stringify(labelStudioTask(ex, ctx.options.labels, ctx.version))).join(',\n') },
  ],
  assemble: (_path, pieces) => {
    const rows = pieces.filter((p) => p !== '');
    return rows.length ? `[\n${rows.join(',\n')}\n]\n` : '[]\n';
  },
  finish(_ctx, pieces) {
    const card = [
      `Files: ${fileList(pieces.keys())}, \`label_config.xml\`. Create a project with \`label_config.xml\` as its labeling interface and import the task files.`,
      'Human labels are `annotations`, detections are `predictions` (rejected ones left out), so reviewers see the detector as pre-annotations.',
      'Offsets are Unicode code points into `data.text`. Label Studio versions before the code-point fix shift offsets after an emoji; check texts with astral characters.',
    ].join('\n');
    return { files: [{ path: 'label_config.xml', content: labelConfig() }], card };
  },
};
