import { launch, fileUrl } from './lib.mjs';
const [,, file, prefix] = process.argv;
const browser = await launch();
for (const [w, h] of [[1280, 720], [390, 844]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h } });
  const page = await ctx.newPage();
  await page.goto(fileUrl(file));
  await page.screenshot({ path: `${prefix}-${w}.png` });
  await page.screenshot({ path: `${prefix}-${w}-full.png`, fullPage: true });
  const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  console.log(w, 'horizontal overflow px:', over);
  await ctx.close();
}
await browser.close();
