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

// ---- annotation workflow (server/src/features/annotations.ts ↔ client/src/annotate.ts) ----
/**
 * Server commands (`workspace/executeCommand`), so any LSP client can annotate. Every
 * command takes one argument object. A span is given as `range` (LSP range in the
 * negotiated encoding) or as `start`/`end` (code points into the article as stored); a
 * command acting on "the entity here" also accepts `position` (LSP). Each answers with
 * an `AnnotationResult` unless noted. The client's own UI commands have other ids (VS Code
 * registers these ids itself for the language client).
 */
export const ANNOTATION_COMMANDS = {
  /** {uri, range|start,end, label} → label the span (or relabel the human span on it). */
  label: 'vnCorpus.annotate.label',
  /** {uri, range|start,end|position} → delete human labels there and reject detections there. */
  remove: 'vnCorpus.annotate.remove',
  /** {uri, range|start,end|position, label?} → confirm a detection (it becomes a human label). */
  accept: 'vnCorpus.annotate.accept',
  /** {uri, range|start,end|position, label?} → reject a detection (recorded in the sidecar). */
  reject: 'vnCorpus.annotate.reject',
  /** {uri, label?} → accept every unconfirmed detection in the file (of one label). */
  acceptAll: 'vnCorpus.annotate.acceptAll',
  /** {uri, range|start,end, label, scope: 'file'|'corpus', apply?: boolean, only?: number[]} → IdenticalPreview, or applies (all or the `only` indexes of the preview). */
  labelIdentical: 'vnCorpus.annotate.labelIdentical',
  /** {uri, reviewed: boolean} → mark the article reviewed / not reviewed. */
  setReviewed: 'vnCorpus.annotate.setReviewed',
  /** {uri, start, end, category} → record that a boilerplate span is content (see MarkContentArgs). */
  markContent: 'vnCorpus.markContent',
  /** {uri (of the .ann), line (1-based)} → delete one unusable line of a .ann after the user decided. */
  dropAnnLine: 'vnCorpus.annotate.dropAnnLine',
  /** {uri?} → AnnotationStatus (status bar). */
  status: 'vnCorpus.annotate.status',
  /** {uri?} → NavigationTarget | null: the next article (in path order, wrapping) not reviewed. */
  nextUnreviewed: 'vnCorpus.annotate.nextUnreviewed',
  /** {uri, position?} → NavigationTarget | null: the next unconfirmed detection after the position, this file then the next files. */
  nextUnconfirmed: 'vnCorpus.annotate.nextUnconfirmed',
  /** {} → EntityTree (Entities view). */
  entityTree: 'vnCorpus.annotate.entityTree',
} as const;

/** Server → client notification: annotations of these articles changed (refresh status bar, tree). */
export const ANNOTATIONS_CHANGED_NOTIFICATION = 'vnCorpus/annotationsChanged';
export interface AnnotationsChangedParams {
  uris: string[];
}

export interface AnnotationResult {
  ok: boolean;
  /** Changes written. */
  applied: number;
  /** Changes not applied because another window changed or removed their target (see message). */
  conflicts: number;
  /** Another window had changed the files; our changes were merged onto its version. */
  merged?: boolean;
  /** Files written (.ann and sidecars). */
  written?: string[];
  /** Why nothing happened, or what needs attention (English; `code` is stable). */
  message?: string;
  /** `unreadable`: the .ann or sidecar is a folder, a broken link or not permitted; `busy`: another window holds the write lock. */
  code?: 'no-article' | 'no-span' | 'nothing-to-do' | 'conflict' | 'write-failed' | 'unreadable-sidecar' | 'unreadable' | 'busy';
}

export interface IdenticalOccurrence {
  uri: string;
  start: number;
  end: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
  /** The line around it, for the preview. */
  context: string;
  /** Same capitalisation as the labelled mention. */
  exactCase: boolean;
  kind: 'add' | 'relabel';
  /** Current human label when kind is relabel. */
  from?: string;
}

export interface IdenticalPreview extends AnnotationResult {
  label: string;
  text: string;
  occurrences: IdenticalOccurrence[];
}

export interface AnnotationStatus {
  file?: {
    uri: string;
    reviewed: boolean;
    reviewedBy?: string;
    reviewedAt?: string;
    human: number;
    /** Detections shown and not confirmed. */
    unconfirmed: number;
    rejected: number;
    /** Unusable .ann lines (diagnostics). */
    problems: number;
  };
  corpus: {
    articles: number;
    reviewed: number;
    /** Human labels in every .ann of the corpus, by how they were made (sidecar provenance; unknown → manual). */
    human: { manual: number; accepted: number; bulk: number };
  };
}

export interface NavigationTarget {
  uri: string;
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface EntityTreeMention {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
  source: 'human' | 'detected';
}

export interface EntityTreeItem {
  label: string;
  /** Display name (canonical name for a person, else the most frequent spelling). */
  name: string;
  count: number;
  mentions: EntityTreeMention[];
}

export interface EntityTree {
  /** Groups in display order: PER, ORG, LOC, DOC. */
  groups: Array<{ label: string; items: EntityTreeItem[] }>;
}
// ---- end annotation workflow ----
