// @ts-check
// Screenshots of the built demo (light, dark, mid-stream with a tool card, the first screen on a laptop and a phone) into screenshots/demo-*.png.
// Usage: npx vite build --mode demo && node scripts/screenshots-demo.mjs
import { existsSync, mkdirSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from '../test/e2e/static-server.mjs';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}demo-dist`;
const out = `${root}screenshots`;
if (!existsSync(`${dist}/index.html`))
  execSync('npx vite build --mode demo', { cwd: root, stdio: 'inherit' });
mkdirSync(out, { recursive: true });

const server = await serveStatic(dist, '/demo/');
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumArgs,
});

/**
 * @param {'light' | 'dark'} colorScheme
 * @param {{ width: number, height: number }} viewport
 */
async function open(colorScheme, viewport) {
  const context = await browser.newContext({ colorScheme, viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(server.url);
  await page.locator('tool-agent-chat textarea').waitFor();
  return { context, page };
}

/** @param {import('playwright-core').Page} page @param {string} text */
async function ask(page, text) {
  await page.locator('tool-agent-chat textarea').fill(text);
  await page.locator('tool-agent-chat textarea').press('Enter');
}

/** @param {import('playwright-core').Page} page */
const idle = (page) =>
  page.locator('tool-agent-chat [part~="send-button"]').waitFor({ timeout: 60_000 });

try {
  for (const scheme of /** @type {const} */ (['light', 'dark'])) {
    const { context, page } = await open(scheme, { width: 1440, height: 900 });
    await page.screenshot({ path: `${out}/demo-${scheme}-empty.png` });
    await ask(page, 'what is 17 * 23?');
    await page.locator('tool-agent-chat [part~="tool-card"]').first().waitFor();
    await idle(page);
    await ask(page, 'show me some markdown');
    await idle(page);
    await page.screenshot({ path: `${out}/demo-${scheme}.png` });
    await context.close();
  }

  // Mid-stream: an email waiting for approval, then a story streaming.
  const { context, page } = await open('light', { width: 1440, height: 900 });
  await ask(page, 'send an email to ada@example.com about lunch');
  await page.locator('tool-agent-chat [part~="approve-button"]').waitFor();
  await page.screenshot({ path: `${out}/demo-approval.png` });
  await page.locator('tool-agent-chat [part~="approve-button"]').click();
  await idle(page);
  await ask(page, 'what time is it in Tokyo and London?');
  await page
    .locator('tool-agent-chat [part~="tool-running"], tool-agent-chat [part~="tool-streaming"]')
    .first()
    .waitFor();
  await page.screenshot({ path: `${out}/demo-mid-stream.png` });
  await idle(page);
  await ask(page, 'tell me a long story');
  await page.waitForTimeout(4000);
  await page.screenshot({ path: `${out}/demo-streaming.png` });
  await page.locator('tool-agent-chat [part~="stop-button"]').click();
  await context.close();

  // The first screen as a newcomer sees it: a laptop and a phone, the input visible without scrolling.
  const laptop = await open('light', { width: 1366, height: 768 });
  await laptop.page.screenshot({ path: `${out}/demo-first-screen-1366.png` });
  await laptop.context.close();
  const phone = await open('light', { width: 390, height: 844 });
  await phone.page.screenshot({ path: `${out}/demo-first-screen-phone.png` });
  // A suggestion tapped at phone width, then a follow-up in the user's own words.
  await phone.page.locator('.chip', { hasText: 'How many pounds is 70 kg?' }).click();
  await idle(phone.page);
  await ask(phone.page, 'and in stone?');
  await idle(phone.page);
  await phone.page.screenshot({ path: `${out}/demo-mobile-suggestion.png` });
  await phone.context.close();

  // Narrow screen, dark, with the settings panel open and a failed connection test.
  const narrow = await open('dark', { width: 390, height: 844 });
  await narrow.page.locator('#settings-panel summary').click();
  await narrow.page.selectOption('#preset', 'ollama');
  await narrow.page.locator('#test-connection').click();
  await narrow.page.locator('#connection-result.failed').waitFor({ timeout: 40_000 });
  await narrow.page.locator('#settings-panel').scrollIntoViewIfNeeded();
  await narrow.page.screenshot({ path: `${out}/demo-mobile-settings.png`, fullPage: true });
  await narrow.context.close();

  // A recorded provider session replayed in the element (the reasoning one), light and dark.
  for (const scheme of /** @type {const} */ (['light', 'dark'])) {
    const replay = await open(scheme, { width: 1280, height: 860 });
    await replay.page.locator('#replay-panel summary').click();
    await replay.page.selectOption('#replay-session', 'openrouter-kimi-tool-round');
    await replay.page.selectOption('#replay-speed', 'Infinity');
    await replay.page.locator('#replay-form button[type="submit"]').click();
    await replay.page.waitForFunction(
      () =>
        !document.querySelector('tool-agent-chat')?.running &&
        document.querySelector('#model-badge')?.getAttribute('data-mode') === 'replay',
      undefined,
      { timeout: 30_000 },
    );
    await replay.page.waitForTimeout(300);
    await replay.page.screenshot({ path: `${out}/demo-replay-${scheme}.png` });
    await replay.context.close();
  }

  const minimal = await browser.newContext({ viewport: { width: 900, height: 700 } });
  const minimalPage = await minimal.newPage();
  await minimalPage.goto(`${server.url}minimal.html`);
  await minimalPage.locator('button').click();
  await minimalPage.waitForFunction(
    () => document.querySelector('#out')?.textContent?.includes('tokens'),
    undefined,
    { timeout: 30_000 },
  );
  await minimalPage.screenshot({ path: `${out}/demo-minimal.png` });
  await minimal.close();
  console.log(`Screenshots written to ${out}/demo-*.png`);
} finally {
  await browser.close();
  await server.close();
}
