// Shared helpers of the browser suite: build the example site with the real
// `quarterdeck` binary, start headless Chromium, serve a folder over HTTP
// under a sub-path, and find every page and link of a built site.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The debug binary `cargo build` made, wherever CARGO_TARGET_DIR puts it.
export const bin =
  process.env.QUARTERDECK_BIN ||
  path.join(process.env.CARGO_TARGET_DIR ? path.resolve(repo, process.env.CARGO_TARGET_DIR) : path.join(repo, 'target'), 'debug/quarterdeck');
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

/// Flags that keep Chromium from reaching for the network (it hangs
/// without them on a closed network) and from needing a sandbox as root.
export const chromiumFlags = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function tmpdir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `qd-${name}-`));
}

/// `quarterdeck build` of the example content (or `content`) into a fresh
/// folder; returns the output folder and what the command printed.
export function build(args = [], out = path.join(tmpdir('site'), 'output'), content = path.join(repo, 'content')) {
  const stderr = execFileSync(bin, ['build', '--content', content, '--output', out, ...args], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { out, stderr };
}

export async function launch() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
}

/// A page that records every request it makes and every script error.
export async function openPage(context, url, options = {}) {
  const page = await context.newPage();
  watch(page);
  await page.goto(url, options);
  return page;
}

export function watch(page) {
  page.requests = [];
  page.errors = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  return page;
}

export function fileUrl(p) {
  return pathToFileURL(p).href;
}

/// Serve `dir` at http://127.0.0.1:PORT/<prefix>; resolves to { url, close }.
export function serve(dir, prefix = '/') {
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg' };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(prefix)) { res.writeHead(404).end('outside the site'); return; }
    rel = rel.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ url: `http://127.0.0.1:${server.address().port}${prefix}`, close: () => new Promise((r) => server.close(r)) });
  }));
}

export function files(dir, ext = '.html') {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith(ext)) out.push(path.join(e.parentPath ?? e.path, e.name));
  }
  return out.sort();
}

export const decks = ['fy15-16-q1', 'fy20-21-q1', 'fy20-21-q2'];

export function slideIds(html) {
  return [...html.matchAll(/<section class="slide [^"]*" id="([^"]+)"/g)].map((m) => m[1]);
}

function unescape(v) {
  return v.replace(/&#x2F;/g, '/').replace(/&#47;/g, '/').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
}

/// Every internal link and reference of every page that does not resolve
/// to a file of the site, or to an element id on the page it names.
export function brokenLinks(dir) {
  const pages = files(dir);
  const ids = new Map(pages.map((p) => [p, new Set([...fs.readFileSync(p, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => unescape(m[1])))]));
  const broken = [];
  for (const page of pages) {
    const html = fs.readFileSync(page, 'utf8').replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const url = unescape(m[1]);
      if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) continue;
      const [file, fragment] = url.split('#');
      const target = file ? path.resolve(path.dirname(page), decodeURIComponent(file.split('?')[0])) : page;
      if (!fs.existsSync(target)) { broken.push(`${path.relative(dir, page)}: ${url} (no file)`); continue; }
      if (fragment && target.endsWith('.html') && !ids.get(target)?.has(decodeURIComponent(fragment))) broken.push(`${path.relative(dir, page)}: ${url} (no id)`);
    }
  }
  return broken;
}

/// Pages in a PDF file (Chromium writes one `/Type /Page` object per page).
export function pdfPages(bytes) {
  return (Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
}
