// @ts-check
// End-to-end check of the built demo as a newcomer meets it: served by a plain static server
// from a sub-path, talking to the offline demo model in headless Chromium.
// Usage: npm run test:e2e   (builds the demo first), or: node test/e2e/demo.e2e.mjs
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = `${root}demo-dist`;
if (!existsSync(`${dist}/index.html`)) {
  console.log('demo-dist/ is missing: building it with vite build --mode demo');
  execSync('npx vite build --mode demo', { cwd: root, stdio: 'inherit' });
}

let passed = 0;
let failed = 0;
/** @param {string} name @param {() => Promise<void>} run */
async function check(name, run) {
  const started = Date.now();
  try {
    await run();
    passed += 1;
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed += 1;
    console.log(
      `  ✗ ${name}\n      ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join('\n      ') : String(error)}`,
    );
  }
}

/** @param {unknown} condition @param {string} message @returns {asserts condition} */
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// A sub-path, so any absolute asset path in the build would 404 here.
const server = await serveStatic(dist, '/nested/demo-site/');
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
/** @type {string[]} */
const problems = [];
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('console', (message) => {
  if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
});
page.on('response', (response) => {
  if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
});
page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
// Anything leaving the page for the network (other than our static server) breaks "offline".
await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => {
  problems.push(`outside request: ${route.request().url()}`);
  return route.abort();
});

const chat = page.locator('tool-agent-chat');
const input = chat.locator('textarea');
const lastAnswer = chat.locator('[part~="assistant-message"]').last();
const idle = () => chat.locator('[part~="send-button"]').waitFor({ timeout: 30_000 });
/** @param {string} text */
async function ask(text) {
  await input.fill(text);
  await input.press('Enter');
}

