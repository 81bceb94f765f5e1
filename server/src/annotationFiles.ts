/**
 * The file side of annotations: `article.txt` → `article.ann` (brat) + `article.vncorpus.json`
 * (sidecar), read, kept in step with the article's text, and written atomically.
 *
 * Safety rules:
 * - Before each write both files are read again; if another window or tool changed them
 *   since we read them, our change set is re-applied on top of their version (a rebase:
 *   targets found by label and extent), and changes whose target is gone are reported as
 *   conflicts. Another window's labels are never discarded.
 * - Lines of a `.ann` this reader cannot use are kept verbatim (the brat writer does that),
 *   and a sidecar that is not valid JSON is never overwritten: the operation is refused.
 * - Spans follow the article: edits shift them (head/tail diff), and spans whose text
 *   moved elsewhere are found again by their text; spans that cannot be found stay in the
 *   `.ann` as they were, reported as problems, never dropped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { formatEntityLine, parseAnn, serializeAnn, type AnnDocument, type AnnEntity, type AnnProblem } from './core/bratStandoff';
import { emptySidecar, isEmptySidecar, parseSidecar, serializeSidecar, type Sidecar, type SidecarProblem, type Stamp } from './core/annotationSidecar';
import { applyChanges, type AnnotationChange, type ApplyResult } from './core/annotationOps';
import { reanchorSpans, shiftSpans } from './core/reanchor';
import { CodePointIndex } from './core/offsets';
import { writeFileAtomic } from './atomicWrite';
import { withFileLock } from './fileLock';
import type { Logger } from './runner';

export function annPathOf(article: string): string {
  return article.replace(/\.txt$/i, '') + '.ann';
}

export function sidecarPathOf(article: string): string {
  return article.replace(/\.txt$/i, '') + '.vncorpus.json';
}

/** The lock two windows take before reading, merging and writing one article's annotations (fileLock.ts). */
export function lockPathOf(article: string): string {
  return path.join(path.dirname(article), `.${path.basename(article)}.vncorpus-lock`);
}

/** One article's annotations in memory. */
export interface StoredArticle {
  uri: string;
  file: string;
  annFile: string;
  sidecarFile: string;
  /** The article text the offsets refer to now. */
  text: string;
  doc: AnnDocument;
  sidecar: Sidecar;
  sidecarProblems: SidecarProblem[];
  /**
   * Why the .ann or sidecar cannot be read (a folder, a broken symbolic link, no
   * permission); while set, detections are shown, the reason reported, and nothing written.
   */
  unreadable?: string;
  /** Bytes of each file as last read or written (null: absent). */
  annDisk: string | null;
  sidecarDisk: string | null;
  /** Cheap fingerprint (mtime, size) of each file when last read or written. */
  fingerprint: string;
  /** Offsets differ from the files on disk (re-anchored or shifted by edits); written with the next change. */
  dirty: boolean;
  /** Spans re-anchored since the files were read. */
  reanchored: number;
  /** Bumped on every change; views cache on it. */
  generation: number;
  /** Code-point table of `text` when a follow made it (checked against `text` before use). */
  cps?: CodePointIndex;
  /** problems() of one generation and text (they cost a write + read of the whole .ann). */
  problemsCache?: { generation: number; text: string; problems: AnnProblem[] };
}

export interface WriteOutcome extends ApplyResult {
  merged: boolean;
  written: string[];
  error?: string;
  refused?: string;
  /** Why it was refused: the sidecar is not JSON, a file cannot be read, or another window holds the lock. */
  refusedCode?: 'unreadable-sidecar' | 'unreadable' | 'busy';
}

export class AnnotationFiles {
  private readonly articles = new Map<string, StoredArticle>();
  /** Articles whose files were reloaded because someone else changed them (reported as a merge by the next write). */
  private readonly changedElsewhere = new Set<string>();

  constructor(private readonly log: Logger) {}

