/**
 * Every regular expression of the server runs in linear time (issue 9) — checked here by
 * structure, never by timing: no repetition nested in a repetition over characters that
 * can start the next round, no repeated alternation of overlapping characters (see
 * helpers/regexCheck.ts). The patterns are found two ways:
 * - statically: every regex literal and every `RegExp(…)` with a literal pattern in
 *   server/src/**.ts, found with the TypeScript parser (comments and strings are not
 *   mistaken for patterns);
 * - at run time: patterns built from data tables (`new RegExp(words.join('|'))`) are
 *   caught by a RegExp proxy while every core module loads and the sample corpus is
 *   analysed, so what the engine really runs is checked too.
 * The bench (scripts/) times the same patterns on adversarial megabytes; tests do not time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { RegexChecker } from './helpers/regexCheck';

const ROOT = path.resolve(__dirname, '../..');
const SERVER = path.join(ROOT, 'server/src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

interface Found {
  where: string;
  source: string;
  flags: string;
}

/** Regex literals and RegExp(...) calls with literal arguments; counts dynamic RegExp calls. */
function scan(file: string): { found: Found[]; dynamic: number } {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  let dynamic = 0;
  const where = (n: ts.Node) => `${path.relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const literal = (n: ts.Node | undefined) => (n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : undefined);
  const visit = (n: ts.Node) => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = n.getText(sf);
      const cut = text.lastIndexOf('/');
      found.push({ where: where(n), source: text.slice(1, cut), flags: text.slice(cut + 1) });
    } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') {
      const source = literal(n.arguments?.[0]);
      if (source !== undefined) found.push({ where: where(n), source, flags: literal(n.arguments?.[1]) ?? '' });
      else dynamic++;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { found, dynamic };
}

test('the checker flags the classic catastrophic shapes and passes separated repetitions', () => {
  const c = new RegexChecker();
  for (const bad of ['(a+)+', '(\\s*\\w+)*', '(.*)*', '(?:[A-Z]\\w*)*x', '(?:\\w|\\d)+', '(?:\\p{L}+\\s?)+$', '^(?:a{1,5})+$', '(?:x(?:a+)?)*(?:\\s*\\d+)+']) {
    assert.ok(c.check(bad, 'u').length > 0, `flags ${bad}`);
  }
  for (const good of ['(?:,\\s*\\w+)*', '\\d+(?:[.,]\\d+)*', '(?:\\s+\\p{Lu}\\p{Ll}*)+', '^T\\d+\\t[^\\t ]+ (\\d+ \\d+(?:;\\d+ \\d+)*)\\t(.*)$', '[a-z]+\\s*[0-9]+', '(?:ab)+', '(?:\\s|,)+']) {
    assert.deepEqual(c.check(good, 'u'), [], `passes ${good}`);
  }
});

test('every regex literal and literal RegExp(...) in server/src has no nested or ambiguous repetition', () => {
  const c = new RegexChecker();
  let patterns = 0;
  const problems: string[] = [];
  for (const file of sourceFiles(SERVER)) {
    for (const f of scan(file).found) {
      patterns++;
      for (const p of c.check(f.source, f.flags)) problems.push(`${f.where}: /${f.source}/${f.flags} — ${p.reason}`);
    }
  }
  console.log(`checked ${patterns} regex literals in server/src`);
  assert.ok(patterns > 100, 'the scan finds the patterns');
  assert.deepEqual(problems, []);
});

test('patterns the engine builds at run time (from data tables) are checked too', async () => {
  const built: Array<{ source: string; flags: string }> = [];
  const Original = RegExp;
  const seen = new Set<string>();
  const record = (args: unknown[]) => {
    const [p, f] = args as [string | RegExp, string | undefined];
    const source = typeof p === 'string' ? p : p.source;
    const flags = f ?? (typeof p === 'string' ? '' : p.flags);
    const key = `${source}/${flags}`;
    if (!seen.has(key) && /server[\\/]src[\\/]/.test(new Error().stack ?? '')) {
      seen.add(key);
      built.push({ source, flags });
    }
  };
  globalThis.RegExp = new Proxy(Original, {
    construct: (target, args) => (record(args), Reflect.construct(target, args)),
    apply: (target, self, args) => (record(args), Reflect.apply(target, self, args)),
  });
  try {
    const core = sourceFiles(path.join(SERVER, 'core'));
    for (const file of core) await import(file);
    const { analyze } = await import('../../server/src/core/analyzer');
    const samples = path.join(ROOT, 'samples/corpus');
    for (const f of fs.readdirSync(samples).filter((x) => x.endsWith('.txt'))) analyze(fs.readFileSync(path.join(samples, f), 'utf8'));
  } finally {
    globalThis.RegExp = Original;
  }
  const dynamicSites = sourceFiles(path.join(SERVER, 'core')).reduce((n, f) => n + scan(f).dynamic, 0);
  console.log(`checked ${built.length} run-time patterns (${dynamicSites} dynamic RegExp(...) call sites in core)`);
  assert.ok(built.length >= dynamicSites, 'each dynamic call site built at least one pattern while loading or analysing');
  const c = new RegexChecker();
  const problems = built.flatMap((b) => c.check(b.source, b.flags).map((p) => `/${b.source.slice(0, 120)}…/${b.flags} — ${p.reason}`));
  assert.deepEqual(problems, []);
});
