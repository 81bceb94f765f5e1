/**
 * Places of Vietnam and the world that news articles name without a unit word.
 *
 * Provinces and centrally-run cities are listed as they were BEFORE the 2025 reorganisation
 * (63 units) and AFTER it (34 units, effective 1 July 2025: Nghị quyết 202/2025/QH15); a
 * merged province keeps its entry, with the unit it was merged into, because older articles
 * name it. Spelling variants (`Đắc Lắc`, `Bắc Cạn`, `Bà Rịa-Vũng Tàu`) are separate rows.
 */

export type PlaceKind = 'province' | 'city' | 'region' | 'country' | 'locality';

export interface Place {
  name: string;
  kind: PlaceKind;
  /** Province/city that absorbed it in 2025 (absent: it still exists as a unit). */
  mergedInto?: string;
  /** A name that is also a person's: LOC only after a unit word or in a list of places. */
  needsContext?: boolean;
}

/** The 34 provincial-level units after 1 July 2025 (6 cities + 28 provinces). */
export const UNITS_2025: readonly string[] = [
  'Hà Nội', 'Huế', 'Hải Phòng', 'Đà Nẵng', 'Hồ Chí Minh', 'Cần Thơ',
  'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Cao Bằng', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An',
  'Hà Tĩnh', 'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên',
  'Ninh Bình', 'Quảng Trị', 'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk',
  'Đồng Nai', 'Tây Ninh', 'Vĩnh Long', 'Đồng Tháp', 'Cà Mau', 'An Giang',
];

/** Units that existed before 1 July 2025 and were merged, with the unit that absorbed them. */
export const MERGED_2025: Readonly<Record<string, string>> = {
  'Hà Giang': 'Tuyên Quang', 'Yên Bái': 'Lào Cai', 'Bắc Kạn': 'Thái Nguyên', 'Vĩnh Phúc': 'Phú Thọ',
  'Hòa Bình': 'Phú Thọ', 'Bắc Giang': 'Bắc Ninh', 'Thái Bình': 'Hưng Yên', 'Hải Dương': 'Hải Phòng',
  'Hà Nam': 'Ninh Bình', 'Nam Định': 'Ninh Bình', 'Quảng Bình': 'Quảng Trị', 'Quảng Nam': 'Đà Nẵng',
  'Kon Tum': 'Quảng Ngãi', 'Bình Định': 'Gia Lai', 'Ninh Thuận': 'Khánh Hòa', 'Đắk Nông': 'Lâm Đồng',
  'Bình Thuận': 'Lâm Đồng', 'Phú Yên': 'Đắk Lắk', 'Bình Dương': 'Hồ Chí Minh',
  'Bà Rịa - Vũng Tàu': 'Hồ Chí Minh', 'Bình Phước': 'Đồng Nai', 'Long An': 'Tây Ninh',
  'Sóc Trăng': 'Cần Thơ', 'Hậu Giang': 'Cần Thơ', 'Bến Tre': 'Vĩnh Long', 'Trà Vinh': 'Vĩnh Long',
  'Tiền Giang': 'Đồng Tháp', 'Bạc Liêu': 'Cà Mau', 'Kiên Giang': 'An Giang',
};

/** Other spellings of the same units. */
const VARIANTS: Readonly<Record<string, string>> = {
  'Thừa Thiên Huế': 'Huế', 'Thừa Thiên - Huế': 'Huế', 'Đắc Lắc': 'Đắk Lắk', 'Đắk Lăk': 'Đắk Lắk',
  'Đăk Lăk': 'Đắk Lắk', 'Bắc Cạn': 'Bắc Kạn', 'Đắc Nông': 'Đắk Nông', 'Đăk Nông': 'Đắk Nông',
  'Bà Rịa-Vũng Tàu': 'Bà Rịa - Vũng Tàu', 'Bà Rịa – Vũng Tàu': 'Bà Rịa - Vũng Tàu',
  'Kontum': 'Kon Tum', 'Thanh Hoá': 'Thanh Hóa', 'Khánh Hoà': 'Khánh Hòa', 'Hoà Bình': 'Hòa Bình',
};

/** Cities and towns often named without their unit word. */
const LOCALITIES: readonly string[] = [
  'Hạ Long', 'Cẩm Phả', 'Uông Bí', 'Móng Cái', 'Nha Trang', 'Đà Lạt', 'Buôn Ma Thuột', 'Quy Nhơn',
  'Biên Hòa', 'Thủ Đức', 'Vũng Tàu', 'Phan Thiết', 'Hội An', 'Sa Pa', 'Điện Biên Phủ', 'Pleiku',
  'Côn Đảo', 'Phú Quốc', 'Cát Bà', 'Sầm Sơn', 'Tam Kỳ', 'Đồng Hới', 'Rạch Giá', 'Cao Lãnh',
  'Mỹ Tho', 'Long Xuyên', 'Châu Đốc', 'Sóc Sơn', 'Hoàn Kiếm', 'Ba Đình', 'Tây Hồ', 'Cầu Giấy',
];

