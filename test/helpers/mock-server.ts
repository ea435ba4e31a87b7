import type { RecordedRequest, ScriptedReply } from '../../src/testing/index.js';

/** One script on the test runner's HTTP mock endpoint (test/server/mock-openai-middleware.mjs). */
export interface MockScript {
  /** The script's id on the server. */
  readonly id: string;
  /** An OpenAI-style base URL: `${origin}/__mock__/<id>/v1`, so chat goes to `${baseURL}/chat/completions`. */
  readonly baseURL: string;
  /** Everything the endpoint recorded so far, in order. */
  requests(): Promise<RecordedRequest[]>;
  /**
   * Polls the recorded requests until `done` holds (the server learns of a closed connection
   * a moment after the client aborts). Rejects after `timeoutMs` (default 3000).
   */
  waitForRequests(
    done: (requests: RecordedRequest[]) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedRequest[]>;
}

/** Options of {@link mockServer.script}. */
export interface MockScriptOptions {
  /** Origin the base URL points at. Default: the page's own origin (no CORS). */
  readonly origin?: string;
}

async function json(response: Response): Promise<unknown> {
  if (!response.ok)
    throw new Error(`Mock server answered HTTP ${response.status}: ${await response.text()}`);
  return response.json();
}

/** The test runner's HTTP mock endpoint, reached from the browser. */
export const mockServer = {
  /**
   * Registers scripted replies and returns where to send requests. Each request under the
   * base URL is answered with the next reply; after the last one, HTTP 500.
   */
  async script(
    replies: readonly ScriptedReply[],
    options: MockScriptOptions = {},
  ): Promise<MockScript> {
    const origin = options.origin ?? location.origin;
    const created = await fetch(`${location.origin}/__mock__/scripts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ replies }),
    });
    const { id } = (await json(created)) as { id: string };
    const requests = async (): Promise<RecordedRequest[]> =>
      (await json(
        await fetch(`${location.origin}/__mock__/${id}/requests`, { cache: 'no-store' }),
      )) as RecordedRequest[];
    return {
      id,
      baseURL: `${origin}/__mock__/${id}/v1`,
      requests,
      async waitForRequests(done, timeoutMs = 3000) {
        const deadline = performance.now() + timeoutMs;
        for (;;) {
          const recorded = await requests();
          if (done(recorded)) return recorded;
          if (performance.now() > deadline)
            throw new Error(
              `Recorded requests did not reach the expected state in ${timeoutMs} ms: ${JSON.stringify(recorded)}`,
            );
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      },
    };
  },
} as const;
