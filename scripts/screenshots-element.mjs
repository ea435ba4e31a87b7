// @ts-check
// Screenshots of <tool-agent-chat> in its main states into screenshots/element-*.png.
// Usage: node scripts/screenshots-element.mjs [name ...]   (only the named shots when given;
// builds dist/tool-agents.standalone.js when missing)
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'screenshots');
if (!existsSync(join(root, 'dist/tool-agents.standalone.js')))
  execSync('npx vite build --mode standalone', { cwd: root, stdio: 'inherit' });
mkdirSync(out, { recursive: true });

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};
// Serves the repository read-only on a loopback port: the page and dist/ only need static files.
const server = createServer((request, response) => {
  const path = normalize(
    decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname),
  );
  const file = join(root, path);
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, {
    'content-type':
      types[/** @type {keyof typeof types} */ (extname(file))] ?? 'application/octet-stream',
  });
  createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const only = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumArgs,
});

/**
 * @param {string} name
 * @param {string} state
 * @param {{ colorScheme?: 'light' | 'dark', forcedColors?: 'active' | 'none', phone?: boolean, viewport?: { width: number, height: number }, prepare?: (page: import('playwright-core').Page) => Promise<void> }} [options]
 */
async function shoot(name, state, options = {}) {
  if (only.length > 0 && !only.includes(name)) return;
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    forcedColors: options.forcedColors ?? 'none',
    // A phone: 390×844 CSS pixels (the element fills the width less the page's padding).
    viewport:
      options.viewport ??
      (options.phone ? { width: 390, height: 760 } : { width: 800, height: 680 }),
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`${name}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`${name}: console: ${message.text()}`);
  });
  await page.goto(`${origin}/test/pages/screenshots.html?state=${state}`);
  await page.waitForFunction(
    () => /** @type {Window & { stateReady?: boolean }} */ (window).stateReady === true,
  );
  if (options.prepare) await options.prepare(page);
  await page.waitForTimeout(150);
  const file = join(out, `element-${name}.png`);
  await page.locator('tool-agent-chat').screenshot({ path: file });
  console.log(`wrote ${file}`);
  await context.close();
}

const openResults = async (/** @type {import('playwright-core').Page} */ page) => {
  for (const summary of await page.locator('tool-agent-chat [part~="tool-result"] summary').all())
    await summary.click();
};
// Opens every result that is still closed (a denial's reason is open already).
const openClosedResults = (/** @type {import('playwright-core').Page} */ page) =>
  page.locator('tool-agent-chat details[part~="tool-result"]').evaluateAll((details) => {
    for (const element of details) /** @type {HTMLDetailsElement} */ (element).open = true;
  });

try {
  await shoot('light', 'light');
  await shoot('dark', 'dark', { colorScheme: 'dark' });
  await shoot('empty', 'empty');
  await shoot('streaming', 'streaming', {
    prepare: (page) => page.locator('tool-agent-chat [part~="reasoning"]').waitFor(),
  });
  await shoot('streaming-dark', 'streaming', {
    colorScheme: 'dark',
    prepare: (page) => page.locator('tool-agent-chat [part~="reasoning"]').waitFor(),
  });
  const newBelow = (/** @type {import('playwright-core').Page} */ page) =>
    page.locator('tool-agent-chat [part~="scroll-button"][data-state="new"]').waitFor();
  const phone = { width: 390, height: 844 };
  await shoot('scroll-button', 'scroll-button', { prepare: newBelow });
  await shoot('scroll-button-dark', 'scroll-button', { colorScheme: 'dark', prepare: newBelow });
  await shoot('scroll-button-phone', 'scroll-button', { viewport: phone, prepare: newBelow });
  await shoot('scroll-button-phone-dark', 'scroll-button', {
    colorScheme: 'dark',
    viewport: phone,
    prepare: newBelow,
  });
  await shoot('tool-card', 'tool', { prepare: openResults });
  await shoot('approval', 'approval', {
    prepare: (page) => page.locator('tool-agent-chat [part~="approve-button"]').waitFor(),
  });
  await shoot('approval-dark', 'approval', {
    colorScheme: 'dark',
    prepare: (page) => page.locator('tool-agent-chat [part~="approve-button"]').waitFor(),
  });
  const approvalPrompt = (/** @type {import('playwright-core').Page} */ page) =>
    page.locator('tool-agent-chat [part~="approve-button"]').waitFor();
  await shoot('approval-arguments', 'approval-arguments', { prepare: approvalPrompt });
  await shoot('approval-arguments-dark', 'approval-arguments', {
    colorScheme: 'dark',
    prepare: approvalPrompt,
  });
  await shoot('german', 'approval&strings=de', { prepare: approvalPrompt });
  await shoot('denied', 'denied', { prepare: openClosedResults });
  await shoot('denied-dark', 'denied', { colorScheme: 'dark', prepare: openClosedResults });
  await shoot('error', 'error');
  await shoot('http-error', 'http-error', { colorScheme: 'dark' });
  await shoot('key-form', 'key');
  await shoot('storage-unreadable', 'storage-unreadable');
  await shoot('storage-unreadable-dark', 'storage-unreadable', { colorScheme: 'dark' });
  await shoot('save-failed', 'save-failed');
  await shoot('context-exceeded', 'context-exceeded');
  await shoot('context-exceeded-dark', 'context-exceeded', { colorScheme: 'dark' });
  await shoot('notes', 'notes');
  await shoot('notes-dark', 'notes', { colorScheme: 'dark' });
  // Conversation actions (versions, usage, the edit box, Undo) and attachments, light and dark, desktop and phone.
  for (const state of [
    'branches',
    'editing',
    'cleared',
    'attachments-composer',
    'attachments-transcript',
  ])
    for (const phone of [false, true])
      for (const colorScheme of /** @type {const} */ (['light', 'dark']))
        await shoot(
          `${state}${phone ? '-phone' : ''}${colorScheme === 'dark' ? '-dark' : ''}`,
          state,
          { colorScheme, phone },
        );
  await shoot('forced-colors', 'approval', {
    forcedColors: 'active',
    prepare: (page) => page.locator('tool-agent-chat [part~="approve-button"]').waitFor(),
  });
} finally {
  await browser.close();
  server.close();
}
