// `build --single-file`: a deck file works alone, opened from disk with
// every other file deleted; `build --no-notes` leaves the notes out.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build, decks, fileUrl, launch, slideIds, tmpdir, watch } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a single-file deck works with every other file deleted', async () => {
  const { out } = build(['--single-file']);
  assert.deepEqual(fs.readdirSync(out).filter((f) => !f.startsWith('.')).sort(), [...decks.map((d) => `${d}.html`), 'index.html'].sort());
  for (const d of decks) {
    const alone = tmpdir('alone');
    fs.copyFileSync(path.join(out, `${d}.html`), path.join(alone, `${d}.html`));
    const html = fs.readFileSync(path.join(alone, `${d}.html`), 'utf8');
    assert.doesNotMatch(html, /<link rel="stylesheet" href="(?!data:)|<script src=/, 'styles and script inline');
    const ids = slideIds(html);
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = watch(await context.newPage());
    const url = fileUrl(path.join(alone, `${d}.html`));
    await page.goto(url);
    const state = await page.evaluate(() => ({
      slides: document.body.classList.contains('qd-slides'),
      styled: getComputedStyle(document.querySelector('.slide-frame')).aspectRatio,
      images: [...document.images].map((i) => [i.complete && i.naturalWidth > 0, i.getAttribute('src').slice(0, 30)]),
    }));
    assert.ok(state.slides, 'the script runs');
    assert.equal(state.styled, '16 / 9', 'the styles apply');
    for (const [ok, src] of state.images) assert.ok(ok, `image ${src} shows`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => location.hash), '#' + ids[2]);
    const foreign = page.requests.filter((u) => u.split('#')[0] !== url && !u.startsWith('data:'));
    assert.deepEqual(foreign, [], 'no request for another file');
    assert.deepEqual(page.errors, []);
    await context.close();
  }
  // The example deck with an image has it inlined.
  assert.match(fs.readFileSync(path.join(out, 'fy20-21-q1.html'), 'utf8'), /<img src="data:image\/svg\+xml;base64,/);
});

test('--no-notes leaves speaker notes out and keeps the minutes', () => {
  const { out } = build(['--no-notes']);
  const withNotes = build().out;
  let notes = 0, minutes = 0;
  for (const d of decks) {
    const html = fs.readFileSync(path.join(out, d, 'index.html'), 'utf8');
    assert.doesNotMatch(html, /class="notes"/, d);
    minutes += (html.match(/class="minutes"/g) || []).length;
    notes += (fs.readFileSync(path.join(withNotes, d, 'index.html'), 'utf8').match(/class="notes"/g) || []).length;
  }
  assert.ok(notes > 0, 'the example content has notes to leave out');
  assert.ok(minutes > 0, 'minutes stay');
  const note = fs.readFileSync(path.join(withNotes, 'fy20-21-q1', 'index.html'), 'utf8').match(/<aside class="notes"[^>]*><h3>Speaker notes<\/h3>\s*<p>([^<]{20,60})/)[1];
  for (const d of decks) assert.ok(!fs.readFileSync(path.join(out, d, 'index.html'), 'utf8').includes(note), 'the text of the notes is gone');
});
