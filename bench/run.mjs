#!/usr/bin/env node
/**
 * `npm run bench`: every measurement in one run, a table on stdout and bench/results.json.
 * See bench/README.md for the method. Flags:
 *   --only=size,throughput,latency,tools,render,memory   run a subset
 *   --quick                                              small sizes, for checking the bench itself
 *   --no-profile                                         skip the CPU profiles taken when a throughput or render target is missed
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const only = (
  args
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',') ?? ['size', 'throughput', 'latency', 'tools', 'render', 'memory']
).map((s) => s.trim());
const quick = args.includes('--quick');
const wantProfile = !args.includes('--no-profile');
const t0 = Date.now();
const log = (message) =>
  console.error(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${message}`);

// ---- dependencies of bench/ only (never the root's package.json) ----
function depsInstalled() {
  const pkg = JSON.parse(readFileSync(path.join(benchDir, 'package.json'), 'utf8'));
  return Object.entries(pkg.devDependencies ?? {}).every(([name, version]) => {
    const file = path.join(benchDir, 'node_modules', name, 'package.json');
    return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).version === version;
  });
}
if (!depsInstalled()) {
  log('installing bench dependencies (npm --prefix bench ci)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['--prefix', benchDir, 'ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

const esbuild = createRequire(path.join(benchDir, 'package.json'))('esbuild');
const { bundle, buildDir, rootDir } = await import('./lib/build.mjs');
const { round } = await import('./lib/stats.mjs');
mkdirSync(buildDir, { recursive: true });

const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    loadAverageAtStart: os.loadavg().map((l) => round(l, 2)),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  },
  commit: (() => {
    try {
      const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
        cwd: rootDir,
        encoding: 'utf8',
      }).trim();
      const dirty =
        execFileSync('git', ['status', '--porcelain', '--', 'src', 'components'], {
          cwd: rootDir,
          encoding: 'utf8',
        }).trim() !== '';
      return dirty ? `${head} + uncommitted changes in src/ or components/` : head;
    } catch {
      return 'unknown';
    }
  })(),
  quick,
};

// ---- bundles ----
log('bundling the bench entries');
const needs = (k) => only.includes(k);
const bundles = {};
if (needs('throughput')) {
  bundles.throughputNode = await bundle(esbuild, {
    entry: 'entries/throughput.mjs',
    out: 'throughput-node.mjs',
    platform: 'node',
  });
  bundles.throughputBrowser = await bundle(esbuild, {
    entry: 'entries/throughput.mjs',
    out: 'throughput-browser.js',
    format: 'iife',
    globalName: 'bench',
  });
}
if (needs('latency') || needs('tools'))
  bundles.node = await bundle(esbuild, {
    entry: 'entries/node.mjs',
    out: 'node.mjs',
    platform: 'node',
  });
if (needs('render') || needs('memory'))
  bundles.page = await bundle(esbuild, {
    entry: 'entries/page.mjs',
    out: 'page.js',
    format: 'iife',
  });

/** Runs one measurement; a failure is recorded in results.errors and the run goes on. */
async function guarded(name, fn) {
  try {
    return await fn();
  } catch (error) {
    log(`${name} FAILED: ${error.stack ?? error}`);
    (results.errors ??= {})[name] = String(error.message ?? error);
    return undefined;
  }
}

const settings = quick
  ? {
      throughput: { events: 20_000, aiEvents: 5_000, rounds: 3, aiRounds: 1, budgetMs: 20_000 },
      render: {
        sizes: [1000, 2000, 4000],
        naiveSizes: [250, 500],
        fastRounds: 1,
        paced: [
          { name: '100 tokens/s', tokens: 300, tokensPerChunk: 1, intervalMs: 10 },
          { name: '1000 tokens/s', tokens: 2000, tokensPerChunk: 10, intervalMs: 10 },
        ],
        pacedRounds: 1,
        tokensPerChunk: 10,
        budgetMs: 30_000,
      },
      memory: { turns: 40, every: 10 },
      latency: { rounds: 2, count: 100, interval: 5 },
      tools: { rounds: 3 },
    }
  : {
      throughput: { events: 100_000, aiEvents: 10_000, rounds: 5, aiRounds: 2, budgetMs: 30_000 },
      render: {
        sizes: [5000, 10000, 20000],
        naiveSizes: [1000, 2000],
        fastRounds: 3,
        // A model's pace: one token per read every 10 ms, and ten tokens per read every 10 ms.
        paced: [
          { name: '100 tokens/s', tokens: 2000, tokensPerChunk: 1, intervalMs: 10 },
          { name: '1000 tokens/s', tokens: 10000, tokensPerChunk: 10, intervalMs: 10 },
        ],
        pacedRounds: 5,
        tokensPerChunk: 10,
        budgetMs: 300_000,
      },
      memory: { turns: 200, every: 20 },
      latency: { rounds: 4, count: 200, interval: 5 },
      tools: { rounds: 5 },
    };
