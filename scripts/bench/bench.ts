/**
 * `npm run bench [-- --articles N] [--runs R] [--only core,regex,server,export]`
 *
 * The performance benchmark of issue 7: generates (or reuses) a deterministic corpus,
 * measures the core, the regex audit (issue 9), the real server over stdio and the
 * export, prints one table and writes bench-results/latest.json (+ a copy named after the
 * commit) for comparison across commits. Never fails on timing: a missed target prints
 * `MISSED`, a missing feature `n/a (not implemented)`.
 */
import { execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultOutDir, generateCorpus, SAMPLES_DIR, type CorpusManifest } from './generateCorpus';
import { measureCore, profileCore, type HotFunction } from './coreThroughput';
import { newestProfile, summariseProfile } from './profile';
import { loadShippedCore } from './coreBundle';
import { auditPatterns, collectPatterns, type PatternResult } from './regexAudit';
import { measureServer } from './serverBench';
import { measureExport } from './exportBench';
import { fmt, markdownTable, printTable, statusOf, type Figure } from './report';

const ROOT = path.resolve(__dirname, '../..');

interface Options {
  articles: number;
  seed: number;
  runs: number;
  only: Set<string>;
  coreMB: number;
  samples: number;
  out: string;
  profileServer: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  };
  const num = (name: string, dflt: number) => {
    const v = Number(value(name) ?? dflt);
    return Number.isFinite(v) && v > 0 ? v : dflt;
  };
  return {
    articles: Math.floor(num('articles', 10_000)),
    seed: num('seed', 7),
    runs: Math.floor(num('runs', 3)),
    only: new Set((value('only') ?? 'core,regex,server,export').split(',').map((s) => s.trim())),
    coreMB: num('core-mb', 24),
    samples: Math.floor(num('samples', 300)),
    out: path.resolve(value('out') ?? path.join(ROOT, 'bench-results')),
    profileServer: argv.includes('--profile-server'),
  };
}

function listTxt(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listTxt(p) : e.name.endsWith('.txt') ? [p] : [];
  }).sort();
}

function step(title: string): void {
  process.stderr.write(`[bench] ${new Date().toISOString().slice(11, 19)} ${title}\n`);
}

