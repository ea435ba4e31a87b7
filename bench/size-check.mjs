/**
 * CI size gate (run by .ci/size-check): bundles the core and the element exactly as the bench
 * does (lib/size-build.mjs) and fails when either passes its budget in bench/size-budgets.json.
 * Uses the root's esbuild (or vite's), never bench/node_modules: fast, no browser, no peers.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleSize, ourEntries, rootDir } from './lib/size-build.mjs';

function rootEsbuild() {
  const fromRoot = createRequire(path.join(rootDir, 'package.json'));
  try {
    return fromRoot('esbuild');
  } catch {
    return createRequire(fromRoot.resolve('vite'))('esbuild');
  }
}

const esbuild = rootEsbuild();
const budgets = JSON.parse(readFileSync(path.join(rootDir, 'bench', 'size-budgets.json'), 'utf8'));
let failed = 0;
let passed = 0;
console.log(`size-check (esbuild ${esbuild.version}; minified, zod external; bytes)`);
for (const [key, entry] of Object.entries(ourEntries)) {
  let size;
  try {
    size = await bundleSize(esbuild, { contents: entry.contents, plugins: entry.plugins ?? [] });
  } catch (error) {
    failed++;
    console.log(`FAIL ${key}: could not bundle: ${error.message.split('\n')[0]}`);
    continue;
  }
  for (const kind of ['gzip', 'brotli']) {
    const budget = budgets[key][kind];
    const ok = size[kind] <= budget;
    if (ok) passed++;
    else failed++;
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${key} ${kind}: ${size[kind]} / budget ${budget}${ok ? ` (${budget - size[kind]} to spare)` : ` (${size[kind] - budget} over: make it smaller, or raise the budget in bench/size-budgets.json with a reason)`}`,
    );
  }
  console.log(`     ${key} minified: ${size.minified}`);
  for (const chunk of size.lazyChunks)
    console.log(
      `     ${key} lazy chunk ${chunk.name}: ${chunk.minified} minified, ${chunk.gzip} gzip, ${chunk.brotli} brotli (not in the budget)`,
    );
}
console.log(`size-check: ${passed} within budget, ${failed} over`);
process.exit(failed ? 1 : 0);
