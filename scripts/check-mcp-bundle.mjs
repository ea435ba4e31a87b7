#!/usr/bin/env node
// @ts-check
/**
 * Inspects the built tool-agents/mcp entry (dist/mcp.js and every chunk it imports) for what
 * must never reach a browser bundle: the MCP SDK's server side, Node-only code, Ajv, and code
 * generation that a strict Content Security Policy refuses. Its only bare imports must be our
 * own dependencies. Run after `npm run build` (.ci/package-check does).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const allowedPackages = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
];

/** [what, pattern]: none may match. */
const forbidden = [
  ['the SDK server (McpServer)', /\bclass McpServer\b|registerTool\(/],
  [
    'the SDK server transport',
    /StreamableHTTPServerTransport|WebStandardStreamableHTTPServerTransport/,
  ],
  [
    'the SDK stdio transport (Node child processes)',
    /StdioClientTransport|cross-spawn|child_process/,
  ],
  [
    'Express, Hono or raw-body (server frameworks)',
    /\bexpress\b\(|from ["']hono|raw-body|@hono\/node-server/,
  ],
  ['a node: built-in', /["']node:[a-z_]+["']/],
  ['require() (CommonJS left unbundled)', /\brequire\(["']/],
  ['Ajv', /\bnew Ajv\b|ajv-formats|["']ajv["']/],
  ['new Function (refused by CSP without unsafe-eval)', /\bnew Function\s*\(/],
  ['eval (refused by CSP without unsafe-eval)', /(^|[^.\w$])eval\s*\(/],
];

const seen = new Set();
const bare = new Set();
/** @param {string} file */
function visit(file) {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(path.join(dist, file), 'utf8');
  for (const match of code.matchAll(
    /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
  )) {
    const specifier = match[1] ?? match[2] ?? '';
    if (specifier.startsWith('./')) visit(path.normalize(path.join(path.dirname(file), specifier)));
    else bare.add(specifier);
  }
}
visit('mcp.js');

let failed = 0;
for (const file of seen) {
  const code = readFileSync(path.join(dist, file), 'utf8');
  for (const [what, pattern] of forbidden) {
    const match = pattern.exec(code);
    if (match) {
      failed++;
      const line = code.slice(0, match.index).split('\n').length;
      console.log(`FAIL dist/${file}:${line}: ${what}: ${JSON.stringify(match[0])}`);
    }
  }
}
for (const specifier of bare) {
  const name = specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : specifier.split('/')[0];
  if (!allowedPackages.includes(name ?? '')) {
    failed++;
    console.log(`FAIL dist/mcp.js imports "${specifier}", which is not a dependency of ours`);
  }
}
const bytes = [...seen].reduce((sum, file) => sum + readFileSync(path.join(dist, file)).length, 0);
console.log(
  `check-mcp-bundle: ${seen.size} files (${[...seen].join(', ')}), ${bytes} bytes unminified; imports ${[...bare].sort().join(', ')}; ${failed ? `${failed} problem(s)` : 'no server, Node, Ajv or eval code'}`,
);
process.exit(failed ? 1 : 0);
