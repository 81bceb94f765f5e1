/**
 * Kinds of party and state documents referred to in the news (guide §2, DOC), with the
 * abbreviations their symbols use (`18-NQ/TW`, `1234/QĐ-TTg`, `05-CT/TW`, `21-KL/TW`,
 * `15/2020/NĐ-CP`, `01/2021/TT-BTC`, `45/2019/QH14`) and which designations each takes.
 */
export interface DocumentKind {
  /** Canonical name: the `kind` of the DOC value. */
  name: string;
  /** Abbreviations used in its symbols (documentation; symbols are read by shape). */
  codes: readonly string[];
  /**
   * `Nghị quyết Trung ương 5` names the resolution of the 5th plenum (`plenum`);
   * `Đề án Trung ương 6` is scheme number 6 of the Central Committee (`number`).
   */
  central?: 'plenum' | 'number';
  /** `Nghị quyết Đại hội XIII`, `Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX`. */
  congress?: boolean;
  /** A capitalised kind followed by a bare number is a reference (`Nghị quyết 19`, `Đề án 25`). */
  bareNumber?: boolean;
  /** Named laws (`Luật Đất đai 2024`, `Hiến pháp năm 2013`). */
  named?: boolean;
}

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  { name: 'Nghị quyết', codes: ['NQ'], central: 'plenum', congress: true, bareNumber: true },
  { name: 'Nghị quyết liên tịch', codes: ['NQLT'] },
  { name: 'Quyết định', codes: ['QĐ'], bareNumber: true },
  { name: 'Chỉ thị', codes: ['CT'], bareNumber: true },
  { name: 'Kết luận', codes: ['KL'], bareNumber: true },
  { name: 'Quy định', codes: ['QĐi', 'QĐ'], bareNumber: true },
  { name: 'Đề án', codes: ['ĐA'], central: 'number', bareNumber: true },
  { name: 'Nghị định', codes: ['NĐ'], bareNumber: true },
  { name: 'Thông tư', codes: ['TT'], bareNumber: true },
  { name: 'Thông tư liên tịch', codes: ['TTLT'] },
  { name: 'Luật', codes: ['QH'], named: true },
  { name: 'Bộ luật', codes: ['QH'], named: true },
  { name: 'Hiến pháp', codes: [], named: true },
  { name: 'Pháp lệnh', codes: ['PL', 'UBTVQH'], named: true },
  { name: 'Công văn', codes: ['CV'] },
  { name: 'Công điện', codes: ['CĐ'] },
  { name: 'Thông báo', codes: ['TB'] },
  { name: 'Thông tri', codes: ['TT'] },
  { name: 'Hướng dẫn', codes: ['HD'] },
  { name: 'Quy chế', codes: ['QC', 'QCPH'] },
  { name: 'Chương trình', codes: ['CTr'], bareNumber: true },
  { name: 'Chương trình hành động', codes: ['CTr'] },
  { name: 'Kế hoạch', codes: ['KH'] },
  { name: 'Chiến lược', codes: [] },
  { name: 'Tờ trình', codes: ['TTr'] },
  { name: 'Báo cáo', codes: ['BC'] },
];

/**
 * Descriptors between the kind word and `số` (`Nghị quyết chuyên đề số 05-NQ/TU`,
 * `Thông báo kết luận số 123-TB/TU`); inside the span, the kind stays the head word.
 */
export const KIND_MODIFIERS: readonly string[] = ['chuyên đề', 'liên tịch', 'hành động', 'kết luận', 'liên ngành', 'thực hiện'];

/**
 * Words that may follow a bare document number (`Nghị quyết 19 về …`, `Đề án 25 và …`).
 * Anything else after the number (`Kết luận 3 vấn đề`, `Chương trình 5 năm`) makes it a
 * count, not a designation.
 */
export const NUMBER_FOLLOWERS: readonly string[] = [
  'về', 'của', 'và', 'ngày', 'đã', 'được', 'là', 'khóa', 'với', 'trong', 'tại', 'do', 'cũng', 'thì',
  'này', 'nhằm', 'theo', 'sẽ', 'có', 'hoặc', 'cùng', 'đều', 'vẫn', 'đang', 'mà', 'nêu', 'đề ra', 'ban hành',
];

