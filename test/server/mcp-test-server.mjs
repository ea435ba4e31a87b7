// @ts-check
/**
 * Real MCP servers for the browser tests, built with the SDK's own server classes (McpServer +
 * StreamableHTTPServerTransport, stateful sessions), on one Node HTTP server on 127.0.0.1 and an
 * ephemeral port. web-test-runner.config.mjs starts it and stops it after the run; the test page
 * learns its URL from GET /__mcp__/servers on the test runner's own server (see mcpServersMiddleware).
 *
 * Paths (each its own MCP server):
 * - /open/mcp      CORS for any localhost/127.0.0.1 origin; the tools below
 * - /auth/mcp      like /open, but answers 401 unless `Authorization: Bearer test-token` and `X-Tenant: acme`
 * - /no-cors/mcp   the same server without any CORS header (the browser refuses its answers)
 * - /broken/mcp    CORS, but every request gets HTTP 500
 * - /no-expose/mcp like /open, but without Access-Control-Expose-Headers (the page cannot read the session id)
 * - /hang/mcp      CORS, but never answers (the request is held until the client gives up)
 * - /state         what the servers saw: cancelled calls, sessions deleted (JSON, CORS)
 *
 * Tools of /open and /auth: echo, image, resource, structured, fail (isError result), crash (the
 * handler throws: an isError result), throw (a JSON-RPC error), slow (waits until cancelled or 10 s), add_tool (registers one more tool: a
 * tools/list_changed notification), vanish (the server drops the connection mid-call), whoami.
 */
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { McpError, ErrorCode } from '@modelcontextprotocol/sdk/types.js';

/** A 1x1 red PNG. */
const redPixel =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const localOrigin = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;
const maxBodyBytes = 1_000_000;

/**
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @typedef {{ cancelled: string[], deletedSessions: string[] }} State
 */

/** @param {State} state @param {() => Req | undefined} latestPost the session's latest POST (the call's own request) */
function buildServer(state, latestPost) {
  const server = new McpServer({ name: 'test-server', version: '1.0.0' });
  server.registerTool(
    'echo',
    {
      description: 'Echoes its text.',
      inputSchema: { text: z.string(), times: z.number().int().min(1).max(3).optional() },
    },
    ({ text, times }) => ({ content: [{ type: 'text', text: text.repeat(times ?? 1) }] }),
  );
  server.registerTool('image', { description: 'A red pixel.' }, () => ({
    content: [
      { type: 'text', text: 'Here is the pixel.' },
      { type: 'image', data: redPixel, mimeType: 'image/png' },
    ],
  }));
  server.registerTool('resource', { description: 'An embedded resource and a link.' }, () => ({
    content: [
      {
        type: 'resource',
        resource: { uri: 'file:///notes.txt', mimeType: 'text/plain', text: 'Buy milk.' },
      },
      {
        type: 'resource',
        resource: { uri: 'file:///logo.bin', mimeType: 'application/octet-stream', blob: 'AAEC' },
      },
      { type: 'resource_link', uri: 'file:///big.csv', name: 'big.csv', mimeType: 'text/csv' },
    ],
  }));
  server.registerTool(
    'structured',
    {
      description: 'Weather as structured content.',
      inputSchema: { city: z.string() },
      outputSchema: { city: z.string(), celsius: z.number() },
    },
    ({ city }) => ({
      content: [{ type: 'text', text: JSON.stringify({ city, celsius: 21 }) }],
      structuredContent: { city, celsius: 21 },
    }),
  );
  server.registerTool('fail', { description: 'Always fails.' }, () => ({
    isError: true,
    content: [{ type: 'text', text: 'The disk is full.' }],
  }));
  server.registerTool('throw', { description: 'Answers with a JSON-RPC error.' }, () => {
    throw new Error('unreachable: the wrapper below answers for this tool');
  });
  server.registerTool('crash', { description: 'Throws inside the tool.' }, () => {
    throw new Error('The handler crashed.');
  });
  server.registerTool(
    'slow',
    { description: 'Waits until cancelled (or 10 s).', inputSchema: { tag: z.string() } },
    ({ tag }, extra) =>
      new Promise((resolve) => {
        const timer = setTimeout(
          () => resolve({ content: [{ type: 'text', text: 'finished' }] }),
          10_000,
        );
        extra.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          state.cancelled.push(tag);
          resolve({ content: [{ type: 'text', text: 'cancelled' }] });
        });
      }),
  );
  server.registerTool(
    'add_tool',
    { description: 'Registers one more tool.', inputSchema: { name: z.string() } },
    ({ name }) => {
      server.registerTool(name, { description: `Added at run time: ${name}.` }, () => ({
        content: [{ type: 'text', text: `${name} ran` }],
      }));
      return { content: [{ type: 'text', text: `added ${name}` }] };
    },
  );
  server.registerTool('vanish', { description: 'The server goes away mid-call.' }, () => {
    const request = latestPost();
    setTimeout(() => request?.socket.destroy(), 150);
    return new Promise(() => undefined);
  });
  server.registerTool('whoami', { description: 'The auth headers it got.' }, (extra) => ({
    content: [
      {
        type: 'text',
        text: JSON.stringify({
          authorization: extra.requestInfo?.headers['authorization'],
          tenant: extra.requestInfo?.headers['x-tenant'],
        }),
      },
    ],
  }));
  // McpServer turns every handler error into an isError result; a JSON-RPC error needs the
  // request handler itself to throw, so wrap it (test-only reach into the SDK's handler map).
  const handlers = /** @type {Map<string, (request: any, extra: any) => Promise<unknown>>} */ (
    /** @type {any} */ (server.server)._requestHandlers
  );
  const callTool = handlers.get('tools/call');
  if (!callTool) throw new Error('McpServer registered no tools/call handler');
  handlers.set('tools/call', async (request, extra) => {
    if (request.params?.name === 'throw')
      throw new McpError(ErrorCode.InternalError, 'The database is on fire.');
    return callTool(request, extra);
  });
  return server;
}

