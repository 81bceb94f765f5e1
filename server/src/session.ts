/**
 * State shared by every server feature: the connection, open documents, settings (per
 * document, through workspace/configuration), the position encoding, the per-document
 * analysis cache and the corpus index. Features receive the session and register their
 * handlers (one file per feature under features/, conventions.md §2).
 *
 * `view(uri).entities` is the single source of entities every feature reads: detections
 * with the annotation store's human labels laid over them (see `overlay`).
 */
import type { ClientCapabilities, CodeAction, Connection, Diagnostic, Location } from 'vscode-languageserver/node';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import picomatch from 'picomatch';
import { analyzeInStages } from './core/analyzer';
import { CorpusIndex, entityId, summarize, type EntityId, type FileSummary } from './core/corpusIndex';
import type { Analysis, BoilerplateBlock, Entity } from './core/types';
import { ArticleGuard } from './articleGuard';
import { readArticle } from './fsCorpus';
import { storedText } from './storedText';
import { PositionMapper, type PositionEncoding } from './positions';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_SECTION, type CorpusSettings, type InitializationOptions } from './protocol';
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
  /** Corpus id of each entity in `entities` (same order). */
  ids: EntityId[];
}

/** How long typing must pause before an editor's new analysis updates the corpus index (unless a feature reads the index first). */
const INDEX_UPDATE_DELAY_MS = 300;
/** Longest an update waits while typing goes on without a pause. */
const INDEX_UPDATE_MAX_WAIT_MS = 2000;

// ---- annotation overlay (features/annotations.ts plugs in here) ----
/**
 * What the annotation store plugs into the session. Every method is optional; without an
 * overlay the editor shows the detections as they are.
 */
export interface AnnotationOverlay {
  /**
   * Entities to show for an article, human labels over detections, merged later: reads what
   * the merge needs for this text now (so a view built for an older text never re-reads the
   * store) and merges when the returned function is called.
   */
  entitiesLater?(uri: string, text: string, analysis: Analysis): () => Entity[];
  /** Boilerplate still to flag, without the spans recorded as content. */
  boilerplate?(uri: string, text: string, analysis: Analysis): BoilerplateBlock[];
  /** Extra diagnostics on an article (code-point spans), e.g. unusable lines of its .ann. */
  diagnostics?(view: ArticleView): OverlayDiagnostic[];
  /** Extra code actions on an article range (accept/reject/relabel a detected span). */
  codeActions?(view: ArticleView, start: number, end: number): CodeAction[];
  /** Code actions on a .ann file's diagnostics (remove an unusable line). */
  annCodeActions?(uri: string, diagnostics: Diagnostic[]): CodeAction[];
  /** An annotation of this entity to jump to (go to definition); undefined → first mention in the corpus. */
  definition?(id: EntityId): { uri: string; start: number; end: number } | undefined;
}

export interface OverlayDiagnostic {
  start: number;
  end: number;
  message: string;
  code: string;
  /** LSP DiagnosticSeverity (1 error … 4 hint). */
  severity: 1 | 2 | 3 | 4;
}
// ---- end annotation overlay ----

/** The canonical form of a URI, so an editor's and the disk's URI of one file are one index key. */
export function canonicalUri(uri: string): string {
  let c = CANONICAL.get(uri);
  if (c === undefined) {
    try {
      c = URI.parse(uri).toString();
    } catch {
      c = uri;
    }
    // Asked on every hover and edit for the same few URIs; a pure function, remembered.
    if (CANONICAL.size >= 20_000) CANONICAL.clear();
    CANONICAL.set(uri, c);
  }
  return c;
}
const CANONICAL = new Map<string, string>();

export type CommandHandler = (args: unknown[]) => unknown;

export class Session {
  readonly documents = new TextDocuments(TextDocument);
  private readonly corpus = new CorpusIndex();
  /** Index updates from editors not applied yet, by document URI (see deferIndexUpdate). */
  private readonly pendingIndex = new Map<string, () => void>();
  private pendingTimer: NodeJS.Timeout | undefined;
  /** When the oldest pending update arrived (performance.now()). */
  private pendingSince = 0;
  encoding: PositionEncoding = 'utf-16';
  /** Settings of the window (no scope): used where no document is involved. */
  settings: CorpusSettings = DEFAULT_SETTINGS;
  workspaceRoots: string[] = [];
  /** Workspace folder URIs, parallel to workspaceRoots. */
  workspaceFolders: string[] = [];
  configurationSupport = false;
  clientCapabilities: ClientCapabilities = {};
  initOptions: InitializationOptions = {};
  overlay: AnnotationOverlay = {};
  /** Server-side command handlers (workspace/executeCommand), by command id. */
  readonly commands = new Map<string, CommandHandler>();
  /** Hooks run after settings change (features refresh, the indexer rescans). */
  readonly onSettingsChanged: Array<() => void> = [];
  /** Hooks run when an open article was analysed anew (the indexer updates the corpus). */
  readonly onViewChanged: Array<(view: ArticleView) => void> = [];
  /** Hooks run when shown entities/boilerplate changed without a text edit (overlay, settings). */
  readonly onInvalidated: Array<(uri: string | undefined) => void> = [];
  /** Hooks run on workspace/didChangeWatchedFiles (server.ts fans the one LSP handler out). */
  readonly onWatchedFiles: Array<(changes: Array<{ uri: string; type: number }>) => void> = [];
  /** Views whose overlay must be laid again (their analysis is still good: same text). */
  private readonly stale = new Set<string>();

