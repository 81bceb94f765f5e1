/**
 * Heads of organization names and what may follow them (organizations.ts parses
 * head + body + level + place + term; guide §2 "ORG").
 */

/**
 * How a head continues:
 * - `bare`: the head alone names one body in context (`Tỉnh ủy`, `Quốc hội`, `UBND`).
 * - `body: 'cap'`: a capitalised name follows (`Sở Nội vụ`, `Báo Nhân Dân`, `Bộ Y tế`).
 * - `body: 'ban'`: `Ban` + a known committee name (BAN_BODIES) or a capitalised one.
 * - `body: 'lower'`: also a lowercase description, if it ends in a level (`Trung tâm phục vụ
 *   hành chính công cấp tỉnh`).
 * - `khoi`: may continue with `Khối …` (`Đảng bộ Khối các cơ quan tỉnh`).
 * - `abbr`: an abbreviation, an ORG wherever it stands (guide: UBND, HĐND, MTTQ always).
 * - `committee`: a party committee named by its level (`Tỉnh ủy`); `… viên` after it is a
 *   member's title (`Tỉnh ủy viên`), not the body.
 */
export interface OrgHead {
  bare?: boolean;
  body?: 'cap' | 'ban' | 'lower';
  khoi?: boolean;
  abbr?: boolean;
  committee?: boolean;
}

export const ORG_HEADS: Readonly<Record<string, OrgHead>> = {
  // Party committees and organizations.
  'Tỉnh ủy': { bare: true, committee: true },
  'Thành ủy': { bare: true, committee: true },
  'Huyện ủy': { bare: true, committee: true },
  'Quận ủy': { bare: true, committee: true },
  'Thị ủy': { bare: true, committee: true },
  'Đảng ủy': { bare: true, committee: true, khoi: true, body: 'cap' },
  'Đảng bộ': { khoi: true, body: 'cap' },
  'Chi bộ': { body: 'cap' },
  'Đảng đoàn': { body: 'cap' },
  'Ban cán sự đảng': { body: 'cap' },
  'Ban': { body: 'ban' },
  'Đảng Cộng sản Việt Nam': { bare: true },
  'Bộ Chính trị': { bare: true },
  'Ban Bí thư': { bare: true },
  'Đoàn Chủ tịch': { bare: true },
  'Văn phòng': { body: 'cap' },
  'Văn phòng Trung ương Đảng': { bare: true },
  // State organs.
  'Quốc hội': { bare: true },
  'Chính phủ': { bare: true },
  'Ủy ban Thường vụ Quốc hội': { bare: true },
  'Hội đồng Dân tộc': { bare: true },
  'Đoàn đại biểu Quốc hội': { bare: true },
  'Đoàn ĐBQH': { bare: true },
  'Ủy ban nhân dân': { bare: true },
  'Hội đồng nhân dân': { bare: true },
  'Ủy ban': { body: 'cap' },
  'Hội đồng': { body: 'cap' },
  'Bộ': { body: 'cap' },
  'Sở': { body: 'cap' },
  'Cục': { body: 'cap' },
  'Tổng cục': { body: 'cap' },
  'Chi cục': { body: 'cap' },
  'Vụ': { body: 'cap' },
  'Kiểm toán Nhà nước': { bare: true },
  'Kho bạc Nhà nước': { bare: true },
  'Ngân hàng Nhà nước': { bare: true },
  'Tòa án nhân dân': { bare: true },
  'Tòa án nhân dân tối cao': { bare: true },
  'Viện kiểm sát nhân dân': { bare: true },
  'Viện kiểm sát nhân dân tối cao': { bare: true },
  'Tòa án': { body: 'cap' },
  'Viện Kiểm sát': { body: 'cap' },
  'Công an': { body: 'cap' },
  'Bộ Chỉ huy': { body: 'cap' },
  'Bộ Tư lệnh': { body: 'cap' },
  'Bộ đội Biên phòng': { bare: true },
  'Quân khu': { body: 'cap' },
  'Quân đội nhân dân Việt Nam': { bare: true },
  'Trung tâm': { body: 'lower' },
  'Học viện': { body: 'cap' },
  'Viện': { body: 'cap' },
  'Trường': { body: 'cap' },
  'Đại học': { body: 'cap' },
  'Bệnh viện': { body: 'cap' },
  // Front and mass organizations.
  'Mặt trận Tổ quốc': { bare: true },
  'Mặt trận Tổ quốc Việt Nam': { bare: true },
  'Ủy ban Mặt trận Tổ quốc': { bare: true },
  'Đoàn Thanh niên': { body: 'cap', bare: true },
  'Tỉnh đoàn': { bare: true, committee: true },
  'Thành đoàn': { bare: true, committee: true },
  'Huyện đoàn': { bare: true, committee: true },
  'Hội': { body: 'cap' },
  'Liên đoàn': { body: 'cap' },
  'Liên minh': { body: 'cap' },
  'Liên hiệp': { body: 'cap' },
  // Media and companies.
  'Báo': { body: 'cap' },
  'Đài': { body: 'cap' },
  'Tạp chí': { body: 'cap' },
  'Thông tấn xã Việt Nam': { bare: true },
  'Cổng thông tin điện tử': { body: 'cap' },
  'Công ty': { body: 'cap' },
  'Tổng công ty': { body: 'cap' },
  'Tập đoàn': { body: 'cap' },
  'Ngân hàng': { body: 'cap' },
  'Liên hợp quốc': { bare: true },
};

