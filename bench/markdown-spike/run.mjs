// Streaming markdown spike: times plain paragraphs vs our renderer vs naive re-rendering in Chromium.
// Usage: npm install --prefix /tmp/md-bench-deps marked dompurify streaming-markdown
//        node bench/markdown-spike/run.mjs            (MD_BENCH_DEPS overrides that folder)
import { build } from 'esbuild';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const deps = process.env.MD_BENCH_DEPS ?? '/tmp/md-bench-deps/node_modules';
const runs = Number(process.env.MD_BENCH_RUNS ?? 5);

async function bundle(entry, options = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    nodePaths: [deps],
    ...options,
  });
  return result.outputFiles[0].text;
}

async function rendererSize() {
  const sizes = {};
  for (const [name, entry] of [
    ['renderer', 'markdown-stream.ts'],
    ['renderer+styles+sanitizeUrl', 'index.ts'],
  ]) {
    const code = await bundle(`${here}../../components/markdown/${entry}`, {
      minify: true,
      external: ['lit'],
    });
    sizes[name] = { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
  }
  return sizes;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
// The machine is shared: the fastest of several interleaved runs is the one least disturbed by others.
const best = (values) => Math.min(...values);

/** CPU time (user + system, ms) used so far by the browser and all its child processes. */
async function treeCpuMs(rootPid) {
  const parents = new Map();
  const cpu = new Map();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      cpu.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while we looked.
    }
  }
  let ticks = 0;
  for (const [pid, used] of cpu) {
    let ancestor = pid;
    while (ancestor > 1 && ancestor !== rootPid) ancestor = parents.get(ancestor) ?? 1;
    if (ancestor === rootPid) ticks += used;
  }
  return (ticks * 1000) / CLOCK_TICKS;
}

async function main() {
  const script = await bundle(`${here}page.mjs`);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'],
    protocolTimeout: 900_000,
  });
  const rootPid = browser.process().pid;
  const page = await browser.newPage();
  await page.setViewport({ width: 800, height: 900 });
  // Served from memory with COOP/COEP: a cross-origin-isolated page gets a 5 µs clock instead of 100 µs.
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    };
    if (request.url().endsWith('/bench.js'))
      void request.respond({ status: 200, contentType: 'text/javascript', headers, body: script });
    else void request.respond({ status: 200, contentType: 'text/html', headers, body: PAGE });
  });
  await page.goto('http://bench.localhost/');
  await page.waitForFunction(() => typeof window.runBench === 'function');
  const measure = async (config) => {
    const before = await treeCpuMs(rootPid);
    const result = await page.evaluate((c) => window.runBench(c), { ...config, chunkSize: 4 });
    return { ...result, cpu: (await treeCpuMs(rootPid)) - before };
  };
  for (const strategy of STRATEGIES) await measure({ strategy, tokens: 500, frames: false });
  const results = [];
  for (const frames of [false, true]) {
    for (const tokens of SIZES) {
      const strategies = STRATEGIES.filter(
        (s) => (s !== 'naive' || tokens <= NAIVE_MAX) && (s !== 'whole' || !frames),
      );
      const samples = new Map(strategies.map((s) => [s, []]));
      // Interleaved, so load from other processes hits every strategy alike.
      for (let i = 0; i < runs; i++) {
        for (const strategy of strategies) {
          if (strategy === 'naive' && i > 0) continue;
          samples.get(strategy).push(await measure({ strategy, tokens, frames }));
        }
      }
      for (const [strategy, list] of samples) {
        const result = { ...list[0] };
        for (const key of ['script', 'layout', 'total', 'cpu', 'longest']) {
          result[key] = best(list.map((s) => s[key]));
          result[`${key}Median`] = median(list.map((s) => s[key]));
        }
        results.push(result);
        console.error(
          `${frames ? 'frames' : 'script'} ${strategy.padEnd(18)} ${String(tokens).padStart(6)} tokens: script ${result.script.toFixed(1)} ms, layout ${result.layout.toFixed(1)} ms, cpu ${result.cpu.toFixed(0)} ms, longest append ${result.longest.toFixed(2)} ms`,
        );
      }
    }
  }
  await browser.close();
  const size = await rendererSize();
  printTables(results, size);
  await writeFile(
    `${here}results.json`,
    JSON.stringify({ date: new Date().toISOString(), chunkSize: 4, runs, size, results }, null, 2) +
      '\n',
  );
}

const CLOCK_TICKS = 100;
const SIZES = [1000, 2000, 5000, 10000, 20000];
const NAIVE_MAX = 2000;
const STRATEGIES = ['plain', 'ours', 'whole', 'streaming-markdown', 'naive'];
const PAGE =
  '<!doctype html><body style="font:16px sans-serif;max-width:720px"><div id="host"></div><script type="module" src="/bench.js"></script></body>';

function printTables(results, size) {
  const get = (strategy, tokens, frames) =>
    results.find((r) => r.strategy === strategy && r.tokens === tokens && r.frames === frames);
  const tables = [
    [false, 'script', 'Script: time inside append()/end(), no layout until the end'],
    [false, 'total', 'Script + the one layout at the end'],
    [true, 'script', 'Frames: script time, with a forced layout after every append'],
    [true, 'layout', 'Frames: the forced layouts'],
    [true, 'total', 'Frames: main-thread total (script + layout)'],
  ];
  for (const [frames, key, title] of tables) {
    console.log(`\n${title} (ms, fastest of ${runs} interleaved runs, 4-char chunks)`);
    console.log(
      '| tokens | plain | ours | ours/plain | whole text at once | streaming-markdown | naive marked+DOMPurify |',
    );
    console.log('|---:|---:|---:|---:|---:|---:|---:|');
    for (const tokens of SIZES) {
      const cell = (s) => get(s, tokens, frames)?.[key]?.toFixed(1) ?? '—';
      const ratio = (get('ours', tokens, frames)[key] / get('plain', tokens, frames)[key]).toFixed(
        2,
      );
      console.log(
        `| ${tokens} | ${cell('plain')} | ${cell('ours')} | ${ratio} | ${cell('whole')} | ${cell('streaming-markdown')} | ${cell('naive')} |`,
      );
    }
    for (const strategy of STRATEGIES) {
      const [from, to] = strategy === 'naive' ? [1000, 2000] : [5000, 20000];
      const a = get(strategy, from, frames)?.[key];
      const b = get(strategy, to, frames)?.[key];
      if (a && b)
        console.log(
          `growth exponent ${strategy} ${from}->${to}: ${(Math.log(b / a) / Math.log(to / from)).toFixed(2)}`,
        );
    }
  }
  console.log('\nLongest single append incl. its layout (ms; no frames / frames)');
  for (const tokens of SIZES) {
    console.log(
      `${tokens}: ` +
        STRATEGIES.map((s) => {
          const a = get(s, tokens, false);
          const b = get(s, tokens, true);
          return a ? `${s} ${a.longest.toFixed(2)} / ${b?.longest.toFixed(2) ?? '—'}` : '';
        })
          .filter(Boolean)
          .join(', '),
    );
  }
  console.log('\nRenderer size (esbuild --minify, lit external):', JSON.stringify(size));
}

await main();
