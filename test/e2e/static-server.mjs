// @ts-check
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

/**
 * A plain static file server, like any static host: files only, no rewrites, no dev tooling.
 * It serves `root` under `prefix` (e.g. `/nested/demo/`) so pages that use absolute paths break.
 *
 * @param {string} root folder to serve
 * @param {string} prefix URL path prefix, starting and ending with `/`
 * @returns {Promise<{ url: string, close: () => Promise<void> }>} `url` is the prefix's full URL
 */
export async function serveStatic(root, prefix = '/') {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`Not under ${prefix}`);
      return;
    }
    const relative = path.slice(prefix.length) || 'index.html';
    const file = normalize(join(base, relative.endsWith('/') ? `${relative}index.html` : relative));
    // Never serve anything outside the root.
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response
        .writeHead(200, {
          'content-type':
            types[/** @type {keyof typeof types} */ (extname(file))] ?? 'application/octet-stream',
        })
        .end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The static server has no port.');
  return {
    url: `http://127.0.0.1:${address.port}${prefix}`,
    close: () => new Promise((done) => server.close(() => done(undefined))),
  };
}
