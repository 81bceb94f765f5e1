/**
 * Diagnostics: boilerplate lines/blocks (one warning per block, code = category), text
 * stored in NFD, and mixed tone-mark placements. Pulled (`textDocument/diagnostic`) when
 * the client supports it, pushed otherwise (conventions.md §8). Severity per rule comes
 * from the document's settings (rules.ts); `off` hides a rule.
 */
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { DocumentDiagnosticReportKind } from 'vscode-languageserver/node';
import { findDecomposed, findToneWords, type ToneStyle } from '../core/textStyle';
import type { BoilerplateBlock } from '../core/types';
import { DIAGNOSTIC_SOURCE, type CorpusSettings } from '../protocol';
import { runSafe } from '../runner';
import type { AnnotationOverlay, ArticleView, Session } from '../session';
import { rule, severityOf } from './rules';

/** At most this many NFD / tone-mark diagnostics per file (each fix still covers the whole file). */
export const MAX_TEXT_DIAGNOSTICS = 100;

/** What a diagnostic is about, kept in `Diagnostic.data` and recomputed for code actions. */
export type Finding =
  | { rule: string; kind: 'boilerplate'; start: number; end: number; block: BoilerplateBlock }
  | { rule: 'decomposedText'; kind: 'decomposed'; start: number; end: number; nfc: string }
  | { rule: 'mixedToneMarks'; kind: 'toneMarks'; start: number; end: number; other: string; majority: ToneStyle; counts: [number, number] }
  | { rule: 'replacementCharacters'; kind: 'undecodable'; start: number; end: number; total: number };

/** Everything the rules find in a view, before severities (shared with code actions). */
export function findings(view: ArticleView): Finding[] {
  const out: Finding[] = view.boilerplate.map((b) => ({ rule: b.category, kind: 'boilerplate' as const, start: b.start, end: b.end, block: b }));
  const nfd = findDecomposed(view.text);
  for (const d of nfd.slice(0, MAX_TEXT_DIAGNOSTICS)) out.push({ rule: 'decomposedText', kind: 'decomposed', ...d });
  // Tone placement is judged on composed text only; an NFD file first gets the NFC fix.
  if (nfd.length === 0) {
    const tones = findToneWords(view.text);
    if (tones.first > 0 && tones.second > 0) {
      const minority = tones.words.filter((w) => w.style !== tones.majority).slice(0, MAX_TEXT_DIAGNOSTICS);
      for (const w of minority) {
        out.push({ rule: 'mixedToneMarks', kind: 'toneMarks', start: w.start, end: w.end, other: w.other, majority: tones.majority, counts: [tones.first, tones.second] });
      }
    }
  }
  out.push(...replacementRuns(view.text));
  return out;
}

