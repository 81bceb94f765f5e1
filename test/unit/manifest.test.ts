/**
 * package.json must agree with the server's tables (conventions.md §7, §12): one setting
 * per diagnostic rule id with the rule's default severity, the label setting's enum, and
 * one semantic token type (with super type and scopes) per label.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/features/rules';
import { LABEL_TABLE, TOKEN_MODIFIERS, TOKEN_TYPES } from '../../server/src/features/labels';
import { BOILERPLATE_CATEGORIES, ENTITY_LABELS } from '../../server/src/core/types';
import { DEFAULT_SETTINGS, SEVERITY_SETTINGS, SETTINGS_SECTION } from '../../server/src/protocol';

const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
const props = pkg.contributes.configuration.properties as Record<string, { default: unknown; enum?: unknown[]; items?: { enum: unknown[] } }>;

test('every boilerplate category has a rule, and rule ids are unique', () => {
  for (const c of BOILERPLATE_CATEGORIES) assert.ok(RULES.some((r) => r.id === c && r.kind === 'boilerplate'), c);
  assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
});

test('one severity setting per rule id, with the rule default and every severity', () => {
  const declared = Object.keys(props).filter((k) => k.startsWith(`${SETTINGS_SECTION}.diagnostics.`)).sort();
  assert.deepEqual(declared, RULES.map((r) => `${SETTINGS_SECTION}.diagnostics.${r.id}`).sort());
  for (const r of RULES) {
    const p = props[`${SETTINGS_SECTION}.diagnostics.${r.id}`];
    assert.equal(p.default, r.defaultSeverity, r.id);
    assert.deepEqual(p.enum, [...SEVERITY_SETTINGS], r.id);
  }
});

test('label, inlay hint and files settings match the server defaults', () => {
  assert.deepEqual(props[`${SETTINGS_SECTION}.labels`].default, DEFAULT_SETTINGS.labels);
  assert.deepEqual(props[`${SETTINGS_SECTION}.labels`].items!.enum, [...ENTITY_LABELS]);
  assert.equal(props[`${SETTINGS_SECTION}.inlayHints.enabled`].default, DEFAULT_SETTINGS.inlayHints.enabled);
  assert.deepEqual(props[`${SETTINGS_SECTION}.files`].default, DEFAULT_SETTINGS.files);
});

test('semantic token types, super types and scopes match the label table', () => {
  const types = pkg.contributes.semanticTokenTypes as Array<{ id: string; superType: string }>;
  assert.deepEqual(types.map((t) => [t.id, t.superType]), LABEL_TABLE.map((r) => [r.tokenType, r.superType]));
  for (const t of TOKEN_TYPES) assert.ok(types.some((x) => x.id === t) || t === 'comment', `${t} declared (or standard)`);
  const scopes = pkg.contributes.semanticTokenScopes[0];
  assert.equal(scopes.language, 'vn-article');
  for (const r of LABEL_TABLE) assert.deepEqual(scopes.scopes[r.tokenType], r.scopes, r.label);
  assert.deepEqual((pkg.contributes.semanticTokenModifiers as Array<{ id: string }>).map((m) => m.id), [...TOKEN_MODIFIERS]);
});
