/**
 * Offices held by a person (guide §2 "TITLE"): prefix + head + qualifier + the body or
 * level the office belongs to (`Phó` + `Bí thư` + `Thường trực` + `Tỉnh ủy`).
 */

/**
 * Heads of titles. `alone`: the head names one office without a body after it (`Tổng Bí
 * thư`, `Trưởng đoàn`, a bare `Bí thư` meaning the secretary in context). Others need a
 * body (`Ủy viên Ban Thường vụ Tỉnh ủy`, `Giám đốc Sở Y tế`). `level`: may take a bare level
 * word as its body (`Chủ tịch tỉnh`, `Bí thư huyện`).
 * `portfolio`: may take a capitalised field as its body (`Bộ trưởng Ngoại giao`).
 * `foreign`: held only abroad (`Tổng thống`), so the name after it need not be Vietnamese.
 * Any head may also end with a country (`Thủ tướng Nhật Bản`, `Tổng thống Mỹ`): see titles.ts.
 * A lowercase word in a form matches either casing (`Phó trưởng Đoàn`, `Phó Trưởng Ban`).
 */
export interface TitleHead {
  form: string;
  alone?: boolean;
  level?: boolean;
  portfolio?: boolean;
  foreign?: boolean;
}

export const TITLE_HEADS: ReadonlyArray<TitleHead> = [
  { form: 'Tổng Bí thư', alone: true },
  { form: 'Bí thư', alone: true, level: true },
  { form: 'Chủ tịch', alone: true, level: true },
  { form: 'Chủ tịch nước', alone: true },
  { form: 'Thủ tướng', alone: true },
  { form: 'Bộ trưởng', alone: true, portfolio: true },
  { form: 'Thứ trưởng', alone: true, portfolio: true },
  { form: 'trưởng đoàn', alone: true },
  { form: 'Thường trực Ban Bí thư', alone: true },
  { form: 'Tổng Tham mưu trưởng', alone: true },
  { form: 'Ngoại trưởng', alone: true, foreign: true },
  { form: 'Quốc vương', alone: true, foreign: true },
  { form: 'Nhà vua', alone: true, foreign: true },
  { form: 'Nữ hoàng', alone: true, foreign: true },
  { form: 'Thái tử', alone: true, foreign: true },
  { form: 'Hoàng tử', alone: true, foreign: true },
  { form: 'Tổng thống', alone: true, foreign: true },
  { form: 'Tỉnh ủy viên', alone: true },
  { form: 'Thành ủy viên', alone: true },
  { form: 'Huyện ủy viên', alone: true },
  { form: 'Quận ủy viên', alone: true },
  { form: 'Đảng ủy viên', alone: true },
  { form: 'Đại biểu Quốc hội', alone: true },
  { form: 'ĐBQH', alone: true },
  { form: 'Đại biểu HĐND', alone: true },
  { form: 'Đại biểu Hội đồng nhân dân', alone: true },
  { form: 'Tổng Thư ký', alone: true },
  { form: 'Chánh án', alone: true },
  { form: 'Viện trưởng', alone: true },
  { form: 'Tổng Kiểm toán Nhà nước', alone: true },
  { form: 'Thống đốc', alone: true },
  { form: 'Đại sứ', alone: true },
  { form: 'Thủ tướng Chính phủ', alone: true },
  { form: 'Đại tướng', alone: true },
  { form: 'Thượng tướng', alone: true },
  { form: 'Trung tướng', alone: true },
  { form: 'Thiếu tướng', alone: true },
  { form: 'Đại tá', alone: true },
  { form: 'Thượng tá', alone: true },
  { form: 'Trung tá', alone: true },
  { form: 'Thiếu tá', alone: true },
  { form: 'trưởng' },
  { form: 'trưởng ban' },
  { form: 'Ủy viên' },
  { form: 'Giám đốc' },
  { form: 'Tổng Giám đốc' },
  { form: 'Chánh' },
  { form: 'Chánh Văn phòng' },
  { form: 'Chủ nhiệm' },
  { form: 'Tổng Biên tập' },
  { form: 'Hiệu trưởng' },
  { form: 'Cục trưởng' },
  { form: 'Vụ trưởng' },
  { form: 'Tổng cục trưởng' },
  { form: 'Tư lệnh' },
  { form: 'Chính ủy' },
  { form: 'Chỉ huy trưởng' },
  { form: 'Thư ký' },
  { form: 'Người phát ngôn' },
];

/** Prefixes inside the title span (`Phó Bí thư`, `Quyền Giám đốc`). */
export const TITLE_PREFIXES: readonly string[] = ['Phó', 'Quyền'];

/** Qualifiers between head and body (`Phó Bí thư Thường trực Tỉnh ủy`). */
export const TITLE_QUALIFIERS: readonly string[] = ['Thường trực', 'thứ nhất', 'Thứ nhất'];

/** Bodies of a title that are not ORG spans themselves (`Chủ tịch nước`, `Ủy viên Trung ương Đảng`). */
export const TITLE_BODIES: readonly string[] = ['Trung ương Đảng', 'Trung ương', 'nước', 'Nhà nước'];

