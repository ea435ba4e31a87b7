/** JSON text indented for reading; text that is not (yet) valid JSON comes back unchanged. */
export function prettyJSON(text: string): string {
  if (text.trim() === '') return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/**
 * Any value as indented JSON for reading. Validated arguments may hold what JSON cannot
 * (a schema's transforms run first), so those are written out rather than thrown on: bigints as
 * `"12n"`, functions as `"[function]"`; a cyclic value gets a note instead.
 */
export function jsonForReading(value: unknown): string {
  try {
    return JSON.stringify(value, readableReplacer, 2) ?? 'undefined';
  } catch {
    return '[a value that cannot be written as JSON, such as a cyclic structure]';
  }
}

function readableReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return `${value.toString()}n`;
  if (typeof value === 'function') return '[function]';
  if (typeof value === 'symbol') return value.toString();
  return value;
}
