/**
 * Custom messages between the VS Code client and the server (conventions.md §9). Both
 * sides import this file by relative path. Standard LSP covers everything else, so any
 * LSP client gets the same features; these only add UI conveniences.
 */

/** The extension's name: output channel, diagnostic source, settings prefix. */
export const EXTENSION_NAME = 'VN Corpus';
export const DIAGNOSTIC_SOURCE = 'vn-corpus';
export const SETTINGS_SECTION = 'vnCorpus';
export const LANGUAGE_ID = 'vn-article';

/** Default globs of corpus articles (setting `vnCorpus.files`). */
export const DEFAULT_ARTICLE_GLOBS = ['**/*.txt'];

/** Settings the server reads with workspace/configuration (section `vnCorpus`). */
export interface CorpusSettings {
  files: string[];
}

export const DEFAULT_SETTINGS: CorpusSettings = {
  files: DEFAULT_ARTICLE_GLOBS,
};

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
  code?: 'no-article' | 'no-span' | 'nothing-to-do' | 'conflict' | 'write-failed' | 'unreadable-sidecar';
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
