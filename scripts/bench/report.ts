/**
 * Figures of the benchmark, their targets, and the printed table. A figure never fails the
 * run: a missed target is printed as `MISSED`, an absent feature as `n/a (not implemented)`.
 */

export interface Target {
  op: '<=' | '>=';
  value: number;
}

export interface Figure {
  id: string;
  section: string;
  name: string;
  /** null when not measured (see note). */
  value: number | null;
  unit: string;
  target?: Target;
  /** Why there is no value, or what the value means (sample size, counts). */
  note?: string;
  /** Extra numbers kept in the JSON (percentiles, counts, per-run values). */
  detail?: Record<string, unknown>;
}

export type Status = 'ok' | 'MISSED' | 'n/a' | '';

export function statusOf(f: Figure): Status {
  if (f.value === null) return 'n/a';
  if (!f.target) return '';
  const ok = f.target.op === '<=' ? f.value <= f.target.value : f.value >= f.target.value;
  return ok ? 'ok' : 'MISSED';
}

export const NOT_IMPLEMENTED = 'n/a (not implemented)';

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function latencySummary(ms: number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  return { n: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), max: Math.max(...ms) };
}

export function fmt(v: number | null, unit: string): string {
  if (v === null || !Number.isFinite(v)) return '—';
  if (unit === '') return String(Math.round(v));
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : Math.abs(v) >= 1 ? 2 : 3;
  return `${v.toFixed(digits)} ${unit}`.trim();
}

/** Print the figures as one aligned table, grouped by section. */
export function printTable(figures: Figure[], write: (s: string) => void = (s) => process.stdout.write(s)): void {
  const rows = figures.map((f) => [
    f.section,
    f.name,
    f.value === null ? f.note ?? NOT_IMPLEMENTED : fmt(f.value, f.unit),
    f.target ? `${f.target.op} ${fmt(f.target.value, f.unit)}` : '',
    statusOf(f),
    f.value === null ? '' : f.note ?? '',
  ]);
  const head = ['section', 'figure', 'measured', 'target', 'status', 'note'];
  const width = head.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(width[i]))).join(' | ').trimEnd() + '\n';
  write(line(head));
  write(width.map((w) => '-'.repeat(w)).join('-|-') + '\n');
  let last = '';
  for (const r of rows) {
    write(line([r[0] === last ? '' : r[0], ...r.slice(1)]));
    last = r[0];
  }
}

/** The figures as a Markdown table (for the README's Performance section). */
export function markdownTable(figures: Figure[]): string {
  const rows = figures.map((f) => {
    const measured = f.value === null ? f.note ?? NOT_IMPLEMENTED : fmt(f.value, f.unit);
    const target = f.target ? `${f.target.op === '<=' ? '≤' : '≥'} ${fmt(f.target.value, f.unit)}` : '';
    const status = statusOf(f);
    const note = f.value === null ? '' : (f.note ?? '').replace(/\|/g, '\\|');
    return `| ${f.name.replace(/\|/g, '\\|')} | ${measured.replace(/\|/g, '\\|')} | ${target} | ${status === 'MISSED' ? '**missed**' : status} | ${note} |`;
  });
  return ['| figure | measured | target | status | note |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}
