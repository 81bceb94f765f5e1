/**
 * Page-chrome cues of Vietnamese news and government sites (guide §3), as readable tables.
 *
 * Phrases are compared with a line's *skeleton*: normalized key (NFC, lowercase, tone
 * placement unified) with digits, punctuation and symbols removed and spaces collapsed,
 * so `(0) Bình luận`, `Bình luận (12)` and `BÌNH LUẬN` all read `bình luận`, and
 * `--Quảng cáo---` reads `quảng cáo`. Write phrases in lowercase; either tone placement.
 *
 * How a cue matches (`match`):
 * - `line`: the whole skeleton equals the phrase (short widgets, buttons, headings);
 * - `prefix`: the skeleton starts with the phrase (credits, copyright, licence lines);
 * - `label`: the line starts with the phrase followed by a colon (`Địa chỉ: …`,
 *   `Điện thoại: …`); the colon keeps body sentences such as "Tổng Biên tập … phát biểu"
 *   out;
 * - `word`: the phrase occurs as whole words in a short line (at most MAX_WORD_CUE_WORDS
 *   words), e.g. social networks in share bars.
 * `opens`: the line is the heading of a widget; the teaser lines under it belong to the
 * same block (boilerplate.ts absorbs them). `needsDigits`: only when the line also has a
 * number (`Hôm nay: 1.234` is a counter; `Hôm nay` alone is not, nor is
 * "Tổng kết 5 năm…", whose skeleton has more words than the label).
 * `terminal`: the article never resumes after such a line (comment sections, visitor
 * statistics, tag lists, site widgets, copyright): the body ends above it even when prose
 * (readers' comments, notices) follows. Related-news boxes and ads are not terminal:
 * they are printed in the middle of articles too.
 */
import type { BoilerplateCategory } from '../types';

export type CueMatch = 'line' | 'prefix' | 'label' | 'word';

export interface LineCue {
  category: BoilerplateCategory;
  match: CueMatch;
  phrases: readonly string[];
  opens?: boolean;
  needsDigits?: boolean;
  terminal?: boolean;
  /** Only on lines of at most this many words (default MAX_PREFIX_CUE_WORDS). */
  maxWords?: number;
  /** Shown in hovers: why the line was classified so. */
  reason: string;
}

/** `word` cues only fire on lines of at most this many words. */
export const MAX_WORD_CUE_WORDS = 10;
/** `prefix`/`label` cues only fire on lines of at most this many words. */
export const MAX_PREFIX_CUE_WORDS = 60;