  private folderSettings = new Map<string, CorpusSettings>();
  private matchers = new Map<string, picomatch.Matcher>();
  private readonly docSettings = new Map<string, Promise<CorpusSettings>>();
  private readonly cache = new Map<string, ArticleView>();
  /** Binary and oversized documents are not analysed (articleGuard.ts). */
  readonly guard: ArticleGuard;

  constructor(
    readonly connection: Connection,
    readonly log: Logger,
  ) {
    this.guard = new ArticleGuard(log, (m) => void connection.window.showWarningMessage(m));
    this.documents.onDidClose((e) => {
      this.guard.forget(e.document.uri);
      this.cache.delete(e.document.uri);
      this.docSettings.delete(e.document.uri);
      this.pendingIndex.delete(e.document.uri); // the disk version is read again
    });
  }

  /** The corpus index, with every pending editor update applied first. */
  get index(): CorpusIndex {
    if (this.pendingIndex.size > 0) this.flushIndex();
    return this.corpus;
  }

  /** The corpus index without applying pending editor updates: for readers that skip open articles. */
  get indexAsIs(): CorpusIndex {
    return this.corpus;
  }

  /**
   * Apply an editor's index update a little later: typing then costs one analysis per
   * edit and no index work, and diagnostics go out first. Any read of `index` applies
   * pending updates at once, so answers never lag behind the editor.
   */
  deferIndexUpdate(uri: string, update: () => void): void {
    const now = performance.now();
    if (this.pendingIndex.size === 0) this.pendingSince = now;
    this.pendingIndex.set(uri, update);
    // Each keystroke pushes the update back (a summary of a 100 KB article costs several ms,
    // which would otherwise land in the middle of typing), up to the longest wait.
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    const delay = Math.max(0, Math.min(INDEX_UPDATE_DELAY_MS, this.pendingSince + INDEX_UPDATE_MAX_WAIT_MS - now));
    this.pendingTimer = setTimeout(() => this.flushIndex(), delay);
    this.pendingTimer.unref?.();
  }

  private flushIndex(): void {
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    this.pendingTimer = undefined;
    const updates = [...this.pendingIndex.values()];
    this.pendingIndex.clear();
    for (const update of updates) update();
  }

  /** Re-read settings: the window's, each folder's (for `files`), and forget per-document ones. */
  async refreshSettings(pushed?: unknown): Promise<void> {
    if (this.configurationSupport) {
      const scopes = [undefined, ...this.workspaceFolders];
      const got = (await this.connection.workspace.getConfiguration(
        scopes.map((scopeUri) => ({ scopeUri, section: SETTINGS_SECTION })),
      )) as unknown[];
      this.settings = parseSettings(got[0]);
      this.folderSettings = new Map(this.workspaceFolders.map((f, i) => [f, parseSettings(got[i + 1] ?? got[0])]));
    } else if (pushed !== undefined) {
      this.settings = parseSettings((pushed as Record<string, unknown> | null)?.[SETTINGS_SECTION]);
      this.folderSettings = new Map();
    }
    this.matchers = new Map();
    this.docSettings.clear();
    this.cache.clear();
    for (const hook of this.onSettingsChanged) hook();
  }

  /** Settings for one document (workspace/configuration with its scope), cached until they change. */
  settingsFor(uri: string): Promise<CorpusSettings> {
    if (!this.configurationSupport) return Promise.resolve(this.settings);
    let hit = this.docSettings.get(uri);
    if (!hit) {
      hit = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(parseSettings, () => this.settings);
      this.docSettings.set(uri, hit);
    }
    return hit;
  }

  /** The `files` globs of a workspace folder. */
  folderFiles(folder: string): string[] {
    return this.folderSettings.get(folder)?.files ?? this.settings.files;
  }

  /** The workspace folder URI containing a file URI, if any. */
  folderOf(uri: string): string | undefined {
    let best: string | undefined;
    for (const f of this.workspaceFolders) {
      const prefix = f.endsWith('/') ? f : f + '/';
      if (uri.startsWith(prefix) && (!best || f.length > best.length)) best = f;
    }
    return best;
  }

