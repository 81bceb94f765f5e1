/**
 * Semantic tokens (full and range): one custom token type per label (labels.ts) and the
 * standard `comment` type for boilerplate. Tokens are sorted, never overlap (a nested
 * entity cuts its parent's token and carries the `nested` modifier), and a span across
 * lines is split per line, as LSP requires. Lengths are in the negotiated encoding.
 */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver/node';
import type { CorpusSettings } from '../protocol';
import { runSafe } from '../runner';
import type { ArticleView, Session } from '../session';
import { shown } from './common';
import { BOILERPLATE_TOKEN_TYPE, labelRow, TOKEN_MODIFIERS, TOKEN_TYPES } from './labels';

export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const TYPE_INDEX = new Map(TOKEN_TYPES.map((t, i) => [t, i]));
const NESTED = 1 << TOKEN_MODIFIERS.indexOf('nested');

/** A coloured span in code points. */
export interface Segment {
  start: number;
  end: number;
  type: number;
  modifiers: number;
}

export function registerSemanticTokens(session: Session): void {
  const empty: SemanticTokens = { data: [] };
  session.connection.languages.semanticTokens.on((params, token) =>
    runSafe(session.log, 'semanticTokens', empty, token, async () => {
      const view = session.view(params.textDocument.uri);
      if (!view) return empty;
      return encode(view, segments(view, await session.settingsFor(view.uri)));
    }),
  );
  session.connection.languages.semanticTokens.onRange((params, token) =>
    runSafe(session.log, 'semanticTokens/range', empty, token, async () => {
      const view = session.view(params.textDocument.uri);
      if (!view) return empty;
      const start = view.positions.offset(params.range.start);
      const end = view.positions.offset(params.range.end);
      const segs = segments(view, await session.settingsFor(view.uri)).filter((s) => s.start < end && start < s.end);
      return encode(view, segs);
    }),
  );
  const refresh = () => {
    if (session.clientCapabilities.workspace?.semanticTokens?.refreshSupport) void session.connection.languages.semanticTokens.refresh();
  };
  session.onSettingsChanged.push(refresh);
  session.onInvalidated.push(refresh);
}

/** Sorted, non-overlapping coloured spans of a view. */
export function segments(view: ArticleView, settings: CorpusSettings): Segment[] {
  const visible = view.entities.filter((e) => shown(settings, e));
  const primary = visible.filter((e) => !e.nested).sort((a, b) => a.start - b.start || b.end - a.end);
  const nested = visible.filter((e) => e.nested).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let lastEnd = -1;
  let k = 0;
  for (const p of primary) {
    if (p.start < lastEnd || p.end <= p.start) continue; // an overlapping human label: the first one wins
    const type = TYPE_INDEX.get(labelRow(p.label).tokenType) ?? 0;
    while (k < nested.length && nested[k].start < p.start) k++;
    let cursor = p.start;
    for (let j = k; j < nested.length && nested[j].start < p.end; j++) {
      const c = nested[j];
      if (c.start < cursor || c.end > p.end || c.end <= c.start) continue; // only the outermost nested spans
      if (c.start > cursor) out.push({ start: cursor, end: c.start, type, modifiers: 0 });
      out.push({ start: c.start, end: c.end, type: TYPE_INDEX.get(labelRow(c.label).tokenType) ?? 0, modifiers: NESTED });
      cursor = c.end;
    }
    if (cursor < p.end) out.push({ start: cursor, end: p.end, type, modifiers: 0 });
    lastEnd = p.end;
  }
  return withBoilerplate(view, out);
}

/** Colour boilerplate as comments wherever no entity token is. */
function withBoilerplate(view: ArticleView, entities: Segment[]): Segment[] {
  if (view.boilerplate.length === 0) return entities;
  const type = TYPE_INDEX.get(BOILERPLATE_TOKEN_TYPE)!;
  const out: Segment[] = [];
  let e = 0;
  for (const b of [...view.boilerplate].sort((x, y) => x.start - y.start)) {
    while (e < entities.length && entities[e].end <= b.start) out.push(entities[e++]);
    let cursor = Math.max(b.start, out.length ? out[out.length - 1].end : 0);
    while (e < entities.length && entities[e].start < b.end) {
      const s = entities[e++];
      if (s.start > cursor) out.push({ start: cursor, end: s.start, type, modifiers: 0 });
      out.push(s);
      cursor = Math.max(cursor, s.end);
    }
    if (cursor < b.end) out.push({ start: cursor, end: b.end, type, modifiers: 0 });
  }
  while (e < entities.length) out.push(entities[e++]);
  return out;
}

/** LSP relative encoding, one token per line piece. */
export function encode(view: ArticleView, segs: readonly Segment[]): SemanticTokens {
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  const push = (line: number, char: number, length: number, s: Segment) => {
    if (length <= 0) return;
    data.push(line - prevLine, line === prevLine ? char - prevChar : char, length, s.type, s.modifiers);
    prevLine = line;
    prevChar = char;
  };
  for (const s of segs) {
    const r = view.positions.range(s.start, s.end);
    if (r.start.line === r.end.line) {
      push(r.start.line, r.start.character, r.end.character - r.start.character, s);
      continue;
    }
    for (let line = r.start.line; line <= r.end.line; line++) {
      const from = line === r.start.line ? r.start.character : 0;
      const to = line === r.end.line ? r.end.character : view.positions.lineEndPosition(line).character;
      push(line, from, to - from, s);
    }
  }
  return { data };
}