results.settings = settings;

// ---- 1. size ----
if (needs('size')) {
  log('size');
  const { measureSizes } = await import('./size.mjs');
  results.size = await guarded('size', () => measureSizes(esbuild));
}

// ---- 2, 4, 5 in Node ----
if (needs('throughput')) {
  log('throughput in Node');
  const { measureNode } = await import('./throughput.mjs');
  results.throughputNode = await guarded('throughputNode', () =>
    measureNode(bundles.throughputNode, settings.throughput),
  );
}
if (needs('latency')) {
  log('latency over loopback');
  const { measureLatency } = await import('./latency.mjs');
  results.latency = await guarded('latency', () => measureLatency(bundles.node, settings.latency));
}
if (needs('tools')) {
  log('tools');
  const { measureTools } = await import('./tools.mjs');
  results.tools = await guarded('tools', () => measureTools(bundles.node, settings.tools));
}

// ---- 2, 3, 6 in Chromium ----
if (needs('throughput') || needs('render') || needs('memory')) {
  const { launchChromium, startStaticServer } = await import('./lib/browser.mjs');
  const server = await startStaticServer();
  const browser = await launchChromium();
  results.machine.chromium = browser.version();
  try {
    if (needs('throughput')) {
      log('throughput in Chromium');
      const { measureChromium } = await import('./throughput.mjs');
      results.throughputChromium = await guarded('throughputChromium', () =>
        measureChromium(browser, server.origin, settings.throughput),
      );
    }
    if (needs('render')) {
      log('render in Chromium');
      const { measureRender } = await import('./render.mjs');
      results.render = await guarded('render', () =>
        measureRender(browser, server.origin, settings.render, log),
      );
      const r = results.render;
      if (
        r &&
        wantProfile &&
        (r.elementOverPlain[r.largest] > 1.3 ||
          Object.values(r.paced).some((p) => p.element.overPlain > 1.3) ||
          r.exponents.element > 1.1 ||
          r.longestElementTaskCpuMs > 50)
      ) {
        log('a render target was missed: CPU profile of the element (Chromium)');
        const { profileElementRender } = await import('./render.mjs');
        results.renderProfile = await guarded('renderProfile', () =>
          profileElementRender(browser, server.origin, {
            tokens: settings.render.sizes[0],
            tokensPerChunk: settings.render.tokensPerChunk,
          }),
        );
      }
    }
    if (needs('memory')) {
      log('memory in Chromium');
      const { measureMemory } = await import('./memory.mjs');
      results.memory = await guarded('memory', () =>
        measureMemory(browser, server.origin, settings.memory, log),
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

// ---- the table ----
const { buildTable, printTable } = await import('./lib/table.mjs');
const table = buildTable(results);
results.table = table;
const missedThroughput = table.some((row) => row.section === 'throughput' && row.status === 'MISS');
if (missedThroughput && wantProfile && needs('throughput')) {
  log('a throughput target was missed: CPU profile of our pipeline (Node)');
  const { profileOurs } = await import('./profile.mjs');
  results.profile = await guarded('profile', () =>
    profileOurs({ esbuild, events: quick ? 20_000 : 100_000, toolShare: 0.2, runs: 3, top: 15 }),
  );
}
results.machine.loadAverageAtEnd = os.loadavg().map((l) => round(l, 2));
results.seconds = round((Date.now() - t0) / 1000, 1);
const resultsFile = path.join(benchDir, quick ? '.cache/results-quick.json' : 'results.json');
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
printTable(results, table);
log(`done in ${results.seconds} s; results in ${path.relative(rootDir, resultsFile)}`);
