// Search, in headless Chromium: on the example site and on a generated
// corpus, a word that occurs in one slide of one quarter only (found here
// by reading every deck's slides in the browser, not from the index: the
// text of each slide, its notes and minutes, element by element)
// returns that slide first, with its quarter; from file:// and over HTTP
// under a sub-path; the search box of a deck leads to the results.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createRequire } from 'node:module';
import { bin, build, fileUrl, launch, serve, tmpdir, watch } from './lib.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const genCorpus = path.join(path.dirname(bin), 'quarterdeck-gen-corpus');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// The deck folders of a built site.
function deckDirs(site) {
  return fs.readdirSync(site).filter((d) => fs.existsSync(path.join(site, d, 'index.html')) && fs.existsSync(path.join(site, d, 'objectives')) || fs.existsSync(path.join(site, d, 'since-last-quarter.html')));
}

/// Words that occur in exactly one slide of the whole site, each with
/// that slide's deck and id: read from each deck's DOM, the words of a
/// slide being runs of letters and digits in its text (charts' drawings
/// left out, their numbers being in the table beside them).
async function uniqueWords(page, base, site) {
  const where = new Map();
  for (const deck of deckDirs(site).sort()) {
    await page.goto(`${base}${deck}/index.html`);
    const slides = await page.evaluate(() => [...document.querySelectorAll('.deck > .slide')].map((s) => {
      const copy = s.cloneNode(true);
      copy.querySelectorAll('svg').forEach((x) => x.remove());
      // Text nodes joined by spaces: the cells of a table are words apart.
      const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
      const parts = [];
      while (walker.nextNode()) parts.push(walker.currentNode.nodeValue);
      const words = (parts.join(' ').toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).filter((w) => [...w].length >= 2 && [...w].length <= 40);
      return { id: s.id, words: [...new Set(words)] };
    }));
    for (const s of slides) {
      for (const w of s.words) {
        const seen = where.get(w) || [];
        seen.push(`${deck}/index.html#${s.id}`);
        where.set(w, seen);
      }
    }
  }
  return [...where].filter(([w, at]) => at.length === 1 && w.length >= 6 && !/^\d+$/.test(w)).map(([w, at]) => ({ word: w, slide: at[0] })).sort((a, b) => a.word.localeCompare(b.word));
}

/// Every `step`-th of `list`, at most `n`.
function spread(list, n) {
  const step = Math.max(1, Math.floor(list.length / n));
  return list.filter((_, i) => i % step === 0).slice(0, n);
}

async function firstResult(page, base, word) {
  await page.goto(`${base}search.html?q=${encodeURIComponent(word)}`);
  await page.waitForSelector('#search-results li a', { timeout: 10000 });
  return page.evaluate(() => {
    const li = document.querySelector('#search-results li');
    return { href: li.querySelector('a').getAttribute('href'), meta: li.querySelector('p').textContent, status: document.getElementById('search-status').textContent };
  });
}

async function checkSite(site, base, label) {
  const context = await browser.newContext();
  const page = watch(await context.newPage());
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) failed.push(r.url()); });
  const words = await uniqueWords(page, base, site);
  assert.ok(words.length > 0, `${label}: some word occurs in one slide only`);
  const picked = spread(words, 6);
  for (const { word, slide } of picked) {
    const first = await firstResult(page, base, word);
    assert.equal(first.href, slide, `${label}: "${word}" first returns its slide`);
    assert.match(first.meta, /^Slide · Q\d /, `${label}: "${word}" says its quarter`);
  }
  assert.deepEqual(failed, [], `${label}: every file found`);
  assert.deepEqual(page.errors.filter((e) => !/^Failed to load resource/.test(e)), [], `${label}: no script error`);
  console.log(`# ${label}: ${words.length} words in one slide only; searched ${picked.map((p) => p.word).join(', ')}`);
  await context.close();
}

describe('a word of one slide returns that slide first', () => {
  test('the example site, from file://', async () => {
    const site = build().out;
    await checkSite(site, fileUrl(site) + '/', 'example (file://)');
  });

  test('the example site, over HTTP under a sub-path', async () => {
    const site = build().out;
    const server = await serve(site, '/reviews/');
    try {
      await checkSite(site, server.url, 'example (http)');
    } finally {
      await server.close();
    }
  });

  test('a generated corpus', async () => {
    const content = path.join(tmpdir('corpus'), 'content');
    execFileSync(genCorpus, ['--quarters', '6', '--sections', '4', '--people', '40', '--out', content], { stdio: 'ignore' });
    const site = build([], undefined, content).out;
    await checkSite(site, fileUrl(site) + '/', 'corpus');
  });
});

test('the search box of a deck leads to the results, and a word found nowhere says so', async () => {
  const site = build().out;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = watch(await context.newPage());
  await page.goto(fileUrl(path.join(site, 'fy15-16-q1/index.html')));
  await page.fill('#site-search-q', 'Kafka');
  await page.press('#site-search-q', 'Enter');
  await page.waitForSelector('#search-results li a');
  assert.match(page.url(), /search\.html\?q=Kafka$/);
  assert.match(await page.textContent('#search-status'), /results? for “Kafka”/);
  assert.deepEqual(page.errors, []);
  // The results as shown: no WCAG 2.1 AA violation, nothing wider than the
  // screen. (axe's own requests for the stylesheet fail from file://.)
  await page.addScriptTag({ content: axeSource });
  const axe = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  assert.deepEqual(axe.violations.map((v) => v.id), []);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  await page.fill('#search-query', 'xylophonequartz');
  await page.press('#search-query', 'Enter');
  await page.waitForFunction(() => /No results/.test(document.getElementById('search-status').textContent));
  assert.equal(await page.locator('#search-results li').count(), 0);
  await context.close();
});
