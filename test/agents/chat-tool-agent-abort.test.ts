import { expect } from 'chai';
import * as z from 'zod';
import {
  ChatMessage,
  FunctionTool,
  ToolRegistry,
  type ChatResponseChunk,
} from '../../src/index.js';
import { textReply, toolCallReply } from '../../src/testing/index.js';
import {
  collectUntilError,
  deferred,
  longPauseMs,
  ofType,
  rejection,
  requestBodies,
  scriptedAgent,
  serverWaitMs,
  stallAfter,
  whenAborted,
} from './agent-kit.js';

const question = (): ChatMessage[] => [ChatMessage.createUserMessage('Tell me a long story.')];

/** A tool that reports its start and its signal, then waits for the abort (or, if never aborted, a long time). */
function waitingTool(name = 'wait') {
  const started = deferred<AbortSignal>();
  const abortSeen = deferred<{ aborted: boolean; reason: unknown }>();
  let finished = false;
  const tool = new FunctionTool({
    name,
    description: 'Waits until stopped.',
    parameters: z.object({}),
    execute: async (_args, { signal }) => {
      started.resolve(signal);
      const reason = await Promise.race([
        whenAborted(signal),
        new Promise((resolve) => setTimeout(resolve, longPauseMs, 'not aborted')),
      ]);
      abortSeen.resolve({ aborted: signal.aborted, reason });
      finished = true;
      return 'finished';
    },
  });
  return { tool, started: started.promise, abortSeen: abortSeen.promise, finished: () => finished };
}

