/**
 * Roman numerals and ordinals of party terms, plenums and congresses (`khóa X`, `Đại hội
 * XIII`, `lần thứ XIX`, `lần thứ sáu`). Values are integers (guide §2, DOC values).
 */
import { NUMBER_WORDS } from './data/numberWords';
import { PhraseTable, type Tokens } from './scanTokens';

// The canonical shape of a Roman numeral up to 3999; every group is bounded, so linear.
const ROMAN = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
/** Char codes of the Roman letters, a cheap first test before the shape check. */
const ROMAN_LETTER = new Uint8Array(128);
for (const c of Object.keys(VALUES)) ROMAN_LETTER[c.charCodeAt(0)] = 1;

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
export function readOrdinal(toks: Tokens, i: number): { value: number; end: number } | null {
  if (!toks.has(i) || toks.br(i)) return null;
  if (toks.isNum(i)) {
    const n = toks.value(i);
    return n > 0 && n < 1000 ? { value: n, end: i + 1 } : null;
  }
  if (!toks.isWord(i)) return null;
  const roman = romanAt(toks, i);
  if (roman !== null) return { value: roman, end: i + 1 };
  const word = NUMBER_WORD_TABLE.match(toks, i);
  return word ? { value: word.value, end: word.end } : null;
}

/** Like readOrdinal, but only digits or a Roman numeral (a bare `năm` must not read as 5). */
export function readNumeral(toks: Tokens, i: number): { value: number; end: number } | null {
  if (!toks.has(i) || toks.br(i)) return null;
  if (toks.isNum(i)) {
    const n = toks.value(i);
    return n > 0 && n < 1000 ? { value: n, end: i + 1 } : null;
  }
  const roman = toks.isWord(i) ? romanAt(toks, i) : null;
  return roman !== null ? { value: roman, end: i + 1 } : null;
}

/** romanToInt of word token i, without building its string unless it is all Roman letters. */
function romanAt(toks: Tokens, i: number): number | null {
  const { text } = toks;
  const end = toks.endOf(i);
  for (let k = toks.startOf(i); k < end; k++) if (!ROMAN_LETTER[text.charCodeAt(k)]) return null;
  return romanToInt(toks.str(i));
}
