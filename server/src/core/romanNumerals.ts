/**
 * Roman numerals in context (`khóa X` → 10, `Đại hội XIII` → 13), for inlay hints. Pure:
 * text in, code-point spans and values out; one linear scan.
 */
import { MAX_ROMAN_LENGTH, ROMAN_CONTEXTS } from './data/romanContexts';
import { normalizedKey } from './normalize';
import { CodePointIndex } from './offsets';
import { romanToInt } from './roman';

/** Value of a well-formed Roman numeral (I…MMMCMXCIX), or null: the DOC/DATE parser's own. */
export const parseRoman = romanToInt;

export interface RomanHit {
  /** Code-point span of the numeral. */
  start: number;
  end: number;
  numeral: string;
  value: number;
}

const CONTEXTS = new Set(ROMAN_CONTEXTS.map(normalizedKey));
const MAX_CONTEXT_WORDS = Math.max(...ROMAN_CONTEXTS.map((c) => c.split(' ').length));

/** Every Roman numeral that follows one of the context words in data/romanContexts.ts. */
export function findRomanNumerals(text: string): RomanHit[] {
  const out: RomanHit[] = [];
  const cps = new CodePointIndex(text);
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])[IVXLCDM]+(?![\p{L}\p{N}])/gu)) {
    const numeral = m[0];
    if (numeral.length > MAX_ROMAN_LENGTH) continue;
    const value = parseRoman(numeral);
    if (value === null || !followsContext(text, m.index!)) continue;
    out.push({ start: cps.toCodePoint(m.index!), end: cps.toCodePoint(m.index! + numeral.length), numeral, value });
  }
  return out;
}

/** Do the last one to MAX_CONTEXT_WORDS words before `at` (same line) form a context? */
function followsContext(text: string, at: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
  const before = text.slice(Math.max(lineStart, at - 40), at);
  if (!/\s$/u.test(before)) return false;
  const words = normalizedKey(before).split(' ').filter(Boolean);
  for (let n = 1; n <= MAX_CONTEXT_WORDS && n <= words.length; n++) {
    if (CONTEXTS.has(words.slice(-n).join(' '))) return true;
  }
  return false;
}
