// Editor tests in a real desktop VS Code through @vscode/test-electron. They need a VS Code
// build: VSCODE_EXECUTABLE_PATH, or a download (which machines without internet cannot
// make). Where neither is available the suite prints why and counts as skipped; the
// real-editor suite that runs here is test/editor/codeServer (npm run test:editor).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const done = (p, f, s, note) => {
  console.log(`SUITE: ${p} passed, ${f} failed, ${s} skipped${note ? ' — ' + note : ''}`);
  process.exit(f > 0 ? 1 : 0);
};

let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
const { runTests, downloadAndUnzipVSCode } = await import('@vscode/test-electron');
if (!vscodeExecutablePath) {
  try {
    vscodeExecutablePath = await withTimeout(downloadAndUnzipVSCode({ version: 'stable', timeout: 15000 }), 30000);
  } catch (e) {
    done(0, 0, 1, `skipped: no VS Code could be downloaded (${String(e?.message ?? e).split('\n')[0]}); set VSCODE_EXECUTABLE_PATH to run it`);
  }
}
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'test/editor/suite/index.cjs'),
    launchArgs: [path.join(root, 'samples/corpus'), '--disable-extensions', '--disable-workspace-trust'],
  });
  done(1, 0, 0);
} catch (e) {
  console.error(e);
  done(0, 1, 0, 'the extension test suite failed in VS Code');
}

function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms / 1000}s`)), ms))]);
}
