import { test } from 'node:test';
import assert from 'node:assert/strict';
import { full, primary, spanOf, withContext } from './helpers/entities';

const pers = (text: string) => primary(text).filter((e) => e.startsWith('PER ')).map((e) => e.slice(4));

test('a name after a title, without the title', () => {
  assert.deepEqual(primary('Chủ tịch UBND tỉnh Trần Văn Hùng kiểm tra công trình.'), ['TITLE Chủ tịch UBND tỉnh', 'PER Trần Văn Hùng']);
});

test('a title after the name, after a comma or a dash', () => {
  assert.deepEqual(pers('Bà Lê Thị Hoa – Giám đốc Sở Y tế cho biết.'), ['Lê Thị Hoa']);
  assert.deepEqual(primary('Đồng chí Vũ Hồng Quân, Bí thư Huyện ủy, phát biểu.'), ['PER Vũ Hồng Quân', 'TITLE Bí thư Huyện ủy']);
});

test('honorifics stay outside the name', () => {
  assert.deepEqual(pers('Theo ông Phạm Minh Tuấn, dự án sẽ hoàn thành.'), ['Phạm Minh Tuấn']);
  assert.deepEqual(pers('Các đồng chí Đinh Công Sứ và Lương Thị Hạnh dự họp.'), ['Đinh Công Sứ', 'Lương Thị Hạnh']);
});

test('a list of officials separated by semicolons', () => {
  const text = 'Dự hội nghị có các đồng chí: Vũ Đức Minh, Phó Chủ tịch UBND tỉnh; Đinh Thị Lan, Trưởng Ban Dân vận Tỉnh ủy.';
  assert.deepEqual(primary(text), [
    'PER Vũ Đức Minh', 'TITLE Phó Chủ tịch UBND tỉnh', 'PER Đinh Thị Lan', 'TITLE Trưởng Ban Dân vận Tỉnh ủy',
  ]);
});

test('a surname that is also a word or a place needs a cue', () => {
  assert.deepEqual(pers('Đoàn công tác làm việc tại Hà Nội.'), []);
  assert.deepEqual(pers('Anh Hà Văn Tùng là công nhân.'), ['Hà Văn Tùng']);
  assert.deepEqual(pers('Đại tá Cao Minh phát biểu.'), ['Cao Minh']);
  assert.deepEqual(pers('Đoàn đến Cao Bằng và Thái Bình.'), []);
});

test('after ông/bà any capitalised name is a person, even with an unknown surname', () => {
  assert.deepEqual(pers('Bà Y Bliêng Mlô chia sẻ kinh nghiệm.'), ['Y Bliêng Mlô']);
});

test('a name at the very start and the very end of the file, and next to punctuation', () => {
  assert.deepEqual(pers('Nguyễn Thị Mai'), ['Nguyễn Thị Mai']);
  assert.deepEqual(pers('Phát biểu tổng kết có Thứ trưởng Trần Quốc Toản'), ['Trần Quốc Toản']);
  assert.deepEqual(pers('(Lê Văn Sỹ) và “Ngô Minh Châu”.'), ['Lê Văn Sỹ', 'Ngô Minh Châu']);
});

test('NFD text and no-break spaces give the same name at stored offsets', () => {
  const raw = 'Bí thư Tỉnh ủy Nguyễn\u00a0Văn Thắng dự lễ.'.normalize('NFD');
  const per = full(raw).entities.find((e) => e.label === 'PER');
  assert.ok(per);
  assert.equal(per.text, 'Nguyễn\u00a0Văn Thắng'.normalize('NFD'));
  assert.equal(per.value, 'Nguyễn Văn Thắng');
  assert.equal([...raw].slice(per.start, per.end).join(''), per.text);
});

test('a headline in capitals', () => {
  const a = full('TỔNG BÍ THƯ TÔ LÂM THĂM TỈNH ĐIỆN BIÊN');
  const labels = a.entities.filter((e) => !e.nested).map((e) => `${e.label} ${e.text}`);
  assert.deepEqual(labels, ['TITLE TỔNG BÍ THƯ', 'PER TÔ LÂM', 'LOC ĐIỆN BIÊN']);
  assert.equal(a.entities.find((e) => e.label === 'PER')?.value, 'Tô Lâm');
});

test('Hồ Chí Minh: a person by default, a place after a unit word or among places', () => {
  assert.deepEqual(primary('Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.'), ['PER Hồ Chí Minh']);
  assert.deepEqual(primary('Đoàn đến Thành phố Hồ Chí Minh.'), ['LOC Hồ Chí Minh']);
  assert.deepEqual(primary('Các địa phương Hà Nội, Hồ Chí Minh và Cần Thơ dẫn đầu.'), ['LOC Hà Nội', 'LOC Hồ Chí Minh', 'LOC Cần Thơ']);
});

