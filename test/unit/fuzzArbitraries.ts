/**
 * Shared fast-check generators for the robustness tests (issue 9): realistic and hostile
 * article text built from Vietnamese news pieces, NFD forms, astral and control characters,
 * and human labels over random spans (possibly overlapping, as hand-written .ann can be).
 */
import fc from 'fast-check';
import { ENTITY_LABELS } from '../../server/src/core/types';

/** How many cases each property tries; PROPERTY_RUNS=2000 for a long soak. */
export const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

export const PIECES = [
  'Nguyễn', 'Quang', 'Dương', 'Phó', 'Bí thư', 'Tỉnh ủy', 'Tỉnh uỷ', 'Quảng Ninh', 'UBND', 'HĐND tỉnh', 'Ban Chấp hành',
  'Đảng bộ', 'Nghị quyết', 'số', '18-NQ/TW', 'Trung ương 5', 'khóa', 'khoá', 'X', 'XIII', 'Đề án 25', 'ngày', '19/4',
  '22/09/2020', 'tháng 9/2020', 'năm 2020', 'nhiệm kỳ 2020 - 2025', '11:02', '(GMT +7)', 'Thứ 6,', '|', 'VOV.VN -',
  'Tin liên quan', '--Quảng cáo---', '(0) Bình luận', 'ông', 'đồng chí', ',', '.', ';', '“', '”', '"', '…',
  '\u00a0', ' ', '\n', '\r\n', '\r', '\n\n', '\t', '\ufeff', '😀', '𝄞', '\u0007', '\u200b', 'x\u0301', '\u0301', '\ufffd',
  'Nguyễn Văn Thắng'.normalize('NFD'), 'Đỗ Đức Duy', 'Hồ Chí Minh', 'Thành phố', 'TP.', 'huyện', 'xã', 'miền Bắc',
];

/** An article: news pieces glued by spaces or not, or arbitrary graphemes / code units. */
export const articleArb = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((parts) => parts.join(' ')) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

/** Raw human spans to be clipped to a text of `length` code points (any may overlap). */
export const humanSpansArb = fc.array(
  fc.record({ a: fc.nat(), b: fc.nat(), label: fc.constantFrom(...ENTITY_LABELS) }),
  { maxLength: 12 },
);
