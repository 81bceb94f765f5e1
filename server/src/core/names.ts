/** PER, TITLE, ORG and LOC candidates. Skeleton: a few fixed abbreviations. */
import type { Candidate, DetectContext } from './candidates';

export function detectNamedEntities(ctx: DetectContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of ctx.text.matchAll(/(?<![\p{L}\p{N}])(UBND|HĐND|MTTQ)(?![\p{L}\p{N}])/gu)) {
    out.push({ label: 'ORG', start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}
