/**
 * Issue 9, "bounded in the benchmark": every regular expression the core uses runs in
 * linear time on adversarial input. Patterns are found twice — statically (regex literals
 * and `new RegExp('…')` with literal arguments in server/src/core/**) and at run time
 * (RegExp.prototype.exec patched while the core analyses real articles, which also catches
 * patterns built from data tables). Each is timed on growing inputs (16 KB → 1 MB) of
 * adversarial character classes in a worker thread that is killed at a time limit, so a
 * catastrophic pattern is reported, not hung on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import * as os from 'node:os';
import ts from 'typescript';
import { analyze } from '../../server/src/core/analyzer';

export interface PatternInfo {
  source: string;
  flags: string;
  /** file:line of the first place it was seen. */
  where: string;
  how: 'static' | 'runtime' | 'both';
}

export interface PatternResult extends PatternInfo {
  /** Worst input family for this pattern. */
  family: string;
  /** CPU time on 1 MB of that family, measured (or, when stopped early, extrapolated). */
  msPer1MB: number;
  /** Growth exponent between the two largest sizes timed (1 = linear, 2 = quadratic). */
  exponent: number;
  largestTimed: number;
  timedOut: boolean;
  superlinear: boolean;
}

const CORE_DIR = path.resolve(__dirname, '../../server/src/core');

// ---------------------------------------------------------------- finding the patterns

