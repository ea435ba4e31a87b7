/** What {@link settleWithin} resolves with when the time ran out first. */
export const timedOut: unique symbol = Symbol('timed out');

/**
 * Settles like `promise`, or resolves {@link timedOut} after `ms` milliseconds (`Infinity`: never).
 * The timer is cleared either way, so nothing fires later; a late rejection of `promise` is handled.
 */
export function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T | typeof timedOut> {
  if (!Number.isFinite(ms)) return promise;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<typeof timedOut>((resolve) => {
    timer = setTimeout(() => resolve(timedOut), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
