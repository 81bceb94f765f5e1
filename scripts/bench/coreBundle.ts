/**
 * The core as it ships: bundled by esbuild with the same settings as dist/server.js, then
 * required. Timing the tsx-transpiled source instead would measure tsx's `keepNames`
 * helpers (`__name` on every closure created in a hot loop), not the product.
 */
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import type { Analysis } from '../../server/src/core/types';

const ROOT = path.resolve(__dirname, '../..');

export type AnalyzeFn = (raw: string) => Analysis;

export async function loadShippedCore(): Promise<AnalyzeFn> {
  const outfile = path.join(ROOT, 'out/bench/core.js');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'server/src/core/analyzer.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'es2022', // as scripts/build.mjs
    format: 'cjs',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // Source maps let the profile name TypeScript files and lines.
  process.setSourceMapsEnabled(true);
  const mod = require(outfile) as { analyze: AnalyzeFn };
  return mod.analyze;
}