export const LINE_CUES: readonly LineCue[] = [
  {
    category: 'ad', match: 'line', reason: 'advertising placeholder',
    phrases: ['quảng cáo', 'advertisement', 'advertising', 'ads', 'sponsored', 'tài trợ', 'nội dung tài trợ', 'banner'],
  },
  {
    category: 'counter', match: 'line', opens: true, terminal: true, reason: 'visitor statistics heading',
    phrases: ['thống kê truy cập', 'thống kê', 'lượt truy cập', 'số lượt truy cập', 'bộ đếm', 'truy cập'],
  },
  {
    category: 'counter', match: 'line', needsDigits: true, terminal: true, reason: 'visitor counter',
    phrases: [
      'lượt xem', 'lượt đọc', 'lượt truy cập', 'số lượt truy cập', 'tổng lượt truy cập', 'tổng truy cập', 'tổng số lượt truy cập',
      'đang truy cập', 'đang online', 'đang trực tuyến', 'trực tuyến', 'online', 'hôm nay', 'hôm qua', 'tuần này', 'tuần trước',
      'tháng này', 'tháng trước', 'năm nay', 'tất cả', 'tổng cộng', 'tổng', 'khách', 'thành viên', 'lượt thích', 'lượt chia sẻ',
      'views', 'view', 'lượt nghe', 'lượt',
    ],
  },
  {
    category: 'counter', match: 'line', reason: 'visitor counter',
    phrases: ['đang truy cập', 'đang online', 'tổng lượt truy cập', 'lượt xem'],
  },
  {
    category: 'related', match: 'line', opens: true, reason: 'related-news heading',
    phrases: [
      'tin liên quan', 'tin cùng chuyên mục', 'cùng chuyên mục', 'bài liên quan', 'bài viết liên quan', 'tin bài liên quan',
      'tin tức liên quan', 'tin khác', 'các tin khác', 'tin cùng loại', 'tin đã đưa', 'các tin đã đưa', 'tin mới hơn',
      'tin cũ hơn', 'các tin cũ hơn', 'xem thêm', 'đọc thêm', 'có thể bạn quan tâm', 'bạn có thể quan tâm', 'tin cùng sự kiện',
      'cùng sự kiện', 'các bài viết khác', 'bài viết khác', 'tin bài khác', 'xem tiếp', 'đọc tiếp', 'video liên quan',
      'tin cùng chủ đề', 'cùng chủ đề', 'bài cùng chuyên mục', 'tin tức cùng chuyên mục', 'các tin bài khác',
    ],
  },
  {
    // `Xem thêm: <headline of another article>` on one line.
    category: 'related', match: 'label', reason: 'link to another article',
    phrases: ['xem thêm', 'đọc thêm', 'xem tiếp', 'tin liên quan', 'bài liên quan', 'mời xem', 'mời đọc'],
  },
  {
    category: 'navigation', match: 'line', opens: true, terminal: true, reason: 'site widget heading',
    phrases: [
      'tin nổi bật', 'nổi bật', 'tin mới nhất', 'mới nhất', 'tin mới', 'đọc nhiều', 'đọc nhiều nhất', 'xem nhiều', 'xem nhiều nhất',
      'tin xem nhiều', 'tin đọc nhiều', 'tiêu điểm', 'tin tiêu điểm', 'tin nóng', 'tin hot', 'dành cho bạn', 'mới nhất dành cho bạn',
      'liên kết website', 'liên kết web', 'liên kết', 'tin ảnh', 'video nổi bật', 'chuyên đề', 'sự kiện nổi bật',
      'tin trong ngày', 'tin 24h', 'tin tức sự kiện', 'thông tin cần biết', 'bài đọc nhiều', 'tin tức', 'tin mới cập nhật',
      'sự kiện', 'chủ đề nóng', 'tin đáng chú ý', 'đáng chú ý', 'tin hay', 'chuyên mục khác', 'tin cùng tác giả',
    ],
  },
  {
    category: 'navigation', match: 'line', reason: 'menu, search box or page control',
    phrases: [
      'trang chủ', 'về trang chủ', 'tất cả chuyên mục', 'chuyên mục', 'danh mục', 'menu', 'tìm kiếm', 'nhập từ khóa',
      'nhập từ khóa tìm kiếm', 'nhập nội dung tìm kiếm', 'tìm', 'đăng nhập', 'đăng ký', 'đăng xuất', 'in bài', 'in bài viết', 'in trang',
      'bản in', 'in', 'gửi email', 'gửi bài', 'gửi tin', 'lưu', 'lưu bài', 'lưu tin', 'theo dõi', 'quay lại', 'trở lại', 'trở về',
      'về đầu trang', 'lên đầu trang', 'đầu trang', 'a', 'a a', 'a a a', 'a a a a', 'cỡ chữ', 'phóng to', 'thu nhỏ', 'nghe đọc bài',
      'nghe bài viết', 'nghe', 'đọc bài', 'nghe audio', 'chia sẻ', 'chia sẻ bài viết', 'share', 'copy link', 'sao chép liên kết',
      'tags', 'tag', 'từ khóa', 'chủ đề', 'english', 'tiếng việt', 'rss', 'sitemap', 'sơ đồ trang', 'thời tiết', 'tiện ích',
      'hôm nay', 'xem', 'xem tất cả', 'xem toàn bộ', 'xem chi tiết', 'chi tiết', 'tiếp theo', 'trang trước', 'trang sau',
      'bài trước', 'bài sau', 'bài tiếp theo', 'trước', 'sau', 'đóng', 'mở', 'close', 'top', 'home', 'more', 'xem thêm tin',
      'video', 'ảnh', 'podcast', 'multimedia', 'infographic', 'emagazine', 'e magazine', 'longform', 'megastory', 'photo',
      'bình chọn', 'biểu quyết', 'tra cứu', 'văn bản mới', 'tăng cỡ chữ', 'giảm cỡ chữ', 'cỡ chữ mặc định', 'aa',
      'xem theo ngày', 'chọn link liên kết', 'chọn liên kết', 'sắp xếp', 'xếp theo', 'mới nhất cũ nhất', 'cũ nhất', 'in bài này',
      'gửi cho bạn bè', 'gửi bài viết qua email', 'nghe bài', 'dừng', 'tạm dừng', 'giọng nam', 'giọng nữ', 'tải về', 'tải xuống', 'lịch công tác', 'tin tức sự kiện',
    ],
  },
  {
    // Newsletter sign-up and cookie consent.
    category: 'navigation', match: 'line', reason: 'newsletter or cookie notice',
    phrases: [
      'đăng ký nhận bản tin', 'nhận bản tin', 'đăng ký nhận tin', 'bản tin', 'nhập email của bạn', 'nhập địa chỉ email', 'đồng ý', 'tôi đồng ý', 'chấp nhận', 'từ chối', 'tìm hiểu thêm', 'cài đặt cookie',
    ],
  },
  {
    category: 'navigation', match: 'prefix', maxWords: 40, reason: 'cookie notice',
    phrases: [
      'chúng tôi sử dụng cookie', 'website sử dụng cookie', 'trang web sử dụng cookie', 'trang web này sử dụng cookie',
      'website này sử dụng cookie', 'bằng việc tiếp tục sử dụng', 'đăng ký nhận bản tin', 'đăng ký để nhận',
    ],
  },
  {
    // Tag lists (`Tags: Quốc hội, kỳ họp thứ 7`, or the label alone above the tags).
    category: 'navigation', match: 'label', terminal: true, reason: 'tags',
    phrases: ['tags', 'tag', 'từ khóa', 'chủ đề', 'từ khóa liên quan'],
  },
  {
    category: 'navigation', match: 'label', reason: 'breadcrumb',
    phrases: ['chuyên mục', 'bạn đang ở', 'vị trí', 'danh mục'],
  },
  {
    // Pagination (`Trang 1 2 3 4 5`, `Trang 2/15`).
    category: 'navigation', match: 'line', needsDigits: true, reason: 'pagination',
    phrases: ['trang', 'trang trước trang sau', 'trang đầu trang cuối'],
  },
  {
    category: 'comments', match: 'line', opens: true, terminal: true, reason: 'comments heading',
    phrases: [
      'ý kiến bạn đọc', 'bình luận', 'các bình luận', 'bình luận của bạn', 'gửi bình luận', 'viết bình luận', 'ý kiến', 'gửi ý kiến',
      'ý kiến của bạn', 'bạn đọc bình luận', 'bình luận bài viết', 'thảo luận', 'phản hồi', 'gửi phản hồi', 'bạn nghĩ gì',
      'ý kiến phản hồi', 'bình luận mới nhất', 'bình luận hay nhất', 'ý kiến bình luận', 'đánh giá bài viết',
      'gửi ý kiến của bạn', 'ý kiến của bạn về bài viết', 'gửi bình luận của bạn', 'viết bình luận của bạn', 'ý kiến bạn đọc về bài viết',
      'bình luận facebook', 'tổng số bình luận',
    ],
  },
  {
    category: 'comments', match: 'line', reason: 'comment form field',
    phrases: [
      'họ và tên', 'họ tên', 'tên của bạn', 'email của bạn', 'nội dung', 'nội dung bình luận', 'mã xác nhận', 'mã bảo vệ',
      'gửi', 'hủy', 'trả lời', 'thích', 'xem thêm bình luận', 'xem thêm ý kiến', 'nhập nội dung', 'số ký tự', 'nhập mã xác nhận',
      'gửi ý kiến', 'báo vi phạm',
    ],
  },
  {
    category: 'comments', match: 'prefix', reason: 'comments prompt',
    phrases: [
      'ý kiến của bạn sẽ được', 'bình luận của bạn sẽ được', 'vui lòng nhập', 'bạn cần đăng nhập', 'hãy là người đầu tiên bình luận',
      'thông tin bạn đọc sẽ được bảo mật', 'bạn đọc vui lòng', 'xin vui lòng gõ tiếng việt',
    ],
  },
  {
    category: 'social', match: 'word', reason: 'social-network widget',
    phrases: [
      'facebook', 'zalo', 'twitter', 'youtube', 'tiktok', 'instagram', 'linkedin', 'telegram', 'fanpage', 'messenger',
      'mã qr', 'qr code', 'qrcode', 'tweet', 'pinterest', 'viber', 'google news', 'google tin tức', 'threads', 'lotus', 'gapo',
    ],
  },
  {
    category: 'social', match: 'prefix', maxWords: 14, reason: 'social-network widget',
    phrases: [
      'theo dõi chúng tôi', 'theo dõi báo', 'kết nối với chúng tôi', 'tải ứng dụng', 'tải app', 'quét mã', 'like', 'thích trang',
      'chia sẻ qua', 'chia sẻ lên', 'follow',
    ],
  },
  {
    category: 'footer', match: 'prefix', maxWords: 40, terminal: true, reason: 'copyright or platform credit',
    phrases: [
      'powered by', 'copyright', 'bản quyền thuộc', 'bản quyền', 'giữ bản quyền', 'giấy phép số', 'giấy phép hoạt động',
      'giấy phép thiết lập', 'giấy phép xuất bản', 'giấy phép báo điện tử', 'giấy phép cung cấp', 'thiết kế bởi', 'phát triển bởi',
      'thiết kế và phát triển', 'a product of', 'all rights reserved', 'cơ quan chủ quản', 'chịu trách nhiệm xuất bản',
      'chịu trách nhiệm nội dung', 'chịu trách nhiệm chính', 'ghi rõ nguồn', 'không được sao chép', 'cấm sao chép',
      'nghiêm cấm sao chép', 'trích dẫn lại', 'liên hệ quảng cáo', 'đơn vị quản lý', 'cổng thông tin điện tử được',
      'số giấy phép', 'mọi quyền được bảo lưu', 'toàn bộ bản quyền',
    ],
  },
  {
    category: 'footer', match: 'label', reason: 'contact block',
    phrases: [
      'địa chỉ', 'trụ sở', 'trụ sở chính', 'tòa soạn', 'văn phòng', 'điện thoại', 'đt', 'tel', 'fax', 'email', 'e mail', 'hotline',
      'đường dây nóng', 'website', 'tổng biên tập', 'phó tổng biên tập', 'chủ nhiệm', 'phó chủ nhiệm', 'thư ký tòa soạn',
      'cơ quan chủ quản', 'chịu trách nhiệm', 'liên hệ', 'mst', 'mã số thuế', 'số tài khoản', 'địa chỉ tòa soạn',
      'chịu trách nhiệm chính', 'chịu trách nhiệm nội dung', 'tổng giám đốc', 'giám đốc', 'ban biên tập', 'trưởng ban biên tập',
    ],
  },
  {
    category: 'footer', match: 'line', reason: 'footer link',
    phrases: ['liên hệ', 'giới thiệu', 'về chúng tôi', 'điều khoản sử dụng', 'chính sách bảo mật', 'liên hệ quảng cáo', 'góp ý', 'bản quyền'],
  },
];

