// Every page of the example site is valid HTML (Nu HTML Checker, 0 errors),
// has no WCAG 2.1 AA violation (axe-core in headless Chromium) in every
// view of the deck, and no broken internal link; the same for the
// single-file and the no-notes builds, and for the team pages of the long
// fixture (tests/browser/long.mjs), whose goals, check-ins, sub-teams,
// sizes and time splits the example content does not have.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brokenLinks, build, decks, fileUrl, files, launch, tmpdir, watch } from './lib.mjs';
import { writeLong } from './long.mjs';

const require = createRequire(import.meta.url);
const vnu = require('vnu-jar');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser, site, single, noNotes, long, longTeams;
before(async () => {
  // A comparison page too, which the example has no year-over-year pair for.
  site = build(['--compare', 'Q1 FY15-16', 'Q1 FY20-21']).out;
  single = build(['--single-file']).out;
  noNotes = build(['--no-notes']).out;
  const dir = tmpdir('long-valid');
  long = build([], path.join(dir, 'output'), writeLong(path.join(dir, 'content'))).out;
  longTeams = files(path.join(long, 'teams'));
  browser = await launch();
});
after(async () => { await browser?.close(); });

test('Nu HTML Checker: 0 errors on every page of every build', () => {
  const pages = [...[site, single, noNotes].flatMap((d) => files(d)), ...longTeams];
  let report;
  try {
    report = execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...pages], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch (e) {
    report = e.stderr || e.stdout;
  }
  const messages = JSON.parse(report || '{"messages":[]}').messages.filter((m) => m.type === 'error');
  console.log(`# vnu: ${messages.length} errors in ${pages.length} pages`);
  assert.deepEqual(messages.map((m) => `${m.url}:${m.lastLine}: ${m.message}`), []);
});

test('no broken internal link in any build', () => {
  for (const dir of [site, single, noNotes, long]) {
    const broken = brokenLinks(dir);
    assert.deepEqual(broken, [], dir);
  }
  console.log(`# broken links: 0 in ${[site, single, noNotes].flatMap((d) => files(d)).length} pages`);
});

test('every page has landmarks, a skip link and one h1', () => {
  for (const file of [...files(site), ...files(single), ...longTeams]) {
    const html = fs.readFileSync(file, 'utf8');
    const name = path.basename(path.dirname(file)) + '/' + path.basename(file);
    assert.equal((html.match(/<h1[\s>]/g) || []).length, 1, `${name}: one h1`);
    for (const landmark of ['<header', '<main id="main"', '<footer']) assert.ok(html.includes(landmark), `${name}: ${landmark}`);
    assert.match(html, /<a class="skip-link" href="#main">/, `${name}: skip link`);
    assert.doesNotMatch(html, /role="application"/, name);
  }
});

describe('axe-core, WCAG 2.1 A and AA', () => {
  let total = 0, runs = 0;
  async function check(page, what) {
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate((t) => window.axe.run(document, { runOnly: { type: 'tag', values: t }, resultTypes: ['violations'] }), tags);
    const found = result.violations.map((v) => `${what}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    total += found.length;
    runs += 1;
    return found;
  }
  after(() => console.log(`# axe: ${total} violations in ${runs} page states`));

  for (const colorScheme of ['light', 'dark']) {
    test(`every page as it opens, wide and narrow, ${colorScheme} scheme`, async () => {
      const problems = [];
      for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
        const context = await browser.newContext({ viewport, colorScheme });
        const page = watch(await context.newPage());
        for (const file of [...files(site), ...files(single), ...longTeams]) {
          await page.goto(fileUrl(file));
          const name = file.startsWith(long) ? `long fixture ${path.relative(long, file)}` : path.relative(path.dirname(site), file);
          problems.push(...await check(page, `${name} @${viewport.width} ${colorScheme}`));
        }
        await context.close();
      }
      assert.deepEqual(problems, []);
    });
  }

  test('every deck in the reading view, the overview, the key list and the presenter view', async () => {
    const problems = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    for (const d of decks) {
      const url = fileUrl(path.join(site, d, 'index.html'));
      const page = watch(await context.newPage());
      await page.goto(url);
      await page.keyboard.press('r');
      problems.push(...await check(page, `${d} reading view`));
      await page.keyboard.press('r');
      await page.keyboard.press('o');
      problems.push(...await check(page, `${d} overview`));
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      problems.push(...await check(page, `${d} keys`));
      await page.keyboard.press('Escape');
      await page.goto(url + '?presenter');
      problems.push(...await check(page, `${d} presenter`));
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      problems.push(...await check(page, `${d} presenter, slide 6`));
      await page.close();
    }
    await context.close();
    assert.deepEqual(problems, []);
  });

  for (const colorScheme of ['light', 'dark']) test(`every slide of every deck in the slide view, ${colorScheme} scheme`, async () => {
    const problems = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme });
    const page = watch(await context.newPage());
    for (const d of decks) {
      await page.goto(fileUrl(path.join(site, d, 'index.html')));
      await page.addScriptTag({ content: axeSource });
      const n = await page.locator('.deck > .slide').count();
      for (let i = 0; i < n; i++) {
        const result = await page.evaluate((t) => window.axe.run(document.querySelector('.deck > .slide.current'), { runOnly: { type: 'tag', values: t }, resultTypes: ['violations'] }), tags);
        runs += 1;
        for (const v of result.violations) problems.push(`${d} slide ${i + 1} ${colorScheme}: ${v.id} ${v.help}: ${v.nodes.slice(0, 3).map((x) => x.target.join(' ')).join(', ')}`);
        await page.keyboard.press('ArrowRight');
      }
    }
    total += problems.length;
    await context.close();
    assert.deepEqual(problems, []);
  });
});

// axe cannot measure text over a gradient: the title slide's text is
// checked here against the gradient's colours, from one end to the other.
describe('contrast over the title slide\'s gradient', () => {
  const parse = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
  for (const colorScheme of ['light', 'dark']) {
    test(`every text of the title slide passes AA on every point of its gradient, ${colorScheme} scheme`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme });
      const page = await context.newPage();
      await page.goto(fileUrl(path.join(site, 'fy20-21-q1', 'index.html')) + '#title');
      const { stops, texts } = await page.evaluate(() => {
        const body = document.querySelector('#title .slide-body');
        const bg = getComputedStyle(body).backgroundImage;
        return {
          stops: bg.match(/rgba?\([^)]*\)/g),
          texts: [...body.querySelectorAll('*')].filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
            .map((e) => ({ text: e.textContent.trim().slice(0, 30), color: getComputedStyle(e).color })),
        };
      });
      await context.close();
      assert.ok(stops && stops.length >= 2, 'the title slide has a gradient');
      assert.ok(texts.length >= 3, 'the title slide has text');
      const lum = (rgb) => {
        const [r, g, b] = rgb.map((v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
      const colours = stops.map(parse);
      const problems = [];
      for (let k = 0; k + 1 < colours.length; k++) {
        for (let s = 0; s <= 10; s++) {
          const point = colours[k].map((v, i) => v + (colours[k + 1][i] - v) * (s / 10));
          for (const t of texts) {
            const r = ratio(parse(t.color), point);
            if (r < 4.5) problems.push(`"${t.text}" ${t.color} on rgb(${point.map(Math.round)}): ${r.toFixed(2)}:1`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});
