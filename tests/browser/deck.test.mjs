// The deck in headless Chromium, driven like a person would: keys move the
// slides and the URL, reloading keeps the place, back and forward work, the
// overview jumps, the presenter window follows the audience window (from
// disk and from a server under a sub-path), narrow screens read the deck as
// a document, and the deck reads without JavaScript.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build, decks, fileUrl, launch, openPage, serve, slideIds, watch } from './lib.mjs';

let browser, site, ids;
const deck = 'fy20-21-q1';

before(async () => {
  site = build().out;
  ids = slideIds(fs.readFileSync(path.join(site, deck, 'index.html'), 'utf8'));
  browser = await launch();
});
after(async () => { await browser?.close(); });

const deckUrl = (hash = '') => fileUrl(path.join(site, deck, 'index.html')) + hash;
const currentId = (page) => page.evaluate(() => document.querySelector('.deck > .slide.current')?.id);
const hashOf = (page) => page.evaluate(() => decodeURIComponent(location.hash.slice(1)));

async function freshPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  return { context, page: watch(await context.newPage()) };
}

function onlyLocalRequests(page, allowed) {
  const foreign = page.requests.filter((u) => !allowed.some((a) => u.startsWith(a)) && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request leaves the site');
}

describe('keys, URL and history', () => {
  test('keys move the slides and the URL follows', async () => {
    const { context, page } = await freshPage();
    await page.goto(deckUrl());
    assert.equal(await currentId(page), ids[0]);
    assert.ok(await page.evaluate(() => document.body.classList.contains('qd-slides')), 'slide view on a wide screen');
    const steps = [
      ['ArrowRight', 1], ['Space', 2], ['PageDown', 3], ['ArrowLeft', 2],
      ['Shift+Space', 1], ['PageUp', 0], ['End', ids.length - 1], ['Home', 0],
    ];
    for (const [key, at] of steps) {
      await page.keyboard.press(key);
      assert.equal(await currentId(page), ids[at], `after ${key}`);
      assert.equal(await hashOf(page), ids[at], `URL after ${key}`);
    }
    // Exactly one slide is shown, and it fills the 16:9 screen.
    const shown = await page.evaluate(() => [...document.querySelectorAll('.deck > .slide')].filter((s) => s.offsetParent !== null || getComputedStyle(s).position === 'fixed' && getComputedStyle(s).display !== 'none').length);
    assert.equal(shown, 1);
    const box = await page.locator('.deck > .slide.current .slide-frame').boundingBox();
    assert.ok(Math.abs(box.width - 1280) < 2 && Math.abs(box.height - 720) < 2, JSON.stringify(box));
    assert.deepEqual(page.errors, []);
    onlyLocalRequests(page, ['file://']);
    await context.close();
  });

  test('the live region announces the slide and focus stays on the slide', async () => {
    const { context, page } = await freshPage();
    await page.goto(deckUrl());
    await page.keyboard.press('ArrowRight');
    const status = await page.locator('#deck-status').textContent();
    assert.match(status, /^Slide 2 of \d+: /);
    assert.equal(await page.locator('[role=application]').count(), 0);
    await page.locator('.deck > .slide.current a').first().focus().catch(() => {});
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.activeElement.closest('.deck > .slide')?.id ?? document.activeElement.tagName);
    assert.ok(focused === ids[2] || focused === 'BODY', `focus is not left on a hidden slide: ${focused}`);
    await context.close();
  });

  test('reloading keeps the place and back/forward walk the slides', async () => {
    const { context, page } = await freshPage();
    await page.goto(deckUrl());
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    assert.equal(await currentId(page), ids[3]);
    await page.reload();
    assert.equal(await currentId(page), ids[3], 'reload keeps the slide');
    await page.goBack();
    assert.equal(await currentId(page), ids[2], 'back');
    await page.goBack();
    assert.equal(await currentId(page), ids[1], 'back again');
    await page.goForward();
    assert.equal(await currentId(page), ids[2], 'forward');
    // A link to a slide opens at that slide.
    await page.goto(deckUrl('#' + ids[5]));
    assert.equal(await currentId(page), ids[5]);
    await context.close();
  });

  test('the overview opens, shows every slide and jumps', async () => {
    const { context, page } = await freshPage();
    await page.goto(deckUrl());
    await page.keyboard.press('o');
    const dialog = page.locator('dialog.qd-overview');
    assert.ok(await dialog.isVisible());
    assert.equal(await dialog.locator('.qd-grid > li > a').count(), ids.length);
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#' + ids[0], 'focus on the current slide');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    assert.ok(!(await dialog.isVisible()), 'closed after the jump');
    assert.equal(await currentId(page), ids[2]);
    assert.equal(await hashOf(page), ids[2]);
    // A click on a thumbnail jumps too; Escape closes without moving.
    await page.keyboard.press('o');
    await dialog.locator(`.qd-grid > li > a[href="#${ids[7]}"]`).click();
    assert.equal(await currentId(page), ids[7]);
    await page.keyboard.press('o');
    await page.keyboard.press('Escape');
    assert.ok(!(await dialog.isVisible()));
    assert.equal(await currentId(page), ids[7]);
    assert.equal(await page.evaluate(() => document.querySelectorAll('[id]').length), await page.evaluate(() => new Set([...document.querySelectorAll('[id]')].map((e) => e.id)).size), 'thumbnails add no duplicate id');
    await context.close();
  });

  test('? lists the keys and f asks for full screen', async () => {
    const { context, page } = await freshPage();
    await page.goto(deckUrl());
    await page.keyboard.press('?');
    const help = page.locator('dialog.qd-help');
    assert.ok(await help.isVisible());
    const text = await help.textContent();
    for (const k of ['Space', 'Page Down', 'Home', 'End', 'o', 'p', 'f', '?']) assert.ok(text.includes(k), k);
    await page.keyboard.press('Escape');
    assert.ok(!(await help.isVisible()));
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 2000 }).catch(() => {});
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test('every deck starts, moves and has no script error', async () => {
    const { context, page } = await freshPage();
    for (const d of decks) {
      await page.goto(fileUrl(path.join(site, d, 'index.html')));
      await page.keyboard.press('End');
      const all = slideIds(fs.readFileSync(path.join(site, d, 'index.html'), 'utf8'));
      assert.equal(await currentId(page), all.at(-1), d);
    }
    assert.deepEqual(page.errors, []);
    await context.close();
  });
});

