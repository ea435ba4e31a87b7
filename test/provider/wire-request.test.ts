import { expect } from 'chai';
import { ChatMessage, type ToolCallPart, type ToolResultPart } from '../../src/index.js';
import { toWireMessages } from '../../src/provider/wire-request.js';

const call = (id: string, name = 'f', metadata?: Record<string, unknown>): ToolCallPart => ({
  type: 'tool_call',
  id,
  name,
  arguments: '{}',
  ...(metadata ? { metadata } : {}),
});
const result = (toolCallId: string, text: string): ToolResultPart => ({
  type: 'tool_result',
  toolCallId,
  toolName: 'f',
  result: text,
});

interface WireCall {
  id: string;
  type: string;
  function: { name: string; arguments: string };
  [field: string]: unknown;
}
const callsOf = (wire: Record<string, unknown>[]): WireCall[] =>
  wire.flatMap((message) => (message['tool_calls'] as WireCall[] | undefined) ?? []);
const resultsOf = (wire: Record<string, unknown>[]): [string, unknown][] =>
  wire
    .filter((message) => message['role'] === 'tool')
    .map((message) => [message['tool_call_id'] as string, message['content']]);

describe('toWireMessages', () => {
  describe('provider extras', () => {
    const signature = { google: { thought_signature: 'c2ln' } };

    it("sends a call's metadata.wire fields back on the wire call, verbatim", () => {
      const wire = toWireMessages([
        ChatMessage.createAssistantMessage([
          call('a', 'f', { wire: { extra_content: signature } }),
        ]),
      ]);
      expect(callsOf(wire)).to.deep.equal([
        {
          extra_content: signature,
          id: 'a',
          type: 'function',
          function: { name: 'f', arguments: '{}' },
        },
      ]);
    });

    it("never lets an extra replace the call's id, type or function", () => {
      const wire = toWireMessages([
        ChatMessage.createAssistantMessage([
          call('a', 'f', { wire: { id: 'evil', type: 'x', function: { name: 'rm' }, keep: 1 } }),
        ]),
      ]);
      expect(callsOf(wire)).to.deep.equal([
        { keep: 1, id: 'a', type: 'function', function: { name: 'f', arguments: '{}' } },
      ]);
    });

    it('ignores a metadata.wire that is not a plain object, and other metadata', () => {
      for (const wireValue of [null, 'text', ['a'], 5, new Date(0)]) {
        const wire = toWireMessages([
          ChatMessage.createAssistantMessage([call('a', 'f', { wire: wireValue, note: 'local' })]),
        ]);
        expect(callsOf(wire)[0], String(wireValue)).to.deep.equal({
          id: 'a',
          type: 'function',
          function: { name: 'f', arguments: '{}' },
        });
      }
    });
  });

  describe('unique tool-call ids', () => {
    it('keeps distinct ids as they are', () => {
      const wire = toWireMessages([
        ChatMessage.createAssistantMessage([call('a'), call('b')]),
        ChatMessage.createToolMessage([result('a', '1'), result('b', '2')]),
      ]);
      expect(callsOf(wire).map((c) => c.id)).to.deep.equal(['a', 'b']);
      expect(resultsOf(wire)).to.deep.equal([
        ['a', '1'],
        ['b', '2'],
      ]);
    });

    it('renames repeated ids within a message and pairs results with calls in order', () => {
      const wire = toWireMessages([
        ChatMessage.createAssistantMessage([call('0'), call('0'), call('0')]),
        ChatMessage.createToolMessage([
          result('0', 'first'),
          result('0', 'second'),
          result('0', 'third'),
        ]),
      ]);
      expect(callsOf(wire).map((c) => c.id)).to.deep.equal(['0', '0_1', '0_2']);
      expect(resultsOf(wire)).to.deep.equal([
        ['0', 'first'],
        ['0_1', 'second'],
        ['0_2', 'third'],
      ]);
    });

    it('renames ids repeated across turns, so results of the later turn answer the later calls', () => {
      const wire = toWireMessages([
        ChatMessage.createAssistantMessage([call('call_1')]),
        ChatMessage.createToolMessage([result('call_1', 'old')]),
        ChatMessage.createAssistantMessage([call('call_1')]),
        ChatMessage.createToolMessage([result('call_1', 'new')]),
      ]);
      expect(callsOf(wire).map((c) => c.id)).to.deep.equal(['call_1', 'call_1_1']);
      expect(resultsOf(wire)).to.deep.equal([
        ['call_1', 'old'],
        ['call_1_1', 'new'],
      ]);
    });

    it('gives empty ids a name, pairing their results in order, also when results come in separate tool messages', () => {
      const wire = toWireMessages([
        ChatMessage.createAssistantMessage([call(''), call('')]),
        ChatMessage.createToolMessage([result('', 'one')]),
        ChatMessage.createToolMessage([result('', 'two')]),
      ]);
      expect(callsOf(wire).map((c) => c.id)).to.deep.equal(['call_1', 'call_2']);
      expect(resultsOf(wire)).to.deep.equal([
        ['call_1', 'one'],
        ['call_2', 'two'],
      ]);
    });

    it('never collides a generated id with a real one', () => {
      const wire = toWireMessages([
        ChatMessage.createAssistantMessage([call('a'), call('a'), call('a_1')]),
      ]);
      const ids = callsOf(wire).map((c) => c.id);
      expect(new Set(ids).size).to.equal(3);
      expect(ids).to.deep.equal(['a', 'a_1', 'a_1_1']);
    });

    it('gives the same ids for the same history every time', () => {
      const history = [
        ChatMessage.createAssistantMessage([call('x'), call(''), call('x')]),
        ChatMessage.createToolMessage([result('x', '1'), result('', '2'), result('x', '3')]),
      ];
      expect(toWireMessages(history)).to.deep.equal(toWireMessages(history));
    });

    it('keeps the id of a result that answers no call', () => {
      const wire = toWireMessages([
        ChatMessage.createAssistantMessage([call('a')]),
        ChatMessage.createToolMessage([result('a', '1'), result('orphan', '2')]),
      ]);
      expect(resultsOf(wire)).to.deep.equal([
        ['a', '1'],
        ['orphan', '2'],
      ]);
    });
  });
});
