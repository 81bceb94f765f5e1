/** Hover on a detected span. */
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { Session } from '../session';
import { runSafe } from '../runner';

export function registerHover(session: Session): void {
  session.connection.onHover((params, token) =>
    runSafe<Hover | null>(session.log, 'hover', null, token, () => {
      const view = session.view(params.textDocument.uri);
      if (!view) return null;
      const at = view.positions.offset(params.position);
      const hit = view.entities
        .filter((e) => e.start <= at && at < e.end)
        .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
      if (!hit) return null;
      const value = hit.value === undefined ? '' : `\n\n${typeof hit.value === 'string' ? hit.value : '`' + JSON.stringify(hit.value) + '`'}`;
      return {
        contents: { kind: MarkupKind.Markdown, value: `**${hit.label}** ${hit.text}${value}` },
        range: view.positions.range(hit.start, hit.end),
      };
    }),
  );
}
