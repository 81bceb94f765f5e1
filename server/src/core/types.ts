/**
 * Plain data shapes shared by the whole analysis core, the server, the client and the
 * command line. Offsets in every exported shape are Unicode code points into the text
 * exactly as stored (ANNOTATION_GUIDE.md §1), half-open [start, end).
 */

/** Entity labels, in the order the guide lists them (also the id order of exports). */
export const ENTITY_LABELS = ['PER', 'TITLE', 'ORG', 'LOC', 'DATE', 'DOC'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

export const BOILERPLATE_CATEGORIES = [
  'ad', 'navigation', 'related', 'comments', 'social', 'counter', 'footer', 'duplicate',
] as const;
export type BoilerplateCategory = (typeof BOILERPLATE_CATEGORIES)[number];

export const METADATA_KINDS = ['headline', 'dateline', 'source', 'byline', 'caption', 'credit'] as const;
export type MetadataKind = (typeof METADATA_KINDS)[number];

export interface Span {
  /** Code-point offset of the first character. */
  start: number;
  /** Code-point offset just past the last character. */
  end: number;
}

/** Structured value of a DOC reference (guide §2, "Normalized values"). */
export interface DocValue {
  kind: string;
  number?: string;
  symbol?: string;
  issuer?: string;
  date?: string;
  plenum?: number;
  term?: number;
  congress?: number;
  title?: string;
}

/** How the year of a DATE value was obtained (shown in hovers). */
export type YearSource = 'explicit' | 'publication' | 'unknown';

export interface Entity extends Span {
  label: EntityLabel;
  /** The covered text exactly as stored. */
  text: string;
  /** ISO string for DATE, canonical name for PER, structured object for DOC. */
  value?: string | DocValue;
  /** True for the optional nested layer (a LOC inside an ORG, …). */
  nested: boolean;
  /** DATE only: where the year came from. */
  yearSource?: YearSource;
  /** PER only: the titles written beside this person anywhere in the article (for hovers). */
  titles?: string[];
}

export interface BoilerplateBlock extends Span {
  category: BoilerplateCategory;
  text: string;
}

export interface MetadataItem extends Span {
  kind: MetadataKind;
  text: string;
}

/** A short reference (`ông Dương`, `đồng chí Bí thư Tỉnh ủy`) pointing to a canonical person. */
export interface MentionLink extends Span {
  text: string;
  /** Normalized canonical key of the person it refers to. */
  target: string;
  /** Canonical display name of the person. */
  canonical: string;
  kind: 'short-name' | 'title';
}

export interface Analysis {
  /** ISO date of the article's own publication (dateline near the top), or null. */
  publicationDate: string | null;
  entities: Entity[];
  boilerplate: BoilerplateBlock[];
  metadata: MetadataItem[];
  links: MentionLink[];
}
