/** Boilerplate diagnostics (pushed on open/change). */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Session } from '../session';
import { DIAGNOSTIC_SOURCE } from '../protocol';

export function registerDiagnostics(session: Session): void {
  const publish = (uri: string) => {
    const view = session.view(uri);
    const diagnostics: Diagnostic[] = (view?.boilerplate ?? []).map((b) => ({
      range: view!.positions.range(b.start, b.end),
      severity: DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      code: b.category,
      message: `Boilerplate (${b.category}): not part of the article`,
    }));
    // Annotation overlay: problems of the article's .ann, named by line (features/annotations.ts).
    for (const d of (view && session.overlay.diagnostics?.(view)) ?? []) {
      diagnostics.push({ range: view!.positions.range(d.start, d.end), severity: d.severity, source: DIAGNOSTIC_SOURCE, code: d.code, message: d.message });
    }
    void session.connection.sendDiagnostics({ uri, version: view?.version, diagnostics });
  };
  session.documents.onDidChangeContent((e) => publish(e.document.uri));
  session.documents.onDidClose((e) => void session.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));
  session.onSettingsChanged.push(() => session.documents.all().forEach((d) => publish(d.uri)));
  session.onInvalidated.push((uri) => (uri ? [uri] : session.documents.all().map((d) => d.uri)).forEach(publish));
}
