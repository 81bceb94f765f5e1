/**
 * Words that may stand between an office and the name of its holder, or between two
 * offices of one holder, in Vietnamese political news. Used to collect "the titles seen
 * beside a person" for hovers (corpusIndex.ts). All entries are normalized keys
 * (lowercase NFC, one placement of tone marks, single spaces).
 */

/** Honorifics between a title and a name: `Bí thư Tỉnh ủy, đồng chí Nguyễn Xuân Ký`. */
export const HONORIFICS: readonly string[] = ['đồng chí', 'đ/c', 'ông', 'bà', 'ngài', 'anh', 'chị', 'thượng tướng', 'trung tướng', 'thiếu tướng', 'đại tướng'];

/** Joiners between two titles held by one person: `Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh`. */
export const TITLE_JOINERS: readonly string[] = [',', 'kiêm', ', kiêm', 'và', ';'];

/** Separators between a name and an appositive title after it: `Nguyễn Văn A, Bí thư …`. */
export const APPOSITIVE_SEPARATORS: readonly string[] = [',', '-', '–', '—', '('];

/** How many titles to chain from one name (an overlong chain is a list, not one holder). */
export const MAX_TITLE_CHAIN = 4;
