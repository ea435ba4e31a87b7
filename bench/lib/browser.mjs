/** Chromium through playwright-core, pages served from bench/.cache over loopback (a secure context). */
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildDir } from './build.mjs';

import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const types = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.html': 'text/html',
  '.map': 'application/json',
  '.css': 'text/css',
};

/** Serves bench/.cache on 127.0.0.1; `/page/<script>` is an empty page that loads <script>. */
export async function startStaticServer() {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname.startsWith('/page/')) {
      const script = url.pathname.slice('/page/'.length);
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><html><head><meta charset="utf-8"><title>bench</title>
<style>body{margin:0;font:16px/1.5 system-ui,sans-serif}#host{width:800px;height:600px;overflow:auto}</style></head>
<body><div id="host"></div><script src="/${script}"></script></body></html>`);
      return;
    }
    const file = path.join(buildDir, path.normalize(url.pathname).replace(/^([/\\])+/, ''));
    if (!file.startsWith(buildDir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': types[path.extname(file)] ?? 'application/octet-stream',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Launches Chromium (headless, /usr/bin/chromium unless CHROMIUM_PATH says otherwise). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
  });
  return browser;
}

/** A fresh page (own context) with a CDP session, loading `script` from the static server. */
export async function openPage(browser, origin, script) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${origin}/page/${script}`);
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, errors, close: () => context.close() };
}

/** Forces a full garbage collection in the page. */
export async function collectGarbage(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
}