/**
 * Ministries and ministry-level bodies by full name (before and after the 2025 merger), so
 * long lowercase tails (`Giao thông vận tải`) are known rather than guessed.
 */
export const MINISTRIES: readonly string[] = [
  'Bộ Quốc phòng', 'Bộ Công an', 'Bộ Ngoại giao', 'Bộ Nội vụ', 'Bộ Tư pháp', 'Bộ Tài chính',
  'Bộ Công Thương', 'Bộ Nông nghiệp và Phát triển nông thôn', 'Bộ Nông nghiệp và Môi trường',
  'Bộ Giao thông vận tải', 'Bộ Xây dựng', 'Bộ Tài nguyên và Môi trường', 'Bộ Thông tin và Truyền thông',
  'Bộ Lao động - Thương binh và Xã hội', 'Bộ Văn hóa, Thể thao và Du lịch', 'Bộ Khoa học và Công nghệ',
  'Bộ Giáo dục và Đào tạo', 'Bộ Y tế', 'Bộ Kế hoạch và Đầu tư', 'Bộ Dân tộc và Tôn giáo',
  'Ủy ban Dân tộc', 'Thanh tra Chính phủ', 'Ngân hàng Nhà nước Việt Nam', 'Văn phòng Chính phủ',
];

/** Abbreviated bodies (guide: an ORG always, unless inside a longer span). */
export const ORG_ABBREVIATIONS: readonly string[] = [
  'UBND', 'HĐND', 'MTTQ', 'UBMTTQ', 'MTTQVN', 'BCH', 'BTV', 'UBKT', 'BCĐ', 'TAND', 'VKSND',
  'BHXH', 'KBNN', 'LĐLĐ', 'HND', 'HLHPN', 'CCB', 'ĐTN', 'QĐND', 'ĐCSVN', 'UBTVQH', 'VPCP',
  // Media sources.
  'VOV', 'VOV.VN', 'VTV', 'VTC', 'TTXVN', 'VNA', 'TN&MT', 'TNMT', 'VTV.VN', 'VNEXPRESS',
  'ASEAN', 'APEC', 'WTO', 'WHO', 'UNESCO', 'UNICEF', 'LHQ', 'EU', 'NATO', 'IMF',
];

/**
 * Committee names after `Ban` (`Ban Tổ chức`, `Ban Chỉ đạo`). `alone` ones also name one
 * body without a following body (`Ban Chỉ đạo`, `Ban Chấp hành` in context; guide §2).
 */
export const BAN_BODIES: ReadonlyArray<{ form: string; alone?: boolean }> = [
  { form: 'Tổ chức' }, { form: 'Thường vụ', alone: true }, { form: 'Thường trực', alone: true },
  { form: 'Chấp hành', alone: true }, { form: 'Chỉ đạo', alone: true }, { form: 'Tuyên giáo' },
  { form: 'Dân vận' }, { form: 'Nội chính' }, { form: 'Kinh tế' }, { form: 'Đối ngoại' },
  { form: 'Tuyên giáo và Dân vận' }, { form: 'Chính sách, chiến lược' }, { form: 'Chính sách chiến lược' },
  { form: 'Pháp chế' }, { form: 'Văn hóa - Xã hội' }, { form: 'Kinh tế - Ngân sách' }, { form: 'Dân tộc' },
  { form: 'Đô thị' }, { form: 'Bảo vệ, chăm sóc sức khỏe cán bộ' }, { form: 'Bảo vệ chăm sóc sức khỏe cán bộ' },
  { form: 'Thi đua - Khen thưởng' }, { form: 'Tôn giáo' }, { form: 'Tiếp công dân' }, { form: 'Nội vụ' },
  { form: 'Quản lý dự án' }, { form: 'Quản lý các khu công nghiệp' }, { form: 'Quản lý Khu kinh tế' },
  { form: 'Chỉ huy' }, { form: 'Biên tập' }, { form: 'Cơ yếu' },
];

