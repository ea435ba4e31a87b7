/** One network read of a response body and when it arrived (`performance.now()`). */
export interface BodyRead {
  readonly bytes: Uint8Array;
  readonly at: number;
}

/** Reads a body to its end, read by read; rejects with the body's error, if it errors. */
export async function readBody(response: Response): Promise<BodyRead[]> {
  if (!response.body) return [];
  const reader = response.body.getReader();
  const reads: BodyRead[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return reads;
    reads.push({ bytes: value, at: performance.now() });
  }
}

/** Reads a body to its end, also when it errors: the reads so far and the error. */
export async function readBodySettled(
  response: Response,
): Promise<{ reads: BodyRead[]; error: unknown }> {
  const reads: BodyRead[] = [];
  const reader = response.body!.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { reads, error: undefined };
      reads.push({ bytes: value, at: performance.now() });
    }
  } catch (error) {
    return { reads, error };
  }
}

/** The reads joined and decoded as UTF-8 with one streaming decoder, as a careful client does. */
export function decodeReads(reads: readonly BodyRead[]): string {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return (
    reads.map((read) => decoder.decode(read.bytes, { stream: true })).join('') + decoder.decode()
  );
}
