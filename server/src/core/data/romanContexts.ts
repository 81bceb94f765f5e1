/**
 * Words after which Vietnamese political texts write an ordinal in Roman numerals:
 * a term (`khóa X`, `nhiệm kỳ`), a congress (`Đại hội XIII`, `lần thứ XIX`), a plenum
 * (`Hội nghị Trung ương V` is rarer, usually Arabic). Normalized keys (lowercase NFC,
 * tone on the first vowel), matched against the normalized word(s) right before the numeral.
 */
export const ROMAN_CONTEXTS: readonly string[] = ['khóa', 'đại hội', 'lần thứ', 'hội nghị trung ương', 'kỳ họp thứ'];

/** Longest numeral we convert (beyond this it is more likely an abbreviation). */
export const MAX_ROMAN_LENGTH = 8;
