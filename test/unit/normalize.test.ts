import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTextView, foldDiacritics, normalizedKey, rememberedKey, unifyTones } from '../../server/src/core/normalize';

test('old and new tone placements give the same key', () => {
  assert.equal(normalizedKey('Tỉnh uỷ'), normalizedKey('Tỉnh ủy'));
  assert.equal(normalizedKey('hoà bình'), normalizedKey('hòa bình'));
  assert.equal(normalizedKey('khoá X'), normalizedKey('khóa X'));
});

test('closed syllables and qu- keep their tone', () => {
  assert.equal(unifyTones('hoàng toán quyết quý'), 'hoàng toán quyết quý');
});

test('NFD, no-break spaces and case collapse to one key', () => {
  const nfd = 'Quảng\u00a0Ninh'.normalize('NFD');
  assert.equal(normalizedKey(nfd), 'quảng ninh');
  assert.equal(normalizedKey('  QUẢNG   NINH '), 'quảng ninh');
});

test('rememberedKey gives normalizedKey on a first call and on a hit, for slices of a text', () => {
  const text = 'Bí thư Tỉnh uỷ  Nguyễn Văn Thắng\u00a0và Quảng Ninh, hoà bình. '.repeat(3);
  for (const [s, e] of [[0, 14], [16, 32], [4, 40], [0, text.length]]) {
    const key = normalizedKey(text.slice(s, e));
    assert.equal(rememberedKey(text.slice(s, e)), key);
    assert.equal(rememberedKey(text.slice(s, e)), key);
  }
});

test('diacritic folding for search', () => {
  assert.equal(foldDiacritics('Nguyễn Quang Dương'), 'nguyen quang duong');
  assert.equal(foldDiacritics('Đỗ Đức Duy'), 'do duc duy');
});

test('the view of an NFD text maps back to stored offsets', () => {
  const raw = 'Ông Nguyễn Văn Thắng'.normalize('NFD');
  const view = createTextView(raw);
  assert.equal(view.text, 'Ông Nguyễn Văn Thắng');
  const start = view.text.indexOf('Nguyễn');
  const end = view.text.length;
  assert.equal(raw.slice(view.toRaw(start), view.toRaw(end)).normalize('NFC'), 'Nguyễn Văn Thắng');
  assert.equal(view.toRaw(view.text.length), raw.length);
});

test('the view of an NFC text keeps length and turns NBSP/BOM into spaces', () => {
  const raw = '\ufeffQuảng\u00a0Ninh';
  const view = createTextView(raw);
  assert.equal(view.text.length, raw.length);
  assert.equal(view.text, ' Quảng Ninh');
});

// ---------------------------------------------------------------- the fast paths give the reference results
// The straightforward implementation the fast paths replaced (whole-text NFC, regex tone
// moves, one NFC call per cluster), kept here as the specification they must match.

const REF_TONE_MOVES = (() => {
  const map = new Map<string, string>();
  const pairs = [['o', 'a'], ['o', 'e'], ['u', 'y'], ['O', 'A'], ['O', 'E'], ['U', 'Y'], ['O', 'a'], ['O', 'e'], ['U', 'y']];
  for (const [first, second] of pairs) {
    for (const t of ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323']) map.set((first + second + t).normalize('NFC'), (first + t + second).normalize('NFC'));
  }
  return map;
})();

function refUnifyTones(s: string): string {
  const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);
  return s.replace(/[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]/g, (m, offset: number, whole: string) => {
    if (isLetter(whole[offset + 2])) return m;
    if ((m[0] === 'u' || m[0] === 'U') && (whole[offset - 1] === 'q' || whole[offset - 1] === 'Q')) return m;
    return REF_TONE_MOVES.get(m) ?? m;
  });
}

function refView(raw: string): { text: string; toRaw: (v: number) => number; toView: (r: number) => number } {
  const spaces = /[\u00a0\ufeff\u2007\u202f]/g;
  const nfc = raw.normalize('NFC');
  if (nfc.length === raw.length) return { text: refUnifyTones(nfc.replace(spaces, ' ')), toRaw: (i) => i, toView: (i) => i };
  const isCombining = (c: number) => (c >= 0x0300 && c <= 0x036f) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff);
  const parts: string[] = [];
  const viewToRaw: number[] = [];
  const rawToView = new Int32Array(raw.length + 1);
  let viewLen = 0;
  let i = 0;
  while (i < raw.length) {
    let j = i + 1;
    if (raw.charCodeAt(i) >= 0xd800 && raw.charCodeAt(i) <= 0xdbff && j < raw.length) j++;
    while (j < raw.length && isCombining(raw.charCodeAt(j))) j++;
    const cluster = raw.slice(i, j).normalize('NFC');
    parts.push(cluster);
    for (let k = 0; k < cluster.length; k++) viewToRaw.push(i);
    for (let r = i; r < j; r++) rawToView[r] = viewLen;
    viewLen += cluster.length;
    i = j;
  }
  viewToRaw.push(raw.length);
  rawToView[raw.length] = viewLen;
  return {
    text: refUnifyTones(parts.join('').replace(spaces, ' ')),
    toRaw: (v) => (v >= viewToRaw.length - 1 ? raw.length : viewToRaw[v]),
    toView: (r) => rawToView[Math.max(0, Math.min(r, raw.length))],
  };
}

