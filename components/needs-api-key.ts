const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** What decides whether the element must ask for an API key. */
export interface KeyRequirement {
  /** `no-key`: the endpoint takes no key. Wins over everything else. */
  readonly noKey: boolean;
  /** `key-required`: ask even for a local server or a custom transport. */
  readonly keyRequired: boolean;
  /** A custom `fetch`, `chatApi` or `agent` was given: it handles authentication itself. */
  readonly customTransport: boolean;
  readonly baseURL: string;
}

/** True when `baseURL` points at this machine (a local server such as Ollama or LM Studio). */
export function isLocalURL(baseURL: string): boolean {
  try {
    const { hostname } = new URL(baseURL, globalThis.location?.href);
    return localHosts.has(hostname) || hostname.endsWith('.localhost');
  } catch {
    return false;
  }
}

/**
 * A key is needed unless `no-key` is set, a custom transport is given, or the endpoint is on
 * localhost; `key-required` asks anyway.
 */
export function needsApiKey(requirement: KeyRequirement): boolean {
  if (requirement.noKey) return false;
  if (requirement.keyRequired) return true;
  if (requirement.customTransport) return false;
  return !isLocalURL(requirement.baseURL);
}