function git(args: string): string {
  try {
    return execSync(`git ${args}`, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function machine() {
  return {
    loadAverage: os.loadavg().map((x) => +x.toFixed(1)),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

async function coreSection(opts: Options, man: CorpusManifest, articles: string[]): Promise<{ figures: Figure[]; hot: { self: HotFunction[]; stages: HotFunction[] } }> {
  // At least five timed passes: the median of three moved by ±4% from run to run.
  const runs = Math.max(opts.runs, 5);
  step(`core throughput (up to ${opts.coreMB} MB, ${runs} runs)`);
  const texts: string[] = [];
  let bytes = 0;
  for (const f of articles) {
    if (bytes >= opts.coreMB * 1e6) break;
    const buf = fs.readFileSync(f);
    bytes += buf.length;
    texts.push(buf.toString('utf8'));
  }
  const big = [
    { name: '100 KB article', text: fs.readFileSync(man.big.article100k, 'utf8') },
    { name: '5 MB article', text: fs.readFileSync(man.big.article5m, 'utf8') },
    { name: '1 MB single line', text: fs.readFileSync(man.big.singleLine1m, 'utf8') },
  ];
  const analyze = await loadShippedCore();
  const figures = await measureCore({ analyze, texts, bytes, big, runs });
  step('core profile');
  const hot = await profileCore(analyze, texts.slice(0, 2000));
  return { figures, hot };
}

async function regexSection(articles: string[], man: CorpusManifest): Promise<{ figures: Figure[]; results: PatternResult[] }> {
  step('regex audit: collecting patterns');
  const texts = [...articles.slice(0, 50).map((f) => fs.readFileSync(f, 'utf8')), ...listTxt(SAMPLES_DIR).map((f) => fs.readFileSync(f, 'utf8'))];
  texts.push(fs.readFileSync(man.big.singleLine1m, 'utf8').slice(0, 50_000));
  const patterns = collectPatterns(texts);
  step(`regex audit: timing ${patterns.length} patterns on adversarial input up to 1 MB`);
  const { results, skipped } = await auditPatterns(patterns, { stepBudgetMs: 250, killMs: 4000, totalBudgetMs: 240_000 });
  const section = '5 regex';
  const slowest = results[0];
  const superlinear = results.filter((r) => r.superlinear);
  const figures: Figure[] = [
    { id: 'regex.slowest', section, name: 'slowest core regex on 1 MB adversarial input (CPU)', value: slowest?.msPer1MB ?? null, unit: 'ms', target: { op: '<=', value: 1000 },
      note: slowest ? `/${slowest.source.slice(0, 50)}/${slowest.flags} on ${slowest.family} (${slowest.where})${slowest.largestTimed < 1_048_576 ? ', extrapolated' : ''}` : 'no patterns' },
    { id: 'regex.superlinear', section, name: 'core regexes with superlinear growth', value: superlinear.length, unit: '', target: { op: '<=', value: 0 },
      note: `${results.length} patterns audited${skipped ? `, ${skipped} skipped (time budget)` : ''}` },
  ];
  return { figures, results };
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const started = Date.now();
  step(`corpus: ${opts.articles} articles, seed ${opts.seed}`);
  const t0 = performance.now();
  const man = generateCorpus({ articles: opts.articles, seed: opts.seed, outDir: defaultOutDir(opts.articles, opts.seed), samplesDir: SAMPLES_DIR });
  const genSeconds = (performance.now() - t0) / 1000;
  const articles = listTxt(man.root).filter((f) => !f.startsWith(path.join(man.root, 'big')));
  const figures: Figure[] = [];
  let hot: { self: HotFunction[]; stages: HotFunction[] } = { self: [], stages: [] };
  let regex: PatternResult[] = [];
  let serverHot: HotFunction[] = [];
  let serverTotal: HotFunction[] = [];

  if (opts.only.has('core')) {
    const core = await coreSection(opts, man, articles);
    figures.push(...core.figures);
    hot = core.hot;
  }
  if (opts.only.has('server')) {
    step(`server: cold index ×${opts.runs}, latencies`);
    const profileDir = opts.profileServer ? fs.mkdtempSync(path.join(os.tmpdir(), 'vn-bench-prof-')) : undefined;
    figures.push(...(await measureServer({
      root: man.root, articles, article100k: man.big.article100k, annotations: man.annotations100k, frequentOfficial: man.frequentOfficial,
      runs: opts.runs, indexTimeoutMs: 10 * 60_000, samples: opts.samples, profileDir,
    })));
    const prof = profileDir ? newestProfile(profileDir) : undefined;
    if (prof) {
      serverHot = summariseProfile(prof, 25);
      // Inclusive time of the server's own functions: which request or stage the time goes to.
      serverTotal = summariseProfile(prof, 25, 'total', (h) => h.where.startsWith('server/src/') && !/^(listen|run|runSafe|handle\w*)$/.test(h.fn));
    }
    if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
  }
  if (opts.only.has('export')) {
    // A full export of 10,000 articles takes minutes: one run above 2,000 articles unless --export-runs says otherwise.
    const exportRuns = Math.floor(Number(process.argv.find((a) => a.startsWith('--export-runs='))?.split('=')[1] ?? (opts.articles > 2000 ? 1 : opts.runs)));
    step(`export ×${exportRuns}`);
    figures.push(...measureExport(man.root, man.files, Math.max(1, exportRuns)));
  }
  if (opts.only.has('regex')) {
    const r = await regexSection(articles, man);
    figures.push(...r.figures);
    regex = r.results;
  }

  const report = {
    date: new Date().toISOString(),
    commit: git('rev-parse --short HEAD'),
    dirty: git('status --porcelain') !== '',
    machine: machine(),
    options: { articles: opts.articles, seed: opts.seed, runs: opts.runs, coreMB: opts.coreMB, samples: opts.samples },
    corpus: { root: man.root, files: man.files, MB: +(man.bytes / 1e6).toFixed(1), articleMB: +(man.articleBytes / 1e6).toFixed(1), generatedSeconds: +genSeconds.toFixed(1), frequentOfficial: man.frequentOfficial },
    figures: figures.map((f) => ({ ...f, status: statusOf(f) })),
    coreProfile: hot,
    serverProfile: serverHot,
    serverProfileInclusive: serverTotal,
    regexAudit: regex.slice(0, 200),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  printReport(report.machine, man, figures, hot, regex);
  if (serverHot.length) {
    process.stdout.write('\nServer profile (self time over index + all requests of the last run):\n');
    for (const h of serverHot) process.stdout.write(`  ${(h.share * 100).toFixed(1).padStart(5)}%  ${fmt(h.selfMs, 'ms').padStart(9)}  ${h.fn}  ${h.where}\n`);
    process.stdout.write('\nServer profile (inclusive time of server functions):\n');
    for (const h of serverTotal) process.stdout.write(`  ${(h.totalShare * 100).toFixed(1).padStart(5)}%  ${fmt(h.totalMs, 'ms').padStart(9)}  ${h.fn}  ${h.where}\n`);
  }
  fs.mkdirSync(opts.out, { recursive: true });
  const json = JSON.stringify(report, null, 2);
  fs.writeFileSync(path.join(opts.out, 'latest.json'), json);
  fs.writeFileSync(path.join(opts.out, 'latest.md'), markdownTable(figures));
  fs.writeFileSync(path.join(opts.out, `${report.date.slice(0, 10)}-${report.commit}-n${opts.articles}.json`), json);
  process.stdout.write(`\nwritten: ${path.relative(ROOT, path.join(opts.out, 'latest.json'))} (${report.seconds} s)\n`);
}

function printReport(m: ReturnType<typeof machine>, man: CorpusManifest, figures: Figure[], hot: { self: HotFunction[]; stages: HotFunction[] }, regex: PatternResult[]): void {
  const w = (s: string) => process.stdout.write(s);
  w(`\nMachine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB, Node ${m.node}; load average at start ${m.loadAverage.join(' ')}, at end ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
  if (m.loadAverage[0] > m.cpus) w(`WARNING: the machine was busy (load ${m.loadAverage[0]} on ${m.cpus} cores): wall times and latencies are inflated; CPU-time figures are not.\n`);
  w(`Corpus: ${man.files} files, ${(man.bytes / 1e6).toFixed(1)} MB (${man.articles} articles = ${(man.articleBytes / 1e6).toFixed(1)} MB + 100 KB, 5 MB and 1 MB-line files); frequent official "${man.frequentOfficial.name}" in ${man.frequentOfficial.articles} articles\n\n`);
  printTable(figures, w);
  if (hot.stages.length) {
    w('\nCore stages (inclusive time, one pass over up to 2,000 articles):\n');
    for (const h of hot.stages.slice(0, 12)) w(`  ${(h.totalShare * 100).toFixed(1).padStart(5)}%  ${fmt(h.totalMs, 'ms').padStart(9)}  ${h.fn}  ${h.where}\n`);
  }
  if (hot.self.length) {
    w('\nCore hot spots (self time):\n');
    for (const h of hot.self.slice(0, 12)) w(`  ${(h.share * 100).toFixed(1).padStart(5)}%  ${fmt(h.selfMs, 'ms').padStart(9)}  ${h.fn}  ${h.where}\n`);
  }
  if (regex.length) {
    w('\nSlowest core regexes on 1 MB of their worst input (exponent 1 = linear):\n');
    for (const r of regex.slice(0, 8)) w(`  ${fmt(r.msPer1MB, 'ms').padStart(9)}  ×^${r.exponent.toFixed(2)}${r.superlinear ? ' SUPERLINEAR' : ''}  /${r.source.slice(0, 60)}/${r.flags}  [${r.family}]  ${r.where}\n`);
  }
}

main().catch((e) => {
  // A benchmark failure is reported, never turned into a failing timing.
  process.stderr.write(`[bench] error: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
