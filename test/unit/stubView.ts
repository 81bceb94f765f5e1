/**
 * Stubbed analyses for unit tests of the language features: build entities by naming
 * the text they cover, so tests read like the article and never hard-code offsets.
 */
import { entityId } from '../../server/src/core/corpusIndex';
import { CodePointIndex } from '../../server/src/core/offsets';
import type { Analysis, BoilerplateBlock, Entity, EntityLabel, MentionLink } from '../../server/src/core/types';
import { PositionMapper, type PositionEncoding } from '../../server/src/positions';
import type { ArticleView } from '../../server/src/session';

/** Code-point span of the k-th occurrence of needle. */
export function span(text: string, needle: string, k = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= k; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`no occurrence ${k} of ${needle}`);
  }
  const cps = new CodePointIndex(text);
  return { start: cps.toCodePoint(at), end: cps.toCodePoint(at + needle.length) };
}

export function ent(text: string, label: EntityLabel, needle: string, extra: Partial<Entity> & { k?: number } = {}): Entity {
  const { k, ...rest } = extra;
  return { label, ...span(text, needle, k ?? 0), text: needle, nested: false, ...rest };
}

export function link(text: string, needle: string, canonical: string, k = 0): MentionLink {
  return { ...span(text, needle, k), text: needle, target: canonical.toLowerCase(), canonical, kind: 'short-name' };
}

export function stubView(
  uri: string,
  text: string,
  parts: { entities?: Entity[]; links?: MentionLink[]; boilerplate?: BoilerplateBlock[]; publicationDate?: string | null } = {},
  encoding: PositionEncoding = 'utf-16',
): ArticleView {
  const analysis: Analysis = {
    publicationDate: parts.publicationDate ?? null,
    entities: parts.entities ?? [],
    boilerplate: parts.boilerplate ?? [],
    metadata: [],
    links: parts.links ?? [],
  };
  return {
    uri,
    version: 1,
    text,
    analysis,
    entities: analysis.entities,
    boilerplate: analysis.boilerplate,
    positions: new PositionMapper(text, encoding),
    ids: analysis.entities.map(entityId),
  };
}
