/**
 * Inlay hints (setting `vnCorpus.inlayHints.enabled`, on by default): the ISO value after
 * a date whose year the text does not state (`19/4` → 2020-04-19, the year taken from the
 * dateline), and the number after a Roman numeral in a term/congress context
 * (`khóa X` → 10). Only hints inside the requested range are returned.
 */
import type { InlayHint } from 'vscode-languageserver/node';
import { findRomanNumerals } from '../core/romanNumerals';
import type { CorpusSettings } from '../protocol';
import { runSafe } from '../runner';
import type { ArticleView, Session } from '../session';
import { shown } from './common';

export function registerInlayHints(session: Session): void {
  session.connection.languages.inlayHint.on((params, token) =>
    runSafe<InlayHint[]>(session.log, 'inlayHint', [], token, async () => {
      const view = session.view(params.textDocument.uri);
      if (!view) return [];
      const settings = await session.settingsFor(view.uri);
      return computeInlayHints(view, view.positions.offset(params.range.start), view.positions.offset(params.range.end), settings);
    }),
  );
  const refresh = () => {
    if (session.clientCapabilities.workspace?.inlayHint?.refreshSupport) void session.connection.languages.inlayHint.refresh();
  };
  session.onSettingsChanged.push(refresh);
  session.onInvalidated.push(refresh);
}

/** Hints for the code-point range [start, end], sorted by position. */
export function computeInlayHints(view: ArticleView, start: number, end: number, settings: CorpusSettings): InlayHint[] {
  if (!settings.inlayHints.enabled) return [];
  const hints: Array<{ at: number; hint: InlayHint }> = [];
  for (const e of view.entities) {
    if (e.label !== 'DATE' || typeof e.value !== 'string' || !shown(settings, e) || e.end < start || e.end > end) continue;
    if (e.yearSource !== 'publication' && e.yearSource !== 'unknown') continue;
    const tooltip = e.yearSource === 'publication' ? `Năm lấy từ ngày đăng bài${view.analysis.publicationDate ? ` (${view.analysis.publicationDate})` : ''}` : 'Không rõ năm: bài không có ngày đăng';
    hints.push({ at: e.end, hint: { position: view.positions.position(e.end), label: `= ${e.value}`, paddingLeft: true, tooltip } });
  }
  for (const r of findRomanNumerals(view.text)) {
    if (r.end < start || r.end > end) continue;
    hints.push({ at: r.end, hint: { position: view.positions.position(r.end), label: `= ${r.value}`, paddingLeft: true, tooltip: `${r.numeral} = ${r.value}` } });
  }
  return hints.sort((a, b) => a.at - b.at).map((h) => h.hint);
}
