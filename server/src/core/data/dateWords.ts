/**
 * Words around dates in Vietnamese news (guide §2, DATE). All keys lower case; phrases are
 * matched word by word. What is inside a DATE span: day parts, day words, weekdays, period
 * words, part-of-year words. What stays outside: relative words and prepositions, which
 * only serve as cues that a bare `19/4` is a date and not a fraction.
 */

/** Day parts written before a date and kept inside its span (`Chiều 21/9`). */
export const DAY_PARTS: readonly string[] = [
  'sáng', 'trưa', 'chiều', 'tối', 'đêm', 'khuya',
  'rạng sáng', 'sáng sớm', 'chiều tối', 'tối muộn', 'nửa đêm', 'đêm khuya',
  'đầu giờ sáng', 'đầu giờ chiều', 'cuối giờ sáng', 'cuối giờ chiều',
];

/** Day words before the day number, inside the span (`ngày 6/4/2022`, `mùng 2/9`). */
export const DAY_WORDS: readonly string[] = ['ngày', 'hôm', 'mùng', 'mồng'];

/** Weekdays (ISO number, Monday = 1), kept inside a date's span (`Thứ Bảy, 02/11/2024`). */
export const WEEKDAYS: ReadonlyArray<[string, number]> = [
  ['thứ hai', 1], ['thứ ba', 2], ['thứ tư', 3], ['thứ năm', 4], ['thứ sáu', 5], ['thứ bảy', 6],
  ['thứ 2', 1], ['thứ 3', 2], ['thứ 4', 3], ['thứ 5', 4], ['thứ 6', 5], ['thứ 7', 6],
  ['chủ nhật', 7], ['cn', 7],
];

/** Month names written as words; used only with a day or a year (`ngày 2 tháng Chín năm 1945`). */
export const MONTH_WORDS: ReadonlyArray<[string, number]> = [
  ['một', 1], ['giêng', 1], ['hai', 2], ['ba', 3], ['tư', 4], ['bốn', 4], ['năm', 5], ['sáu', 6],
  ['bảy', 7], ['tám', 8], ['chín', 9], ['mười', 10], ['mười một', 11], ['mười hai', 12], ['chạp', 12],
];

/** Words naming a span of years, kept inside (`nhiệm kỳ 2020 - 2025`, `giai đoạn 2021-2025`). */
export const PERIOD_WORDS: readonly string[] = ['nhiệm kỳ', 'giai đoạn', 'niên khóa', 'năm học', 'thời kỳ'];

/** Range connectors between two dates; the range is one span (`ngày 22 đến hết ngày 24/9`). */
export const RANGE_CONNECTORS: readonly string[] = ['đến', 'tới', 'đến hết', 'tới hết', 'cho đến', 'cho tới', '-', '–', '—'];

/** Words joining two separate dates of one month (`ngày 5 và 6/8` → two DATEs). */
export const LIST_CONNECTORS: readonly string[] = ['và', ','];

/**
 * Relative time words: never inside a span (`hôm nay`, `ngày mai`, `sáng nay`), but right
 * before a bare `10/7` they show it is a date (`ngày hôm nay, 10/7`).
 */
export const RELATIVE_WORDS: readonly string[] = [
  'hôm nay', 'hôm qua', 'hôm kia', 'ngày mai', 'ngày kia', 'ngày hôm nay', 'ngày hôm qua',
  'sáng nay', 'trưa nay', 'chiều nay', 'tối nay', 'đêm nay', 'sáng qua', 'chiều qua', 'tối qua', 'đêm qua',
  'sáng mai', 'chiều mai', 'tối mai', 'nay', 'qua', 'mai',
];

/** Prepositions before a date, outside its span, and a cue that a bare `1/7` is a date. */
export const DATE_PREPOSITIONS: readonly string[] = [
  'vào', 'từ', 'đến', 'tới', 'trước', 'sau', 'lúc', 'trong', 'kể từ', 'cho đến', 'đến hết', 'hết',
  'tính đến', 'tính từ', 'đầu', 'cuối', 'giữa', 'hạn', 'hạn chót', 'thời hạn', 'dịp', 'nhân dịp',
];

/** Words before `2/3` that make it a fraction or a score, not a date. */
export const FRACTION_CUES: readonly string[] = [
  'đạt', 'chiếm', 'khoảng', 'gần', 'hơn', 'trên', 'dưới', 'được', 'tỷ lệ', 'tỉ lệ', 'tỷ số', 'tỉ số',
  'thắng', 'thua', 'hòa', 'bằng', 'với', 'có', 'số', 'mã', 'mã số', 'ký hiệu', 'số hiệu', 'phân số',
];

/** Words after `2/3` that make it a fraction (`2/3 số đại biểu`). */
export const FRACTION_FOLLOWERS: readonly string[] = ['số', 'tổng số', '%', 'phần'];

/** Words after a bare `19/4` that still read as a date (`19/4 vừa qua`, `19/4 tới`). */
export const DATE_FOLLOWERS: readonly string[] = ['vừa qua', 'qua', 'tới', 'này', 'tại', 'hằng năm', 'hàng năm', 'vừa rồi', 'sắp tới'];

/** Before `tháng 9`, these make it a count (`mỗi tháng 2 lần`), not a month. */
export const COUNT_BEFORE_MONTH: readonly string[] = ['mỗi', 'hằng', 'hàng', 'một', 'vài', 'mấy', 'các', 'những', 'từng', 'mươi'];

/** After `tháng 2`, these make the number a count (`mỗi tháng 2 lần`), not a month. */
export const MEASURE_AFTER_MONTH: readonly string[] = [
  'lần', 'người', 'ngày', 'tuần', 'giờ', 'tiếng', 'đồng', 'triệu', 'tỷ', 'nghìn', 'ngàn', 'tuổi', '%', 'buổi', 'đợt', 'kỳ',
];

/** After `năm` in `6 tháng đầu năm nay`: a relative year. Only `nay` means the publication year. */
export const RELATIVE_YEAR_WORDS: readonly string[] = ['nay', 'ngoái', 'trước', 'sau', 'tới', 'qua', 'kia'];

/** Edge of the year in `N tháng đầu/cuối năm`: first or last N months. */
export const YEAR_EDGES: ReadonlyArray<[string, 'first' | 'last']> = [['đầu', 'first'], ['cuối', 'last']];

/** Time units: `14h30`, `14g30`, `8 giờ 30 phút`. */
export const HOUR_WORDS: readonly string[] = ['h', 'g', 'giờ'];
export const MINUTE_WORDS: readonly string[] = ['phút'];

/** Time-zone names; the offset follows (`GMT +7`, `UTC+07:00`). */
export const TIME_ZONE_WORDS: readonly string[] = ['gmt', 'utc'];
