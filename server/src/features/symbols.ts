/** Document symbols (outline). */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { Session } from '../session';
import { runSafe } from '../runner';

export function registerSymbols(session: Session): void {
  session.connection.onDocumentSymbol((params, token) =>
    runSafe<DocumentSymbol[]>(session.log, 'documentSymbol', [], token, () => {
      const view = session.view(params.textDocument.uri);
      if (!view) return [];
      return view.analysis.metadata.map((m) => ({
        name: m.text.slice(0, 80) || m.kind,
        detail: m.kind,
        kind: SymbolKind.String,
        range: view.positions.range(m.start, m.end),
        selectionRange: view.positions.range(m.start, m.end),
      }));
    }),
  );
}