/** Regions, seas, continents (guide: `Đồng bằng Bắc Bộ`; `miền Bắc` is one LOC). */
const REGIONS: readonly string[] = [
  'Tây Bắc', 'Đông Bắc', 'Việt Bắc', 'Tây Bắc Bộ', 'Đông Bắc Bộ', 'Bắc Bộ', 'Trung Bộ', 'Nam Bộ',
  'Bắc Trung Bộ', 'Nam Trung Bộ', 'Duyên hải Nam Trung Bộ', 'Duyên hải miền Trung', 'Tây Nguyên',
  'Đông Nam Bộ', 'Tây Nam Bộ', 'Đồng bằng sông Hồng', 'Đồng bằng Bắc Bộ', 'Đồng bằng sông Cửu Long',
  'Trung du và miền núi phía Bắc', 'Trung du miền núi phía Bắc', 'miền Bắc', 'miền Trung', 'miền Nam',
  'miền Tây', 'miền Đông', 'Biển Đông', 'Hoàng Sa', 'Trường Sa', 'Đông Nam Á', 'châu Á', 'châu Âu',
  'châu Phi', 'châu Mỹ', 'châu Úc', 'Thái Bình Dương', 'Đại Tây Dương', 'Ấn Độ Dương', 'sông Hồng',
  'sông Cửu Long', 'sông Mê Kông', 'Mê Kông',
];

/**
 * Countries. Left out on purpose: names that are common given names or words when
 * capitalised (`Anh`, `Đức`, `Ý`), which would tag people and sentence starts.
 */
const COUNTRIES: readonly string[] = [
  'Việt Nam', 'Lào', 'Campuchia', 'Trung Quốc', 'Nhật Bản', 'Hàn Quốc', 'Triều Tiên', 'Hoa Kỳ',
  'Mỹ', 'Nga', 'Liên bang Nga', 'Pháp', 'Ấn Độ', 'Thái Lan', 'Singapore', 'Malaysia', 'Indonesia',
  'Philippines', 'Myanmar', 'Brunei', 'Úc', 'Australia', 'Canada', 'Cuba', 'Ucraina', 'Ukraine',
  'Hà Lan', 'Tây Ban Nha', 'Bồ Đào Nha', 'Thụy Điển', 'Na Uy', 'Phần Lan', 'Ba Lan', 'Séc',
  'Hungary', 'Mông Cổ', 'Đài Loan', 'Hồng Kông', 'Israel', 'Ai Cập', 'Nam Phi', 'Brazil',
  'Argentina', 'Mexico', 'Venezuela', 'Chile', 'New Zealand', 'Timor-Leste', 'Đông Timor',
];

function build(): Place[] {
  const out: Place[] = [];
  const cities = new Set(['Hà Nội', 'Huế', 'Hải Phòng', 'Đà Nẵng', 'Hồ Chí Minh', 'Cần Thơ']);
  for (const name of UNITS_2025) {
    // `Hồ Chí Minh` alone is also the person: LOC only with a unit word or among places.
    out.push({ name, kind: cities.has(name) ? 'city' : 'province', needsContext: name === 'Hồ Chí Minh' || undefined });
  }
  for (const [name, into] of Object.entries(MERGED_2025)) out.push({ name, kind: 'province', mergedInto: into });
  for (const [variant, name] of Object.entries(VARIANTS)) {
    const base = out.find((p) => p.name === name);
    out.push({ name: variant, kind: base?.kind ?? 'province', mergedInto: base?.mergedInto });
  }
  for (const name of LOCALITIES) out.push({ name, kind: 'locality' });
  for (const name of REGIONS) out.push({ name, kind: 'region' });
  for (const name of COUNTRIES) out.push({ name, kind: 'country' });
  out.push({ name: 'HCM', kind: 'city' }, { name: 'TP.HCM', kind: 'city' }, { name: 'TPHCM', kind: 'city' });
  return out;
}

export const PLACES: readonly Place[] = build();

/**
 * Unit words written before a place name; they stay outside the LOC span (guide §2).
 * `numbered` units may be followed by a number (`phường 5`, `quận 1`); `tableOnly` ones
 * (`vùng`, `nước`) introduce only a known place, never an arbitrary capitalised phrase.
 */
export const UNIT_WORDS: ReadonlyArray<{ form: string; numbered?: boolean; tableOnly?: boolean }> = [
  { form: 'tỉnh' }, { form: 'thành phố' }, { form: 'TP' }, { form: 'TP.' }, { form: 'huyện' },
  { form: 'quận', numbered: true }, { form: 'thị xã' }, { form: 'xã' }, { form: 'phường', numbered: true },
  { form: 'thị trấn' }, { form: 'đặc khu' }, { form: 'thôn' }, { form: 'ấp' },
  { form: 'khu phố', numbered: true }, { form: 'tổ dân phố', numbered: true },
  { form: 'vùng', tableOnly: true }, { form: 'nước', tableOnly: true }, { form: 'khu vực', tableOnly: true },
];
