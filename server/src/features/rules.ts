/**
 * Diagnostic rules with stable ids (conventions.md §7). One id is: the diagnostic code,
 * the setting key `vnCorpus.diagnostics.<id>`, the default severity, the message, and the
 * code actions offered. package.json's settings must agree (test/unit/manifest.test.ts).
 */
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { BOILERPLATE_CATEGORIES, type BoilerplateCategory } from '../core/types';
import type { CorpusSettings, SeveritySetting } from '../protocol';

export type RuleKind = 'boilerplate' | 'decomposed' | 'toneMarks' | 'undecodable';

export interface DiagnosticRule {
  id: string;
  kind: RuleKind;
  defaultSeverity: SeveritySetting;
  /** Vietnamese name used in messages and hovers. */
  vi: string;
  /** English description for the settings UI. */
  en: string;
}

const BOILERPLATE_NAMES: Record<BoilerplateCategory, [string, string]> = {
  ad: ['quảng cáo', 'advertising placeholders'],
  navigation: ['điều hướng trang', 'menus, share/print controls, widget headings'],
  related: ['tin liên quan', '"related news" headings and teasers'],
  comments: ['bình luận', 'comment counters and prompts'],
  social: ['mạng xã hội', 'social network, fanpage and QR widgets'],
  counter: ['thống kê truy cập', 'visitor statistics'],
  footer: ['chân trang', 'CMS credits, copyright, contact blocks'],
  duplicate: ['đoạn lặp lại', 'lines or paragraphs repeated verbatim'],
};

export const RULES: readonly DiagnosticRule[] = [
  ...BOILERPLATE_CATEGORIES.map((c): DiagnosticRule => ({
    id: c,
    kind: 'boilerplate',
    defaultSeverity: 'warning',
    vi: BOILERPLATE_NAMES[c][0],
    en: `Boilerplate: ${BOILERPLATE_NAMES[c][1]}.`,
  })),
  { id: 'decomposedText', kind: 'decomposed', defaultSeverity: 'information', vi: 'dấu tổ hợp (NFD)', en: 'Text stored with decomposed diacritics (Unicode NFD).' },
  { id: 'mixedToneMarks', kind: 'toneMarks', defaultSeverity: 'information', vi: 'bỏ dấu thanh không thống nhất', en: 'One article mixes tone-mark placements (hòa/hoà, ủy/uỷ).' },
  {
    id: 'replacementCharacters',
    kind: 'undecodable',
    defaultSeverity: 'information',
    vi: 'ký tự không giải mã được',
    en: 'The text holds U+FFFD replacement characters: bytes of the file that were not valid UTF-8 (another encoding such as Windows-1258, VNI or TCVN3?).',
  },
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function rule(id: string): DiagnosticRule | undefined {
  return BY_ID.get(id);
}

/** The LSP severity a rule has under these settings, or null when the rule is off. */
export function severityOf(id: string, settings: CorpusSettings): DiagnosticSeverity | null {
  const s = settings.diagnostics[id] ?? BY_ID.get(id)?.defaultSeverity ?? 'warning';
  switch (s) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
    default:
      return null;
  }
}
