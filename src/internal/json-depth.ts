/**
 * True when `value` has objects or arrays nested more than `limit` levels deep. Iterative, so a
 * hostile value nested a million levels deep cannot overflow the stack while being measured
 * (JSON.stringify and schema validation recurse and would).
 */
export function isNestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: { readonly value: unknown; readonly depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object')
        stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}
