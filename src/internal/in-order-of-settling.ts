/**
 * Yields the results of `promises` in the order they settle, in linear time overall (a
 * `Promise.race` over the pending set per result is quadratic for thousands of calls). A
 * rejection is thrown when its turn comes.
 */
export async function* inOrderOfSettling<T>(
  promises: readonly Promise<T>[],
): AsyncGenerator<T, void, undefined> {
  const settled: ({ ok: true; value: T } | { ok: false; error: unknown })[] = [];
  let wake: (() => void) | undefined;
  for (const promise of promises) {
    promise.then(
      (value) => {
        settled.push({ ok: true, value });
        wake?.();
      },
      (error: unknown) => {
        settled.push({ ok: false, error });
        wake?.();
      },
    );
  }
  for (let taken = 0; taken < promises.length; taken++) {
    if (settled.length <= taken) await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
    const next = settled[taken]!;
    if (!next.ok) throw next.error;
    yield next.value;
  }
}
