/**
 * CI size gate (run by .ci/size-check): bundles the core and the element exactly as the bench
 * does (lib/size-build.mjs), once from the sources and once from what is shipped (`dist/`, so
 * `npm run build` first), and fails when either passes its budget in bench/size-budgets.json or
 * the shipped bundle is more than 2% larger than the one from source (module-level code in the
 * built chunks that a consumer's bundler cannot drop).
 * Uses the root's esbuild (or vite's), never bench/node_modules: fast, no browser, no peers.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleSize, ourEntries, rootDir, shippedContents } from './lib/size-build.mjs';

/** Largest shipped/from-source ratio allowed, for each of minified, gzip and brotli bytes. */
const maxShippedRatio = 1.02;
const kinds = ['minified', 'gzip', 'brotli'];

function rootEsbuild() {
  const fromRoot = createRequire(path.join(rootDir, 'package.json'));
  try {
    return fromRoot('esbuild');
  } catch {
    return createRequire(fromRoot.resolve('vite'))('esbuild');
  }
}

async function measure(contents, plugins = []) {
  try {
    return { size: await bundleSize(esbuild, { contents, plugins }) };
  } catch (error) {
    return { error: error.message.split('\n')[0] };
  }
}

const esbuild = rootEsbuild();
const budgets = JSON.parse(readFileSync(path.join(rootDir, 'bench', 'size-budgets.json'), 'utf8'));
let failed = 0;
let passed = 0;
const check = (ok, line) => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
};

console.log(`size-check (esbuild ${esbuild.version}; minified, zod external; bytes)`);
if (!existsSync(path.join(rootDir, 'dist', 'index.js')))
  console.log('     dist/ is missing: run `npm run build` first to measure what is shipped');
for (const [key, entry] of Object.entries(ourEntries)) {
  const fromSource = await measure(entry.contents, entry.plugins);
  const shipped = await measure(shippedContents(entry.contents), entry.plugins);
  for (const [from, result] of [
    ['source', fromSource],
    ['shipped', shipped],
  ]) {
    if (result.error) {
      check(false, `${key} (${from}): could not bundle: ${result.error}`);
      continue;
    }
    const { size } = result;
    for (const kind of ['gzip', 'brotli']) {
      const budget = budgets[key][kind];
      const ok = size[kind] <= budget;
      check(
        ok,
        `${key} (${from}) ${kind}: ${size[kind]} / budget ${budget}${ok ? ` (${budget - size[kind]} to spare)` : ` (${size[kind] - budget} over: make it smaller, or raise the budget in bench/size-budgets.json with a reason)`}`,
      );
    }
    console.log(`     ${key} (${from}) minified: ${size.minified}`);
  }
  if (fromSource.size && shipped.size) {
    for (const kind of kinds) {
      const ratio = shipped.size[kind] / fromSource.size[kind];
      check(
        ratio <= maxShippedRatio,
        `${key} shipped/source ${kind}: ${shipped.size[kind]} / ${fromSource.size[kind]} = ${ratio.toFixed(4)} (at most ${maxShippedRatio}${ratio <= maxShippedRatio ? '' : ': something in dist/ survives tree shaking that the sources do not; compare the two bundles'})`,
      );
    }
    for (const chunk of fromSource.size.lazyChunks)
      console.log(
        `     ${key} lazy chunk ${chunk.name}: ${chunk.minified} minified, ${chunk.gzip} gzip, ${chunk.brotli} brotli (not in the budget)`,
      );
  }
}
console.log(`size-check: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
