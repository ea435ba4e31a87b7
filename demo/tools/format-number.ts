/** A number as people write it: at most 12 significant digits, so 0.1 + 0.2 shows as 0.3. */
export function roundNumber(value: number): number {
  return Number(value.toPrecision(12));
}
