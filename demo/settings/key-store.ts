/**
 * API keys for the demo's settings panel: in memory by default, in localStorage only when the
 * user ticks "Remember". One key per base URL, so a key is only ever sent where it belongs.
 */
const prefix = 'tool-agents-demo:api-key:';
const memory = new Map<string, string>();

function scope(baseURL: string): string {
  return baseURL.trim().replace(/\/+$/u, '');
}

/** The key for this base URL: the one typed during this visit, else a remembered one. */
export function getKey(baseURL: string): string | undefined {
  const remembered = (() => {
    try {
      return localStorage.getItem(prefix + scope(baseURL)) ?? undefined;
    } catch {
      return undefined;
    }
  })();
  return memory.get(scope(baseURL)) ?? remembered;
}

/** Whether this base URL has a key remembered on this device. */
export function isRemembered(baseURL: string): boolean {
  try {
    return localStorage.getItem(prefix + scope(baseURL)) !== null;
  } catch {
    return false;
  }
}

/** Keeps a key for this base URL: in memory, and on this device when `remember` is set. */
export function setKey(baseURL: string, key: string, remember: boolean): void {
  const name = scope(baseURL);
  if (key === '') {
    memory.delete(name);
  } else {
    memory.set(name, key);
  }
  try {
    if (remember && key !== '') localStorage.setItem(prefix + name, key);
    else localStorage.removeItem(prefix + name);
  } catch {
    // Storage blocked: the key stays in memory only.
  }
}

/** Forgets the key for this base URL, in memory and on this device. */
export function forgetKey(baseURL: string): void {
  setKey(baseURL, '', false);
}
