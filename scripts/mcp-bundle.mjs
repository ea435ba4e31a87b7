// @ts-check
/**
 * How our builds bundle the MCP SDK's client (vite.config.ts, bench/lib/size-build.mjs,
 * web-test-runner.config.mjs): its Ajv validator module is replaced by src/mcp/no-ajv.ts.
 */
import { fileURLToPath } from 'node:url';

/** The SDK's Ajv provider, as its client imports it. */
export const ajvProviderPattern =
  /[\\/]@modelcontextprotocol[\\/]sdk[\\/].*validation[\\/]ajv-provider\.js$/;

/** The import specifier the SDK's client uses for it. */
export const ajvProviderSpecifier = '../validation/ajv-provider.js';

/** Absolute path of the stand-in. */
export const noAjvPath = fileURLToPath(new URL('../src/mcp/no-ajv.ts', import.meta.url));

/** True when `source`, imported from `importer`, is the SDK's Ajv provider. */
export function isAjvProvider(source, importer) {
  return (
    source === ajvProviderSpecifier &&
    typeof importer === 'string' &&
    /[\\/]@modelcontextprotocol[\\/]sdk[\\/]/.test(importer)
  );
}

/** An esbuild plugin: the SDK's Ajv provider becomes src/mcp/no-ajv.ts. */
export const noAjvEsbuildPlugin = {
  name: 'no-ajv',
  /** @param {any} build */
  setup(build) {
    build.onResolve(
      { filter: /validation[\\/]ajv-provider\.js$/ },
      /** @param {{ path: string, importer: string }} args */
      (args) => (isAjvProvider(args.path, args.importer) ? { path: noAjvPath } : undefined),
    );
  },
};

/** What src/mcp imports from the SDK, for the test runner's one-file copy of it. */
const sdkImports = `
export { Client } from '@modelcontextprotocol/sdk/client/index.js';
export { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
export { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker';
export { ToolListChangedNotificationSchema, McpError, ErrorCode } from '@modelcontextprotocol/sdk/types.js';
`;

/**
 * Bundles the SDK's client (CommonJS dependencies included, Ajv left out) into one ES module for
 * the test runner, whose dev server serves ES modules only; vite does the same for dist/mcp.js.
 * @param {any} esbuild @param {string} outfile
 */
export async function bundleMcpSdkForTests(esbuild, outfile) {
  await esbuild.build({
    stdin: {
      contents: sdkImports,
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile,
    // What dist/mcp.js leaves as imports (our own dependencies), so the tests run the same copies.
    external: [
      'zod',
      'zod/*',
      'eventsource-parser',
      'eventsource-parser/*',
      '@cfworker/json-schema',
    ],
    logLevel: 'silent',
    plugins: [noAjvEsbuildPlugin],
  });
}
