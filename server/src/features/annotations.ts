/**
 * The annotation workflow over LSP: every operation is a `workspace/executeCommand`
 * command (ids in protocol.ts, ANNOTATION_COMMANDS), so any client can label, accept,
 * reject and review; code actions on a detected span offer the same; problems of a
 * `.ann` are diagnostics on the `.ann` and on its article, naming the line. The session's
 * overlay makes every other feature show the effective entities (human over detected).
 */
import * as os from 'node:os';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import {
  acceptAll,
  acceptDetection,
  identicalMentions,
  labelSpan,
  markContent,
  rejectDetection,
  removeSpan,
  setReviewed,
  type AnnotationChange,
  type ArticleState,
} from '../core/annotationOps';
import { effectiveBoilerplate, effectiveEntities, type EffectiveEntity } from '../core/effectiveEntities';
import { normalizedKey } from '../core/normalize';
import { CodePointIndex } from '../core/offsets';
import { ENTITY_LABELS, type Analysis } from '../core/types';
import { AnnotationFiles, annPathOf, type StoredArticle } from '../annotationFiles';
import { AnnotationCorpus } from '../annotationCorpus';
import { PositionMapper } from '../positions';
import {
  ANNOTATION_COMMANDS as C,
  ANNOTATIONS_CHANGED_NOTIFICATION,
  DIAGNOSTIC_SOURCE,
  type AnnotationResult,
  type AnnotationStatus,
  type EntityTree,
  type IdenticalOccurrence,
  type IdenticalPreview,
  type NavigationTarget,
} from '../protocol';
import type { ArticleView, OverlayDiagnostic, Session } from '../session';

type Pos = { line: number; character: number };
type Args = {
  uri?: string;
  range?: { start: Pos; end: Pos };
  start?: number;
  end?: number;
  position?: Pos;
  label?: string;
  category?: string;
  reviewed?: boolean;
  scope?: 'file' | 'corpus';
  apply?: boolean;
  only?: number[];
  line?: number;
};

/** Labels the Entities view lists, in order (guide: persons, then organizations, places, documents). */
const TREE_LABELS = ['PER', 'ORG', 'LOC', 'DOC'];

