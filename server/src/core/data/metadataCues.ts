/**
 * Cue words for article metadata (guide §2–3): bylines, photo credits and image captions
 * of Vietnamese news and government sites. Lowercase; lookups fold case and tone placement.
 */

/**
 * Labels before an author's name, at the start of a line (`Theo TTXVN`, `Bài, ảnh: Minh Hà`,
 * `Tác giả: Đức Thiện`). Longest first is not needed: every label is tried.
 */
export const BYLINE_LABELS: readonly string[] = [
  'theo', 'bài và ảnh', 'bài, ảnh', 'bài ảnh', 'bài', 'tin, ảnh', 'tin và ảnh', 'tin ảnh', 'tin', 'tác giả', 'nhóm phóng viên',
  'nhóm pv', 'phóng viên', 'pv', 'ghi chép', 'thực hiện', 'nhóm thực hiện', 'người viết', 'biên tập', 'clip', 'video',
  'nguồn', 'nguồn tin',
];

/** Byline labels after which an organisation or a publication is credited, not a person (`Nguồn: Báo Quảng Nam`). */
export const SOURCE_LABELS: readonly string[] = ['theo', 'nguồn', 'nguồn tin', 'theo báo', 'trích nguồn'];

/**
 * Bylines that credit the newsroom, not a named person (`PV`, `Nhóm PV`): the whole line
 * is the byline item. Compared as normalized keys of the whole line, brackets removed.
 */
export const STAFF_BYLINES: readonly string[] = [
  'pv', 'nhóm pv', 'nhóm phóng viên', 'phóng viên', 'ctv', 'btv', 'nhóm ctv', 'pv nhóm', 'nhóm tác giả', 'ban biên tập',
  'bbt', 'ptv', 'nhóm thực hiện', 'pv và ctv', 'pv ctv', 'pv/ctv',
];

/**
 * First syllables of organisations and publications: text starting with one of them is not
 * a person's name even when every syllable is capitalised (`Báo Quảng Nam`, `Sở Nội Vụ`).
 */
export const NON_NAME_HEADS: readonly string[] = [
  'báo', 'đài', 'tạp chí', 'cổng', 'trang tin', 'ban', 'sở', 'bộ', 'hội', 'viện', 'cục', 'tổng', 'công ty', 'tập đoàn', 'trường',
  'ủy', 'ubnd', 'hđnd', 'tỉnh', 'huyện', 'quận', 'xã', 'phường', 'thông tấn', 'kênh', 'hãng', 'nhà xuất bản', 'đảng',
  'văn phòng', 'trung tâm', 'trung ương', 'học viện', 'nhóm', 'tin', 'bài', 'theo', 'nguồn', 'ảnh', 'thành ủy', 'tỉnh ủy',
  'huyện ủy', 'quân đội', 'quân khu', 'công an', 'ngân hàng', 'liên đoàn', 'mặt trận',
];

/** Labels before a photographer's name (`Ảnh: Tuấn Anh`, `(Ảnh: Văn Điệp/TTXVN)`, `Nguồn ảnh: …`). */
export const CREDIT_LABELS: readonly string[] = ['ảnh', 'nguồn ảnh', 'ảnh tư liệu', 'ảnh minh họa', 'ảnh chụp', 'photo', 'ảnh và clip'];

/** Credited "names" that are not people: no credit item for them. */
export const NON_NAME_CREDITS: readonly string[] = [
  'internet', 'minh họa', 'tư liệu', 'tl', 'st', 'sưu tầm', 'nguồn internet', 'chụp màn hình', 'cắt từ clip', 'cắt từ video',
  'báo chí', 'mạng xã hội', 'facebook', 'nhân vật cung cấp', 'nvcc', 'ctv', 'cộng tác viên', 'tác giả', 'bạn đọc cung cấp',
];

/**
 * Openings typical of image captions (`Quang cảnh hội nghị.`, `Toàn cảnh phiên họp.`,
 * `Các đại biểu dự hội nghị.`): they add weight to a short standalone line, never alone.
 */
export const CAPTION_OPENINGS: readonly string[] = [
  'video', 'clip', 'quang cảnh', 'toàn cảnh', 'ảnh', 'hình ảnh', 'các đại biểu', 'đại biểu', 'lãnh đạo', 'đồng chí', 'đoàn công tác', 'đoàn',
  'bí thư', 'chủ tịch', 'thủ tướng', 'tổng bí thư', 'phó thủ tướng', 'bộ trưởng', 'ông', 'bà',
];

/** Phrases typical of image captions (photo acts: speaking, presenting, posing). */
export const CAPTION_PHRASES: readonly string[] = [
  'phát biểu tại', 'phát biểu chỉ đạo', 'phát biểu khai mạc', 'phát biểu bế mạc', 'chụp ảnh lưu niệm', 'trao quà', 'tặng quà',
  'tặng hoa', 'trao tặng', 'trao quyết định', 'trao bằng', 'trao huy hiệu', 'dâng hương', 'thăm hỏi', 'thăm và tặng',
  'kiểm tra thực tế', 'khảo sát thực tế', 'điều hành', 'chủ trì', 'quang cảnh', 'toàn cảnh', 'tham quan', 'bấm nút',
  'cắt băng', 'ảnh minh họa', 'trong ảnh',
];

/** Labels that make a line a caption whatever its neighbours (`Video: Đại diện … phát biểu …`). */
export const CAPTION_LABELS: readonly string[] = ['video', 'clip', 'ảnh', 'hình', 'infographic', 'đồ họa'];

/**
 * Openings of argued prose (discourse connectives): a short paragraph that starts so
 * is part of the text, not a caption.
 */
export const PROSE_OPENINGS: readonly string[] = [
  'tuy nhiên', 'ngoài ra', 'bên cạnh đó', 'đồng thời', 'do đó', 'vì vậy', 'vì thế', 'như vậy', 'theo đó', 'trong đó', 'cụ thể',
  'đặc biệt', 'mặt khác', 'qua đó', 'từ đó', 'sau đó', 'trước đó', 'cùng với', 'với', 'để', 'theo', 'trong', 'tại', 'về',
  'nhằm', 'do', 'vì', 'nếu', 'khi', 'sau khi', 'trước khi', 'cũng', 'còn', 'thế nhưng', 'nhưng', 'và', 'hiện nay', 'năm',
  'ngày', 'sáng', 'chiều', 'tối', 'trưa', 'đêm', 'dự kiến', 'cuối cùng', 'tóm lại', 'nhìn chung', 'có thể nói', 'được biết',
];