  /** The annotations of an article whose current text is `text`: loaded, refreshed from disk if changed there, shifted to the text. */
  get(uri: string, text: string): StoredArticle {
    let a = this.articles.get(uri);
    if (a && a.fingerprint !== fingerprintOf(a.annFile, a.sidecarFile)) {
      this.log(`annotations of ${a.file} changed on disk; reloading`);
      this.changedElsewhere.add(uri);
      a = undefined;
    }
    if (!a) {
      a = this.load(uri, text);
      this.articles.set(uri, a);
    } else if (a.text !== text) {
      this.follow(a, text);
    }
    return a;
  }

  /** Loaded articles (status counts, navigation). */
  loaded(): StoredArticle[] {
    return [...this.articles.values()];
  }

  forget(uri: string): void {
    this.articles.delete(uri);
  }

  /** Apply a change set and write both files; rebases onto the disk version when another window changed it. */
  apply(uri: string, text: string, changes: readonly AnnotationChange[], stamp: Stamp): WriteOutcome {
    // Read, compare, merge and write under the article's lock: another window's write cannot slip in between.
    const locked = withFileLock(lockPathOf(this.get(uri, text).file), () => this.applyLocked(uri, text, changes, stamp));
    if (locked.ok) return locked.value;
    return { applied: [], conflicts: [...changes], merged: false, written: [], refused: locked.reason, refusedCode: 'busy' };
  }

  private applyLocked(uri: string, text: string, changes: readonly AnnotationChange[], stamp: Stamp): WriteOutcome {
    let a = this.get(uri, text);
    let merged = this.changedElsewhere.delete(uri);
    if (a.unreadable || !sameAsDisk(a.annFile, a.annDisk) || !sameAsDisk(a.sidecarFile, a.sidecarDisk)) {
      // Someone else wrote since we read: start from their version, re-apply ours on top.
      if (!a.unreadable) this.log(`annotations of ${a.file} changed elsewhere; merging this change onto them`);
      merged = !a.unreadable;
      a = this.load(uri, text);
      this.articles.set(uri, a);
    }
    if (a.unreadable) {
      return { applied: [], conflicts: [...changes], merged: false, written: [], refused: `${a.unreadable}; labels are not saved until it can be read again`, refusedCode: 'unreadable' };
    }
    if (a.sidecarProblems.some((p) => /JSON|object/.test(p.message))) {
      return { applied: [], conflicts: [...changes], merged, written: [], refused: `${path.basename(a.sidecarFile)} is not readable (${a.sidecarProblems[0].message}); fix or delete it first`, refusedCode: 'unreadable-sidecar' };
    }
    const result = applyChanges(a.doc, a.sidecar, changes, stamp);
    if (result.applied.length === 0 && !a.dirty) return { ...result, merged, written: [] };
    a.generation++;
    const written: string[] = [];
    try {
      this.write(a, written);
    } catch (e) {
      // The in-memory state is ahead of disk; reload so nothing pretends to be saved.
      this.articles.delete(uri);
      return { ...result, merged, written, error: String((e as Error).message) };
    }
    return { ...result, merged, written };
  }

  /** Delete one line of the .ann (1-based, as the diagnostics name it) after the user chose to. */
  dropLine(uri: string, text: string, line: number): boolean {
    const locked = withFileLock(lockPathOf(this.get(uri, text).file), () => this.dropLineLocked(uri, text, line));
    return locked.ok && locked.value;
  }

  private dropLineLocked(uri: string, text: string, line: number): boolean {
    const a = this.get(uri, text);
    if (a.unreadable) return false;
    const lines = serializeAnn(a.doc).split(/\r?\n/);
    const target = lines[line - 1];
    if (target === undefined) return false;
    const other = a.doc.otherLines.find((o) => o.text === target);
    if (other) a.doc.otherLines = a.doc.otherLines.filter((o) => o !== other);
    else {
      const e = a.doc.entities.find((x) => formatEntityLine(x) === target);
      if (!e) return false;
      a.doc.entities = a.doc.entities.filter((x) => x !== e);
    }
    a.generation++;
    this.write(a, []);
    return true;
  }

