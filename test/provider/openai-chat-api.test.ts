import { expect } from 'chai';
import * as z from 'zod';
import {
  ChatMessage,
  FunctionTool,
  HTTPError,
  IncompleteStreamError,
  MalformedStreamError,
  NetworkError,
  OpenAIChatAPI,
  StreamError,
  type ProviderEvent,
} from '../../src/index.js';
import {
  createScriptedFetch,
  errorReply,
  streamErrorReply,
  textReply,
  toolCallReply,
  type ScriptedReply,
} from '../../src/testing/index.js';
import { mockServer } from '../helpers/index.js';

const apiKey = 'sk-test-SECRET-0123456789abcdef';
const user = [ChatMessage.createUserMessage('Hello')];

async function collect(api: OpenAIChatAPI, signal?: AbortSignal): Promise<ProviderEvent[]> {
  const events: ProviderEvent[] = [];
  for await (const event of api.streamChat({
    messages: user,
    settings: api.getDefaultSettings(),
    tools: [],
    signal,
  }))
    events.push(event);
  return events;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

function expectNoKey(error: Error): void {
  const everything = `${error.message} ${JSON.stringify(error)} ${JSON.stringify(Object.entries(error))} ${String(error.stack)}`;
  expect(everything).not.to.include(apiKey);
}

function textOf(events: ProviderEvent[]): string {
  return events.map((event) => (event.type === 'text-delta' ? event.text : '')).join('');
}

describe('OpenAIChatAPI', () => {
  describe('requests', () => {
    it('posts a streaming chat-completions body with usage requested by default', async () => {
      const script = await mockServer.script([textReply('Hi')]);
      const api = new OpenAIChatAPI({ apiKey, model: 'gpt-4o-mini', baseURL: script.baseURL });
      await collect(api);
      const [request] = await script.requests();
      expect(request!.method).to.equal('POST');
      expect(request!.path).to.equal('/v1/chat/completions');
      expect(request!.body).to.deep.equal({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'Hello' }],
        stream: true,
        stream_options: { include_usage: true },
      });
    });

    it("sends only Authorization, Content-Type and the caller's headers, so preflights stay simple", async () => {
      const { fetch, requests } = createScriptedFetch([textReply('Hi'), textReply('Hi')]);
      await collect(
        new OpenAIChatAPI({
          apiKey,
          model: 'm',
          fetch,
          headers: { 'HTTP-Referer': 'https://example.test' },
        }),
      );
      expect(Object.keys(requests[0]!.headers).sort()).to.deep.equal([
        'authorization',
        'content-type',
        'http-referer',
      ]);
      expect(requests[0]!.headers['authorization']).to.equal(`Bearer ${apiKey}`);
      await collect(new OpenAIChatAPI({ model: 'm', fetch }));
      expect(Object.keys(requests[1]!.headers)).to.deep.equal(['content-type']);
    });

    it('maps settings to wire fields, sends tool fields only with tools, and lets extraBody override', async () => {
      const { fetch, requests } = createScriptedFetch([textReply('Hi')]);
      const api = new OpenAIChatAPI({ model: 'm', fetch });
      const settings = api.getDefaultSettings();
      Object.assign(settings, {
        temperature: 0.7,
        topP: 0.9,
        maxTokens: 100,
        stop: ['END'],
        seed: 3,
        presencePenalty: 0.1,
        frequencyPenalty: 0.2,
        toolChoice: 'required',
        parallelToolCalls: false,
        responseFormat: { type: 'json_object' },
        reasoningEffort: 'low',
        includeUsage: false,
        extraBody: { top_k: 40, temperature: 0.1 },
      });
      const tool = new FunctionTool({
        name: 'add',
        description: 'Adds',
        parameters: z.object({ a: z.number() }),
        execute: ({ a }) => a,
      });
      for await (const _ of api.streamChat({
        messages: user,
        settings,
        tools: [tool.toOpenAITool()],
      }))
        void _;
      const body = requests[0]!.body as Record<string, unknown>;
      expect(body).to.include({
        temperature: 0.1,
        top_p: 0.9,
        max_tokens: 100,
        seed: 3,
        presence_penalty: 0.1,
        frequency_penalty: 0.2,
        tool_choice: 'required',
        parallel_tool_calls: false,
        reasoning_effort: 'low',
        top_k: 40,
      });
      expect(body['stop']).to.deep.equal(['END']);
      expect(body['response_format']).to.deep.equal({ type: 'json_object' });
      expect(body).not.to.have.property('stream_options');
      expect((body['tools'] as unknown[]).length).to.equal(1);
    });

    it('returns a fresh copy of the default settings each time', () => {
      const api = new OpenAIChatAPI({
        model: 'm',
        defaultSettings: { temperature: 0.5, stop: ['x'] },
      });
      const first = api.getDefaultSettings();
      first.temperature = 2;
      (first.stop as string[]).push('y');
      expect(api.getDefaultSettings()).to.deep.equal({
        includeUsage: true,
        temperature: 0.5,
        stop: ['x'],
      });
    });

    it('converts a tool round to assistant tool_calls plus one tool message per call id', async () => {
      const { fetch, requests } = createScriptedFetch([textReply('Done')]);
      const api = new OpenAIChatAPI({ model: 'm', fetch });
      const messages = [
        ChatMessage.createUserMessage([
          { type: 'text', text: 'Look' },
          { type: 'image', url: 'data:image/png;base64,AAAA', detail: 'low' },
        ]),
        ChatMessage.createAssistantMessage([
          { type: 'reasoning', text: 'thinking' },
          { type: 'tool_call', id: 'a', name: 'x', arguments: '{"n":1}' },
          { type: 'tool_call', id: 'b', name: 'y', arguments: '{}' },
        ]),
        ChatMessage.createToolMessage([
          { type: 'tool_result', toolCallId: 'a', toolName: 'x', result: '1' },
          {
            type: 'tool_result',
            toolCallId: 'b',
            toolName: 'y',
            result: '{"error":"no"}',
            isError: true,
          },
        ]),
      ];
      for await (const _ of api.streamChat({ messages, settings: {}, tools: [] })) void _;
      expect((requests[0]!.body as { messages: unknown[] }).messages).to.deep.equal([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Look' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA', detail: 'low' } },
          ],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'a', type: 'function', function: { name: 'x', arguments: '{"n":1}' } },
            { id: 'b', type: 'function', function: { name: 'y', arguments: '{}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'a', content: '1' },
        { role: 'tool', tool_call_id: 'b', content: '{"error":"no"}' },
      ]);
    });
  });

  describe('streaming', () => {
    it('delivers text as it arrives over HTTP and finishes with the whole step', async () => {
      const script = await mockServer.script([
        textReply(['Hel', 'lo ', 'wor', 'ld'], {
          usage: { prompt_tokens: 3, completion_tokens: 4 },
        }),
      ]);
      const events = await collect(new OpenAIChatAPI({ model: 'm', baseURL: script.baseURL }));
      expect(
        events.filter((e) => e.type === 'text-delta').map((e) => (e as { text: string }).text),
      ).to.deep.equal(['Hel', 'lo ', 'wor', 'ld']);
      const last = events.at(-1)!;
      expect(last.type).to.equal('finish');
      if (last.type !== 'finish') return;
      expect(last.step.text).to.equal('Hello world');
      expect(last.step.finishReason).to.equal('stop');
      expect(last.step.usage).to.deep.equal({ inputTokens: 3, outputTokens: 4, totalTokens: 7 });
    });

    it('announces a tool call by name before its arguments are complete', async () => {
      const { fetch } = createScriptedFetch([
        toolCallReply([{ id: 'c1', name: 'lookup', arguments: { query: 'a long query string' } }]),
      ]);
      const events = await collect(new OpenAIChatAPI({ model: 'm', fetch }));
      const start = events.findIndex((e) => e.type === 'tool-call-start');
      const deltas = events.filter((e) => e.type === 'tool-call-delta');
      expect(start).to.be.greaterThan(-1);
      expect(events.findIndex((e) => e.type === 'tool-call-delta')).to.be.greaterThan(start);
      expect(deltas.length).to.be.greaterThan(1);
      const last = deltas.at(-1);
      expect(last?.type === 'tool-call-delta' && last.argumentsText).to.equal(
        '{"query":"a long query string"}',
      );
    });

    it('reads a non-streamed JSON completion when the host ignores stream: true', async () => {
      const completion = {
        id: 'x',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: 'Whole answer' },
            finish_reason: 'stop',
          },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
      };
      const { fetch } = createScriptedFetch([
        {
          headers: { 'content-type': 'application/json' },
          chunks: [{ text: JSON.stringify(completion) }],
        },
      ]);
      const events = await collect(new OpenAIChatAPI({ model: 'm', fetch }));
      expect(textOf(events)).to.equal('Whole answer');
      expect(events.at(-1)?.type).to.equal('finish');
    });

    it('surfaces a bare llama.cpp "error:" line even when it is split across reads', async () => {
      const body =
        'error: {"code":400,"message":"context too long","type":"invalid_request_error"}\n\ndata: [DONE]\n\n';
      const chunks = [...body].map((ch) => ({ text: ch }));
      const { fetch } = createScriptedFetch([{ chunks }]);
      const error = await failure(collect(new OpenAIChatAPI({ model: 'm', fetch })));
      expect(error).to.be.instanceOf(StreamError);
      expect((error as StreamError).providerMessage).to.equal('context too long');
      expect((error as StreamError).code).to.equal(400);
    });
  });

  describe('failures', () => {
    it("rejects an HTTP error with its status and the provider's JSON message", async () => {
      const script = await mockServer.script([
        errorReply(400, "This model's maximum context length is 128000 tokens.", {
          code: 'context_length_exceeded',
        }),
      ]);
      const error = await failure(
        collect(new OpenAIChatAPI({ apiKey, model: 'm', baseURL: script.baseURL })),
      );
      expect(error).to.be.instanceOf(HTTPError);
      expect(error.name).to.equal('HTTPError');
      const http = error as HTTPError;
      expect(http.status).to.equal(400);
      expect(http.providerMessage).to.equal(
        "This model's maximum context length is 128000 tokens.",
      );
      expect(http.code).to.equal('context_length_exceeded');
      expect(http.type).to.equal('invalid_request_error');
      expect(http.message)
        .to.include('HTTP 400')
        .and.to.include('/v1/chat/completions')
        .and.to.include('maximum context length');
      expectNoKey(http);
    });

    it('reads plain-text and HTML error bodies', async () => {
      const { fetch } = createScriptedFetch([
        {
          status: 404,
          headers: { 'content-type': 'text/plain' },
          chunks: [{ text: 'model "llama9" not found' }],
        },
        {
          status: 502,
          headers: { 'content-type': 'text/html' },
          chunks: [
            {
              text: '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad</h1></body></html>',
            },
          ],
        },
      ]);
      const api = new OpenAIChatAPI({ model: 'm', fetch, maxRetries: 0 });
      expect(((await failure(collect(api))) as HTTPError).providerMessage).to.equal(
        'model "llama9" not found',
      );
      expect(((await failure(collect(api))) as HTTPError).providerMessage).to.equal(
        '502 Bad Gateway',
      );
    });

    it('never puts the API key in an error, even when the provider echoes it', async () => {
      const { fetch } = createScriptedFetch([
        errorReply(401, `Incorrect API key provided: ${apiKey}.`),
      ]);
      const error = await failure(collect(new OpenAIChatAPI({ apiKey, model: 'm', fetch })));
      expect(error).to.be.instanceOf(HTTPError);
      expect((error as HTTPError).providerMessage).to.equal(
        'Incorrect API key provided: [redacted].',
      );
      expectNoKey(error);
    });

    it('tells a network or CORS failure apart from an HTTP error, with a hint', async () => {
      const { fetch } = createScriptedFetch([{ networkError: true }]);
      const error = await failure(
        collect(
          new OpenAIChatAPI({
            apiKey,
            model: 'm',
            fetch,
            maxRetries: 0,
            baseURL: 'https://llm.example.test/v1?key=abc',
          }),
        ),
      );
      expect(error).to.be.instanceOf(NetworkError);
      expect(error).not.to.be.instanceOf(HTTPError);
      expect((error as NetworkError).hint).to.include('CORS');
      expect(error.message)
        .to.include('https://llm.example.test/v1/chat/completions')
        .and.not.to.include('key=abc');
      expectNoKey(error);
    });

    it('reports a refused connection to a real server as a NetworkError', async () => {
      const error = await failure(
        collect(new OpenAIChatAPI({ model: 'm', baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0 })),
      );
      expect(error).to.be.instanceOf(NetworkError);
    });

    it('rejects an error payload inside the stream and keeps the text before it', async () => {
      const script = await mockServer.script([
        streamErrorReply('The server had an error', { text: ['Partial ', 'answer'] }),
      ]);
      const error = await failure(
        collect(new OpenAIChatAPI({ model: 'm', baseURL: script.baseURL })),
      );
      expect(error).to.be.instanceOf(StreamError);
      expect((error as StreamError).providerMessage).to.equal('The server had an error');
      expect((error as StreamError).partial.text).to.equal('Partial answer');
    });

    it('rejects finish_reason "error" as a failure', async () => {
      const chunk = {
        choices: [{ index: 0, delta: { content: 'so far' }, finish_reason: 'error' }],
      };
      const { fetch } = createScriptedFetch([
        { chunks: [{ text: `data: ${JSON.stringify(chunk)}\n\n` }] },
      ]);
      const error = await failure(collect(new OpenAIChatAPI({ model: 'm', fetch })));
      expect(error).to.be.instanceOf(StreamError);
      expect((error as StreamError).partial.text).to.equal('so far');
    });

    it('rejects a stream that ends before it finished', async () => {
      const chunk = { choices: [{ index: 0, delta: { content: 'cut' }, finish_reason: null }] };
      const { fetch } = createScriptedFetch([
        { chunks: [{ text: `data: ${JSON.stringify(chunk)}\n\n` }] },
      ]);
      const error = await failure(collect(new OpenAIChatAPI({ model: 'm', fetch })));
      expect(error).to.be.instanceOf(IncompleteStreamError);
      expect((error as IncompleteStreamError).partial.text).to.equal('cut');
    });

    it('rejects a connection dropped mid-stream over HTTP, keeping the partial text', async () => {
      const reply = textReply(['one ', 'two ', 'three']);
      const dropped: ScriptedReply = {
        ...reply,
        chunks: reply.chunks!.slice(0, 3),
        dropAfterChunks: true,
      };
      const script = await mockServer.script([dropped]);
      const error = await failure(
        collect(new OpenAIChatAPI({ model: 'm', baseURL: script.baseURL })),
      );
      expect(error).to.be.instanceOf(IncompleteStreamError);
      expect(error.message).to.include('lost');
      expect((error as IncompleteStreamError).partial.text).to.equal('one two ');
    });

    it('rejects malformed JSON with the offending data', async () => {
      const { fetch } = createScriptedFetch([
        {
          chunks: [
            { text: 'data: {"choices":[{"delta":{"content":"ok"}}]}\n\ndata: {not json\n\n' },
          ],
        },
      ]);
      const error = await failure(collect(new OpenAIChatAPI({ model: 'm', fetch })));
      expect(error).to.be.instanceOf(MalformedStreamError);
      expect((error as MalformedStreamError).data).to.equal('{not json');
      expect((error as MalformedStreamError).partial.text).to.equal('ok');
    });
  });

  describe('retries', () => {
    it('retries 429 and 5xx before the first byte, honouring retry-after-ms', async () => {
      const script = await mockServer.script([
        errorReply(429, 'slow down', { headers: { 'retry-after-ms': '10' } }),
        errorReply(503, 'busy', { headers: { 'retry-after-ms': '10' } }),
        textReply('finally'),
      ]);
      const events = await collect(
        new OpenAIChatAPI({ model: 'm', baseURL: script.baseURL, maxRetries: 2 }),
      );
      expect(textOf(events)).to.equal('finally');
      expect(await script.requests()).to.have.length(3);
    });

    it('retries a network failure, then gives up after maxRetries', async () => {
      const { fetch, requests } = createScriptedFetch([
        { networkError: true },
        { networkError: true },
      ]);
      const error = await failure(collect(new OpenAIChatAPI({ model: 'm', fetch, maxRetries: 1 })));
      expect(error).to.be.instanceOf(NetworkError);
      expect(requests).to.have.length(2);
    });

    it('does not retry a 400 or a 401', async () => {
      const { fetch, requests } = createScriptedFetch([
        errorReply(400, 'bad'),
        errorReply(401, 'who'),
      ]);
      const api = new OpenAIChatAPI({ model: 'm', fetch, maxRetries: 3 });
      expect(((await failure(collect(api))) as HTTPError).status).to.equal(400);
      expect(((await failure(collect(api))) as HTTPError).status).to.equal(401);
      expect(requests).to.have.length(2);
    });

    it('obeys x-should-retry: false', async () => {
      const { fetch, requests } = createScriptedFetch([
        errorReply(500, 'no', { headers: { 'x-should-retry': 'false' } }),
      ]);
      await failure(collect(new OpenAIChatAPI({ model: 'm', fetch, maxRetries: 3 })));
      expect(requests).to.have.length(1);
    });

    it('never retries once the stream has started', async () => {
      const reply = textReply(['a', 'b', 'c']);
      const { fetch, requests } = createScriptedFetch([
        { ...reply, chunks: reply.chunks!.slice(0, 2), dropAfterChunks: true },
        textReply('again'),
      ]);
      const error = await failure(collect(new OpenAIChatAPI({ model: 'm', fetch, maxRetries: 3 })));
      expect(error).to.be.instanceOf(IncompleteStreamError);
      expect(requests).to.have.length(1);
    });

    it("reports the server's retry-after on the final HTTPError", async () => {
      const { fetch } = createScriptedFetch([errorReply(429, 'later', { retryAfter: 7 })]);
      const error = (await failure(
        collect(new OpenAIChatAPI({ model: 'm', fetch, maxRetries: 0 })),
      )) as HTTPError;
      expect(error.retryAfter).to.equal(7);
    });
  });

  describe('abort', () => {
    it('rejects with the abort reason before the headers arrive', async () => {
      const script = await mockServer.script([{ ...textReply('late'), delayMs: 5000 }]);
      const controller = new AbortController();
      const reason = new Error('stop now');
      setTimeout(() => controller.abort(reason), 50);
      const error = await failure(
        collect(new OpenAIChatAPI({ model: 'm', baseURL: script.baseURL }), controller.signal),
      );
      expect(error).to.equal(reason);
    });

    it('rejects with the abort reason mid-stream and closes the connection', async () => {
      const reply = textReply(['a', 'b', 'c']);
      const slow: ScriptedReply = {
        ...reply,
        chunks: reply.chunks!.map((chunk, i) => (i === 2 ? { ...chunk, delayMs: 5000 } : chunk)),
      };
      const script = await mockServer.script([slow]);
      const controller = new AbortController();
      const reason = new Error('user stop');
      const api = new OpenAIChatAPI({ model: 'm', baseURL: script.baseURL });
      const seen: string[] = [];
      const error = await failure(
        (async () => {
          for await (const event of api.streamChat({
            messages: user,
            settings: {},
            tools: [],
            signal: controller.signal,
          })) {
            if (event.type === 'text-delta') {
              seen.push(event.text);
              controller.abort(reason);
            }
          }
        })(),
      );
      expect(error).to.equal(reason);
      expect(seen).to.deep.equal(['a']);
      await script.waitForRequests((requests) => requests[0]?.aborted === true);
    });

    it('cancels the request when the consumer leaves the loop early', async () => {
      const reply = textReply(['a', 'b', 'c']);
      const slow: ScriptedReply = {
        ...reply,
        chunks: reply.chunks!.map((chunk, i) => (i === 2 ? { ...chunk, delayMs: 5000 } : chunk)),
      };
      const script = await mockServer.script([slow]);
      const api = new OpenAIChatAPI({ model: 'm', baseURL: script.baseURL });
      for await (const event of api.streamChat({ messages: user, settings: {}, tools: [] })) {
        if (event.type === 'text-delta') break;
      }
      // The server may learn of the closed connection only when it next writes (the 5 s chunk).
      await script.waitForRequests((requests) => requests[0]?.aborted === true, 8000);
    });
  });
});
