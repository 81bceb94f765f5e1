/**
 * A structural check for regular expressions that can backtrack exponentially: a
 * repeated group holding another repetition over characters that can also start the next
 * round (`(a+)+`, `(\s*\w+)*`, `(.*)*`, `(?:[A-Z]\w*)*`), or a repeated alternation whose
 * single-character branches overlap (`(?:\w|\d)+`). Such a pattern is accepted only when
 * every round must also match a character the inner repetition cannot (a separator):
 * `(?:,\s*\w+)*` and `\d+(?:[.,]\d+)*` are linear.
 *
 * Parsing is done by @eslint-community/regexpp (ESLint's own parser); character sets are
 * compared by testing a sample of code points (Latin, Vietnamese, punctuation, spaces,
 * astral) against the pattern's own atoms with its own flags, so `\p{L}`, `[^…]` and `i`
 * behave exactly as at run time.
 */
import { parseRegExpLiteral, type AST } from '@eslint-community/regexpp';

export interface RegexFinding {
  pattern: string;
  /** The offending part of the pattern. */
  part: string;
  reason: string;
}

const SAMPLE: string[] = (() => {
  const cps: number[] = [];
  const range = (a: number, b: number) => {
    for (let c = a; c <= b; c++) cps.push(c);
  };
  range(0, 0x24f);
  range(0x300, 0x36f);
  range(0x1e00, 0x1eff);
  range(0x2000, 0x206f);
  cps.push(0x20ac, 0x3000, 0xfeff, 0xfffd, 0x4e00, 0x1f600, 0x1d11e);
  return cps.map((c) => String.fromCodePoint(c));
})();

/** A set of sample characters (bitmap over SAMPLE). */
type CharSet = Uint8Array;
const ALL: CharSet = new Uint8Array(SAMPLE.length).fill(1);
const NONE = (): CharSet => new Uint8Array(SAMPLE.length);

function union(a: CharSet, b: CharSet): CharSet {
  const out = NONE();
  for (let i = 0; i < out.length; i++) out[i] = a[i] | b[i];
  return out;
}

function overlaps(a: CharSet, b: CharSet): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] & b[i]) return true;
  return false;
}

type Atom = AST.Character | AST.CharacterSet | AST.CharacterClass | AST.ExpressionCharacterClass;

function isAtom(n: AST.Node): n is Atom {
  return n.type === 'Character' || n.type === 'CharacterSet' || n.type === 'CharacterClass' || n.type === 'ExpressionCharacterClass';
}

export class RegexChecker {
  private readonly cache = new Map<string, CharSet>();

  /** Problems of one pattern (source and flags as given to RegExp). */
  check(source: string, flags: string): RegexFinding[] {
    const runFlags = flags.replace(/[gyd]/g, '');
    const ast = parseRegExpLiteral(`/${source}/${flags}`);
    const findings: RegexFinding[] = [];
    const visit = (n: AST.Node) => {
      if (n.type === 'Quantifier' && n.max === Infinity) this.checkRepeat(n, source, runFlags, findings);
      for (const child of children(n)) visit(child);
    };
    visit(ast.pattern);
    return findings;
  }

  private checkRepeat(q: AST.Quantifier, source: string, flags: string, out: RegexFinding[]): void {
    const body = q.element;
    // Inner repetitions: any quantifier allowing more than one round, inside the repeated body.
    for (const { inner, path } of innerRepeats(body)) {
      const reps = this.firstSet(inner.element, flags);
      const separated = path.some((sibling) => {
        const set = this.mandatorySet(sibling, flags);
        return set !== undefined && !overlaps(set, reps);
      });
      if (!separated) out.push({ pattern: source, part: q.raw, reason: `nested repetition ${inner.raw} inside ${q.raw} with no separator it cannot match` });
    }
    // A repeated alternation whose one-character branches overlap: `(?:\w|\d)+`.
    if (body.type === 'Group' || body.type === 'CapturingGroup') {
      const singles = body.alternatives.filter((a) => a.elements.length === 1 && isAtom(a.elements[0])).map((a) => this.atomSet(a.elements[0] as Atom, flags));
      for (let i = 0; i < singles.length; i++)
        for (let j = i + 1; j < singles.length; j++)
          if (overlaps(singles[i], singles[j])) out.push({ pattern: source, part: q.raw, reason: `repeated alternation with overlapping branches in ${q.raw}` });
    }
  }

