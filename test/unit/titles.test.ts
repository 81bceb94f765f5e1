import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nested, primary } from './helpers/entities';

const titles = (text: string) => primary(text).filter((e) => e.startsWith('TITLE ')).map((e) => e.slice(6));

test('head + qualifier + body: the office of one body', () => {
  assert.deepEqual(titles('Phó Bí thư Thường trực Thành ủy dự lễ.'), ['Phó Bí thư Thường trực Thành ủy']);
  assert.deepEqual(nested('Phó Bí thư Thường trực Thành ủy dự lễ.'), ['ORG Thành ủy']);
  assert.deepEqual(titles('Ông là Phó Trưởng ban Thường trực Ban Chỉ đạo.'), ['Phó Trưởng ban Thường trực Ban Chỉ đạo']);
});

test('a title list is one TITLE per office', () => {
  assert.deepEqual(primary('Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Nguyễn Văn Thắng dự họp.'), [
    'TITLE Phó Bí thư Tỉnh ủy', 'TITLE Chủ tịch UBND tỉnh', 'PER Nguyễn Văn Thắng',
  ]);
  assert.deepEqual(titles('Bí thư Huyện ủy kiêm Chủ tịch HĐND huyện phát biểu.'), ['Bí thư Huyện ủy', 'Chủ tịch HĐND huyện']);
});

test('member titles nest the bodies they name', () => {
  assert.deepEqual(titles('Các Ủy viên Ban Thường vụ Thành ủy đều có mặt.'), ['Ủy viên Ban Thường vụ Thành ủy']);
  assert.deepEqual(nested('Các Ủy viên Ban Thường vụ Thành ủy đều có mặt.'), ['ORG Ban Thường vụ Thành ủy', 'ORG Thành ủy']);
});

test('a compound member title has no nested body', () => {
  assert.deepEqual(primary('Ông là Huyện ủy viên, Tỉnh ủy viên.'), ['TITLE Huyện ủy viên', 'TITLE Tỉnh ủy viên']);
  assert.deepEqual(nested('Ông là Huyện ủy viên, Tỉnh ủy viên.'), []);
});

test('national offices', () => {
  assert.deepEqual(titles('Thủ tướng Chính phủ chỉ đạo Bộ trưởng Bộ Tài chính.'), ['Thủ tướng Chính phủ', 'Bộ trưởng Bộ Tài chính']);
  assert.deepEqual(titles('Tổng Bí thư nhấn mạnh vai trò của Đại biểu Quốc hội.'), ['Tổng Bí thư', 'Đại biểu Quốc hội']);
  assert.deepEqual(titles('Giám đốc Công an tỉnh báo cáo.'), ['Giám đốc Công an tỉnh']);
});

test('a bare office meaning one post is a TITLE', () => {
  assert.deepEqual(titles('Đại hội bầu trực tiếp Bí thư tại Đại hội.'), ['Bí thư']);
  assert.deepEqual(titles('Trưởng đoàn phát biểu kết luận.'), ['Trưởng đoàn']);
});

test('offices ranging over levels are not TITLEs', () => {
  assert.deepEqual(titles('Thí điểm Bí thư cấp ủy đồng thời là Chủ tịch UBND cấp xã.'), []);
  assert.deepEqual(primary('Thí điểm Bí thư cấp ủy đồng thời là Chủ tịch UBND cấp xã.'), ['ORG UBND']);
  assert.deepEqual(titles('Thí điểm bầu Bí thư tại đại hội cấp xã.'), []);
});

test('team members and lowercase generic nouns are not titles', () => {
  assert.deepEqual(titles('Các thành viên Đoàn công tác và cán bộ, đảng viên, người đứng đầu cơ quan.'), []);
});

test('a title word inside a fixed body name is part of the body', () => {
  assert.deepEqual(primary('Đoàn Chủ tịch điều hành phiên họp.'), ['ORG Đoàn Chủ tịch']);
  assert.deepEqual(nested('Đoàn Chủ tịch điều hành phiên họp.'), []);
});

test('deputy heads of a deputies delegation, with lowercase `trưởng`', () => {
  assert.deepEqual(primary('Bà Hà Thị Nga, Phó trưởng Đoàn ĐBQH tỉnh Tuyên Quang, chủ trì.'), ['PER Hà Thị Nga', 'TITLE Phó trưởng Đoàn ĐBQH tỉnh Tuyên Quang']);
  assert.deepEqual(primary('Trưởng Đoàn ĐBQH tỉnh Gia Lai Đinh Văn Hùng phát biểu.'), ['TITLE Trưởng Đoàn ĐBQH tỉnh Gia Lai', 'PER Đinh Văn Hùng']);
  assert.deepEqual(primary('Ông Phạm Văn Hòa, ĐBQH tỉnh Đồng Tháp, chất vấn.'), ['PER Phạm Văn Hòa', 'TITLE ĐBQH', 'LOC Đồng Tháp']);
});

test('party offices of the centre: standing member of the Secretariat, Central Committee member', () => {
  assert.deepEqual(primary('Ông Lương Cường, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư thăm tỉnh.').filter((e) => e.startsWith('TITLE')), [
    'TITLE Ủy viên Bộ Chính trị', 'TITLE Thường trực Ban Bí thư',
  ]);
  assert.deepEqual(primary('Ủy viên Trung ương Đảng, Trưởng Ban Kinh tế Trung ương Trần Tuấn Anh dự.'), [
    'TITLE Ủy viên Trung ương Đảng', 'TITLE Trưởng Ban Kinh tế Trung ương', 'PER Trần Tuấn Anh',
  ]);
  assert.deepEqual(primary('Thượng tướng Lê Huy Vịnh, Phó Tổng Tham mưu trưởng, kiểm tra.'), ['TITLE Thượng tướng', 'PER Lê Huy Vịnh', 'TITLE Phó Tổng Tham mưu trưởng']);
});

test('offices abroad take their country, and the foreign name after them is a PER', () => {
  assert.deepEqual(primary('Tổng thống Pháp Emmanuel Macron điện đàm với Chủ tịch nước.'), [
    'TITLE Tổng thống Pháp', 'PER Emmanuel Macron', 'TITLE Chủ tịch nước',
  ]);
  assert.deepEqual(primary('Thủ tướng Singapore Lý Hiển Long thăm chính thức.'), ['TITLE Thủ tướng Singapore', 'PER Lý Hiển Long']);
  assert.deepEqual(primary('Bộ trưởng Quốc phòng Hàn Quốc Shin Won-sik hội đàm.').slice(0, 1), ['TITLE Bộ trưởng Quốc phòng Hàn Quốc']);
  assert.deepEqual(primary('Ngoại trưởng Sergei Lavrov cho biết.'), ['TITLE Ngoại trưởng', 'PER Sergei Lavrov']);
  assert.deepEqual(primary('Tổng thống Mỹ cho biết sẽ thăm Hà Nội.'), ['TITLE Tổng thống Mỹ', 'LOC Hà Nội']);
  assert.deepEqual(primary('Thủ tướng Việt Nam Phạm Minh Chính phát biểu.'), ['TITLE Thủ tướng Việt Nam', 'PER Phạm Minh Chính']);
});
