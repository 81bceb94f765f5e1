/**
 * brat standoff (.ann) reading and writing. Offsets are code points into the article as
 * stored. Skeleton: T lines and AnnotatorNotes; the annotation workflow extends it
 * (validation against the article, every malformed case, byte-exact round trip).
 */

export interface AnnEntity {
  /** `T12` */
  id: string;
  label: string;
  start: number;
  end: number;
  /** Discontinuous spans (`0 5;7 9`) keep every fragment; start/end cover them all. */
  fragments: Array<[number, number]>;
  text: string;
  /** AnnotatorNotes value (the normalized value: ISO date, JSON of a DOC, canonical name). */
  note?: string;
}

export interface AnnProblem {
  /** 1-based line number in the .ann. */
  line: number;
  message: string;
  text: string;
}

export interface AnnDocument {
  entities: AnnEntity[];
  /** Lines this reader does not interpret (relations, events, attributes…) or cannot use; kept verbatim. */
  otherLines: Array<{ line: number; text: string }>;
  problems: AnnProblem[];
}

export function parseAnn(ann: string): AnnDocument {
  const doc: AnnDocument = { entities: [], otherLines: [], problems: [] };
  const notes = new Map<string, string>();
  const lines = ann.split(/\r?\n/);
  lines.forEach((text, i) => {
    if (text === '' && i === lines.length - 1) return;
    const t = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/.exec(text);
    if (t) {
      const fragments = t[3].split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      doc.entities.push({ id: t[1], label: t[2], start: fragments[0][0], end: fragments[fragments.length - 1][1], fragments, text: t[4] });
      return;
    }
    const n = /^#\d+\tAnnotatorNotes (T\d+)\t(.*)$/.exec(text);
    if (n) {
      notes.set(n[1], n[2]);
      return;
    }
    if (/^T/.test(text)) doc.problems.push({ line: i + 1, message: 'malformed entity line', text });
    doc.otherLines.push({ line: i + 1, text });
  });
  for (const e of doc.entities) if (notes.has(e.id)) e.note = notes.get(e.id);
  return doc;
}

export function serializeAnn(doc: Pick<AnnDocument, 'entities' | 'otherLines'>): string {
  const out: string[] = [];
  let noteId = 0;
  for (const e of doc.entities) {
    out.push(`${e.id}\t${e.label} ${e.fragments.map(([s, t]) => `${s} ${t}`).join(';')}\t${e.text}`);
    if (e.note !== undefined) out.push(`#${++noteId}\tAnnotatorNotes ${e.id}\t${e.note}`);
  }
  for (const o of doc.otherLines) out.push(o.text);
  return out.length ? out.join('\n') + '\n' : '';
}
