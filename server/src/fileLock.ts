/**
 * A lock file beside the annotations, so two windows (two server processes) never
 * interleave "read the .ann, compare, write" for one article: without it, both could read
 * the same version and the second rename would discard the first window's labels.
 *
 * The lock is `O_CREAT | O_EXCL` creation of a small file holding the owner's pid. A lock
 * left by a process that died (no such pid, or older than STALE_MS) is taken over. The
 * critical section is a few milliseconds of synchronous work, so waiting is a short
 * synchronous back-off; after `timeoutMs` the caller is told the file is busy and writes
 * nothing (the user can simply try again).
 */
import * as fs from 'node:fs';

const STALE_MS = 10_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

export type Locked<T> = { ok: true; value: T } | { ok: false; reason: string };

export function withFileLock<T>(lockFile: string, work: () => T, timeoutMs = 3000): Locked<T> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 1; ; wait = Math.min(wait * 2, 20)) {
    const fd = tryCreate(lockFile);
    // No lock can be made here (the folder is gone or read-only): the write itself will say why.
    if (fd === null) return { ok: true, value: work() };
    if (fd !== undefined) {
      try {
        return { ok: true, value: work() };
      } finally {
        fs.closeSync(fd);
        fs.rmSync(lockFile, { force: true });
      }
    }
    if (isStale(lockFile)) {
      fs.rmSync(lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) return { ok: false, reason: `another window is writing these annotations (${lockFile} is held); try again` };
    Atomics.wait(pause, 0, 0, wait); // a synchronous pause of a few milliseconds, not a busy loop
  }
}

/** The lock's descriptor; undefined when someone holds it; null when no lock file can be made there. */
function tryCreate(lockFile: string): number | undefined | null {
  try {
    const fd = fs.openSync(lockFile, 'wx');
    fs.writeSync(fd, String(process.pid));
    return fd;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EEXIST' ? undefined : null;
  }
}

/** Held by a process that no longer runs, or for longer than any write takes. */
function isStale(lockFile: string): boolean {
  try {
    const age = Date.now() - fs.statSync(lockFile).mtimeMs;
    if (age > STALE_MS) return true;
    const pid = Number(fs.readFileSync(lockFile, 'utf8'));
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false;
    try {
      process.kill(pid, 0);
      return false;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ESRCH';
    }
  } catch {
    return false; // gone meanwhile: the next attempt will tell
  }
}
