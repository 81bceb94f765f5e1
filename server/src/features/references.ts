/**
 * Find all references: every mention of the entity under the cursor in every article of
 * the workspace (open editors first-hand, the rest from the index), including short
 * references linked to a person. `includeDeclaration: false` leaves out the definition.
 */
import type { Location } from 'vscode-languageserver/node';
import type { CorpusIndex } from '../core/corpusIndex';
import type { CorpusSettings } from '../protocol';
import { runSafe, type CancellationLike } from '../runner';
import type { ArticleView, Session } from '../session';
import { targetAt, toLocation } from './common';

export function registerReferences(session: Session): void {
  session.connection.onReferences((params, token) =>
    runSafe<Location[]>(session.log, 'references', [], token, async () => {
      const view = session.view(params.textDocument.uri);
      if (!view) return [];
      const settings = await session.settingsFor(view.uri);
      return computeReferences(view, view.positions.offset(params.position), settings, session.index, params.context.includeDeclaration, token);
    }),
  );
}

export function computeReferences(
  view: ArticleView,
  offset: number,
  settings: CorpusSettings,
  index: CorpusIndex,
  includeDeclaration: boolean,
  token?: CancellationLike,
): Location[] {
  const target = targetAt(view, offset, settings);
  if (!target) return [];
  const all = index.mentions(target.id, { includeLinks: true, isCancelled: () => !!token?.isCancellationRequested });
  const first = includeDeclaration ? undefined : index.first(target.id);
  return all.filter((m) => !first || m.uri !== first.uri || m.start !== first.start).map(toLocation);
}