/**
 * Level words after a body (`UBND tỉnh`, `Đảng bộ huyện Yên Dũng`). A place may follow.
 * `Trung ương` is a level here, although standing alone it is not an ORG (guide §2).
 */
export const LEVEL_WORDS: readonly string[] = [
  'tỉnh', 'thành phố', 'TP', 'TP.', 'huyện', 'quận', 'thị xã', 'xã', 'phường', 'thị trấn', 'đặc khu',
  'Trung ương', 'TW', 'TƯ', 'Tỉnh', 'Thành phố', 'Huyện', 'Quận', 'Xã', 'Phường',
];

/**
 * Short names of the organization a central body belongs to (`Ban Chấp hành Trung ương
 * Đảng`, `Ban Bí thư Trung ương Đoàn`), when no longer body name follows.
 */
export const CENTRAL_OWNERS: readonly string[] = ['Đảng', 'Đoàn', 'Hội'];

/** `cấp` + one of these is a level range (`cấp huyện`, `cấp ủy`): a generic model, not one body. */
export const LEVEL_RANGE_WORD = 'cấp';

/**
 * Function words: they end any name's lowercase tail (`Sở Y tế của tỉnh`, `Trung tâm này`).
 */
export const FUNCTION_WORDS: readonly string[] = [
  'của', 'và', 'với', 'tại', 'trong', 'về', 'đã', 'đang', 'sẽ', 'được', 'bị', 'là', 'có', 'cho',
  'để', 'theo', 'từ', 'đến', 'các', 'những', 'một', 'này', 'đó', 'khi', 'thì', 'mà', 'nên',
  'cũng', 'vẫn', 'đều', 'không', 'chưa', 'rất', 'cùng', 'trên', 'dưới', 'ở', 'vào', 'ra', 'lần',
  'khóa', 'nhiệm', 'năm', 'ngày', 'tháng', 'đối', 'nhằm', 'do', 'bởi', 'phải', 'cần', 'tới', 'vừa',
  'mới', 'như', 'hay', 'hoặc', 'sau', 'trước', 'qua', 'nay', 'luôn', 'còn', 'lại', 'chỉ', 'gồm',
];

/**
 * Verbs and nouns that commonly follow a body in running text (`Sở Y tế tổ chức`, `Bộ Nội vụ
 * đề nghị`); they end a capitalised name's tail too, on top of FUNCTION_WORDS.
 */
export const VERB_STARTS: readonly string[] = [
  'làm', 'người', 'đồng', 'chủ', 'tổ', 'tiếp', 'tham', 'thực', 'triển', 'tổng', 'họp', 'ban',
  'kiểm', 'thăm', 'dự', 'nhân', 'phát', 'trao', 'đánh', 'báo', 'nêu', 'đề', 'yêu', 'chúc', 'nói',
];

/**
 * Names of bodies whose words after the first are lowercase and longer than the one
 * syllable a guessed tail may take (`Hội Cựu chiến binh`, `Hội Liên hiệp Phụ nữ`,
 * `Học viện Chính trị quốc gia`): matched as a whole after any body head, so the name is
 * not cut at `Cựu chiến` and no verb after it is swallowed. Lowercase words here may be
 * written capitalised too.
 */
export const BODY_NAMES: readonly string[] = [
  'Cựu chiến binh', 'Nông dân', 'Liên hiệp Phụ nữ', 'Phụ nữ', 'Chữ thập đỏ', 'Người cao tuổi', 'Khuyến học',
  'Nhà báo', 'Luật gia', 'Sinh viên', 'Doanh nhân trẻ', 'Doanh nghiệp nhỏ và vừa', 'Cựu thanh niên xung phong',
  'Nạn nhân chất độc da cam', 'Văn học nghệ thuật', 'Liên hiệp các Hội Văn học nghệ thuật', 'Thanh niên',
  'Thanh niên Cộng sản Hồ Chí Minh', 'Thanh niên xung phong', 'Lao động', 'Chính trị quốc gia', 'Chính trị khu vực',
  'Hành chính quốc gia', 'Bách khoa', 'Sư phạm', 'Y dược', 'Quốc gia', 'Khoa học xã hội', 'Khoa học và Công nghệ',
  'Kinh tế quốc dân', 'Ngoại thương', 'Tổng Tham mưu', 'Chính trị', 'Hậu cần', 'Kỹ thuật',
  'Cảnh sát biển', 'Biên phòng', 'Phòng cháy chữa cháy', 'Quân sự', 'Thông tấn',
];

/** The lowercase tail of a `lower`-bodied head (`Trung tâm phục vụ …`) may be this long at most. */
export const MAX_LOWER_BODY = 6;
