/**
 * Small helpers every feature shares: what is under the cursor, which entities are shown
 * under the current settings, LSP shapes from code-point spans. No request handling here.
 */
import type { Location, Position, Range } from 'vscode-languageserver/node';
import { linkId, type EntityId, type Mention } from '../core/corpusIndex';
import type { Entity, MentionLink } from '../core/types';
import type { CorpusSettings } from '../protocol';
import type { ArticleView } from '../session';

/** What the cursor is on: an entity (innermost shown one) or a linked short reference. */
export interface Target {
  id: EntityId;
  start: number;
  end: number;
  entity?: Entity;
  link?: MentionLink;
}

/** Is an entity shown under these settings? */
export function shown(settings: CorpusSettings, e: Pick<Entity, 'label'>): boolean {
  return settings.labels.includes(e.label);
}

/** The innermost shown entity or link containing the offset (end-inclusive, as editors place cursors after a word). */
export function targetAt(view: ArticleView, offset: number, settings: CorpusSettings): Target | undefined {
  let best: Target | undefined;
  const better = (s: number, e: number) => !best || e - s < best.end - best.start;
  view.entities.forEach((e, i) => {
    if (e.start <= offset && offset <= e.end && shown(settings, e) && better(e.start, e.end)) {
      best = { id: view.ids[i], start: e.start, end: e.end, entity: e };
    }
  });
  // A short reference that is not itself an entity still points to its person.
  if (!best || best.entity?.label !== 'PER') {
    for (const l of view.analysis.links) {
      if (l.start <= offset && offset <= l.end && settings.labels.includes('PER') && better(l.start, l.end)) {
        best = { id: linkId(l), start: l.start, end: l.end, link: l };
      }
    }
  }
  return best;
}

export function toLocation(m: Mention): Location {
  return { uri: m.uri, range: { start: { line: m.range[0], character: m.range[1] }, end: { line: m.range[2], character: m.range[3] } } };
}

export function rangeOf(view: ArticleView, start: number, end: number): Range {
  return view.positions.range(start, end);
}

export function offsetAt(view: ArticleView, pos: Position): number {
  return view.positions.offset(pos);
}

/** Escape text for Markdown so article text never turns into formatting or links. */
export function md(s: string): string {
  return s.replace(/[\\`*_[\]<>#|~]/g, (c) => '\\' + c);
}

/** First words of a line, for outline names (whole words, at most `max` characters). */
export function firstWords(s: string, max = 60): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max);
  return (cut > max / 2 ? t.slice(0, cut) : t.slice(0, max)) + '…';
}
