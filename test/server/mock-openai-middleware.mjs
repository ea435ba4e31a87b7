// @ts-check
/**
 * A real HTTP OpenAI-compatible test endpoint inside @web/dev-server (the test runner's server).
 *
 * Routes, all under /__mock__/:
 * - POST   /__mock__/scripts            body { replies: ScriptedReply[] }  → { id }
 * - GET    /__mock__/<id>/requests      → the recorded requests (JSON array)
 * - any    /__mock__/<id>/<path>        → recorded, then answered with the next scripted reply
 * - OPTIONS preflights anywhere below /__mock__/ are answered with permissive CORS headers.
 *
 * Replies are written straight to Node's response (Koa's ctx.respond = false), one write per
 * chunk with real pauses, so a browser sees each chunk as its own network read. HTTP/1.1 only
 * (the test runner's default): networkError and dropAfterChunks act on the raw socket.
 * - networkError sends conflicting Content-Length headers and closes: fetch rejects with a
 *   TypeError. (A bare close would make Chromium silently resend the request on a new socket.)
 * - dropAfterChunks waits 100 ms after the last chunk, then destroys the socket mid-body: the
 *   body errors with a TypeError. (Without the pause the browser may discard unread chunks.)
 * - A request whose client disconnects before the reply was finished is recorded `aborted: true`.
 * - OPTIONS preflights are answered but not recorded.
 * ScriptedReply and RecordedRequest are the types of src/testing/scripted-reply.ts.
 */
import { randomUUID } from 'node:crypto';

const prefix = '/__mock__/';
// Scripts are tiny, but a long watch session should not grow without bound.
const maxScripts = 1000;
// Pause between the last chunk and a scripted drop (see writeReply).
const dropGraceMs = 100;
const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * @typedef {{ text?: string, base64?: string, delayMs?: number }} ScriptedChunk
 * @typedef {{ status?: number, headers?: Record<string, string>, delayMs?: number, chunks?: ScriptedChunk[],
 *   dropAfterChunks?: boolean, networkError?: boolean }} ScriptedReply
 * @typedef {{ url: string, path: string, method: string, headers: Record<string, string>, body: unknown,
 *   aborted: boolean }} RecordedRequest
 * @typedef {{ replies: ScriptedReply[], requests: RecordedRequest[] }} Script
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 */

/** Koa middleware for @web/dev-server's `middleware` option. */
export function mockOpenAIMiddleware() {
  /** @type {Map<string, Script>} */
  const scripts = new Map();

  /** @param {{ path: string, req: Req, res: Res, respond?: boolean }} ctx @param {() => Promise<unknown>} next */
  return async function mockOpenAI(ctx, next) {
    if (!ctx.path.startsWith(prefix)) return next();
    // We write to Node's response ourselves; Koa must neither buffer nor finish it.
    ctx.respond = false;
    const { req, res } = ctx;
    try {
      await route(scripts, ctx.path.slice(prefix.length), req, res);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendJson(req, res, 500, errorBody(message, 'mock_server_error'));
      else res.destroy();
    }
  };
}

/** @param {Map<string, Script>} scripts @param {string} rest @param {Req} req @param {Res} res */
async function route(scripts, rest, req, res) {
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method'])
    return preflight(req, res);
  if (rest === 'scripts' && req.method === 'POST') return createScript(scripts, req, res);
  const slash = rest.indexOf('/');
  const id = slash === -1 ? rest : rest.slice(0, slash);
  const subPath = slash === -1 ? '' : rest.slice(slash);
  const script = scripts.get(id);
  if (!script)
    return sendJson(
      req,
      res,
      404,
      errorBody(`No mock script with id ${JSON.stringify(id)}.`, 'mock_server_error'),
    );
  if (subPath === '/requests' && req.method === 'GET')
    return sendJson(req, res, 200, script.requests);
  return serve(script, subPath, req, res);
}

/** @param {Map<string, Script>} scripts @param {Req} req @param {Res} res */
async function createScript(scripts, req, res) {
  const body = parseBody(await readBody(req));
  const replies = body && typeof body === 'object' && 'replies' in body ? body.replies : undefined;
  const problem = checkReplies(replies);
  if (problem) return sendJson(req, res, 400, errorBody(problem, 'mock_server_error'));
  const id = randomUUID();
  scripts.set(id, { replies: /** @type {ScriptedReply[]} */ (replies), requests: [] });
  if (scripts.size > maxScripts)
    scripts.delete(/** @type {string} */ (scripts.keys().next().value));
  return sendJson(req, res, 200, { id });
}

/** @param {unknown} replies @returns {string | undefined} what is wrong, if anything */
function checkReplies(replies) {
  if (!Array.isArray(replies))
    return 'POST /__mock__/scripts expects {"replies": ScriptedReply[]}.';
  for (const [index, reply] of replies.entries()) {
    if (!reply || typeof reply !== 'object') return `Reply ${index} is not an object.`;
    const status = reply.status ?? 200;
    if (!Number.isInteger(status) || status < 200 || status > 599)
      return `Reply ${index} has status ${status}; use 200 to 599.`;
    for (const [chunkIndex, chunk] of (reply.chunks ?? []).entries()) {
      const where = `Reply ${index}, chunk ${chunkIndex}`;
      if (!chunk || typeof chunk !== 'object') return `${where} is not an object.`;
      if (chunk.text !== undefined && chunk.base64 !== undefined)
        return `${where} sets both text and base64.`;
      if (
        chunk.base64 !== undefined &&
        (typeof chunk.base64 !== 'string' || !base64Pattern.test(chunk.base64))
      )
        return `${where} has invalid base64.`;
      if (chunk.text !== undefined && typeof chunk.text !== 'string')
        return `${where} has a text that is not a string.`;
    }
  }
  return undefined;
}

