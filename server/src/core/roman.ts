/**
 * Roman numerals and ordinals of party terms, plenums and congresses (`khóa X`, `Đại hội
 * XIII`, `lần thứ XIX`, `lần thứ sáu`). Values are integers (guide §2, DOC values).
 */
import { NUMBER_WORDS } from './data/numberWords';
import { PhraseTable, type Tok } from './scanTokens';

// The canonical shape of a Roman numeral up to 3999; every group is bounded, so linear.
const ROMAN = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** Value of an upper-case Roman numeral, or null when the string is not a valid one. */
export function romanToInt(s: string): number | null {
  if (!s || !ROMAN.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = VALUES[s[i]];
    const next = VALUES[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const NUMBER_WORD_TABLE = new PhraseTable(NUMBER_WORDS);

/**
 * An ordinal at token i: digits (`4`), a Roman numeral (`XII`) or number words (`sáu`,
 * `mười hai`). Returns its value and the index just past it.
 */
export function readOrdinal(toks: readonly Tok[], i: number): { value: number; end: number } | null {
  const t = toks[i];
  if (!t || t.br) return null;
  if (t.kind === 'num') {
    const n = Number(t.text);
    return n > 0 && n < 1000 ? { value: n, end: i + 1 } : null;
  }
  if (t.kind !== 'word') return null;
  const roman = romanToInt(t.text);
  if (roman !== null) return { value: roman, end: i + 1 };
  const word = NUMBER_WORD_TABLE.match(toks, i);
  return word ? { value: word.value, end: word.end } : null;
}

/** Like readOrdinal, but only digits or a Roman numeral (a bare `năm` must not read as 5). */
export function readNumeral(toks: readonly Tok[], i: number): { value: number; end: number } | null {
  const t = toks[i];
  if (!t || t.br) return null;
  if (t.kind === 'num') {
    const n = Number(t.text);
    return n > 0 && n < 1000 ? { value: n, end: i + 1 } : null;
  }
  const roman = t.kind === 'word' ? romanToInt(t.text) : null;
  return roman !== null ? { value: roman, end: i + 1 } : null;
}
