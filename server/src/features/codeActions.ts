/**
 * Quick fixes for the diagnostics (diagnostics.ts). Boilerplate: remove this line/block,
 * remove all of this category, remove all boilerplate, or "this is content" (a command
 * the annotation store handles — the article is not edited). NFD text: normalize to NFC.
 * Mixed tone marks: write this word in the article's main style, or unify the whole file
 * in either style. Actions are recomputed from the view, never trusted from the client.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { findToneWords, type ToneStyle } from '../core/textStyle';
import type { BoilerplateBlock } from '../core/types';
import { DIAGNOSTIC_SOURCE, MARK_CONTENT_COMMAND, type CorpusSettings, type MarkContentArgs } from '../protocol';
import { runSafe } from '../runner';
import type { ArticleView, Session } from '../session';
import { findings, type Finding } from './diagnostics';
import { rule, severityOf } from './rules';

/**
 * The one textDocument/codeAction handler: these quick fixes, then the annotation
 * overlay's actions on the same range (accept/reject/relabel), and for a .ann file the
 * overlay's fixes for its unusable lines.
 */
export function registerCodeActions(session: Session): void {
  session.connection.onCodeAction((params, token) =>
    runSafe<CodeAction[]>(session.log, 'codeAction', [], token, async () => {
      const uri = params.textDocument.uri;
      if (/\.ann$/i.test(URI.parse(uri).fsPath)) return session.overlay.annCodeActions?.(uri, params.context.diagnostics) ?? [];
      const view = session.view(uri);
      if (!view) return [];
      const settings = await session.settingsFor(view.uri);
      const start = view.positions.offset(params.range.start);
      const end = view.positions.offset(params.range.end);
      const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
      const only = params.context.only;
      const fixes = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k)) ? computeCodeActions(view, start, end, settings, ours) : [];
      const overlay = session.overlay.codeActions?.(view, start, end) ?? [];
      return [...fixes, ...overlay.filter((a) => !only || only.some((k) => (a.kind ?? '').startsWith(k)))];
    }),
  );
}

/** Quick fixes for the findings that touch [start, end] (code points). */
export function computeCodeActions(view: ArticleView, start: number, end: number, settings: CorpusSettings, diagnostics: Diagnostic[] = []): CodeAction[] {
  const all = findings(view).filter((f) => severityOf(f.rule, settings) !== null);
  const here = all.filter((f) => f.start <= end && start <= f.end);
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  const add = (a: CodeAction) => {
    if (seen.has(a.title)) return;
    seen.add(a.title);
    actions.push(a);
  };
  const diagFor = (f: Finding) =>
    diagnostics.filter((d) => d.code === f.rule && rangeEquals(d.range, view.positions.range(f.start, f.end)));
  for (const f of here) {
    const diags = diagFor(f);
    if (f.kind === 'boilerplate') boilerplateActions(view, f.block, all, diags).forEach(add);
    else if (f.kind === 'decomposed') decomposedActions(view, f, all, diags).forEach(add);
    else if (f.kind === 'toneMarks') toneActions(view, f, diags).forEach(add);
  }
  return actions;
}

function rangeEquals(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function fix(view: ArticleView, title: string, edits: TextEdit[], diagnostics: Diagnostic[], isPreferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred, edit: { changes: { [view.uri]: edits } } };
}

function boilerplateActions(view: ArticleView, block: BoilerplateBlock, all: Finding[], diags: Diagnostic[]): CodeAction[] {
  const vi = rule(block.category)?.vi ?? block.category;
  const blocks = all.filter((f): f is Extract<Finding, { kind: 'boilerplate' }> => f.kind === 'boilerplate').map((f) => f.block);
  const same = blocks.filter((b) => b.category === block.category);
  const lines = lineCount(view, block);
  const args: MarkContentArgs = { uri: view.uri, start: block.start, end: block.end, category: block.category };
  const out = [fix(view, `Xóa ${lines > 1 ? `khối ${lines} dòng` : 'dòng'} ${vi} này (remove this ${lines > 1 ? 'block' : 'line'})`, deleteLines(view, [block]), diags, true)];
  if (same.length > 1) out.push(fix(view, `Xóa mọi ${vi} trong bài — ${same.length} chỗ (remove all ${block.category})`, deleteLines(view, same), diags));
  if (blocks.length > 1 && blocks.length !== same.length) out.push(fix(view, `Xóa mọi boilerplate trong bài — ${blocks.length} chỗ (remove all boilerplate)`, deleteLines(view, blocks), diags));
  out.push({
    title: 'Đây là nội dung bài (this is content)',
    kind: CodeActionKind.QuickFix,
    diagnostics: diags,
    command: { title: 'Đây là nội dung bài', command: MARK_CONTENT_COMMAND, arguments: [args] },
  });
  return out;
}

