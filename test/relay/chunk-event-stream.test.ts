import { expect } from 'chai';
import * as z from 'zod';
import {
  ChatMessage,
  ChatToolAgent,
  FunctionTool,
  HTTPError,
  IncompleteStreamError,
  MalformedStreamError,
  NetworkError,
  OpenAIChatAPI,
  StreamError,
  ToolAgentsError,
  ToolRegistry,
  readEventStream,
  toEventStream,
  toEventStreamResponse,
  type ChatResponseChunk,
} from '../../src/index.js';
import {
  errorReply,
  splitBody,
  streamErrorReply,
  textReply,
  toolCallReply,
  type ScriptedReply,
} from '../../src/testing/index.js';
import { mockServer, parseSSE } from '../helpers/index.js';
import {
  collect,
  collectUntilError,
  deferred,
  finalResponse,
  longPauseMs,
  ofType,
  rejection,
  scriptedAgent,
  serverWaitMs,
  stallAfter,
  whenAborted,
  type ScriptedAgent,
} from '../agents/agent-kit.js';

/** What an agent stream produced while it was being relayed. */
interface Recording {
  readonly chunks: ChatResponseChunk[];
  error: unknown;
  failed: boolean;
}

/**
 * Passes an agent stream through unchanged, recording its chunks and its error. Not an async
 * generator: a generator's return() would wait for a pending next(), hiding the agent's own
 * prompt cancellation from the relay.
 */