function refKey(s: string): string {
  return refUnifyTones(s.normalize('NFC')).toLowerCase().replace(/[\s\u00a0\ufeff]+/g, ' ').trim();
}

function assertSameAsReference(s: string): void {
  const view = createTextView(s);
  const ref = refView(s);
  const show = JSON.stringify(s);
  assert.equal(view.text, ref.text, `view text of ${show}`);
  assert.equal(view.raw, s);
  for (let v = 0; v <= view.text.length; v++) assert.equal(view.toRaw(v), ref.toRaw(v), `toRaw(${v}) of ${show}`);
  for (let r = 0; r <= s.length; r++) assert.equal(view.toView(r), ref.toView(r), `toView(${r}) of ${show}`);
  if (view.plain) assert.ok(!/[\ud800-\udfff]/.test(s) && view.text.length === s.length, `plain view of ${show}`);
  assert.equal(unifyTones(s), refUnifyTones(s), `unifyTones of ${show}`);
  assert.equal(normalizedKey(s), refKey(s), `normalizedKey of ${show}`);
}

test('every UTF-16 unit, alone and beside letters, tones, marks and spaces, gives the reference view and key', () => {
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    for (const s of [ch, `o${ch}`, `${ch}\u0301`, `o${ch} `, `qu${ch}`, `hoà${ch}`, ` ${ch}a`]) assertSameAsReference(s);
  }
});

test('random mixes of the awkward characters give the reference view and key', () => {
  const alphabet = [
    'a', 'o', 'O', 'u', 'U', 'q', 'Q', 'y', 'n', 'g', 'H', ' ', '  ', '\t', '\n', '\r\n', '.', '-',
    'à', 'á', 'ả', 'ã', 'ạ', 'è', 'é', 'ẻ', 'ẽ', 'ẹ', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ', 'À', 'Á', 'Ạ', 'Ý', 'Ỵ', 'ế', 'ự', 'đ', 'Đ', 'ơ', 'ư', 'ă',
    '\u0300', '\u0301', '\u0302', '\u0303', '\u0309', '\u0323', '\u031b', '\u0306', '\u034f', '\u0340', '\u0344', '\u20dd', '\u1dc0',
    '\u00a0', '\ufeff', '\u2007', '\u202f', '\u2000', '\u2001', '\u2028', '\u3000', '\u212b', '\u2126', '\uf900', '\u0958',
    '\u1100', '\u1161', '\u11a8', '가', '中', '😀', '\ud835\udc00', '\ud800', '\udc00', '…', '–', '“', '₫',
  ];
  let seed = 12345;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  for (let k = 0; k < 20_000; k++) {
    let s = '';
    const len = next(12);
    for (let i = 0; i < len; i++) s += alphabet[next(alphabet.length)];
    assertSameAsReference(s);
    assertSameAsReference(s.normalize('NFD'));
  }
});

test('long texts: plain, spaced, old tones, decomposed, with an emoji', () => {
  const base = 'Ông Nguyễn Văn Thắng, Bí thư Tỉnh uỷ, dự lễ khoá họp; hoà bình, quý vị, toàn thể.\u00a0Hoàng Quốc Việt\n';
  const long = base.repeat(400);
  for (const s of [long, long.normalize('NFD'), long.replace(/\u00a0/g, ' '), `😀${long}`, `${long.normalize('NFD')}😀`, `\ufeff${long}\u2000`, `${long}\u1100\u1161`,
    `\ufeff${long.replace(/, /g, ',\u2007').replace(/; /g, ';\u202f')}\u202f`, `${long}\u2030\u20ab\ufeff`,
    `${long.repeat(8)}\u0958\u0344`]) {
    assertSameAsReference(s);
  }
});

test('a key with whitespace only around it is the trimmed text key, tones moved at either end', () => {
  for (const s of ['Cập nhật: ', '  Cập nhật:', ' hoà ', '\thoà\t', 'Tỉnh uỷ ', ' QUÝ ', ' quý', '\u00a0khoẻ\u00a0', ' Hoà  bình ', ' \u0130stanbul ', ' Hòa\n', '\ufeffHOÀ ']) {
    assertSameAsReference(s);
  }
});
