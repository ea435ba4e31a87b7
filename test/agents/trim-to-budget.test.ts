import { expect } from 'chai';
import { ChatMessage, ContextBudgetError, type ChatMessagePart } from '../../src/index.js';
import {
  estimateMessageTokens,
  estimateTextTokens,
  estimateToolTokens,
  imageTokens,
  messageOverheadTokens,
} from '../../src/agents/token-estimate.js';
import { trimToBudget } from '../../src/agents/trim-to-budget.js';
import { deepFreeze } from './agent-kit.js';

// One token per character: every estimate below is easy to count by hand.
const perChar = (text: string): number => text.length;
const text = (n: number): string => 'x'.repeat(n);

function call(id: string): ChatMessagePart {
  return { type: 'tool_call', id, name: 'f', arguments: '{}' };
}

/** system, then two old rounds (user, assistant with calls, tool results, answer), then the latest user message. */
function conversation(): ChatMessage[] {
  return [
    ChatMessage.createSystemMessage(text(10), { id: 'sys' }),
    ChatMessage.createUserMessage(text(10), { id: 'u1' }),
    ChatMessage.createAssistantMessage([call('c1'), call('c2')], { id: 'a1' }),
    ChatMessage.createToolMessage(
      [
        { type: 'tool_result', toolCallId: 'c1', toolName: 'f', result: text(20) },
        { type: 'tool_result', toolCallId: 'c2', toolName: 'f', result: text(20) },
      ],
      { id: 't1' },
    ),
    ChatMessage.createAssistantMessage(text(10), { id: 'a1b' }),
    ChatMessage.createUserMessage(text(10), { id: 'u2' }),
    ChatMessage.createAssistantMessage(text(10), { id: 'a2' }),
    ChatMessage.createUserMessage(text(10), { id: 'u3' }),
  ];
}

const ids = (messages: readonly ChatMessage[]): string[] => messages.map((m) => m.id);
const cost = (messages: readonly ChatMessage[]): number =>
  messages.reduce((sum, m) => sum + estimateMessageTokens(m, perChar), 0);

