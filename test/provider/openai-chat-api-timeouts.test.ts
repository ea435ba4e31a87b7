import { expect } from 'chai';
import { NetworkError, OpenAIChatAPI, TimeoutError, ToolAgentsError } from '../../src/index.js';
import { createScriptedFetch, textReply, type ScriptedReply } from '../../src/testing/index.js';
import {
  answerText,
  finishedStep,
  mockServer,
  rejectionOf,
  streamEvents,
} from '../helpers/index.js';

/** `reply` with a pause of `ms` before its chunk number `index`. */
function pauseBefore(reply: ScriptedReply, index: number, ms: number): ScriptedReply {
  return {
    ...reply,
    chunks: reply.chunks!.map((chunk, i) => (i === index ? { ...chunk, delayMs: ms } : chunk)),
  };
}

/** Counts timers started and not yet fired or cleared while `run` runs. */
async function timersLeftBy(run: () => Promise<unknown>): Promise<number> {
  const pending = new Set<unknown>();
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  globalThis.setTimeout = ((handler: () => void, ms?: number) => {
    const id: ReturnType<typeof setTimeout> = realSet(() => {
      pending.delete(id);
      handler();
    }, ms);
    pending.add(id);
    return id;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((id: ReturnType<typeof setTimeout> | undefined) => {
    pending.delete(id);
    realClear(id);
  }) as typeof clearTimeout;
  try {
    await run().catch(() => undefined);
    await new Promise((resolve) => realSet(resolve, 0));
  } finally {
    globalThis.setTimeout = realSet;
    globalThis.clearTimeout = realClear;
  }
  return pending.size;
}

describe('OpenAIChatAPI timeouts', () => {
  describe('waiting for the response (timeout)', () => {
    it('fails with a TimeoutError in phase "response" when no headers arrive in time', async () => {
      const { fetch, requests } = createScriptedFetch([{ ...textReply('late'), delayMs: 5_000 }]);
      const started = performance.now();
      const error = (await rejectionOf(
        streamEvents(new OpenAIChatAPI({ model: 'm', fetch, maxRetries: 0, timeout: 80 })),
      )) as TimeoutError;
      expect(performance.now() - started).to.be.below(2_000);
      expect(error).to.be.instanceOf(TimeoutError).and.to.be.instanceOf(ToolAgentsError);
      expect(error).not.to.be.instanceOf(NetworkError);
      expect(error).to.include({ name: 'TimeoutError', phase: 'response', timeoutMs: 80 });
      expect(error.message).to.include('80 ms').and.to.include('/chat/completions');
      expect(error.url).to.equal('https://api.openai.com/v1/chat/completions');
      expect(requests[0]!.aborted, 'the slow request was aborted').to.equal(true);
    });

    it('retries a response timeout like a network error, then succeeds', async () => {
      const { fetch, requests } = createScriptedFetch([
        { ...textReply('late'), delayMs: 5_000 },
        textReply('second try'),
      ]);
      const events = await streamEvents(
        new OpenAIChatAPI({ model: 'm', fetch, maxRetries: 1, timeout: 80 }),
      );
      expect(answerText(events)).to.equal('second try');
      expect(requests).to.have.length(2);
      expect(requests[0]!.aborted).to.equal(true);
    });

    it('gives up after maxRetries timeouts with the TimeoutError', async () => {
      const slow = { ...textReply('late'), delayMs: 5_000 };
      const { fetch, requests } = createScriptedFetch([slow, slow]);
      const error = await rejectionOf(
        streamEvents(new OpenAIChatAPI({ model: 'm', fetch, maxRetries: 1, timeout: 60 })),
      );
      expect(error).to.be.instanceOf(TimeoutError);
      expect(requests).to.have.length(2);
    });

    it("lets the caller's abort win over the timeout", async () => {
      const { fetch } = createScriptedFetch([{ ...textReply('late'), delayMs: 5_000 }]);
      const controller = new AbortController();
      const reason = new Error('user stop');
      setTimeout(() => controller.abort(reason), 30);
      const error = await rejectionOf(
        streamEvents(
          new OpenAIChatAPI({ model: 'm', fetch, maxRetries: 2, timeout: 200 }),
          controller.signal,
        ),
      );
      expect(error).to.equal(reason);
    });

    it('waits as long as it takes with timeout: Infinity', async () => {
      const { fetch } = createScriptedFetch([{ ...textReply('patient'), delayMs: 150 }]);
      expect(
        answerText(
          await streamEvents(
            new OpenAIChatAPI({ model: 'm', fetch, timeout: Infinity, idleTimeout: Infinity }),
          ),
        ),
      ).to.equal('patient');
    });
  });

  describe('silence mid-stream (idleTimeout)', () => {
    it('fails with a TimeoutError in phase "idle" carrying the partial answer, and is not retried', async () => {
      const { fetch, requests } = createScriptedFetch([
        pauseBefore(textReply(['Hel', 'lo ', 'there']), 3, 5_000),
        textReply('never'),
      ]);
      const error = (await rejectionOf(
        streamEvents(new OpenAIChatAPI({ model: 'm', fetch, maxRetries: 3, idleTimeout: 100 })),
      )) as TimeoutError;
      expect(error).to.be.instanceOf(TimeoutError);
      expect(error).to.include({ phase: 'idle', timeoutMs: 100 });
      expect(error.partial.text).to.equal('Hello ');
      expect(requests, 'a started stream is never retried').to.have.length(1);
      expect(requests[0]!.aborted, 'the stalled body was cancelled').to.equal(true);
    });

    it('stops a stalled stream over real HTTP and closes the connection', async () => {
      const script = await mockServer.script([pauseBefore(textReply(['one ', 'two']), 2, 10_000)]);
      const error = (await rejectionOf(
        streamEvents(new OpenAIChatAPI({ model: 'm', baseURL: script.baseURL, idleTimeout: 150 })),
      )) as TimeoutError;
      expect(error).to.be.instanceOf(TimeoutError);
      expect(error.partial.text).to.equal('one ');
      await script.waitForRequests((requests) => requests[0]?.aborted === true);
    });

    it('retries silence before the first byte of the body, which is not a started stream', async () => {
      const { fetch, requests } = createScriptedFetch([
        pauseBefore(textReply('first'), 0, 5_000),
        textReply('second'),
      ]);
      const events = await streamEvents(
        new OpenAIChatAPI({ model: 'm', fetch, maxRetries: 1, idleTimeout: 80 }),
      );
      expect(answerText(events)).to.equal('second');
      expect(requests).to.have.length(2);
    });

    it('does not count the time the consumer spends between reads', async () => {
      const { fetch } = createScriptedFetch([textReply(['a', 'b', 'c'])]);
      const api = new OpenAIChatAPI({ model: 'm', fetch, idleTimeout: 50 });
      let text = '';
      for await (const batch of api.streamChatBatches({ messages: [], settings: {}, tools: [] })) {
        for (const event of batch) if (event.type === 'text-delta') text += event.text;
        await new Promise((resolve) => setTimeout(resolve, 120));
      }
      expect(text).to.equal('abc');
    });

    it("lets the caller's abort win mid-stream", async () => {
      const { fetch } = createScriptedFetch([pauseBefore(textReply(['a', 'b']), 2, 5_000)]);
      const controller = new AbortController();
      const reason = new Error('user stop');
      const api = new OpenAIChatAPI({ model: 'm', fetch, idleTimeout: 300 });
      const error = await rejectionOf(
        (async () => {
          for await (const event of api.streamChat({
            messages: [],
            settings: {},
            tools: [],
            signal: controller.signal,
          })) {
            if (event.type === 'text-delta') setTimeout(() => controller.abort(reason), 20);
          }
        })(),
      );
      expect(error).to.equal(reason);
    });

    it('finishes with the whole answer when the server goes silent after the finish reason', async () => {
      const reply = textReply(['done'], { usage: { prompt_tokens: 1, completion_tokens: 1 } });
      // The finish and usage chunks arrive, then the server holds the connection without [DONE].
      const chunks = reply.chunks!.filter(
        (chunk) => !('text' in chunk && chunk.text?.includes('[DONE]')),
      );
      const { fetch, requests } = createScriptedFetch([
        { ...reply, chunks: [...chunks, { delayMs: 10_000 }] },
      ]);
      const step = finishedStep(
        await streamEvents(new OpenAIChatAPI({ model: 'm', fetch, idleTimeout: 100 })),
      );
      expect(step.text).to.equal('done');
      expect(step.usage).to.deep.equal({ inputTokens: 1, outputTokens: 1, totalTokens: 2 });
      expect(requests[0]!.aborted).to.equal(true);
    });
  });

  describe('timers', () => {
    it('leaves no timer running after a finished stream', async () => {
      const { fetch } = createScriptedFetch([textReply(['a', 'b'])]);
      const left = await timersLeftBy(() =>
        streamEvents(new OpenAIChatAPI({ model: 'm', fetch, timeout: 5_000, idleTimeout: 5_000 })),
      );
      expect(left).to.equal(0);
    });

    it('leaves no timer running after a timeout or a failure', async () => {
      const stalled = createScriptedFetch([pauseBefore(textReply(['a', 'b']), 2, 5_000)]);
      expect(
        await timersLeftBy(() =>
          streamEvents(
            new OpenAIChatAPI({
              model: 'm',
              fetch: stalled.fetch,
              maxRetries: 0,
              idleTimeout: 40,
              timeout: 5_000,
            }),
          ),
        ),
      ).to.equal(0);
      const slow = createScriptedFetch([{ ...textReply('late'), delayMs: 5_000 }]);
      expect(
        await timersLeftBy(() =>
          streamEvents(
            new OpenAIChatAPI({ model: 'm', fetch: slow.fetch, maxRetries: 0, timeout: 40 }),
          ),
        ),
      ).to.equal(0);
      const offline = createScriptedFetch([{ networkError: true }]);
      expect(
        await timersLeftBy(() =>
          streamEvents(new OpenAIChatAPI({ model: 'm', fetch: offline.fetch, maxRetries: 0 })),
        ),
      ).to.equal(0);
    });

    it('leaves no timer running when the consumer leaves the loop early', async () => {
      const { fetch } = createScriptedFetch([pauseBefore(textReply(['a', 'b']), 2, 5_000)]);
      const api = new OpenAIChatAPI({ model: 'm', fetch, idleTimeout: 5_000 });
      const left = await timersLeftBy(async () => {
        for await (const event of api.streamChat({ messages: [], settings: {}, tools: [] }))
          if (event.type === 'text-delta') break;
      });
      expect(left).to.equal(0);
    });
  });
});
