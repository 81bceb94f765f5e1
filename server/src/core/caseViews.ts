/**
 * The view lower- and upper-cased once per article, shared by the tokenizers (wordScan.ts,
 * scanTokens.ts): a token's key is then one slice and its casing a few char comparisons,
 * with no case conversion per token. Only when casing keeps the length (it does for
 * Vietnamese; `ß` or `İ` would not); otherwise undefined and callers convert per token.
 */
export interface CaseViews {
  lower: string;
  upper: string;
}

// The analyzer tokenizes one article at a time: remember the last one.
let last: { text: string; views: CaseViews | undefined } | undefined;

export function caseViews(text: string): CaseViews | undefined {
  if (last?.text !== text) {
    const lower = text.toLowerCase();
    const upper = text.toUpperCase();
    last = { text, views: lower.length === text.length && upper.length === text.length ? { lower, upper } : undefined };
  }
  return last.views;
}
