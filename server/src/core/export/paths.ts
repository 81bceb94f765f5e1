/**
 * Safe relative paths for exported files. Document ids come from file names, which may
 * hold `..`, absolute prefixes, Windows drive letters, reserved device names (`CON`,
 * `NUL`, `COM1`…, also before a space or a dot), characters some file systems refuse, or
 * more bytes than a file name may have once an extension is added; every written path
 * goes through here, and the runner checks the result stays inside the output folder.
 */

const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:[ .].*)?$/i;
const BAD_CHARS = /[<>:"|?*\u0000-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Bytes of one segment: file systems allow 255, and formats append an extension (and the atomic write a suffix). */
export const MAX_SEGMENT_BYTES = 200;

/** One path segment made safe (never empty, `.` or `..`). */
export function safeSegment(segment: string): string {
  let s = fitBytes(segment.replace(BAD_CHARS, '_').replace(LONE_SURROGATE, '_')).replace(/[. ]+$/, '');
  if (s === '' || s === '.' || s === '..') s = '_';
  if (RESERVED.test(s)) s = truncateUtf8(`_${s}`, MAX_SEGMENT_BYTES).replace(/[. ]+$/, '');
  return s;
}

/** A segment cut to MAX_SEGMENT_BYTES, keeping a short extension (`.ann`, `.conll`) when there is one. */
function fitBytes(s: string): string {
  if (utf8Bytes(s) <= MAX_SEGMENT_BYTES) return s;
  const ext = /\.[^.]{1,15}$/.exec(s)?.[0] ?? '';
  return truncateUtf8(s.slice(0, s.length - ext.length), MAX_SEGMENT_BYTES - utf8Bytes(ext)) + ext;
}

/** A relative `/`-separated path with no way out of its folder. */
export function safeRelativePath(p: string): string {
  const parts = p
    .replace(/^[a-zA-Z]:(?=[\\/])/, '')
    .split(/[\\/]+/)
    .filter((s) => s !== '' && s !== '.' && s !== '..');
  return parts.length ? parts.map(safeSegment).join('/') : '_';
}

/** UTF-8 length of a string (the core stays free of Node's Buffer). */
export function utf8Bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** The longest prefix of `s` that takes at most `max` UTF-8 bytes, never cutting a character. */
export function truncateUtf8(s: string, max: number): string {
  let bytes = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.codePointAt(i)!;
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (bytes + n > max) break;
    bytes += n;
    i += c > 0xffff ? 2 : 1;
  }
  return s.slice(0, i);
}
