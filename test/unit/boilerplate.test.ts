/**
 * Boilerplate classification on page chrome written in the styles of Vietnamese news and
 * government sites (national dailies, the radio's site, provincial papers and portals).
 * The pages are invented for these tests; each asserts which lines are chrome, which
 * category they get, and that the article's own lines are left alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyzer';
import { detectBoilerplate } from '../../server/src/core/boilerplate';
import { splitLines } from '../../server/src/core/candidates';
import type { BoilerplateCategory } from '../../server/src/core/types';

/** Category of every non-blank line (undefined = article text), by line text. */
function classify(text: string): Array<[string, BoilerplateCategory | undefined]> {
  const a = analyze(text);
  const lines = splitLines(text);
  const cps = [...text];
  // analyze() reports code points; these test texts are BMP-only, so UTF-16 == code points.
  assert.equal(cps.length, text.length);
  return lines
    .filter((l) => l.text.trim() !== '')
    .map((l) => [l.text.trim(), a.boilerplate.find((b) => b.start <= l.start && l.end <= b.end + 1 && b.end > l.start)?.category]);
}

function categoryOf(rows: Array<[string, BoilerplateCategory | undefined]>, line: string): BoilerplateCategory | undefined {
  const row = rows.find(([t]) => t === line);
  assert.ok(row, `line "${line}" exists`);
  return row[1];
}

const P1 =
  'Chiều 11/5, tại trụ sở Chính phủ, Thủ tướng chủ trì phiên họp Chính phủ thường kỳ tháng 4 và hội nghị trực tuyến của Chính phủ với các địa phương, đánh giá tình hình kinh tế - xã hội và bàn các giải pháp cho những tháng tiếp theo.';
const P2 =
  'Phát biểu khai mạc, Thủ tướng cho biết trong tháng qua, các bộ, ngành và địa phương đã triển khai quyết liệt các nhiệm vụ được giao, nhờ đó tăng trưởng của quý đầu năm cao hơn cùng kỳ và lạm phát được kiểm soát ở mức hợp lý.';
const P3 =
  'Theo báo cáo của Bộ Kế hoạch và Đầu tư, vốn đầu tư công giải ngân trong bốn tháng đạt hơn 20% kế hoạch, cao hơn so với cùng kỳ; nhiều công trình trọng điểm được đẩy nhanh tiến độ, trong đó có các dự án đường cao tốc.';

test('a national daily: breadcrumb, dateline above the headline, share bar, related list, comments and copyright', () => {
  const page = [
    'Thời sự',
    'Chính trị',
    'Thứ hai, 12/5/2025, 08:00 (GMT+7)',
    'Thủ tướng chủ trì phiên họp Chính phủ thường kỳ tháng 4',
    P1,
    P2,
    'Thủ tướng phát biểu tại phiên họp. Ảnh: Nhật Bắc',
    P3,
    'Hoàng Thùy',
    'Chia sẻ',
    'Facebook Zalo',
    'Xem thêm',
    'Chính phủ họp chuyên đề về xây dựng pháp luật',
    'Tháo gỡ vướng mắc cho các dự án đầu tư công',
    'Ý kiến (0)',
    '© Copyright 1997 Báo điện tử. All rights reserved',
  ].join('\n');
  const rows = classify(page);
  assert.equal(categoryOf(rows, 'Thời sự'), 'navigation');
  assert.equal(categoryOf(rows, 'Chính trị'), 'navigation');
  assert.equal(categoryOf(rows, 'Thứ hai, 12/5/2025, 08:00 (GMT+7)'), undefined, 'the only stamp is the article dateline');
  assert.equal(categoryOf(rows, 'Thủ tướng chủ trì phiên họp Chính phủ thường kỳ tháng 4'), undefined);
  for (const p of [P1, P2, P3, 'Thủ tướng phát biểu tại phiên họp. Ảnh: Nhật Bắc', 'Hoàng Thùy']) assert.equal(categoryOf(rows, p), undefined, p);
  assert.equal(categoryOf(rows, 'Chia sẻ'), 'navigation');
  assert.equal(categoryOf(rows, 'Facebook Zalo'), 'social');
  assert.equal(categoryOf(rows, 'Xem thêm'), 'related');
  assert.equal(categoryOf(rows, 'Chính phủ họp chuyên đề về xây dựng pháp luật'), 'related');
  assert.equal(categoryOf(rows, 'Tháo gỡ vướng mắc cho các dự án đầu tư công'), 'related');
  assert.equal(categoryOf(rows, 'Ý kiến (0)'), 'comments');
  assert.equal(categoryOf(rows, '© Copyright 1997 Báo điện tử. All rights reserved'), 'footer');
});

