// The scenarios of the real-editor suite: each does what a user does in the workbench and
// asserts what the user sees (or what lands on disk). Expected values come from the gold
// annotations of the sample corpus (samples/corpus/*.gold.json), never from the code
// under test. Each returns normally or throws with what it saw.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gold, pickEntity, root, pickOfficial, showsText, positionAt, titleBefore, waitFor } from '../support.mjs';
import { Workbench } from './workbench.mjs';

const MAIN = '000_408d4598c6f022f3'; // the article with an official also named in our fixture
const QUICK_FIX = '002_5b2966215289f573';
const LABEL = '001_99c9e94d1443ea4f';
const FIXTURE = 'tong-bi-thu-tiep-cu-tri.txt';

/** The official of MAIN: a person with a title beside them who is also in the fixture. */
function official(ws) {
  const g = gold(MAIN);
  const other = readFileSync(path.join(ws, FIXTURE), 'utf8');
  const person = pickOfficial(g, [other]);
  return { g, person, title: titleBefore(g, person) };
}

/**
 * A contributed command whose title matches, from the manifest that ships, with `%key%`
 * titles resolved through package.nls.json (the workbench runs in English).
 */
function contributed(pkg, re) {
  const nlsFile = path.join(root, 'package.nls.json');
  const nls = existsSync(nlsFile) ? JSON.parse(readFileSync(nlsFile, 'utf8')) : {};
  const resolve = (t) => (typeof t === 'string' ? t.replace(/^%(.+)%$/, (m, k) => (typeof nls[k] === 'string' ? nls[k] : nls[k]?.message ?? m)) : t);
  const cmds = (pkg.contributes?.commands ?? []).map((c) => ({ ...c, title: resolve(c.title), category: resolve(c.category) }));
  const cmd = cmds.find((c) => re.test(c.title));
  if (!cmd) throw new Error(`the extension contributes no command matching ${re} yet`);
  return cmd;
}

/**
 * Colours of the rendered line that contains `needle`: the spans overlapping it, and the
 * editor's plain-text colour (Monaco's default token class, mtk1).
 */
async function spanColours(page, needle) {
  return page.evaluate((needle) => {
    const lines = [...document.querySelectorAll('.editor-instance .monaco-editor .view-line')];
    const line = lines.find((l) => l.textContent.replace(/\u00a0/g, ' ').includes(needle));
    const plainSpan = document.querySelector('.editor-instance .monaco-editor .view-line span.mtk1');
    if (!line || !plainSpan) return undefined;
    const at = line.textContent.replace(/\u00a0/g, ' ').indexOf(needle);
    const inside = [];
    let pos = 0;
    for (const span of line.querySelectorAll(':scope > span > span')) {
      const len = span.textContent.length;
      if (pos < at + needle.length && pos + len > at) inside.push({ text: span.textContent, colour: getComputedStyle(span).color, cls: span.className });
      pos += len;
    }
    return { plain: getComputedStyle(plainSpan).color, inside };
  }, needle);
}

