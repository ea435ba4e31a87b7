/** True for a plain object (not `null`, not an array): JSON read from storage or a page is checked with it. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
