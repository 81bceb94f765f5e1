/**
 * Document highlight: every mention in this article of the entity under the cursor —
 * full mentions as Text, linked short references (`ông Dương`) as Read, so the two look
 * different.
 */
import { DocumentHighlightKind, type DocumentHighlight } from 'vscode-languageserver/node';
import { linkId } from '../core/corpusIndex';
import type { CorpusSettings } from '../protocol';
import { runSafe } from '../runner';
import type { ArticleView, Session } from '../session';
import { shown, targetAt } from './common';

export function registerHighlight(session: Session): void {
  session.connection.onDocumentHighlight((params, token) =>
    runSafe<DocumentHighlight[]>(session.log, 'documentHighlight', [], token, async () => {
      const view = session.view(params.textDocument.uri);
      if (!view) return [];
      return computeHighlights(view, view.positions.offset(params.position), await session.settingsFor(view.uri));
    }),
  );
}

export function computeHighlights(view: ArticleView, offset: number, settings: CorpusSettings): DocumentHighlight[] {
  const target = targetAt(view, offset, settings);
  if (!target) return [];
  const spans: Array<{ start: number; end: number; kind: DocumentHighlightKind }> = [];
  view.entities.forEach((e, i) => {
    if (view.ids[i] === target.id && shown(settings, e)) spans.push({ start: e.start, end: e.end, kind: DocumentHighlightKind.Text });
  });
  for (const l of view.analysis.links) {
    if (linkId(l) === target.id && !spans.some((s) => s.start === l.start && s.end === l.end)) spans.push({ start: l.start, end: l.end, kind: DocumentHighlightKind.Read });
  }
  return spans.sort((a, b) => a.start - b.start).map((s) => ({ range: view.positions.range(s.start, s.end), kind: s.kind }));
}
