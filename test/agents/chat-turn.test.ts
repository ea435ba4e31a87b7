import { expect } from 'chai';
import * as z from 'zod';
import {
  ChatMessage,
  ChatToolAgent,
  FunctionTool,
  HTTPError,
  ToolRegistry,
  type ChatAPI,
  type ProviderEvent,
} from '../../src/index.js';
import { textReply, toolCallReply } from '../../src/testing/index.js';
import type { TurnEvent } from '../../src/turn/turn-event.js';
import { collect, collectUntilError, deferred, scriptedAgent } from './agent-kit.js';

const question = (): ChatMessage[] => [ChatMessage.createUserMessage('Look it up.')];

function registry(...tools: FunctionTool<z.ZodObject>[]): ToolRegistry {
  return new ToolRegistry(tools);
}

const lookup = new FunctionTool({
  name: 'lookup',
  description: 'Looks a word up.',
  parameters: z.object({ word: z.string() }),
  execute: ({ word }) => ({ word, meaning: `meaning of ${word}` }),
});

/** A ChatAPI that fails its request with the given error after streaming some text. */
function failingApi(error: unknown): ChatAPI {
  return {
    model: 'fake',
    getDefaultSettings: () => ({}),
    async *streamChat(): AsyncGenerator<ProviderEvent> {
      yield { type: 'text-delta', text: 'Half ' };
      throw error;
    },
  };
}

