// Options are checked where they enter: a `maxIterations` of "ten" or NaN must fail loudly at
// construction, never loop without end or disable a bound silently.

/** True for a whole number at least `min` (`Infinity` only when `allowInfinity`). */
export function isCount(value: unknown, min: number, allowInfinity = false): value is number {
  if (typeof value !== 'number' || Number.isNaN(value) || value < min) return false;
  return Number.isInteger(value) || (allowInfinity && value === Infinity);
}

/** True for a duration in milliseconds: a positive number, or `Infinity` for "no limit". */
export function isDuration(value: unknown): value is number {
  return typeof value === 'number' && !Number.isNaN(value) && value > 0;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value === null ||
    value === undefined
  )
    return String(value);
  return typeof value;
}

/**
 * Reads an optional whole-number option: `fallback` when absent, else the value when it is a
 * whole number at least `min`.
 * @throws TypeError naming the option and the value it got.
 */
export function countOption(
  name: string,
  value: unknown,
  fallback: number,
  min: number,
  allowInfinity = false,
): number {
  if (value === undefined) return fallback;
  if (isCount(value, min, allowInfinity)) return value;
  throw new TypeError(
    `${name} must be a whole number of at least ${min}${allowInfinity ? ' (or Infinity)' : ''}; got ${shown(value)}.`,
  );
}

/**
 * Reads an optional duration option in milliseconds: `fallback` when absent, else a positive
 * number (`Infinity` turns the limit off).
 * @throws TypeError naming the option and the value it got.
 */
export function durationOption(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (isDuration(value)) return value;
  throw new TypeError(
    `${name} must be a positive number of milliseconds (or Infinity for no limit); got ${shown(value)}.`,
  );
}
