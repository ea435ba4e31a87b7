import { providerOf } from './known-providers.js';

/** Joins a base URL and a path with exactly one slash, keeping the base's query (Azure's `api-version`). */
export function joinURL(baseURL: string, path: string): string {
  const queryStart = baseURL.search(/[?#]/);
  const base = queryStart === -1 ? baseURL : baseURL.slice(0, queryStart);
  const query = queryStart === -1 ? '' : baseURL.slice(queryStart);
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}${query}`;
}

/** A URL safe to show in errors: no credentials, no query string, no fragment. */
export function displayURL(url: string): string {
  try {
    const parsed = new URL(url, globalThis.location?.href);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}

/** Why a fetch that never got a response may have failed, worded for a person, with the fix for the endpoint's provider. */
export function networkFailureHint(url: string): string {
  let target: URL | undefined;
  try {
    target = new URL(url, globalThis.location?.href);
  } catch {
    return 'Check the base URL.';
  }
  const page = globalThis.location;
  if (
    page?.protocol === 'https:' &&
    target.protocol === 'http:' &&
    !['localhost', '127.0.0.1', '[::1]'].includes(target.hostname)
  ) {
    return `This https page cannot call the http endpoint ${target.origin} (mixed content); use https or a local server.`;
  }
  const origin = page?.origin && page.origin !== 'null' ? page.origin : 'this page';
  const crossOrigin = page ? target.origin !== page.origin : true;
  return crossOrigin
    ? `Could not reach ${target.origin}, or it refused this page (CORS). ${providerOf(target.href).corsFix(origin)}`
    : `Check that ${target.origin} is running and reachable.`;
}