describe('ChatTurn (ChatToolAgent.startTurn)', () => {
  it('streams the same chunks as getStreamingResponse and stays readable once finished', async () => {
    const { agent } = await scriptedAgent([
      toolCallReply([{ name: 'lookup', arguments: { word: 'tree' } }]),
      textReply('A tree is a plant.'),
    ]);
    const turn = agent.startTurn({ messages: question(), toolRegistry: registry(lookup) });
    expect(turn.status).to.equal('running');
    const chunks = await collect(turn);
    expect(turn.status).to.equal('finished');
    expect(turn.error).to.equal(undefined);
    expect(turn.response?.response).to.equal('A tree is a plant.');
    expect(turn.response?.messages).to.deep.equal(chunks.at(-1)?.finishedResponse?.messages);
    expect(turn.state.steps.map((step) => step.calls.map((call) => call.status))).to.deep.equal([
      ['done'],
      [],
    ]);
    expect(turn.messages.map((message) => message.role)).to.deep.equal([
      'assistant',
      'tool',
      'assistant',
    ]);
  });

  it('is iterated once only', async () => {
    const { agent } = await scriptedAgent([textReply('Hi.')]);
    const turn = agent.startTurn({ messages: question() });
    await collect(turn);
    expect(() => turn[Symbol.asyncIterator]()).to.throw(TypeError, /only once/u);
  });

  it('keeps what a stopped turn produced: the finished round and the call cut short, answered as stopped', async () => {
    const started = deferred();
    const slow = new FunctionTool({
      name: 'slow',
      description: 'Never finishes on its own.',
      parameters: z.object({}),
      execute: (_args, { signal }) =>
        new Promise((_resolve, reject) => {
          started.resolve();
          signal.addEventListener('abort', () => reject(signal.reason as Error));
        }),
    });
    const { agent } = await scriptedAgent([
      toolCallReply([{ name: 'lookup', arguments: { word: 'a' } }]),
      toolCallReply([{ name: 'slow', arguments: {} }], { text: 'One more.' }),
    ]);
    const turn = agent.startTurn({ messages: question(), toolRegistry: registry(lookup, slow) });
    const reason = new DOMException('Stopped by the user.', 'AbortError');
    void started.promise.then(() => turn.stop(reason));
    const { error } = await collectUntilError(turn);
    expect(error).to.equal(reason);
    expect(turn.status).to.equal('stopped');
    expect(turn.error).to.equal(reason);
    const [, , assistant, tool] = turn.messages;
    expect(turn.messages).to.have.length(4);
    expect(assistant?.content.map((part) => part.type)).to.deep.equal(['text', 'tool_call']);
    expect(tool?.content[0]).to.deep.include({ isError: true, metadata: { stopped: true } });
    expect(turn.state.steps[1]?.calls[0]?.status).to.equal('stopped');
  });

  it('records a stop when the caller leaves the loop early', async () => {
    const { agent } = await scriptedAgent([textReply(['Hello ', 'there ', 'friend.'])]);
    const turn = agent.startTurn({ messages: question() });
    for await (const chunk of turn) if (chunk.chunk) break;
    expect(turn.status).to.equal('stopped');
    expect(turn.messages[0]?.metadata?.['finishReason']).to.equal('stopped');
  });

  it('shows a call waiting for approval, then running, in its state', async () => {
    const guarded = new FunctionTool({
      name: 'guarded',
      description: 'Needs a yes.',
      parameters: z.object({ path: z.string() }),
      requiresApproval: true,
      execute: ({ path }) => `deleted ${path}`,
    });
    const { agent } = await scriptedAgent([
      toolCallReply([{ name: 'guarded', arguments: { path: '/tmp/x' } }]),
      textReply('Done.'),
    ]);
    const seen: string[] = [];
    const turn = agent.startTurn({
      messages: question(),
      toolRegistry: registry(guarded),
      approveToolCall: (request) => {
        const call = turn.state.steps[request.step]?.calls[request.index];
        seen.push(`${call?.status} ${JSON.stringify(call?.arguments)}`);
        return true;
      },
    });
    const events: TurnEvent['type'][] = [];
    turn.subscribe((_state, event) => events.push(event.type));
    await collect(turn);
    expect(seen).to.deep.equal(['awaiting-approval {"path":"/tmp/x"}']);
    expect(events).to.include.members(['approval-requested', 'approval-decided', 'call-result']);
    expect(events.indexOf('approval-decided')).to.be.lessThan(events.indexOf('call-result'));
    expect(events.at(-1)).to.equal('turn-finished');
  });

  it('fails with a copy of the error carrying a frozen snapshot; the original error is never rewritten', async () => {
    const original = new HTTPError({ status: 500, statusText: 'Server Error', body: '' });
    const agent = new ChatToolAgent({ chatApi: failingApi(original) });
    const turn = agent.startTurn({ messages: question() });
    const { error } = await collectUntilError(turn);
    expect(error).to.be.instanceOf(HTTPError);
    expect(error).to.not.equal(original);
    const thrown = error as HTTPError;
    expect(thrown.status).to.equal(500);
    expect(thrown.message).to.equal(original.message);
    expect(thrown.stack).to.equal(original.stack);
    expect(thrown.partial.text).to.equal('Half ');
    expect(thrown.turn?.status).to.equal('failed');
    expect(Object.isFrozen(thrown.turn)).to.equal(true);
    expect(Object.isFrozen(thrown.turn?.steps[0])).to.equal(true);
    expect(Object.isFrozen(thrown.partial)).to.equal(true);
    expect(original.partial.text).to.equal('');
    expect(original.turn).to.equal(undefined);
    expect(turn.status).to.equal('failed');
    expect(turn.error).to.equal(original);
  });

  it('passes an error that is not the library’s through unchanged, still recording the failure', async () => {
    const bug = new TypeError('a bug in a custom ChatAPI');
    const agent = new ChatToolAgent({ chatApi: failingApi(bug) });
    const turn = agent.startTurn({ messages: question() });
    const { error } = await collectUntilError(turn);
    expect(error).to.equal(bug);
    expect(turn.state.steps[0]?.text).to.equal('Half ');
  });

  it('reports a listener that throws without breaking the turn', async () => {
    const { agent } = await scriptedAgent([textReply('Fine.')]);
    const turn = agent.startTurn({ messages: question() });
    const reported: (() => void)[] = [];
    const queue = globalThis.queueMicrotask;
    globalThis.queueMicrotask = (task) => void reported.push(task);
    turn.subscribe(() => {
      throw new Error('listener bug');
    });
    let chunks;
    try {
      chunks = await collect(turn);
    } finally {
      globalThis.queueMicrotask = queue;
    }
    expect(chunks.at(-1)?.finished).to.equal(true);
    expect(reported.length).to.be.greaterThan(0);
    expect(() => reported[0]!()).to.throw('listener bug');
  });
});
