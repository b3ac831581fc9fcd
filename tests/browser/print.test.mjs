// Printing: a deck prints one slide per landscape page with nothing cut
// off, the handout adds notes and minutes, and the one-line headless
// Chromium command documented in docs/presenting.md makes that PDF.
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build, chromiumFlags, decks, fileUrl, launch, pdfPages, repo, slideIds, tmpdir } from './lib.mjs';

let browser, site;
before(async () => {
  site = build().out;
  browser = await launch();
});
after(async () => { await browser?.close(); });

const slidesOf = (d) => slideIds(fs.readFileSync(path.join(site, d, 'index.html'), 'utf8')).length;

test('every deck prints one slide per landscape page, nothing cut off', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  for (const d of decks) {
    await page.goto(fileUrl(path.join(site, d, 'index.html')));
    await page.emulateMedia({ media: 'print' });
    const cut = await page.evaluate(() => [...document.querySelectorAll('.deck > .slide')]
      .filter((s) => { const b = s.querySelector('.slide-body'); return b.scrollHeight > b.clientHeight + 2 || b.scrollWidth > b.clientWidth + 2; })
      .map((s) => s.id));
    assert.deepEqual(cut, [], `${d}: slides whose content does not fit the printed page`);
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdfPages(pdf);
    console.log(`# ${d}: ${pages} PDF pages for ${slidesOf(d)} slides`);
    assert.equal(pages, slidesOf(d), d);
    const size = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    assert.ok(size && +size[1] > +size[2], 'landscape pages');
  }
  await page.close();
});

test('the handout prints each slide with its notes and minutes', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(fileUrl(path.join(site, 'fy15-16-q1', 'index.html')) + '?handout');
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => [...document.querySelectorAll('.minutes, .notes')].filter((m) => getComputedStyle(m).display !== 'none').length);
  assert.ok(shown > 0, 'minutes printed in the handout');
  await page.emulateMedia({ media: null });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pages = pdfPages(pdf);
  assert.ok(pages >= slidesOf('fy15-16-q1'), `${pages} pages`);
  const size = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  assert.ok(size && +size[1] < +size[2], 'portrait pages');
  // In the ordinary print, notes and minutes stay out.
  await page.goto(fileUrl(path.join(site, 'fy15-16-q1', 'index.html')));
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('.minutes, .notes')].filter((m) => getComputedStyle(m).display !== 'none').length), 0);
  await page.close();
});

test('the documented one-line command prints a deck to PDF', () => {
  const doc = fs.readFileSync(path.join(repo, 'docs/presenting.md'), 'utf8');
  const command = doc.split('\n').find((l) => l.startsWith('chromium ') && l.includes('--print-to-pdf'));
  assert.ok(command, 'docs/presenting.md has the command');
  // Run it where the docs say: in a folder holding the built site as output/.
  const dir = tmpdir('pdf');
  fs.cpSync(site, path.join(dir, 'output'), { recursive: true });
  const extra = [...chromiumFlags, `--user-data-dir=${tmpdir('profile')}`].join(' ');
  execSync(`${command} ${extra}`, { cwd: dir, stdio: 'ignore', timeout: 120000, shell: '/bin/bash' });
  const pdf = fs.readFileSync(path.join(dir, command.match(/--print-to-pdf=(\S+)/)[1]));
  const deck = command.match(/output\/([^/]+)\/index\.html/)[1];
  assert.equal(pdfPages(pdf), slidesOf(deck));
});
