// What a user does in the VS Code workbench, as page actions: run a command from the
// palette, open a file, move the cursor, select, read widgets. Every wait is bounded and
// waits on something visible (playwright's locator waits), never on a fixed delay.
import { waitFor } from '../support.mjs';

const QUICK_INPUT = '.quick-input-widget';
const QUICK_ROWS = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;

export class Workbench {
  constructor(page, { timeout = 20000 } = {}) {
    this.page = page;
    this.timeout = timeout;
  }

  /** Open the workbench and wait until the explorer shows the workspace. */
  async open(url) {
    await this.page.goto(url, { timeout: 60000 });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
  }

  /**
   * Open the quick input fresh (closing any left open) and type `prefix` into it. On a busy
   * machine the widget can be re-rendered between opening and typing, so the whole step is
   * retried (bounded) until the input holds exactly what was typed.
   */
  async quickInputOpen(prefix) {
    const widget = this.page.locator(QUICK_INPUT);
    const input = widget.locator('.quick-input-box input');
    const attempt = Math.min(8000, this.timeout);
    await waitFor(async () => {
      if (await widget.isVisible()) {
        await this.page.keyboard.press('Escape');
        await widget.waitFor({ state: 'hidden', timeout: attempt });
      }
      await this.page.keyboard.press('F1');
      await input.waitFor({ timeout: attempt });
      await input.fill(prefix, { timeout: attempt });
      return (await input.inputValue({ timeout: attempt })) === prefix;
    }, `the quick input holding "${prefix}"`, this.timeout * 2, 250);
    return input;
  }

  /**
   * Run a command by its palette label (`Category: Title`), clicking the row with exactly
   * that label. The palette lists what was registered when it opened (an extension's
   * commands appear once its manifest is loaded), so reopen it until the row is there.
   */
  async command(label) {
    const rows = this.page.locator(QUICK_ROWS);
    await waitFor(async () => {
      await this.quickInputOpen(`>${label}`);
      const labels = await waitFor(async () => {
        const l = await this.quickPickLabels();
        return l.length ? l : undefined;
      }, 'palette rows', 3000).catch(() => []);
      const i = labels.findIndex((l) => l.trim() === label);
      if (i < 0) return false;
      await rows.nth(i).click();
      return true;
    }, `the command "${label}" in the palette`, this.timeout, 250);
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: this.timeout }).catch(() => {});
  }

  /** The palette label of a contributed command (`Category: Title`). */
  static label(cmd) {
    return cmd.category ? `${cmd.category}: ${cmd.title}` : cmd.title;
  }

  /**
   * Open a workspace file with Quick Open and wait for its tab. Quick Open sometimes never
   * lists the file for the name typed (three fresh-clone runs of nine, each right after the
   * Find All References scenario), so the name is typed again in a fresh Quick Open
   * (bounded) until the file's row is listed.
   */
  async openFile(name) {
    const row = this.page.locator(QUICK_ROWS).filter({ hasText: name }).first();
    await waitFor(async () => {
      await this.quickInputOpen(name);
      return row.waitFor({ timeout: 5000 }).then(() => true, () => false);
    }, `Quick Open listing ${name}`, this.timeout * 2, 250);
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ timeout: this.timeout });
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: this.timeout });
  }

  /** Move the cursor to a 0-based {line, character} (Go to Line with `:line:column`). */
  async goTo(pos) {
    await this.quickInputOpen(`:${pos.line + 1}:${pos.character + 1}`);
    await this.page.locator(`${QUICK_ROWS}`).first().waitFor({ timeout: this.timeout });
    await this.page.keyboard.press('Enter');
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: this.timeout });
    await this.waitForCursor(pos);
  }

  /** Wait until the status bar shows the cursor at `pos` (and optionally a selection). */
  async waitForCursor(pos, selected) {
    const want = new RegExp(`Ln ${pos.line + 1}, Col ${pos.character + 1}${selected ? ` \\(${selected} selected\\)` : '\\b'}`);
    await this.page.locator('#status\\.editor\\.selection').filter({ hasText: want }).waitFor({ timeout: this.timeout });
  }

  /** Select from `from` to `to` on one line, as a user would with Shift+→. */
  async select(from, to) {
    if (from.line !== to.line) throw new Error('select(): one line only');
    await this.goTo(from);
    const n = to.character - from.character;
    for (let i = 0; i < n; i++) await this.page.keyboard.press('Shift+ArrowRight');
    await this.waitForCursor(to, n);
  }

  /** Collapse or expand the Explorer's folder section (its header is the workspace name). */
  async toggleFoldersPane() {
    await this.page.locator('.explorer-viewlet .pane-header').first().click();
  }

  /** Focus the active editor's text area (after a view took the focus). */
  async focusEditor() {
    await this.command('View: Focus Active Editor Group');
  }

  /** Rows of the visible quick pick: their labels. */
  async quickPickLabels() {
    // One label per row, in DOM order (what rows.nth(i) addresses); descriptions and
    // details also use .label-name, so take each row's first.
    return this.page.locator(QUICK_ROWS).evaluateAll((rows) => rows.map((r) => (r.querySelector('.label-name')?.textContent ?? '').trim()));
  }

  async escape() {
    await this.page.keyboard.press('Escape');
  }

  /**
   * Read every row of a (virtualised) tree: only the visible rows are in the page, so page
   * through it with the keyboard, waiting each time for the focus to move; the end of the
   * tree is where PageDown no longer moves it.
   */
  async readTree(container) {
    const rows = new Map();
    const tree = this.page.locator(`${container} .monaco-list`).first();
    await tree.locator('.monaco-list-row').first().waitFor({ timeout: this.timeout });
    await tree.focus();
    await this.page.keyboard.press('Home');
    const focused = () => tree.locator('.monaco-list-row.focused').first().getAttribute('data-index', { timeout: 1000 }).catch(() => null);
    for (let i = 0; i < 500; i++) {
      for (const r of await tree.locator('.monaco-list-row').all()) {
        const index = Number(await r.getAttribute('data-index'));
        // Depth from the twistie's indent: aria-level is not always refreshed on recycled rows.
        const level = await r.locator('.monaco-tl-twistie').evaluate((e) => parseFloat(getComputedStyle(e).paddingLeft) || 0);
        const text = (await r.innerText()).replace(/\s+/g, ' ').trim();
        rows.set(index, { index, level, text });
      }
      const at = await focused();
      await this.page.keyboard.press('PageDown');
      const moved = await waitFor(async () => (await focused()) !== at, 'the tree to page down', 2000).catch(() => false);
      if (!moved) break;
    }
    return [...rows.values()].sort((a, b) => a.index - b.index);
  }
}
