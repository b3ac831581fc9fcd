// The deck script speaks the site's language: the example built with
// `language: de` shows no English word of the script's strings
// (`script.*`) in its controls, overview, key help, presenter view or
// what it says to a screen reader, and shows the German ones.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build, fileUrl, launch, repo, tmpdir, watch } from './lib.mjs';

let browser, site;
const deck = 'fy20-21-q1';

/// `script.*` of a strings table, the prefix taken off (one `key: value`
/// a line, as the built-in tables are written).
function words(file) {
  const out = {};
  for (const line of fs.readFileSync(path.join(repo, 'themes/default', file), 'utf8').split('\n')) {
    const m = line.match(/^script\.([\w-]+): (.*)$/);
    if (m) out[m[1]] = m[2].replace(/^"(.*)"$/, '$1');
  }
  return out;
}
const en = words('strings.yaml');
const de = words('strings.de.yaml');

before(async () => {
  const content = path.join(tmpdir('de'), 'content');
  fs.cpSync(path.join(repo, 'content'), content, { recursive: true });
  const yaml = path.join(content, 'site.yaml');
  fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace('language: en', 'language: de'));
  site = build([], undefined, content).out;
  browser = await launch();
});
after(async () => { await browser?.close(); });

/// Every text and label the script put on the page: the toolbar or the
/// presenter bar, an open dialog's own parts (not the overview's slides,
/// the author's words), the no-notes line, the title.
const shown = (page) => page.evaluate(() => {
  const out = [document.title];
  const parts = '.qd-bar, .qd-presenter-bar, .qd-no-notes, dialog[open] > :is(h2, .qd-close, dl, p)';
  for (const e of document.querySelectorAll(parts)) {
    out.push(e.innerText);
    for (const x of [e, ...e.querySelectorAll('[aria-label]')]) out.push(x.getAttribute('aria-label') || '');
  }
  return out.filter(Boolean);
});

/// The English words (those German words differently) found in `texts`.
function english(texts) {
  const found = [];
  for (const [key, word] of Object.entries(en)) {
    if (de[key] === word || !/\p{L}{2}/u.test(word)) continue;
    const esc = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{title\\}', '.*');
    if (texts.some((t) => new RegExp(`(^|[^\\p{L}])${esc}([^\\p{L}]|$)`, 'u').test(t))) found.push(`${key}: ${word}`);
  }
  return found;
}

test('the German deck: controls, overview, key help and announcements are German', async () => {
  assert.equal(en.overview, 'Overview');
  assert.equal(de.overview, 'Übersicht');
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = watch(await context.newPage());
  await page.goto(fileUrl(path.join(site, deck, 'index.html')));
  await page.evaluate(() => {
    window.said = [];
    new MutationObserver(() => window.said.push(document.getElementById('deck-status').textContent))
      .observe(document.getElementById('deck-status'), { childList: true, characterData: true, subtree: true });
  });
  const texts = await shown(page);
  await page.keyboard.press('o');
  texts.push(...await shown(page));
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  const help = await shown(page);
  texts.push(...help);
  await page.keyboard.press('Escape');
  await page.keyboard.press('r');
  await page.keyboard.press('r');
  // The presenter window: opened, and its own bar.
  const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
  watch(presenter);
  await presenter.waitForLoadState('load');
  texts.push(...await shown(presenter));
  texts.push(...(await page.evaluate(() => window.said)).filter(Boolean));
  const all = texts.join('\n');
  for (const word of [de.overview, de['slide-view'], de['reading-view'], de['print-handout'], de.keys,
    de['all-slides'], de.shortcuts, de['key-space'], de['help-next'], de['help-print'], de['presenter-opened'],
    de['presenter-view'], de.restart]) {
    assert.ok(all.includes(word), `${word} shown:\n${all}`);
  }
  assert.deepEqual(english(texts), [], `English words on the German deck:\n${all}`);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(presenter.errors, []);
  await context.close();
});

test('the English deck still says the English words', async () => {
  const out = build().out;
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = watch(await context.newPage());
  await page.goto(fileUrl(path.join(out, deck, 'index.html')));
  await page.keyboard.press('?');
  const all = (await shown(page)).join('\n');
  for (const word of [en.overview, en.keys, en.shortcuts, en['help-next'], en['key-page-down']]) {
    assert.ok(all.includes(word), `${word} shown:\n${all}`);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});
