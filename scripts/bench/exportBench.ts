/**
 * Section 4: export of the whole corpus with the command line (`node dist/cli.js export`),
 * to CoNLL and to Hugging Face JSONL. The formats are read from `export --help`, so the
 * benchmark follows the CLI rather than guessing its flags.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median, NOT_IMPLEMENTED, type Figure } from './report';

export const CLI_JS = path.resolve(__dirname, '../../dist/cli.js');

const GNU_TIME = '/usr/bin/time';

interface CliRun { code: number; out: string; err: string; ms: number; cpuSeconds?: number; maxRssMB?: number }

/** Run the CLI; with GNU time at hand also its CPU seconds and peak RSS (a busy machine inflates only the wall time). */
function cli(args: string[]): CliRun {
  const stats = fs.existsSync(GNU_TIME) ? path.join(os.tmpdir(), `vn-bench-time-${process.pid}.txt`) : undefined;
  const cmd = stats ? [GNU_TIME, '-f', '%U %S %M', '-o', stats, process.execPath, CLI_JS, ...args] : [process.execPath, CLI_JS, ...args];
  const t0 = performance.now();
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const run: CliRun = { code: r.status ?? 1, out: r.stdout ?? '', err: r.stderr ?? '', ms: performance.now() - t0 };
  if (stats && fs.existsSync(stats)) {
    const [user, sys, rssKB] = fs.readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    if (Number.isFinite(user)) Object.assign(run, { cpuSeconds: user + sys, maxRssMB: rssKB / 1024 });
    fs.rmSync(stats, { force: true });
  }
  return run;
}

/** The format names `export --help` offers for CoNLL and for Hugging Face JSONL. */
export function exportFormats(help: string): { conll?: string; hf?: string } {
  const words = [...new Set(help.match(/[\w.-]+/g) ?? [])];
  const pick = (exact: string, loose: RegExp) => words.find((w) => w === exact) ?? words.find((w) => loose.test(w));
  return { conll: pick('conll', /^conll[\w-]*$/i), hf: pick('hf', /^(hf|huggingface|hugging-face)([\w-]*)$/i) };
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? dirBytes(p) : fs.statSync(p).size;
  }
  return total;
}

export function measureExport(root: string, articles: number, runs: number): Figure[] {
  const section = '4 export';
  const help = fs.existsSync(CLI_JS) ? cli(['export', '--help']) : undefined;
  const formats = help && help.code === 0 ? exportFormats(help.out + help.err) : {};
  const figures: Figure[] = [];
  for (const [key, label] of [['conll', 'CoNLL'], ['hf', 'HF JSONL']] as const) {
    const id = `export.${key}`;
    const name = `export ${articles} articles to ${label}`;
    const format = formats[key];
    if (!format) {
      figures.push({ id, section, name, value: null, unit: 's', target: { op: '<=', value: 20 }, note: NOT_IMPLEMENTED });
      continue;
    }
    const times: number[] = [];
    const cpu: number[] = [];
    let note = '';
    for (let r = 0; r < runs; r++) {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), `vn-bench-export-${key}-`));
      try {
        const res = cli(['export', root, '--format', format, '--out', out]);
        // Exit 1 with a summary is a partial export: the corpus's 5 MB article is above the
        // size limit and declined by design; everything else was exported and is timed.
        const declined = (res.err + res.out).split('\n').filter((l) => /^vn-corpus: .*: too large/.test(l));
        const partial = res.code === 1 && /^exported \d+ article/m.test(res.err + res.out) && declined.length > 0;
        if (res.code !== 0 && !partial) {
          note = `exit ${res.code}: ${(res.err || res.out).trim().split('\n')[0]}`;
          break;
        }
        times.push(res.ms / 1000);
        if (res.cpuSeconds !== undefined) cpu.push(res.cpuSeconds);
        const usage = res.cpuSeconds !== undefined ? `; CPU ${res.cpuSeconds.toFixed(1)} s, peak RSS ${res.maxRssMB!.toFixed(0)} MB` : '';
        const skipped = partial ? `; ${declined.length} file(s) declined as too large` : '';
        note = `--format ${format}, ${(dirBytes(out) / 1e6).toFixed(1)} MB written${usage}${skipped}${runs > 1 ? `; median of ${runs}` : ''}`;
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    }
    figures.push({ id, section, name, value: times.length ? median(times) : null, unit: 's', target: { op: '<=', value: 20 }, note, detail: { runs: times, cpuSeconds: cpu } });
  }
  return figures;
}
