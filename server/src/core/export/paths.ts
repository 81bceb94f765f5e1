/**
 * Safe relative paths for exported files. Document ids come from file names, which may
 * hold `..`, absolute prefixes, Windows drive letters, reserved device names (`CON`,
 * `NUL`, `COM1`…) or characters some file systems refuse; every written path goes through
 * here, and the runner checks the result stays inside the output folder as well.
 */

const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;
const BAD_CHARS = /[<>:"|?*\u0000-\u001f\u007f]/g;

/** One path segment made safe (never empty, `.` or `..`). */
export function safeSegment(segment: string): string {
  let s = segment.replace(BAD_CHARS, '_').replace(/[. ]+$/, '');
  if (s === '' || s === '.' || s === '..') s = '_';
  if (RESERVED.test(s)) s = `_${s}`;
  if (s.length > 150) s = s.slice(0, 150);
  return s;
}

/** A relative `/`-separated path with no way out of its folder. */
export function safeRelativePath(p: string): string {
  const parts = p
    .replace(/^[a-zA-Z]:(?=[\\/])/, '')
    .split(/[\\/]+/)
    .filter((s) => s !== '' && s !== '.' && s !== '..');
  return parts.length ? parts.map(safeSegment).join('/') : '_';
}
