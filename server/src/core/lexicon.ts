/**
 * The knowledge tables of data/*.ts compiled once into syllable tries and sets, plus the
 * small predicates every name detector shares ("does a title or body start here?", "does
 * this look like a person's name?"). Built at module load; lookups are array reads and Map
 * hits, and the predicates asked again and again at one token are memoized per article.
 */
import { BAN_BODIES, BODY_NAMES, LEVEL_WORDS, MINISTRIES, ORG_ABBREVIATIONS, ORG_HEADS, type OrgHead } from './data/organizations';
import { FAMOUS_PEOPLE, HONORIFICS } from './data/people';
import { PLACES, UNIT_WORDS, type Place } from './data/places';
import { COMMON_MIDDLE_NAMES, STRONG_SURNAMES, WEAK_SURNAMES } from './data/surnames';
import { TITLE_BODIES, TITLE_HEADS, TITLE_PREFIXES, TITLE_QUALIFIERS, type TitleHead } from './data/titles';
import { MAX_SYLLABLES, PhraseTable, Scratch, lastMatchEnd, SyllableSet, phraseKeys, startLists, syllableId, type PhraseHit, type StartLists, type Toks } from './wordScan';

// Table values get all their fields in one order (see fullOrgHead: one object shape per table).
export const PLACE_TABLE = new PhraseTable<Place>(PLACES.map((p) => [p.name, { name: p.name, kind: p.kind, mergedInto: p.mergedInto, needsContext: p.needsContext }] as const));
export const UNIT_TABLE = new PhraseTable(UNIT_WORDS.map((u) => [u.form, { form: u.form, numbered: !!u.numbered, tableOnly: !!u.tableOnly }] as const));
/**
 * Every head with all its fields, in one order: the table's entries are written with a few
 * fields each, and a parse reading heads of many object shapes pays a slow (megamorphic)
 * property lookup on every `head.…`.
 */
export function fullOrgHead(h: OrgHead): OrgHead {
  return { bare: !!h.bare, body: h.body, khoi: !!h.khoi, abbr: !!h.abbr, committee: !!h.committee };
}
export const ORG_HEAD_TABLE = new PhraseTable<OrgHead>([
  ...Object.entries(ORG_HEADS).map(([form, h]) => [form, fullOrgHead(h)] as const),
  ...MINISTRIES.map((m) => [m, fullOrgHead({ bare: true })] as const),
]);
export const BODY_NAME_TABLE = new PhraseTable(BODY_NAMES.map((b) => [b, b] as const));
export const BAN_BODY_TABLE = new PhraseTable(BAN_BODIES.map((b) => [b.form, { form: b.form, alone: !!b.alone }] as const));
export const LEVEL_TABLE = new PhraseTable(LEVEL_WORDS.map((l) => [l, l] as const));
export const TITLE_HEAD_TABLE = new PhraseTable<TitleHead>(
  TITLE_HEADS.map((h) => [h.form, { form: h.form, alone: !!h.alone, level: !!h.level, portfolio: !!h.portfolio, foreign: !!h.foreign }] as const),
);
export const TITLE_PREFIX_TABLE = new PhraseTable(TITLE_PREFIXES.map((p) => [p, p] as const));
export const TITLE_QUALIFIER_TABLE = new PhraseTable(TITLE_QUALIFIERS.map((q) => [q, q] as const));
export const TITLE_BODY_TABLE = new PhraseTable(TITLE_BODIES.map((b) => [b, b] as const));
export const HONORIFIC_TABLE = new PhraseTable(HONORIFICS.map((h) => [h.form, h] as const));
export const FAMOUS_TABLE = new PhraseTable(FAMOUS_PEOPLE.map((p) => [p.name, { name: p.name, place: !!p.place }] as const));
/** Most tokens an honorific spans (`các đồng chí`): one ending right before toks[c] starts at c - HONORIFIC_REACH or later. */
export const HONORIFIC_REACH = Math.max(...HONORIFICS.map((h) => phraseKeys(h.form).keys.length));

/** First syllables of titles (prefix or head; a title starts capitalised) and of places (unit word or known place, any case). */
export const TITLE_STARTS = TITLE_PREFIX_TABLE.mask | TITLE_HEAD_TABLE.mask;
export const PLACE_STARTS = UNIT_TABLE.mask | PLACE_TABLE.mask;

const CAP_LIST = new Scratch();
const PLACE_LIST = new Scratch();
let startsFor: Toks | undefined;
let starts: StartLists | undefined;

/**
 * The tokens a name may start at: capitalised words (ORG, TITLE, PER) and place starts (LOC),
 * computed once per article for all the detectors instead of one scan over every token each.
 */
