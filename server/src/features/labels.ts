/**
 * One row per entity label: its semantic token type (a custom type with a standard
 * super type, so any theme colours it — conventions.md §12), the TextMate scopes themes
 * know, the outline symbol kind and the Vietnamese name hovers use. package.json's
 * `semanticTokenTypes`/`semanticTokenScopes` must agree (test/unit/manifest.test.ts).
 */
import { SymbolKind } from 'vscode-languageserver/node';
import { ENTITY_LABELS, type EntityLabel } from '../core/types';

export interface LabelRow {
  label: EntityLabel;
  tokenType: string;
  superType: string;
  /** Most specific first; a theme uses the first scope it has a rule for. */
  scopes: string[];
  symbolKind: SymbolKind;
  /** Vietnamese name shown in hovers and the outline. */
  vi: string;
  /** English name for the manifest's token type description. */
  en: string;
}

export const LABEL_TABLE: readonly LabelRow[] = [
  { label: 'PER', tokenType: 'person', superType: 'variable', scopes: ['entity.name.person.vn-article', 'entity.name.function'], symbolKind: SymbolKind.Variable, vi: 'Người', en: 'A person (PER)' },
  { label: 'TITLE', tokenType: 'jobTitle', superType: 'keyword', scopes: ['entity.name.title.vn-article', 'keyword.control'], symbolKind: SymbolKind.Property, vi: 'Chức danh', en: 'An office or role (TITLE)' },
  { label: 'ORG', tokenType: 'organization', superType: 'class', scopes: ['entity.name.organization.vn-article', 'entity.name.type.class'], symbolKind: SymbolKind.Class, vi: 'Tổ chức', en: 'A named body (ORG)' },
  { label: 'LOC', tokenType: 'place', superType: 'namespace', scopes: ['entity.name.place.vn-article', 'entity.name.tag'], symbolKind: SymbolKind.Namespace, vi: 'Địa danh', en: 'A named place (LOC)' },
  { label: 'DATE', tokenType: 'date', superType: 'number', scopes: ['constant.numeric.date.vn-article', 'constant.numeric'], symbolKind: SymbolKind.Event, vi: 'Thời gian', en: 'A date or period (DATE)' },
  { label: 'DOC', tokenType: 'legalDocument', superType: 'string', scopes: ['entity.name.type.document.vn-article', 'string.quoted'], symbolKind: SymbolKind.File, vi: 'Văn bản', en: 'A party or state document (DOC)' },
];

const BY_LABEL = new Map(LABEL_TABLE.map((r) => [r.label, r]));

export function labelRow(label: EntityLabel): LabelRow {
  return BY_LABEL.get(label) ?? LABEL_TABLE[0];
}

/** Boilerplate lines are coloured with the standard `comment` type (themes dim it). */
export const BOILERPLATE_TOKEN_TYPE = 'comment';

/** The semantic tokens legend: one type per label in ENTITY_LABELS order, then boilerplate. */
export const TOKEN_TYPES: readonly string[] = [...ENTITY_LABELS.map((l) => labelRow(l).tokenType), BOILERPLATE_TOKEN_TYPE];
export const TOKEN_MODIFIERS: readonly string[] = ['nested'];
