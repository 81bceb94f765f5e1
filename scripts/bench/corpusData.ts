/**
 * Tables the benchmark corpus generator draws from: Vietnamese name parts, provinces,
 * dateline formats and site chrome of the genre. Generic knowledge of the genre, not
 * sample-specific strings; the samples supply the paragraphs.
 */

export const SURNAMES = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô',
  'Dương', 'Lý', 'Đinh', 'Trịnh', 'Mai', 'Tô', 'Lương', 'Hà', 'Đào', 'Cao', 'Vương', 'Chu', 'Lại', 'Thái', 'Triệu',
];

export const MIDDLE = [
  'Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Quang', 'Xuân', 'Thanh', 'Hoàng', 'Công', 'Đình', 'Ngọc', 'Quốc', 'Hồng',
  'Tuấn', 'Thế', 'Trọng', 'Phú', 'Bá', 'Kim', 'Mạnh', 'Tiến', 'Anh', 'Việt', 'Khắc',
];

export const GIVEN = [
  'Dương', 'Ký', 'Ngân', 'Thắng', 'Duy', 'Trọng', 'Hùng', 'Dũng', 'Hải', 'Sơn', 'Long', 'Bình', 'Phúc', 'Thành',
  'Nam', 'Hà', 'Lan', 'Hương', 'Tâm', 'Vinh', 'Chính', 'Huệ', 'Phong', 'Quân', 'Tuấn', 'Hiếu', 'Khánh', 'Lợi',
  'Thưởng', 'Mẫn', 'Cường', 'Định', 'Hòa', 'Thủy', 'Ngà', 'Thiện', 'Toàn', 'Lâm', 'Hiển', 'Nghĩa',
];

/** Spans the name pattern matches that are not people (a city, an ideology's namesake in set phrases). */
export const NOT_A_PERSON = ['Hồ Chí Minh'];

export const PROVINCES = [
  'Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Quảng Ninh', 'Bắc Ninh', 'Yên Bái', 'Lào Cai', 'Hà Giang', 'Cao Bằng',
  'Lạng Sơn', 'Thái Nguyên', 'Phú Thọ', 'Vĩnh Phúc', 'Bắc Giang', 'Hải Dương', 'Hưng Yên', 'Thái Bình', 'Nam Định',
  'Ninh Bình', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Quảng Bình', 'Quảng Trị', 'Quảng Nam', 'Quảng Ngãi', 'Bình Định',
  'Phú Yên', 'Khánh Hòa', 'Gia Lai', 'Đắk Lắk', 'Lâm Đồng', 'Bình Dương', 'Đồng Nai', 'Long An', 'Tiền Giang',
  'Bến Tre', 'An Giang', 'Kiên Giang', 'Cà Mau', 'Sóc Trăng', 'Bạc Liêu', 'Tây Ninh', 'Bình Phước', 'Sơn La',
];

/** Dateline formats of Vietnamese news sites; {weekday} {dd} {mm} {yyyy} {HH} {MM} {SS}. */
export const DATELINE_TEMPLATES = [
  '{weekday}, {dd}/{mm}/{yyyy} {HH}:{MM} (GMT +7)',
  '{weekday}, {dd}/{mm}/{yyyy} | {HH}:{MM}:{SS} [GMT +7] A A',
  'Chính trị - {HH}:{MM} {dd}/{mm}/{yyyy}',
  'Cập nhật: {HH}:{MM} ngày {dd}/{mm}/{yyyy}',
  '{dd}/{mm}/{yyyy} {HH}:{MM}',
  'Ngày {dd} tháng {mm} năm {yyyy}',
];

/** Site chrome above the article. */
export const CHROME_TOP = [
  'Tất cả chuyên mục', '--Quảng cáo---', 'Trang chủ', 'Thời sự', 'Chính trị', 'Xây dựng Đảng', 'Đăng nhập', 'Tìm kiếm',
];

/** Site chrome below the article. */
export const CHROME_BOTTOM = [
  'Liên kết website', 'Ý kiến ()', '(0) Bình luận', 'Tin nổi bật', '--Quảng cáo---', 'Mới nhất & Dành cho bạn',
  'Chia sẻ', 'Bản quyền thuộc về cơ quan báo chí', 'Tin liên quan', 'Xem thêm', 'Lượt xem: 1.234',
];
