/**
 * Workspace symbols (Ctrl+T): every distinct person, organization, place and document
 * reference in the corpus, at its first mention. A query without diacritics matches names
 * with them (`nguyen quang duong` → `Nguyễn Quang Dương`); such a hit also carries the
 * folded spelling in its name, because VS Code filters the list again with its own
 * (diacritic-sensitive) fuzzy matcher and would otherwise hide it.
 */
import type { SymbolInformation } from 'vscode-languageserver/node';
import type { CorpusIndex } from '../core/corpusIndex';
import { foldDiacritics } from '../core/normalize';
import type { EntityLabel } from '../core/types';
import type { CorpusSettings } from '../protocol';
import { runSafe, type CancellationLike } from '../runner';
import type { Session } from '../session';
import { toLocation } from './common';
import { labelRow } from './labels';

/** Labels Ctrl+T lists (dates and titles are not things one jumps to by name). */
export const SYMBOL_LABELS: readonly EntityLabel[] = ['PER', 'ORG', 'LOC', 'DOC'];
export const MAX_WORKSPACE_SYMBOLS = 256;

export function registerWorkspaceSymbols(session: Session): void {
  session.connection.onWorkspaceSymbol((params, token) =>
    runSafe<SymbolInformation[]>(session.log, 'workspaceSymbol', [], token, () => computeWorkspaceSymbols(params.query, session.settings, session.index, token)),
  );
}

export function computeWorkspaceSymbols(query: string, settings: CorpusSettings, index: CorpusIndex, token?: CancellationLike): SymbolInformation[] {
  const labels = SYMBOL_LABELS.filter((l) => settings.labels.includes(l));
  const hits = index.search(query, { labels, limit: MAX_WORKSPACE_SYMBOLS, isCancelled: () => !!token?.isCancellationRequested });
  const out: SymbolInformation[] = [];
  for (const h of hits) {
    const first = index.first(h.id) ?? index.mentions(h.id)[0];
    if (!first) continue;
    const row = labelRow(h.label);
    out.push({
      name: h.folded ? `${h.name} · ${foldDiacritics(h.name)}` : h.name,
      kind: row.symbolKind,
      location: toLocation(first),
      containerName: `${row.vi} (${h.label}) · ${h.mentions} lần / ${h.files} bài`,
    });
  }
  return out;
}
