/**
 * Go to definition: from any mention (or linked short reference) to the entity's
 * annotation when the annotation store knows one (Session.overlay.definition), else to its
 * first full mention in the corpus (files in URI order).
 */
import type { Location } from 'vscode-languageserver/node';
import type { CorpusIndex } from '../core/corpusIndex';
import type { CorpusSettings } from '../protocol';
import { runSafe } from '../runner';
import type { AnnotationOverlay, ArticleView, Session } from '../session';
import { targetAt, toLocation } from './common';

export function registerDefinition(session: Session): void {
  session.connection.onDefinition((params, token) =>
    runSafe<Location[]>(session.log, 'definition', [], token, async () => {
      const view = session.view(params.textDocument.uri);
      if (!view) return [];
      const settings = await session.settingsFor(view.uri);
      return computeDefinition(view, view.positions.offset(params.position), settings, session.index, session.overlay, (uri, s, e) => session.locate(uri, s, e));
    }),
  );
}

/** Resolve an annotation's code-point span to a Location (open editors or the index). */
export type Locate = (uri: string, start: number, end: number) => Location | undefined;

export function computeDefinition(view: ArticleView, offset: number, settings: CorpusSettings, index: CorpusIndex, overlay: AnnotationOverlay, locate: Locate): Location[] {
  const target = targetAt(view, offset, settings);
  if (!target) return [];
  const annotated = overlay.definition?.(target.id);
  if (annotated) {
    const loc = locate(annotated.uri, annotated.start, annotated.end);
    if (loc) return [loc];
  }
  const first = index.first(target.id);
  return first ? [toLocation(first)] : [];
}
