/**
 * The settle pass measured against the hand-written streaming parser alone, on the same data:
 * spec conformance (CommonMark 0.31.2 and GFM extension examples, our normalisation), script
 * cost of streaming a long answer token by token (bench/lib/markdown-document.mjs, 5k-20k
 * tokens) against plain paragraphs, and bundle sizes. Chromium via playwright-core (root
 * devDependencies), esbuild from the root. Writes settle-results.json next to this file.
 *
 *   node bench/markdown-spike/settle-bench.mjs      (SETTLE_BENCH_ROUNDS=5 by default)
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { markdownDocument, tokenize } from '../lib/markdown-document.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '..', '.cache', 'settle-bench');
const rounds = Number(process.env.SETTLE_BENCH_ROUNDS ?? 5);
const modes = { script: false, frames: true };
const sizes = [5000, 10000, 20000];

/** Replaces the settle engine by a stub that does nothing. */
const stubSettle = {
  name: 'stub-settle',
  setup(plugin) {
    plugin.onResolve({ filter: /spec\/settle-engine\.js$/ }, () => ({
      path: path.join(here, 'settle-stub.ts'),
    }));
  },
};

async function bundle(variant) {
  const outdir = path.join(out, variant);
  await rm(outdir, { recursive: true, force: true });
  const result = await build({
    entryPoints: { page: path.join(here, 'settle-page.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    outdir,
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: variant === 'streaming-only' ? [stubSettle] : [],
    logLevel: 'silent',
  });
  await writeFile(
    path.join(outdir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><body><script type="module" src="page.js"></script>',
  );
  return result.metafile;
}

function serve(root) {
  const server = createServer(async (request, response) => {
    try {
      const file = path.join(root, decodeURIComponent(new URL(request.url, 'http://x').pathname));
      const body = await readFile(file.endsWith('/') ? path.join(file, 'index.html') : file);
      response.writeHead(200, {
        'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const exponent = (small, large, n1, n2) => Math.log(large / small) / Math.log(n2 / n1);
const best = (values) => Math.min(...values);

await mkdir(out, { recursive: true });
await bundle('full');
await bundle('streaming-only');
const server = await serve(out);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumArgs,
  headless: true,
});
const results = { date: new Date().toISOString(), rounds, conformance: {}, cost: {} };
try {
  const pages = {};
  for (const variant of ['full', 'streaming-only']) {
    const page = await browser.newPage();
    await page.goto(`${origin}/${variant}/`);
    await page.waitForFunction(() => 'cost' in window);
    await page.evaluate(() => window.warm());
    pages[variant] = page;
    results.conformance[variant] = await page.evaluate(() => window.conformance());
  }
  for (const [mode, frames] of Object.entries(modes)) {
    results.cost[mode] = {};
    for (const tokens of sizes) {
      const pieces = tokenize(markdownDocument(tokens));
      const times = { plain: [], ours: [], 'streaming parser alone': [] };
      // One unmeasured run of each first: the JIT warms up on the same data.
      for (let round = -1; round < rounds; round++) {
        const run = [
          await pages.full.evaluate(([t, f]) => window.cost(t, 'plain', f), [pieces, frames]),
          await pages.full.evaluate(([t, f]) => window.cost(t, 'ours', f), [pieces, frames]),
          await pages['streaming-only'].evaluate(
            ([t, f]) => window.cost(t, 'ours', f),
            [pieces, frames],
          ),
        ];
        if (round >= 0) Object.values(times).forEach((values, index) => values.push(run[index]));
      }
      results.cost[mode][tokens] = Object.fromEntries(
        Object.entries(times).map(([name, values]) => [name, best(values)]),
      );
    }
  }
} finally {
  await browser.close();
  server.close();
}

const total = (sections) =>
  Object.values(sections).reduce(
    (sum, { passed, total: all }) => ({ passed: sum.passed + passed, total: sum.total + all }),
    { passed: 0, total: 0 },
  );
console.log('Conformance (examples outside the safety rules):');
for (const [variant, suites] of Object.entries(results.conformance)) {
  for (const [suite, sections] of Object.entries(suites)) {
    const { passed, total: all } = total(sections);
    console.log(
      `  ${variant.padEnd(15)} ${suite.padEnd(11)} ${passed}/${all} = ${((100 * passed) / all).toFixed(1)}%`,
    );
  }
}
results.growth = {};
for (const mode of Object.keys(modes)) {
  console.log(
    `\n${mode === 'frames' ? 'With a layout after every append' : 'Script time alone'} (ms, fastest of ${rounds} rounds):`,
  );
  console.log('  tokens   plain    ours  ours/plain  streaming alone  alone/plain');
  for (const tokens of sizes) {
    const row = results.cost[mode][tokens];
    const alone = row['streaming parser alone'];
    console.log(
      `  ${String(tokens).padStart(6)} ${row.plain.toFixed(1).padStart(7)} ${row.ours.toFixed(1).padStart(7)} ${(row.ours / row.plain).toFixed(2).padStart(11)} ${alone.toFixed(1).padStart(16)} ${(alone / row.plain).toFixed(2).padStart(12)}`,
    );
  }
  const [first, , last] = sizes;
  results.growth[mode] = Object.fromEntries(
    Object.keys(results.cost[mode][first]).map((name) => [
      name,
      exponent(results.cost[mode][first][name], results.cost[mode][last][name], first, last),
    ]),
  );
  console.log(
    `  growth exponent ${first}->${last}: ${Object.entries(results.growth[mode])
      .map(([name, value]) => `${name} ${value.toFixed(2)}`)
      .join(', ')}`,
  );
}
await writeFile(path.join(here, 'settle-results.json'), `${JSON.stringify(results, null, 2)}\n`);
