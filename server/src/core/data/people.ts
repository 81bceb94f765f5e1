/**
 * Knowledge about persons: honorifics that cue a name, and well-known people whose names
 * do not follow the surname table or collide with places (guide §2: `Hồ Chí Minh` is PER in
 * "phong cách Hồ Chí Minh", LOC after `Thành phố`/`TP.` or in a list of places).
 */

/**
 * Honorifics and forms of address written before a name; they stay outside the PER span.
 * `lenient` ones are specific enough that any 2–4 capitalised syllables after them are a
 * name even without a known surname (`ông Y Thanh Hà Niê Kđăm`).
 */
export const HONORIFICS: ReadonlyArray<{ form: string; lenient: boolean }> = [
  { form: 'ông', lenient: true },
  { form: 'bà', lenient: true },
  { form: 'đồng chí', lenient: true },
  { form: 'các đồng chí', lenient: true },
  { form: 'anh', lenient: false },
  { form: 'chị', lenient: false },
  { form: 'cô', lenient: false },
  { form: 'chú', lenient: false },
  { form: 'bác', lenient: false },
  { form: 'cụ', lenient: false },
  { form: 'em', lenient: false },
  { form: 'cháu', lenient: false },
  { form: 'đ/c', lenient: true },
  { form: 'GS', lenient: true },
  { form: 'PGS', lenient: true },
  { form: 'TS', lenient: true },
  { form: 'ThS', lenient: true },
  { form: 'GS.TS', lenient: true },
  { form: 'GS.TSKH', lenient: true },
  { form: 'PGS.TS', lenient: true },
  { form: 'PGS.TSKH', lenient: true },
  { form: 'TSKH', lenient: true },
  { form: 'GS.', lenient: true },
  { form: 'PGS.', lenient: true },
  { form: 'TS.', lenient: true },
  { form: 'ThS.', lenient: true },
  { form: 'BS', lenient: true },
  { form: 'BS.', lenient: true },
  { form: 'LS', lenient: true },
  { form: 'KTS', lenient: true },
  { form: 'NGND', lenient: true },
  { form: 'NGƯT', lenient: true },
  { form: 'NSND', lenient: true },
  { form: 'NSƯT', lenient: true },
  { form: 'Mẹ Việt Nam Anh hùng', lenient: true },
];

/** Well-known persons; `place` marks names that are also places (PER/LOC ambiguity). */
export const FAMOUS_PEOPLE: ReadonlyArray<{ name: string; place?: boolean }> = [
  { name: 'Hồ Chí Minh', place: true },
  { name: 'Võ Nguyên Giáp' },
  { name: 'Tôn Đức Thắng', place: true },
  { name: 'Lê Duẩn', place: true },
  { name: 'Trường Chinh', place: true },
  { name: 'Phạm Văn Đồng', place: true },
  { name: 'Nguyễn Văn Linh', place: true },
  { name: 'Đỗ Mười' },
  { name: 'Lê Khả Phiêu' },
  { name: 'Nông Đức Mạnh' },
  { name: 'Nguyễn Phú Trọng' },
  { name: 'Tô Lâm' },
  { name: 'Lương Cường' },
  { name: 'Trần Đại Quang' },
  { name: 'Võ Văn Kiệt', place: true },
  { name: 'Phan Văn Khải' },
  { name: 'Võ Chí Công' },
  { name: 'Trần Hưng Đạo', place: true },
  { name: 'Lê Lợi', place: true },
  { name: 'Quang Trung', place: true },
  { name: 'Lý Thường Kiệt', place: true },
  { name: 'Hai Bà Trưng', place: true },
  { name: 'Bà Triệu', place: true },
  { name: 'Ngô Quyền', place: true },
  { name: 'Nguyễn Trãi', place: true },
  { name: 'Nguyễn Du', place: true },
  { name: 'Lê Thánh Tông', place: true },
];
