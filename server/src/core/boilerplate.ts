/** Boilerplate classification (guide §3). Skeleton: advertising placeholders only. */
import type { Block, DetectContext } from './candidates';

export function detectBoilerplate(ctx: Pick<DetectContext, 'text' | 'lines'>): Block[] {
  const out: Block[] = [];
  for (const line of ctx.lines) {
    if (/^\s*-*\s*quảng cáo\s*-*\s*$/iu.test(line.text)) out.push({ category: 'ad', start: line.start, end: line.end });
  }
  return out;
}
