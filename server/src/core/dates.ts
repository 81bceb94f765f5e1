/** DATE detection and ISO normalization. Skeleton: full numeric dates only. */
import type { Candidate, DetectContext } from './candidates';

export function findPublicationDate(_ctx: DetectContext): string | null {
  return null;
}

export function detectDates(ctx: DetectContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of ctx.text.matchAll(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g)) {
    const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
    out.push({ label: 'DATE', start: m.index!, end: m.index! + m[0].length, value: iso, yearSource: 'explicit' });
  }
  return out;
}
