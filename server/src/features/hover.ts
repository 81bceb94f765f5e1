/**
 * Hover: what the engine (or the annotator) says about the span under the cursor — label,
 * normalized value, and for a person the canonical name, titles seen beside it here and in
 * the corpus, and how often the corpus mentions it. A boilerplate line names its category;
 * a metadata line its kind. Markdown, short, Vietnamese first with the label code.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { CorpusIndex } from '../core/corpusIndex';
import type { DocValue, Entity, MetadataKind } from '../core/types';
import type { CorpusSettings } from '../protocol';
import { runSafe } from '../runner';
import { canonicalUri, type ArticleView, type Session } from '../session';
import { md, rangeOf, targetAt, type Target } from './common';
import { labelRow } from './labels';
import { rule } from './rules';

const METADATA_VI: Record<MetadataKind, string> = {
  headline: 'Tiêu đề',
  dateline: 'Dòng ngày đăng',
  source: 'Nguồn',
  byline: 'Tác giả',
  caption: 'Chú thích ảnh',
  credit: 'Nguồn ảnh',
};

const DOC_FIELDS: Array<[keyof DocValue, string]> = [
  ['kind', 'Loại'],
  ['number', 'Số'],
  ['symbol', 'Ký hiệu'],
  ['issuer', 'Cơ quan ban hành'],
  ['date', 'Ngày ban hành'],
  ['plenum', 'Hội nghị Trung ương'],
  ['term', 'Khóa'],
  ['congress', 'Đại hội'],
  ['title', 'Tên'],
];

export function registerHover(session: Session): void {
  session.connection.onHover((params, token) =>
    runSafe<Hover | null>(session.log, 'hover', null, token, async () => {
      const view = session.view(params.textDocument.uri);
      if (!view) return null;
      const settings = await session.settingsFor(view.uri);
      return computeHover(view, view.positions.offset(params.position), settings, session.index);
    }),
  );
}

/** The hover at a code-point offset, or null. Pure over its inputs (unit-tested). */
export function computeHover(view: ArticleView, offset: number, settings: CorpusSettings, index: CorpusIndex): Hover | null {
  const target = targetAt(view, offset, settings);
  if (target) return hover(view, target.start, target.end, entityHover(view, target, index));
  const block = view.boilerplate.find((b) => b.start <= offset && offset < b.end);
  if (block) {
    const r = rule(block.category);
    return hover(view, block.start, block.end, `**Không phải nội dung bài** — ${r?.vi ?? block.category} (\`${block.category}\`)`);
  }
  const meta = view.analysis.metadata.find((m) => m.start <= offset && offset < m.end);
  if (meta) return hover(view, meta.start, meta.end, `**${METADATA_VI[meta.kind] ?? meta.kind}** (\`${meta.kind}\`)`);
  return null;
}

function hover(view: ArticleView, start: number, end: number, value: string): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(view, start, end) };
}

function entityHover(view: ArticleView, target: Target, index: CorpusIndex): string {
  if (target.link) {
    return [`**Người** (\`PER\`) — tham chiếu ngắn đến **${md(target.link.canonical)}**`, ...personLines(view, target, index)].join('\n\n');
  }
  const e = target.entity as Entity;
  const row = labelRow(e.label);
  const head = `**${row.vi}** (\`${e.label}\`)${e.nested ? ' · lồng trong thực thể khác' : ''}`;
  switch (e.label) {
    case 'PER':
      return [`${head} — **${md(typeof e.value === 'string' ? e.value : e.text)}**`, ...personLines(view, target, index)].join('\n\n');
    case 'DATE':
      return [head, dateLine(e, view.analysis.publicationDate)].join('\n\n');
    case 'DOC':
      return [head, ...docLines(e.value)].join('\n\n');
    default:
      return [head, countLine(target, index)].filter(Boolean).join('\n\n');
  }
}

function dateLine(e: Entity, published: string | null): string {
  const value = typeof e.value === 'string' ? `\`${e.value}\`` : '_(chưa chuẩn hóa)_';
  switch (e.yearSource) {
    case 'publication':
      return `${value} — năm lấy từ ngày đăng bài${published ? ` (${published})` : ''}`;
    case 'unknown':
      return `${value} — không rõ năm (bài không có ngày đăng)`;
    case 'explicit':
      return `${value} — năm ghi trong văn bản`;
    default:
      return value;
  }
}

function docLines(v: Entity['value']): string[] {
  if (!v || typeof v !== 'object') return typeof v === 'string' ? [`\`${md(v)}\``] : [];
  const rows = DOC_FIELDS.filter(([k]) => v[k] !== undefined && v[k] !== '').map(([k, vi]) => `${vi}: **${md(String(v[k]))}**`);
  return rows.length ? [rows.join('  \n')] : [];
}

function personLines(view: ArticleView, target: Target, index: CorpusIndex): string[] {
  const lines: string[] = [];
  const here = index.file(canonicalUri(view.uri));
  const i = here ? here.ids.indexOf(target.id) : -1;
  const local = i >= 0 ? (here!.titles.find((t) => t[0] === i)?.[1] ?? []) : [];
  if (local.length) lines.push(`Chức danh trong bài: ${local.map(md).join('; ')}`);
  const corpus = index.titles(target.id).filter((t) => !local.some((l) => l.toLowerCase() === t.title.toLowerCase()));
  if (corpus.length) {
    const shownTitles = corpus.slice(0, 5).map((t) => `${md(t.title)} (${t.files} bài)`);
    lines.push(`Chức danh trong kho: ${shownTitles.join('; ')}${corpus.length > 5 ? '; …' : ''}`);
  }
  const count = countLine(target, index);
  if (count) lines.push(count);
  return lines;
}

function countLine(target: Target, index: CorpusIndex): string {
  const info = index.info(target.id);
  return info ? `Nhắc đến ${info.mentions} lần trong ${info.files} bài` : '';
}
