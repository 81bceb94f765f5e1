/**
 * Property tests of the pure core (issue 9): on any Unicode input — Vietnamese syllables,
 * NFD sequences, astral characters, control characters, long lines — the engine never
 * throws, every span lies inside the text and its stored text equals the text at its
 * offsets, the primary layer does not overlap, and offset conversions round-trip.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../server/src/core/analyzer';
import { CodePointIndex } from '../../server/src/core/offsets';
import { createTextView, normalizedKey } from '../../server/src/core/normalize';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

/** Pieces that make realistic and hostile articles when glued together. */
const PIECES = [
  'Nguyễn', 'Quang', 'Dương', 'Phó', 'Bí thư', 'Tỉnh ủy', 'Tỉnh uỷ', 'Quảng Ninh', 'UBND', 'HĐND tỉnh', 'Ban Chấp hành',
  'Đảng bộ', 'Nghị quyết', 'số', '18-NQ/TW', 'Trung ương 5', 'khóa', 'khoá', 'X', 'XIII', 'Đề án 25', 'ngày', '19/4',
  '22/09/2020', 'tháng 9/2020', 'năm 2020', 'nhiệm kỳ 2020 - 2025', '11:02', '(GMT +7)', 'Thứ 6,', '|', 'VOV.VN -',
  '(TN&MT) -', 'Tin liên quan', '--Quảng cáo---', '(0) Bình luận', 'ông', 'đồng chí', ',', '.', ';', '“', '”', '"', '…',
  '\u00a0', ' ', '\n', '\r\n', '\r', '\n\n', '\t', '\ufeff', '😀', '𝄞', '\u0000', '\u0007', '\u200b', 'x\u0301', '\u0301',
  'Nguyễn Văn Thắng'.normalize('NFD'), 'Đỗ Đức Duy', 'Hồ Chí Minh', 'Thành phố', 'TP.', 'huyện', 'xã', 'miền Bắc',
];

const articleArb = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((parts) => parts.join(' ')),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

test('analysis never throws and every span is consistent with the stored text', () => {
  fc.assert(
    fc.property(articleArb, (text) => {
      const a = analyze(text);
      const cps = new CodePointIndex(text);
      for (const s of [...a.entities, ...a.boilerplate, ...a.metadata, ...a.links]) {
        assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end));
        assert.ok(0 <= s.start && s.start <= s.end && s.end <= cps.length, `span ${s.start}-${s.end} in 0-${cps.length}`);
        assert.equal(cps.slice(s.start, s.end), s.text);
      }
      const primary = a.entities.filter((e) => !e.nested).sort((x, y) => x.start - y.start);
      for (let i = 1; i < primary.length; i++) assert.ok(primary[i - 1].end <= primary[i].start, 'primary spans do not overlap');
      for (const e of a.entities.filter((x) => x.nested)) {
        assert.ok(primary.some((p) => p.start <= e.start && e.end <= p.end), 'a nested span lies inside a primary span');
      }
    }),
    { numRuns: RUNS },
  );
});

test('NFD and NFC forms of a text give the same entities (modulo offsets mapping)', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES.filter((p) => !/[\u0000-\u001f\u0301\ufeff]/.test(p))), { maxLength: 40 }), (parts) => {
      const nfc = parts.join(' ').normalize('NFC');
      const nfd = nfc.normalize('NFD');
      const key = (t: string) =>
        analyze(t)
          .entities.map((e) => `${e.label}:${normalizedKey(e.text)}`)
          .join('|');
      assert.equal(key(nfd), key(nfc));
    }),
    { numRuns: RUNS },
  );
});

test('UTF-16 ↔ code point conversions round-trip on any string', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      const idx = new CodePointIndex(text);
      assert.equal(idx.length, [...text].length);
      for (let cp = 0; cp <= idx.length; cp++) assert.equal(idx.toCodePoint(idx.toUtf16(cp)), cp);
    }),
    { numRuns: RUNS },
  );
});

test('the analysis view maps every index back inside the stored text, monotonically', () => {
  fc.assert(
    fc.property(articleArb, (raw) => {
      const view = createTextView(raw);
      let prev = 0;
      for (let i = 0; i <= view.text.length; i++) {
        const r = view.toRaw(i);
        assert.ok(r >= prev && r <= raw.length);
        prev = r;
      }
      assert.equal(view.toRaw(view.text.length), raw.length);
    }),
    { numRuns: RUNS },
  );
});
