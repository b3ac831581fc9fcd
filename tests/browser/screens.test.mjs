// Every screen: no page of the example site (nor of the long fixture)
// scrolls sideways on a 390-pixel-wide phone; tables reflow instead.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build, fileUrl, files, launch, tmpdir } from './lib.mjs';
import { writeLong } from './long.mjs';

let browser, site, long;
before(async () => {
  site = build().out;
  const dir = tmpdir('long-screens');
  long = build([], path.join(dir, 'output'), writeLong(path.join(dir, 'content'))).out;
  browser = await launch();
});
after(async () => { await browser?.close(); });

async function sideways(dir) {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const wide = [];
  for (const f of files(dir)) {
    await page.goto(fileUrl(f));
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (over > 0) wide.push(`${path.relative(dir, f)}: ${over} px`);
  }
  await page.close();
  return wide;
}

test('no page of the example site scrolls sideways at 390×844', async () => {
  assert.deepEqual(await sideways(site), []);
});

test('no page of the long fixture scrolls sideways at 390×844', async () => {
  assert.deepEqual(await sideways(long), []);
});

// A slide's frame clips what runs past it, so the page does not scroll:
// on a phone no slide's content may be wider than the slide (a table of
// counts whose entries do not fit their columns, say).
test('on a phone no slide of the long fixture is wider than its frame', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const wide = [];
  for (const f of files(long).filter((f) => f.endsWith(`${path.sep}index.html`) && /fy\d/.test(f))) {
    await page.goto(fileUrl(f));
    wide.push(...await page.evaluate(() => [...document.querySelectorAll('.deck > .slide')]
      .filter((s) => { const b = s.querySelector('.slide-body'); return b.scrollWidth > b.clientWidth + 1; })
      .map((s) => s.id)));
  }
  await page.close();
  assert.deepEqual(wide, []);
});

// A reflowed table labels each cell with its column ("Noted as: …"); an
// empty cell must not show its label alone, which reads as something
// missing.
test('on a phone no table cell of the example site shows its label alone', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const bare = [];
  for (const f of files(site).filter((f) => f.endsWith('.html'))) {
    await page.goto(fileUrl(f));
    const cells = await page.evaluate(() => [...document.querySelectorAll('td[data-label]')]
      .filter((td) => td.textContent.trim() === '' && td.getClientRects().length > 0
        && getComputedStyle(td, '::before').content.includes(td.dataset.label))
      .map((td) => td.dataset.label));
    if (cells.length) bare.push(`${path.relative(site, f)}: ${cells.length} × ${cells[0]}`);
  }
  await page.close();
  assert.deepEqual(bare, []);
});