describe('presenter view', () => {
  async function presenterFollows(audience, context) {
    const [presenter] = await Promise.all([context.waitForEvent('page'), audience.keyboard.press('p')]);
    watch(presenter);
    await presenter.waitForLoadState('load');
    assert.ok(presenter.url().includes('?presenter'), presenter.url());
    assert.ok(await presenter.evaluate(() => document.body.classList.contains('qd-presenter')));
    assert.equal(await currentId(presenter), await currentId(audience), 'opens at the audience slide');
    await audience.keyboard.press('ArrowRight');
    await presenter.waitForFunction((id) => document.querySelector('.deck > .slide.current')?.id === id, await currentId(audience), { timeout: 3000 });
    // Driving from the presenter window moves the audience window.
    await presenter.bringToFront();
    await presenter.keyboard.press('ArrowRight');
    await presenter.keyboard.press('ArrowRight');
    const want = await currentId(presenter);
    await audience.waitForFunction((id) => document.querySelector('.deck > .slide.current')?.id === id, want, { timeout: 3000 });
    assert.equal(await hashOf(audience), want, 'the audience URL follows too');
    // Presenter shows the current and the next slide, notes and the time.
    const layout = await presenter.evaluate(() => ({
      current: !!document.querySelector('.deck > .slide.current'),
      next: document.querySelector('.deck > .slide.next')?.getBoundingClientRect().width > 0,
      timer: document.querySelector('.qd-timer')?.textContent,
      clock: document.querySelector('.qd-clock')?.textContent,
    }));
    assert.ok(layout.current && layout.next, JSON.stringify(layout));
    assert.match(layout.timer, /^\d+:\d\d$/);
    assert.match(layout.clock, /^\d\d:\d\d$/);
    assert.deepEqual(presenter.errors, []);
    return presenter;
  }

  test('from disk (file://): the presenter window follows the audience window and back', async () => {
    const { context, page } = await freshPage();
    await page.goto(deckUrl('#' + ids[2]));
    const presenter = await presenterFollows(page, context);
    // The slide with notes shows them in the presenter window.
    const withNotes = fs.readFileSync(path.join(site, deck, 'index.html'), 'utf8').match(/<section class="slide [^"]*" id="([^"]+)"[^>]*>(?:(?!<\/section>)[\s\S])*<aside class="notes"/)[1];
    await page.goto(deckUrl('#' + withNotes));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await presenter.waitForFunction((id) => document.querySelector('.deck > .slide.current')?.id === id, withNotes, { timeout: 3000 });
    assert.ok(await presenter.locator('.deck > .slide.current .notes').isVisible(), 'notes shown');
    assert.ok(!(await presenter.locator('.qd-no-notes').isVisible()));
    await context.close();
  });

  // The boxes of the presenter view: none may overlap another, and each
  // must lie inside the window.
  async function presenterBoxes(page) {
    return page.evaluate(() => {
      const box = (sel) => {
        const e = document.querySelector(sel);
        if (!e || e.hidden || getComputedStyle(e).display === 'none') return null;
        const r = e.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      };
      return {
        current: box('.deck > .slide.current .slide-frame'),
        next: box('.deck > .slide.next .slide-frame'),
        notes: box('.deck > .slide.current .notes') || box('.deck > .slide.current .minutes') || box('.qd-no-notes'),
        timer: box('.qd-timer'),
        clock: box('.qd-clock'),
        width: innerWidth,
        height: innerHeight,
      };
    });
  }

  function assertApart(b, where) {
    const names = ['current', 'next', 'notes', 'timer', 'clock'];
    for (const n of names) {
      const r = b[n];
      assert.ok(r, `${where}: ${n} is shown`);
      assert.ok(r.left >= 0 && r.top >= 0 && r.right <= b.width + 0.5 && r.bottom <= b.height + 0.5, `${where}: ${n} is inside the window ${JSON.stringify(r)}`);
    }
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const a = b[names[i]], c = b[names[j]];
        const overlap = a.left < c.right - 0.5 && c.left < a.right - 0.5 && a.top < c.bottom - 0.5 && c.top < a.bottom - 0.5;
        assert.ok(!overlap, `${where}: ${names[i]} and ${names[j]} overlap`);
      }
    }
  }

  test('the presenter view fits half a laptop screen and a 480 px window, minutes included', async () => {
    const minutesDeck = 'fy15-16-q1';
    const html = fs.readFileSync(path.join(site, minutesDeck, 'index.html'), 'utf8');
    const withMinutes = html.match(/<section class="slide [^"]*" id="([^"]+)"[^>]*>(?:(?!<\/section>)[\s\S])*<aside class="minutes"/)[1];
    for (const [width, height] of [[683, 768], [480, 700], [1280, 720]]) {
      const { context, page } = await freshPage({ viewport: { width, height } });
      await page.goto(fileUrl(path.join(site, minutesDeck, 'index.html')) + '?presenter#' + withMinutes);
      await page.waitForTimeout(300);
      assertApart(await presenterBoxes(page), `${width}x${height}`);
      await page.getByRole('button', { name: 'Minutes' }).click();
      assert.equal(await page.getByRole('button', { name: 'Minutes' }).getAttribute('aria-pressed'), 'true');
      assert.ok(await page.locator('.deck > .slide.current .minutes').isVisible(), 'the minutes are shown');
      assertApart(await presenterBoxes(page), `${width}x${height}, minutes`);
      await context.close();
    }
  });

  test('without an opener, two windows of the deck still sync (file://)', async () => {
    const { context, page } = await freshPage();
    await page.goto(deckUrl());
    const other = await openPage(context, fileUrl(path.join(site, deck, 'index.html')) + '?presenter#' + ids[0]);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await other.waitForFunction((id) => document.querySelector('.deck > .slide.current')?.id === id, ids[2], { timeout: 3000 });
    await context.close();
  });

  test('from a server under a sub-path (--base-url)', async () => {
    const dir = path.join(path.dirname(site), 'sub');
    const server = await serve(dir, '/reviews/2020/');
    try {
      const base = server.url;
      build(['--base-url', base], dir);
      const { context, page } = await freshPage();
      const responses = [];
      page.on('response', (r) => responses.push([r.status(), r.url()]));
      await page.goto(base);
      await Promise.all([page.waitForURL(`${base}${deck}/index.html`), page.click(`a[href="${deck}/index.html"]`)]);
      await page.waitForLoadState('load');
      assert.equal(await currentId(page), ids[0]);
      assert.equal(await page.getAttribute('link[rel=canonical]', 'href'), `${base}${deck}/index.html`);
      assert.deepEqual(responses.filter(([s]) => s >= 400), [], 'every file is found under the sub-path');
      assert.ok(await page.evaluate(() => getComputedStyle(document.body).backgroundColor === 'rgb(0, 0, 0)'), 'styles applied');
      await presenterFollows(page, context);
      onlyLocalRequests(page, [base]);
      await context.close();
    } finally {
      await server.close();
    }
  });
});