/** Runs of U+FFFD (bytes the client could not decode as UTF-8), in code points; the first MAX_TEXT_DIAGNOSTICS. */
function replacementRuns(text: string): Finding[] {
  if (!text.includes('\ufffd')) return [];
  const runs: Array<{ start: number; end: number }> = [];
  let total = 0;
  let cp = 0;
  for (let i = 0; i < text.length; i++, cp++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) {
      total++;
      const last = runs[runs.length - 1];
      if (last && last.end === cp) last.end = cp + 1;
      else if (runs.length < MAX_TEXT_DIAGNOSTICS) runs.push({ start: cp, end: cp + 1 });
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return runs.map((r) => ({ rule: 'replacementCharacters', kind: 'undecodable', ...r, total }));
}

const STYLE_EXAMPLE: Record<ToneStyle, string> = { first: 'hòa, ủy', second: 'hoà, uỷ' };

function message(f: Finding): string {
  const r = rule(f.rule);
  switch (f.kind) {
    case 'boilerplate':
      return `Không phải nội dung bài: ${r?.vi ?? f.rule} (${f.rule}) — boilerplate, not part of the article`;
    case 'decomposed':
      return 'Chữ ở dạng tổ hợp NFD (dấu tách rời chữ) — text stored in Unicode NFD';
    case 'toneMarks':
      return `Bỏ dấu thanh không thống nhất: bài dùng chủ yếu kiểu “${STYLE_EXAMPLE[f.majority]}” (${f.counts[f.majority === 'first' ? 0 : 1]} chỗ), chỗ này viết khác — mixed tone-mark placement`;
    case 'undecodable':
      return `Ký tự không giải mã được (${f.total} chỗ “\ufffd”): tệp có byte không phải UTF-8, có thể dùng bảng mã khác (Windows-1258, VNI, TCVN3) — invalid UTF-8 in the file; the server never rewrites it`;
  }
}

/** The diagnostics of one view under one document's settings, plus the overlay's (.ann problems). */
export function computeDiagnostics(view: ArticleView, settings: CorpusSettings, overlay: AnnotationOverlay = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings(view)) {
    const severity = severityOf(f.rule, settings);
    if (severity === null) continue;
    out.push({
      range: view.positions.range(f.start, f.end),
      severity,
      source: DIAGNOSTIC_SOURCE,
      code: f.rule,
      message: message(f),
      data: { start: f.start, end: f.end, version: view.version },
    });
  }
  // Annotation overlay: problems of the article's .ann, named by line (features/annotations.ts).
  for (const d of overlay.diagnostics?.(view) ?? []) {
    out.push({ range: view.positions.range(d.start, d.end), severity: d.severity, source: DIAGNOSTIC_SOURCE, code: d.code, message: d.message });
  }
  return out;
}

export function registerDiagnostics(session: Session): void {
  const pull = () => !!session.clientCapabilities.textDocument?.diagnostic;
  let generation = 0;

  session.connection.languages.diagnostics.on((params, token) =>
    runSafe<DocumentDiagnosticReport>(session.log, 'diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] }, token, async () => {
      const view = session.view(params.textDocument.uri);
      if (!view) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const resultId = `${view.version}:${generation}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      const settings = await session.settingsFor(view.uri);
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: computeDiagnostics(view, settings, session.overlay) };
    }),
  );

  // Push mode. Edits are coalesced into one analysis per turn of the event loop; a decision
  // recorded without an edit (annotations) publishes at once, before the command answers.
  // A sequence number per document drops a list computed before a newer one.
  const pending = new Set<string>();
  const seq = new Map<string, number>();
  const publishNow = (uri: string) => {
    const mine = (seq.get(uri) ?? 0) + 1;
    seq.set(uri, mine);
    void runSafe(session.log, 'publishDiagnostics', undefined, undefined, async () => {
      const view = session.view(uri);
      const diagnostics = view ? computeDiagnostics(view, await session.settingsFor(uri), session.overlay) : [];
      if (seq.get(uri) !== mine || !session.documents.get(uri)) return; // superseded, or closed meanwhile
      await session.connection.sendDiagnostics({ uri, version: view?.version, diagnostics });
    });
  };
  const publish = (uri: string) => {
    if (pull() || pending.has(uri)) return;
    pending.add(uri);
    setImmediate(() => {
      pending.delete(uri);
      publishNow(uri);
    });
  };
  /** Settings or annotations changed: pull clients are asked to pull again, push clients get new lists. */
  const refresh = (uri?: string) => {
    generation++;
    if (pull()) {
      if (session.clientCapabilities.workspace?.diagnostics?.refreshSupport) void session.connection.languages.diagnostics.refresh();
    } else (uri ? [uri] : session.documents.all().map((d) => d.uri)).forEach(publishNow);
  };
  session.documents.onDidChangeContent((e) => publish(e.document.uri));
  session.documents.onDidClose((e) => {
    if (!pull()) void session.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  session.onSettingsChanged.push(() => refresh());
  session.onInvalidated.push((uri) => {
    if (!uri || session.documents.get(uri)) refresh(uri);
  });
}