/** Stop words that end the body of a congress designation (`Đại hội Đảng bộ tỉnh … lần thứ XIX`). */
export const CONGRESS_STOPS: readonly string[] = ['về', 'của', 'và', 'đã', 'được', 'là', 'với', 'trong', 'tại', 'nhiệm kỳ', 'khóa', 'theo'];

/** An owner kept inside a national congress designation (`Nghị quyết Đại hội XII của Đảng`). */
export const CONGRESS_OWNERS: readonly string[] = ['của Đảng', 'của Đảng Cộng sản Việt Nam', 'toàn quốc'];

/**
 * Names of laws and codes as written after `Luật`/`Bộ luật`/`Pháp lệnh` (first word
 * capitalised). A name not listed is still taken when a year closes it (`Luật Thủ đô 2024`).
 */
export const LAW_NAMES: readonly string[] = [
  'Đất đai', 'Doanh nghiệp', 'Đầu tư', 'Đầu tư công', 'Xây dựng', 'Nhà ở', 'Kinh doanh bất động sản', 'Đấu thầu',
  'Quy hoạch', 'Quy hoạch đô thị', 'Ngân sách nhà nước', 'Quản lý thuế', 'Hải quan', 'Chứng khoán', 'Các tổ chức tín dụng',
  'Tổ chức Chính phủ', 'Tổ chức Quốc hội', 'Tổ chức chính quyền địa phương', 'Tổ chức Tòa án nhân dân', 'Tổ chức Viện kiểm sát nhân dân',
  'Cán bộ, công chức', 'Cán bộ, công chức và Luật Viên chức', 'Viên chức', 'Thi đua, khen thưởng', 'Phòng, chống tham nhũng',
  'Ban hành văn bản quy phạm pháp luật', 'Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân', 'Mặt trận Tổ quốc Việt Nam',
  'Thanh tra', 'Tiếp công dân', 'Khiếu nại', 'Tố cáo', 'Tiếp cận thông tin', 'Kiểm toán nhà nước', 'Báo chí', 'Xuất bản',
  'An ninh mạng', 'An ninh quốc gia', 'Quốc phòng', 'Công an nhân dân', 'Nghĩa vụ quân sự', 'Biên giới quốc gia', 'Biển Việt Nam',
  'Bảo vệ môi trường', 'Tài nguyên nước', 'Lâm nghiệp', 'Thủy sản', 'Trồng trọt', 'Chăn nuôi', 'Điện lực', 'Giao thông đường bộ',
  'Đường bộ', 'Trật tự, an toàn giao thông đường bộ', 'Giáo dục', 'Giáo dục đại học', 'Khám bệnh, chữa bệnh', 'Dược',
  'Bảo hiểm xã hội', 'Bảo hiểm y tế', 'Việc làm', 'Lao động', 'Hôn nhân và gia đình', 'Tín ngưỡng, tôn giáo', 'Căn cước', 'Thủ đô',
  'Hình sự', 'Tố tụng hình sự', 'Dân sự', 'Tố tụng dân sự', 'Tố tụng hành chính', 'Xử lý vi phạm hành chính', 'Phòng, chống ma túy',
  'Thuế thu nhập cá nhân', 'Thuế thu nhập doanh nghiệp', 'Thuế giá trị gia tăng', 'Quản lý, sử dụng tài sản công', 'Thực hành tiết kiệm, chống lãng phí',
  'Dân quân tự vệ', 'Thanh niên', 'Trẻ em', 'Người cao tuổi', 'Bình đẳng giới', 'Di sản văn hóa', 'Du lịch', 'Thư viện',
];

/** Opening quote → closing quote of a quoted title (`Đề án “Đổi mới …”`). */
export const TITLE_QUOTES: ReadonlyArray<[string, string]> = [['“', '”'], ['"', '"'], ['«', '»']];

/** Bodies that are not issuers of a document (`của Trung ương`, `của Đảng`). */
export const NON_ISSUERS: readonly string[] = ['Trung ương', 'Đảng', 'Nhà nước', 'Đảng ta'];
