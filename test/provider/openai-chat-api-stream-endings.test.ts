import { expect } from 'chai';
import {
  EventTooLargeError,
  IncompleteStreamError,
  MalformedStreamError,
  OpenAIChatAPI,
} from '../../src/index.js';
import {
  createScriptedFetch,
  sseEvents,
  textReply,
  type ScriptedReply,
} from '../../src/testing/index.js';
import {
  answerText,
  bodyThatStaysOpen,
  finishedStep,
  mockServer,
  rejectionOf,
  streamEvents,
} from '../helpers/index.js';

const delta = (content: string, index = 0): unknown => ({
  choices: [{ index, delta: { content }, finish_reason: null }],
});
const finish = (reason = 'stop', index = 0): unknown => ({
  choices: [{ index, delta: {}, finish_reason: reason }],
});
const usage = { choices: [], usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 } };

/** A reply whose body is exactly `text`, in one read. */
const rawReply = (text: string, extra: Partial<ScriptedReply> = {}): ScriptedReply => ({
  chunks: [{ text }],
  ...extra,
});
const apiFor = (
  reply: ScriptedReply,
): { api: OpenAIChatAPI; requests: ReturnType<typeof createScriptedFetch>['requests'] } => {
  const { fetch, requests } = createScriptedFetch([reply]);
  return { api: new OpenAIChatAPI({ model: 'm', fetch, maxRetries: 0 }), requests };
};

