// @ts-check
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { mockOpenAIMiddleware } from './test/server/mock-openai-middleware.mjs';
import { startMcpTestServer } from './test/server/mcp-test-server.mjs';
import { createRequire } from 'node:module';
import { bundleMcpSdkForTests } from './scripts/mcp-bundle.mjs';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { writeReadmeExamples } from './scripts/readme-examples.mjs';

// Real MCP servers (the SDK's own server classes) on their own port: a cross-origin server, as in real use.
const mcpServers = await startMcpTestServer();
// The SDK's client depends on CommonJS packages the dev server cannot serve: bundle it once (as vite does).
const esbuild = createRequire(createRequire(import.meta.url).resolve('vite'))('esbuild');
await bundleMcpSdkForTests(
  esbuild,
  fileURLToPath(new URL('./test/.cache/mcp-sdk.js', import.meta.url)),
);

// The README's TypeScript examples, as a module the README test runs (test/readme/).
writeReadmeExamples(fileURLToPath(new URL('.', import.meta.url)));

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  concurrency: 1,
  testsFinishTimeout: 10 * 60_000,
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testFramework: { config: { timeout: 20_000 } },
  middleware: [
    mockOpenAIMiddleware(),
    /** @param {{ path: string, body: unknown, type: string }} ctx @param {() => Promise<unknown>} next */
    (ctx, next) => {
      if (ctx.path !== '/__mcp__/servers') return next();
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ origin: mcpServers.origin });
      return Promise.resolve();
    },
  ],
  plugins: [
    { name: 'mcp-test-servers', serverStop: () => mcpServers.close() },
    {
      name: 'mcp-sdk-bundle',
      /** @param {{ source: string }} args */
      resolveImport: ({ source }) =>
        source.startsWith('@modelcontextprotocol/sdk/') ? '/test/.cache/mcp-sdk.js' : undefined,
    },
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
};