export function registerAnnotations(session: Session): void {
  const files = new AnnotationFiles(session.log);
  const corpus = new AnnotationCorpus(
    () => session.workspaceRoots,
    (uri) => session.isArticle(uri),
    () => !!session.clientCapabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration,
  );
  // The article list follows the files: created, deleted or renamed articles and folders, and settings (globs, folders).
  session.onSettingsChanged.push(() => corpus.invalidate());
  session.onWatchedFiles.push((events) => {
    if (events.some((ev) => !/\.ann$|\.vncorpus\.json$/i.test(ev.uri) && ev.type !== 2 /* changed: same files */)) corpus.invalidate();
  });
  const annotatable = (uri: string) => URI.parse(uri).scheme === 'file';
  const stamp = () => ({ by: annotatorName(), at: new Date().toISOString() });

  // ---- overlay: every feature sees human labels over detections ----
  session.overlay = {
    ...session.overlay,
    entitiesLater: (uri, text, analysis) => {
      if (!annotatable(uri)) return () => analysis.entities;
      const a = files.get(uri, text);
      // Copies of the lists as they are for this text (the store may push into them later).
      const human = a.doc.entities.slice();
      const rejected = a.sidecar.rejected.slice();
      return () => effectiveEntities({ detected: analysis.entities, human, rejected });
    },
    boilerplate: (uri, text, analysis) => (annotatable(uri) ? effectiveBoilerplate(analysis.boilerplate, files.get(uri, text).sidecar.content) : analysis.boilerplate),
    diagnostics: (view) => (annotatable(view.uri) ? articleDiagnostics(files, files.get(view.uri, view.text)) : []),
    codeActions: (view, start, end) => codeActionsAt(view, start, end),
  };

  /** Text + analysis + stored annotations of an article, open or not. */
  const stateOf = (uri: string): { state: ArticleState; stored: StoredArticle; view?: ArticleView; positions: PositionMapper } | undefined => {
    if (!annotatable(uri) || !session.isArticle(uri)) return undefined;
    const view = session.view(uri);
    let text: string;
    let analysis: Analysis;
    if (view) ({ text, analysis } = view);
    else {
      const read = corpus.analysisOf(uri);
      if (!read) return undefined;
      ({ text, analysis } = read);
    }
    const stored = files.get(uri, text);
    return {
      state: { text, detected: analysis.entities, ann: stored.doc, sidecar: stored.sidecar },
      stored,
      view,
      positions: view?.positions ?? new PositionMapper(text, session.encoding),
    };
  };

  const changed = (uris: string[]) => {
    for (const uri of uris) {
      session.invalidate(uri);
      publishAnnDiagnostics(uri);
    }
    void session.connection.sendNotification(ANNOTATIONS_CHANGED_NOTIFICATION, { uris });
  };

  const write = (uri: string, changes: AnnotationChange[]): AnnotationResult => {
    if (changes.length === 0) return { ok: true, applied: 0, conflicts: 0, code: 'nothing-to-do', message: 'nothing to change' };
    const s = stateOf(uri)!;
    const out = files.apply(uri, s.state.text, changes, stamp());
    if (out.refused) return { ok: false, applied: 0, conflicts: changes.length, code: out.refusedCode ?? 'unreadable-sidecar', message: out.refused };
    if (out.error) return { ok: false, applied: 0, conflicts: changes.length, code: 'write-failed', message: out.error };
    changed([uri]);
    const result: AnnotationResult = { ok: true, applied: out.applied.length, conflicts: out.conflicts.length, written: out.written };
    if (out.merged) result.merged = true;
    if (out.conflicts.length) {
      result.code = 'conflict';
      result.message = `${out.conflicts.length} change(s) not applied: another window changed or removed their target`;
    }
    return result;
  };

  /** Resolve the span an argument object names (range, start/end, or the entity at position). */
  const spanOf = (args: Args, s: NonNullable<ReturnType<typeof stateOf>>, pickLabel?: string): { start: number; end: number; entity?: EffectiveEntity } | undefined => {
    if (args.range) return { start: s.positions.offset(args.range.start), end: s.positions.offset(args.range.end) };
    if (typeof args.start === 'number' && typeof args.end === 'number') return { start: args.start, end: args.end };
    if (args.position) {
      const at = s.positions.offset(args.position);
      const hit = effectiveOfState(s.state)
        .filter((e) => e.start <= at && at <= e.end && (!pickLabel || e.label === pickLabel))
        .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
      return hit && { start: hit.start, end: hit.end, entity: hit };
    }
    return undefined;
  };

  const withArticle = <T>(name: string, neutral: T, work: (args: Args, s: NonNullable<ReturnType<typeof stateOf>>) => T) =>
    session.registerCommand(name, (raw) => {
      const args = (raw[0] ?? {}) as Args;
      const s = args.uri ? stateOf(args.uri) : undefined;
      if (!s) return { ...neutral, ok: false, code: 'no-article', message: `not a corpus article on disk: ${args.uri ?? '(no uri)'}` };
      return work(args, s);
    });
  const none: AnnotationResult = { ok: false, applied: 0, conflicts: 0 };
  const noSpan: AnnotationResult = { ok: false, applied: 0, conflicts: 0, code: 'no-span', message: 'no span or entity there' };

  withArticle(C.label, none, (args, s) => {
    const span = spanOf(args, s);
    if (!span || !isLabel(args.label)) return noSpan;
    return write(args.uri!, labelSpan(s.state, span, args.label));
  });
  withArticle(C.remove, none, (args, s) => {
    const span = spanOf(args, s);
    return span ? write(args.uri!, removeSpan(s.state, span)) : noSpan;
  });
  withArticle(C.accept, none, (args, s) => {
    const span = spanOf(args, s, args.label);
    const label = args.label ?? span?.entity?.label;
    return span && label ? write(args.uri!, acceptDetection(s.state, { label, ...span })) : noSpan;
  });
  withArticle(C.reject, none, (args, s) => {
    const span = spanOf(args, s, args.label);
    const label = args.label ?? span?.entity?.label;
    return span && label ? write(args.uri!, rejectDetection(s.state, { label, ...span })) : noSpan;
  });
  withArticle(C.acceptAll, none, (args, s) => write(args.uri!, acceptAll(s.state, isLabel(args.label) ? args.label : undefined)));
  withArticle(C.setReviewed, none, (args) => write(args.uri!, setReviewed(args.reviewed !== false)));
  withArticle(C.markContent, none, (args, s) => {
    const span = spanOf(args, s);
    return span ? write(args.uri!, markContent(s.state, span, args.category)) : noSpan;
  });
  withArticle(C.labelIdentical, { ...none, label: '', text: '', occurrences: [] } as IdenticalPreview, (args, s) => labelIdentical(args, s));
  session.registerCommand(C.dropAnnLine, (raw) => {
    const args = (raw[0] ?? {}) as Args;
    const article = args.uri && articleOfAnn(args.uri);
    const s = article ? stateOf(article) : undefined;
    if (!s || typeof args.line !== 'number') return { ...none, code: 'no-article', message: 'not the .ann of a corpus article' };
    const ok = files.dropLine(article!, s.state.text, args.line);
    if (ok) changed([article!]);
    return { ok, applied: ok ? 1 : 0, conflicts: 0 };
  });
  session.registerCommand(C.status, (raw) => status(((raw[0] ?? {}) as Args).uri));
  session.registerCommand(C.nextUnreviewed, (raw) => nextUnreviewed(((raw[0] ?? {}) as Args).uri));
  session.registerCommand(C.nextUnconfirmed, (raw) => nextUnconfirmed((raw[0] ?? {}) as Args));
  session.registerCommand(C.entityTree, () => entityTree());

  function labelIdentical(args: Args, s: NonNullable<ReturnType<typeof stateOf>>): IdenticalPreview {
    const span = spanOf(args, s);
    const label = args.label;
    if (!span || !isLabel(label)) return { ...noSpan, label: label ?? '', text: '', occurrences: [] };
    const needle = new CodePointIndex(s.state.text).slice(span.start, span.end).trim();
    const targets = args.scope === 'corpus' ? [args.uri!, ...corpus.articles().filter((u) => u !== args.uri)] : [args.uri!];
    const occurrences: Array<IdenticalOccurrence & { change: AnnotationChange }> = [];
    for (const uri of targets) {
      const t = uri === args.uri ? s : stateOf(uri);
      if (!t) continue;
      const self = uri === args.uri ? span : { start: -1, end: -1 };
      for (const o of identicalMentions(t.state, self, label, needle)) {
        const range = t.positions.range(o.start, o.end);
        const line = t.state.text.split(/\r?\n|\r/)[range.start.line] ?? '';
        occurrences.push({
          uri,
          start: o.start,
          end: o.end,
          range,
          text: o.text,
          context: line.trim().slice(0, 160),
          exactCase: o.exactCase,
          kind: o.change.kind === 'relabel' ? 'relabel' : 'add',
          ...(o.change.kind === 'relabel' ? { from: o.change.from } : {}),
          change: o.change,
        });
      }
    }
    const preview = occurrences.map(({ change: _change, ...o }) => o);
    if (!args.apply) return { ok: true, applied: 0, conflicts: 0, label, text: needle, occurrences: preview };
    const chosen = args.only ? occurrences.filter((_, i) => args.only!.includes(i)) : occurrences;
    let applied = 0;
    let conflicts = 0;
    const written: string[] = [];
    for (const uri of new Set(chosen.map((o) => o.uri))) {
      const r = write(uri, chosen.filter((o) => o.uri === uri).map((o) => o.change));
      applied += r.applied;
      conflicts += r.conflicts;
      written.push(...(r.written ?? []));
    }
    return { ok: true, applied, conflicts, written, label, text: needle, occurrences: preview };
  }

  function status(uri: string | undefined): AnnotationStatus {
    const articles = corpus.articles();
    const out: AnnotationStatus = { corpus: { articles: articles.length, reviewed: 0, human: { manual: 0, accepted: 0, bulk: 0 } } };
    for (const a of articles) {
      const sum = corpus.summary(a);
      if (sum.reviewed) out.corpus.reviewed++;
      for (const k of ['manual', 'accepted', 'bulk'] as const) out.corpus.human[k] += sum.human[k];
    }
    const s = uri ? stateOf(uri) : undefined;
    if (s) {
      const eff = effectiveOfState(s.state);
      out.file = {
        uri: uri!,
        reviewed: !!s.stored.sidecar.reviewed,
        ...(s.stored.sidecar.reviewed ? { reviewedBy: s.stored.sidecar.reviewed.by, reviewedAt: s.stored.sidecar.reviewed.at } : {}),
        human: s.stored.doc.entities.length,
        unconfirmed: eff.filter((e) => e.source === 'detected').length,
        rejected: s.stored.sidecar.rejected.length,
        problems: files.problems(s.stored).length,
      };
    }
    return out;
  }

  function nextUnreviewed(uri: string | undefined): NavigationTarget | null {
    const list = corpus.articles();
    const from = uri ? list.indexOf(uri) : -1;
    for (let k = 1; k <= list.length; k++) {
      const candidate = list[(from + k + list.length) % list.length];
      if (candidate !== uri && !corpus.summary(candidate).reviewed) return { uri: candidate };
    }
    return null;
  }

  function nextUnconfirmed(args: Args): NavigationTarget | null {
    const list = corpus.articles();
    const current = args.uri;
    const order = current && list.includes(current) ? [...list.slice(list.indexOf(current)), ...list.slice(0, list.indexOf(current))] : current ? [current, ...list] : list;
    for (let i = 0; i < order.length; i++) {
      const s = stateOf(order[i]);
      if (!s) continue;
      const after = i === 0 && args.position ? s.positions.offset(args.position) : -1;
      const hit = effectiveOfState(s.state).find((e) => e.source === 'detected' && e.start > after);
      if (hit) return { uri: order[i], range: s.positions.range(hit.start, hit.end) };
    }
    // Wrap around in the current file.
    const s = current ? stateOf(current) : undefined;
    const first = s && effectiveOfState(s.state).find((e) => e.source === 'detected');
    return first ? { uri: current!, range: s!.positions.range(first.start, first.end) } : null;
  }

  function entityTree(): EntityTree {
    const groups = new Map<string, Map<string, { name: string; spellings: Map<string, number>; mentions: EntityTree['groups'][number]['items'][number]['mentions'] }>>();
    for (const l of TREE_LABELS) groups.set(l, new Map());
    for (const uri of corpus.articles()) {
      const s = stateOf(uri);
      if (!s) continue;
      for (const e of effectiveOfState(s.state)) {
        const group = groups.get(e.label);
        if (!group) continue;
        const canonical = e.label === 'PER' && typeof e.value === 'string' ? e.value : e.text;
        const key = normalizedKey(canonical);
        let item = group.get(key);
        if (!item) group.set(key, (item = { name: canonical, spellings: new Map(), mentions: [] }));
        item.spellings.set(e.text, (item.spellings.get(e.text) ?? 0) + 1);
        item.mentions.push({ uri, range: s.positions.range(e.start, e.end), text: e.text, source: e.source });
      }
    }
    return {
      groups: TREE_LABELS.map((label) => ({
        label,
        items: [...groups.get(label)!.values()]
          .map((i) => ({ label, name: label === 'PER' ? i.name : mostFrequent(i.spellings), count: i.mentions.length, mentions: i.mentions }))
          .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'vi')),
      })),
    };
  }

  // ---- code actions on entities ----
  function codeActionsAt(view: ArticleView, start: number, end: number): CodeAction[] {
    if (!annotatable(view.uri)) return [];
    const here = view.entities.filter((e) => e.start <= end && start <= e.end) as EffectiveEntity[];
    const actions: CodeAction[] = [];
    const cmd = (title: string, command: string, args: object, kind: string = CodeActionKind.QuickFix, isPreferred = false): CodeAction => ({
      title,
      kind,
      isPreferred,
      command: { title, command, arguments: [{ uri: view.uri, ...args }] },
    });
    for (const e of here) {
      const span = { start: e.start, end: e.end };
      const name = `${e.label} “${clip(e.text)}”`;
      if (e.source === 'detected') {
        actions.push(cmd(`Accept ${name}`, C.accept, { ...span, label: e.label }, CodeActionKind.QuickFix, true));
        actions.push(cmd(`Reject ${name}`, C.reject, { ...span, label: e.label }));
      } else {
        actions.push(cmd(`Remove label ${name}`, C.remove, span));
      }
      for (const l of ENTITY_LABELS) if (l !== e.label) actions.push(cmd(`Relabel “${clip(e.text)}” as ${l}`, C.label, { ...span, label: l }, CodeActionKind.RefactorRewrite));
    }
    const detected = view.entities.filter((e) => (e as EffectiveEntity).source === 'detected');
    for (const l of new Set(here.filter((e) => e.source === 'detected').map((e) => e.label))) {
      const n = detected.filter((e) => e.label === l).length;
      actions.push(cmd(`Accept all ${n} ${l} detections in this file`, C.acceptAll, { label: l }, CodeActionKind.Source));
    }
    if (detected.length && here.some((e) => e.source === 'detected')) actions.push(cmd(`Accept all ${detected.length} detections in this file`, C.acceptAll, {}, CodeActionKind.Source));
    return actions;
  }

  // ---- diagnostics on the .ann itself ----
  const annUriOf = (uri: string) => URI.file(annPathOf(URI.parse(uri).fsPath)).toString();
  const publishAnnDiagnostics = (uri: string) => {
    const s = stateOf(uri);
    if (!s) return;
    const problems = files.problems(s.stored);
    const diagnostics: Diagnostic[] = problems.map((p) => ({
      range: { start: { line: p.line - 1, character: 0 }, end: { line: p.line - 1, character: p.text.length } },
      severity: p.code === 'note-without-entity' || p.code === 'duplicate-note' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
      source: DIAGNOSTIC_SOURCE,
      code: `ann-${p.code ?? 'bad-line'}`,
      message: `Line ${p.line}: ${p.message}. The line is kept as written; fix it, or remove it with the quick fix.`,
      data: { line: p.line },
    }));
    for (const sp of s.stored.sidecarProblems) diagnostics.push({ range: zero(), severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, code: 'sidecar', message: `${s.stored.sidecarFile}: ${sp.message}` });
    void session.connection.sendDiagnostics({ uri: annUriOf(uri), diagnostics });
  };
  const articleOfAnn = (annUri: string): string | undefined => {
    const p = URI.parse(annUri).fsPath;
    if (!p.toLowerCase().endsWith('.ann')) return undefined;
    return URI.file(p.slice(0, -4) + '.txt').toString();
  };

  session.documents.onDidOpen((e) => {
    if (session.isArticle(e.document.uri) && annotatable(e.document.uri)) publishAnnDiagnostics(e.document.uri);
  });
  session.onWatchedFiles.push((events) => {
    const touched = new Set<string>();
    for (const ev of events) {
      const p = URI.parse(ev.uri).fsPath;
      if (/\.ann$/i.test(p)) touched.add(URI.file(p.slice(0, -4) + '.txt').toString());
      else if (/\.vncorpus\.json$/i.test(p)) touched.add(URI.file(p.replace(/\.vncorpus\.json$/i, '.txt')).toString());
      else if (session.isArticle(ev.uri)) {
        const doc = session.documents.get(ev.uri);
        // The article was saved: offsets that followed its edits can now be written.
        if (doc && files.flushIfDirty(ev.uri, session.view(ev.uri)?.text ?? doc.getText())) touched.add(ev.uri);
      }
    }
    if (touched.size) changed([...touched]);
  });

  // Code actions on the .ann lines the reader could not use: remove the line (the user decides).
  session.overlay.annCodeActions = (uri, diagnostics) =>
    diagnostics
      .filter((d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string' && d.code.startsWith('ann-'))
      .map((d) => {
        const line = (d.data as { line?: number } | undefined)?.line ?? d.range.start.line + 1;
        const title = `Remove line ${line} from the .ann`;
        return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: C.dropAnnLine, arguments: [{ uri, line }] } };
      });

  // textDocument/codeAction is served by features/codeActions.ts, which appends
  // session.overlay.codeActions (articles) and answers .ann files with annCodeActions.
}

