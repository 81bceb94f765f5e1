/**
 * Annotation UI for VS Code: commands, pickers, a status bar item and the Entities view.
 * Everything here is a thin shell over the server's `workspace/executeCommand` commands
 * (protocol.ts ANNOTATION_COMMANDS), so other editors get the same operations.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ANNOTATION_COMMANDS as S,
  ANNOTATIONS_CHANGED_NOTIFICATION,
  LANGUAGE_ID,
  type AnnotationResult,
  type AnnotationStatus,
  type EntityTree,
  type EntityTreeItem,
  type EntityTreeMention,
  type IdenticalPreview,
  type NavigationTarget,
} from '../../server/src/protocol';

/** The guide's labels, with what each means (shown in the picker). */
const LABELS: Array<{ id: string; detail: () => string }> = [
  { id: 'PER', detail: () => vscode.l10n.t('Person (name only, without title or honorific)') },
  { id: 'TITLE', detail: () => vscode.l10n.t('Office or role held by a person') },
  { id: 'ORG', detail: () => vscode.l10n.t('Named body: party committee, state organ, front, media') },
  { id: 'LOC', detail: () => vscode.l10n.t('Named place, without the unit word') },
  { id: 'DATE', detail: () => vscode.l10n.t('Date, month, year, period or time stamp') },
  { id: 'DOC', detail: () => vscode.l10n.t('Resolution, decision, directive, scheme, law…') },
];

/** Client command ids (the server's ids are in protocol.ts; these must differ from them). */
export const CLIENT_COMMANDS = {
  labelSelection: 'vnCorpus.labelSelection',
  labelAs: 'vnCorpus.labelAs',
  removeLabel: 'vnCorpus.removeLabel',
  changeLabel: 'vnCorpus.changeLabel',
  accept: 'vnCorpus.acceptDetection',
  reject: 'vnCorpus.rejectDetection',
  acceptAllOfLabel: 'vnCorpus.acceptAllOfLabel',
  acceptAllInFile: 'vnCorpus.acceptAllInFile',
  labelIdentical: 'vnCorpus.labelIdenticalMentions',
  markReviewed: 'vnCorpus.markReviewed',
  markNotReviewed: 'vnCorpus.markNotReviewed',
  toggleReviewed: 'vnCorpus.toggleReviewed',
  nextUnreviewed: 'vnCorpus.nextUnreviewedArticle',
  nextUnconfirmed: 'vnCorpus.nextUnconfirmedDetection',
  refreshEntities: 'vnCorpus.refreshEntities',
  nextMention: 'vnCorpus.entities.nextMention',
} as const;