function recorded(source: AsyncGenerator<ChatResponseChunk, void, undefined>): {
  stream: AsyncIterableIterator<ChatResponseChunk>;
  recording: Recording;
} {
  const recording: Recording = { chunks: [], error: undefined, failed: false };
  const stream: AsyncIterableIterator<ChatResponseChunk> = {
    async next() {
      try {
        const next = await source.next();
        if (!next.done) recording.chunks.push(next.value);
        return next;
      } catch (error) {
        recording.error = error;
        recording.failed = true;
        throw error;
      }
    },
    return: () => source.return(undefined),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return { stream, recording };
}

const multiply = new FunctionTool({
  name: 'multiply',
  description: 'a*b',
  parameters: z.object({ a: z.number(), b: z.number() }),
  execute: ({ a, b }) => a * b,
});
const notify = new FunctionTool({
  name: 'notify',
  description: 'Returns nothing.',
  parameters: z.object({ text: z.string() }),
  execute: () => undefined,
});
const registry = (): ToolRegistry => new ToolRegistry([multiply, notify]);
const question = (): ChatMessage[] => [ChatMessage.createUserMessage('What is 6 times 7?')];

/** A turn with text before a tool round (a good call, unparsable arguments, an undefined result), then reasoning and an answer. */
const richTurn = (): ScriptedReply[] => [
  toolCallReply(
    [
      { id: 'call_mul', name: 'multiply', arguments: { a: 6, b: 7 } },
      { id: 'call_bad', name: 'multiply', arguments: '{"a": 6,' },
      {
        id: 'call_note',
        name: 'notify',
        arguments: { text: 'line 1\n\ndata: not an event\n\n✓ 👍' },
      },
    ],
    { text: 'Let me check.', usage: { prompt_tokens: 20, completion_tokens: 9 } },
  ),
  textReply(['6 × 7 = 42', '\n\ndata: {"type":"finish"}\n\n', ' 🎉'], {
    reasoning: 'Simple arithmetic.',
    usage: { prompt_tokens: 40, completion_tokens: 12 },
  }),
];

/** Runs `replies` through an agent and relays the turn; returns the relay response and what the agent produced. */
async function relayTurn(
  replies: readonly ScriptedReply[],
  init?: ResponseInit,
): Promise<{ response: Response; recording: Recording; setup: ScriptedAgent }> {
  const setup = await scriptedAgent(replies);
  const { stream, recording } = recorded(
    setup.agent.getStreamingResponse({ messages: question(), toolRegistry: registry() }),
  );
  return { response: toEventStreamResponse(stream, init), recording, setup };
}

/** A body stream over fixed text, ending cleanly. */
function bodyOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** Checks that a relayed error is the original one, field for field. */
function expectSameError(relayed: unknown, original: unknown): void {
  expect(original).to.be.instanceOf(ToolAgentsError);
  const source = original as ToolAgentsError;
  expect(relayed).to.be.instanceOf(source.constructor);
  const copy = relayed as ToolAgentsError;
  expect(copy.name).to.equal(source.name);
  expect(copy.message).to.equal(source.message);
  expect(copy.partial).to.deep.equal(source.partial);
  expect(copy.url).to.equal(source.url);
  for (const field of [
    'status',
    'statusText',
    'retryAfter',
    'providerMessage',
    'code',
    'type',
    'hint',
    'data',
  ] as const) {
    expect((copy as unknown as Record<string, unknown>)[field], field).to.equal(
      (source as unknown as Record<string, unknown>)[field],
    );
  }
}

describe('relay (toEventStream / readEventStream)', () => {
  it('reads back exactly the chunks of a turn with reasoning, text and a tool round, undefined fields included', async () => {
    const { response, recording } = await relayTurn(richTurn());
    const relayed = await collect(readEventStream(response));
    expect(recording.failed).to.equal(false);
    expect(relayed).to.deep.equal(recording.chunks);
    // The turn really had every kind of chunk, including fields JSON cannot carry.
    expect(new Set(relayed.map((chunk) => chunk.type))).to.deep.equal(
      new Set([
        'text-delta',
        'reasoning-delta',
        'tool-call-start',
        'tool-call-delta',
        'tool-call-ready',
        'tool-call-result',
        'finish',
      ]),
    );
    const bad = ofType(relayed, 'tool-call-ready').find(
      (chunk) => chunk.toolCallReady.id === 'call_bad',
    )!;
    expect(bad.toolCallReady).to.have.property('arguments', undefined);
    const note = ofType(relayed, 'tool-call-result').find(
      (chunk) => chunk.toolCallResult.id === 'call_note',
    )!;
    expect(note.toolCallResult).to.have.property('result', undefined);
    expect(finalResponse(relayed).response).to.equal(
      '6 × 7 = 42\n\ndata: {"type":"finish"}\n\n 🎉',
    );
  });

  it('relays long tool arguments in bytes linear in their length, and rebuilds the text so far on each delta', async () => {
    const long = 'x'.repeat(60_000);
    const { response, recording } = await relayTurn([
      toolCallReply(
        [
          { id: 'same', name: 'echo', arguments: { text: long } },
          { id: 'same', name: 'echo', arguments: { text: 'short' } },
        ],
        { argumentsChunkSize: 5 },
      ),
      textReply('ok'),
    ]);
    const wire = await response.text();
    // 12,000 deltas of 5 characters: resending the text so far on each would be ~360 MB.
    expect(wire.length).to.be.lessThan(6_000_000);
    const relayed = await collect(readEventStream(new Response(wire)));
    expect(relayed).to.deep.equal(recording.chunks);
    const lastDeltas = ofType(relayed, 'tool-call-delta').filter(
      (chunk) => chunk.toolCallDelta.index === 0,
    );
    expect(lastDeltas.at(-1)?.toolCallDelta.argumentsText).to.equal(JSON.stringify({ text: long }));
  });

  it('writes one data event per chunk as a text/event-stream response', async () => {
    const { response, recording } = await relayTurn([textReply(['Hi', ' there'])], {
      status: 201,
      headers: { 'x-turn': '7', 'cache-control': 'no-store' },
    });
    expect(response.status).to.equal(201);
    expect(response.headers.get('content-type')).to.equal('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).to.equal('no-store');
    expect(response.headers.get('x-turn')).to.equal('7');
    const text = await response.text();
    expect(text.endsWith('\n\n')).to.equal(true);
    const events = parseSSE([new TextEncoder().encode(text)]).map(
      (data) => JSON.parse(data) as unknown,
    );
    expect(events).to.deep.equal(JSON.parse(JSON.stringify(recording.chunks)));
  });

  it('relays a hostile thrown value (a Proxy whose traps throw) as a readable error, never an untyped failure of the relay', async () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        getPrototypeOf: () => {
          throw new Error('trap');
        },
      },
    );
    const failing = (async function* (): AsyncGenerator<ChatResponseChunk, void, undefined> {
      yield* [];
      throw hostile;
    })();
    const { items, error } = await collectUntilError(
      readEventStream(toEventStreamResponse(failing)),
    );
    expect(items).to.deep.equal([]);
    expect(error).to.be.instanceOf(ToolAgentsError);
    expect((error as ToolAgentsError).name).to.equal('Error');
  });

  it('defaults to no-cache', async () => {
    const response = toEventStreamResponse((async function* () {})());
    expect(response.headers.get('cache-control')).to.equal('no-cache');
    expect(await response.text()).to.equal('');
  });

  describe('a failing turn', () => {
    const failures: readonly {
      readonly title: string;
      readonly replies: () => ScriptedReply[];
      readonly type: abstract new (...args: never[]) => ToolAgentsError;
    }[] = [
      {
        title: 'an HTTP 500 after a tool round',
        replies: () => [richTurn()[0]!, errorReply(500, 'The server had an error.')],
        type: HTTPError,
      },
      {
        title: 'a mid-stream error',
        replies: () => [
          streamErrorReply('Overloaded.', { text: ['Partial', ' answer'], code: 'overloaded' }),
        ],
        type: StreamError,
      },
      {
        title: 'a dropped connection',
        replies: () => [
          textReply(['Half', ' a'], {
            reasoning: 'Hmm',
            finishReason: null,
            done: false,
            dropAfterChunks: true,
          }),
        ],
        type: IncompleteStreamError,
      },
      {
        title: 'a malformed event',
        replies: () => [
          { chunks: [...textReply('Hello').chunks!.slice(0, 2), { text: 'data: {oops\n\n' }] },
        ],
        type: MalformedStreamError,
      },
      { title: 'a network error', replies: () => [{ networkError: true }], type: NetworkError },
    ];

    for (const failure of failures) {
      it(`relays ${failure.title} as an error event that readEventStream rejects with, field for field`, async () => {
        const { response, recording } = await relayTurn(failure.replies());
        const text = await response.text();
        expect(text).to.match(/event: error\ndata: .*\n\n$/);
        const { items, error } = await collectUntilError(readEventStream(bodyOf(text)));
        expect(recording.failed).to.equal(true);
        expect(recording.error).to.be.instanceOf(failure.type);
        expect(items).to.deep.equal(recording.chunks);
        expectSameError(error, recording.error);
      });
    }

    it('relays an error that is not a library error with its name and message', async () => {
      async function* broken(): AsyncGenerator<ChatResponseChunk> {
        yield* [];
        throw new RangeError('index out of range');
      }
      const error = await rejection(collect(readEventStream(toEventStreamResponse(broken()))));
      expect(error).to.be.instanceOf(ToolAgentsError);
      expect((error as Error).name).to.equal('RangeError');
      expect((error as Error).message).to.equal('index out of range');
    });

    it('relays an aborted turn as an AbortError', async () => {
      const { agent } = await scriptedAgent([textReply('never')]);
      const reason = new DOMException('Stopped by the server.', 'AbortError');
      const error = await rejection(
        collect(
          readEventStream(
            toEventStreamResponse(
              agent.getStreamingResponse({
                messages: question(),
                signal: AbortSignal.abort(reason),
              }),
            ),
          ),
        ),
      );
      expect((error as Error).name).to.equal('AbortError');
      expect((error as Error).message).to.equal('Stopped by the server.');
    });
  });

  describe('cancellation', () => {
    it('stops the agent and its request when the relayed body is cancelled', async () => {
      const { response, setup } = await relayTurn([
        stallAfter(textReply(['Once', ' upon', ' a time']), 2),
      ]);
      const reader = response.body!.getReader();
      const first = await reader.read();
      expect(new TextDecoder().decode(first.value)).to.include('"chunk":"Once"');
      // The agent is now waiting for the stalled upstream.
      await reader.cancel();
      const [request] = await setup.server.waitForRequests(
        (requests) => requests[0]?.aborted === true,
        serverWaitMs,
      );
      expect(request!.aborted).to.equal(true);
    });

    it('aborts a running tool when the relayed body is cancelled', async () => {
      const started = deferred<AbortSignal>();
      const wait = new FunctionTool({
        name: 'wait',
        description: 'Waits until stopped.',
        parameters: z.object({}),
        execute: async (_args, { signal }) => {
          started.resolve(signal);
          await Promise.race([
            whenAborted(signal),
            new Promise((resolve) => setTimeout(resolve, longPauseMs)),
          ]);
          return 'finished';
        },
      });
      const { agent, server } = await scriptedAgent([
        toolCallReply([{ id: 'call_wait', name: 'wait', arguments: {} }]),
        textReply('Unreachable.'),
      ]);
      const response = toEventStreamResponse(
        agent.getStreamingResponse({
          messages: question(),
          toolRegistry: new ToolRegistry([wait]),
        }),
      );
      const reader = response.body!.getReader();
      // A relay only runs the agent as far as its reader reads: keep reading until the tool runs.
      const drained = (async () => {
        while (!(await reader.read()).done);
      })();
      const signal = await started.promise;
      await reader.cancel('page closed');
      await drained;
      expect((await whenAborted(signal)) instanceof DOMException).to.equal(true);
      expect(signal.aborted).to.equal(true);
      expect(await server.requests()).to.have.length(1);
    });

    it('cancels the relay, and so the agent, when the reader leaves its for await early', async () => {
      const { response, setup } = await relayTurn([
        stallAfter(textReply(['Once', ' upon', ' a time']), 2),
      ]);
      for await (const chunk of readEventStream(response)) {
        expect(chunk.chunk).to.equal('Once');
        break;
      }
      await setup.server.waitForRequests((requests) => requests[0]?.aborted === true, serverWaitMs);
    });

    it('rejects with signal.reason when its signal aborts while waiting, and cancels the body', async () => {
      const cancelled = deferred<unknown>();
      const silent = new ReadableStream<Uint8Array>({
        pull: () => new Promise(() => undefined),
        cancel: (reason) => cancelled.resolve(reason),
      });
      const controller = new AbortController();
      const reading = collectUntilError(readEventStream(silent, controller.signal));
      // Let the reader reach its pending read before aborting.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const reason = new Error('no longer needed');
      controller.abort(reason);
      const { items, error } = await reading;
      expect(items).to.deep.equal([]);
      expect(error).to.equal(reason);
      await cancelled.promise;
    });
  });

  describe('a cut or broken relayed stream', () => {
    async function completeRelayText(): Promise<{ text: string; chunks: ChatResponseChunk[] }> {
      const { response, recording } = await relayTurn([textReply(['Hello', ' world'])]);
      const text = await response.text();
      return { text, chunks: recording.chunks };
    }

    it('rejects with IncompleteStreamError when the stream ends before its final chunk', async () => {
      const { text, chunks } = await completeRelayText();
      const withoutFinish = text.slice(0, text.lastIndexOf('data: '));
      const { items, error } = await collectUntilError(readEventStream(bodyOf(withoutFinish)));
      expect(items).to.deep.equal(chunks.slice(0, -1));
      expect(error).to.be.instanceOf(IncompleteStreamError);
      expect((error as IncompleteStreamError).partial.text).to.equal('Hello world');
    });

    it('rejects with IncompleteStreamError when the stream is cut inside its final event', async () => {
      const { text, chunks } = await completeRelayText();
      for (const cut of [5, 20, text.length - text.lastIndexOf('data: ') - 10]) {
        const { items, error } = await collectUntilError(
          readEventStream(bodyOf(text.slice(0, text.length - cut))),
        );
        expect(items, `cut ${cut}`).to.deep.equal(chunks.slice(0, -1));
        expect(error, `cut ${cut}`).to.be.instanceOf(IncompleteStreamError);
      }
    });

    it('keeps the finished tool round in the partial response of a stream cut in a later step', async () => {
      const { response, recording } = await relayTurn(richTurn());
      const text = await response.text();
      const secondStep = text.indexOf('"step":1');
      const cut = text.slice(0, text.indexOf('\n\n', secondStep) + 2);
      const { error } = await collectUntilError(readEventStream(bodyOf(cut)));
      expect(error).to.be.instanceOf(IncompleteStreamError);
      const { partial } = error as IncompleteStreamError;
      const finished = recording.chunks.at(-1)?.finishedResponse?.messages.slice(0, 2) ?? [];
      expect(partial.messages.map((message) => message.role)).to.deep.equal(['assistant', 'tool']);
      expect(partial.messages.map((message) => message.content)).to.deep.equal(
        finished.map((message) => message.content),
      );
      expect(partial.text).to.equal(
        recording.chunks
          .filter((c) => c.step === 1)
          .map((c) => c.chunk)
          .join('')
          .slice(0, partial.text.length),
      );
    });

    it('rejects a relayed chunk naming an absurd step or call position, before the state grows', async () => {
      for (const body of [
        'data: {"type":"text-delta","step":50000,"chunk":"x"}\n\n',
        'data: {"type":"tool-call-start","step":0,"toolCallStart":{"index":99999,"id":"a","name":"f"}}\n\n',
        'data: {"type":"tool-call-result","step":0,"toolCallResult":{"index":99999,"id":"a","name":"f","resultText":"1"}}\n\n',
      ]) {
        const error = await rejection(collect(readEventStream(bodyOf(body))));
        expect(error, body).to.be.instanceOf(MalformedStreamError);
        expect((error as Error).message).to.contain('at most 10000');
      }
    });

    it('rejects with IncompleteStreamError when the response has no body', async () => {
      expect(await rejection(collect(readEventStream(new Response(null))))).to.be.instanceOf(
        IncompleteStreamError,
      );
    });

    it('rejects with MalformedStreamError on an event that is not JSON or not a chunk', async () => {
      const notJson = await rejection(collect(readEventStream(bodyOf('data: {nope\n\n'))));
      expect(notJson).to.be.instanceOf(MalformedStreamError);
      const unknownType = await rejection(
        collect(readEventStream(bodyOf('data: {"type":"mystery"}\n\n'))),
      );
      expect(unknownType).to.be.instanceOf(MalformedStreamError);
      expect((unknownType as Error).message).to.include('"mystery"');
    });
  });

  describe('through a real HTTP hop', () => {
    /** Serves relayed bytes from the mock endpoint, cut into small random network reads, and fetches them. */
    async function hop(text: string, options: { drop?: boolean } = {}): Promise<Response> {
      const server = await mockServer.script([
        {
          chunks: splitBody(text, { seed: 7, maxSize: 9 }),
          ...(options.drop ? { dropAfterChunks: true } : {}),
        },
      ]);
      return fetch(`${server.baseURL}/relay`);
    }

    it('reads back the same chunks after the relayed bytes cross the network in small pieces', async () => {
      const { response, recording } = await relayTurn(richTurn());
      const relayed = await collect(readEventStream(await hop(await response.text())));
      expect(relayed).to.deep.equal(recording.chunks);
    });

    it('rejects with the original error after an error event crosses the network', async () => {
      const { response, recording } = await relayTurn([
        richTurn()[0]!,
        errorReply(500, 'The server had an error.'),
      ]);
      const { items, error } = await collectUntilError(
        readEventStream(await hop(await response.text())),
      );
      expect(items).to.deep.equal(recording.chunks);
      expectSameError(error, recording.error);
    });

    it('rejects with IncompleteStreamError when the connection drops before the final chunk', async () => {
      const { response, recording } = await relayTurn(richTurn());
      const text = await response.text();
      const { items, error } = await collectUntilError(
        readEventStream(await hop(text.slice(0, text.lastIndexOf('data: ') + 30), { drop: true })),
      );
      expect(error).to.be.instanceOf(IncompleteStreamError);
      expect(items).to.deep.equal(recording.chunks.slice(0, items.length));
      expect(items.some((chunk) => chunk.finished)).to.equal(false);
      const lastStep = items.at(-1)!.step;
      const stepText = items
        .filter((chunk) => chunk.step === lastStep)
        .map((chunk) => chunk.chunk)
        .join('');
      expect((error as IncompleteStreamError).partial.text).to.equal(stepText);
    });
  });
});