function articleDiagnostics(files: AnnotationFiles, a: StoredArticle): OverlayDiagnostic[] {
  const out: OverlayDiagnostic[] = [];
  if (a.unreadable) out.push({ start: 0, end: 0, severity: 1, code: 'ann-unreadable', message: `${a.unreadable}: its labels are not shown, and new ones are not saved until it can be read.` });
  const length = (a.cps?.text === a.text ? a.cps : new CodePointIndex(a.text)).length;
  for (const p of files.problems(a)) {
    const e = p.entity;
    // On the span it names when that lies in the article, else at the top.
    const start = e && e.start < length ? e.start : 0;
    const end = e && e.start < length ? Math.min(e.end, length) : 0;
    out.push({ start, end, severity: 2, code: `ann-${p.code ?? 'bad-line'}`, message: `${a.annFile.split(/[\\/]/).pop()} line ${p.line}: ${p.message}` });
  }
  return out;
}

function effectiveOfState(s: ArticleState): EffectiveEntity[] {
  return effectiveEntities({ detected: s.detected, human: s.ann.entities, rejected: s.sidecar.rejected });
}

function isLabel(l: unknown): l is string {
  return typeof l === 'string' && (ENTITY_LABELS as readonly string[]).includes(l);
}

function mostFrequent(m: Map<string, number>): string {
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

function clip(s: string): string {
  return s.length > 40 ? s.slice(0, 39) + '…' : s;
}

function zero() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** Who is annotating: $VN_CORPUS_ANNOTATOR, else the OS user. */
function annotatorName(): string {
  if (process.env.VN_CORPUS_ANNOTATOR) return process.env.VN_CORPUS_ANNOTATOR;
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
