// `quarterdeck serve` in a real browser: a deck open at a deep link and the
// index in another tab; a narrative of the deck's quarter is saved. The
// deck reloads with the edit on the slide it showed, served before the
// rest of the site; the index reloads too; no script error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bin, launch, openPage, repo, slideIds, tmpdir } from './lib.mjs';

const deck = 'fy20-21-q1';
let browser, server, content, base;
const log = [];

/// The lines the server printed, until one contains `text` (bounded).
async function waitForLine(text) {
  for (let i = 0; i < 600; i++) {
    if (log.some((l) => l.includes(text))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`the server never said "${text}":\n${log.join('\n')}`);
}

before(async () => {
  content = path.join(tmpdir('live'), 'content');
  fs.cpSync(path.join(repo, 'content'), content, { recursive: true });
  server = spawn(bin, ['serve', '--port', '0', '--content', content], { stdio: ['ignore', 'ignore', 'pipe'] });
  let buffered = '';
  server.stderr.on('data', (d) => {
    buffered += d;
    const lines = buffered.split('\n');
    buffered = lines.pop();
    log.push(...lines);
  });
  await waitForLine('serving http://');
  base = log.find((l) => l.includes('serving http://')).match(/http:\/\/[^/ ]+\//)[0];
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

test('the open deck reloads first, on its slide, with the edit; the index reloads too', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const html = await (await fetch(`${base}${deck}/`)).text();
  const ids = slideIds(html);
  assert.ok(ids.length > 4, 'a deck of several slides');
  const shown = ids[3];
  const page = await openPage(context, `${base}${deck}/#${shown}`);
  const index = await openPage(context, base);
  const current = () => page.evaluate(() => document.querySelector('.deck > .slide.current')?.id);
  assert.equal(await current(), shown);
  const versionOf = (p) => p.evaluate(() => document.querySelector('script[data-version]')?.dataset.version);
  const indexVersion = await versionOf(index);

  const file = path.join(content, 'quarters', deck, 'narrative', 'mtp-update.md');
  fs.appendFileSync(file, '\n---\n\n# Saved while open {#saved-while-open}\n\nEdited in the browser test.\n');

  await page.waitForFunction(() => document.getElementById('saved-while-open') !== null, null, { timeout: 60000 });
  await page.waitForFunction((id) => document.querySelector('.deck > .slide.current')?.id === id, shown, { timeout: 10000 });
  assert.equal(await current(), shown, 'the reload keeps the slide the deck showed');
  await waitForLine('the open pages first');
  await index.waitForFunction((v) => document.querySelector('script[data-version]')?.dataset.version !== v,
    indexVersion, { timeout: 60000 });
  const box = await page.locator('.deck > .slide.current .slide-frame').boundingBox();
  assert.ok(box && box.width > 0 && box.width <= 390, `the slide fits the phone: ${JSON.stringify(box)}`);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(index.errors, []);
  await context.close();
});
