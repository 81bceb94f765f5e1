/** Canonical persons and short references inside one article. Skeleton: PER value = its text. */
import type { DetectContext, Link } from './candidates';
import type { Layered } from './layers';

export function linkMentions(ctx: DetectContext, entities: Layered[]): { links: Link[]; values: Map<Layered, string> } {
  const values = new Map<Layered, string>();
  for (const e of entities) if (e.label === 'PER') values.set(e, ctx.text.slice(e.start, e.end).replace(/\s+/g, ' '));
  return { links: [], values };
}
