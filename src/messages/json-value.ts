/** A value `JSON.parse` can return. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = Record<string, JsonValue>;

/** True when both JSON values are equal member by member (key order ignored). */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => jsonEqual(item, b[index]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
}

/** `value` as plain JSON (what `JSON.stringify` keeps): drops `undefined`, turns dates into strings. */
export function toJsonObject(value: Readonly<Record<string, unknown>>): JsonObject {
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}

/** True when `value` is JSON that `JSON.stringify` writes without loss (finite numbers, plain objects, no cycles). */
export function isJsonValue(value: unknown, ancestors: object[] = []): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || ancestors.includes(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  const inside = [...ancestors, value];
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, inside));
  return (
    (proto === Object.prototype || proto === null) &&
    Object.values(value).every((item) => isJsonValue(item, inside))
  );
}
