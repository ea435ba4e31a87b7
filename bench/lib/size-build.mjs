/**
 * Size measurement shared by bench/size.mjs and .ci/size-check: bundle an entry (given as
 * source text) with esbuild, minified, ES2022, browser, zod external; then gzip (level 9) and
 * brotli (quality 11) the output. Needs only the esbuild passed in and node:zlib.
 */
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { noAjvEsbuildPlugin } from '../../scripts/mcp-bundle.mjs';

export const rootDir = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The bundles of ours that have budgets. */
export const ourEntries = {
  core: {
    label: 'core: stream one chat with one tool',
    // What a page imports to stream one chat with one tool; it uses them so tree-shaking is honest.
    contents: `
import { ChatMessage, ChatToolAgent, FunctionTool, OpenAIChatAPI, ToolRegistry } from './src/index.ts';
import * as z from 'zod';
export async function chat(apiKey, question, onText) {
  const api = new OpenAIChatAPI({ apiKey, model: 'gpt-4o-mini' });
  const tools = new ToolRegistry();
  tools.addTool(new FunctionTool({ name: 'add', description: 'Adds two numbers.', parameters: z.object({ a: z.number(), b: z.number() }), execute: ({ a, b }) => a + b }));
  const agent = new ChatToolAgent({ chatApi: api });
  for await (const chunk of agent.getStreamingResponse({ messages: [ChatMessage.createUserMessage(question)], toolRegistry: tools })) {
    onText(chunk.chunk);
    if (chunk.finished) return chunk.finishedResponse;
  }
}
`,
  },
  element: {
    label: 'element: components/index.ts (Lit, markdown, sanitiser, core)',
    // Its MCP servers load tool-agents/mcp lazily, built like dist/mcp.js (no Ajv).
    plugins: [noAjvEsbuildPlugin],
    contents: `export * from './components/index.ts';\n`,
  },
  markdown: {
    label: 'markdown: components/markdown/index.ts (tool-agents/markdown; Lit css only)',
    contents: `export * from './components/markdown/index.ts';\n`,
  },
  mcp: {
    label:
      'mcp: tool-agents/mcp, one server into a registry (SDK client, no Ajv; core parts included)',
    // Built as vite builds dist/mcp.js: the SDK's client bundled, its Ajv module left out.
    plugins: [noAjvEsbuildPlugin],
    contents: `
import { ToolRegistry } from './src/index.ts';
import { connectMcpServers } from './src/mcp/index.ts';
export async function connect(url, onFailure) {
  const toolRegistry = new ToolRegistry();
  const { failures } = await connectMcpServers([{ name: 'docs', url }], { toolRegistry });
  failures.forEach(onFailure);
  return toolRegistry;
}
`,
  },
};

/** Where each entry the budgets name is shipped: the package's built file for its source entry. */
const shippedPaths = {
  "'./src/index.ts'": "'./dist/index.js'",
  "'./components/index.ts'": "'./dist/chat.js'",
  "'./components/markdown/index.ts'": "'./dist/markdown.js'",
  "'./src/mcp/index.ts'": "'./dist/mcp.js'",
};

/**
 * The same entry importing the built package (`dist/`, from `npm run build`) instead of the
 * sources: what a consumer's bundler sees, where module boundaries are gone.
 */
export function shippedContents(contents) {
  let shipped = contents;
  for (const [source, built] of Object.entries(shippedPaths))
    shipped = shipped.replaceAll(source, built);
  if (shipped === contents)
    throw new Error('the entry imports no source entry with a shipped file');
  return shipped;
}

export async function bundleSize(
  esbuild,
  { contents, resolveDir = rootDir, nodePaths = [], plugins = [] },
) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir, loader: 'ts', sourcefile: 'size-entry.ts' },
    bundle: true,
    write: false,
    // Lazy chunks (dynamic import: markdown's settle pass, highlighter, math) are split off, as
    // vite splits them; the entry chunk is what a page loads first and what the budget covers.
    splitting: true,
    outdir: path.join(rootDir, 'bench', '.cache', 'size-out'),
    entryNames: 'entry',
    metafile: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: ['zod'],
    legalComments: 'none',
    logLevel: 'silent',
    nodePaths,
    plugins,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const sizes = (code) => ({
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: code.length,
      },
    }).length,
  });
  // What loads up front: the entry and the chunks it imports statically (code it shares with lazy chunks).
  const initial = new Set(['entry.js']);
  for (let grew = true; grew;) {
    grew = false;
    for (const [output, { imports }] of Object.entries(result.metafile.outputs)) {
      if (!initial.has(path.basename(output))) continue;
      for (const { kind, external, path: imported } of imports) {
        if (kind === 'import-statement' && !external && !initial.has(path.basename(imported))) {
          initial.add(path.basename(imported));
          grew = true;
        }
      }
    }
  }
  const files = result.outputFiles.filter((file) => file.path.endsWith('.js'));
  const upFront = Buffer.concat(
    files.filter((file) => initial.has(path.basename(file.path))).map((file) => file.contents),
  );
  const lazyChunks = files
    .filter((file) => !initial.has(path.basename(file.path)))
    .map((file) => ({ name: path.basename(file.path), ...sizes(file.contents) }));
  return { ...sizes(upFront), lazyChunks };
}