test('a portal with a crawl time stamp in the menu bar: the stamp joins the navigation, the own dateline does not', () => {
  const page = [
    'Trang chủ | Tin tức | Chính trị',
    'Thứ Năm, 14/11/2024 09:12 (GMT +7)',
    'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 18',
    'Cập nhật: 08:30, 20/04/2023',
    P1,
    P2,
    'Đọc nhiều',
    'Tỉnh triển khai chương trình chuyển đổi số năm 2023',
    'Hội nghị giao ban báo chí quý I',
    'Đang truy cập: 125',
    'Tổng lượt truy cập: 1.234.567',
    'Cơ quan chủ quản: Ủy ban nhân dân tỉnh',
    'Địa chỉ: số 1 đường Trần Hưng Đạo, thành phố',
    'Điện thoại: 0203.3825.123',
  ].join('\n');
  const rows = classify(page);
  assert.equal(categoryOf(rows, 'Trang chủ | Tin tức | Chính trị'), 'navigation');
  assert.equal(categoryOf(rows, 'Thứ Năm, 14/11/2024 09:12 (GMT +7)'), 'navigation');
  assert.equal(categoryOf(rows, 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 18'), undefined);
  assert.equal(categoryOf(rows, 'Cập nhật: 08:30, 20/04/2023'), undefined);
  assert.equal(categoryOf(rows, 'Đọc nhiều'), 'navigation');
  assert.equal(categoryOf(rows, 'Tỉnh triển khai chương trình chuyển đổi số năm 2023'), 'navigation', 'widget teaser');
  assert.equal(categoryOf(rows, 'Đang truy cập: 125'), 'counter');
  assert.equal(categoryOf(rows, 'Tổng lượt truy cập: 1.234.567'), 'counter');
  assert.equal(categoryOf(rows, 'Cơ quan chủ quản: Ủy ban nhân dân tỉnh'), 'footer');
  assert.equal(categoryOf(rows, 'Địa chỉ: số 1 đường Trần Hưng Đạo, thành phố'), 'footer');
  assert.equal(categoryOf(rows, 'Điện thoại: 0203.3825.123'), 'footer');
});

test('a related box in the middle of the article ends where the article resumes', () => {
  const page = [
    'Bộ Chính trị làm việc với Ban Thường vụ Thành ủy',
    '',
    `VOV.VN - ${P1}`,
    '',
    'Tin liên quan',
    '',
    'Thành ủy tổng kết công tác xây dựng Đảng năm 2023',
    'Thành ủy tổng kết công tác xây dựng Đảng năm 2023',
    '',
    'VOV.VN - Sáng nay, Ban Thường vụ Thành ủy tổ chức hội nghị tổng kết công tác xây dựng Đảng và triển khai nhiệm vụ năm 2024.',
    '',
    'Đẩy mạnh công tác cán bộ',
    '',
    P2,
    '',
    P3,
  ].join('\n');
  const rows = classify(page);
  assert.equal(categoryOf(rows, 'Tin liên quan'), 'related');
  assert.equal(categoryOf(rows, 'Thành ủy tổng kết công tác xây dựng Đảng năm 2023'), 'related');
  assert.ok(rows.filter(([t]) => t === 'Thành ủy tổng kết công tác xây dựng Đảng năm 2023').every(([, c]) => c === 'related'), 'the repeat is related, not duplicate');
  assert.equal(rows.find(([t]) => t.startsWith('VOV.VN - Sáng nay'))?.[1], 'related');
  assert.equal(categoryOf(rows, 'Đẩy mạnh công tác cán bộ'), undefined, 'a subheading after the box is given back');
  assert.equal(categoryOf(rows, P2), undefined);
  assert.equal(categoryOf(rows, P3), undefined);
});

test('headless teasers: a bullet headline with indented meta and lede lines after the article', () => {
  const page = [
    '--- Quảng cáo ---',
    'Quảng Trị: Tổng kết 10 năm thực hiện chỉ thị về công tác dân vận',
    'Thời sự - Hoài Nam - 09:15 05/06/2024',
    `(TN&MT) - ${P1}`,
    P2,
    '  » Hà Tĩnh: Khai mạc hội nghị Tỉnh ủy lần thứ 20',
    '    Thời sự - Thu Hà - 16:40 04/06/2024',
    '    (TN&MT) - Chiều 4/6, Tỉnh ủy Hà Tĩnh khai mạc hội nghị lần thứ 20 để đánh giá kết quả 6 tháng.',
    'Bình luận (2)',
    'Gửi bình luận',
    'POWERED BY CMS - A PRODUCT OF SOFTWARE',
  ].join('\n');
  const rows = classify(page);
  assert.equal(categoryOf(rows, '--- Quảng cáo ---'), 'ad');
  assert.equal(categoryOf(rows, 'Thời sự - Hoài Nam - 09:15 05/06/2024'), undefined, "the article's own meta line");
  assert.equal(categoryOf(rows, '» Hà Tĩnh: Khai mạc hội nghị Tỉnh ủy lần thứ 20'), 'related');
  assert.equal(categoryOf(rows, 'Thời sự - Thu Hà - 16:40 04/06/2024'), 'related');
  assert.equal(rows.find(([t]) => t.startsWith('(TN&MT) - Chiều 4/6'))?.[1], 'related');
  assert.equal(categoryOf(rows, 'Bình luận (2)'), 'comments');
  assert.equal(categoryOf(rows, 'Gửi bình luận'), 'comments');
  assert.equal(categoryOf(rows, 'POWERED BY CMS - A PRODUCT OF SOFTWARE'), 'footer');
});

test('verbatim repeats inside the article are duplicates; the first copy stays', () => {
  const caption = 'Đại biểu biểu quyết thông qua nghị quyết đại hội.';
  const page = ['Đại hội Đảng bộ huyện lần thứ XXV thành công tốt đẹp', P1, caption, caption, P2, P3, P2].join('\n');
  const a = analyze(page);
  const dups = a.boilerplate.filter((b) => b.category === 'duplicate');
  assert.equal(dups.length, 2);
  assert.equal(dups[0].text, caption);
  assert.equal(dups[0].start, page.indexOf(caption, page.indexOf(caption) + 1));
  assert.equal(dups[1].start, page.lastIndexOf(P2));
});

test('repeated advertising placeholders stay ads, in one block', () => {
  const page = ['Tiêu đề bài viết về hội nghị tổng kết', P1, P2, 'Quảng cáo', 'Quảng cáo', 'Advertisement'].join('\n');
  const ads = analyze(page).boilerplate.filter((b) => b.category === 'ad');
  assert.equal(ads.length, 1);
  assert.equal(ads[0].text, 'Quảng cáo\nQuảng cáo\nAdvertisement');
});

test('unknown short chrome below the article is navigation; body lines are not touched', () => {
  const page = ['Khánh Hòa công bố quy hoạch tỉnh thời kỳ 2021 - 2030', P1, P2, 'Minh Hà', 'In bài', 'Bộ Nội vụ', 'Cổng thông tin Chính phủ'].join('\n');
  const rows = classify(page);
  assert.equal(categoryOf(rows, 'Minh Hà'), undefined, 'the byline belongs to the article');
  assert.equal(categoryOf(rows, 'In bài'), 'navigation');
  assert.equal(categoryOf(rows, 'Bộ Nội vụ'), 'navigation');
  assert.equal(categoryOf(rows, 'Cổng thông tin Chính phủ'), 'navigation');
});

test('a body sentence that merely mentions Facebook or starts like a counter is not chrome', () => {
  const long = 'Theo Sở Thông tin và Truyền thông, trong năm qua các cơ quan nhà nước của tỉnh đã mở trang Facebook và tài khoản Zalo chính thức để tiếp nhận phản ánh của người dân, doanh nghiệp về thủ tục hành chính.';
  const page = ['Tỉnh đẩy mạnh tiếp nhận phản ánh qua mạng xã hội', P1, long, 'Tổng kết 5 năm thực hiện Nghị quyết 18', P2].join('\n');
  const rows = classify(page);
  assert.equal(categoryOf(rows, long), undefined);
  assert.equal(categoryOf(rows, 'Tổng kết 5 năm thực hiện Nghị quyết 18'), undefined);
});

test('empty file, blank lines, NBSP-only lines', () => {
  assert.deepEqual(analyze('').boilerplate, []);
  assert.deepEqual(analyze('\n\n  \n').boilerplate, []);
  const page = ['Tiêu đề bài viết về hội nghị tổng kết năm', '\u00a0', P1, '\u00a0\u00a0', P2].join('\n');
  assert.deepEqual(analyze(page).boilerplate, [], 'NBSP-only lines are blank, not boilerplate');
});

test('a file of only boilerplate is all boilerplate and has no headline', () => {
  const page = ['Trang chủ', 'Tin nổi bật', '--Quảng cáo---', '(0) Bình luận', 'Lượt xem: 2.345', 'Bản quyền thuộc Báo Tỉnh', 'Fanpage'].join('\n');
  const a = analyze(page);
  const rows = classify(page);
  assert.ok(rows.every(([, c]) => c !== undefined), JSON.stringify(rows));
  assert.deepEqual(a.metadata.filter((m) => m.kind === 'headline'), []);
});

test('CRLF line ends and leading indentation give the same categories', () => {
  const lines = ['Tất cả chuyên mục', 'Thủ tướng làm việc với lãnh đạo tỉnh Nghệ An', P1, P2, 'Tin cùng chuyên mục', 'Nghệ An đón nhận Huân chương Lao động hạng Nhất'];
  const lf = classify(lines.join('\n')).map(([, c]) => c);
  const crlf = classify(lines.join('\r\n')).map(([, c]) => c);
  const indented = classify(lines.map((l) => `   ${l}`).join('\r\n')).map(([, c]) => c);
  assert.deepEqual(crlf, lf);
  assert.deepEqual(indented, lf);
  assert.deepEqual(lf, ['navigation', undefined, undefined, undefined, 'related', 'related']);
});

test('blocks carry a reason and start at the line start (indentation included)', () => {
  const text = 'Tiêu đề bài viết về hội nghị tổng kết\n' + P1 + '\n  Tin liên quan\n';
  const blocks = detectBoilerplate({ text, lines: splitLines(text) });
  assert.equal(blocks.length, 1);
  assert.equal(text.slice(blocks[0].start, blocks[0].end), '  Tin liên quan');
  assert.match(blocks[0].reason ?? '', /related/);
});

test('a very long page is classified whole (timing lives in npm run bench)', () => {
  const chunk = ['Tin liên quan', 'Thành ủy tổng kết công tác', P1, P2, '(0) Bình luận', 'Quảng cáo', ''].join('\n');
  const big = 'Tiêu đề bài viết về hội nghị tổng kết\n' + Array.from({ length: 400 }, (_, i) => chunk + ` ${i}`).join('\n');
  assert.ok(big.length > 100_000);
  const blocks = detectBoilerplate({ text: big, lines: splitLines(big) });
  assert.ok(blocks.length > 400);
});

test('a list that closes the article stays article text; the widget after it does not', () => {
  const page = [
    'Danh sách Ban Thường vụ Huyện ủy khóa mới',
    'Chiều 20/7, Đại hội đại biểu Đảng bộ huyện lần thứ XXV đã bầu Ban Chấp hành Đảng bộ huyện khóa mới gồm 35 đồng chí; Ban Chấp hành đã họp phiên thứ nhất để bầu Ban Thường vụ, Bí thư và các Phó Bí thư Huyện ủy, cụ thể như sau:',
    '1. Đồng chí Hoàng Văn Sơn, Bí thư Huyện ủy;',
    '2. Đồng chí Lò Thị Mai, Phó Bí thư Thường trực Huyện ủy;',
    '- Đồng chí Vi Văn Tùng, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện.',
    'Tin mới',
    'Huyện tổ chức lễ ra quân huấn luyện năm 2024',
  ].join('\n');
  const rows = classify(page);
  assert.equal(categoryOf(rows, '1. Đồng chí Hoàng Văn Sơn, Bí thư Huyện ủy;'), undefined);
  assert.equal(categoryOf(rows, '2. Đồng chí Lò Thị Mai, Phó Bí thư Thường trực Huyện ủy;'), undefined);
  assert.equal(categoryOf(rows, '- Đồng chí Vi Văn Tùng, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện.'), undefined);
  assert.equal(categoryOf(rows, 'Tin mới'), 'navigation');
  assert.equal(categoryOf(rows, 'Huyện tổ chức lễ ra quân huấn luyện năm 2024'), 'navigation');
});

test('NFD text gives the same categories at the same lines', () => {
  const lines = ['Trang chủ', 'Đảng bộ tỉnh tổ chức hội nghị tổng kết công tác năm', P1, P2, 'Tin liên quan', 'Tỉnh ủy họp phiên thường kỳ tháng 5', '(0) Bình luận'];
  const nfc = lines.join('\n');
  const nfd = nfc.normalize('NFD');
  const cats = (t: string) => analyze(t).boilerplate.map((b) => b.category);
  assert.deepEqual(cats(nfd), cats(nfc));
  assert.deepEqual(cats(nfc), ['navigation', 'related', 'comments']);
  const a = analyze(nfd);
  assert.equal(a.boilerplate[1].text, 'Tin liên quan\nTỉnh ủy họp phiên thường kỳ tháng 5'.normalize('NFD'));
});

test('a widget printed above the article does not swallow the headline', () => {
  const page = [
    'Tin nổi bật',
    'Tỉnh ủy tổ chức hội nghị sơ kết 6 tháng đầu năm',
    'Khai mạc kỳ họp thứ 15 Hội đồng nhân dân tỉnh',
    'Thủ tướng làm việc với lãnh đạo chủ chốt tỉnh Thanh Hóa',
    'Thứ Bảy, 15/06/2024 - 09:00',
    P1,
    P2,
  ].join('\n');
  const rows = classify(page);
  assert.equal(categoryOf(rows, 'Tỉnh ủy tổ chức hội nghị sơ kết 6 tháng đầu năm'), 'navigation');
  assert.equal(categoryOf(rows, 'Khai mạc kỳ họp thứ 15 Hội đồng nhân dân tỉnh'), 'navigation');
  assert.equal(categoryOf(rows, 'Thủ tướng làm việc với lãnh đạo chủ chốt tỉnh Thanh Hóa'), undefined);
  const headline = analyze(page).metadata.find((m) => m.kind === 'headline');
  assert.equal(headline?.text, 'Thủ tướng làm việc với lãnh đạo chủ chốt tỉnh Thanh Hóa');
});

test("readers' comments in prose under a comments heading are comments, not the article's last paragraphs", () => {
  const comment = 'Tôi rất đồng tình với chủ trương này, mong rằng các cấp chính quyền sẽ sớm triển khai để người dân ở vùng sâu, vùng xa được hưởng lợi từ chính sách và đời sống ngày càng được cải thiện.';
  const page = [
    'Tỉnh Lai Châu triển khai chương trình mục tiêu quốc gia',
    P1,
    P2,
    'Hà Linh',
    'Ý kiến bạn đọc (1)',
    'Trần Văn Bình',
    '15/06/2024 08:40',
    comment,
    'Trả lời',
    'Mới nhất',
    'Gửi ý kiến',
    'Email',
    'Mã xác nhận',
  ].join('\n');
  const rows = classify(page);
  assert.equal(categoryOf(rows, 'Hà Linh'), undefined, 'the byline above the comments is article');
  for (const line of ['Ý kiến bạn đọc (1)', 'Trần Văn Bình', '15/06/2024 08:40', comment, 'Trả lời', 'Mới nhất', 'Gửi ý kiến', 'Email', 'Mã xác nhận']) {
    assert.equal(categoryOf(rows, line), 'comments', line);
  }
  assert.deepEqual(analyze(page).metadata.filter((m) => m.kind === 'byline').map((m) => m.text), ['Hà Linh']);
});

test('tag lists, teaser time stamps and series links below the article take the widget they are in', () => {
  const page = [
    'Bài 2: Đổi mới phương thức lãnh đạo ở cơ sở',
    P1,
    P2,
    'Bài 1: Những chuyển biến từ chi bộ thôn',
    'Bài 3: Giải pháp nâng cao năng lực lãnh đạo',
    'Từ khóa:',
    'Chi bộ',
    'Xây dựng Đảng',
    'Tin cùng chuyên mục',
    'Huyện ủy tổ chức hội nghị giao ban quý II',
    '12/06/2024 16:20 GMT+7',
  ].join('\n');
  const rows = classify(page);
  assert.equal(categoryOf(rows, 'Bài 2: Đổi mới phương thức lãnh đạo ở cơ sở'), undefined, 'the article’s own part number');
  assert.equal(categoryOf(rows, 'Bài 1: Những chuyển biến từ chi bộ thôn'), 'related');
  assert.equal(categoryOf(rows, 'Bài 3: Giải pháp nâng cao năng lực lãnh đạo'), 'related');
  assert.equal(categoryOf(rows, 'Từ khóa:'), 'navigation');
  assert.equal(categoryOf(rows, 'Chi bộ'), 'navigation');
  assert.equal(categoryOf(rows, 'Xây dựng Đảng'), 'navigation');
  assert.equal(categoryOf(rows, '12/06/2024 16:20 GMT+7'), 'related');
});

test('the footer reaches back over the masthead line above the licence; a cookie notice stays navigation', () => {
  const page = [
    'Tiêu đề bài viết về hội nghị tổng kết',
    P1,
    P2,
    'Trang web sử dụng cookie để nâng cao trải nghiệm của bạn đọc.',
    'Đồng ý',
    'Đọc nhiều',
    'Cà Mau đón nhận bằng công nhận di tích quốc gia',
    'Báo Cà Mau',
    'Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam tỉnh Cà Mau',
    'Tổng Biên tập: Trần Văn Thanh',
    'Giấy phép số 77/GP-BTTTT',
  ].join('\n');
  const rows = classify(page);
  assert.equal(categoryOf(rows, 'Trang web sử dụng cookie để nâng cao trải nghiệm của bạn đọc.'), 'navigation');
  assert.equal(categoryOf(rows, 'Đồng ý'), 'navigation');
  assert.equal(categoryOf(rows, 'Cà Mau đón nhận bằng công nhận di tích quốc gia'), 'navigation');
  for (const line of ['Báo Cà Mau', 'Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam tỉnh Cà Mau', 'Tổng Biên tập: Trần Văn Thanh', 'Giấy phép số 77/GP-BTTTT']) {
    assert.equal(categoryOf(rows, line), 'footer', line);
  }
});

test('above the headline only the stamp nearest it can be the dateline; an earlier one is the page clock', () => {
  const page = ['Thứ Bảy, 15/06/2024 06:30', 'Báo điện tử', 'Thời sự > Chính trị', '14/06/2024 21:10', 'Tỉnh ủy Sơn La sơ kết công tác 6 tháng', P1, P2].join('\n');
  const rows = classify(page);
  assert.equal(categoryOf(rows, 'Thứ Bảy, 15/06/2024 06:30'), 'navigation');
  assert.equal(categoryOf(rows, '14/06/2024 21:10'), undefined);
  assert.equal(analyze(page).publicationDate, '2024-06-14');
});

test('a notice with an address and a phone number inside the body does not end the article', () => {
  const page = [
    'Thông báo tiếp nhận hồ sơ tuyển dụng công chức năm 2024',
    P1,
    'Địa chỉ: số 12 đường Lê Lợi, thành phố Vinh',
    'Điện thoại: 0238.3844.123',
    P2,
    P3,
    'Minh Tâm',
  ].join('\n');
  const rows = classify(page);
  assert.equal(categoryOf(rows, P2), undefined);
  assert.equal(categoryOf(rows, P3), undefined);
  assert.equal(categoryOf(rows, 'Minh Tâm'), undefined);
});

test('bullet headlines in a row after a paragraph are links to other articles; a list announced by a colon is not', () => {
  const links = ['• Khởi công tuyến đường ven biển nối hai tỉnh', '• Hội nghị xúc tiến đầu tư vùng duyên hải năm 2024'];
  const list = ['- Đẩy mạnh chuyển đổi số trong cơ quan nhà nước', '- Nâng cao chất lượng nguồn nhân lực của tỉnh'];
  const page = ['Tỉnh Thái Bình đẩy mạnh thu hút đầu tư', P1, ...links, P2, 'Năm 2024, tỉnh tập trung vào các nhiệm vụ:', ...list, P3].join('\n');
  const rows = classify(page);
  for (const l of links) assert.equal(categoryOf(rows, l), 'related', l);
  for (const l of list) assert.equal(categoryOf(rows, l), undefined, l);
  assert.equal(categoryOf(rows, P2), undefined);
});

test('a comment count in the share bar under the headline does not swallow the lede', () => {
  const page = ['Thời sự', 'Tỉnh Thái Bình đẩy mạnh thu hút đầu tư', 'Facebook', 'Bình luận (7)', `TBO - ${P1}`, P2].join('\n');
  const rows = classify(page);
  assert.equal(categoryOf(rows, 'Bình luận (7)'), 'comments');
  assert.equal(categoryOf(rows, `TBO - ${P1}`), undefined);
  assert.deepEqual(analyze(page).metadata.map((m) => `${m.kind}:${m.text}`), ['headline:Tỉnh Thái Bình đẩy mạnh thu hút đầu tư', 'source:TBO -']);
});

test('a media player time alone on a line is navigation; a page of separators is not touched', () => {
  const page = ['Tỉnh Thái Bình đẩy mạnh thu hút đầu tư', 'Nghe đọc bài', '00:00 / 04:12', P1, '***', P2].join('\n');
  const rows = classify(page);
  assert.equal(categoryOf(rows, '00:00 / 04:12'), 'navigation');
  assert.equal(categoryOf(rows, '***'), undefined);
});

test('a related box of bare headlines in mid-article ends at a credited caption; the paragraph after it is article', () => {
  const caption = 'Các đại biểu biểu quyết thông qua nghị quyết. (Ảnh: Minh Quyết)';
  const page = [
    'Tiêu đề bài viết về hội nghị tổng kết',
    P1,
    'Tin liên quan',
    'Tỉnh ủy họp phiên thường kỳ tháng 5',
    'Công bố quyết định về công tác cán bộ',
    caption,
    P2,
    P3,
  ].join('\n');
  const rows = classify(page);
  assert.equal(categoryOf(rows, 'Công bố quyết định về công tác cán bộ'), 'related');
  assert.equal(categoryOf(rows, caption), undefined);
  assert.equal(categoryOf(rows, P2), undefined);
  assert.deepEqual(analyze(page).metadata.filter((m) => m.kind === 'caption').map((m) => m.text), [caption]);
});

test('a box of bare headlines takes no paragraph as a lede after them', () => {
  const page = ['Tiêu đề bài viết về hội nghị tổng kết', P1, 'Tin liên quan', 'Tỉnh ủy họp phiên thường kỳ tháng 5', 'Công bố quyết định về công tác cán bộ', 'Đại hội sẽ bế mạc vào chiều mai sau khi bầu Ban Chấp hành khóa mới và thông qua nghị quyết.', P2].join('\n');
  const rows = classify(page);
  assert.equal(categoryOf(rows, 'Đại hội sẽ bế mạc vào chiều mai sau khi bầu Ban Chấp hành khóa mới và thông qua nghị quyết.'), undefined);
});
