/**
 * The sidecar: decisions brat has no place for, kept beside the article in
 * `article.vncorpus.json` (brat and INCEpTION never read it, so the `.ann` stays pure brat).
 *
 * ```json
 * {
 *   "format": "vn-corpus-sidecar",
 *   "version": 1,
 *   "reviewed": { "by": "lan", "at": "2024-05-02T09:12:00.000Z" },
 *   "rejected": [{ "label": "ORG", "start": 120, "end": 127, "text": "Đảng bộ", "by": "lan", "at": "…" }],
 *   "content": [{ "start": 900, "end": 960, "category": "related", "text": "Tin liên quan …", "by": "lan", "at": "…" }],
 *   "provenance": { "T4": { "source": "accepted", "by": "lan", "at": "…" } }
 * }
 * ```
 * - `reviewed`: the file was checked by a person (absent or null: not reviewed).
 * - `rejected`: detections an annotator said are wrong; they stay hidden while the detector
 *   finds the same label on the same extent. `text` lets them be re-anchored.
 * - `content`: boilerplate the annotator declared to be article content.
 * - `provenance`: who made each `.ann` entity and how (`manual`, `accepted` detection,
 *   `bulk` = label-all-identical). Informational; a missing entry means "typed by hand".
 * Unknown keys are kept as they are, so newer versions' data survives older writers.
 */
import type { DetectionKey } from './effectiveEntities';

export const SIDECAR_FORMAT = 'vn-corpus-sidecar';
export const SIDECAR_VERSION = 1;

export interface Stamp {
  by: string;
  /** ISO time. */
  at: string;
}

export interface RejectedDetection extends DetectionKey, Partial<Stamp> {
  text: string;
}

export interface ContentMark extends Partial<Stamp> {
  start: number;
  end: number;
  category?: string;
  text: string;
}

export type ProvenanceSource = 'manual' | 'accepted' | 'bulk';

export interface Provenance extends Partial<Stamp> {
  source: ProvenanceSource;
}

export interface Sidecar {
  reviewed: Stamp | null;
  rejected: RejectedDetection[];
  content: ContentMark[];
  provenance: Record<string, Provenance>;
  /** Keys this version does not know, written back untouched. */
  extra: Record<string, unknown>;
}

export interface SidecarProblem {
  message: string;
}

export function emptySidecar(): Sidecar {
  return { reviewed: null, rejected: [], content: [], provenance: {}, extra: {} };
}

export function isEmptySidecar(s: Sidecar): boolean {
  return !s.reviewed && s.rejected.length === 0 && s.content.length === 0 && Object.keys(s.provenance).length === 0 && Object.keys(s.extra).length === 0;
}

const KNOWN = new Set(['format', 'version', 'reviewed', 'rejected', 'content', 'provenance']);

/** Read a sidecar; never throws. Invalid entries are dropped and reported (the caller must then not overwrite silently). */
export function parseSidecar(json: string): { sidecar: Sidecar; problems: SidecarProblem[] } {
  const sidecar = emptySidecar();
  const problems: SidecarProblem[] = [];
  if (json.trim() === '') return { sidecar, problems };
  let raw: unknown;
  try {
    raw = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (e) {
    return { sidecar, problems: [{ message: `not valid JSON: ${(e as Error).message}` }] };
  }
  if (!isObject(raw)) return { sidecar, problems: [{ message: 'expected a JSON object' }] };
  if (typeof raw.version === 'number' && raw.version > SIDECAR_VERSION) problems.push({ message: `written by a newer version (${raw.version}); unknown data is kept` });
  if (isStamp(raw.reviewed)) sidecar.reviewed = { by: raw.reviewed.by, at: raw.reviewed.at };
  else if (raw.reviewed !== undefined && raw.reviewed !== null) problems.push({ message: '"reviewed" must be {by, at} or null' });
  sidecar.rejected = entries(raw.rejected, 'rejected', problems, (v) =>
    typeof v.label === 'string' && isSpan(v) && typeof v.text === 'string' ? { label: v.label, start: v.start as number, end: v.end as number, text: v.text, ...stampOf(v) } : undefined,
  );
  sidecar.content = entries(raw.content, 'content', problems, (v) =>
    isSpan(v) && typeof v.text === 'string'
      ? { start: v.start as number, end: v.end as number, ...(typeof v.category === 'string' ? { category: v.category } : {}), text: v.text, ...stampOf(v) }
      : undefined,
  );
  if (isObject(raw.provenance)) {
    for (const [id, v] of Object.entries(raw.provenance)) {
      if (isObject(v) && (v.source === 'manual' || v.source === 'accepted' || v.source === 'bulk')) sidecar.provenance[id] = { source: v.source, ...stampOf(v) };
      else problems.push({ message: `provenance of ${id} is not understood` });
    }
  }
  for (const [k, v] of Object.entries(raw)) if (!KNOWN.has(k)) sidecar.extra[k] = v;
  return { sidecar, problems };
}

/** Stable, diff-friendly JSON (sorted lists, two-space indent, final newline). */
export function serializeSidecar(s: Sidecar): string {
  const bySpan = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start - b.start || a.end - b.end;
  const provenance: Record<string, Provenance> = {};
  for (const id of Object.keys(s.provenance).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)) || a.localeCompare(b))) provenance[id] = s.provenance[id];
  const out = {
    format: SIDECAR_FORMAT,
    version: SIDECAR_VERSION,
    reviewed: s.reviewed,
    rejected: [...s.rejected].sort((a, b) => bySpan(a, b) || a.label.localeCompare(b.label)),
    content: [...s.content].sort(bySpan),
    provenance,
    ...s.extra,
  };
  return JSON.stringify(out, null, 2) + '\n';
}

function entries<T>(value: unknown, name: string, problems: SidecarProblem[], read: (v: Record<string, unknown>) => T | undefined): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push({ message: `"${name}" must be a list` });
    return [];
  }
  const out: T[] = [];
  value.forEach((v, i) => {
    const item = isObject(v) ? read(v) : undefined;
    if (item) out.push(item);
    else problems.push({ message: `"${name}" entry ${i + 1} is not understood` });
  });
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isSpan(v: Record<string, unknown>): boolean {
  return Number.isSafeInteger(v.start) && Number.isSafeInteger(v.end) && (v.start as number) >= 0 && (v.start as number) < (v.end as number);
}

function isStamp(v: unknown): v is Stamp {
  return isObject(v) && typeof v.by === 'string' && typeof v.at === 'string';
}

function stampOf(v: Record<string, unknown>): Partial<Stamp> {
  const s: Partial<Stamp> = {};
  if (typeof v.by === 'string') s.by = v.by;
  if (typeof v.at === 'string') s.at = v.at;
  return s;
}
