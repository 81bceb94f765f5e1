// Turns the editor suite's screenshots into the small PNGs the README shows (images/editor-*.png):
// crops to the part that matters and scales down, using the same Chromium (no image tools).
//
//   npm run test:editor && node test/editor/codeServer/readmeImages.mjs
//
// The .vsix does not ship them: .vscodeignore is an allow-list.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ensureTools, root } from '../support.mjs';
import { startBrowser } from './launch.mjs';

/** Which screenshot, which region of it (CSS pixels of the 1400×900 shot), how wide in the README. */
const IMAGES = [
  { from: '03-hover.png', to: 'editor-hover.png', crop: { x: 350, y: 30, w: 1050, h: 460 }, width: 840 },
  { from: '04-outline.png', to: 'editor-outline.png', crop: { x: 0, y: 30, w: 1000, h: 560 }, width: 800 },
  { from: '06-references.png', to: 'editor-references.png', crop: { x: 0, y: 30, w: 1400, h: 840 }, width: 1000 },
];

const tools = ensureTools('editor');
if (tools.skip) throw new Error(tools.skip);
const browser = await startBrowser(tools);
try {
  const page = await (await browser.browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  for (const img of IMAGES) {
    const data = readFileSync(path.join(root, 'test-results/editor', img.from)).toString('base64');
    const k = img.width / img.crop.w;
    await page.setContent(
      `<body style="margin:0"><div id="c" style="width:${img.width}px;height:${Math.round(img.crop.h * k)}px;overflow:hidden;position:relative">` +
        `<img src="data:image/png;base64,${data}" style="position:absolute;left:${-img.crop.x * k}px;top:${-img.crop.y * k}px;width:${1400 * k}px"></div></body>`,
    );
    await page.locator('#c img').evaluate((el) => el.decode());
    await page.locator('#c').screenshot({ path: path.join(root, 'images', img.to) });
    console.log(`images/${img.to}`);
  }
} finally {
  await browser.close();
}