describe('reading view', () => {
  test('r switches to one scrolling page with minutes under their slides, and back', async () => {
    const { context, page } = await freshPage();
    await page.goto(fileUrl(path.join(site, 'fy15-16-q1', 'index.html')));
    await page.keyboard.press('r');
    assert.ok(await page.evaluate(() => document.body.classList.contains('qd-reading')));
    const visible = await page.evaluate(() => [...document.querySelectorAll('.deck > .slide')].filter((s) => s.getBoundingClientRect().height > 0).length);
    assert.equal(visible, await page.locator('.deck > .slide').count(), 'every slide on the page');
    const minutes = page.locator('.deck > .slide .minutes').first();
    assert.ok(await minutes.isVisible(), 'minutes shown');
    const under = await minutes.evaluate((m) => m.getBoundingClientRect().top >= m.closest('.slide').querySelector('.slide-frame').getBoundingClientRect().bottom);
    assert.ok(under, 'minutes sit under their slide');
    // Arrow keys still go slide by slide, and the URL follows.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const second = (await hashOf(page));
    assert.equal(second, slideIds(fs.readFileSync(path.join(site, 'fy15-16-q1', 'index.html'), 'utf8'))[2]);
    await page.reload();
    assert.ok(await page.evaluate(() => document.body.classList.contains('qd-reading')), 'the view survives a reload');
    await page.keyboard.press('r');
    assert.ok(await page.evaluate(() => document.body.classList.contains('qd-slides')));
    await context.close();
  });

  test('narrow screens get the reading view automatically', async () => {
    const { context, page } = await freshPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(deckUrl());
    assert.ok(await page.evaluate(() => document.body.classList.contains('qd-reading')));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no sideways scrolling (${overflow}px)`);
    await context.close();
  });

  test('without JavaScript the deck reads as a document', async () => {
    const { context, page } = await freshPage({ javaScriptEnabled: false });
    await page.goto(fileUrl(path.join(site, 'fy15-16-q1', 'index.html')));
    const r = await page.evaluate(() => ({
      slides: [...document.querySelectorAll('.deck > .slide')].filter((s) => s.getBoundingClientRect().height > 100).length,
      total: document.querySelectorAll('.deck > .slide').length,
      minutes: [...document.querySelectorAll('.minutes')].filter((m) => m.getBoundingClientRect().height > 0).length,
    }));
    assert.equal(r.slides, r.total);
    assert.ok(r.minutes > 0);
    await context.close();
  });

  test('prefers-reduced-motion turns smooth scrolling off', async () => {
    // Without the script, the stylesheet scrolls smoothly to a fragment
    // unless motion is reduced; with it, the script chooses per move (and
    // never animates the first landing, which a smooth scroll would miss).
    const scroll = async (options) => {
      const { context, page } = await freshPage(options);
      await page.goto(deckUrl());
      const behaviour = await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
      await context.close();
      return behaviour;
    };
    assert.equal(await scroll({ reducedMotion: 'reduce', javaScriptEnabled: false }), 'auto');
    assert.equal(await scroll({ reducedMotion: 'no-preference', javaScriptEnabled: false }), 'smooth');
    assert.equal(await scroll({ reducedMotion: 'no-preference' }), 'auto');
  });

  // Where the slide `id` is once the page has settled: its top, and
  // whether the page is scrolled to its end (the last slides cannot reach
  // the top of the window).
  async function landing(page, id) {
    await page.waitForTimeout(400);
    return page.evaluate((id) => {
      const s = document.getElementById(id);
      const end = Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 1;
      return {
        hash: decodeURIComponent(location.hash.slice(1)),
        current: document.querySelector('.deck > .slide.current')?.id,
        top: Math.round(s.getBoundingClientRect().top),
        end,
        height: innerHeight,
      };
    }, id);
  }

  function assertLanded(at, id, where) {
    assert.equal(at.hash, id, `${where}: the URL keeps #${id}`);
    assert.equal(at.current, id, `${where}: #${id} is the current slide`);
    assert.ok(at.top >= 0 && at.top < at.height - 100, `${where}: #${id} starts in the window (top ${at.top})`);
    assert.ok(at.top <= 100 || at.end, `${where}: #${id} is at the top unless the page ends (top ${at.top})`);
  }

  test('deep links land on their slide on a phone and in the desktop reading view', async () => {
    const targets = [ids[0], ids[Math.floor(ids.length / 2)], ids[ids.length - 1]];
    const phone = await freshPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    for (const id of targets) {
      await phone.page.goto(deckUrl(`#${id}`));
      assertLanded(await landing(phone.page, id), id, 'phone');
    }
    await phone.context.close();
    const desk = await freshPage();
    await desk.page.goto(deckUrl());
    await desk.page.keyboard.press('r');
    for (const id of targets) {
      await desk.page.goto(deckUrl(`#${id}`));
      await desk.page.reload();
      assertLanded(await landing(desk.page, id), id, 'desktop reading view');
    }
    await desk.context.close();
  });

  test('the site\'s own links into a deck land on their slide on a phone', async () => {
    const { context, page } = await freshPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const objectives = path.join(site, deck, 'objectives');
    const pages = fs.readdirSync(objectives).sort();
    let followed = 0;
    for (const name of pages.slice(0, 3)) {
      await page.goto(fileUrl(path.join(objectives, name)));
      const link = page.locator('.in-deck a').last();
      if (!(await link.count())) continue;
      const id = decodeURIComponent((await link.getAttribute('href')).split('#')[1]);
      await link.click();
      assertLanded(await landing(page, id), id, `from ${name}`);
      followed += 1;
    }
    assert.ok(followed > 0, 'the objective pages link into the deck');
    await context.close();
  });

  test('a deck opened without a fragment starts at its top', async () => {
    const { context, page } = await freshPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(deckUrl());
    await page.waitForTimeout(400);
    assert.equal(await page.evaluate(() => scrollY), 0);
    assert.equal(await hashOf(page), '');
    await context.close();
  });

  test('switching views neither walks nor announces the slides in between', async () => {
    const { context, page } = await freshPage();
    await page.goto(deckUrl());
    await page.keyboard.press('End');
    await page.evaluate(() => {
      window.said = [];
      new MutationObserver(() => window.said.push(document.getElementById('deck-status').textContent))
        .observe(document.getElementById('deck-status'), { childList: true, characterData: true, subtree: true });
    });
    await page.keyboard.press('r');
    const last = ids[ids.length - 1];
    assertLanded(await landing(page, last), last, 'after r');
    const said = (await page.evaluate(() => window.said)).filter((t) => t);
    assert.deepEqual(said, ['Reading view'], 'only the view change is announced');
    await context.close();
  });
});

describe('budget', () => {
  test('the deck script is small and uses no framework', () => {
    const js = fs.readFileSync(path.join(site, 'assets', 'deck.js'));
    console.log(`# deck.js: ${js.length} bytes`);
    // 17.5 kB: its words come from assets/deck-words.js by key.
    assert.ok(js.length <= 17500, `${js.length} bytes, over the 17.5 kB budget`);
    assert.doesNotMatch(js.toString(), /\bimport\b|require\(|https?:\/\//);
  });

  test('slides fit their frames: nothing overflows on screen', async () => {
    const { context, page } = await freshPage();
    for (const d of decks) {
      await page.goto(fileUrl(path.join(site, d, 'index.html')));
      const over = await page.evaluate(() => [...document.querySelectorAll('.deck > .slide.overflowing')].map((s) => s.id));
      assert.deepEqual(over, [], d);
    }
    await context.close();
  });
});
