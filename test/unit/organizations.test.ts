import { test } from 'node:test';
import assert from 'node:assert/strict';
import { full, nested, primary, spanOf, withContext } from './helpers/entities';

const orgs = (text: string) => primary(text).filter((e) => e.startsWith('ORG ')).map((e) => e.slice(4));

test('a body with its level and place; the inner body and place are nested', () => {
  const text = 'Ban Chấp hành Đảng bộ tỉnh Lạng Sơn họp phiên thứ hai.';
  assert.deepEqual(primary(text), ['ORG Ban Chấp hành Đảng bộ tỉnh Lạng Sơn']);
  assert.deepEqual(nested(text), ['ORG Đảng bộ tỉnh Lạng Sơn', 'LOC Lạng Sơn']);
});

test('a same-label prefix of the same body is not nested', () => {
  const text = 'Ban Thường vụ Huyện ủy Yên Dũng đã họp.';
  assert.deepEqual(primary(text), ['ORG Ban Thường vụ Huyện ủy Yên Dũng']);
  assert.deepEqual(nested(text), ['ORG Huyện ủy Yên Dũng', 'LOC Yên Dũng']);
});

test('party organizations of a bloc', () => {
  assert.deepEqual(orgs('Đảng bộ Khối Doanh nghiệp tỉnh tổ chức đại hội.'), ['Đảng bộ Khối Doanh nghiệp tỉnh']);
  assert.deepEqual(orgs('Đảng ủy Khối các cơ quan tỉnh Nghệ An ban hành kế hoạch.'), ['Đảng ủy Khối các cơ quan tỉnh Nghệ An']);
  assert.deepEqual(orgs('Đảng bộ khối các Cơ quan tỉnh có 60 chi bộ.'), ['Đảng bộ khối các Cơ quan tỉnh']);
  assert.deepEqual(orgs('Đảng bộ Khối luôn coi trọng công tác này.'), ['Đảng bộ Khối']);
});

test('a body keeps its term; the inner body does not take it', () => {
  assert.deepEqual(orgs('Quốc hội khóa XV thông qua luật.'), ['Quốc hội khóa XV']);
  const text = 'Văn kiện Ban Chấp hành Đảng bộ Khối khoá X trình đại hội.';
  assert.deepEqual(orgs(text), ['Ban Chấp hành Đảng bộ Khối khoá X']);
  assert.deepEqual(nested(text), ['ORG Đảng bộ Khối']);
});

test('abbreviations are ORG, with a level and place when written', () => {
  assert.deepEqual(orgs('UBND huyện Tiên Du và HĐND tỉnh cùng MTTQ các cấp.'), ['UBND huyện Tiên Du', 'HĐND tỉnh', 'MTTQ']);
  assert.deepEqual(nested('UBND huyện Tiên Du họp.'), ['LOC Tiên Du']);
});

test('the body inside a congress is tagged, the congress is not', () => {
  assert.deepEqual(orgs('Đại hội đại biểu Đảng bộ huyện lần thứ XXIII thành công.'), ['Đảng bộ huyện']);
});

test('a media source item gives an ORG over the name', () => {
  const text = 'VTC.VN - Chiều nay đoàn đến.\n(GD&TĐ) - Sáng nay.';
  const meta = [
    { kind: 'source' as const, ...spanOf(text, 'VTC.VN -') },
    { kind: 'source' as const, ...spanOf(text, '(GD&TĐ) -') },
  ];
  const got = withContext(text, meta).filter((e) => e.label === 'ORG').map((e) => e.text);
  assert.deepEqual(got, ['VTC.VN', 'GD&TĐ']);
});

test('a DOC right after Ban Chỉ đạo extends the ORG; the DOC is nested', () => {
  const text = 'Ban Chỉ đạo Đề án Trung ương 9 làm việc với tỉnh.';
  const doc = { label: 'DOC' as const, ...spanOf(text, 'Đề án Trung ương 9'), value: { kind: 'Đề án', number: '9' } };
  const got = withContext(text, [], [doc]).map((e) => `${e.nested ? 'n ' : ''}${e.label} ${e.text}`);
  assert.deepEqual(got, ['ORG Ban Chỉ đạo Đề án Trung ương 9', 'n DOC Đề án Trung ương 9']);
});

test('bodies with known names, and names that stop before the verb', () => {
  assert.deepEqual(orgs('Bộ Nông nghiệp và Phát triển nông thôn phối hợp.'), ['Bộ Nông nghiệp và Phát triển nông thôn']);
  assert.deepEqual(orgs('Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh khen thưởng.'), ['Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh']);
  assert.deepEqual(orgs('Sở Y tế khuyến cáo người dân.'), ['Sở Y tế']);
  assert.deepEqual(orgs('Báo Quảng Ninh đưa tin.'), ['Báo Quảng Ninh']);
});

