/**
 * Data-driven check of boilerplate and metadata on whole page captures
 * (test/fixtures/pages): synthetic scrapes in the styles of national dailies, the state
 * broadcasters, the news agency, the government's paper, provincial portals and party
 * papers, each hand-marked line by line (category or article text) with its metadata items.
 * Every page must come out exactly as marked; the set's line F1 is also checked, so a
 * change that trades one page for another shows up in both.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { add, loadPageFixtures, prf, scorePage, type Counts } from './helpers/pageFixtures';

const pages = loadPageFixtures();

test('the fixture set has pages in at least ten site styles', () => {
  assert.ok(pages.length >= 10, `${pages.length} pages`);
});

for (const page of pages) {
  test(`page ${page.name}: line categories and metadata items as marked`, () => {
    const s = scorePage(page);
    assert.deepEqual(s.diffs, [], page.site);
  });
}

test('line-level F1 over the set (boilerplate vs article) is at least 0.95, metadata items at least 0.9', () => {
  const lines: Counts = { tp: 0, fp: 0, fn: 0 };
  const meta: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const page of pages) {
    const s = scorePage(page);
    add(lines, s.lines);
    add(meta, s.metadata);
  }
  assert.ok(prf(lines).f >= 0.95, `line F1 ${prf(lines).f.toFixed(3)}`);
  assert.ok(prf(meta).f >= 0.9, `metadata F1 ${prf(meta).f.toFixed(3)}`);
});