  /** Problems of the .ann as it would be written now (line numbers of that text). */
  problems(a: StoredArticle): AnnProblem[] {
    // Entities in doc.entities were validated when read or made from the text by an operation
    // (and edits refresh their text), so only kept-verbatim lines can carry problems.
    if (a.doc.otherLines.length === 0) return [];
    const hit = a.problemsCache;
    if (hit && hit.generation === a.generation && hit.text === a.text) return hit.problems;
    const problems = parseAnn(serializeAnn(a.doc), { text: a.text }).problems;
    a.problemsCache = { generation: a.generation, text: a.text, problems };
    return problems;
  }

  /** Write the in-memory state if it is ahead of disk and the disk is as we read it (after the article is saved). */
  flushIfDirty(uri: string, savedText: string): boolean {
    const a = this.articles.get(uri);
    if (!a || !a.dirty || a.text !== savedText || a.unreadable) return false;
    const locked = withFileLock(lockPathOf(a.file), () => {
      if (!sameAsDisk(a.annFile, a.annDisk) || !sameAsDisk(a.sidecarFile, a.sidecarDisk)) return false;
      this.write(a, []);
      return true;
    });
    return locked.ok && locked.value;
  }

  private write(a: StoredArticle, written: string[]): void {
    const ann = serializeAnn(a.doc);
    // Never create an empty .ann or sidecar just because an article was opened.
    const annTarget = a.annDisk === null && ann === '' ? null : ann;
    if (annTarget !== null && annTarget !== a.annDisk) {
      writeFileAtomic(a.annFile, annTarget);
      written.push(a.annFile);
    }
    a.annDisk = annTarget;
    const side = isEmptySidecar(a.sidecar) && a.sidecarDisk === null ? null : serializeSidecar(a.sidecar);
    if (side !== null && side !== a.sidecarDisk) {
      writeFileAtomic(a.sidecarFile, side);
      written.push(a.sidecarFile);
    }
    a.sidecarDisk = side;
    a.fingerprint = fingerprintOf(a.annFile, a.sidecarFile);
    a.dirty = false;
  }

  private load(uri: string, text: string): StoredArticle {
    const file = URI.parse(uri).fsPath;
    const annFile = annPathOf(file);
    const sidecarFile = sidecarPathOf(file);
    const fingerprint = fingerprintOf(annFile, sidecarFile);
    const annRead = readDisk(annFile);
    const sideRead = readDisk(sidecarFile);
    const annDisk = typeof annRead === 'string' ? annRead : null;
    const sidecarDisk = typeof sideRead === 'string' ? sideRead : null;
    const unreadable = [
      isUnreadable(annRead) ? `${path.basename(annFile)} cannot be read (${annRead.error})` : '',
      isUnreadable(sideRead) ? `${path.basename(sidecarFile)} cannot be read (${sideRead.error})` : '',
    ]
      .filter(Boolean)
      .join('; ');
    if (unreadable) this.log(`${file}: ${unreadable}; showing detections only, and writing nothing`);
    const { sidecar, problems } = sidecarDisk === null ? { sidecar: emptySidecar(), problems: [] } : parseSidecar(sidecarDisk);
    const a: StoredArticle = {
      uri,
      file,
      annFile,
      sidecarFile,
      text,
      doc: parseAnn(annDisk ?? '', { text }),
      sidecar,
      sidecarProblems: problems,
      annDisk,
      sidecarDisk,
      fingerprint,
      dirty: false,
      reanchored: 0,
      generation: 0,
    };
    if (unreadable) {
      a.unreadable = unreadable;
      return a;
    }
    this.repairParked(a);
    this.reanchorDecisions(a, undefined);
    return a;
  }