describe('trimToBudget', () => {
  it('sends everything, as a new array, when it fits', () => {
    const messages = conversation();
    const trimmed = trimToBudget(messages, [], cost(messages), perChar);
    expect(trimmed.messages).to.not.equal(messages);
    expect(ids(trimmed.messages)).to.deep.equal(ids(messages));
    expect(trimmed.dropped).to.deep.equal([]);
    expect(trimmed.estimatedTokens).to.equal(cost(messages));
  });

  it('drops the oldest messages first, keeping the system message and the latest user message', () => {
    const messages = conversation();
    // Room for everything but the first user message.
    const trimmed = trimToBudget(messages, [], cost(messages) - 1, perChar);
    expect(ids(trimmed.dropped)).to.deep.equal(['u1']);
    expect(ids(trimmed.messages)).to.deep.equal(['sys', 'a1', 't1', 'a1b', 'u2', 'a2', 'u3']);
    expect(trimmed.estimatedTokens).to.equal(cost(trimmed.messages));
  });

  it('never separates an assistant tool-call message from its tool results', () => {
    const messages = conversation();
    const withoutFirstUser = cost(messages) - cost(messages.slice(1, 2));
    const trimmed = trimToBudget(messages, [], withoutFirstUser - 1, perChar);
    expect(ids(trimmed.dropped)).to.deep.equal(['u1', 'a1', 't1']);
    expect(ids(trimmed.messages)).to.deep.equal(['sys', 'a1b', 'u2', 'a2', 'u3']);
  });

  it('keeps every system message and the latest user message however small the budget, down to the minimum', () => {
    const messages = conversation();
    const minimum = cost([messages[0]!, messages[7]!]);
    const trimmed = trimToBudget(messages, [], minimum, perChar);
    expect(ids(trimmed.messages)).to.deep.equal(['sys', 'u3']);
    expect(trimmed.estimatedTokens).to.equal(minimum);
  });

  it("trims the current turn's tool rounds last, after the latest user message", () => {
    const messages = [
      ...conversation(),
      ChatMessage.createAssistantMessage([call('c9')], { id: 'a3' }),
      ChatMessage.createToolMessage(
        [{ type: 'tool_result', toolCallId: 'c9', toolName: 'f', result: text(5) }],
        { id: 't3' },
      ),
    ];
    const everythingButTheRound = cost(messages.slice(0, 8));
    const trimmed = trimToBudget(messages, [], everythingButTheRound, perChar);
    expect(ids(trimmed.messages)).to.include.members(['a3', 't3', 'u3', 'sys']);
    expect(ids(trimmed.dropped)[0]).to.equal('u1');
  });

  it('throws a ContextBudgetError when what must stay does not fit, with the budget and the need', () => {
    const messages = conversation();
    const minimum = cost([messages[0]!, messages[7]!]);
    let error: unknown;
    try {
      trimToBudget(messages, [], minimum - 1, perChar);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).to.be.instanceOf(ContextBudgetError);
    const budgetError = error as ContextBudgetError;
    expect(budgetError.name).to.equal('ContextBudgetError');
    expect([budgetError.budget, budgetError.requiredTokens]).to.deep.equal([minimum - 1, minimum]);
    expect(budgetError.message).to.include('contextBudget');
  });

  it('counts the tool definitions, which are never dropped', () => {
    const messages = conversation();
    const tools = [
      {
        type: 'function' as const,
        function: { name: 'f', description: text(50), parameters: { type: 'object' } },
      },
    ];
    const toolCost = estimateToolTokens(tools, perChar);
    expect(toolCost).to.equal(JSON.stringify(tools).length);
    const trimmed = trimToBudget(messages, tools, cost(messages) + toolCost - 1, perChar);
    expect(ids(trimmed.dropped)).to.deep.equal(['u1']);
    expect(trimmed.estimatedTokens).to.equal(cost(trimmed.messages) + toolCost);
  });

  it("never changes the caller's messages", () => {
    const messages = deepFreeze(conversation());
    const before = JSON.stringify(messages);
    trimToBudget(messages, [], 60, perChar);
    expect(JSON.stringify(messages)).to.equal(before);
  });

  it('uses the estimator it is given, and refuses one that returns no number', () => {
    const messages = conversation();
    const everyTextTen = trimToBudget(messages, [], 1000, () => 10);
    expect(everyTextTen.estimatedTokens).to.equal(
      // sys, u1, a1 (2 calls: name + args), t1 (2 results), a1b, u2, a2, u3.
      8 * messageOverheadTokens + messageOverheadTokens + 6 * 10 + 4 * 10 + 2 * 10,
    );
    expect(() => trimToBudget(messages, [], 1000, () => Number.NaN)).to.throw(
      TypeError,
      /estimator/,
    );
  });
});

describe('token estimates', () => {
  it('defaults to ceil(characters / 4)', () => {
    expect([
      estimateTextTokens(''),
      estimateTextTokens('abcd'),
      estimateTextTokens('abcde'),
    ]).to.deep.equal([0, 1, 2]);
  });

  it('counts an image at a fixed cost, not by its URL, and reasoning not at all', () => {
    const message = ChatMessage.createUserMessage([
      { type: 'image', url: `data:image/png;base64,${text(100_000)}` },
      { type: 'image', url: 'https://example.com/a.png', detail: 'low' },
    ]);
    expect(estimateMessageTokens(message, estimateTextTokens)).to.equal(
      messageOverheadTokens + imageTokens.other + imageTokens.low,
    );
    const reasoning = ChatMessage.createAssistantMessage([
      { type: 'reasoning', text: text(400) },
      { type: 'text', text: text(8) },
    ]);
    expect(estimateMessageTokens(reasoning, estimateTextTokens)).to.equal(
      messageOverheadTokens + 2,
    );
  });
});
