import { expect } from 'chai';
import type { ChatMessage, ToolCallResult } from '../../src/index.js';
import type { TurnEvent } from '../../src/turn/turn-event.js';
import { turnFromMessages } from '../../src/turn/turn-from-messages.js';
import {
  partialResponse,
  toolResultStatus,
  turnMessages,
  turnResponse,
} from '../../src/turn/turn-messages.js';
import { applyEvent, initialTurnState, type TurnState } from '../../src/turn/turn-state.js';

const at = '2026-11-30T10:00:00.000Z';
const wire = { extra_content: { google: { thought_signature: 'sig' } } };

function run(events: readonly TurnEvent[]): TurnState {
  return events.reduce(applyEvent, initialTurnState('turn-1'));
}

function result(index: number, overrides: Partial<ToolCallResult> = {}): ToolCallResult {
  return {
    id: `id${index}`,
    index,
    name: 'lookup',
    arguments: {},
    result: index,
    resultText: String(index),
    isError: false,
    denied: false,
    ...overrides,
  };
}

/** A tool round (step 0: two calls, the first with wire extras and a rewritten id). */
const toolRound: TurnEvent[] = [
  { type: 'reasoning', step: 0, text: 'Need data.' },
  { type: 'text', step: 0, text: 'Checking.' },
  {
    type: 'step-end',
    step: 0,
    at,
    text: 'Checking.',
    reasoning: 'Need data.',
    calls: [
      { index: 0, id: 'id0', name: 'lookup', argumentsText: '{}', providerId: 'call_0', wire },
      { index: 1, id: 'id1', name: 'lookup', argumentsText: '{"a":1}' },
    ],
    finishReason: 'tool_calls',
    usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 },
    metadata: { model: 'm', responseId: 'r1' },
  },
  {
    type: 'call-ready',
    step: 0,
    index: 0,
    id: 'id0',
    name: 'lookup',
    argumentsText: '{}',
    arguments: {},
    requiresApproval: false,
  },
  {
    type: 'call-ready',
    step: 0,
    index: 1,
    id: 'id1',
    name: 'lookup',
    argumentsText: '{"a":1}',
    arguments: { a: 1 },
    requiresApproval: true,
  },
];

const results: TurnEvent[] = [
  { type: 'call-result', step: 0, at, result: result(1, { isError: true, denied: true }) },
  { type: 'call-result', step: 0, at, result: result(0) },
];

function parts(messages: readonly ChatMessage[]): unknown[] {
  return messages.map((message) => [message.role, message.content, message.metadata]);
}

describe('turnMessages', () => {
  it('keeps a finished turn: each tool round whole (results in call order), then the answer', () => {
    const state = run([
      ...toolRound,
      ...results,
      { type: 'text', step: 1, text: 'All done.' },
      {
        type: 'step-end',
        step: 1,
        at,
        text: 'All done.',
        reasoning: '',
        calls: [],
        finishReason: 'stop',
        usage: undefined,
        metadata: {},
      },
      { type: 'turn-finished', at, finishReason: 'stop' },
    ]);
    const messages = turnMessages(state);
    expect(parts(messages)).to.deep.equal([
      [
        'assistant',
        [
          { type: 'reasoning', text: 'Need data.' },
          { type: 'text', text: 'Checking.' },
          {
            type: 'tool_call',
            id: 'id0',
            name: 'lookup',
            arguments: '{}',
            metadata: { providerId: 'call_0', wire },
          },
          { type: 'tool_call', id: 'id1', name: 'lookup', arguments: '{"a":1}' },
        ],
        { model: 'm', responseId: 'r1', finishReason: 'tool_calls' },
      ],
      [
        'tool',
        [
          { type: 'tool_result', toolCallId: 'id0', toolName: 'lookup', result: '0' },
          {
            type: 'tool_result',
            toolCallId: 'id1',
            toolName: 'lookup',
            result: '1',
            isError: true,
            metadata: { denied: true },
          },
        ],
        undefined,
      ],
      ['assistant', [{ type: 'text', text: 'All done.' }], { finishReason: 'stop' }],
    ]);
    expect(messages[0]?.usage).to.deep.equal({ inputTokens: 3, outputTokens: 2, totalTokens: 5 });
    expect(turnResponse(state)).to.include({ response: 'All done.', finishReason: 'stop' });
  });

  it('gives the same message ids every time it is asked (derived from the turn id)', () => {
    const state = run([...toolRound, ...results]);
    const first = turnMessages(state).map((message) => message.id);
    expect(turnMessages(state).map((message) => message.id)).to.deep.equal(first);
    expect(new Set(first).size).to.equal(first.length);
    expect(first[0]).to.contain('turn-1');
  });

  it('keeps only finished rounds of a running or failed turn (the interrupted step is retried)', () => {
    const running = run([...toolRound, ...results, { type: 'text', step: 1, text: 'Half an ans' }]);
    expect(turnMessages(running)).to.have.length(2);
    const failed = applyEvent(running, { type: 'turn-failed', at, error: new Error('x') });
    expect(turnMessages(failed)).to.have.length(2);
    expect(partialResponse(failed)).to.include({ text: 'Half an ans', reasoning: '' });
    expect(partialResponse(failed).messages).to.have.length(2);
  });

  it('keeps no round whose calls have not all answered while the turn still runs', () => {
    const state = run([...toolRound, results[1]!]);
    expect(turnMessages(state)).to.deep.equal([]);
  });

  it('keeps a stopped turn: calls cut short answered as stopped (wire extras kept), interrupted text as stopped', () => {
    const stoppedMidTools = run([
      ...toolRound,
      results[0]!,
      { type: 'turn-stopped', at, reason: 'user' },
    ]);
    const [assistant, tool] = turnMessages(stoppedMidTools);
    expect(assistant?.content.find((part) => part.type === 'tool_call')?.metadata).to.deep.equal({
      providerId: 'call_0',
      wire,
    });
    expect(tool?.content[0]).to.deep.include({ isError: true, metadata: { stopped: true } });
    expect(tool?.content[1]).to.deep.include({ metadata: { denied: true } });

    const stoppedMidText = run([
      ...toolRound,
      ...results,
      { type: 'reasoning', step: 1, text: 'Hmm.' },
      { type: 'text', step: 1, text: 'The answer is' },
      { type: 'call-start', step: 1, index: 0, id: 'x', name: 'lookup' },
      { type: 'turn-stopped', at, reason: 'user' },
    ]);
    const kept = turnMessages(stoppedMidText);
    expect(kept).to.have.length(3);
    expect(parts(kept.slice(2))).to.deep.equal([
      [
        'assistant',
        [
          { type: 'reasoning', text: 'Hmm.' },
          { type: 'text', text: 'The answer is' },
        ],
        { finishReason: 'stopped' },
      ],
    ]);
  });

  it('keeps nothing of a stopped step that streamed reasoning only', () => {
    const state = run([
      { type: 'reasoning', step: 0, text: 'Thinking' },
      { type: 'turn-stopped', at, reason: 'user' },
    ]);
    expect(turnMessages(state)).to.deep.equal([]);
  });

  it('answers an empty response for max_iterations', () => {
    const state = run([
      ...toolRound,
      ...results,
      { type: 'turn-finished', at, finishReason: 'max_iterations' },
    ]);
    expect(turnResponse(state)).to.include({ response: '', finishReason: 'max_iterations' });
  });
});

