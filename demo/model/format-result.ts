/** A number as an answer shows it: digit groups, at most ten decimals, exponent form when huge or tiny. */
export function formatResult(value: number): string {
  const size = Math.abs(value);
  if (size !== 0 && (size >= 1e15 || size < 1e-6))
    return value.toExponential(6).replace(/\.?0+e/u, 'e');
  return value.toLocaleString('en-US', { maximumFractionDigits: 10 });
}
