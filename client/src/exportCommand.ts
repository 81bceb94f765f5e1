/**
 * "VN Corpus: Export labeled dataset…": a short quick-pick flow (format, scope, labels,
 * options, folder), each step pre-set to the last choice; a cancellable progress
 * notification; a summary with an "Open Folder" button.
 *
 * It runs exportRunner.ts in the extension host rather than in the language server: an
 * export of a whole corpus is a batch job over files on disk that takes seconds, and the
 * server's single thread must stay free for hovers and diagnostics while it runs. Other
 * editors get the same export from `vn-corpus export`, which runs the same runner.
 *
 * Called with an argument object (`{inputs, outDir, options, force}`) it skips the
 * prompts and returns the summary — for tests and key bindings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_EXPORT_OPTIONS, EXPORT_FORMATS, FORMAT_DESCRIPTIONS, WORD_TOKEN_FORMATS, type ExportFormat, type ExportOptions, type LabelSource } from '../../server/src/core/export/exportOptions';
import { runExport, type ExportRequest, type ExportSummary } from '../../server/src/exportRunner';
import { summaryLine } from '../../server/src/cliExport';

export const EXPORT_COMMAND = 'vnCorpus.exportDataset';
const STATE_KEY = 'vnCorpus.export.last';

interface LastChoice {
  options: ExportOptions;
  scope?: 'file' | 'workspace' | 'pick';
  outDir?: string;
}

export interface ExportCommandArgs {
  inputs: string[];
  outDir: string;
  options?: Partial<ExportOptions>;
  force?: boolean;
}

export function registerExportCommand(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand(EXPORT_COMMAND, async (args?: ExportCommandArgs) => {
    if (args && Array.isArray(args.inputs)) {
      return runWithProgress({ inputs: args.inputs, outDir: args.outDir, options: { ...DEFAULT_EXPORT_OPTIONS, ...args.options }, force: args.force });
    }
    const request = await askRequest(context);
    if (!request) return undefined;
    const summary = await runWithProgress(request);
    await showSummary(summary);
    return summary;
  });
}

async function askRequest(context: vscode.ExtensionContext): Promise<ExportRequest | undefined> {
  const last = context.globalState.get<LastChoice>(STATE_KEY) ?? { options: DEFAULT_EXPORT_OPTIONS };
  if (!(await saveDirty())) return undefined;
  const format = await pickFormat(last.options.format);
  if (!format) return undefined;
  const scope = await pickScope(last.scope);
  if (!scope) return undefined;
  const labels = await pickOne<LabelSource>('Which labels?', [
    ['all', 'Human + accepted + unrejected detections', 'what the editor shows'],
    ['human', 'Human labels only', 'the .ann files'],
    ['detected', 'Detections only', "the detector's output"],
  ], last.options.labels);
  if (!labels) return undefined;
  const options = await pickOptions({ ...last.options, format, labels });
  if (!options) return undefined;
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? path.dirname(scope.inputs[0] ?? '.');
  const outDir = await vscode.window.showInputBox({
    title: 'Export labeled dataset: output folder',
    value: last.outDir && last.options.format === format ? last.outDir : path.join(root, 'exports', format),
    prompt: 'Created if missing. A folder that holds files is only overwritten after you confirm.',
  });
  if (!outDir) return undefined;
  let force = false;
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) {
    const answer = await vscode.window.showWarningMessage(`${outDir} is not empty. Overwrite the previous export there?`, { modal: true }, 'Overwrite');
    if (answer !== 'Overwrite') return undefined;
    force = true;
  }
  await context.globalState.update(STATE_KEY, { options, scope: scope.kind, outDir } satisfies LastChoice);
  return { inputs: scope.inputs, outDir, options, force };
}

/** The export reads files on disk: offer to save unsaved articles and annotations first. */
async function saveDirty(): Promise<boolean> {
  if (!vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.scheme === 'file')) return true;
  const answer = await vscode.window.showWarningMessage('Some files have unsaved changes; the export reads the files on disk.', 'Save All', 'Export Saved Versions');
  if (answer === 'Save All') return vscode.workspace.saveAll(false);
  return answer === 'Export Saved Versions';
}

async function pickFormat(last: ExportFormat): Promise<ExportFormat | undefined> {
  const order = [last, ...EXPORT_FORMATS.filter((f) => f !== last)];
  const item = await vscode.window.showQuickPick(
    order.map((f) => ({ label: f, description: f === last ? 'last used' : undefined, detail: FORMAT_DESCRIPTIONS[f] })),
    { title: 'Export labeled dataset: format', placeHolder: 'Format' },
  );
  return item?.label as ExportFormat | undefined;
}