/**
 * Section names of news sites: items of menus and breadcrumbs, and the category part of a
 * teaser/article meta line (`Xã hội - Đức Thiện - 11:02 22/09/2020`).
 */
export const SECTION_NAMES: readonly string[] = [
  'thời sự', 'chính trị', 'xã hội', 'kinh tế', 'thế giới', 'quốc tế', 'pháp luật', 'văn hóa', 'giáo dục', 'thể thao', 'sức khỏe',
  'y tế', 'đời sống', 'quốc phòng', 'an ninh', 'quốc phòng an ninh', 'khoa học', 'công nghệ', 'khoa học công nghệ', 'du lịch',
  'bất động sản', 'giải trí', 'xây dựng đảng', 'nông nghiệp', 'nông thôn', 'môi trường', 'tài nguyên', 'tài nguyên môi trường',
  'doanh nghiệp', 'tài chính', 'chứng khoán', 'kinh doanh', 'bạn đọc', 'góc nhìn', 'ý kiến', 'xe', 'số hóa', 'việc làm',
  'trong nước', 'địa phương', 'người việt', 'lao động', 'giao thông', 'đô thị', 'tin tức', 'tin tổng hợp', 'chuyên đề',
  'video', 'ảnh', 'podcast', 'multimedia', 'media', 'infographic', 'emagazine', 'trang chủ', 'tin trong tỉnh', 'hoạt động',
  'lãnh đạo', 'chỉ đạo điều hành', 'thông báo', 'tin hoạt động', 'tuyên truyền', 'văn nghệ', 'nghị luận', 'phóng sự',
  'điều tra', 'dân tộc', 'tôn giáo', 'biển đảo', 'đối ngoại', 'cải cách hành chính', 'học tập và làm theo',
];