describe('ChatToolAgent abort', () => {
  it('rejects with signal.reason when aborted before the response headers arrive, and cancels the request', async () => {
    const { agent, server } = await scriptedAgent([
      { ...textReply('Too late.'), delayMs: longPauseMs },
    ]);
    const controller = new AbortController();
    const iterator = agent
      .getStreamingResponse({ messages: question(), signal: controller.signal })
      [Symbol.asyncIterator]();
    const first = iterator.next();
    await server.waitForRequests((requests) => requests.length === 1, serverWaitMs);
    const reason = new Error('user pressed stop');
    controller.abort(reason);
    expect(await rejection(first)).to.equal(reason);
    const [request] = await server.waitForRequests(
      (requests) => requests[0]?.aborted === true,
      serverWaitMs,
    );
    expect(request!.aborted).to.equal(true);
    expect(await iterator.next()).to.deep.equal({ done: true, value: undefined });
  });

  it('rejects with signal.reason when aborted mid-text, after the text so far was delivered', async () => {
    const { agent, server } = await scriptedAgent([
      stallAfter(textReply(['Once', ' upon', ' a time']), 2),
    ]);
    const controller = new AbortController();
    const reason = new Error('enough');
    const received: ChatResponseChunk[] = [];
    const error = await rejection(
      (async () => {
        for await (const chunk of agent.getStreamingResponse({
          messages: question(),
          signal: controller.signal,
        })) {
          received.push(chunk);
          controller.abort(reason);
        }
      })(),
    );
    expect(error).to.equal(reason);
    expect(received.map((chunk) => chunk.chunk)).to.deep.equal(['Once']);
    await server.waitForRequests((requests) => requests[0]?.aborted === true, serverWaitMs);
  });

  it('rejects with a DOMException AbortError when aborted without a reason', async () => {
    const { agent } = await scriptedAgent([stallAfter(textReply(['Once', ' upon']), 2)]);
    const controller = new AbortController();
    const error = await rejection(
      (async () => {
        for await (const _chunk of agent.getStreamingResponse({
          messages: question(),
          signal: controller.signal,
        }))
          controller.abort();
      })(),
    );
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
    expect(error).to.equal(controller.signal.reason);
  });

  it('rejects with signal.reason when aborted mid-arguments, and never runs the tool', async () => {
    const { tool, finished } = waitingTool();
    let ran = false;
    const spy = new FunctionTool({
      name: 'spy',
      description: 'Records a run.',
      parameters: z.object({ text: z.string() }),
      execute: () => (ran = true),
    });
    // Chunks: role, call start, first argument delta, then the stall.
    const { agent, server } = await scriptedAgent([
      stallAfter(
        toolCallReply([{ id: 'call_spy', name: 'spy', arguments: { text: 'a long argument' } }], {
          argumentsChunkSize: 4,
        }),
        3,
      ),
    ]);
    const controller = new AbortController();
    const reason = new Error('changed my mind');
    const received: ChatResponseChunk[] = [];
    const error = await rejection(
      (async () => {
        for await (const chunk of agent.getStreamingResponse({
          messages: question(),
          signal: controller.signal,
          toolRegistry: new ToolRegistry([spy, tool]),
        })) {
          received.push(chunk);
          if (chunk.type === 'tool-call-delta') controller.abort(reason);
        }
      })(),
    );
    expect(error).to.equal(reason);
    expect(received.map((chunk) => chunk.type)).to.deep.equal([
      'tool-call-start',
      'tool-call-delta',
    ]);
    expect(ran).to.equal(false);
    expect(finished()).to.equal(false);
    await server.waitForRequests(
      (requests) => requests.length === 1 && requests[0]!.aborted,
      serverWaitMs,
    );
  });

  it('aborts a running tool: execute sees its signal aborted and the iteration rejects with exactly signal.reason', async () => {
    const { tool, started, abortSeen } = waitingTool();
    const { agent, server } = await scriptedAgent([
      toolCallReply([{ id: 'call_wait', name: 'wait', arguments: {} }]),
      textReply('Unreachable.'),
    ]);
    const controller = new AbortController();
    const reason = { code: 'USER_STOP', message: 'a custom, non-Error reason' };
    const turn = collectUntilError(
      agent.getStreamingResponse({
        messages: question(),
        signal: controller.signal,
        toolRegistry: new ToolRegistry([tool]),
      }),
    );
    const toolSignal = await started;
    expect(toolSignal.aborted).to.equal(false);
    controller.abort(reason);
    const { items, error } = await turn;
    expect(error).to.equal(reason);
    expect(await abortSeen).to.deep.equal({ aborted: true, reason });
    expect(ofType(items, 'tool-call-result')).to.have.length(0);
    expect(await requestBodies(server)).to.have.length(1);
  });

  it('stops waiting for a tool that ignores its signal', async () => {
    const started = deferred();
    const deaf = new FunctionTool({
      name: 'deaf',
      description: 'Never finishes and never listens.',
      parameters: z.object({}),
      execute: () => {
        started.resolve();
        return new Promise(() => undefined);
      },
    });
    const { agent } = await scriptedAgent([
      toolCallReply([{ id: 'call_deaf', name: 'deaf', arguments: {} }]),
    ]);
    const controller = new AbortController();
    const turn = collectUntilError(
      agent.getStreamingResponse({
        messages: question(),
        signal: controller.signal,
        toolRegistry: new ToolRegistry([deaf]),
      }),
    );
    await started.promise;
    const reason = new Error('stop');
    controller.abort(reason);
    expect((await turn).error).to.equal(reason);
  });

  it('does not start the tools when aborted as the calls become ready', async () => {
    const { tool, finished } = waitingTool();
    let started = false;
    const { agent } = await scriptedAgent([
      toolCallReply([{ id: 'call_wait', name: 'wait', arguments: {} }]),
    ]);
    const controller = new AbortController();
    const reason = new Error('not this one');
    const error = await rejection(
      (async () => {
        for await (const chunk of agent.getStreamingResponse({
          messages: question(),
          signal: controller.signal,
          toolRegistry: new ToolRegistry([tool]),
        })) {
          if (chunk.type === 'tool-call-ready') controller.abort(reason);
          if (chunk.type === 'tool-call-result') started = true;
        }
      })(),
    );
    expect(error).to.equal(reason);
    expect(started).to.equal(false);
    expect(finished()).to.equal(false);
  });

  it('rejects with signal.reason when aborted between steps, before the next request', async () => {
    const multiply = new FunctionTool({
      name: 'multiply',
      description: 'a*b',
      parameters: z.object({ a: z.number(), b: z.number() }),
      execute: ({ a, b }) => a * b,
    });
    const { agent, server } = await scriptedAgent([
      toolCallReply([{ id: 'call_mul', name: 'multiply', arguments: { a: 6, b: 7 } }]),
      textReply('42.'),
    ]);
    const controller = new AbortController();
    const reason = new Error('between steps');
    const received: ChatResponseChunk[] = [];
    const error = await rejection(
      (async () => {
        for await (const chunk of agent.getStreamingResponse({
          messages: question(),
          signal: controller.signal,
          toolRegistry: new ToolRegistry([multiply]),
        })) {
          received.push(chunk);
          if (chunk.type === 'tool-call-result') controller.abort(reason);
        }
      })(),
    );
    expect(error).to.equal(reason);
    expect(received.at(-1)!.type).to.equal('tool-call-result');
    expect(received.some((chunk) => chunk.step === 1)).to.equal(false);
    expect(await requestBodies(server)).to.have.length(1);
  });

  it('rejects at once, without a request, when the signal is already aborted', async () => {
    const { agent, server } = await scriptedAgent([textReply('Never sent.')]);
    const reason = new Error('too early');
    const { items, error } = await collectUntilError(
      agent.getStreamingResponse({ messages: question(), signal: AbortSignal.abort(reason) }),
    );
    expect(error).to.equal(reason);
    expect(items).to.deep.equal([]);
    expect(await server.requests()).to.deep.equal([]);
  });

  it('rejects with signal.reason while waiting for an approval, telling the handler', async () => {
    let ran = false;
    const guarded = new FunctionTool({
      name: 'guarded',
      description: 'x',
      parameters: z.object({}),
      requiresApproval: true,
      execute: () => (ran = true),
    });
    const asked = deferred<AbortSignal>();
    const { agent } = await scriptedAgent(
      [toolCallReply([{ id: 'call_g', name: 'guarded', arguments: {} }])],
      {
        approveToolCall: (_request, { signal }) => {
          asked.resolve(signal);
          return new Promise<boolean>(() => undefined);
        },
      },
    );
    const controller = new AbortController();
    const turn = collectUntilError(
      agent.getStreamingResponse({
        messages: question(),
        signal: controller.signal,
        toolRegistry: new ToolRegistry([guarded]),
      }),
    );
    const handlerSignal = await asked.promise;
    const reason = new Error('dialog dismissed');
    controller.abort(reason);
    expect((await turn).error).to.equal(reason);
    expect(handlerSignal.aborted).to.equal(true);
    expect(ran).to.equal(false);
  });

  it("leaves the turn's signal alone once the turn has finished, also when the consumer stops at the final chunk", async () => {
    const signals: AbortSignal[] = [];
    const capture = new FunctionTool({
      name: 'capture',
      description: 'Keeps its signal.',
      parameters: z.object({}),
      execute: (_args, { signal }) => {
        signals.push(signal);
        return 'ok';
      },
    });
    const replies = () => [
      toolCallReply([{ id: 'call_c', name: 'capture', arguments: {} }]),
      textReply('Done.'),
    ];
    const viaGetResponse = await scriptedAgent(replies());
    await viaGetResponse.agent.getResponse({
      messages: question(),
      toolRegistry: new ToolRegistry([capture]),
    });
    const viaBreak = await scriptedAgent(replies());
    for await (const chunk of viaBreak.agent.getStreamingResponse({
      messages: question(),
      toolRegistry: new ToolRegistry([capture]),
    })) {
      if (chunk.finished) break;
    }
    expect(signals).to.have.length(2);
    expect(signals.map((signal) => signal.aborted)).to.deep.equal([false, false]);
  });

  describe('leaving a for await early', () => {
    it('cancels the request', async () => {
      const { agent, server } = await scriptedAgent([
        stallAfter(textReply(['Once', ' upon', ' a time']), 2),
      ]);
      const received: string[] = [];
      for await (const chunk of agent.getStreamingResponse({ messages: question() })) {
        received.push(chunk.chunk);
        break;
      }
      expect(received).to.deep.equal(['Once']);
      const [request] = await server.waitForRequests(
        (requests) => requests[0]?.aborted === true,
        serverWaitMs,
      );
      expect(request!.aborted).to.equal(true);
    });

    it('aborts the signal of a tool still running', async () => {
      const { tool, started, abortSeen } = waitingTool('slow');
      const quick = new FunctionTool({
        name: 'quick',
        description: 'Returns at once.',
        parameters: z.object({}),
        execute: () => 'quick',
      });
      const { agent, server } = await scriptedAgent([
        toolCallReply([
          { id: 'call_slow', name: 'slow', arguments: {} },
          { id: 'call_quick', name: 'quick', arguments: {} },
        ]),
        textReply('Unreachable.'),
      ]);
      let slowSignal: AbortSignal | undefined;
      for await (const chunk of agent.getStreamingResponse({
        messages: question(),
        toolRegistry: new ToolRegistry([tool, quick]),
      })) {
        if (chunk.type === 'tool-call-result') {
          expect(chunk.toolCallResult.id).to.equal('call_quick');
          slowSignal = await started;
          expect(slowSignal.aborted).to.equal(false);
          break;
        }
      }
      const seen = await abortSeen;
      expect(seen.aborted).to.equal(true);
      expect(seen.reason).to.be.instanceOf(DOMException);
      expect((seen.reason as DOMException).name).to.equal('AbortError');
      expect(await requestBodies(server)).to.have.length(1);
    });

    it('stops the turn when the iterator is closed while it waits for the network', async () => {
      const { agent, server } = await scriptedAgent([stallAfter(textReply(['Once', ' upon']), 2)]);
      const iterator = agent.getStreamingResponse({ messages: question() });
      expect((await iterator.next()).value?.chunk).to.equal('Once');
      // The next chunk is stalled on the server; a consumer closes the stream meanwhile (as a relay's cancel does).
      const both = Promise.allSettled([iterator.next(), iterator.return(undefined)]);
      await server.waitForRequests((requests) => requests[0]?.aborted === true, serverWaitMs);
      const settled = await both;
      expect(settled[1]).to.deep.equal({
        status: 'fulfilled',
        value: { done: true, value: undefined },
      });
      // The read that was waiting ends with the abort.
      expect(settled[0].status).to.equal('rejected');
      expect((settled[0] as PromiseRejectedResult).reason)
        .to.be.instanceOf(DOMException)
        .and.have.property('name', 'AbortError');
    });
  });
});
