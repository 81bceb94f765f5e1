/**
 * Hugging Face token classification: `{split}.jsonl` rows `{"id", "tokens", "ner_tags"}`
 * with integer tags, `dataset_info.json` with the ClassLabel names in id order, and the
 * dataset card's YAML (`configs` + `dataset_info.features`), so both
 * `load_dataset("json", data_files=…)` and `load_dataset(folder)` work and the tag
 * names survive as a ClassLabel feature.
 */
import type { ExportExample } from './examples';
import { fileList, jsonl, type ExportFile, type Format } from './formatTypes';
import { tagNames, tagUnits } from './tags';

/** Hugging Face's conventional split names. */
const HF_SPLIT: Record<string, string> = { train: 'train', dev: 'validation', test: 'test', data: 'train' };

export function hfRow(ex: ExportExample, names: readonly string[], scheme: 'iob2' | 'bioes'): { id: string; tokens: string[]; ner_tags: number[] } {
  const ids = new Map(names.map((n, i) => [n, i]));
  const primary = ex.entities.filter((e) => !e.nested);
  const tokens: string[] = [];
  const tags: number[] = [];
  for (const units of ex.sentences) {
    const t = tagUnits(units, primary, scheme);
    units.forEach((u, i) => {
      tokens.push(u.text);
      tags.push(ids.get(t[i]) ?? 0);
    });
  }
  return { id: ex.id, tokens, ner_tags: tags };
}

export function datasetInfo(names: readonly string[]): unknown {
  return {
    description: 'Vietnamese political news NER (vn-corpus export)',
    features: {
      id: { dtype: 'string', _type: 'Value' },
      tokens: { feature: { dtype: 'string', _type: 'Value' }, _type: 'Sequence' },
      ner_tags: { feature: { names, _type: 'ClassLabel' }, _type: 'Sequence' },
    },
  };
}

/**
 * The rows each rendered piece was serialized from (`content === jsonl(rows)`), so the
 * builder can check the rows themselves instead of parsing the JSON it just wrote: for
 * these rows (strings and integer tag ids) JSON.parse gives back equal values.
 */
const RENDERED_ROWS = new WeakMap<ExportFile, ReadonlyArray<ReturnType<typeof hfRow>>>();

/** The rows of a piece this module rendered, if it is one. */
export function renderedHfRows(file: ExportFile): ReadonlyArray<ReturnType<typeof hfRow>> | undefined {
  return RENDERED_ROWS.get(file);
}

export const hfFormat: Format = {
  render: (examples, split, ctx) => {
    const names = tagNames(ctx.options.scheme);
    const rows = examples.map((ex) => hfRow(ex, names, ctx.options.scheme));
    const file: ExportFile = { path: `${split}.jsonl`, content: jsonl(rows) };
    RENDERED_ROWS.set(file, rows);
    return [file];
  },
  finish(ctx) {
    const names = tagNames(ctx.options.scheme);
    const frontMatter = [
      'language:',
      '- vi',
      'task_categories:',
      '- token-classification',
      'task_ids:',
      '- named-entity-recognition',
      'configs:',
      '- config_name: default',
      '  data_files:',
      ...ctx.splits.map((s) => `  - split: ${HF_SPLIT[s]}\n    path: ${s}.jsonl`),
      'dataset_info:',
      '  features:',
      '  - name: id',
      '    dtype: string',
      '  - name: tokens',
      '    sequence: string',
      '  - name: ner_tags',
      '    sequence:',
      '      class_label:',
      '        names:',
      ...names.map((n, i) => `          '${i}': ${n}`),
    ].join('\n');
    const dataFiles = ctx.splits.map((s) => `"${HF_SPLIT[s]}": "${s}.jsonl"`).join(', ');
    const card = [
      `Files: ${fileList(ctx.splits.map((s) => `${s}.jsonl`))}, \`dataset_info.json\`. Rows \`{"id", "tokens", "ner_tags"}\`; tag ids (${ctx.options.scheme.toUpperCase()}):`,
      '',
      names.map((n, i) => `\`${i}\` ${n}`).join(', '),
      '',
      '```python',
      'import json',
      'from datasets import load_dataset, ClassLabel, Features, Sequence, Value',
      'names = json.load(open("dataset_info.json"))["features"]["ner_tags"]["feature"]["names"]',
      'features = Features({"id": Value("string"), "tokens": Sequence(Value("string")), "ner_tags": Sequence(ClassLabel(names=names))})',
      `ds = load_dataset("json", data_files={${dataFiles}}, features=features)`,
      '# or: load_dataset("path/to/this/folder") — the YAML header of this card declares the splits and features',
      '```',
    ].join('\n');
    return { files: [{ path: 'dataset_info.json', content: JSON.stringify(datasetInfo(names), null, 1) + '\n' }], card, frontMatter };
  },
};
