/**
 * Vietnamese number words as they appear in ordinals (`lần thứ sáu`, `Hội nghị lần thứ
 * mười hai`), weekdays (`Thứ Bảy`) and written months (`tháng Tám`). Keys are lower case;
 * multi-word entries are matched as phrases.
 */
export const NUMBER_WORDS: ReadonlyArray<[string, number]> = [
  ['nhất', 1],
  ['một', 1],
  ['hai', 2],
  ['ba', 3],
  ['tư', 4],
  ['bốn', 4],
  ['năm', 5],
  ['sáu', 6],
  ['bảy', 7],
  ['tám', 8],
  ['chín', 9],
  ['mười', 10],
  ['mười một', 11],
  ['mười hai', 12],
  ['mười ba', 13],
  ['mười bốn', 14],
  ['mười lăm', 15],
  ['mười sáu', 16],
  ['mười bảy', 17],
  ['mười tám', 18],
  ['mười chín', 19],
  ['hai mươi', 20],
];