test('a place inside a person name stays part of the name; streets are not persons', () => {
  assert.deepEqual(primary('Ông Nguyễn Thái Bình phát biểu.'), ['PER Nguyễn Thái Bình']);
  assert.deepEqual(pers('Cửa hàng trên đường Lê Lợi.'), []);
});

test('a full name after a unit word is the person, a short one the place', () => {
  assert.deepEqual(primary('Chủ tịch UBND huyện Nguyễn Văn Đông chủ trì.'), ['TITLE Chủ tịch UBND huyện', 'PER Nguyễn Văn Đông']);
  assert.deepEqual(primary('Về thăm xã Lê Lợi.'), ['LOC Lê Lợi']);
});

test('bylines and photo credits from metadata become PER', () => {
  const text = 'Nội dung bài.\nẢnh: Thu Trang\nPhương Anh - Quốc Việt';
  const meta = [
    { kind: 'credit' as const, ...spanOf(text, 'Ảnh: Thu Trang') },
    { kind: 'byline' as const, ...spanOf(text, 'Phương Anh - Quốc Việt') },
  ];
  const got = withContext(text, meta).filter((e) => e.label === 'PER').map((e) => e.text);
  assert.deepEqual(got, ['Thu Trang', 'Phương Anh', 'Quốc Việt']);
});

test('academic and professional titles before a name stay outside it, and cue it', () => {
  assert.deepEqual(pers('PGS.TS Lò Thị Hằng trình bày tham luận.'), ['Lò Thị Hằng']);
  assert.deepEqual(pers('Theo GS.TSKH Đặng Hùng Võ, chính sách cần sửa.'), ['Đặng Hùng Võ']);
  assert.deepEqual(pers('ThS. Cao Minh Tâm và TS. Bế Văn Hải góp ý.'), ['Cao Minh Tâm', 'Bế Văn Hải']);
});

test('bylines in capitals become PER; a lone agency code does not', () => {
  const text = 'Nội dung bài viết.\nHOÀNG ANH - PV\nẢnh: TTXVN';
  const meta = [
    { kind: 'byline' as const, ...spanOf(text, 'HOÀNG ANH - PV') },
    { kind: 'credit' as const, ...spanOf(text, 'Ảnh: TTXVN') },
  ];
  const got = withContext(text, meta).filter((e) => e.label === 'PER').map((e) => e.text);
  assert.deepEqual(got, ['HOÀNG ANH']);
  const single = 'Bài viết.\nVÂN';
  assert.deepEqual(withContext(single, [{ kind: 'byline' as const, ...spanOf(single, 'VÂN') }]).filter((e) => e.label === 'PER').map((e) => e.text), []);
  const byline = 'Bài viết.\nĐỨC MẠNH';
  assert.equal(full(byline).entities.find((e) => e.label === 'PER')?.value ?? 'Đức Mạnh', 'Đức Mạnh');
});

test('a photo credit gives a PER even when no metadata item marks it', () => {
  assert.deepEqual(pers('Lãnh đạo tỉnh trao quà cho các gia đình chính sách (Ảnh: Thu Hà)'), ['Thu Hà']);
  assert.deepEqual(withContext('Quang cảnh hội nghị.\nẢnh: Quang Vinh').filter((e) => e.label === 'PER').map((e) => e.text), ['Quang Vinh']);
  assert.deepEqual(pers('Ảnh: TTXVN'), []);
});

test('startsFamousOrSurname answers as the famous-name table and the surname test do, at every capitalised word', async () => {
  const { FAMOUS_TABLE, startsFamousOrSurname, surnameStrength } = await import('../../server/src/core/lexicon');
  const { FAMOUS_PEOPLE } = await import('../../server/src/core/data/people');
  const { STRONG_SURNAMES, WEAK_SURNAMES } = await import('../../server/src/core/data/surnames');
  const { tokenize } = await import('../../server/src/core/wordScan');
  const words = [...FAMOUS_PEOPLE.map((p) => p.name), ...STRONG_SURNAMES, ...WEAK_SURNAMES, 'Hà Nội', 'Quốc hội', 'Bí thư', 'Xyz', 'Ông', 'Đảng'];
  const toks = tokenize(words.join(' , '));
  let asked = 0;
  for (let i = 0; i < toks.n; i++) {
    if (!toks.capWord(i)) continue;
    asked++;
    assert.equal(startsFamousOrSurname(toks, i), FAMOUS_TABLE.startsAt(toks, i) || surnameStrength(toks, i) !== undefined, toks.textOf(i));
  }
  assert.ok(asked > 100, `${asked} capitalised words asked`);
});
