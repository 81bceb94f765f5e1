/**
 * Text as a regular-expression source that matches it literally, for patterns built from
 * data tables (cue phrases, labels, kind words). Escapes every syntax character and `/`,
 * all of which stay valid identity escapes with and without the `u` flag.
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
