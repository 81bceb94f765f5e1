/**
 * Metadata items (headline, dateline, source, byline, credit, caption) on invented
 * articles in the styles of Vietnamese national dailies, the radio's site, provincial
 * papers and government portals. Items mark the exact part: the stamp of a dateline,
 * `NDO -` with its dash, the byline name alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyzer';
import type { MetadataKind } from '../../server/src/core/types';

function items(text: string, kind?: MetadataKind): string[] {
  return analyze(text)
    .metadata.filter((m) => !kind || m.kind === kind)
    .map((m) => (kind ? m.text : `${m.kind}:${m.text}`));
}

const P1 =
  'Chiều 11/5, tại trụ sở Chính phủ, Thủ tướng chủ trì phiên họp Chính phủ thường kỳ tháng 4 và hội nghị trực tuyến của Chính phủ với các địa phương, đánh giá tình hình kinh tế - xã hội và bàn các giải pháp cho những tháng tiếp theo của năm nay.';
const P2 =
  'Phát biểu khai mạc, Thủ tướng cho biết trong tháng qua, các bộ, ngành và địa phương đã triển khai quyết liệt các nhiệm vụ được giao, nhờ đó tăng trưởng của quý đầu năm cao hơn cùng kỳ và lạm phát được kiểm soát ở mức hợp lý; thu hút đầu tư nước ngoài tiếp tục là điểm sáng của nền kinh tế trong bối cảnh thế giới còn nhiều khó khăn.';
const P3 =
  'Theo báo cáo của Bộ Kế hoạch và Đầu tư, vốn đầu tư công giải ngân trong bốn tháng đạt hơn 20% kế hoạch, cao hơn so với cùng kỳ; nhiều công trình trọng điểm được đẩy nhanh tiến độ, trong đó có các dự án đường cao tốc Bắc - Nam phía Đông và các tuyến vành đai của hai thành phố lớn, góp phần tạo động lực tăng trưởng.';

test('dateline above the headline, caption with a photo credit, byline at the end', () => {
  const page = [
    'Thời sự',
    'Thứ hai, 12/5/2025, 08:00 (GMT+7)',
    'Thủ tướng chủ trì phiên họp Chính phủ thường kỳ tháng 4',
    P1,
    P2,
    'Thủ tướng phát biểu tại phiên họp. Ảnh: Nhật Bắc',
    P3,
    'Hoàng Thùy',
    'Chia sẻ',
  ].join('\n');
  assert.deepEqual(items(page), [
    'dateline:Thứ hai, 12/5/2025, 08:00 (GMT+7)',
    'headline:Thủ tướng chủ trì phiên họp Chính phủ thường kỳ tháng 4',
    'caption:Thủ tướng phát biểu tại phiên họp. Ảnh: Nhật Bắc',
    'credit:Nhật Bắc',
    'byline:Hoàng Thùy',
  ]);
});

test('a category - author - time line under the headline gives a byline and a dateline; the lede gives the source', () => {
  const page = [
    'Quảng Trị: Tổng kết 10 năm thực hiện chỉ thị về công tác dân vận',
    '',
    'Thời sự - Hoài Nam - 09:15 05/06/2024',
    '',
    `(TN&MT) - ${P1}`,
    '',
    P2,
  ].join('\n');
  assert.deepEqual(items(page), [
    'headline:Quảng Trị: Tổng kết 10 năm thực hiện chỉ thị về công tác dân vận',
    'byline:Hoài Nam',
    'dateline:09:15 05/06/2024',
    'source:(TN&MT) -',
  ]);
});

test('only the article stamp is a dateline, not the crawl time in the menu bar; font controls stay out of it', () => {
  const page = [
    'Tất cả chuyên mục',
    'Chủ Nhật, 03/11/2024 06:40 (GMT +7)',
    'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 18',
    'Thứ 4, 20/03/2024 | 10:05:12 [GMT +7] A A',
    P1,
    P2,
  ].join('\n');
  assert.deepEqual(items(page, 'dateline'), ['Thứ 4, 20/03/2024 | 10:05:12 [GMT +7]']);
});

test('source prefixes of agencies and sites, with their dash; a place or time before a dash is not a source', () => {
  const lede = (prefix: string) => items(['Tiêu đề bài viết về hội nghị tổng kết', `${prefix}${P1}`, P2].join('\n'), 'source');
  assert.deepEqual(lede('NDO - '), ['NDO -']);
  assert.deepEqual(lede('TTO - '), ['TTO -']);
  assert.deepEqual(lede('(Chinhphu.vn) - '), ['(Chinhphu.vn) -']);
  assert.deepEqual(lede('(Dân trí) - '), ['(Dân trí) -']);
  assert.deepEqual(lede('Baoquangninh.vn – '), ['Baoquangninh.vn –']);
  assert.deepEqual(lede('Hà Nội - '), []);
  assert.deepEqual(lede(''), []);
});

test('bylines: names alone, several names, a name with its agency, labelled bylines, all-caps bylines', () => {
  const end = (line: string) => items(['Tiêu đề bài viết về hội nghị tổng kết', P1, P2, line, 'In bài'].join('\n'), 'byline');
  assert.deepEqual(end('Minh Hà - Thu Trang'), ['Minh Hà', 'Thu Trang']);
  assert.deepEqual(end('Văn Điệp (TTXVN)'), ['Văn Điệp']);
  assert.deepEqual(end('Bài, ảnh: Quang Minh'), ['Quang Minh']);
  assert.deepEqual(end('Theo Nguyễn Hằng (VOV)'), ['Nguyễn Hằng']);
  assert.deepEqual(end('THÀNH CHUNG'), ['THÀNH CHUNG']);
  // A newsroom byline is a byline item too, so exporters that drop bylines drop it.
  assert.deepEqual(end('PV'), ['PV']);
  assert.deepEqual(end('Nhóm PV'), ['Nhóm PV']);
  assert.deepEqual(end('Hoàng Thu/VOV.VN'), ['Hoàng Thu']);
  assert.deepEqual(end('Báo Quảng Nam'), [], 'a publication is not a person');
});

test('"Theo" an agency at the end is a source item, not a byline, also in brackets', () => {
  for (const last of ['Theo TTXVN', '(Theo TTXVN)']) {
    const page = ['Tiêu đề bài viết về hội nghị tổng kết', P1, P2, last, 'Tin mới'].join('\n');
    assert.deepEqual(items(page, 'byline'), []);
    assert.deepEqual(items(page, 'source'), ['TTXVN']);
    assert.equal(analyze(page).boilerplate.some((b) => b.text.includes('TTXVN')), false, 'the credit line is article text');
  }
});

test('photo credits: the photographer, without agency; illustrations and agencies give no credit', () => {
  const with_ = (caption: string) => items(['Tiêu đề bài viết về hội nghị tổng kết', P1, caption, P2, P3].join('\n'), 'credit');
  assert.deepEqual(with_('Quang cảnh hội nghị. (Ảnh: Văn Điệp/TTXVN)'), ['Văn Điệp']);
  assert.deepEqual(with_('Đại biểu tham quan khu trưng bày. Ảnh: NGUYỄN KHÁNH'), ['NGUYỄN KHÁNH']);
  assert.deepEqual(with_('Ảnh minh họa'), []);
  assert.deepEqual(with_('Quang cảnh hội nghị. Ảnh: TTXVN'), []);
  assert.deepEqual(with_('Quang cảnh hội nghị. (Ảnh: Internet)'), []);
});

test('captions: the `|` mark, a credited line, and a short photo-like line between long paragraphs', () => {
  const page = [
    'Đại hội Đảng bộ huyện lần thứ XXV thành công tốt đẹp',
    P1,
    P2,
    'Lãnh đạo tỉnh tặng hoa chúc mừng Ban Chấp hành khóa mới |',
    P3,
    'Các đại biểu dự đại hội chụp ảnh lưu niệm tại hội trường.',
    P2.replace('Phát biểu khai mạc', 'Phát biểu bế mạc'),
    'Đoàn đại biểu dự Đại hội Đảng bộ tỉnh được giới thiệu. (Ảnh: Thu Hằng)',
    P3.replace('Theo báo cáo', 'Theo tổng hợp'),
  ].join('\n');
  assert.deepEqual(items(page, 'caption'), [
    'Lãnh đạo tỉnh tặng hoa chúc mừng Ban Chấp hành khóa mới |',
    'Các đại biểu dự đại hội chụp ảnh lưu niệm tại hội trường.',
    'Đoàn đại biểu dự Đại hội Đảng bộ tỉnh được giới thiệu. (Ảnh: Thu Hằng)',
  ]);
});

test('not captions: a short line right after the lede, a short prose paragraph, a quotation, the closing sentence', () => {
  const page = [
    'Đại hội Đảng bộ huyện lần thứ XXV thành công tốt đẹp',
    `NDO - ${P1}`,
    'Đồng chí Bí thư Tỉnh ủy dự và chỉ đạo đại hội.',
    P2,
    'Tuy nhiên, một số chỉ tiêu về thu ngân sách chưa đạt kế hoạch đề ra.',
    P3,
    '“Phải lấy sự hài lòng của người dân làm thước đo”, đồng chí nhấn mạnh.',
    P2.replace('Phát biểu khai mạc', 'Phát biểu bế mạc'),
    'Đại hội sẽ bế mạc vào chiều mai.',
    'Minh Hà',
  ].join('\n');
  assert.deepEqual(items(page, 'caption'), []);
  assert.deepEqual(items(page, 'byline'), ['Minh Hà']);
});

test('empty text and a page of only boilerplate give no metadata; CRLF keeps the same items', () => {
  assert.deepEqual(items(''), []);
  assert.deepEqual(items(['Trang chủ', '--Quảng cáo---', '(0) Bình luận', 'Lượt xem: 12'].join('\n')), []);
  const lines = ['Thời sự - Hoài Nam - 09:15 05/06/2024', `VOV.VN - ${P1}`, P2];
  const head = 'Quảng Trị: Tổng kết 10 năm thực hiện chỉ thị về công tác dân vận';
  assert.deepEqual(items([head, ...lines].join('\r\n')), items([head, ...lines].join('\n')));
  assert.deepEqual(items([head, ...lines].join('\r\n'), 'source'), ['VOV.VN -']);
});

test('a meta line printed under the sapo is still the article dateline and byline', () => {
  const page = ['Đại hội Đảng bộ phường lần thứ XV', P1, 'Xây dựng Đảng - Minh Châu - 10:15 20/06/2025', P2, P3].join('\n');
  assert.deepEqual(items(page, 'dateline'), ['10:15 20/06/2025']);
  assert.deepEqual(items(page, 'byline'), ['Minh Châu']);
  assert.equal(analyze(page).boilerplate.length, 0, 'nothing of it is boilerplate');
});

test('credits after the body in any order: photo credit, blank line, byline, source; none of them is boilerplate', () => {
  const orders = [
    ['Ảnh: Quang Hiếu', '', 'Thanh Hương', '(Theo báo Hải Dương)'],
    ['Thanh Hương', 'Ảnh: Quang Hiếu', 'Nguồn: báo Hải Dương'],
    ['(Theo báo Hải Dương)', '', 'Ảnh: Quang Hiếu', 'Thanh Hương'],
  ];
  for (const tail of orders) {
    const page = ['Hải Dương tổng kết công tác dân vận năm 2023', P1, P2, ...tail, 'Tin cùng chuyên mục', 'Hải Dương khai mạc hội chợ thương mại'].join('\n');
    const a = analyze(page);
    assert.deepEqual(items(page, 'credit'), ['Quang Hiếu'], tail.join(' / '));
    assert.deepEqual(items(page, 'byline'), ['Thanh Hương'], tail.join(' / '));
    assert.deepEqual(items(page, 'source'), ['Hải Dương'], tail.join(' / '));
    assert.deepEqual(items(page, 'caption'), [], 'a credit alone on its line is not a caption');
    for (const line of tail.filter((l) => l)) assert.ok(!a.boilerplate.some((b) => b.text.includes(line)), `${line} is article`);
    assert.deepEqual(a.boilerplate.map((b) => b.category), ['related']);
  }
});

test('newsroom bylines, agency lines and organisations credited as the source', () => {
  const end = (...tail: string[]) => {
    const page = ['Tiêu đề bài viết về hội nghị tổng kết', P1, P2, ...tail, 'Đọc nhiều', 'Giá lúa tăng mạnh ở miền Tây'].join('\n');
    return { items: analyze(page).metadata.filter((m) => m.kind !== 'headline').map((m) => `${m.kind}:${m.text}`), bp: analyze(page).boilerplate.map((b) => b.text) };
  };
  assert.deepEqual(end('Nhóm phóng viên', 'Theo Báo Tin tức').items, ['byline:Nhóm phóng viên', 'source:Báo Tin tức']);
  assert.deepEqual(end('(TTXVN/Vietnam+)').items, ['source:TTXVN/Vietnam+']);
  assert.deepEqual(end('Nguồn: Văn phòng Tỉnh ủy').items, ['source:Văn phòng Tỉnh ủy']);
  assert.deepEqual(end('Ảnh: VGP/Nhật Bắc', 'Thu Giang').items, ['credit:Nhật Bắc', 'byline:Thu Giang']);
  assert.deepEqual(end('Lê Hằng (TTXVN)', 'Ảnh: TTXVN').items, ['byline:Lê Hằng']);
  for (const tail of [['PV'], ['(CTV)'], ['Ảnh: TTXVN']]) assert.deepEqual(end(...tail).bp.slice(0, 1), ['Đọc nhiều\nGiá lúa tăng mạnh ở miền Tây'], tail[0]);
});

test('datelines: the item is the stamp only, whatever label or style the site prints', () => {
  const dateline = (line: string) => items(['Thời sự', line, 'Tỉnh ủy Hòa Bình tổng kết công tác tuyên giáo', P1, P2].join('\n'), 'dateline');
  assert.deepEqual(dateline('Cập nhật: 18/06/2024 10:05 GMT+7'), ['18/06/2024 10:05 GMT+7']);
  assert.deepEqual(dateline('Cập nhật lúc 10:05, 18/06/2024'), ['10:05, 18/06/2024']);
  assert.deepEqual(dateline('Đăng lúc 10:05 ngày 18/06/2024'), ['10:05 ngày 18/06/2024']);
  assert.deepEqual(dateline('Ngày đăng: 18/06/2024'), ['18/06/2024']);
  assert.deepEqual(dateline('Thứ ba, 18/6/2024, 10:05 (GMT+7)'), ['Thứ ba, 18/6/2024, 10:05 (GMT+7)']);
  assert.deepEqual(dateline('18/06/2024 10:05'), ['18/06/2024 10:05']);
  assert.deepEqual(dateline('Cập nhật lúc 10:05, Thứ Ba, 18/06/2024 (GMT+7)'), ['10:05, Thứ Ba, 18/06/2024 (GMT+7)']);
  assert.deepEqual(dateline('Ngày đăng: 18/06/2024 | Lượt xem: 1.204'), ['18/06/2024'], 'a view counter after a bar');
});

test('a dateline with a view counter is not taken for the headline', () => {
  const page = ['Tin hoạt động', 'Tỉnh ủy Hòa Bình tổng kết công tác tuyên giáo', 'Ngày đăng: 18/06/2024 | Lượt xem: 1.204', P1, P2].join('\n');
  assert.deepEqual(items(page, 'headline'), ['Tỉnh ủy Hòa Bình tổng kết công tác tuyên giáo']);
  assert.equal(analyze(page).publicationDate, '2024-06-18');
});

test('a clip described after a "Video:" label is a caption even between a paragraph and a subheading', () => {
  const page = ['Tiêu đề bài viết về hội nghị tổng kết', P1, P2, 'Video: Bí thư Tỉnh ủy phát biểu bế mạc hội nghị.', 'Nhiệm vụ trọng tâm năm tới', P3].join('\n');
  assert.deepEqual(items(page, 'caption'), ['Video: Bí thư Tỉnh ủy phát biểu bế mạc hội nghị.']);
});

test('a credits line with several labels gives each its item', () => {
  const page = ['Tiêu đề bài viết về hội nghị tổng kết', P1, P2, 'Tác giả: Minh Châu - Nguồn: Trung tâm Truyền thông - Văn hóa huyện', 'Tin khác'].join('\n');
  assert.deepEqual(items(page).filter((x) => !x.startsWith('headline')), ['byline:Minh Châu', 'source:Trung tâm Truyền thông - Văn hóa huyện']);
  const two = ['Tiêu đề bài viết về hội nghị tổng kết', P1, P2, 'Bài: Ngọc Mai | Ảnh: Như Ý'].join('\n');
  assert.deepEqual(items(two).filter((x) => !x.startsWith('headline')), ['byline:Ngọc Mai', 'credit:Như Ý']);
});

test('a short line right above a photo credit line inside the body is a caption; the last paragraph above a closing credit is not', () => {
  const page = ['Tiêu đề bài viết về hội nghị tổng kết', P1, 'Đồng chí Bí thư Tỉnh ủy phát biểu chỉ đạo.', 'Ảnh: Quốc Tuấn', P2, P3, 'Ảnh: Lê Vân', 'Thu Trang'].join('\n');
  assert.deepEqual(items(page, 'caption'), ['Đồng chí Bí thư Tỉnh ủy phát biểu chỉ đạo.']);
  assert.deepEqual(items(page, 'credit'), ['Quốc Tuấn', 'Lê Vân']);
  assert.deepEqual(items(page, 'byline'), ['Thu Trang']);
});
