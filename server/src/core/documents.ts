/** DOC references (resolutions, decisions, schemes…). Skeleton: `Nghị quyết số N-XX/YY`. */
import type { Candidate, DetectContext } from './candidates';

export function detectDocuments(ctx: DetectContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of ctx.text.matchAll(/Nghị quyết số (\d+)-([A-ZĐ]+\/[A-ZĐ]+)/gu)) {
    out.push({ label: 'DOC', start: m.index!, end: m.index! + m[0].length, value: { kind: 'Nghị quyết', number: m[1], symbol: m[2] } });
  }
  return out;
}