  /** Entities parked because their text did not match: look for their text near their old place. */
  private repairParked(a: StoredArticle, oldText?: string): void {
    const parked = this.parkedEntities(a);
    if (parked.length === 0) return;
    const found = reanchorSpans(parked.map((p) => p.entity), a.text, { oldText });
    for (const m of found.moved) {
      const p = parked.find((x) => x.entity === m.before)!;
      a.doc.otherLines = a.doc.otherLines.filter((o) => o !== p.line);
      a.doc.entities.push({ ...m.after, fragments: shiftFragments(m.before, m.after.start - m.before.start) });
      a.reanchored++;
      a.dirty = true;
    }
    for (const u of found.unchanged) {
      // Valid again as it stands (an undo brought its text back).
      const p = parked.find((x) => x.entity === u)!;
      a.doc.otherLines = a.doc.otherLines.filter((o) => o !== p.line);
      a.doc.entities.push(u);
      a.dirty = true;
    }
  }

  /** Parked entity lines (syntax fine, text or offsets off), with the line object that keeps them. */
  private parkedEntities(a: StoredArticle): Array<{ entity: AnnEntity; line: { line: number; text: string } }> {
    const out: Array<{ entity: AnnEntity; line: { line: number; text: string } }> = [];
    const live = new Set(a.doc.entities.map((e) => e.id));
    for (const o of a.doc.otherLines) {
      if (!o.text.startsWith('T')) continue;
      const probe = parseAnn(o.text);
      const e = probe.entities[0];
      if (e && !live.has(e.id) && e.fragments.length === 1) out.push({ entity: e, line: o });
    }
    return out;
  }

  /** Follow an edit of the article: shift spans by the changed region; spans the edit swallowed are searched again or parked. */
  private follow(a: StoredArticle, text: string): void {
    const oldText = a.text;
    // The previous follow's code-point table of the old text serves again: one table per edit, not three.
    const oldCps = a.cps?.text === oldText ? a.cps : new CodePointIndex(oldText);
    const cps = new CodePointIndex(text);
    const edit = diffRegion(oldText, text, oldCps, cps);
    a.text = text;
    a.cps = cps;
    if (!edit) return;
    const shifted = shiftSpans(a.doc.entities, [edit]);
    const lost = new Set(shifted.lost.map((l) => l.id));
    const entities: AnnEntity[] = [];
    // shiftSpans hands back copies of this article's entities: their fields are ours to set
    // (the same keys a spread would write, in the same order). Typing runs this on every change.
    for (const e of shifted.kept) {
      const fragments: Array<[number, number]> = e.fragments.length > 1 ? shiftFragmentsByEdit(e.fragments, edit) : [[e.start, e.end]];
      e.fragments = fragments;
      e.text = fragmentText(cps, fragments);
      entities.push(e);
    }
    // Whatever the edit swallowed may just have moved (a paragraph cut and pasted): search, else park.
    const before = a.doc.entities.filter((e) => lost.has(e.id));
    const found: ReturnType<typeof reanchorSpans<AnnEntity>> = before.length ? reanchorSpans(before, text, { oldText }) : { unchanged: [], moved: [], lost: [] };
    for (const m of found.moved) entities.push({ ...m.after, fragments: [[m.after.start, m.after.end]] });
    // Its characters were deleted, yet the same text stands at the same place: keep it there.
    for (const u of found.unchanged) entities.push(u);
    for (const l of found.lost) {
      a.doc.otherLines.push({ line: 0, text: formatEntityLine(l) });
      this.log(`${a.file}: the text of ${l.id} ${l.label} "${l.text}" was deleted; its line is kept and reported`);
    }
    a.doc.entities = entities;
    const decisions = shiftSpans([...a.sidecar.rejected, ...a.sidecar.content], [edit]);
    a.sidecar.rejected = decisions.kept.filter((d): d is (typeof a.sidecar.rejected)[number] => 'label' in d);
    a.sidecar.content = decisions.kept.filter((d): d is (typeof a.sidecar.content)[number] => !('label' in d));
    this.repairParked(a, oldText);
    a.dirty = true;
    a.generation++;
  }

