/** Boilerplate diagnostics (pushed on open/change). */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Session } from '../session';
import { DIAGNOSTIC_SOURCE } from '../protocol';

export function registerDiagnostics(session: Session): void {
  const publish = (uri: string) => {
    const view = session.view(uri);
    const diagnostics: Diagnostic[] = (view?.analysis.boilerplate ?? []).map((b) => ({
      range: view!.positions.range(b.start, b.end),
      severity: DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      code: b.category,
      message: `Boilerplate (${b.category}): not part of the article`,
    }));
    void session.connection.sendDiagnostics({ uri, version: view?.version, diagnostics });
  };
  session.documents.onDidChangeContent((e) => publish(e.document.uri));
  session.documents.onDidClose((e) => void session.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));
  session.onSettingsChanged.push(() => session.documents.all().forEach((d) => publish(d.uri)));
}
