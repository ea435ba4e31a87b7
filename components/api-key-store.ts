/** Prefix of the localStorage entries that hold remembered API keys, one per base URL. */
export const apiKeyStoragePrefix = 'tool-agents:api-key:';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Blocked storage (sandboxed iframe, privacy settings) throws on access.
    return undefined;
  }
}

/** The endpoint a key belongs to: origin and path, without credentials, query or trailing slash. */
export function keyScope(baseURL: string): string {
  try {
    const url = new URL(baseURL, globalThis.location?.href);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return baseURL;
  }
}

/** The key remembered on this device for `baseURL`, if any. */
export function loadApiKey(baseURL: string): string | undefined {
  try {
    return storage()?.getItem(apiKeyStoragePrefix + keyScope(baseURL)) || undefined;
  } catch {
    return undefined;
  }
}

/** Remembers a key on this device for `baseURL`; returns false when storage is unavailable. */
export function saveApiKey(baseURL: string, key: string): boolean {
  try {
    const target = storage();
    if (!target) return false;
    target.setItem(apiKeyStoragePrefix + keyScope(baseURL), key);
    return true;
  } catch {
    return false;
  }
}

/** Forgets the key remembered for `baseURL`. */
export function forgetApiKey(baseURL: string): void {
  try {
    storage()?.removeItem(apiKeyStoragePrefix + keyScope(baseURL));
  } catch {
    // Nothing stored when storage is blocked.
  }
}
