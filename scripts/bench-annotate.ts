/**
 * Micro-benchmark of labelling actions on a long article (issue: any labelling action on a
 * 100 KB article with 2,000 annotations must update the editor in under 100 ms).
 *
 *   node --import tsx scripts/bench-annotate.ts
 *
 * 1. In process: each core step of one action (change set, apply, brat write, effective
 *    merge), and the heavy ones (accept all, label-all preview, re-anchoring).
 * 2. Over LSP: the bundled server (run `node scripts/build.mjs` first) on a temp copy; time
 *    from `workspace/executeCommand` to the refreshed diagnostics of the article arriving,
 *    i.e. the .ann written and the editor's view rebuilt.
 * Prints the median and worst of several runs of each.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAnn, serializeAnn, type AnnEntity } from '../server/src/core/bratStandoff';
import { emptySidecar } from '../server/src/core/annotationSidecar';
import { acceptAll, applyChanges, effectiveOf, identicalMentions, labelSpan, type ArticleState } from '../server/src/core/annotationOps';
import { reanchorSpans } from '../server/src/core/reanchor';
import type { Entity } from '../server/src/core/types';
import { ANNOTATION_COMMANDS } from '../server/src/protocol';
import { fileUri, startServer } from '../test/protocol/lspClient';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi'];
const MIDDLE = ['Văn', 'Thị', 'Xuân', 'Minh', 'Quang', 'Đức'];
const GIVEN = ['Hùng', 'Lan', 'Ký', 'Dương', 'Ngân', 'Thắng', 'Hà', 'Sơn'];
const PLACES = ['Quảng Ninh', 'Bắc Ninh', 'Yên Bái', 'Hà Nam', 'Nghệ An'];

/** A ~100 KB article of realistic sentences and the code-point spans of its names and places. */
function makeArticle(): { text: string; spans: Array<{ label: string; start: number; end: number; text: string }> } {
  let text = '';
  const spans: Array<{ label: string; start: number; end: number; text: string }> = [];
  let i = 0;
  let cpLength = 0;
  while (Buffer.byteLength(text) < 100 * 1024) {
    const name = `${FAMILY[i % 8]} ${MIDDLE[(i >> 3) % 6]} ${GIVEN[(i * 7) % 8]}`;
    const place = PLACES[i % 5];
    const head = `Ngày ${1 + (i % 28)}/${1 + (i % 12)}, đồng chí `;
    const mid = `, Bí thư Tỉnh ủy ${place}, `;
    const tail = 'đã chủ trì hội nghị quán triệt nghị quyết, nhấn mạnh yêu cầu đổi mới phương thức lãnh đạo.\n';
    const at = cpLength;
    const date = head.slice(0, head.indexOf(','));
    spans.push({ label: 'DATE', start: at, end: at + [...date].length, text: date });
    spans.push({ label: 'PER', start: at + head.length, end: at + head.length + [...name].length, text: name });
    const title = `Bí thư Tỉnh ủy ${place}`;
    const t = at + head.length + [...name].length + 2;
    spans.push({ label: 'TITLE', start: t, end: t + [...title].length, text: title });
    const p = t + 'Bí thư Tỉnh ủy '.length;
    spans.push({ label: 'LOC', start: p, end: p + [...place].length, text: place });
    const sentence = head + name + mid + tail;
    text += sentence;
    cpLength += [...sentence].length;
    i++;
  }
  return { text, spans };
}

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(2)} ms, worst ${s[s.length - 1].toFixed(2)} ms (${s.length} runs)`;
}

function time(runs: number, fn: () => void): number[] {
  const out: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

async function main(): Promise<void> {
  const { text, spans } = makeArticle();
  // The typical state of a long article: 2,000 spans confirmed, the detector's output on top.
  const human = spans.slice(0, 2000);
  const ann = serializeAnn({
    entities: human.map((s, i): AnnEntity => ({ id: `T${i + 1}`, label: s.label, start: s.start, end: s.end, fragments: [[s.start, s.end]], text: s.text })),
    otherLines: [],
  });
  const detected: Entity[] = spans.map((s) => ({ label: s.label as Entity['label'], start: s.start, end: s.end, text: s.text, nested: false }));
  const kb = (Buffer.byteLength(text) / 1024).toFixed(0);
  console.log(`Article: ${kb} KB (${text.length} UTF-16 units), ${human.length} annotations in the .ann, ${detected.length} detections.\n`);

  const fresh = (): ArticleState => ({ text, detected, ann: parseAnn(ann, { text }), sidecar: emptySidecar() });
  const stamp = { by: 'bench', at: new Date().toISOString() };
  const target = detected[detected.length - 3];

  console.log('In process (core):');
  console.log(`  parse .ann + validate against text   ${stats(time(15, () => parseAnn(ann, { text })))}`);
  const st = fresh();
  console.log(`  one labelling action (change set + apply + brat write + effective merge)  ${stats(
    time(25, () => {
      const changes = labelSpan(st, target, st.ann.entities.some((e) => e.start === target.start) ? 'ORG' : 'LOC');
      applyChanges(st.ann, st.sidecar, changes, stamp);
      serializeAnn(st.ann);
      effectiveOf(st);
    }),
  )}`);
  console.log(`  accept all ${detected.length} detections       ${stats(
    time(5, () => {
      const s = fresh();
      applyChanges(s.ann, s.sidecar, acceptAll(s), stamp);
      serializeAnn(s.ann);
    }),
  )}`);
  console.log(`  label-all preview ("${target.text}")  ${stats(time(10, () => identicalMentions(st, target, target.label)))}`);
  const moved = 'Tin mới cập nhật.\n' + text;
  console.log(`  re-anchor ${human.length} spans after an external edit  ${stats(time(10, () => reanchorSpans(human, moved)))}`);

  const server = path.resolve(__dirname, '../dist/server.js');
  if (!fs.existsSync(server)) {
    console.log('\nOver LSP: skipped (run `node scripts/build.mjs` first).');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-bench-'));
  const file = path.join(dir, 'long.txt');
  fs.writeFileSync(file, text);
  fs.writeFileSync(path.join(dir, 'long.ann'), ann);
  const lsp = await startServer({ rootPath: dir });
  const uri = fileUri(file);
  try {
    await lsp.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'vn-article', version: 1, text } });
    await lsp.waitFor(() => lsp.diagnostics.get(uri), 'diagnostics', 60_000);
    const samples: number[] = [];
    for (let k = 0; k < 20; k++) {
      const s = spans[(k * 97) % spans.length];
      lsp.diagnostics.delete(uri);
      const t0 = performance.now();
      await lsp.conn.sendRequest('workspace/executeCommand', { command: ANNOTATION_COMMANDS.label, arguments: [{ uri, start: s.start, end: s.end, label: k % 2 ? 'ORG' : 'LOC' }] });
      await lsp.waitFor(() => lsp.diagnostics.get(uri), 'diagnostics after the action');
      samples.push(performance.now() - t0);
    }
    console.log(`\nOver LSP (executeCommand → .ann written → refreshed diagnostics received):\n  label / relabel   ${stats(samples)}`);
    const t0 = performance.now();
    await lsp.conn.sendRequest('workspace/executeCommand', { command: ANNOTATION_COMMANDS.acceptAll, arguments: [{ uri }] });
    console.log(`  accept all (${detected.length} candidates; the detector's own output on this text)  ${(performance.now() - t0).toFixed(1)} ms`);
  } finally {
    await lsp.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
