/**
 * The analysis view of an article and the normalized key used for matching.
 *
 * Detectors read a *view* of the stored text: NFC, one tone-mark placement, no-break
 * spaces and the BOM turned into plain spaces. Every view character knows the stored
 * character it came from, so spans found in the view map back to exact offsets in the
 * file as stored (guide §1). The view differs in length from the stored text only when
 * the stored text is not NFC.
 */

/** Combining marks that NFC may fold into the preceding letter. */
function isCombining(c: number): boolean {
  return (c >= 0x0300 && c <= 0x036f) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff);
}

/**
 * Old/new tone placement pairs (guide §1: `uỷ`/`ủy`, `hoà`/`hòa`, `khoá`/`khóa`). In an open
 * syllable `oa`, `oe`, `uy` the tone may sit on either vowel; we move it to the first
 * vowel. Keys are the two-letter nucleus with the tone on the second vowel.
 */
const TONE_MOVES: ReadonlyMap<string, string> = buildToneMoves();

function buildToneMoves(): Map<string, string> {
  const tones = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const pairs: Array<[string, string]> = [['o', 'a'], ['o', 'e'], ['u', 'y'], ['O', 'A'], ['O', 'E'], ['U', 'Y'], ['O', 'a'], ['O', 'e'], ['U', 'y']];
  const map = new Map<string, string>();
  for (const [first, second] of pairs) {
    for (const t of tones) {
      const from = (first + second + t).normalize('NFC');
      const to = (first + t + second).normalize('NFC');
      map.set(from, to);
    }
  }
  return map;
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

/** Move old-style tone marks in place; length-preserving (each move swaps two precomposed letters). */
export function unifyTones(s: string): string {
  if (!/[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]/.test(s)) return s;
  return s.replace(/[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]/g, (m, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + 2];
    if (isLetter(after)) return m; // closed syllable (hoàng, toán, quyết): tone stays on the second vowel
    if ((m[0] === 'u' || m[0] === 'U') && (before === 'q' || before === 'Q')) return m; // `quý`: u belongs to qu
    return TONE_MOVES.get(m) ?? m;
  });
}

export interface TextView {
  /** The stored text. */
  readonly raw: string;
  /** NFC, tone-unified, NBSP/BOM → space. Same length as raw unless raw was not NFC. */
  readonly text: string;
  /** Stored UTF-16 index for a view UTF-16 index (also valid for text.length). */
  toRaw(viewIndex: number): number;
  /** View UTF-16 index for a stored UTF-16 index (the view char that contains it). */
  toView(rawIndex: number): number;
}

const SPACE_LIKE = /[\u00a0\ufeff\u2007\u202f]/g;

/** Build the analysis view of a stored text. */
export function createTextView(raw: string): TextView {
  const nfc = raw.normalize('NFC');
  if (nfc.length === raw.length) {
    const text = unifyTones(nfc.replace(SPACE_LIKE, ' '));
    return { raw, text, toRaw: (i) => i, toView: (i) => i };
  }
  return createMappedView(raw);
}

/** Slow path for non-NFC input: compose per base+marks cluster and keep a map back. */
function createMappedView(raw: string): TextView {
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
  const text = unifyTones(parts.join('').replace(SPACE_LIKE, ' '));
  return {
    raw,
    text,
    // An end offset maps to the end of the raw cluster, so a span never cuts a mark off its letter.
    toRaw: (v) => (v >= viewToRaw.length - 1 ? raw.length : viewToRaw[v]),
    toView: (r) => rawToView[Math.max(0, Math.min(r, raw.length))],
  };
}

/**
 * The key that linking and matching compare (guide §1): NFC, tones unified, case-folded,
 * no-break spaces and runs of whitespace collapsed to one space, trimmed.
 */
export function normalizedKey(s: string): string {
  return unifyTones(s.normalize('NFC')).toLowerCase().replace(/[\s\u00a0\ufeff]+/g, ' ').trim();
}

/** The key without diacritics (`nguyen quang duong`), for search as you type. */
export function foldDiacritics(s: string): string {
  return normalizedKey(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
}