  /** Rejections and content marks whose text moved (external change before load) follow it; unfound ones stay as they are. */
  private reanchorDecisions(a: StoredArticle, oldText: string | undefined): void {
    for (const key of ['rejected', 'content'] as const) {
      const list = a.sidecar[key] as Array<{ start: number; end: number; text: string }>;
      const r = reanchorSpans(list, a.text, { oldText });
      if (r.moved.length === 0) continue;
      const moved = new Map(r.moved.map((m) => [m.before, m.after]));
      a.sidecar[key] = list.map((x) => moved.get(x) ?? x) as never;
      a.dirty = true;
    }
  }
}

/** The text of an entity's fragments joined by spaces, line breaks as spaces (as the .ann stores it). */
function fragmentText(cps: CodePointIndex, fragments: ReadonlyArray<[number, number]>): string {
  const t = fragments.length === 1 ? cps.slice(fragments[0][0], fragments[0][1]) : fragments.map(([s, e]) => cps.slice(s, e)).join(' ');
  return t.includes('\n') || t.includes('\r') ? t.replace(/[\r\n]/g, ' ') : t;
}

function shiftFragments(e: AnnEntity, delta: number): Array<[number, number]> {
  return e.fragments.map(([s, t]) => [s + delta, t + delta]);
}

function shiftFragmentsByEdit(fragments: Array<[number, number]>, edit: { start: number; end: number; length: number }): Array<[number, number]> {
  const r = shiftSpans(fragments.map(([start, end]) => ({ start, end })), [edit]);
  return r.kept.map((f) => [f.start, f.end]);
}

/** The one region where two texts differ, in code points of the old text (null when equal). */
export function diffRegion(
  oldText: string,
  newText: string,
  o = new CodePointIndex(oldText),
  n = new CodePointIndex(newText),
): { start: number; end: number; length: number } | null {
  if (oldText === newText) return null;
  const max = Math.min(oldText.length, newText.length);
  let p = 0;
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  if (p > 0 && isLow(oldText.charCodeAt(p)) && isLow(newText.charCodeAt(p))) p--;
  let q = 0;
  while (q < max - p && oldText.charCodeAt(oldText.length - 1 - q) === newText.charCodeAt(newText.length - 1 - q)) q++;
  if (q > 0 && isLow(oldText.charCodeAt(oldText.length - q))) q--;
  const start = o.toCodePoint(p);
  return { start, end: o.toCodePoint(oldText.length - q), length: n.toCodePoint(newText.length - q) - n.toCodePoint(p) };
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** A file's text; null when there is none; why not when it exists but cannot be read (a folder, a broken link, no permission). */
function readDisk(file: string): string | null | { error: string } {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return { error: code === 'EISDIR' ? 'it is a folder' : String(code ?? (e as Error).message) };
    // A symbolic link to nowhere: writing would replace the link and the labels would land elsewhere than meant.
    try {
      if (fs.lstatSync(file).isSymbolicLink()) return { error: 'a symbolic link to a missing file' };
    } catch {
      /* truly absent */
    }
    return null;
  }
}

function isUnreadable(r: string | null | { error: string }): r is { error: string } {
  return r !== null && typeof r === 'object';
}

/** The file still holds what we last read or wrote (an unreadable file never does). */
function sameAsDisk(file: string, last: string | null): boolean {
  const now = readDisk(file);
  return !isUnreadable(now) && now === last;
}

function fingerprintOf(...files: string[]): string {
  return files
    .map((f) => {
      try {
        const s = fs.statSync(f);
        return `${s.mtimeMs}:${s.size}`;
      } catch {
        return '-';
      }
    })
    .join('|');
}