function lineCount(view: ArticleView, b: BoilerplateBlock): number {
  const r = view.positions.range(b.start, b.end);
  return r.end.line - r.start.line + (r.end.character > 0 || r.end.line === r.start.line ? 1 : 0);
}

/**
 * Edits deleting the whole lines the blocks cover, line breaks included, merged so that
 * edits never overlap. The last line of the file takes the line break before it instead.
 */
export function deleteLines(view: ArticleView, blocks: readonly BoilerplateBlock[]): TextEdit[] {
  const spans = blocks
    .map((b) => {
      const r = view.positions.range(b.start, b.end);
      const last = r.end.character === 0 && r.end.line > r.start.line ? r.end.line - 1 : r.end.line;
      return [r.start.line, last] as [number, number];
    })
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const prev = merged[merged.length - 1];
    if (prev && s[0] <= prev[1] + 1) prev[1] = Math.max(prev[1], s[1]);
    else merged.push([...s]);
  }
  const lastLine = view.positions.lineCount - 1;
  return merged.map(([a, b]): TextEdit => {
    if (b < lastLine) return { range: { start: { line: a, character: 0 }, end: { line: b + 1, character: 0 } }, newText: '' };
    const end = view.positions.lineEndPosition(lastLine);
    const start = a > 0 ? view.positions.lineEndPosition(a - 1) : { line: 0, character: 0 };
    return { range: { start, end }, newText: '' };
  });
}

function decomposedActions(view: ArticleView, f: Extract<Finding, { kind: 'decomposed' }>, all: Finding[], diags: Diagnostic[]): CodeAction[] {
  const edit = (x: { start: number; end: number; nfc: string }): TextEdit => ({ range: view.positions.range(x.start, x.end), newText: x.nfc });
  const whole: TextEdit = { range: { start: { line: 0, character: 0 }, end: view.positions.position(Number.MAX_SAFE_INTEGER) }, newText: view.text.slice(view.positions.hidden).normalize('NFC') };
  const out = [fix(view, 'Chuẩn hóa cả bài sang NFC (normalize the file to NFC)', [whole], diags, true)];
  if (all.filter((x) => x.kind === 'decomposed').length > 1) out.push(fix(view, 'Chuẩn hóa đoạn này sang NFC (normalize this span)', [edit(f)], diags));
  return out;
}

function toneActions(view: ArticleView, f: Extract<Finding, { kind: 'toneMarks' }>, diags: Diagnostic[]): CodeAction[] {
  const majority: ToneStyle = f.majority;
  const minority: ToneStyle = majority === 'first' ? 'second' : 'first';
  const label: Record<ToneStyle, string> = { first: 'hòa, ủy', second: 'hoà, uỷ' };
  const unify = (style: ToneStyle): TextEdit[] =>
    findToneWords(view.text)
      .words.filter((w) => w.style !== style)
      .map((w) => ({ range: view.positions.range(w.start, w.end), newText: w.other }));
  return [
    fix(view, `Viết “${f.other}” theo kiểu chính của bài (use the article's main style)`, [{ range: view.positions.range(f.start, f.end), newText: f.other }], diags, true),
    fix(view, `Thống nhất cả bài theo kiểu “${label[majority]}” (unify the file)`, unify(majority), diags),
    fix(view, `Thống nhất cả bài theo kiểu “${label[minority]}” (unify the file)`, unify(minority), diags),
  ];
}