describe('OpenAIChatAPI stream endings and quirks', () => {
  it('skips an empty data: event', async () => {
    const { api } = apiFor(
      rawReply(
        `data: ${JSON.stringify(delta('a'))}\n\ndata:\n\ndata: \n\n${sseEvents([delta('b'), finish()])}`,
      ),
    );
    expect(answerText(await streamEvents(api))).to.equal('ab');
  });

  it('ends the stream at [DONE] with whitespace around it', async () => {
    const { api } = apiFor(
      rawReply(
        `${sseEvents([delta('ok')], { done: false })}data:  [DONE] \n\ndata: ${JSON.stringify(delta(' ignored'))}\n\n`,
      ),
    );
    const step = finishedStep(await streamEvents(api));
    expect(step.text).to.equal('ok');
  });

  describe('cut short', () => {
    const complete = sseEvents([delta('The whole answer'), finish(), usage], { done: false });

    it('gives the complete answer when cut inside the final event, after the finish reason', async () => {
      const { api } = apiFor(
        rawReply(
          `${sseEvents([delta('The whole answer'), finish()], { done: false })}data: {"choices":[],"usage":{"prompt_tok`,
        ),
      );
      const step = finishedStep(await streamEvents(api));
      expect(step).to.include({ text: 'The whole answer', finishReason: 'stop' });
    });

    it('gives the complete answer when cut inside [DONE]', async () => {
      for (const cut of ['data: [', 'data: [DO', 'data: [DONE']) {
        const { api } = apiFor(rawReply(`${complete}${cut}`));
        const step = finishedStep(await streamEvents(api));
        expect(step.text, cut).to.equal('The whole answer');
        expect(step.usage, cut).to.deep.equal({ inputTokens: 2, outputTokens: 3, totalTokens: 5 });
      }
    });

    it('reports a cut inside the last event before the finish reason as incomplete, not malformed', async () => {
      const { api } = apiFor(
        rawReply(
          `${sseEvents([delta('Half')], { done: false })}data: {"choices":[{"index":0,"delta":{"content":" an ans`,
        ),
      );
      const error = (await rejectionOf(streamEvents(api))) as IncompleteStreamError;
      expect(error).to.be.instanceOf(IncompleteStreamError);
      expect(error).not.to.be.instanceOf(MalformedStreamError);
      expect(error.partial.text).to.equal('Half');
      expect(error.message).to.include('cut off inside its last event');
    });

    it('still reports invalid JSON in the middle of a stream as malformed', async () => {
      const { api } = apiFor(rawReply(`data: {broken\n\n${sseEvents([delta('x'), finish()])}`));
      expect(await rejectionOf(streamEvents(api))).to.be.instanceOf(MalformedStreamError);
    });

    it('gives the complete answer when the connection drops after the finish reason', async () => {
      const { api } = apiFor(rawReply(complete, { dropAfterChunks: true }));
      expect(finishedStep(await streamEvents(api)).text).to.equal('The whole answer');
    });

    it('reports a drop before the finish reason as incomplete', async () => {
      const { api } = apiFor(
        rawReply(sseEvents([delta('Half')], { done: false }), { dropAfterChunks: true }),
      );
      const error = (await rejectionOf(streamEvents(api))) as IncompleteStreamError;
      expect(error).to.be.instanceOf(IncompleteStreamError);
      expect(error.partial.text).to.equal('Half');
    });
  });

  describe('releasing the connection', () => {
    it('cancels the body at [DONE] although the server keeps it open', async () => {
      const open = bodyThatStaysOpen([sseEvents([delta('Hi'), finish()])]);
      const fetch: typeof globalThis.fetch = async () =>
        new Response(open.body, { headers: { 'content-type': 'text/event-stream' } });
      const step = finishedStep(await streamEvents(new OpenAIChatAPI({ model: 'm', fetch })));
      expect(step.text).to.equal('Hi');
      expect(open.cancelled()).to.equal(true);
    });

    it('cancels the body as soon as [DONE] arrives, before the consumer reads the finish event', async () => {
      const open = bodyThatStaysOpen([sseEvents([delta('Hi'), finish()])]);
      const fetch: typeof globalThis.fetch = async () =>
        new Response(open.body, { headers: { 'content-type': 'text/event-stream' } });
      const api = new OpenAIChatAPI({ model: 'm', fetch });
      for await (const event of api.streamChat({ messages: [], settings: {}, tools: [] })) {
        if (event.type === 'finish')
          expect(open.cancelled(), 'cancelled before finish is handed out').to.equal(true);
      }
    });

    it('closes a real HTTP connection the server holds open after [DONE]', async () => {
      const reply = textReply('Hi');
      const script = await mockServer.script([
        { ...reply, chunks: [...reply.chunks!, { delayMs: 20_000 }] },
      ]);
      const started = performance.now();
      const step = finishedStep(
        await streamEvents(new OpenAIChatAPI({ model: 'm', baseURL: script.baseURL })),
      );
      expect(step.text).to.equal('Hi');
      expect(performance.now() - started).to.be.below(5_000);
      await script.waitForRequests((requests) => requests[0]?.aborted === true);
    });
  });

  describe('several choices', () => {
    it('reads a stream whose only choice is numbered 1', async () => {
      const { api } = apiFor(
        rawReply(sseEvents([delta('one', 1), delta(' two', 1), finish('stop', 1)])),
      );
      expect(finishedStep(await streamEvents(api))).to.include({
        text: 'one two',
        finishReason: 'stop',
      });
    });

    it('does not let a role-only or empty delta pick the choice', async () => {
      const roleOnly = {
        choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
      };
      const { api } = apiFor(
        rawReply(
          sseEvents([
            roleOnly,
            { choices: [{ index: 0, delta: {} }] },
            delta('from one', 1),
            finish('stop', 1),
          ]),
        ),
      );
      expect(finishedStep(await streamEvents(api)).text).to.equal('from one');
    });

    it('follows choice 0 of an n > 1 stream and ignores the others', async () => {
      const { api } = apiFor(
        rawReply(
          sseEvents([
            delta('A', 0),
            delta('B', 1),
            delta('a', 0),
            delta('b', 1),
            finish('stop', 0),
            finish('length', 1),
          ]),
        ),
      );
      expect(finishedStep(await streamEvents(api))).to.include({
        text: 'Aa',
        finishReason: 'stop',
      });
    });

    it('lets reasoning or a tool call pick the choice too', async () => {
      const reasoning = { choices: [{ index: 2, delta: { reasoning_content: 'think' } }] };
      const { api } = apiFor(
        rawReply(sseEvents([reasoning, delta('ans', 2), delta('other', 0), finish('stop', 2)])),
      );
      const step = finishedStep(await streamEvents(api));
      expect([step.reasoning, step.text]).to.deep.equal(['think', 'ans']);
      const call = {
        choices: [
          {
            index: 1,
            delta: {
              tool_calls: [{ index: 0, id: 'c', function: { name: 'f', arguments: '{}' } }],
            },
          },
        ],
      };
      const tools = apiFor(rawReply(sseEvents([call, delta('other', 0), finish('tool_calls', 1)])));
      const toolStep = finishedStep(await streamEvents(tools.api));
      expect(toolStep.toolCalls.map((c) => c.name)).to.deep.equal(['f']);
      expect(toolStep.text).to.equal('');
    });
  });

  describe('absurd nesting', () => {
    it('keeps a tool call whose object arguments are nested 100 000 deep, with unparsable arguments, and no untyped error', async () => {
      const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
      const event = `{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"d","function":{"name":"deep","arguments":${deep}}}]},"finish_reason":"tool_calls"}]}`;
      const { api } = apiFor(rawReply(`data: ${event}\n\ndata: [DONE]\n\n`));
      const step = finishedStep(await streamEvents(api));
      expect(step.toolCalls).to.have.length(1);
      expect(step.toolCalls[0]).to.include({ id: 'd', name: 'deep' });
      expect(() => {
        JSON.parse(step.toolCalls[0]!.argumentsText);
      }).to.throw(SyntaxError);
    });

    it('turns any failure of JSON.parse other than a SyntaxError into a MalformedStreamError', async () => {
      const parse = JSON.parse;
      JSON.parse = ((text: string, reviver?: (key: string, value: unknown) => unknown) => {
        if (text.includes('"overflow"')) throw new RangeError('Maximum call stack size exceeded');
        return parse(text, reviver) as unknown;
      }) as typeof JSON.parse;
      try {
        const { api } = apiFor(
          rawReply(sseEvents([delta('before'), { overflow: true }, finish()])),
        );
        const error = (await rejectionOf(streamEvents(api))) as MalformedStreamError;
        expect(error).to.be.instanceOf(MalformedStreamError);
        expect(error.message).to.include('nested too deeply or too large');
        expect(error.cause).to.be.instanceOf(RangeError);
        expect(error.partial.text).to.equal('before');
      } finally {
        JSON.parse = parse;
      }
    });
  });

  describe('event size', () => {
    const bounded = (reply: ScriptedReply): OpenAIChatAPI =>
      new OpenAIChatAPI({
        model: 'm',
        fetch: createScriptedFetch([reply]).fetch,
        maxEventBytes: 1000,
      });

    it('delivers the events before an oversized one in the same read, then fails with the partial answer', async () => {
      const api = bounded(
        rawReply(
          `${sseEvents([delta('kept')], { done: false })}data: ${JSON.stringify(delta('x'.repeat(5000)))}\n\n`,
        ),
      );
      const events: string[] = [];
      const error = (await rejectionOf(
        (async () => {
          for await (const event of api.streamChat({ messages: [], settings: {}, tools: [] }))
            if (event.type === 'text-delta') events.push(event.text);
        })(),
      )) as EventTooLargeError;
      expect(events).to.deep.equal(['kept']);
      expect(error).to.be.instanceOf(EventTooLargeError).and.to.be.instanceOf(MalformedStreamError);
      expect(error.limit).to.equal(1000);
      expect(error.partial.text).to.equal('kept');
    });

    it('stops an endless line without a line break long before it ends', async () => {
      const chunks = [
        { text: 'data: {"choices":[{"delta":{"content":"' },
        ...Array.from({ length: 50 }, () => ({ text: 'z'.repeat(100) })),
      ];
      const { fetch, requests } = createScriptedFetch([{ chunks }]);
      const error = await rejectionOf(
        streamEvents(new OpenAIChatAPI({ model: 'm', fetch, maxEventBytes: 1000 })),
      );
      expect(error).to.be.instanceOf(EventTooLargeError);
      expect(requests[0]!.aborted, 'the body was cancelled').to.equal(true);
    });

    it('bounds a non-streamed JSON body the same way', async () => {
      const body = JSON.stringify({
        choices: [{ index: 0, message: { content: 'y'.repeat(5000) }, finish_reason: 'stop' }],
      });
      const api = bounded({
        headers: { 'content-type': 'application/json' },
        chunks: [{ text: body }],
      });
      expect(await rejectionOf(streamEvents(api))).to.be.instanceOf(EventTooLargeError);
    });
  });
});
