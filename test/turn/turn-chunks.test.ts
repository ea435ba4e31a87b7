import { expect } from 'chai';
import type { TurnEvent } from '../../src/turn/turn-event.js';
import { chunkOf, eventOfChunk } from '../../src/turn/turn-chunks.js';
import { applyEvent, initialTurnState } from '../../src/turn/turn-state.js';

const at = '2026-11-30T10:00:00.000Z';

describe('turn chunks: context-trimmed', () => {
  const event: TurnEvent = {
    type: 'context-trimmed',
    step: 2,
    droppedMessages: 3,
    droppedMessageIds: ['a', 'b', 'c'],
    estimatedTokens: 900,
    budget: 1000,
  };

  it('is recorded on its step by the reducer', () => {
    const state = applyEvent(initialTurnState('t'), event);
    expect(state.steps.map((step) => step.step)).to.deep.equal([2]);
    expect(state.steps[0]!.contextTrimmed).to.deep.equal({
      droppedMessages: 3,
      droppedMessageIds: ['a', 'b', 'c'],
      estimatedTokens: 900,
      budget: 1000,
    });
    expect(state.steps[0]!.complete).to.equal(false);
  });

  it('becomes a chunk with every field of every chunk, and comes back from its JSON as the same event', () => {
    const chunk = chunkOf(event, applyEvent(initialTurnState('t'), event));
    expect(chunk).to.deep.equal({
      type: 'context-trimmed',
      step: 2,
      chunk: '',
      reasoningChunk: '',
      finished: false,
      finishedResponse: undefined,
      toolCallStart: undefined,
      toolCallResult: undefined,
      toolCallDelta: undefined,
      toolCallReady: undefined,
      contextTrimmed: {
        droppedMessages: 3,
        droppedMessageIds: ['a', 'b', 'c'],
        estimatedTokens: 900,
        budget: 1000,
      },
    });
    const raw = JSON.parse(JSON.stringify(chunk)) as Record<string, unknown>;
    expect(eventOfChunk(raw, at)).to.deep.equal(event);
  });

  it('reads a relayed chunk of the wrong shape without trusting it', () => {
    expect(
      eventOfChunk(
        { type: 'context-trimmed', step: 1, contextTrimmed: { droppedMessageIds: [1, 'x'] } },
        at,
      ),
    ).to.deep.equal({
      type: 'context-trimmed',
      step: 1,
      droppedMessages: 0,
      droppedMessageIds: ['x'],
      estimatedTokens: 0,
      budget: 0,
    });
  });

  it('gives every other chunk contextTrimmed: undefined', () => {
    const text = chunkOf({ type: 'text', step: 0, text: 'hi' }, initialTurnState('t'));
    expect(text).to.have.property('contextTrimmed', undefined);
  });
});
