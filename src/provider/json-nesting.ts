import { isNestedDeeperThan } from '../internal/json-depth.js';

// Deeply nested values are a denial-of-service shape: JSON.stringify recurses and throws a
// RangeError (stack overflow) on them, so depth is measured without recursion first.

/** Argument text standing in for an object too deeply nested to serialise; it is not JSON on purpose. */
export const unreadableArgumentsText = '(arguments nested too deeply to read)';

// Far above what any tool schema needs, far below what JSON.stringify's recursion survives.
const maxSerialisedDepth = 512;

/**
 * Arguments sent as an object, as JSON text. An object nested too deeply (or one that cannot be
 * serialised at all) becomes {@link unreadableArgumentsText}, which fails to parse, so the call
 * gets an error result instead of the stream failing with an untyped error.
 */
export function argumentsObjectText(value: object): string {
  if (isNestedDeeperThan(value, maxSerialisedDepth)) return unreadableArgumentsText;
  try {
    return JSON.stringify(value);
  } catch {
    return unreadableArgumentsText;
  }
}