export const scenarios = [
  {
    name: 'activation',
    title: 'opening an article activates the extension (language mode, running server)',
    async run({ wb, page }) {
      await wb.openFile(`${MAIN}.txt`);
      // The client sets our language on corpus articles: only an active extension can.
      await page.locator('#status\\.editor\\.mode').filter({ hasText: 'Vietnamese news article' }).waitFor({ timeout: 30000 });
      // The language server answered: its output channel exists and the extension is running.
      await wb.command('Developer: Show Running Extensions');
      const row = page.locator('.runtime-extensions-editor .monaco-list-row').filter({ hasText: 'Vietnamese News Corpus Annotator' });
      await row.waitFor({ timeout: 30000 });
      const text = await row.innerText();
      assert.match(text, /activation|\d+\s*ms/i, `running-extensions row: ${text}`);
    },
  },
  {
    name: 'colours',
    title: 'entities are coloured by semantic tokens',
    async run({ wb, page, ws }) {
      const { person } = official(ws);
      await wb.openFile(`${MAIN}.txt`);
      await wb.goTo(person.hoverPos);
      await wb.command('Developer: Inspect Editor Tokens and Scopes');
      const widget = page.locator('.token-inspect-widget');
      await widget.waitFor({ timeout: 20000 });
      const info = await waitFor(async () => {
        const t = await widget.innerText();
        return /semantic token type/i.test(t) ? t : undefined;
      }, 'a semantic token under the cursor (Inspect Editor Tokens)', 20000);
      assert.match(info, /semantic token type\s*\S+/i);
      await wb.escape();
      const spans = await spanColours(page, person.text);
      assert.ok(spans, `line with ${person.text} not rendered`);
      const plainParts = spans.inside.filter((s) => s.text.trim() && s.colour === spans.plain);
      assert.ok(spans.inside.length > 0 && plainParts.length === 0, `"${person.text}" is (partly) in the plain-text colour ${spans.plain}: ${JSON.stringify(spans.inside)}`);
    },
  },
  {
    name: 'hover',
    title: 'hovering a person shows the canonical name and titles',
    async run({ wb, page, ws }) {
      const { person, title } = official(ws);
      await wb.openFile(`${MAIN}.txt`);
      await wb.goTo(person.hoverPos);
      await wb.command('Show or Focus Hover');
      const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
      const text = await waitFor(async () => {
        const t = (await hover.innerText().catch(() => '')).trim();
        return t || undefined;
      }, 'the hover', 20000);
      assert.ok(showsText(text, person.value ?? person.text), `hover: ${text}`);
      assert.ok(showsText(text, title.text), `title "${title.text}" not in hover: ${text}`);
    },
    after: async ({ wb }) => wb.escape(),
  },
  {
    name: 'outline',
    title: 'the Outline shows the entity groups',
    async run({ wb, ws }) {
      const { person } = official(ws);
      await wb.openFile(`${MAIN}.txt`);
      await wb.command('Explorer: Focus on Outline View');
      await wb.toggleFoldersPane(); // give the Outline the height of the side bar
      const rows = await wb.readTree('.outline-pane');
      const group = rows.find((r) => /entit|thực thể/i.test(r.text));
      assert.ok(group, `no Entities group in the Outline: ${JSON.stringify(rows.map((r) => r.text))}`);
      // The group's subtree: the rows after it, up to the next row as shallow as the group.
      const after = rows.filter((r) => r.index > group.index);
      const end = after.findIndex((r) => r.level <= group.level);
      const under = end < 0 ? after : after.slice(0, end);
      const labels = under.filter((r) => r.level === Math.min(...under.map((u) => u.level)));
      assert.ok(labels.length >= 2, `the Entities group has ${labels.length} label groups: ${JSON.stringify(rows.map((r) => `${r.index}:${r.level}:${r.text}`))}`);
      assert.ok(
        under.some((r) => showsText(r.text, person.value ?? person.text)),
        `"${person.text}" not under the Entities group: ${JSON.stringify(under.map((r) => r.text))}`,
      );
      // Back to the top of the tree for the screenshot, the groups in view.
      await wb.page.keyboard.press('Home');
      await wb.page.locator('.outline-pane .monaco-list-row').filter({ hasText: group.text }).first().waitFor({ timeout: 5000 });
    },
    after: async ({ wb }) => wb.toggleFoldersPane(),
  },
  {
    name: 'problems',
    title: 'the Problems panel lists the boilerplate warnings',
    async run({ wb, page }) {
      const g = gold(MAIN);
      await wb.openFile(`${MAIN}.txt`);
      await wb.command('View: Focus Problems (Errors, Warnings, Infos)');
      const categories = [...new Set(g.boilerplate.map((b) => b.category))];
      const rows = await waitFor(async () => {
        const texts = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
        return categories.every((c) => texts.some((t) => t.includes(`(${c})`))) ? texts : undefined;
      }, `warnings with codes ${categories.join(', ')} in the Problems panel`, 20000);
      assert.ok(rows.some((t) => t.includes(MAIN)), 'the article is listed');
    },
  },
  {
    name: 'references',
    title: 'Find All References on an official lists mentions from two files',
    async run({ wb, page, ws }) {
      const { person } = official(ws);
      await wb.openFile(`${MAIN}.txt`);
      await wb.goTo(person.hoverPos);
      await wb.command('References: Find All References');
      // The References view opens in the side bar: its visible rows name both files.
      const sidebar = page.locator('.part.sidebar');
      await sidebar.locator('.composite.title').filter({ hasText: /references/i }).waitFor({ timeout: 20000 });
      await waitFor(async () => {
        const t = await sidebar.locator('.monaco-list-row:visible').allInnerTexts();
        return t.some((x) => x.includes(FIXTURE)) && t.some((x) => x.includes(MAIN));
      }, `references in ${MAIN}.txt and ${FIXTURE}`, 30000);
    },
  },
  {
    name: 'quickfix',
    title: 'applying the boilerplate quick fix removes the line',
    async run({ wb, page, ws }) {
      const g = gold(QUICK_FIX);
      const file = path.join(ws, `${QUICK_FIX}.txt`);
      const before = readFileSync(file, 'utf8');
      const lines = before.split('\n');
      // A one-line boilerplate block whose text is unique in the file.
      const block = g.boilerplate.find((b) => !b.text.includes('\n') && lines.filter((l) => l.trim() === b.text.trim()).length === 1);
      assert.ok(block, 'the gold has a unique one-line boilerplate block');
      const at = positionAt(g.text, block.start);
      await wb.openFile(`${QUICK_FIX}.txt`);
      await wb.goTo(at);
      await wb.command('Quick Fix...');
      const actions = page.locator('.action-widget .monaco-list-row');
      await actions.first().waitFor({ timeout: 20000 });
      const texts = await actions.allInnerTexts();
      const i = texts.findIndex((t) => /remove|xo[áa]/i.test(t) && /(line|block|dòng|khối)/i.test(t) && !/all|tất cả/i.test(t));
      assert.ok(i >= 0, `no "remove this line/block" fix among ${JSON.stringify(texts)}`);
      await actions.nth(i).click();
      await wb.command('File: Save');
      const expected = lines.filter((_, n) => n !== at.line).join('\n');
      await waitFor(() => readFileSync(file, 'utf8') === expected, 'the saved article without that line (and nothing else changed)', 20000);
    },
  },
  {
    name: 'label',
    title: 'labelling a selection writes the .ann',
    async run({ wb, page, ws, pkg }) {
      const cmd = contributed(pkg, /label.*selection|selection.*label|gán nhãn/i);
      const g = gold(LABEL);
      const e = pickEntity(g, (x) => !x.nested && x.label === 'LOC' && positionAt(g.text, x.start).line === positionAt(g.text, x.end).line);
      await wb.openFile(`${LABEL}.txt`);
      await wb.select(e.pos, e.endPos);
      await wb.command(Workbench.label(cmd));
      const row = page
        .locator('.quick-input-widget .quick-input-list .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${e.label}\\b`) }) })
        .first();
      await row.waitFor({ timeout: 20000 });
      await row.click();
      const ann = path.join(ws, `${LABEL}.ann`);
      const want = new RegExp(`^T\\d+\\t${e.label} ${e.start} ${e.end}\\t${e.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm');
      await waitFor(() => existsSync(ann) && want.test(readFileSync(ann, 'utf8')), `${LABEL}.ann with "T…\t${e.label} ${e.start} ${e.end}\t${e.text}"`, 20000);
    },
  },
  {
    name: 'rename',
    title: 'renaming a labelled article in the Explorer takes its .ann along',
    async run({ wb, page, ws }) {
      const g = gold(LABEL);
      const ann = path.join(ws, `${LABEL}.ann`);
      // The labelling scenario left a .ann; make one if this runs alone.
      if (!existsSync(ann)) writeFileSync(ann, `T1\t${g.entities[0].label} ${g.entities[0].start} ${g.entities[0].end}\t${g.entities[0].text}\n`);
      const labels = readFileSync(ann, 'utf8');
      const moved = `${LABEL}-moved`;
      await wb.openFile(`${LABEL}.txt`);
      await wb.command('File: Reveal Active File in Explorer View');
      const row = page.locator('.explorer-folders-view .monaco-list-row.focused', { hasText: `${LABEL}.txt` });
      await row.waitFor({ timeout: 20000 });
      await page.keyboard.press('F2');
      const input = page.locator('.explorer-folders-view .monaco-inputbox input');
      await input.waitFor({ timeout: 20000 });
      await input.fill(`${moved}.txt`);
      await page.keyboard.press('Enter');
      // VS Code asks before an extension's changes join a file move: accept, as a user would.
      const dialog = page.locator('.monaco-dialog-box').filter({ hasText: /refactoring changes/i });
      await dialog.waitFor({ timeout: 20000 });
      await dialog.getByRole('button', { name: 'OK' }).click();
      const next = path.join(ws, `${moved}.ann`);
      await waitFor(() => existsSync(path.join(ws, `${moved}.txt`)) && existsSync(next) && !existsSync(ann), `${moved}.ann beside the renamed article, and no ${LABEL}.ann left`, 20000);
      assert.equal(readFileSync(next, 'utf8'), labels, 'the labels moved unchanged');
    },
  },
  {
    name: 'export',
    title: '"Export labeled dataset…" writes the chosen format (CoNLL)',
    async run({ wb, page, ws, pkg }) {
      const cmd = contributed(pkg, /export.*(labell?ed|dataset)/i);
      const outDir = path.join(ws, 'export-conll');
      mkdirSync(outDir);
      const before = new Set(allFiles(ws));
      const created = () => allFiles(ws).filter((f) => !before.has(f));
      await wb.command(Workbench.label(cmd));
      // Done when a finished data file is there: the atomic write's temporary file (`.data.conll.<pid>.<rand>.tmp`)
      // shows up first, and an earlier "any new file" check read the folder in that window.
      const finished = () => created().filter((f) => /\.(conll|txt|iob2?|bio)$/i.test(f));
      await driveExportFlow(wb, page, outDir, () => finished().length > 0);
      const files = created();
      const conll = files.find((f) => /\.(conll|txt|iob2?|bio)$/i.test(f) && isConll(readFileSync(f, 'utf8')));
      assert.ok(conll, `no CoNLL file among the new files: ${JSON.stringify(files.map((f) => path.relative(ws, f)))}`);
      // The user is told where it went: a notification naming the output folder.
      const toast = page.locator('.notification-toast').filter({ hasText: path.basename(outDir) });
      await toast.first().waitFor({ timeout: 20000 });
    },
  },
];

/**
 * Walk the export quick-pick flow as a user would: choose CoNLL when formats are offered,
 * give `outDir` when a folder is asked for, accept the default elsewhere; stop as soon as
 * `done()` (files written). Bounded in steps and time.
 */
async function driveExportFlow(wb, page, outDir, done) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  let format = false;
  const until = Date.now() + 60000;
  for (let step = 0; step < 12 && Date.now() < until; step++) {
    const state = await waitFor(async () => {
      if (done()) return 'done';
      if (await page.locator('.monaco-dialog-box').isVisible()) return 'dialog';
      if (await input.isVisible()) return 'input';
      return undefined;
    }, 'the next step of the export flow (a quick pick, a dialog or written files)', 30000);
    if (state === 'done') break;
    if (state === 'dialog') {
      await page.locator('.monaco-dialog-box .monaco-button').first().click();
      continue;
    }
    const labels = await wb.quickPickLabels();
    const title = await page.locator('.quick-input-widget .quick-input-title').innerText().catch(() => '');
    const prompt = `${title} ${await input.getAttribute('placeholder')} ${await input.inputValue()}`;
    const before = `${prompt}|${labels.join('|')}`;
    const conll = labels.findIndex((l) => /conll/i.test(l));
    console.log(`  export step ${step + 1}: ${prompt.trim() || '(untitled)'}${labels.length ? ` [${labels.slice(0, 8).join(' | ')}]` : ''}`);
    if (!format && conll >= 0) {
      format = true;
      await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').nth(conll).click();
    } else if (/folder|directory|thư mục|output/i.test(prompt) || (await input.inputValue()).startsWith('/')) {
      // An input box or the workbench's simple file dialog (a path in the input): give
      // our folder once, then accept it.
      const value = (await input.inputValue()).replace(/\/$/, '');
      if (value !== outDir) await input.fill(`${outDir}/`);
      await page.keyboard.press('Enter');
    } else {
      await page.keyboard.press('Enter');
    }
    // The step is taken when the quick input closes or shows something else.
    await waitFor(async () => {
      if (done() || !(await input.isVisible())) return true;
      const t = await page.locator('.quick-input-widget .quick-input-title').innerText().catch(() => '');
      const now = `${t} ${await input.getAttribute('placeholder')} ${await input.inputValue()}|${(await wb.quickPickLabels()).join('|')}`;
      return now !== before;
    }, 'the export flow to take the step', 10000);
  }
  await waitFor(done, 'the export to write files', 60000);
}

/** Every file under `dir`. */
function allFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((p) => statSync(p).isFile());
}

/** Token-per-line with an IOB2/BIOES tag in the last column and at least one entity. */
function isConll(text) {
  const lines = text.split('\n').filter((l) => l.trim() && !l.startsWith('-DOCSTART-') && !l.startsWith('#'));
  if (lines.length < 5) return false;
  const tagged = lines.every((l) => /^\S+( \S+)* (O|[BIES]-[A-Z]+)$/.test(l));
  return tagged && lines.some((l) => / [BS]-PER$/.test(l));
}
