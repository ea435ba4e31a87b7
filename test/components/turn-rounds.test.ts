import { expect } from 'chai';
import { TurnRounds } from '../../components/turn-rounds.js';

describe('TurnRounds', () => {
  it('keeps finished tool rounds whole and the unfinished round as stopped text', () => {
    const rounds = new TurnRounds();
    rounds.addReasoning(0, 'think');
    rounds.addText(0, 'Let me check. ');
    rounds.addCall(0, 0, { id: 'a', name: 'lookup', argumentsText: '{"q":1}' });
    rounds.addResult(0, 0, { resultText: '{"v":2}', isError: false, denied: false });
    rounds.addText(1, 'The value is');
    rounds.addCall(1, 0, { id: 'b', name: 'lookup', argumentsText: '{}' });
    expect(rounds.isFinished(0)).to.equal(true);
    expect(rounds.isFinished(1)).to.equal(false);
    expect(rounds.lastRound).to.equal(1);
    const messages = rounds.stoppedMessages(0);
    expect(messages.map((m) => m.role)).to.deep.equal(['assistant', 'tool', 'assistant']);
    expect(messages[0]?.content).to.deep.equal([
      { type: 'reasoning', text: 'think' },
      { type: 'text', text: 'Let me check. ' },
      { type: 'tool_call', id: 'a', name: 'lookup', arguments: '{"q":1}' },
    ]);
    expect(messages[1]?.content).to.deep.equal([
      { type: 'tool_result', toolCallId: 'a', toolName: 'lookup', result: '{"v":2}' },
    ]);
    expect(messages[2]?.content).to.deep.equal(
      [{ type: 'text', text: 'The value is' }],
      'the unanswered call is dropped',
    );
    expect(messages[2]?.metadata).to.deep.equal({ finishReason: 'stopped' });
  });

  it('starts from a given round and forgets dropped rounds', () => {
    const rounds = new TurnRounds();
    rounds.addText(0, 'old');
    rounds.addText(2, 'new');
    expect(rounds.stoppedMessages(1).map((m) => m.content)).to.deep.equal([
      [{ type: 'text', text: 'new' }],
    ]);
    rounds.dropFrom(1);
    expect(rounds.lastRound).to.equal(0);
    expect(new TurnRounds().lastRound).to.equal(-1);
    expect(new TurnRounds().stoppedMessages(0)).to.deep.equal([]);
  });

  it('keeps calls that share an id apart by position, in order, and marks a denial', () => {
    const rounds = new TurnRounds();
    rounds.addCall(0, 1, { id: 'x', name: 'second', argumentsText: '{"n":2}' });
    rounds.addCall(0, 0, { id: 'x', name: 'first', argumentsText: '{"n":1}' });
    rounds.addResult(0, 1, { resultText: '"two"', isError: false, denied: false });
    expect(rounds.isFinished(0)).to.equal(false, 'one call of the two still runs');
    rounds.addResult(0, 0, { resultText: '{"error":"denied"}', isError: true, denied: true });
    expect(rounds.isFinished(0)).to.equal(true);
    const [assistant, tool] = rounds.stoppedMessages(0);
    expect(
      assistant?.content.map((part) => (part.type === 'tool_call' ? part.name : part.type)),
    ).to.deep.equal(['first', 'second']);
    expect(tool?.content).to.deep.equal([
      {
        type: 'tool_result',
        toolCallId: 'x',
        toolName: 'first',
        result: '{"error":"denied"}',
        isError: true,
        metadata: { denied: true },
      },
      { type: 'tool_result', toolCallId: 'x', toolName: 'second', result: '"two"' },
    ]);
  });
});