/** @param {Req} req @param {Res} res @param {boolean} cors @param {string} [allowHeaders] @param {boolean} [expose] */
function setCors(req, res, cors, allowHeaders = '', expose = true) {
  const origin = req.headers.origin;
  if (!cors || !origin || !localOrigin.test(origin)) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
  res.setHeader(
    'Access-Control-Allow-Headers',
    `Content-Type, Accept, Mcp-Session-Id, Mcp-Protocol-Version, Last-Event-ID${allowHeaders}`,
  );
  if (expose) res.setHeader('Access-Control-Expose-Headers', 'Mcp-Session-Id');
}

/** A JSON-RPC error answer outside any session. @param {Res} res @param {number} status @param {number} code @param {string} message @param {Record<string, string>} [headers] */
function sendError(res, status, code, message, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}

/** @param {Req} req @returns {Promise<unknown>} */
async function readJson(req) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new Error('body too large');
    chunks.push(chunk);
  }
  return chunks.length === 0 ? undefined : JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Starts the servers; resolves once listening.
 * @returns {Promise<{ origin: string, close(): Promise<void> }>}
 */
export async function startMcpTestServer() {
  /** @type {State} */
  const state = { cancelled: [], deletedSessions: [] };
  /** @type {Map<string, StreamableHTTPServerTransport>} */
  const sessions = new Map();
  /** @type {WeakMap<StreamableHTTPServerTransport, Req>} */
  const latestPosts = new WeakMap();

  /** @param {Req} req @param {Res} res @param {string} kind */
  async function handleMcp(req, res, kind) {
    const cors = kind !== 'no-cors';
    const allowHeaders = kind === 'auth' ? ', Authorization, X-Tenant' : '';
    setCors(req, res, cors, allowHeaders, kind !== 'no-expose');
    if (req.method === 'OPTIONS') {
      res.writeHead(cors ? 204 : 404).end();
      return;
    }
    if (kind === 'hang') return;
    if (kind === 'broken') {
      res
        .writeHead(500, { 'content-type': 'text/plain' })
        .end('Internal Server Error: broken on purpose');
      return;
    }
    if (
      kind === 'auth' &&
      (req.headers['authorization'] !== 'Bearer test-token' || req.headers['x-tenant'] !== 'acme')
    ) {
      sendError(res, 401, -32001, 'Unauthorized', { 'www-authenticate': 'Bearer' });
      return;
    }
    const body = req.method === 'POST' ? await readJson(req) : undefined;
    const sessionId = req.headers['mcp-session-id'];
    let transport =
      typeof sessionId === 'string' ? sessions.get(`${kind}:${sessionId}`) : undefined;
    if (!transport) {
      if (req.method !== 'POST' || sessionId !== undefined) {
        sendError(res, sessionId === undefined ? 400 : 404, -32000, 'No such session');
        return;
      }
      const created = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => void sessions.set(`${kind}:${id}`, created),
        onsessionclosed: (id) => {
          state.deletedSessions.push(id);
          sessions.delete(`${kind}:${id}`);
        },
      });
      transport = created;
      await buildServer(state, () => latestPosts.get(created)).connect(created);
    }
    if (req.method === 'POST') latestPosts.set(transport, req);
    await transport.handleRequest(req, res, body);
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const match = /^\/(open|auth|no-cors|broken|no-expose|hang)\/mcp$/.exec(path ?? '');
    const done = match
      ? handleMcp(req, res, /** @type {string} */ (match[1]))
      : path === '/state'
        ? Promise.resolve().then(() => {
            setCors(req, res, true);
            res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(state));
          })
        : Promise.resolve().then(() => res.writeHead(404).end());
    done.catch((error) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
      else res.destroy();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    async close() {
      for (const transport of sessions.values()) await transport.close().catch(() => undefined);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}