export function registerAnnotationUi(context: vscode.ExtensionContext, client: LanguageClient): void {
  const exec = <T>(command: string, args: object) => client.sendRequest('workspace/executeCommand', { command, arguments: [args] }) as Promise<T>;
  const c2p = client.code2ProtocolConverter;
  const p2c = client.protocol2CodeConverter;

  const article = (): vscode.TextEditor | undefined => {
    const ed = vscode.window.activeTextEditor;
    if (!ed || ed.document.uri.scheme !== 'file') {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a corpus article first.'));
      return undefined;
    }
    return ed;
  };
  const uriOf = (ed: vscode.TextEditor) => c2p.asUri(ed.document.uri);
  /** Report what a command did when it needs attention; quiet on plain success. */
  const report = (r: AnnotationResult | null | undefined): boolean => {
    if (!r) return false;
    if (!r.ok) void vscode.window.showWarningMessage(vscode.l10n.t('Not saved: {0}', r.message ?? r.code ?? '?'));
    else if (r.conflicts) void vscode.window.showWarningMessage(vscode.l10n.t('{0} change(s) not applied: another window changed or removed their target.', r.conflicts));
    else if (r.merged) void vscode.window.showInformationMessage(vscode.l10n.t('The annotations were changed in another window; your change was merged with theirs.'));
    return r.ok;
  };
  const pickLabel = async (placeHolder: string): Promise<string | undefined> => {
    const pick = await vscode.window.showQuickPick(
      LABELS.map((l) => ({ label: l.id, detail: l.detail() })),
      { placeHolder },
    );
    return pick?.label;
  };
  /** Selections as ranges, or the cursor as a position (the server finds the entity there). */
  const targets = (ed: vscode.TextEditor) =>
    ed.selections.map((s) => (s.isEmpty ? { position: c2p.asPosition(s.active) } : { range: c2p.asRange(s) }));

  const labelSelections = async (label: string | undefined) => {
    const ed = article();
    if (!ed || !label) return;
    const spans = ed.selections.filter((s) => !s.isEmpty);
    if (spans.length === 0) return void vscode.window.showInformationMessage(vscode.l10n.t('Select the text to label first.'));
    let ok = false;
    for (const s of spans) ok = report(await exec<AnnotationResult>(S.label, { uri: uriOf(ed), range: c2p.asRange(s), label })) || ok;
    if (ok && spans.length === 1) await offerIdentical(ed, spans[0], label, false);
  };

  /** After labelling: offer the same label on every identical mention, previewed before writing. */
  const offerIdentical = async (ed: vscode.TextEditor, range: vscode.Range, label: string, ask: boolean) => {
    const uri = uriOf(ed);
    const base = { uri, range: c2p.asRange(range), label };
    const inFile = await exec<IdenticalPreview>(S.labelIdentical, { ...base, scope: 'file' });
    let scope: 'file' | 'corpus' = 'file';
    if (!ask) {
      const here = inFile.occurrences.length;
      const fileChoice = vscode.l10n.t('Label {0} more in this file…', here);
      const corpusChoice = vscode.l10n.t('Label in the whole corpus…');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('Label every “{0}” as {1}?', inFile.text, label),
        ...(here ? [fileChoice] : []),
        corpusChoice,
      );
      if (!choice) return;
      scope = choice === corpusChoice ? 'corpus' : 'file';
    } else {
      const pick = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('This file'), scope: 'file' as const },
          { label: vscode.l10n.t('Whole corpus'), scope: 'corpus' as const },
        ],
        { placeHolder: vscode.l10n.t('Where to look for identical mentions') },
      );
      if (!pick) return;
      scope = pick.scope;
    }
    const preview = scope === 'file' ? inFile : await exec<IdenticalPreview>(S.labelIdentical, { ...base, scope });
    if (preview.occurrences.length === 0) return void vscode.window.showInformationMessage(vscode.l10n.t('No other unlabelled mention of “{0}”.', preview.text));
    const items = preview.occurrences.map((o, i) => ({
      label: o.kind === 'relabel' ? vscode.l10n.t('{0} (now {1})', o.text, o.from ?? '?') : o.text,
      description: `${vscode.workspace.asRelativePath(vscode.Uri.parse(o.uri))}:${o.range.start.line + 1}`,
      detail: o.context,
      picked: o.exactCase,
      index: i,
    }));
    const chosen = await vscode.window.showQuickPick(items, {
      canPickMany: true,
      placeHolder: vscode.l10n.t('{0} mention(s) of “{1}” → {2}. Untick those that are not the same entity.', items.length, preview.text, label),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!chosen || chosen.length === 0) return;
    const r = await exec<IdenticalPreview>(S.labelIdentical, { ...base, scope, apply: true, only: chosen.map((c) => c.index) });
    if (report(r)) void vscode.window.showInformationMessage(vscode.l10n.t('Labelled {0} mention(s) as {1}.', r.applied, label));
  };

  const onTargets = async (command: string, extra: object = {}) => {
    const ed = article();
    if (!ed) return;
    for (const t of targets(ed)) report(await exec<AnnotationResult>(command, { uri: uriOf(ed), ...t, ...extra }));
  };
  const setReviewed = async (reviewed: boolean | 'toggle') => {
    const ed = article();
    if (!ed) return;
    const value = reviewed === 'toggle' ? !(await exec<AnnotationStatus>(S.status, { uri: uriOf(ed) })).file?.reviewed : reviewed;
    report(await exec<AnnotationResult>(S.setReviewed, { uri: uriOf(ed), reviewed: value }));
  };
  const go = async (target: NavigationTarget | null, none: string) => {
    if (!target) return void vscode.window.showInformationMessage(none);
    const doc = await vscode.workspace.openTextDocument(p2c.asUri(target.uri));
    const ed = await vscode.window.showTextDocument(doc);
    if (target.range) {
      const r = p2c.asRange(target.range);
      ed.selection = new vscode.Selection(r.start, r.end);
      ed.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  };

  const C = CLIENT_COMMANDS;
  const reg = (id: string, fn: (...a: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  reg(C.labelSelection, async () => labelSelections(await pickLabel(vscode.l10n.t('Label the selection as…'))));
  reg(C.labelAs, (label: string) => labelSelections(label));
  reg(C.removeLabel, () => onTargets(S.remove));
  reg(C.changeLabel, async () => {
    const label = await pickLabel(vscode.l10n.t('Change the label to…'));
    if (label) await onTargets(S.label, { label });
  });
  reg(C.accept, () => onTargets(S.accept));
  reg(C.reject, () => onTargets(S.reject));
  reg(C.acceptAllOfLabel, async () => {
    const ed = article();
    const label = ed && (await pickLabel(vscode.l10n.t('Accept every detection of which label?')));
    if (ed && label) report(await exec<AnnotationResult>(S.acceptAll, { uri: uriOf(ed), label }));
  });
  reg(C.acceptAllInFile, async () => {
    const ed = article();
    if (ed) report(await exec<AnnotationResult>(S.acceptAll, { uri: uriOf(ed) }));
  });
  reg(C.labelIdentical, async () => {
    const ed = article();
    if (!ed || ed.selection.isEmpty) return void vscode.window.showInformationMessage(vscode.l10n.t('Select a mention first.'));
    const label = await pickLabel(vscode.l10n.t('Label every identical mention as…'));
    if (label) await offerIdentical(ed, ed.selection, label, true);
  });
  reg(C.markReviewed, () => setReviewed(true));
  reg(C.markNotReviewed, () => setReviewed(false));
  reg(C.toggleReviewed, () => setReviewed('toggle'));
  reg(C.nextUnreviewed, async () => {
    const ed = vscode.window.activeTextEditor;
    await go(await exec<NavigationTarget | null>(S.nextUnreviewed, { uri: ed ? uriOf(ed) : undefined }), vscode.l10n.t('Every article is reviewed.'));
  });
  reg(C.nextUnconfirmed, async () => {
    const ed = vscode.window.activeTextEditor;
    const args = ed ? { uri: uriOf(ed), position: c2p.asPosition(ed.selection.end) } : {};
    await go(await exec<NavigationTarget | null>(S.nextUnconfirmed, args), vscode.l10n.t('No unconfirmed detection left.'));
  });

  const status = new StatusItem(exec, (ed) => uriOf(ed));
  const tree = new EntitiesView(exec, p2c);
  context.subscriptions.push(
    status,
    vscode.window.registerTreeDataProvider('vnCorpus.entities', tree),
    vscode.commands.registerCommand(C.refreshEntities, () => tree.refresh()),
    vscode.commands.registerCommand(C.nextMention, (item: EntityTreeItem) => tree.walk(item)),
    vscode.window.onDidChangeActiveTextEditor(() => status.refresh()),
    client.onNotification(ANNOTATIONS_CHANGED_NOTIFICATION, () => {
      status.refresh();
      tree.refreshSoon();
    }),
  );
  status.refresh();
}

/** Status bar: this file reviewed or not, unconfirmed detections; corpus progress and labels by source in the tooltip. */
class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('vnCorpus.annotationStatus', vscode.StatusBarAlignment.Left, 50);

  constructor(
    private readonly exec: <T>(command: string, args: object) => Promise<T>,
    private readonly uriOf: (ed: vscode.TextEditor) => string,
  ) {
    this.item.name = vscode.l10n.t('VN Corpus annotation');
    this.item.command = CLIENT_COMMANDS.toggleReviewed;
  }

  async refresh(): Promise<void> {
    const ed = vscode.window.activeTextEditor;
    if (!ed || ed.document.languageId !== LANGUAGE_ID) return this.item.hide();
    let s: AnnotationStatus;
    try {
      s = await this.exec<AnnotationStatus>(S.status, { uri: this.uriOf(ed) });
    } catch {
      return this.item.hide();
    }
    const f = s.file;
    const progress = `${s.corpus.reviewed}/${s.corpus.articles}`;
    this.item.text = f
      ? `${f.reviewed ? '$(pass-filled)' : '$(circle-large-outline)'} ${f.reviewed ? vscode.l10n.t('Reviewed') : vscode.l10n.t('Not reviewed')} · ${f.human}✓ ${f.unconfirmed}? · ${progress}`
      : `$(circle-large-outline) ${progress}`;
    const md = new vscode.MarkdownString();
    if (f) {
      md.appendMarkdown(`**${f.reviewed ? vscode.l10n.t('Reviewed') : vscode.l10n.t('Not reviewed')}**${f.reviewedBy ? ` — ${f.reviewedBy}, ${f.reviewedAt}` : ''}\n\n`);
      md.appendMarkdown(vscode.l10n.t('This file: {0} human labels, {1} unconfirmed detections, {2} rejected, {3} unusable .ann lines', f.human, f.unconfirmed, f.rejected, f.problems) + '\n\n');
    }
    md.appendMarkdown(vscode.l10n.t('Corpus: {0} of {1} articles reviewed', s.corpus.reviewed, s.corpus.articles) + '\n\n');
    md.appendMarkdown(vscode.l10n.t('Human labels by source: {0} typed, {1} accepted detections, {2} label-all', s.corpus.human.manual, s.corpus.human.accepted, s.corpus.human.bulk) + '\n\n');
    md.appendMarkdown(vscode.l10n.t('Click to mark this file reviewed / not reviewed.'));
    this.item.tooltip = md;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

type Node = { kind: 'group'; label: string; items: EntityTreeItem[] } | { kind: 'item'; item: EntityTreeItem } | { kind: 'mention'; mention: EntityTreeMention };

/** Explorer view: persons, then organizations, places, documents, with mention counts; selecting one walks its mentions. */
class EntitiesView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private data: Promise<EntityTree> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly cursor = new Map<string, number>();

  constructor(
    private readonly exec: <T>(command: string, args: object) => Promise<T>,
    private readonly p2c: LanguageClient['protocol2CodeConverter'],
  ) {}

  refresh(): void {
    this.data = undefined;
    this.changed.fire();
  }

  /** Coalesce bursts of changes (label-all across the corpus) into one refresh. */
  refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), 500);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      this.data ??= this.exec<EntityTree>(S.entityTree, {});
      const tree = await this.data;
      return tree.groups.map((g) => ({ kind: 'group', label: g.label, items: g.items }));
    }
    if (node.kind === 'group') return node.items.map((item) => ({ kind: 'item', item }));
    if (node.kind === 'item') return node.item.mentions.map((mention) => ({ kind: 'mention', mention }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const t = new vscode.TreeItem(`${groupName(node.label)} (${node.items.length})`, vscode.TreeItemCollapsibleState.Expanded);
      t.contextValue = 'group';
      return t;
    }
    if (node.kind === 'item') {
      const t = new vscode.TreeItem(node.item.name, vscode.TreeItemCollapsibleState.Collapsed);
      t.description = vscode.l10n.t('{0} mentions', node.item.count);
      t.tooltip = vscode.l10n.t('Select to go to the next mention');
      t.command = { title: vscode.l10n.t('Next mention'), command: CLIENT_COMMANDS.nextMention, arguments: [node.item] };
      t.contextValue = 'entity';
      return t;
    }
    const m = node.mention;
    const t = new vscode.TreeItem(`${vscode.workspace.asRelativePath(vscode.Uri.parse(m.uri))}:${m.range.start.line + 1}`);
    t.description = m.source === 'human' ? m.text : `${m.text} (${vscode.l10n.t('detected')})`;
    t.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [this.p2c.asUri(m.uri), { selection: this.p2c.asRange(m.range) }] };
    return t;
  }

  /** Open the next mention of an entity each time it is selected. */
  async walk(item: EntityTreeItem): Promise<void> {
    const key = `${item.label}:${item.name}`;
    const i = (this.cursor.get(key) ?? -1) + 1;
    const m = item.mentions[i % item.mentions.length];
    this.cursor.set(key, i % item.mentions.length);
    if (!m) return;
    const doc = await vscode.workspace.openTextDocument(this.p2c.asUri(m.uri));
    const r = this.p2c.asRange(m.range);
    await vscode.window.showTextDocument(doc, { selection: r, preserveFocus: true });
  }
}

function groupName(label: string): string {
  switch (label) {
    case 'PER':
      return vscode.l10n.t('People');
    case 'ORG':
      return vscode.l10n.t('Organizations');
    case 'LOC':
      return vscode.l10n.t('Places');
    case 'DOC':
      return vscode.l10n.t('Documents');
    default:
      return label;
  }
}