export function nameStarts(toks: Toks): StartLists {
  if (startsFor !== toks || starts === undefined) {
    starts = startLists(toks, PLACE_STARTS, CAP_LIST, PLACE_LIST);
    startsFor = toks;
  }
  return starts;
}

/** Abbreviations by exact text (case matters: `EU` yes, `eu` no), by their syllable id: an array read, not a Map hit. */
const ABBREVIATIONS = new Array<string[] | undefined>(MAX_SYLLABLES).fill(undefined);
for (const a of ORG_ABBREVIATIONS) {
  const id = syllableId(a.toLowerCase());
  ABBREVIATIONS[id] = [...(ABBREVIATIONS[id] ?? []), a];
}
/** Single syllables of a list (a longer entry never equals one token's key). */
const syllables = (list: readonly string[]) => new SyllableSet(list.map((s) => phraseKeys(s).keys).filter((k) => k.length === 1).map((k) => k[0]));
const STRONG = syllables(STRONG_SURNAMES);
const WEAK = syllables(WEAK_SURNAMES);
const MIDDLE = syllables(COMMON_MIDDLE_NAMES);

/** A country from the place table (`Nhật Bản`, `Hoa Kỳ`) ends at the returned index. */
export function countryAt(toks: Toks, i: number): number | undefined {
  return PLACE_TABLE.longestValue(toks, i)?.kind === 'country' ? lastMatchEnd() : undefined;
}

export function isAbbreviation(toks: Toks, i: number): boolean {
  // `upper` means the text is its own upper case, so the table can be asked directly.
  if (!toks.upper(i)) return false;
  const forms = ABBREVIATIONS[toks.id[i]];
  if (forms === undefined) return false;
  for (let k = 0; k < forms.length; k++) if (toks.is(i, forms[k])) return true;
  return false;
}

/**
 * First syllables of the famous names, and the one-syllable surnames (strong or weak): at a
 * capitalised word, `FAMOUS_TABLE.startsAt || surnameStrength !== undefined` in one read.
 */
const NAME_STARTS = new SyllableSet([
  ...FAMOUS_PEOPLE.map((p) => phraseKeys(p.name).keys).filter((k) => k.length > 0).map((k) => k[0]),
  ...[...STRONG_SURNAMES, ...WEAK_SURNAMES].map((s) => phraseKeys(s).keys).filter((k) => k.length === 1).map((k) => k[0]),
]);

/** A famous name starts at capitalised word i, or i is a one-syllable surname (see NAME_STARTS). */
export function startsFamousOrSurname(toks: Toks, i: number): boolean {
  return NAME_STARTS.has(toks.id[i]);
}

export type SurnameStrength = 'strong' | 'weak' | undefined;

export function surnameStrength(toks: Toks, i: number): SurnameStrength {
  if (!toks.capWord(i)) return undefined;
  const id = toks.id[i];
  return STRONG.has(id) ? 'strong' : WEAK.has(id) ? 'weak' : undefined;
}

export function isMiddleName(toks: Toks, i: number): boolean {
  return MIDDLE.has(toks.key(i));
}

/** Longest syllable of a name (`Nguyễn`, `Nghiêm`): longer capitalised words are not syllables of one. */
const MAX_NAME_SYLLABLE = 8;

/** A capitalised word that may be a syllable of a name (not a number, not an abbreviation). */
export function isNameSyllable(toks: Toks, i: number, first: number): boolean {
  if (!toks.capWord(i) || toks.nlBefore(i) || toks.size(i) > MAX_NAME_SYLLABLE) return false;
  // An ALL-CAPS word after a mixed-case one is an abbreviation (`Nguyễn Văn A UBND`), not a syllable.
  return !(toks.upper(i) && !toks.upper(first));
}

/** Rows of the per-article memo (one byte array reused from article to article): row * toks.n + i. */
const HEAD_MEMO = 0;
const NAME_MEMO = 1;
const INNER_NAME_MEMO = 2;
const MEMO_ROWS = 3;

const MEMO = new Scratch();

function memoOf(toks: Toks): Uint8Array {
  return (toks.memo ??= MEMO.bytes(MEMO_ROWS * toks.n));
}

/** A title head, title prefix, or organization head or abbreviation starts at toks[i] (memoized per article). */
export function headStartsAt(toks: Toks, i: number): boolean {
  if (!toks.has(i)) return false;
  if (!TITLE_HEAD_TABLE.startsAt(toks, i) && !TITLE_PREFIX_TABLE.startsAt(toks, i) && !ORG_HEAD_TABLE.startsAt(toks, i)) return isAbbreviation(toks, i);
  const memo = memoOf(toks);
  const k = HEAD_MEMO * toks.n + i;
  if (memo[k] === 0) memo[k] = headStarts(toks, i) ? 2 : 1;
  return memo[k] === 2;
}

