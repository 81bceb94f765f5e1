/**
 * Vietnamese family names (họ). A capitalised surname followed by 1–3 capitalised
 * syllables is the backbone of person detection (people.ts).
 *
 * STRONG surnames are rarely anything but a family name when capitalised mid-sentence.
 * WEAK ones are also common words or place-name syllables (`Hà Nội`, `Đoàn khảo sát`,
 * `Cao Bằng`, `Hồ Gươm`), so a weak-surname name needs a cue (honorific, title beside it,
 * a typical middle name) before it is taken as a person.
 */
export const STRONG_SURNAMES: readonly string[] = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ',
  'Ngô', 'Dương', 'Đinh', 'Trịnh', 'Trương', 'Lương', 'Đào', 'Tạ', 'Lưu', 'Vương', 'Tống',
  'Phùng', 'Kiều', 'Quách', 'Nghiêm', 'Khúc', 'Lại', 'Hứa', 'Đàm', 'Thạch', 'Doãn', 'Khuất',
  'Lò', 'Bế', 'Lục', 'Mạc', 'Âu', 'Diệp', 'Tôn', 'Hầu', 'Khổng', 'Lã', 'Tăng', 'Trình',
  'Từ', 'Vi', 'Mẫn', 'Bạch',
];

export const WEAK_SURNAMES: readonly string[] = [
  'Hà', 'Đoàn', 'Cao', 'Thái', 'Mai', 'Lâm', 'Đồng', 'Hồ', 'Quan', 'Kim', 'Giang', 'Chu',
  'Lý', 'Nông', 'Tô', 'Triệu', 'Châu', 'La', 'Giáp', 'Thân', 'Văn', 'Ninh', 'Quang', 'Sầm',
  'Ma', 'Lạc', 'Đậu', 'Biện', 'Cù', 'Yên', 'Lữ', 'Mông', 'Hồng', 'Bàn', 'Lầu', 'Sùng', 'Vàng',
];

/**
 * Syllables that commonly stand as a middle name (tên đệm). A weak-surname sequence of three
 * syllables whose second is one of these is a person (`Hà Văn Tùng`, `Cao Thị Hà`).
 */
export const COMMON_MIDDLE_NAMES: readonly string[] = [
  'Văn', 'Thị', 'Đức', 'Hữu', 'Quang', 'Xuân', 'Minh', 'Ngọc', 'Thanh', 'Hoàng', 'Công', 'Đình',
  'Quốc', 'Trọng', 'Thế', 'Anh', 'Hồng', 'Kim', 'Thu', 'Bá', 'Duy', 'Tiến', 'Mạnh', 'Phú',
  'Tấn', 'Thành', 'Chí', 'Viết', 'Khắc', 'Như', 'Hải', 'Trung', 'Vĩnh', 'Doãn', 'Huy', 'Tuấn',
];