function listTs(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listTs(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Regex literals and `new RegExp('literal', 'flags')` in the core's source. */
export function staticPatterns(dir = CORE_DIR): PatternInfo[] {
  const out: PatternInfo[] = [];
  for (const file of listTs(dir)) {
    const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const where = (n: ts.Node) => `${path.relative(process.cwd(), file)}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText();
        const cut = text.lastIndexOf('/');
        out.push({ source: text.slice(1, cut), flags: text.slice(cut + 1), where: where(n), how: 'static' });
      } else if (ts.isNewExpression(n) && n.expression.getText() === 'RegExp' && n.arguments?.length) {
        const [a, b] = n.arguments;
        const lit = (x?: ts.Expression) => (x && (ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x)) ? x.text : undefined);
        if (lit(a) !== undefined) out.push({ source: lit(a)!, flags: lit(b) ?? '', where: where(n), how: 'static' });
      }
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
  return out;
}

/** Every pattern the core executes while analysing `texts` (dynamic ones included). */
export function runtimePatterns(texts: string[]): PatternInfo[] {
  const seen = new Map<string, PatternInfo>();
  const original = RegExp.prototype.exec;
  const marker = `${path.sep}server${path.sep}src${path.sep}core${path.sep}`;
  let inside = false; // our own bookkeeping below runs regexes too: don't record those
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    const key = `${this.source}\u0000${this.flags.replace('y', '')}`;
    if (!inside && !seen.has(key)) {
      inside = true;
      try {
        const frame = (new Error().stack ?? '').split('\n').find((l) => l.includes(marker));
        const m = frame?.match(/\(?([^()\s]+):(\d+):\d+\)?$/);
        if (m) seen.set(key, { source: this.source, flags: this.flags, where: `${path.relative(process.cwd(), m[1].replace(/^file:\/\//, ''))}:${m[2]}`, how: 'runtime' });
      } finally {
        inside = false;
      }
    }
    return original.call(this, s);
  };
  try {
    for (const t of texts) analyze(t);
  } finally {
    RegExp.prototype.exec = original;
  }
  return [...seen.values()];
}

export function collectPatterns(texts: string[]): PatternInfo[] {
  const byKey = new Map<string, PatternInfo>();
  const key = (p: PatternInfo) => `${p.source}\u0000${p.flags.replace('y', '')}`;
  for (const p of staticPatterns()) if (isValid(p) && !byKey.has(key(p))) byKey.set(key(p), p);
  for (const p of runtimePatterns(texts)) {
    const old = byKey.get(key(p));
    if (old) old.how = 'both';
    else byKey.set(key(p), p);
  }
  return [...byKey.values()];
}

function isValid(p: PatternInfo): boolean {
  try {
    new RegExp(p.source, p.flags);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- adversarial inputs

/** Generic worst cases of this genre: long runs of one class, no terminator in sight. */
export const FAMILIES: Record<string, string> = {
  capitalised: 'Nguyễn Văn Ánh Đức Quảng Ninh Ủy Ban Thường Vụ ',
  capitalisedNoSpace: 'NguyễnVănÁnhĐức',
  lowercase: 'của các và đã được tổ chức ',
  allCaps: 'UBND HĐND MTTQ TW ',
  digitsSlashes: '1/2/3/4/5/6/7/8/9/',
  dateLike: '12/12/12/',
  digits: '0123456789',
  docNumbers: '18-NQ/TW-19-',
  spaces: ' ',
  mixedSpaces: ' \t\u00a0 ',
  newlines: '\n',
  crlf: '\r\n',
  blankLines: ' \n \n',
  dashes: '- ',
  dots: '.',
  pipes: '| ',
  quotes: '“”"',
  parens: '((',
  vietnamese: 'Ngày 12/3, đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, chủ trì hội nghị về Nghị quyết số 18-NQ/TW. ',
};

const CLASS_REPS: Array<[RegExp, string]> = [
  [/^\\d/, '1'], [/^\\s/, ' '], [/^\\w/, 'a'], [/^\\p\{Lu\}/, 'Đ'], [/^\\p\{Ll\}/, 'đ'], [/^\\p\{L\}/, 'đ'],
  [/^\\p\{[^}]*\}/, 'đ'], [/^\\n/, '\n'], [/^\\r/, '\r'], [/^\\t/, '\t'], [/^\\u([0-9a-fA-F]{4})/, ''],
];

/** Characters a pattern names (literals and a representative per class): runs of each are candidates. */
export function patternAlphabet(source: string): string[] {
  const chars = new Set<string>();
  for (let i = 0; i < source.length; ) {
    const rest = source.slice(i);
    const rep = CLASS_REPS.find(([re]) => re.test(rest));
    if (rep) {
      const m = rest.match(rep[0])!;
      chars.add(rep[1] || String.fromCharCode(parseInt(m[1], 16)));
      i += m[0].length;
    } else if (/^\{\d+(?:,\d*)?\}/.test(rest)) {
      i += rest.match(/^\{\d+(?:,\d*)?\}/)![0].length; // a quantifier, not characters
    } else if (rest[0] === '\\') {
      if (rest.length > 1 && !/[bBdDsSwWpPku0-9]/.test(rest[1])) chars.add(rest[1]);
      i += 2;
    } else {
      if (!'^$.*+?()[]{}|'.includes(rest[0])) chars.add(rest[0]);
      i += [...rest][0].length;
    }
  }
  return [...chars].slice(0, 16);
}

function familiesFor(p: PatternInfo): Array<[string, string]> {
  const alphabet = patternAlphabet(p.source);
  const own: Array<[string, string]> = alphabet.map((c) => [`run of ${JSON.stringify(c)}`, c]);
  if (alphabet.length > 1) own.push(['pattern alphabet', alphabet.join('')]);
  return [...Object.entries(FAMILIES), ...own];
}

// ---------------------------------------------------------------- timing in a killable child process

// A child process, not a worker thread: its CPU time (process.cpuUsage) is the pattern's own,
// so a busy machine cannot pass for superlinear growth, and a runaway pattern is killed.
const CHILD_JS = `
process.on('message', ({ source, flags, unit, size }) => {
  const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const re = new RegExp(source, flags);
  const c0 = process.cpuUsage();
  let n = 0;
  if (re.sticky) {
    // Tokenizer use: try at every position.
    for (let i = 0; i < text.length; i++) { re.lastIndex = i; if (re.exec(text)) n++; }
  } else if (re.global) {
    let m;
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) { n++; if (m[0].length === 0) re.lastIndex++; }
  } else if (re.exec(text)) n++;
  const c = process.cpuUsage(c0);
  process.send({ ms: (c.user + c.system) / 1000, n });
});`;

class RegexChild {
  private child = RegexChild.start();

  private static start(): ChildProcess {
    const file = path.join(os.tmpdir(), `vn-bench-regex-child-${process.pid}.js`);
    if (!fs.existsSync(file)) fs.writeFileSync(file, CHILD_JS);
    return fork(file, [], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  }

  /** CPU ms of one pattern on one input; undefined when it exceeded `limitMs` (the child is replaced). */
  run(p: PatternInfo, unit: string, size: number, limitMs: number): Promise<number | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.child.removeAllListeners('message');
        this.child.kill('SIGKILL');
        this.child = RegexChild.start();
        resolve(undefined);
      }, limitMs);
      this.child.once('message', (r: { ms: number }) => {
        clearTimeout(timer);
        resolve(r.ms);
      });
      this.child.send({ source: p.source, flags: p.flags, unit, size });
    });
  }

  close(): void {
    this.child.kill();
    fs.rmSync(path.join(os.tmpdir(), `vn-bench-regex-child-${process.pid}.js`), { force: true });
  }
}