/** @param {Script} script @param {string} path @param {Req} req @param {Res} res */
async function serve(script, path, req, res) {
  /** @type {RecordedRequest} */
  const record = {
    url: `${'encrypted' in req.socket ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}${req.url ?? ''}`,
    path: path || '/',
    method: req.method ?? 'GET',
    headers: flatHeaders(req),
    body: parseBody(await readBody(req)),
    aborted: false,
  };
  const index = script.requests.push(record) - 1;
  const reply = script.replies[index] ?? noReplyLeft(record, index, script.replies.length);
  await writeReply(reply, record, req, res);
}

/** @param {ScriptedReply} reply @param {RecordedRequest} record @param {Req} req @param {Res} res */
async function writeReply(reply, record, req, res) {
  const socket = req.socket;
  // Each chunk must leave at once, not wait for Nagle's algorithm to coalesce it.
  socket.setNoDelay(true);
  let closedByUs = false;
  const closed = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished && !closedByUs) record.aborted = true;
    closed.abort();
  });

  const status = reply.status ?? 200;
  // Koa's default 404 would stay if we never write headers (abort, networkError), and the
  // test runner would then report this path as a missing file.
  res.statusCode = status;
  await sleep(reply.delayMs ?? 0, closed.signal);
  if (closed.signal.aborted) return;
  if (reply.networkError) {
    closedByUs = true;
    // A bare close on a reused keep-alive socket makes Chromium resend the request; conflicting
    // Content-Length headers fail it (ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH) with no retry.
    socket.end('HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n');
    return;
  }
  const replyHeaders = lowerCaseKeys(reply.headers ?? {});
  res.writeHead(status, {
    'content-type': status === 200 ? 'text/event-stream' : 'application/json',
    'cache-control': 'no-store',
    ...corsHeaders(req),
    ...(Object.keys(replyHeaders).length > 0
      ? { 'access-control-expose-headers': Object.keys(replyHeaders).join(', ') }
      : {}),
    ...replyHeaders,
  });
  res.flushHeaders();
  /** @type {Promise<unknown>} */
  let flushed = Promise.resolve();
  for (const chunk of reply.chunks ?? []) {
    await sleep(chunk.delayMs ?? 0, closed.signal);
    if (closed.signal.aborted) return;
    const bytes = chunkBytes(chunk);
    if (bytes.length > 0) flushed = new Promise((resolve) => res.write(bytes, resolve));
  }
  if (reply.dropAfterChunks) {
    // A browser discards body bytes it has not handed to the page yet when the connection
    // errors, so give the client a moment to read the chunks before the drop.
    await Promise.race([
      flushed,
      new Promise((resolve) => closed.signal.addEventListener('abort', resolve)),
    ]);
    await sleep(dropGraceMs, closed.signal);
    if (closed.signal.aborted) return;
    closedByUs = true;
    // No chunked-encoding terminator, so the client sees an incomplete body.
    socket.destroy();
    return;
  }
  res.end();
}

/** @param {ScriptedChunk} chunk */
function chunkBytes(chunk) {
  if (typeof chunk.text === 'string') return Buffer.from(chunk.text, 'utf8');
  if (typeof chunk.base64 === 'string') return Buffer.from(chunk.base64, 'base64');
  return Buffer.alloc(0);
}

/** @param {RecordedRequest} record @param {number} index @param {number} count @returns {ScriptedReply} */
function noReplyLeft(record, index, count) {
  const message = `No scripted reply left: request ${index + 1} (${record.method} ${record.path}) arrived, but the script has ${count} ${count === 1 ? 'reply' : 'replies'}.`;
  return {
    status: 500,
    headers: { 'content-type': 'application/json' },
    chunks: [
      { text: JSON.stringify(errorBody(message, 'scripted_endpoint_error', 'no_scripted_reply')) },
    ],
  };
}

/** @param {string} message @param {string} type @param {string | null} [code] */
function errorBody(message, type, code = null) {
  return { error: { message, type, param: null, code } };
}

/** @param {Req} req @param {Res} res */
function preflight(req, res) {
  res.writeHead(204, {
    ...corsHeaders(req),
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    // Echo what the page asks for; Authorization and Content-Type are always allowed.
    'access-control-allow-headers':
      req.headers['access-control-request-headers'] ?? 'authorization, content-type',
    'access-control-max-age': '600',
  });
  res.end();
}

/** @param {Req} req */
function corsHeaders(req) {
  return { 'access-control-allow-origin': req.headers.origin ?? '*', vary: 'Origin' };
}

/** @param {Req} req @param {Res} res @param {number} status @param {unknown} body */
function sendJson(req, res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...corsHeaders(req),
  });
  res.end(text);
}

/** @param {Req} req */
async function readBody(req) {
  /** @type {Buffer[]} */
  const parts = [];
  for await (const part of req) parts.push(/** @type {Buffer} */ (part));
  return Buffer.concat(parts).toString('utf8');
}

/** @param {string} text */
function parseBody(text) {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** @param {Req} req */
function flatHeaders(req) {
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** @param {Record<string, string>} headers */
function lowerCaseKeys(headers) {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
}

/** @param {number} ms @param {AbortSignal} signal */
function sleep(ms, signal) {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve(undefined);
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