/**
 * Phrases of a site's masthead description in its footer (`Báo Nhân Dân - Cơ quan Trung
 * ương của Đảng …`, `Cơ quan của Đảng bộ tỉnh …`). Prose can use them too, so they only
 * count below the article body, anywhere in a line (compared as skeletons).
 */
export const FOOTER_PHRASES: readonly string[] = [
  'cơ quan của', 'cơ quan trung ương của', 'cơ quan ngôn luận', 'tiếng nói của đảng', 'tiếng nói của lực lượng', 'thuộc bộ',
  'cơ quan chủ quản', 'cơ quan thông tấn nhà nước',
];

/** How a site's own name starts when its footer repeats it above the licence (`Báo VietNamNet`). */
export const MASTHEAD_HEADS: readonly string[] = [
  'báo', 'báo điện tử', 'tạp chí', 'đài', 'cổng thông tin', 'cổng thông tin điện tử', 'trang thông tin', 'trang thông tin điện tử',
  'thông tấn xã',
];

/**
 * Controls of a comment widget that other widgets also use (sort tabs, buttons): inside a
 * comments section they belong to it.
 */
export const COMMENT_CONTROLS: readonly string[] = [
  'mới nhất', 'quan tâm nhất', 'cũ nhất', 'hay nhất', 'được thích nhất', 'thích nhất', 'trả lời', 'thích', 'gửi',
  'email', 'e mail', 'họ tên', 'họ và tên', 'điện thoại', 'số điện thoại', 'địa chỉ email', 'tên của bạn', 'nội dung',
];

