/**
 * The knowledge tables of data/*.ts compiled once into syllable tries and sets, plus the
 * small predicates every name detector shares ("does a title or body start here?", "does
 * this look like a person's name?"). Built at module load; lookups are Map hits.
 */
import { BAN_BODIES, BODY_NAMES, LEVEL_WORDS, MINISTRIES, ORG_ABBREVIATIONS, ORG_HEADS, type OrgHead } from './data/organizations';
import { FAMOUS_PEOPLE, HONORIFICS } from './data/people';
import { PLACES, UNIT_WORDS, type Place } from './data/places';
import { COMMON_MIDDLE_NAMES, STRONG_SURNAMES, WEAK_SURNAMES } from './data/surnames';
import { TITLE_BODIES, TITLE_HEADS, TITLE_PREFIXES, TITLE_QUALIFIERS } from './data/titles';
import { PhraseTable, phraseKeys, type PhraseMatch, type Tok } from './wordScan';

const keyOf = (s: string) => phraseKeys(s).keys.join(' ');

export const PLACE_TABLE = new PhraseTable<Place>(PLACES.map((p) => [p.name, p] as const));
export const UNIT_TABLE = new PhraseTable(UNIT_WORDS.map((u) => [u.form, u] as const));
export const ORG_HEAD_TABLE = new PhraseTable<OrgHead>([
  ...Object.entries(ORG_HEADS),
  ...MINISTRIES.map((m) => [m, { bare: true }] as const),
]);
export const BODY_NAME_TABLE = new PhraseTable(BODY_NAMES.map((b) => [b, b] as const));
export const BAN_BODY_TABLE = new PhraseTable(BAN_BODIES.map((b) => [b.form, b] as const));
export const LEVEL_TABLE = new PhraseTable(LEVEL_WORDS.map((l) => [l, l] as const));
export const TITLE_HEAD_TABLE = new PhraseTable(TITLE_HEADS.map((h) => [h.form, h] as const));
export const TITLE_PREFIX_TABLE = new PhraseTable(TITLE_PREFIXES.map((p) => [p, p] as const));
export const TITLE_QUALIFIER_TABLE = new PhraseTable(TITLE_QUALIFIERS.map((q) => [q, q] as const));
export const TITLE_BODY_TABLE = new PhraseTable(TITLE_BODIES.map((b) => [b, b] as const));
export const HONORIFIC_TABLE = new PhraseTable(HONORIFICS.map((h) => [h.form, h] as const));
export const FAMOUS_TABLE = new PhraseTable(FAMOUS_PEOPLE.map((p) => [p.name, p] as const));

/** Abbreviations by exact text (case matters: `EU` yes, `eu` no). */
const ABBREVIATIONS = new Set(ORG_ABBREVIATIONS);
const STRONG = new Set(STRONG_SURNAMES.map(keyOf));
const WEAK = new Set(WEAK_SURNAMES.map(keyOf));
const MIDDLE = new Set(COMMON_MIDDLE_NAMES.map(keyOf));

/** A country from the place table (`Nhật Bản`, `Hoa Kỳ`) ends at the returned index. */
export function countryAt(toks: readonly Tok[], i: number): number | undefined {
  const m = PLACE_TABLE.longest(toks, i);
  return m?.value.kind === 'country' ? m.end : undefined;
}

export function isAbbreviation(t: Tok | undefined): boolean {
  // `upper` means the text is its own upper case, so the set can be asked directly.
  return !!t && t.upper && ABBREVIATIONS.has(t.text);
}

export type SurnameStrength = 'strong' | 'weak' | undefined;

export function surnameStrength(t: Tok | undefined): SurnameStrength {
  if (!t || t.kind !== 'word' || !t.cap) return undefined;
  return STRONG.has(t.key) ? 'strong' : WEAK.has(t.key) ? 'weak' : undefined;
}

export function isMiddleName(t: Tok | undefined): boolean {
  return !!t && MIDDLE.has(t.key);
}

/** A capitalised word that may be a syllable of a name (not a number, not an abbreviation). */
export function isNameSyllable(toks: readonly Tok[], i: number, first: Tok): boolean {
  const t = toks[i];
  if (!t || t.kind !== 'word' || !t.cap || t.nlBefore || t.text.length > 8) return false;
  // An ALL-CAPS word after a mixed-case one is an abbreviation (`Nguyễn Văn A UBND`), not a syllable.
  return !(t.upper && !first.upper);
}

/** A title head, title prefix, or organization head or abbreviation starts at toks[i]. */
export function headStartsAt(toks: readonly Tok[], i: number): boolean {
  const t = toks[i];
  if (!t) return false;
  if (isAbbreviation(t)) return true;
  if (TITLE_HEAD_TABLE.longest(toks, i)) return true;
  if (TITLE_PREFIX_TABLE.longest(toks, i) && TITLE_HEAD_TABLE.longest(toks, i + 1)) return true;
  return orgHeadStrict(toks, i).some((h) => h.end > i + 1 || !GIVEN_NAME_HEADS.has(t.key));
}

/** One-syllable body heads that are also common given names (`Nguyễn Xuân Trường`). */
const GIVEN_NAME_HEADS = new Set(['trường', 'hội']);

/** An ORG head starts at i and is not a place or a famous person's name (`Trường Sa`, `Trường Chinh`). */
export function orgHeadStrict(toks: readonly Tok[], i: number): Array<PhraseMatch<OrgHead>> {
  const heads = ORG_HEAD_TABLE.matchAll(toks, i);
  if (heads.length === 0) return heads;
  const place = PLACE_TABLE.longest(toks, i);
  const famous = FAMOUS_TABLE.longest(toks, i);
  const cover = Math.max(place?.end ?? 0, famous?.end ?? 0);
  return cover > 0 ? heads.filter((h) => h.end > cover) : heads;
}

/**
 * Number of syllables of the person-like name at toks[i] (surname + 1–3 capitalised
 * syllables), 0 when there is none. Stops before a title or body head.
 */
export function nameLength(toks: readonly Tok[], i: number, inner = false): number {
  const strength = surnameStrength(toks[i]);
  if (!strength) return 0;
  // In an ALL-CAPS headline nothing marks where the name ends: take the common 3 syllables.
  const max = toks[i].upper ? 3 : 4;
  // A second full name right after (`Bệnh viện Bạch Mai Đào Xuân Cơ`) is another person; a
  // strong surname may still carry a second family name (`Nguyễn Lê Minh`).
  const firstSplit = strength === 'strong' ? i + 2 : i + 1;
  let j = i + 1;
  while (j < i + max && isNameSyllable(toks, j, toks[i]) && !headStartsAt(toks, j)) {
    if (!inner && j >= firstSplit && surnameStrength(toks[j]) === 'strong' && nameLength(toks, j, true) >= 3) break;
    j++;
  }
  return j - i > 1 ? j - i : 0;
}

/**
 * Whether toks[i..] reads as a person's full name rather than a place (`Nguyễn Văn Thắng`
 * after `UBND tỉnh` is the chairman, `Phan Thiết` after `thành phố` is the city): a surname
 * and three or more syllables, or a typical middle name.
 */
export function looksLikePerson(toks: readonly Tok[], i: number): boolean {
  const n = nameLength(toks, i);
  if (n === 0) return false;
  if (PLACE_TABLE.longest(toks, i)?.end === i + n) return false;
  return n >= 3;
}