async function pickScope(last?: LastChoice['scope']): Promise<{ kind: LastChoice['scope']; inputs: string[] } | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const current = active?.uri.scheme === 'file' && active.fileName.toLowerCase().endsWith('.txt') ? active.fileName : undefined;
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const items: Array<vscode.QuickPickItem & { scope: LastChoice['scope'] }> = [];
  if (current) items.push({ label: 'Current file', description: path.basename(current), scope: 'file' });
  if (folders.length) items.push({ label: 'Whole workspace', description: folders.map((f) => path.basename(f)).join(', '), scope: 'workspace' });
  items.push({ label: 'Choose files or folders…', scope: 'pick' });
  items.sort((a, b) => Number(b.scope === last) - Number(a.scope === last));
  const item = await vscode.window.showQuickPick(items, { title: 'Export labeled dataset: which articles?' });
  if (!item) return undefined;
  if (item.scope === 'file' && current) return { kind: 'file', inputs: [current] };
  if (item.scope === 'workspace') return { kind: 'workspace', inputs: folders };
  const uris = await vscode.window.showOpenDialog({ canSelectFiles: true, canSelectFolders: true, canSelectMany: true, filters: { Articles: ['txt'] }, openLabel: 'Export' });
  return uris?.length ? { kind: 'pick', inputs: uris.map((u) => u.fsPath) } : undefined;
}

async function pickOne<T extends string>(title: string, choices: Array<[T, string, string]>, last: T): Promise<T | undefined> {
  const items = choices.map(([value, label, description]) => ({ value, label, description: value === last ? `${description} · last used` : description }));
  items.sort((a, b) => Number(b.value === last) - Number(a.value === last));
  return (await vscode.window.showQuickPick(items, { title: `Export labeled dataset: ${title}` }))?.value;
}

interface Toggle {
  label: string;
  on(o: ExportOptions): boolean;
  set(o: ExportOptions, on: boolean): void;
  applies?(f: ExportFormat): boolean;
}

const TOGGLES: Toggle[] = [
  { label: 'One example per sentence', on: (o) => o.sentences, set: (o, v) => (o.sentences = v), applies: (f) => f !== 'brat' },
  { label: 'Split train/dev/test 80/10/10 by document (seed 42)', on: (o) => !!o.split, set: (o, v) => (o.split = v ? { train: 0.8, dev: 0.1, test: 0.1 } : undefined) },
  { label: 'Word tokens joined with _ (PhoBERT)', on: (o) => o.tokens === 'word', set: (o, v) => (o.tokens = v ? 'word' : 'syllable'), applies: (f) => WORD_TOKEN_FORMATS.has(f) },
  { label: 'BIOES tags instead of IOB2', on: (o) => o.scheme === 'bioes', set: (o, v) => (o.scheme = v ? 'bioes' : 'iob2'), applies: (f) => f === 'conll' || f === 'hf' },
  { label: 'Drop boilerplate lines', on: (o) => o.dropBoilerplate, set: (o, v) => (o.dropBoilerplate = v) },
  { label: 'Drop image captions', on: (o) => o.dropCaptions, set: (o, v) => (o.dropCaptions = v) },
  { label: 'Keep the nested layer', on: (o) => o.nested, set: (o, v) => (o.nested = v), applies: (f) => f === 'brat' || f === 'doccano' || f === 'labelstudio' || f === 'spacy' },
  { label: '-DOCSTART- between documents', on: (o) => o.docstart, set: (o, v) => (o.docstart = v), applies: (f) => f === 'conll' },
];

async function pickOptions(base: ExportOptions): Promise<ExportOptions | undefined> {
  const toggles = TOGGLES.filter((t) => !t.applies || t.applies(base.format));
  const items = toggles.map((t) => ({ label: t.label, picked: t.on(base), toggle: t }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Export labeled dataset: options', canPickMany: true });
  if (!picked) return undefined;
  const options: ExportOptions = { ...base, tokens: WORD_TOKEN_FORMATS.has(base.format) ? base.tokens : 'syllable' };
  for (const t of toggles) t.set(options, picked.some((p) => p.toggle === t));
  return options;
}

function runWithProgress(request: ExportRequest): Thenable<ExportSummary> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Exporting ${request.options.format} dataset`, cancellable: true },
    async (progress, token) => {
      let reported = 0;
      return runExport({
        ...request,
        isCancelled: () => token.isCancellationRequested,
        onProgress: (done, total, file) => {
          const pct = total ? (done / total) * 100 : 100;
          progress.report({ increment: pct - reported, message: `${done}/${total} ${path.basename(file)}` });
          reported = pct;
        },
      });
    },
  );
}

async function showSummary(s: ExportSummary): Promise<void> {
  if (s.status === 'cancelled') {
    void vscode.window.showInformationMessage('Export cancelled; nothing was written.');
    return;
  }
  if (s.status === 'refused' || s.status === 'invalid') {
    const detail = s.problems.slice(0, 5).join('\n');
    void vscode.window.showErrorMessage(`Export failed: ${s.reason ?? 'unknown reason'}${detail ? `\n${detail}` : ''}`);
    return;
  }
  const failed = s.failed.length ? ` ${s.failed.length} file(s) could not be read.` : '';
  const warnings = s.warnings.length ? ` ${s.warnings.length} .ann/sidecar warning(s).` : '';
  const show = s.status === 'ok' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  const answer = await show(`${summaryLine(s)}.${failed}${warnings}`, 'Open Folder');
  if (answer === 'Open Folder') await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(path.join(s.outDir, 'README.md')));
}
