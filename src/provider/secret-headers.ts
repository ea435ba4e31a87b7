// Header names that carry credentials by convention: Azure's `api-key`, `x-api-key`, tokens, cookies.
const credentialHeaderName = /authorization|api[-_]?key|token|secret|password|cookie|session/i;

/**
 * The values of the caller's headers that are credentials, to be redacted from errors like the
 * API key: the whole value, and for `Authorization`-style values the part after the scheme.
 */
export function secretHeaderValues(headers: Readonly<Record<string, string>>): string[] {
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!credentialHeaderName.test(name) || typeof value !== 'string') continue;
    const trimmed = value.trim();
    secrets.push(trimmed);
    const scheme = /^[A-Za-z][\w-]*\s+(\S.*)$/.exec(trimmed);
    if (scheme?.[1]) secrets.push(scheme[1]);
  }
  return secrets;
}