  /** The characters a one-character atom matches. */
  private atomSet(a: Atom, flags: string): CharSet {
    const key = `${a.raw}/${flags}`;
    let set = this.cache.get(key);
    if (!set) {
      const re = new RegExp(`^(?:${a.raw})$`, flags);
      set = NONE();
      SAMPLE.forEach((c, i) => (set![i] = re.test(c) ? 1 : 0));
      this.cache.set(key, set);
    }
    return set;
  }

  /** Characters that can start a match of a node (conservative: all when unsure). */
  private firstSet(n: AST.Node, flags: string): CharSet {
    if (isAtom(n)) return this.atomSet(n, flags);
    if (n.type === 'Quantifier') return this.firstSet(n.element, flags);
    if (n.type === 'Group' || n.type === 'CapturingGroup') return n.alternatives.map((a) => this.firstSet(a, flags)).reduce(union, NONE());
    if (n.type === 'Alternative') {
      let set = NONE();
      for (const e of n.elements) {
        if (e.type === 'Assertion') continue;
        set = union(set, this.firstSet(e, flags));
        if (minLength(e) > 0) return set;
      }
      return set;
    }
    return ALL;
  }

  /** The set of a sibling that every round must match (one-character atom, or x+ of one), else undefined. */
  private mandatorySet(n: AST.Node, flags: string): CharSet | undefined {
    if (isAtom(n)) return this.atomSet(n, flags);
    if (n.type === 'Quantifier' && n.min >= 1 && isAtom(n.element)) return this.atomSet(n.element, flags);
    return undefined;
  }
}

/** Quantifiers with max > 1 inside a node, each with the siblings met on the way down (all mandatory in the same round). */
function innerRepeats(body: AST.Node): Array<{ inner: AST.Quantifier; path: AST.Node[] }> {
  const out: Array<{ inner: AST.Quantifier; path: AST.Node[] }> = [];
  const walk = (n: AST.Node, siblings: AST.Node[]) => {
    if (n.type === 'Quantifier') {
      if (n.max > 1) out.push({ inner: n, path: siblings });
      // Inside an optional quantifier, its own content is not mandatory for the outer round.
      walk(n.element, n.min >= 1 ? siblings : siblings);
      return;
    }
    if (n.type === 'Group' || n.type === 'CapturingGroup') {
      for (const a of n.alternatives) walk(a, siblings);
      return;
    }
    if (n.type === 'Alternative') {
      n.elements.forEach((e, i) => {
        const others = n.elements.filter((_, k) => k !== i && minLength(n.elements[k]) > 0);
        walk(e, [...siblings, ...others]);
      });
      return;
    }
    if (n.type === 'Assertion' && (n.kind === 'lookahead' || n.kind === 'lookbehind')) for (const a of n.alternatives) walk(a, []);
  };
  walk(body, []);
  return out;
}

function minLength(n: AST.Node): number {
  switch (n.type) {
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
    case 'ExpressionCharacterClass':
      return 1;
    case 'Quantifier':
      return n.min * minLength(n.element);
    case 'Group':
    case 'CapturingGroup':
      return Math.min(...n.alternatives.map(minLength));
    case 'Alternative':
      return n.elements.reduce((s, e) => s + minLength(e), 0);
    default:
      return 0;
  }
}

function children(n: AST.Node): AST.Node[] {
  switch (n.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      return n.alternatives;
    case 'Alternative':
      return n.elements;
    case 'Quantifier':
      return [n.element];
    case 'Assertion':
      return n.kind === 'lookahead' || n.kind === 'lookbehind' ? n.alternatives : [];
    default:
      return [];
  }
}
