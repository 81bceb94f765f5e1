/** Metadata items (headline, dateline, source, byline, caption). Skeleton: the headline. */
import type { DetectContext, Meta } from './candidates';

export function detectMetadata(ctx: Pick<DetectContext, 'text' | 'lines' | 'boilerplate'>): Meta[] {
  const first = ctx.lines.find((l) => l.text.trim() !== '' && !ctx.boilerplate.some((b) => b.start <= l.start && l.end <= b.end));
  return first ? [{ kind: 'headline', start: first.start, end: first.end }] : [];
}