  private matcher(folder: string | undefined): picomatch.Matcher {
    const key = folder ?? '';
    let m = this.matchers.get(key);
    if (!m) {
      const globs = (folder && this.folderSettings.get(folder)?.files) || this.settings.files;
      m = picomatch(globs, { dot: false });
      this.matchers.set(key, m);
    }
    return m;
  }

  /** Is this URI a corpus article under the `files` globs (relative to its workspace folder)? */
  isArticle(uri: string): boolean {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file' && parsed.scheme !== 'untitled') return false;
    const file = parsed.fsPath.replace(/\\/g, '/');
    for (let i = 0; i < this.workspaceRoots.length; i++) {
      const prefix = this.workspaceRoots[i].replace(/\\/g, '/').replace(/\/$/, '') + '/';
      if (file.startsWith(prefix) && this.matcher(this.workspaceFolders[i])(file.slice(prefix.length))) return true;
    }
    return this.workspaceRoots.length === 0 && this.matcher(undefined)(file.split('/').pop() ?? '');
  }

  /** The analysed view of an open article, cached by version; undefined when not an article. */
  view(uri: string): ArticleView | undefined {
    const doc = this.documents.get(uri);
    if (!doc || !this.isArticle(uri)) return undefined;
    if (this.guard.declined(uri, doc.version, doc.getText())) return undefined; // binary or too large: said once
    const hit = this.cache.get(uri);
    const sameText = hit && hit.version === doc.version;
    if (sameText && !this.stale.has(uri)) return hit;
    this.stale.delete(uri);
    // A decision recorded without an edit re-lays the overlay only: no re-analysis.
    const stored = sameText ? undefined : storedText(uri, doc.getText()); // a BOM the editor stripped is put back
    const entry = stored ? this.buildView(uri, doc.version, stored.text, undefined, stored.clientSeesBom) : this.relay(hit!);
    this.cache.set(uri, entry);
    for (const hook of this.onViewChanged) hook(entry);
    return entry;
  }

  /** Analyse a text (entities on first read, see analyzeInStages) and lay the overlay over it (also used for closed files by the indexer). */
  buildView(uri: string, version: number, text: string, analysis: Analysis = analyzeInStages(text), clientSeesBom = false): ArticleView {
    return this.lay(uri, version, text, analysis, new PositionMapper(text, this.encoding, clientSeesBom));
  }

  /** The same text and analysis with the overlay laid again. */
  private relay(v: ArticleView): ArticleView {
    return this.lay(v.uri, v.version, v.text, v.analysis, v.positions);
  }

  /**
   * A view whose entities (human labels merged over detections) and ids are computed on
   * first read: diagnostics after an edit need neither, so merging thousands of labels
   * stays out of the edit → diagnostics path and happens when a feature asks.
   */
  private lay(uri: string, version: number, text: string, analysis: Analysis, positions: PositionMapper): ArticleView {
    const overlay = this.overlay;
    let entities: Entity[] | undefined;
    let ids: EntityId[] | undefined;
    const later = overlay.entitiesLater?.(uri, text, analysis);
    const boilerplate = overlay.boilerplate?.(uri, text, analysis) ?? analysis.boilerplate;
    return {
      uri,
      version,
      text,
      analysis,
      get entities(): Entity[] {
        return (entities ??= later ? later() : analysis.entities);
      },
      boilerplate,
      positions,
      get ids(): EntityId[] {
        return (ids ??= this.entities.map(entityId));
      },
    };
  }

  /** The compact index summary of a view. */
  summaryOf(view: ArticleView): FileSummary {
    return summarize({
      uri: canonicalUri(view.uri),
      text: view.text,
      entities: view.entities,
      links: view.analysis.links,
      rangeOf: (s, e) => {
        const r = view.positions.range(s, e);
        return [r.start.line, r.start.character, r.end.line, r.end.character];
      },
    });
  }

  /**
   * Shown entities or boilerplate changed without an edit (the annotation store recorded a
   * decision): drop the cached view(s) and let features refresh. No uri → every article.
   */
  invalidate(uri?: string): void {
    if (uri) this.stale.add(uri);
    else for (const k of this.cache.keys()) this.stale.add(k);
    for (const hook of this.onInvalidated) hook(uri);
  }

  /** An LSP location for a code-point span of any article: open editors first, else the file on disk. */
  locate(uri: string, start: number, end: number): Location | undefined {
    const open = this.documents.get(uri);
    let positions: PositionMapper | undefined;
    if (open) positions = this.view(uri)?.positions ?? new PositionMapper(open.getText(), this.encoding, true);
    else {
      const read = readArticle(URI.parse(uri).fsPath);
      if (read.ok) positions = new PositionMapper(read.text, this.encoding);
    }
    return positions && { uri, range: positions.range(start, end) };
  }

  /** Register a workspace/executeCommand handler (server.ts advertises every id registered). */
  registerCommand(id: string, handler: CommandHandler): void {
    this.commands.set(id, handler);
  }
}
