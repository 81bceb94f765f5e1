// Keeps the analysis core pure (conventions.md §1): no editor, protocol or file-system
// imports under server/src/core. `npm run lint` fails the build when one appears.
import tseslint from 'typescript-eslint';

const forbidden = {
  paths: [
    { name: 'vscode', message: 'The core is editor-agnostic.' },
    { name: 'fs', message: 'The core does no I/O; inject data instead.' },
    { name: 'node:fs', message: 'The core does no I/O; inject data instead.' },
    { name: 'fs/promises', message: 'The core does no I/O.' },
    { name: 'node:fs/promises', message: 'The core does no I/O.' },
  ],
  patterns: [
    { group: ['vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'The core does not speak LSP; server/src adapts it.' },
    { group: ['**/client/**', '**/cli', '**/server', '**/features/**'], message: 'The core imports only core modules.' },
    { group: ['child_process', 'node:child_process', 'net', 'node:net', 'http', 'https'], message: 'The core does no I/O.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', '.vscode-test/**', 'test-results/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {},
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', forbidden] },
  },
);
