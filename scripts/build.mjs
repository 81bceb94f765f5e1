// Bundles the client, the server and the command line with esbuild (one file each, no
// node_modules at run time), so the .vsix ships only dist/.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  // es2022, not node18: for node targets esbuild rewrites every `\p{…}` regex literal into a
  // `new RegExp("…")` call evaluated where the literal stands (in hot loops too). Node 18+
  // (VS Code's runtime) supports all of ES2022, so the literals stay literals.
  target: 'es2022',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(pkg.version) },
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/indexWorker.ts'], outfile: 'dist/indexWorker.js' },
  { entryPoints: ['server/src/exportWorker.ts'], outfile: 'dist/exportWorker.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
  console.log('watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}

// The word list for `--tokens word` (Viet74K from @vntk/dictionary, MIT) ships beside the
// bundles and is read by the export runner only when asked, so dist/*.js stay small.
mkdirSync('dist/dict', { recursive: true });
copyFileSync(createRequire(import.meta.url).resolve('@vntk/dictionary/data/Viet74K.txt'), 'dist/dict/Viet74K.txt');