/** Separators between the items of a one-line menu or breadcrumb. */
export const MENU_SEPARATORS: readonly string[] = ['|', '»', '›', '>', '/', '•', '·', '▸', '►', '→', '–', '-'];

/** Leading marks of teaser/list items (`• Yên Bái: Họp báo …`). */
export const BULLET_MARKS: readonly string[] = ['•', '●', '○', '◦', '▪', '▫', '■', '□', '►', '▸', '▶', '»', '·', '*', '+', '>', '-', '–', '+'];

/** Words before a date-time stamp on a dateline (`Cập nhật: 10:15, 12/05/2025`). */
export const STAMP_LABELS: readonly string[] = [
  'cập nhật', 'cập nhật lúc', 'cập nhật ngày', 'ngày đăng', 'đăng ngày', 'đăng lúc', 'đăng', 'thời gian', 'thời gian đăng',
  'ngày', 'lúc', 'xuất bản', 'ngày xuất bản', 'ngày cập nhật', 'gmt', 'published', 'updated', 'a', 'a a', 'a a a',
  'thời gian cập nhật', 'đăng tải', 'ngày đăng tải', 'giờ', 'utc',
];

/**
 * Counters a CMS prints on the dateline after a bar (`Ngày đăng: 14/05/2024 | Lượt xem: 356`):
 * the line stays a dateline. Compared as skeletons, digits dropped.
 */
export const STAMP_COUNTERS: readonly string[] = [
  'lượt xem', 'lượt đọc', 'lượt truy cập', 'xem', 'views', 'view', 'bình luận', 'lượt thích', 'lượt chia sẻ',
];
