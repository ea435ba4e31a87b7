// @ts-check
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { mockOpenAIMiddleware } from './test/server/mock-openai-middleware.mjs';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

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
  middleware: [mockOpenAIMiddleware()],
  plugins: [
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
