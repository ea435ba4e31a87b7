/**
 * 1. Size: minified + gzip + brotli of our two bundles and of the peers, built the same way in
 * the same run (lib/size-build.mjs: esbuild, minify, ES2022, browser, zod external everywhere,
 * licence comments dropped). Zod is reported on its own row for reference.
 */
import { bundleSize, ourEntries, rootDir } from './lib/size-build.mjs';
import { benchDir } from './lib/build.mjs';
import path from 'node:path';
import { readFileSync } from 'node:fs';

const peers = {
  openai: {
    label: 'openai: chat.completions.create({ stream: true })',
    contents: `
import OpenAI from 'openai';
export async function chat(apiKey, question, onText) {
  const client = new OpenAI({ apiKey, dangerouslyAllowBrowser: true });
  const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: question }],
    tools: [{ type: 'function', function: { name: 'add', description: 'Adds two numbers.', parameters: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] } } }] });
  for await (const chunk of stream) onText(chunk.choices[0]?.delta?.content ?? '');
}
`,
  },
  ai: {
    label: 'ai + @ai-sdk/openai-compatible: streamText, one tool',
    contents: `
import { streamText, tool } from 'ai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import * as z from 'zod';
export async function chat(apiKey, question, onText) {
  const provider = createOpenAICompatible({ name: 'openai', baseURL: 'https://api.openai.com/v1', apiKey });
  const result = streamText({ model: provider.chatModel('gpt-4o-mini'), prompt: question,
    tools: { add: tool({ description: 'Adds two numbers.', inputSchema: z.object({ a: z.number(), b: z.number() }), execute: async ({ a, b }) => a + b }) } });
  for await (const text of result.textStream) onText(text);
}
`,
  },
  deepChat: { label: 'deep-chat: the element', contents: `import 'deep-chat';\n` },
  lit: {
    label: 'lit: LitElement + html + css (reference)',
    contents: `export { LitElement, html, css, render } from 'lit';\n`,
  },
  markedPurify: {
    label: 'marked + DOMPurify (reference)',
    contents: `import { marked } from 'marked';\nimport DOMPurify from 'dompurify';\nexport const render = (md) => DOMPurify.sanitize(marked.parse(md));\n`,
  },
  floor: {
    label: 'floor: eventsource-parser reader loop + JSON.parse',
    root: true,
    contents: `
import { createParser } from 'eventsource-parser';
export async function chat(apiKey, question, onText) {
  const response = await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + apiKey },
    body: JSON.stringify({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: question }] }) });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parser = createParser({ onEvent: (event) => { if (event.data !== '[DONE]') onText(JSON.parse(event.data).choices[0]?.delta?.content ?? ''); } });
  for (;;) { const { done, value } = await reader.read(); if (done) break; parser.feed(decoder.decode(value, { stream: true })); }
}
`,
  },
};

// Zod is external in every row above; this row shows what it adds when the page brings it.
const zodRow = {
  label: 'zod (import * as z; one object schema), excluded above',
  contents: `import * as z from 'zod';\nexport const schema = z.object({ a: z.number(), b: z.number() });\nexport const json = z.toJSONSchema(schema);\n`,
};

function versionOf(name) {
  for (const dir of [path.join(benchDir, 'node_modules'), path.join(rootDir, 'node_modules')]) {
    try {
      return JSON.parse(readFileSync(path.join(dir, name, 'package.json'), 'utf8')).version;
    } catch {
      // try the next place
    }
  }
  return undefined;
}

export async function measureSizes(esbuild) {
  const budgets = JSON.parse(readFileSync(path.join(benchDir, 'size-budgets.json'), 'utf8'));
  const benchPaths = [path.join(benchDir, 'node_modules')];
  const rows = {};
  for (const [key, entry] of Object.entries(ourEntries)) {
    rows[key] = {
      label: entry.label,
      ...(await bundleSize(esbuild, { contents: entry.contents, plugins: entry.plugins ?? [] })),
      budget: budgets[key],
    };
  }
  for (const [key, entry] of Object.entries(peers)) {
    // Peers resolve from bench/node_modules; the floor uses the root's eventsource-parser (the one our core uses).
    const resolveDir = entry.root ? rootDir : benchDir;
    rows[key] = {
      label: entry.label,
      ...(await bundleSize(esbuild, {
        contents: entry.contents,
        resolveDir,
        nodePaths: entry.root ? [] : benchPaths,
      })),
    };
  }
  // Zod by itself must not be external: bundle it from the root.
  const zodBuild = await esbuild.build({
    stdin: { contents: zodRow.contents, resolveDir: rootDir, loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const { gzipSync, brotliCompressSync, constants } = await import('node:zlib');
  const zcode = zodBuild.outputFiles[0].contents;
  rows.zod = {
    label: zodRow.label,
    minified: zcode.length,
    gzip: gzipSync(zcode, { level: 9 }).length,
    brotli: brotliCompressSync(zcode, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  const versions = {
    esbuild: esbuild.version,
    openai: versionOf('openai'),
    ai: versionOf('ai'),
    '@ai-sdk/openai-compatible': versionOf('@ai-sdk/openai-compatible'),
    'deep-chat': versionOf('deep-chat'),
    marked: versionOf('marked'),
    dompurify: versionOf('dompurify'),
    lit: versionOf('lit'),
    zod: versionOf('zod'),
    'eventsource-parser (root)': JSON.parse(
      readFileSync(path.join(rootDir, 'node_modules/eventsource-parser/package.json'), 'utf8'),
    ).version,
  };
  return { rows, versions };
}
