/**
 * Atomic file writes: write a temporary file beside the target, flush it, then rename,
 * so a crash or a full disk never leaves a half-written .ann or export behind.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

let counter = 0;

/** A prefix of a file name of at most 120 UTF-8 bytes (whole characters), to name its temporary file. */
function shortName(name: string): string {
  let bytes = 0;
  let i = 0;
  for (const ch of name) {
    bytes += Buffer.byteLength(ch, 'utf8');
    if (bytes > 120) break;
    i += ch.length;
  }
  return name.slice(0, i);
}

export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  // Renaming onto a symbolic link would replace the link: write where it points instead.
  const file = linkTarget(target);
  const dir = path.dirname(file);
  // The temporary name stays under the file system's 255-byte limit even when the target's name is near it.
  const tmp = path.join(dir, `.${shortName(path.basename(file))}.${process.pid}.${Date.now().toString(36)}${(counter++).toString(36)}.tmp`);
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** The file a symbolic link points to (the path itself when it is no link, or a link to nowhere). */
function linkTarget(file: string): string {
  try {
    return fs.lstatSync(file).isSymbolicLink() ? fs.realpathSync(file) : file;
  } catch {
    return file;
  }
}