describe('relay: errors raised before a request is sent', () => {
  it('gives back an ImageTooLargeError, an ImageURLError and a ContextBudgetError with their fields', async () => {
    const { api } = await scriptedAgent([]);
    const tight = new OpenAIChatAPI({ model: 'm', baseURL: api.baseURL, maxImageBytes: 2 });
    const cases = [
      {
        agent: new ChatToolAgent({ chatApi: tight }),
        content: [{ type: 'image', url: 'data:image/png;base64,AAAAAAAA' }] as const,
        fields: ['messageIndex', 'messageId', 'partIndex', 'bytes', 'limit'],
      },
      {
        agent: new ChatToolAgent({ chatApi: tight }),
        content: [{ type: 'image', url: 'blob:https://example.com/1' }] as const,
        fields: ['messageIndex', 'messageId', 'partIndex', 'reason'],
      },
      {
        agent: new ChatToolAgent({ chatApi: tight, contextBudget: 1 }),
        content: [{ type: 'text', text: 'Hello' }] as const,
        fields: ['budget', 'requiredTokens'],
      },
    ];
    for (const { agent, content, fields } of cases) {
      const { stream, recording } = recorded(
        agent.getStreamingResponse({ messages: [ChatMessage.createUserMessage(content)] }),
      );
      const { error } = await collectUntilError(readEventStream(toEventStream(stream)));
      expect(recording.failed).to.equal(true);
      expectSameError(error, recording.error);
      for (const field of fields)
        expect((error as Record<string, unknown>)[field], field).to.equal(
          (recording.error as Record<string, unknown>)[field],
        );
    }
  });
});
