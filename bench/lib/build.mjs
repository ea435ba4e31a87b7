/** esbuild helpers: the bench bundles its entries for Node and for Chromium into bench/.cache/. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const benchDir = fileURLToPath(new URL('..', import.meta.url));
export const rootDir = path.resolve(benchDir, '..');
export const buildDir = path.join(benchDir, '.cache');

/**
 * Bundles `entry` (relative to bench/) to bench/.cache/<out>. Packages resolve from bench/node_modules
 * first, then the root's (so src/ gets the root's eventsource-parser and zod, as users would).
 */
export async function bundle(
  esbuild,
  { entry, out, platform = 'browser', format = 'esm', globalName, minify = false },
) {
  const outfile = path.join(buildDir, out);
  await esbuild.build({
    entryPoints: [path.join(benchDir, entry)],
    outfile,
    bundle: true,
    platform,
    format,
    target: platform === 'node' ? 'node20' : 'es2022',
    minify,
    sourcemap: 'linked',
    globalName,
    logLevel: 'error',
    nodePaths: [path.join(benchDir, 'node_modules'), path.join(rootDir, 'node_modules')],
    define: { 'process.env.NODE_ENV': '"production"' },
    // openai's Node-only extras (ws, aws signers) are never reached by the streaming path.
    external: platform === 'node' ? ['ws', '@aws-sdk/*', '@smithy/*'] : [],
    // CommonJS dependencies inside an ES module bundle still call require() for Node built-ins.
    banner:
      platform === 'node' && format === 'esm'
        ? {
            js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);",
          }
        : {},
  });
  return outfile;
}
