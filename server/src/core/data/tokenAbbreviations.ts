/**
 * Abbreviations that end in a period in Vietnamese news and must keep it: the period is
 * part of the token and does not end a sentence (`TP. Hồ Chí Minh`, `PGS.TS. Nguyễn Văn A`,
 * `ThS. Lê B`). Keys are compared case-sensitively without the final period, because
 * `Tp.` and `TP.` are both written but `tp.` at the end of a word is a typo, not an
 * abbreviation. Academic titles, administrative units, honorifics and list markers.
 */
export const PERIOD_ABBREVIATIONS: ReadonlySet<string> = new Set([
  // Administrative units: thành phố, tỉnh, quận, phường, thị xã, thị trấn, huyện.
  'TP', 'Tp', 'T', 'Q', 'P', 'TX', 'Tx', 'TT', 'H', 'X',
  // Academic and professional titles (học hàm, học vị).
  'GS', 'PGS', 'TS', 'ThS', 'Th.S', 'TSKH', 'CN', 'KS', 'BS', 'BSCKI', 'BSCKII', 'DS', 'NCS', 'NSND', 'NSƯT', 'NGND', 'NGƯT',
  'GS.TS', 'PGS.TS', 'GS.TSKH', 'PGS.TSKH', 'TS.BS', 'ThS.BS',
  // Forms of address in foreign names.
  'Mr', 'Mrs', 'Ms', 'Dr',
  // Reference words: số (No.), trang, điều khoản, ví dụ, vân vân.
  'No', 'tr', 'Tr', 'St', 'v.v', 'vd', 'Vd', 'VD',
]);

/** Top-level domains that make `word.tld` a host name kept whole (`baochinhphu.vn`). */
export const DOMAIN_SUFFIXES: ReadonlySet<string> = new Set([
  'vn', 'com', 'net', 'org', 'gov', 'edu', 'info', 'int', 'io', 'biz',
]);
