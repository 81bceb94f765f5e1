/**
 * Document symbols (outline, breadcrumbs, Go to Symbol in Editor): the headline, a
 * Metadata group (dateline, source, byline, captions…), a Body group with one symbol per
 * paragraph named by its first words, a Boilerplate group, and an Entities group by label
 * → distinct entity (with its mention count) → each mention. One pass over lines and one
 * over entities, so a 10,000-line article stays fast.
 */
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver/node';
import { ENTITY_LABELS, type MetadataKind } from '../core/types';
import type { CorpusSettings } from '../protocol';
import { runSafe } from '../runner';
import type { ArticleView, Session } from '../session';
import { firstWords, shown } from './common';
import { labelRow } from './labels';
import { rule } from './rules';

export function registerSymbols(session: Session): void {
  session.connection.onDocumentSymbol((params, token) =>
    runSafe<DocumentSymbol[]>(session.log, 'documentSymbol', [], token, async () => {
      const view = session.view(params.textDocument.uri);
      if (!view) return [];
      return computeSymbols(view, await session.settingsFor(view.uri));
    }),
  );
}

const META_VI: Record<MetadataKind, string> = {
  headline: 'Tiêu đề',
  dateline: 'Ngày đăng',
  source: 'Nguồn',
  byline: 'Tác giả',
  caption: 'Chú thích ảnh',
  credit: 'Nguồn ảnh',
};

export function computeSymbols(view: ArticleView, settings: CorpusSettings): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const range = (s: number, e: number) => view.positions.range(s, e);
  const leaf = (name: string, detail: string, kind: SymbolKind, r: Range): DocumentSymbol => ({ name: name || detail || '·', detail, kind, range: r, selectionRange: r });
  const group = (name: string, kind: SymbolKind, children: DocumentSymbol[]): DocumentSymbol | undefined =>
    children.length === 0
      ? undefined
      : { name, kind, range: { start: children[0].range.start, end: children[children.length - 1].range.end }, selectionRange: children[0].selectionRange, children };

  const meta = view.analysis.metadata;
  for (const m of meta.filter((x) => x.kind === 'headline')) out.push(leaf(firstWords(m.text, 80), META_VI.headline, SymbolKind.String, range(m.start, m.end)));
  const other = meta.filter((x) => x.kind !== 'headline').map((m) => leaf(firstWords(m.text, 60), META_VI[m.kind] ?? m.kind, SymbolKind.Key, range(m.start, m.end)));
  const metaGroup = group('Thông tin bài (metadata)', SymbolKind.Namespace, other);
  if (metaGroup) out.push(metaGroup);

  const body = group('Nội dung (body)', SymbolKind.Module, paragraphs(view));
  if (body) out.push(body);

  const boiler = view.boilerplate.map((b) => leaf(firstWords(b.text, 50), `${rule(b.category)?.vi ?? b.category} (${b.category})`, SymbolKind.Null, range(b.start, b.end)));
  const boilerGroup = group('Boilerplate', SymbolKind.Package, boiler);
  if (boilerGroup) out.push(boilerGroup);

  const entities = entityGroups(view, settings);
  if (entities) out.push(entities);
  return out;
}

/** Non-empty lines outside boilerplate and metadata, named by their first words (one pass). */
function paragraphs(view: ArticleView): DocumentSymbol[] {
  const skip = [...view.boilerplate, ...view.analysis.metadata].sort((a, b) => a.start - b.start);
  const out: DocumentSymbol[] = [];
  let k = 0;
  let cp = 0; // code-point offset of the current line start
  let n = 0;
  const text = view.text;
  let i = 0;
  while (i <= text.length) {
    let j = i;
    let astral = 0;
    while (j < text.length && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) {
      const c = text.charCodeAt(j);
      if (c >= 0xd800 && c <= 0xdbff) astral++;
      j++;
    }
    const line = text.slice(i, j);
    const start = cp;
    const end = cp + (j - i) - astral;
    while (k < skip.length && skip[k].end <= start) k++;
    let covered = false;
    for (let x = k; x < skip.length && skip[x].start <= start + leadingSpace(line) && !covered; x++) covered = skip[x].end >= end - trailingSpace(line);
    if (line.trim() && !covered) {
      n++;
      const r = view.positions.range(start, end);
      out.push({ name: firstWords(line, 48), detail: `¶ ${n}`, kind: SymbolKind.String, range: r, selectionRange: r });
    }
    const nl = text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? 2 : 1;
    cp = end + nl;
    i = j + nl;
    if (j >= text.length) break;
  }
  return out;
}

function leadingSpace(s: string): number {
  return s.length - s.trimStart().length;
}
function trailingSpace(s: string): number {
  return s.length - s.trimEnd().length;
}

/** Entities → label → distinct entity (mention count) → mentions, in order of first mention. */
function entityGroups(view: ArticleView, settings: CorpusSettings): DocumentSymbol | undefined {
  const byLabel = new Map<string, Map<string, DocumentSymbol[]>>();
  const names = new Map<string, string>();
  view.entities.forEach((e, i) => {
    if (!shown(settings, e)) return;
    const id = view.ids[i];
    let ents = byLabel.get(e.label);
    if (!ents) byLabel.set(e.label, (ents = new Map()));
    let list = ents.get(id);
    if (!list) {
      ents.set(id, (list = []));
      names.set(id, e.label === 'PER' && typeof e.value === 'string' ? e.value : e.text.replace(/\s+/g, ' '));
    }
    const r = view.positions.range(e.start, e.end);
    list.push({ name: e.text.replace(/\s+/g, ' '), detail: `dòng ${r.start.line + 1}${e.nested ? ', lồng' : ''}`, kind: labelRow(e.label).symbolKind, range: r, selectionRange: r });
  });
  const labels: DocumentSymbol[] = [];
  for (const label of ENTITY_LABELS) {
    const ents = byLabel.get(label);
    if (!ents) continue;
    const row = labelRow(label);
    const children = [...ents].map(([id, mentions]): DocumentSymbol => ({
      name: names.get(id) ?? id,
      detail: `${mentions.length} lần`,
      kind: row.symbolKind,
      range: spanOf(mentions),
      selectionRange: mentions[0].selectionRange,
      children: mentions,
    }));
    labels.push({ name: `${row.vi} (${label})`, detail: `${children.length}`, kind: row.symbolKind, range: spanOf(children), selectionRange: children[0].selectionRange, children });
  }
  if (labels.length === 0) return undefined;
  return { name: 'Thực thể (entities)', kind: SymbolKind.Namespace, range: spanOf(labels), selectionRange: labels[0].selectionRange, children: labels };
}

/** The smallest range covering every symbol (they may be out of order). */
function spanOf(list: DocumentSymbol[]): Range {
  let start = list[0].range.start;
  let end = list[0].range.end;
  for (const s of list) {
    if (s.range.start.line < start.line || (s.range.start.line === start.line && s.range.start.character < start.character)) start = s.range.start;
    if (s.range.end.line > end.line || (s.range.end.line === end.line && s.range.end.character > end.character)) end = s.range.end;
  }
  return { start, end };
}
