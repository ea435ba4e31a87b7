// A tool may throw anything: a Proxy whose traps throw, a null-prototype object, an Error whose
// `message` getter throws. Describing it must never throw in turn.

function attempt(read: () => unknown): string | undefined {
  try {
    const value = read();
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Words for any thrown value, for an error result the model reads; never throws. */
export function describeThrown(thrown: unknown): string {
  if (typeof thrown === 'string') return thrown || 'An empty string was thrown.';
  if (thrown === null || (typeof thrown !== 'object' && typeof thrown !== 'function'))
    return String(thrown);
  const isError = attempt(() => (thrown instanceof Error ? 'yes' : undefined)) === 'yes';
  if (isError) {
    const error = thrown as Error;
    const message = attempt(() => error.message);
    if (message) return message;
    const name = attempt(() => error.name);
    if (name) return name;
  }
  return (
    attempt(() => JSON.stringify(thrown)) ??
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a thrown object's own toString is the last description left
    attempt(() => String(thrown)) ??
    'A value that cannot be described was thrown.'
  );
}