function headStarts(toks: Toks, i: number): boolean {
  if (isAbbreviation(toks, i)) return true;
  if (TITLE_HEAD_TABLE.longestEnd(toks, i) >= 0) return true;
  if (TITLE_PREFIX_TABLE.longestEnd(toks, i) >= 0 && TITLE_HEAD_TABLE.longestEnd(toks, i + 1) >= 0) return true;
  const given = GIVEN_NAME_HEADS.has(toks.id[i]);
  if (!given) return orgHeadStrict(toks, i).length > 0;
  for (const h of orgHeadStrict(toks, i)) if (h.size > 1) return true;
  return false;
}

/** One-syllable body heads that are also common given names (`Nguyễn Xuân Trường`). */
const GIVEN_NAME_HEADS = new SyllableSet(['trường', 'hội']);

/** An ORG head starts at i (ending at i + size) and is not a place or a famous person's name (`Trường Sa`, `Trường Chinh`); memoized per article. */
export function orgHeadStrict(toks: Toks, i: number): ReadonlyArray<PhraseHit<OrgHead>> {
  if (!ORG_HEAD_TABLE.startsAt(toks, i)) return NO_HEADS;
  // Per token: 0 = not asked, -1 = no head, k > 0 = the (k-1)th list of toks.orgHeads. Only
  // the few tokens a head starts with get a list; the index is one reused buffer.
  const index = (toks.orgHeadIndex ??= HEAD_INDEX.ints(toks.n));
  const lists = (toks.orgHeads ??= []) as Array<ReadonlyArray<PhraseHit<OrgHead>>>;
  const k = index[i];
  if (k > 0) return lists[k - 1];
  if (k < 0) return NO_HEADS;
  const heads = orgHeadsAt(toks, i);
  if (heads.length === 0) {
    index[i] = -1;
  } else {
    lists.push(heads);
    index[i] = lists.length;
  }
  return heads;
}

const NO_HEADS: never[] = [];
const HEAD_INDEX = new Scratch();

function orgHeadsAt(toks: Toks, i: number): ReadonlyArray<PhraseHit<OrgHead>> {
  const heads = ORG_HEAD_TABLE.matchAll(toks, i);
  if (heads.length === 0) return heads;
  const cover = Math.max(PLACE_TABLE.longestEnd(toks, i), FAMOUS_TABLE.longestEnd(toks, i), 0);
  return cover > 0 ? heads.filter((h) => i + h.size > cover) : heads;
}

/**
 * Number of syllables of the person-like name at toks[i] (surname + 1–3 capitalised
 * syllables), 0 when there is none. Stops before a title or body head. Memoized per article.
 */
export function nameLength(toks: Toks, i: number, inner = false): number {
  if (!toks.capWord(i)) return 0;
  const memo = memoOf(toks);
  const k = (inner ? INNER_NAME_MEMO : NAME_MEMO) * toks.n + i;
  if (memo[k] === 0) memo[k] = nameLengthAt(toks, i, inner) + 1;
  return memo[k] - 1;
}

function nameLengthAt(toks: Toks, i: number, inner: boolean): number {
  const strength = surnameStrength(toks, i);
  if (!strength) return 0;
  // In an ALL-CAPS headline nothing marks where the name ends: take the common 3 syllables.
  const max = toks.upper(i) ? 3 : 4;
  // A second full name right after (`Bệnh viện Bạch Mai Đào Xuân Cơ`) is another person; a
  // strong surname may still carry a second family name (`Nguyễn Lê Minh`).
  const firstSplit = strength === 'strong' ? i + 2 : i + 1;
  let j = i + 1;
  while (j < i + max && isNameSyllable(toks, j, i) && !headStartsAt(toks, j)) {
    if (!inner && j >= firstSplit && surnameStrength(toks, j) === 'strong' && nameLength(toks, j, true) >= 3) break;
    j++;
  }
  return j - i > 1 ? j - i : 0;
}

/**
 * Whether toks[i..] reads as a person's full name rather than a place (`Nguyễn Văn Thắng`
 * after `UBND tỉnh` is the chairman, `Phan Thiết` after `thành phố` is the city): a surname
 * and three or more syllables, or a typical middle name.
 */
export function looksLikePerson(toks: Toks, i: number): boolean {
  const n = nameLength(toks, i);
  if (n === 0) return false;
  if (PLACE_TABLE.longestEnd(toks, i) === i + n) return false;
  return n >= 3;
}
