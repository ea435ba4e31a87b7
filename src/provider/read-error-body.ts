import { TimedBodyReader } from './timed-body-reader.js';

/**
 * Up to about `maxChars` characters of an error response's body (it may run a little over: cut
 * after redaction, never before), then the body is cancelled. A body that stalls for
 * `idleTimeoutMs` or breaks off gives what arrived; one that cannot be read gives `''`.
 */
export async function readErrorBody(
  response: Response,
  maxChars: number,
  idleTimeoutMs: number,
): Promise<string> {
  if (!response.body) return '';
  const body = new TimedBodyReader(response.body, idleTimeoutMs);
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < maxChars) {
      const read = await body.read();
      if (read.kind !== 'bytes') break;
      text += decoder.decode(read.bytes, { stream: true });
    }
    return text + decoder.decode();
  } finally {
    body.cancel();
  }
}