describe('turnFromMessages', () => {
  it('reads saved messages back into the same state shape: statuses, extras, stopped', () => {
    const stopped = run([...toolRound, results[0]!, { type: 'turn-stopped', at, reason: 'user' }]);
    const restored = turnFromMessages('r', turnMessages(stopped));
    expect(restored.status).to.equal('stopped');
    expect(restored.steps[0]?.calls.map((call) => call.status)).to.deep.equal([
      'stopped',
      'denied',
    ]);
    expect(restored.steps[0]?.calls[0]).to.include({ providerId: 'call_0' });
    expect(restored.steps[0]?.calls[0]?.wire).to.deep.equal(wire);
    expect(parts(turnMessages(restored))).to.deep.equal(parts(turnMessages(stopped)));
  });

  it('round-trips a finished turn and a stopped text', () => {
    const finished = run([
      ...toolRound,
      ...results,
      { type: 'text', step: 1, text: 'Done' },
      { type: 'turn-finished', at, finishReason: 'stop' },
    ]);
    const restored = turnFromMessages('r', turnMessages(finished));
    expect(restored.status).to.equal('finished');
    expect(parts(turnMessages(restored))).to.deep.equal(parts(turnMessages(finished)));

    const stoppedText = run([
      { type: 'text', step: 0, text: 'Partial' },
      { type: 'turn-stopped', at, reason: 'u' },
    ]);
    const back = turnFromMessages('r', turnMessages(stoppedText));
    expect(back.status).to.equal('stopped');
    expect(parts(turnMessages(back))).to.deep.equal(parts(turnMessages(stoppedText)));
  });

  it('pairs results with calls that share an id in order, and a missing result as stopped', () => {
    const messages = [
      {
        id: 'a',
        role: 'assistant',
        createdAt: at,
        content: [
          { type: 'tool_call', id: 'dup', name: 'f', arguments: '{"n":1}' },
          { type: 'tool_call', id: 'dup', name: 'f', arguments: '{"n":2}' },
          { type: 'tool_call', id: 'lonely', name: 'f', arguments: '{}' },
        ],
      },
      {
        id: 't',
        role: 'tool',
        createdAt: at,
        content: [
          { type: 'tool_result', toolCallId: 'dup', toolName: 'f', result: 'one' },
          { type: 'tool_result', toolCallId: 'dup', toolName: 'f', result: 'two', isError: true },
        ],
      },
    ] as const satisfies readonly ChatMessage[];
    const calls = turnFromMessages('r', messages).steps[0]!.calls;
    expect(calls.map((call) => [call.status, call.result?.resultText])).to.deep.equal([
      ['done', 'one'],
      ['failed', 'two'],
      ['stopped', undefined],
    ]);
  });
});

describe('toolResultStatus', () => {
  it('reads denied, stopped, failed and done from a result part, and stopped from none', () => {
    const part = { type: 'tool_result', toolCallId: 'a', toolName: 'f', result: '' } as const;
    expect(toolResultStatus(part)).to.equal('done');
    expect(toolResultStatus({ ...part, isError: true })).to.equal('failed');
    expect(toolResultStatus({ ...part, isError: true, metadata: { denied: true } })).to.equal(
      'denied',
    );
    expect(toolResultStatus({ ...part, isError: true, metadata: { stopped: true } })).to.equal(
      'stopped',
    );
    expect(toolResultStatus(undefined)).to.equal('stopped');
  });
});
