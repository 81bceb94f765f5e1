/**
 * Find all references: every mention of the entity under the cursor in every article of
 * the workspace (open editors first-hand, the rest from the index), including short
 * references linked to a person. `includeDeclaration: false` leaves out the definition.
 */
import type { Location } from 'vscode-languageserver/node';
import type { CorpusIndex, Mention } from '../core/corpusIndex';
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
  if (!target || token?.isCancellationRequested) return [];
  const all = index.mentions(target.id, { includeLinks: true, isCancelled: () => !!token?.isCancellationRequested });
  const first = includeDeclaration ? undefined : index.first(target.id);
  if (token?.isCancellationRequested) return []; // `all` may be partial: never remembered as an answer
  // The index keeps `all` until a file of the entity changes; the locations made from it
  // are kept as long (a head of party has thousands: rebuilding them costs every request).
  let answers = LOCATIONS.get(all);
  if (!answers) LOCATIONS.set(all, (answers = new Map()));
  const key = first ? `${first.uri}\u0000${first.start}` : '';
  let locations = answers.get(key);
  if (!locations) {
    locations = all.filter((m) => !first || m.uri !== first.uri || m.start !== first.start).map(toLocation);
    answers.set(key, locations);
  }
  return locations;
}

/** Locations answered for a mention list (by declaration left out, '' for none); dropped with the list. */
const LOCATIONS = new WeakMap<readonly Mention[], Map<string, Location[]>>();
