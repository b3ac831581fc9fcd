// Nothing hidden, on a repository with long teams (tests/browser/long.mjs:
// 60-item lists of goals, check-ins, key results, KPIs, highlights,
// workflows and people). The build splits every generated slide that does
// not fit into continuation slides: at 1280×720 no slide overflows or
// scrolls, every item is on some slide, the ids are the same on every
// build, and the PDF has one page per slide with nothing cut off.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { bin, fileUrl, launch, pdfPages, slideIds, tmpdir } from './lib.mjs';
import { longItems, writeLong } from './long.mjs';

let browser, content, site, html, stderr;
const deck = 'fy20-21-q1';

function buildLong(out) {
  const r = spawnSync(bin, ['build', '--content', content, '--output', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stderr;
}

before(async () => {
  const dir = tmpdir('long');
  content = writeLong(path.join(dir, 'content'));
  site = path.join(dir, 'output');
  stderr = buildLong(site);
  html = fs.readFileSync(path.join(site, deck, 'index.html'), 'utf8');
  browser = await launch();
});
after(async () => { await browser?.close(); });

test('long lists continue on numbered slides with stable ids', () => {
  const ids = slideIds(html);
  console.log(`# ${deck}: ${ids.length} slides`);
  for (const id of ['goal-1', 'goal-1-2', 'goal-1-key-results-2', 'security-kpis-2', 'security-highlights-2', 'security-workflows-2', 'security-progress-2', 'new-hires-2', 'objectives-by-status-2', 'wins-2', 'challenges-2', 'upcoming-2', 'successes-and-misses-2', 'workflows-2',
    // The goals-page kinds: plain goals, a check-in's groups, a data
    // table's rows, the department's totals; struck measures.
    'toolhub-goals-2', 'advocacy-checkin-2020-08-28-2', 'advocacy-table-api-usage-2', 'status-totals-2', 'long-title-2']) {
    assert.ok(ids.includes(id), `a slide ${id}`);
  }
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  // The titles say which part of how many, and the outline lists them all.
  assert.ok(/<h2>Goal 1 of the team \(2(\/|&#x2F;)\d+\)<\/h2>/.test(html), 'the part in the heading');
  assert.ok(/<li><a href="#goal-1-2">Goal 1 of the team \(2(\/|&#x2F;)\d+\)<\/a><\/li>/.test(html), 'the part in the outline');
  assert.ok(html.includes('Measures of success (continued)'), 'a group that continues says so');
  assert.ok(/in progress<\/span> \(continued\)<\/h3>/.test(html), 'a check-in group that continues says so');
  // The slides as planned, and as split into parts.
  const planned = ids.length - [...html.matchAll(/<h2[^>]*>[^<]*\((\d+)(?:\/|&#x2F;)\d+\)<\/h2>/g)].filter((m) => m[1] !== '1').length;
  console.log(`# ${deck}: ${planned} slides planned, ${ids.length} after splitting`);
  // Another build of the same content gives the same slides.
  const again = path.join(tmpdir('long-again'), 'output');
  buildLong(again);
  assert.deepEqual(slideIds(fs.readFileSync(path.join(again, deck, 'index.html'), 'utf8')), ids);
});

test('a narrative slide that is too long is reported with its file, line and the heading to split at', () => {
  assert.match(stderr, /narrative\/long\.md:1:1: slide \d+ \(`long-story`\) is likely too long/);
  assert.match(stderr, /split it before the heading `Where to split` at line 27/);
});

test('at 1280×720 every item is on a slide and no slide overflows or scrolls', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(fileUrl(path.join(site, deck, 'index.html')));
  const state = await page.evaluate(() => {
    const slides = [...document.querySelectorAll('.deck > .slide')];
    return {
      slide: document.body.classList.contains('qd-slides'),
      overflowing: slides.filter((s) => s.classList.contains('overflowing')).map((s) => s.id),
      scrolling: slides.filter((s) => { const b = s.querySelector('.slide-body'); return b.scrollHeight > b.clientHeight + 1; }).map((s) => s.id),
      // Type no smaller than 1.5 % of the frame's width.
      small: slides.filter((s) => { const b = s.querySelector('.slide-body'); return parseFloat(getComputedStyle(b).fontSize) < 0.015 * b.clientWidth - 0.05; }).map((s) => s.id),
      text: slides.map((s) => s.querySelector('.slide-body').textContent.replace(/\s+/g, ' ')).join('\n'),
    };
  });
  assert.ok(state.slide, 'the slide view');
  assert.deepEqual(state.overflowing, [], 'slides marked as overflowing');
  assert.deepEqual(state.scrolling, [], 'slides that scroll');
  assert.deepEqual(state.small, [], 'slides with type under the minimum');
  for (const [list, items] of Object.entries(longItems())) {
    const missing = items.filter((t) => !state.text.includes(t));
    assert.deepEqual(missing, [], `${list}: items on no slide`);
  }
  await page.close();
});

test('the long deck prints one page per slide, nothing cut off', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(fileUrl(path.join(site, deck, 'index.html')));
  await page.emulateMedia({ media: 'print' });
  const cut = await page.evaluate(() => [...document.querySelectorAll('.deck > .slide')]
    .filter((s) => { const b = s.querySelector('.slide-body'); return b.scrollHeight > b.clientHeight + 2 || b.scrollWidth > b.clientWidth + 2; })
    .map((s) => s.id));
  assert.deepEqual(cut, [], 'slides whose content does not fit the printed page');
  await page.emulateMedia({ media: null });
  const pages = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  assert.equal(pages, slideIds(html).length);
  await page.close();
});
