/**
 * State shared by every server feature: the connection, open documents, settings, the
 * position encoding and the per-document analysis cache. Features receive the session
 * and register their handlers (one file per feature under features/, conventions.md §2).
 */
import type { Connection } from 'vscode-languageserver/node';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import picomatch from 'picomatch';
import { analyze } from './core/analyzer';
import type { Analysis, Entity } from './core/types';
import { PositionMapper, type PositionEncoding } from './positions';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type CorpusSettings } from './protocol';
import type { Logger } from './runner';

/** One article as the features see it. */
export interface ArticleView {
  uri: string;
  version: number;
  text: string;
  analysis: Analysis;
  /** What the editor shows: human annotations over detections (see annotations). */
  entities: Entity[];
  positions: PositionMapper;
}

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
    if (hit && hit.version === doc.version) return hit;
    const text = doc.getText();
    const analysis = analyze(text);
    const entry: ArticleView = {
      uri,
      version: doc.version,
      text,
      analysis,
      entities: analysis.entities,
      positions: new PositionMapper(text, this.encoding),
    };
    this.cache.set(uri, entry);
    return entry;
  }
}
