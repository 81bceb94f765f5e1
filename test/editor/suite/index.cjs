// Runs inside VS Code's extension host (test-electron). Plain assertions, bounded waits.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

async function waitFor(probe, what, ms = 20000) {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

exports.run = async function run() {
  const folder = vscode.workspace.workspaceFolders[0].uri.fsPath;
  const doc = await vscode.workspace.openTextDocument(path.join(folder, '002_5b2966215289f573.txt'));
  await vscode.window.showTextDocument(doc);
  const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'vn-corpus-annotator');
  assert.ok(ext, 'extension is installed');
  await waitFor(() => ext.isActive, 'activation');
  const diags = await waitFor(() => {
    const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'vn-corpus');
    return d.length ? d : undefined;
  }, 'boilerplate diagnostics');
  assert.ok(diags.some((d) => d.code === 'ad'));
};