test('one specific body written in lowercase, ending in its level', () => {
  assert.deepEqual(orgs('Vận hành Trung tâm kiểm soát bệnh tật tỉnh hiệu quả.'), ['Trung tâm kiểm soát bệnh tật tỉnh']);
  assert.deepEqual(orgs('Trung tâm này có nhiều cán bộ.'), []);
});

test('exclusions: working teams, bare party words, sectors, model types, leadership boards', () => {
  assert.deepEqual(orgs('Đoàn khảo sát làm việc với lãnh đạo.'), []);
  assert.deepEqual(orgs('Xây dựng Đảng bộ trong sạch; sự lãnh đạo của Đảng, Nhà nước và Trung ương.'), []);
  assert.deepEqual(orgs('Cán bộ ngành Tuyên giáo làm việc với Ban Thường vụ cấp ủy trực thuộc.'), []);
  assert.deepEqual(orgs('Đề xuất Ban Thường vụ, thường trực cấp ủy chỉ đạo.'), []);
  assert.deepEqual(orgs('Làm việc với Ban lãnh đạo tỉnh Thái Bình.'), []);
});

test('short forms naming one body in context', () => {
  assert.deepEqual(orgs('Thời gian qua, Thành ủy, Ban Thường vụ Thành ủy và Ban Chỉ đạo đã họp.'), ['Thành ủy', 'Ban Thường vụ Thành ủy', 'Ban Chỉ đạo']);
});

test('old tone marks give the same body', () => {
  const a = full('Ban Thường vụ Tỉnh uỷ Hoà Bình họp.').entities.filter((e) => !e.nested).map((e) => `${e.label} ${e.text}`);
  assert.deepEqual(a, ['ORG Ban Thường vụ Tỉnh uỷ Hoà Bình']);
});

test('a body named after a famous person keeps the name; a person after a body name is separate', () => {
  assert.deepEqual(orgs('Học viện Chính trị quốc gia Hồ Chí Minh khai giảng.'), ['Học viện Chính trị quốc gia Hồ Chí Minh']);
  assert.deepEqual(primary('Giám đốc Bệnh viện Bạch Mai Đào Xuân Cơ cho biết.'), ['TITLE Giám đốc Bệnh viện Bạch Mai', 'PER Đào Xuân Cơ']);
});

test('mass organizations whose names continue in lowercase are one ORG', () => {
  assert.deepEqual(orgs('Hội Cựu chiến binh xã đã vận động hội viên.'), ['Hội Cựu chiến binh xã']);
  assert.deepEqual(orgs('Năm nay Hội Cựu chiến binh cũng trao quà.'), ['Hội Cựu chiến binh']);
  assert.deepEqual(orgs('Hội Người cao tuổi phường và Hội Chữ thập đỏ huyện cùng tham gia.'), ['Hội Người cao tuổi phường', 'Hội Chữ thập đỏ huyện']);
  assert.deepEqual(orgs('Hội Liên hiệp Phụ nữ tỉnh Sơn La phát động cuộc thi.'), ['Hội Liên hiệp Phụ nữ tỉnh Sơn La']);
});

test('bodies named after a place or a person stay one ORG', () => {
  assert.deepEqual(orgs('Sinh viên Trường Đại học Y Hà Nội tình nguyện chống dịch.'), ['Trường Đại học Y Hà Nội']);
  assert.deepEqual(orgs('Học viện Hành chính quốc gia mở lớp bồi dưỡng.'), ['Học viện Hành chính quốc gia']);
  assert.deepEqual(orgs('Lớp học tại Học viện Chính trị khu vực I kết thúc.'), ['Học viện Chính trị khu vực I']);
  assert.deepEqual(orgs('Ban Thường vụ Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh họp.'), ['Ban Thường vụ Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh']);
});

test('a delegation of National Assembly deputies is an ORG, abbreviated or not', () => {
  assert.deepEqual(orgs('Đoàn ĐBQH tỉnh Kiên Giang giám sát tại huyện.'), ['Đoàn ĐBQH tỉnh Kiên Giang']);
  assert.deepEqual(primary('Đoàn ĐBQH TP. Hà Nội tiếp xúc cử tri.'), ['ORG Đoàn ĐBQH TP. Hà Nội']);
  assert.deepEqual(orgs('Đoàn đại biểu Quốc hội thành phố Cần Thơ báo cáo.'), ['Đoàn đại biểu Quốc hội thành phố Cần Thơ']);
});

test('a front committee keeps its country and then its branch; the central committee keeps its front', () => {
  assert.deepEqual(orgs('Ủy ban MTTQ Việt Nam huyện Đông Anh trao quà.'), ['Ủy ban MTTQ Việt Nam huyện Đông Anh']);
  assert.deepEqual(orgs('Ủy ban Trung ương MTTQ Việt Nam phát động ủng hộ.'), ['Ủy ban Trung ương MTTQ Việt Nam']);
  assert.deepEqual(orgs('Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII bế mạc.'), ['Ban Chấp hành Trung ương Đảng khóa XIII']);
});
