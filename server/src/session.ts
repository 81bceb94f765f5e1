/**
 * State shared by every server feature: the connection, open documents, settings, the
 * position encoding and the per-document analysis cache. Features receive the session
 * and register their handlers (one file per feature under features/, conventions.md §2).
 */
import type { CodeAction, Connection, Diagnostic } from 'vscode-languageserver/node';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import picomatch from 'picomatch';
import { analyze } from './core/analyzer';
import type { Analysis, BoilerplateBlock, Entity } from './core/types';
import { PositionMapper, type PositionEncoding } from './positions';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type CorpusSettings } from './protocol';
import type { Logger } from './runner';

/** One article as the features see it. */
export interface ArticleView {
  uri: string;
  version: number;
  text: string;
  analysis: Analysis;
  /** What the editor shows: human annotations over detections (see Session.overlay). */
  entities: Entity[];
  /** Boilerplate still flagged (spans the annotator marked as content are gone). */
  boilerplate: BoilerplateBlock[];
  positions: PositionMapper;
}

// ---- annotation overlay (features/annotations.ts plugs in here) ----
/**
 * What the annotation store plugs into the session. Every method is optional; without an
 * overlay the editor shows the detections as they are.
 */
export interface AnnotationOverlay {
  /** Entities to show for an article: human labels over detections. */
  entities?(uri: string, text: string, analysis: Analysis): Entity[];
  /** Boilerplate still to flag, without the spans recorded as content. */
  boilerplate?(uri: string, text: string, analysis: Analysis): BoilerplateBlock[];
  /** Extra diagnostics on an article (code-point spans), e.g. unusable lines of its .ann. */
  diagnostics?(view: ArticleView): OverlayDiagnostic[];
  /** Extra code actions on an article range (accept/reject/relabel a detected span). */
  codeActions?(view: ArticleView, start: number, end: number): CodeAction[];
  /** Code actions on a .ann file's diagnostics (remove an unusable line). */
  annCodeActions?(uri: string, diagnostics: Diagnostic[]): CodeAction[];
}

export interface OverlayDiagnostic {
  start: number;
  end: number;
  message: string;
  code: string;
  /** LSP DiagnosticSeverity (1 error … 4 hint). */
  severity: 1 | 2 | 3 | 4;
}

export type CommandHandler = (args: unknown[]) => unknown;
// ---- end annotation overlay ----

export class Session {
  readonly documents = new TextDocuments(TextDocument);
  encoding: PositionEncoding = 'utf-16';
  settings: CorpusSettings = DEFAULT_SETTINGS;
  workspaceRoots: string[] = [];
  configurationSupport = false;
  private matcher = picomatch(DEFAULT_SETTINGS.files);
  private readonly cache = new Map<string, ArticleView>();
  /** Hooks run when settings change (features re-publish). */
  readonly onSettingsChanged: Array<() => void> = [];
  // ---- annotation overlay ----
  overlay: AnnotationOverlay = {};
  /** Server-side command handlers (workspace/executeCommand), by command id. */
  readonly commands = new Map<string, CommandHandler>();
  /** Hooks run when shown entities/boilerplate changed without a text edit. */
  readonly onInvalidated: Array<(uri: string | undefined) => void> = [];
  /** Hooks run on workspace/didChangeWatchedFiles (server.ts fans the one LSP handler out). */
  readonly onWatchedFiles: Array<(changes: Array<{ uri: string; type: number }>) => void> = [];
  /** Views whose overlay must be laid again (their analysis is still good: same text). */
  private readonly stale = new Set<string>();
  // ---- end annotation overlay ----

  constructor(
    readonly connection: Connection,
    readonly log: Logger,
  ) {
    this.documents.onDidClose((e) => this.cache.delete(e.document.uri));
  }

  async refreshSettings(): Promise<void> {
    if (this.configurationSupport) {
      const s = (await this.connection.workspace.getConfiguration(SETTINGS_SECTION)) as Partial<CorpusSettings> | null;
      this.settings = { ...DEFAULT_SETTINGS, ...(s ?? {}) };
    }
    this.matcher = picomatch(this.settings.files, { dot: false });
    this.cache.clear();
    for (const hook of this.onSettingsChanged) hook();
  }

  /** Is this URI a corpus article under the `files` globs (relative to a workspace folder)? */
  isArticle(uri: string): boolean {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file' && parsed.scheme !== 'untitled') return false;
    const file = parsed.fsPath.replace(/\\/g, '/');
    for (const root of this.workspaceRoots) {
      const prefix = root.replace(/\\/g, '/').replace(/\/$/, '') + '/';
      if (file.startsWith(prefix) && this.matcher(file.slice(prefix.length))) return true;
    }
    return this.workspaceRoots.length === 0 && this.matcher(file.split('/').pop() ?? '');
  }

  /** The analysed view of an open article, cached by version; undefined when not an article. */
  view(uri: string): ArticleView | undefined {
    const doc = this.documents.get(uri);
    if (!doc || !this.isArticle(uri)) return undefined;
    const hit = this.cache.get(uri);
    const sameText = hit && hit.version === doc.version;
    if (sameText && !this.stale.has(uri)) return hit;
    this.stale.delete(uri);
    const text = doc.getText();
    // A decision recorded without an edit re-lays the overlay only: no re-analysis.
    const analysis = sameText ? hit.analysis : analyze(text);
    const entry: ArticleView = {
      uri,
      version: doc.version,
      text,
      analysis,
      entities: this.overlay.entities?.(uri, text, analysis) ?? analysis.entities,
      boilerplate: this.overlay.boilerplate?.(uri, text, analysis) ?? analysis.boilerplate,
      positions: sameText ? hit.positions : new PositionMapper(text, this.encoding),
    };
    this.cache.set(uri, entry);
    return entry;
  }

  // ---- annotation overlay ----
  /** Shown entities or boilerplate changed without an edit: refresh the view(s). No uri → every article. */
  invalidate(uri?: string): void {
    if (uri) this.stale.add(uri);
    else for (const k of this.cache.keys()) this.stale.add(k);
    for (const hook of this.onInvalidated) hook(uri);
  }

  /** Register a workspace/executeCommand handler (server.ts advertises every id registered). */
  registerCommand(id: string, handler: CommandHandler): void {
    this.commands.set(id, handler);
  }
  // ---- end annotation overlay ----
}
