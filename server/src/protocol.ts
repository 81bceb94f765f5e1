/**
 * Custom messages between the VS Code client and the server (conventions.md §9). Both
 * sides import this file by relative path. Standard LSP covers everything else, so any
 * LSP client gets the same features; these only add UI conveniences.
 */
import { ENTITY_LABELS, type BoilerplateCategory, type EntityLabel } from './core/types';

/** The extension's name: output channel, diagnostic source, settings prefix. */
export const EXTENSION_NAME = 'VN Corpus';
export const DIAGNOSTIC_SOURCE = 'vn-corpus';
export const SETTINGS_SECTION = 'vnCorpus';
export const LANGUAGE_ID = 'vn-article';

/** Default globs of corpus articles (setting `vnCorpus.files`). */
export const DEFAULT_ARTICLE_GLOBS = ['**/*.txt'];

/** Severity of one diagnostic rule (setting `vnCorpus.diagnostics.<rule id>`); `off` hides it. */
export const SEVERITY_SETTINGS = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

/** Settings the server reads with workspace/configuration (section `vnCorpus`), per document. */
export interface CorpusSettings {
  /** Globs (relative to a workspace folder) of the files that are articles. */
  files: string[];
  /** Labels the editor shows (colours, hovers, hints, outline, highlights, Ctrl+T). */
  labels: EntityLabel[];
  inlayHints: { enabled: boolean };
  /** Severity per diagnostic rule id (server/src/features/rules.ts); missing → the rule's default. */
  diagnostics: Partial<Record<string, SeveritySetting>>;
}

export const DEFAULT_SETTINGS: CorpusSettings = {
  files: DEFAULT_ARTICLE_GLOBS,
  labels: [...ENTITY_LABELS],
  inlayHints: { enabled: true },
  diagnostics: {},
};

/** Validate what a client sent; anything malformed falls back to the default, field by field. */
export function parseSettings(raw: unknown): CorpusSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);
  const labels = strings(r.labels)?.filter((l): l is EntityLabel => (ENTITY_LABELS as readonly string[]).includes(l));
  const hints = (r.inlayHints && typeof r.inlayHints === 'object' ? r.inlayHints : {}) as Record<string, unknown>;
  const diags: Partial<Record<string, SeveritySetting>> = {};
  if (r.diagnostics && typeof r.diagnostics === 'object') {
    for (const [k, v] of Object.entries(r.diagnostics as Record<string, unknown>)) {
      if ((SEVERITY_SETTINGS as readonly unknown[]).includes(v)) diags[k] = v as SeveritySetting;
    }
  }
  return {
    files: strings(r.files) ?? DEFAULT_SETTINGS.files,
    labels: labels ?? DEFAULT_SETTINGS.labels,
    inlayHints: { enabled: typeof hints.enabled === 'boolean' ? hints.enabled : DEFAULT_SETTINGS.inlayHints.enabled },
    diagnostics: diags,
  };
}

/** Sent by the client in `initialize`: where the server may keep its index cache. */
export interface InitializationOptions {
  /** A folder private to this extension and workspace (VS Code: `context.storageUri`). */
  storagePath?: string;
}

/**
 * Command `vnCorpus.markContent` (client → server, `workspace/executeCommand`), offered by
 * the "This is content" quick fix on a boilerplate diagnostic: record in the article's
 * annotation store that the span is article content, which suppresses the diagnostic.
 * The article itself is never edited. The annotation store implements the handler.
 */
export const MARK_CONTENT_COMMAND = 'vnCorpus.markContent';

export interface MarkContentArgs {
  uri: string;
  /** Code-point offsets into the article as stored. */
  start: number;
  end: number;
  category: BoilerplateCategory;
}
