/**
 * The extension runs no code from the workspace (issue 9), checked on the source: no
 * eval, no Function constructor, no vm, no child processes, and every require/import/
 * Worker names a module or a file of our own bundle, never a path built from workspace
 * data. The manifest declares the untrusted and virtual workspace behaviour the README
 * explains ("Reliability").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

const FORBIDDEN_MODULES = new Set(['child_process', 'node:child_process', 'vm', 'node:vm', 'module', 'node:module']);

test('no code from the workspace can run: no eval, Function, vm or child processes; only literal module names; workers from our bundle', () => {
  const problems: string[] = [];
  let files = 0;
  for (const file of [...sources(path.join(ROOT, 'server/src')), ...sources(path.join(ROOT, 'client/src'))]) {
    files++;
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const at = (n: ts.Node) => `${path.relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const literal = (n: ts.Node | undefined) => !!n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n));
    const visit = (n: ts.Node) => {
      if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier) && FORBIDDEN_MODULES.has(n.moduleSpecifier.text)) problems.push(`${at(n)}: imports ${n.moduleSpecifier.text}`);
      if (ts.isCallExpression(n)) {
        const callee = n.expression.getText(sf);
        if (callee === 'eval') problems.push(`${at(n)}: eval`);
        if ((callee === 'require' || callee === 'require.resolve' || n.expression.kind === ts.SyntaxKind.ImportKeyword) && !literal(n.arguments[0])) problems.push(`${at(n)}: ${callee}() of a computed name`);
      }
      if (ts.isNewExpression(n)) {
        const callee = n.expression.getText(sf);
        if (callee === 'Function') problems.push(`${at(n)}: new Function`);
        if (callee === 'Worker') {
          // The worker script must be a file beside our own bundle (a default parameter built from __dirname).
          const fn = findParent(n, ts.isFunctionLike);
          const ok = fn?.parameters.some((p) => p.name.getText(sf) === n.arguments?.[0]?.getText(sf) && /__dirname/.test(p.initializer?.getText(sf) ?? ''));
          if (!ok) problems.push(`${at(n)}: a Worker whose script is not next to the bundle`);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  assert.ok(files > 50);
  assert.deepEqual(problems, []);
});

test('the manifest supports untrusted workspaces and limited virtual workspaces, with reasons, and contributes nothing that runs workspace code', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
  assert.match(pkg.capabilities.untrustedWorkspaces.description, /runs no code from the workspace/);
  assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
  assert.match(pkg.capabilities.virtualWorkspaces.description, /files on disk/);
  for (const key of ['taskDefinitions', 'debuggers', 'terminal', 'jsonValidation']) assert.equal(pkg.contributes[key], undefined, key);
  const settings = Object.keys(pkg.contributes.configuration.properties);
  assert.ok(!settings.some((k) => /path|command|executable|script/i.test(k)), 'no setting names a program to run');
});

function findParent<T extends ts.Node>(n: ts.Node, is: (x: ts.Node) => x is T): T | undefined {
  for (let p = n.parent; p; p = p.parent) if (is(p)) return p;
  return undefined;
}