const SIZES = [1024, 4096, 16_384, 131_072, 1_048_576];
const MB = 1_048_576;

export interface AuditOptions {
  /** Stop growing an input once one size takes longer than this. */
  stepBudgetMs: number;
  /** Kill a single timing after this. */
  killMs: number;
  /** Stop the whole audit after this (remaining patterns reported as skipped). */
  totalBudgetMs: number;
}

export async function auditPatterns(patterns: PatternInfo[], opts: AuditOptions): Promise<{ results: PatternResult[]; skipped: number }> {
  const worker = new RegexChild();
  const results: PatternResult[] = [];
  const t0 = performance.now();
  let skipped = 0;
  try {
    for (const p of patterns) {
      if (performance.now() - t0 > opts.totalBudgetMs) {
        skipped++;
        continue;
      }
      let worst: PatternResult | undefined;
      for (const [family, unit] of familiesFor(p)) {
        const r = await timeFamily(worker, p, family, unit, opts);
        if (!worst || r.msPer1MB > worst.msPer1MB) worst = r;
      }
      results.push(worst!);
    }
  } finally {
    worker.close();
  }
  return { results: results.sort((a, b) => b.msPer1MB - a.msPer1MB), skipped };
}

async function timeFamily(worker: RegexChild, p: PatternInfo, family: string, unit: string, opts: AuditOptions): Promise<PatternResult> {
  const times: Array<[number, number]> = [];
  let timedOut = false;
  for (const size of SIZES) {
    // Best of a few: a GC pause or a busy core must not pass for superlinear growth.
    let best = Infinity;
    for (let rep = 0; rep < 3 && (rep === 0 || best <= opts.stepBudgetMs); rep++) {
      const ms = await worker.run(p, unit, size, opts.killMs);
      if (ms === undefined) {
        timedOut = true;
        break;
      }
      best = Math.min(best, ms);
    }
    times.push([size, timedOut ? opts.killMs : best]);
    if (timedOut || best > opts.stepBudgetMs) break;
  }
  const [s1, t1] = times.length > 1 ? times[times.length - 2] : [0, 0];
  const [s2, t2] = times[times.length - 1];
  // Below ~0.5 ms timer noise dominates: call it linear.
  const exponent = times.length > 1 && t2 > 0.5 ? Math.log(Math.max(t2, 1e-3) / Math.max(t1, 1e-3)) / Math.log(s2 / s1) : 1;
  const msPer1MB = s2 >= MB ? t2 : t2 * Math.pow(MB / s2, Math.max(1, exponent));
  return {
    ...p, family, msPer1MB, exponent, largestTimed: s2, timedOut,
    superlinear: timedOut || (exponent > 1.5 && msPer1MB > 50),
  };
}