/** Runs axe-core in both colour schemes and fails on any violation. */
async function axeCheck() {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ path: `${root}node_modules/axe-core/axe.min.js` });
  for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
    await page.emulateMedia({ colorScheme });
    const violations = await page.evaluate(async () => {
      // @ts-expect-error axe is injected above
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map(
        (/** @type {{ id: string, nodes: { target: unknown }[] }} */ v) =>
          `${v.id} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
      );
    });
    assert(violations.length === 0, `${colorScheme}: ${violations.join('; ')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

console.log(`Demo served from ${server.url}`);
try {
  await check(
    'the built demo loads from a sub-path of a plain static server, labelled as the demo model',
    async () => {
      await page.goto(server.url);
      await input.waitFor({ timeout: 15_000 });
      const badge = (await page.locator('#model-badge').textContent()) ?? '';
      assert(/demo model/i.test(badge), `the badge says "${badge}"`);
      assert(await page.locator('#demo-note').isVisible(), 'the demo note is hidden');
      assert(problems.length === 0, problems.join('; '));
    },
  );

  await check('follows the system colour scheme (light and dark)', async () => {
    const background = () =>
      page.evaluate(() => window.getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await background();
    await page.emulateMedia({ colorScheme: 'light' });
    assert(light !== dark, `the background is ${light} in both schemes`);
  });

  await check(
    'has no accessibility violations on first load (axe-core, light and dark, shadow DOM included)',
    () => axeCheck(),
  );

  await check('"what is 17 * 23?" shows a calculator tool card and answers 391', async () => {
    await ask('what is 17 * 23?');
    const card = chat.locator('[part~="tool-card"]').first();
    await card.waitFor({ timeout: 10_000 });
    assert(
      ((await card.locator('[part~="tool-name"]').textContent()) ?? '').includes('calculator'),
      'the tool card is not the calculator',
    );
    await idle();
    assert(
      ((await card.getAttribute('data-status')) ?? '') === 'done',
      `the card status is ${await card.getAttribute('data-status')}`,
    );
    assert(
      ((await card.locator('[part~="tool-arguments"]').textContent()) ?? '').includes('17 * 23'),
      'the card does not show the expression',
    );
    const answer = (await lastAnswer.innerText()).trim();
    assert(/17 \* 23 = 391/.test(answer), `the answer is "${answer}"`);
  });

  await check('the live panel shows the chunks of that turn', async () => {
    const types = await page
      .locator('#chunk-rows tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-type')));
    for (const type of [
      'reasoning-delta',
      'tool-call-start',
      'tool-call-delta',
      'tool-call-ready',
      'tool-call-result',
      'text-delta',
      'finish',
    ]) {
      assert(types.includes(type), `no ${type} row (saw ${[...new Set(types)].join(', ')})`);
    }
    assert(
      ((await page.locator('#chunk-rows').innerText()) ?? '').includes('"result":391'),
      'the tool result row lacks 391',
    );
  });

  await check('the sensitive tool waits for approval, then runs when approved', async () => {
    await ask('send an email to ada@example.com about lunch');
    const approve = chat.locator('[part~="approve-button"]');
    await approve.waitFor({ timeout: 10_000 });
    const card = chat.locator('[part~="tool-card"]').last();
    assert(
      (await card.getAttribute('data-status')) === 'awaiting-approval',
      `the card status is ${await card.getAttribute('data-status')}`,
    );
    await page.waitForTimeout(500);
    assert(
      (await card.getAttribute('data-status')) === 'awaiting-approval',
      'the tool ran without approval',
    );
    await approve.click();
    await idle();
    assert(
      (await card.getAttribute('data-status')) === 'done',
      `after approval the card status is ${await card.getAttribute('data-status')}`,
    );
    const answer = await lastAnswer.innerText();
    assert(/was sent/.test(answer), `the answer is "${answer}"`);
  });

  await check('Stop ends a long answer midway and the partial text stays', async () => {
    await ask('tell me a long story');
    await page.waitForFunction(
      () => {
        const host = document.querySelector('tool-agent-chat');
        const answers = host?.shadowRoot?.querySelectorAll('[part~="assistant-message"]');
        const last = answers?.[answers.length - 1];
        return (last?.textContent ?? '').length > 400;
      },
      undefined,
      { timeout: 20_000 },
    );
    await chat.locator('[part~="stop-button"]').click();
    await idle();
    const atStop = await lastAnswer.innerText();
    await page.waitForTimeout(1500);
    const later = await lastAnswer.innerText();
    assert(later === atStop, 'text kept arriving after Stop');
    assert(atStop.includes("The Lighthouse Keeper's Robot"), 'the partial story is gone');
    assert(!atStop.includes('The end.'), 'the story ran to the end: Stop did not stop it');
    assert(
      (await lastAnswer.getAttribute('data-state')) === 'stopped',
      `the answer state is ${await lastAnswer.getAttribute('data-state')}`,
    );
    assert(
      /Stopped/.test(await chat.locator('[part~="state-note"]').last().innerText()),
      'no "Stopped" note',
    );
  });

  await check('a reload restores the conversation (storage-key)', async () => {
    await page.reload();
    await input.waitFor({ timeout: 15_000 });
    await chat.locator('[part~="user-message"]').first().waitFor({ timeout: 10_000 });
    // textContent, not innerText: innerText leaves out the answer blocks scrolled far out of view.
    const transcript = (await chat.locator('[part~="transcript"]').textContent()) ?? '';
    for (const expected of [
      'what is 17 * 23?',
      '17 * 23 = 391',
      'send an email to ada@example.com',
      'was sent',
      'tell me a long story',
      "The Lighthouse Keeper's Robot",
    ]) {
      assert(transcript.includes(expected), `"${expected}" is missing after reload`);
    }
    assert(
      (await chat.locator('[part~="tool-card"]').count()) >= 2,
      'the tool cards were not restored',
    );
  });

  await check("understands questions in a newcomer's own words, and follow-ups", async () => {
    /** @type {[string, RegExp][]} */
    const cases = [
      ['how many pounds is 70 kilograms', /70 kg = 154\.324 lb/],
      ['could you work out twelve times eight for me?', /12 \* 8 = 96/],
      ['and divided by 3?', /96 \/ 3 = 32/],
      ["what's the time in New York right now?", /It is \d\d:\d\d in New York \(America\/New_York/],
      ['and in Paris?', /in Paris \(Europe\/Paris/],
      ['how many ounces are in a pound', /1 lb = 16 oz/],
    ];
    for (const [question, answer] of cases) {
      await ask(question);
      await idle();
      const text = (await lastAnswer.innerText()).trim();
      assert(answer.test(text), `"${question}" was answered "${text}"`);
    }
  });

  await check(
    'answers briefly and honestly outside its skills, and does not take "what is 9/11?" as a sum',
    async () => {
      const cards = await chat.locator('[part~="tool-card"]').count();
      await ask('what is 9/11?');
      await idle();
      const text = await lastAnswer.innerText();
      assert(
        /Sorry, I cannot/.test(text) && /Calculate 9 divided by 11/.test(text),
        `the answer is "${text}"`,
      );
      assert(
        (await chat.locator('[part~="tool-card"]').count()) === cards,
        'a tool ran for "what is 9/11?"',
      );
      await ask("what's the weather like in London?");
      await idle();
      const weather = await lastAnswer.innerText();
      assert(
        /cannot check the weather/.test(weather) && /What time is it in London\?/.test(weather),
        `the weather answer is "${weather}"`,
      );
      // Brief, so they stream in moments (a wall-clock limit here only measured the machine's load).
      assert(
        text.length < 400 && weather.length < 400,
        `the answers are long: ${text.length} and ${weather.length} characters`,
      );
    },
  );

  await check(
    'switching to a real endpoint starts a new conversation, the badge is Live only when the model answers, and switching back restores the demo one',
    async () => {
      const before = problems.length;
      /** @type {{ messages: { role: string, content: unknown }[], model: string }[]} */
      const bodies = [];
      const sse = (/** @type {string} */ text) =>
        [
          {
            id: 'x',
            object: 'chat.completion.chunk',
            created: 1,
            model: 'good',
            choices: [
              { index: 0, delta: { role: 'assistant', content: text }, finish_reason: null },
            ],
          },
          {
            id: 'x',
            object: 'chat.completion.chunk',
            created: 1,
            model: 'good',
            choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
          },
        ]
          .map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`)
          .join('') + 'data: [DONE]\n\n';
      const cors = {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': '*',
        'access-control-allow-methods': 'POST, OPTIONS',
      };
      await page.route('http://127.0.0.1:9/v1/**', async (route) => {
        if (route.request().method() === 'OPTIONS')
          return route.fulfill({ status: 204, headers: cors });
        const body = JSON.parse(route.request().postData() ?? '{}');
        bodies.push(body);
        if (body.model !== 'good') {
          return route.fulfill({
            status: 404,
            headers: { ...cors, 'content-type': 'application/json' },
            body: JSON.stringify({
              error: {
                message: `The model \`${body.model}\` does not exist`,
                code: 'model_not_found',
              },
            }),
          });
        }
        return route.fulfill({
          status: 200,
          headers: { ...cors, 'content-type': 'text/event-stream' },
          body: sse('Hello from the real endpoint.'),
        });
      });
      const badge = page.locator('#model-badge');
      await page.locator('#settings-panel summary').click();
      await page.selectOption('#preset', 'custom');
      await page.fill('#base-url', 'http://127.0.0.1:9/v1');
      await page.fill('#model', 'nope');
      await page.locator('#endpoint-form button[type="submit"]').click();
      await page.waitForFunction(
        () => document.querySelector('#model-badge')?.getAttribute('data-mode') === 'problem',
        undefined,
        { timeout: 10_000 },
      );
      const unknown = (await badge.textContent()) ?? '';
      assert(
        /Unknown model/.test(unknown) && !/Live/.test(unknown),
        `with an unknown model the badge says "${unknown}"`,
      );
      const note = (await page.locator('#switch-note').innerText()) ?? '';
      assert(
        /New conversation/.test(note) && /demo conversation is kept/.test(note),
        `the switch note says "${note}"`,
      );
      assert(
        (await chat.locator('[part~="user-message"]').count()) === 0,
        'the demo conversation is still on screen',
      );

      await page.fill('#model', 'good');
      await page.locator('#endpoint-form button[type="submit"]').click();
      await page.waitForFunction(
        () => document.querySelector('#model-badge')?.getAttribute('data-mode') === 'live',
        undefined,
        { timeout: 10_000 },
      );
      assert(
        /^Live · 127\.0\.0\.1:9 · good$/.test((await badge.textContent()) ?? ''),
        `the badge says "${await badge.textContent()}"`,
      );
      await ask('hello');
      await idle();
      assert(
        (await lastAnswer.innerText()).includes('Hello from the real endpoint.'),
        'no answer from the real endpoint',
      );
      const sent = bodies.at(-1)?.messages ?? [];
      assert(
        sent.map((message) => message.role).join(',') === 'system,user',
        `the real model was sent ${JSON.stringify(sent).slice(0, 300)}`,
      );

      await page.selectOption('#preset', 'demo');
      await page.locator('#endpoint-form button[type="submit"]').click();
      await page.waitForFunction(
        () =>
          /Back to the demo model/.test(document.querySelector('#switch-note')?.textContent ?? ''),
        undefined,
        { timeout: 10_000 },
      );
      // textContent, not innerText: innerText leaves out the answer blocks scrolled far out of view.
      const transcript = (await chat.locator('[part~="transcript"]').textContent()) ?? '';
      assert(
        transcript.includes('17 * 23 = 391') &&
          !transcript.includes('Hello from the real endpoint.'),
        'the demo conversation did not come back',
      );
      assert(
        /Demo model/.test((await badge.textContent()) ?? ''),
        `back on the demo the badge says "${await badge.textContent()}"`,
      );
      await page.locator('#settings-panel summary').click();
      await page.unroute('http://127.0.0.1:9/v1/**');
      // The 404s above were the unknown model, on purpose.
      problems.splice(before);
    },
  );

  await check(
    'replays recorded real-provider sessions in the chat offline, with a recording badge, and goes back to the demo conversation',
    async () => {
      const badge = page.locator('#model-badge');
      await page.locator('#replay-panel summary').click();
      await page.selectOption('#replay-session', 'openrouter-kimi-tool-round');
      const about = (await page.locator('#replay-about').innerText()) ?? '';
      assert(
        /simonw\/llm/.test(about) && /made up/.test(about),
        `the session note says "${about}"`,
      );
      await page.selectOption('#replay-speed', 'Infinity');
      await page.locator('#replay-form button[type="submit"]').click();
      await page.waitForFunction(
        () => document.querySelector('#model-badge')?.getAttribute('data-mode') === 'replay',
        undefined,
        { timeout: 10_000 },
      );
      assert(
        /^Recording · OpenRouter/.test((await badge.textContent()) ?? ''),
        `the badge says "${await badge.textContent()}"`,
      );
      const card = chat.locator('[part~="tool-card"]').first();
      await card.waitFor({ timeout: 10_000 });
      await idle();
      assert(
        ((await card.locator('[part~="tool-name"]').textContent()) ?? '').includes('llm_version'),
        'the replayed tool card is not llm_version',
      );
      const answer = await lastAnswer.innerText();
      assert(answer.includes('0.fixed-version'), `the replayed answer is "${answer}"`);
      assert(
        (await chat.locator('[part~="user-message"]').innerText()).includes('current llm version'),
        'the recorded prompt was not sent',
      );
      assert(
        !((await chat.locator('[part~="transcript"]').textContent()) ?? '').includes(
          '17 * 23 = 391',
        ),
        'the demo conversation is mixed into the replay',
      );
      const note = await page.locator('#replay-note').innerText();
      assert(/Replaying a recording of OpenRouter/.test(note), `the replay note says "${note}"`);

      await page.selectOption('#replay-session', 'deepseek-reasoner');
      await page.locator('#replay-form button[type="submit"]').click();
      await page.waitForFunction(
        () => /DeepSeek/.test(document.querySelector('#model-badge')?.textContent ?? ''),
        undefined,
        { timeout: 10_000 },
      );
      await page.waitForFunction(
        () =>
          (document.querySelector('tool-agent-chat')?.shadowRoot?.textContent ?? '').includes(
            'contains three',
          ),
        undefined,
        { timeout: 20_000 },
      );
      await idle();
      await axeCheck();

      await page.locator('#leave-replay').click();
      await page.waitForFunction(
        () => document.querySelector('#model-badge')?.getAttribute('data-mode') === 'demo',
        undefined,
        { timeout: 10_000 },
      );
      // textContent, not innerText: innerText leaves out the answer blocks scrolled far out of view.
      const transcript = (await chat.locator('[part~="transcript"]').textContent()) ?? '';
      assert(transcript.includes('17 * 23 = 391'), 'the demo conversation did not come back');
      assert(await page.locator('#replay-note').isHidden(), 'the replay note stayed');
      await page.locator('#replay-panel summary').click();
    },
  );

  await check(
    'has no accessibility violations with a conversation, tool cards and the settings panel open',
    async () => {
      const before = problems.length;
      await page.locator('#settings-panel summary').click();
      await page.selectOption('#preset', 'lmstudio');
      await page.locator('#test-connection').click();
      await page.locator('#connection-result.failed').waitFor({ timeout: 20_000 });
      const verdict = await page.locator('#connection-result').innerText();
      assert(
        /network or CORS/.test(verdict) && /Enable CORS/.test(verdict),
        `the LM Studio verdict is "${verdict}"`,
      );
      await axeCheck();
      // The test reached for localhost:1234 on purpose and failed as it should; that is not a page problem.
      problems.splice(before);
    },
  );

  await check('the minimal page streams an answer with the library alone', async () => {
    await page.goto(`${server.url}minimal.html`);
    await page.locator('#ask button').click();
    await page.waitForFunction(
      () => document.querySelector('#out')?.textContent?.includes('tokens)'),
      undefined,
      { timeout: 20_000 },
    );
    const out = (await page.locator('#out').textContent()) ?? '';
    assert(
      out.includes('17 * 23 = **391**') && out.includes('calling calculator'),
      `the output is "${out}"`,
    );
  });

  await check('the message input is on the first screen at 1366x768 and 390x844', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 390, height: 844 },
    ]) {
      const fresh = await browser.newContext({ viewport });
      const first = await fresh.newPage();
      await first.goto(server.url);
      const box = await first.locator('tool-agent-chat textarea').boundingBox();
      assert(
        box && box.y >= 0 && box.y + box.height <= viewport.height,
        `at ${viewport.width}x${viewport.height} the input is at ${JSON.stringify(box)}`,
      );
      await fresh.close();
    }
  });

  await check(
    'at phone width, a suggestion works and the settings panel fits and tests the demo model',
    async () => {
      const phone = await browser.newContext({
        viewport: { width: 390, height: 844 },
        hasTouch: true,
        isMobile: true,
      });
      const mobile = await phone.newPage();
      await mobile.goto(server.url);
      const phoneChat = mobile.locator('tool-agent-chat');
      await mobile.locator('.chip', { hasText: 'How many pounds is 70 kg?' }).click();
      await phoneChat.locator('[part~="send-button"]').waitFor({ timeout: 30_000 });
      await phoneChat.locator('[part~="assistant-message"]').last().waitFor();
      const answer = await phoneChat.locator('[part~="assistant-message"]').last().innerText();
      assert(/70 kg = 154\.324 lb/.test(answer), `the chip's answer is "${answer}"`);
      await mobile.locator('#settings-panel summary').click();
      await mobile.locator('#test-connection').click();
      await mobile.locator('#connection-result[data-kind="ok"]').waitFor({ timeout: 10_000 });
      const overflow = await mobile.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert(overflow <= 0, `the page is ${overflow}px wider than the phone`);
      for (const selector of ['#preset', '#base-url', '#model', '#api-key', '#test-connection']) {
        const box = await mobile.locator(selector).boundingBox();
        assert(
          box && box.x >= 0 && box.x + box.width <= 390,
          `${selector} does not fit: ${JSON.stringify(box)}`,
        );
      }
      await phone.close();
    },
  );

  await check('no page errors, failed requests or requests leaving the page', async () => {
    assert(problems.length === 0, problems.join('; '));
  });
} finally {
  await browser.close();
  await server.close();
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
