import { expect } from 'chai';
import { ChatToolAgent, OpenAIChatAPI, type ChatResponseChunk } from '../../src/index.js';
import { createScriptedFetch, textReply, toolCallReply } from '../../src/testing/index.js';
import { AssistantTurn } from '../../components/assistant-turn.js';

async function chunksOf(
  replies: Parameters<typeof createScriptedFetch>[0],
): Promise<ChatResponseChunk[]> {
  const { fetch } = createScriptedFetch(replies);
  const agent = new ChatToolAgent({ chatApi: new OpenAIChatAPI({ model: 'm', fetch }) });
  const chunks: ChatResponseChunk[] = [];
  for await (const chunk of agent.getStreamingResponse({ messages: [] })) chunks.push(chunk);
  return chunks;
}

describe('AssistantTurn', () => {
  it('appends text to one block per step without asking for a re-render', async () => {
    const turn = new AssistantTurn(document);
    const chunks = await chunksOf([textReply(['a', 'b', 'c'], { reasoning: 'x y' })]);
    const renders = chunks.map((chunk) => turn.apply(chunk));
    expect(turn.entry.blocks.map((b) => b.kind)).to.deep.equal(['reasoning', 'text']);
    // First reasoning piece, first text piece and the finish re-render; the rest only append.
    expect(renders.filter(Boolean)).to.have.length(3);
    expect(turn.entry.state).to.equal('done');
    const text = turn.entry.blocks[1];
    expect(text?.kind === 'text' && text.container.textContent).to.equal('abc');
    expect(turn.entry.blocks.every((b) => b.kind === 'tool' || !b.streaming)).to.equal(true);
  });

  it('tracks a tool card from start to result, and a retry drops only the failed round', async () => {
    const turn = new AssistantTurn(document);
    const chunks = await chunksOf([
      toolCallReply([{ id: 'c1', name: 'nope', arguments: { a: 1 } }]),
      textReply('after'),
    ]);
    for (const chunk of chunks.filter((c) => c.step === 0)) turn.apply(chunk);
    const card = turn.cardAt(0, 0);
    expect(card?.id).to.equal('c1');
    expect(card?.status).to.equal('failed', 'an unknown tool fails');
    expect(card?.argumentsText).to.equal('{"a":1}');
    // Step 1 streams a little, then the turn fails.
    const firstText = chunks.find((c) => c.step === 1 && c.type === 'text-delta');
    if (firstText) turn.apply(firstText);
    turn.fail({ title: 't', detail: 'd', unauthorized: false });
    expect(turn.entry.state).to.equal('interrupted');
    expect(turn.entry.blocks.map((b) => b.kind)).to.deep.equal(['tool', 'text']);
    turn.retry();
    expect(turn.entry.blocks.map((b) => b.kind)).to.deep.equal(['tool']);
    expect(turn.entry.error).to.equal(undefined);
    // The retried attempt starts at step 0 again and lands after the kept round.
    turn.apply({ ...firstText!, step: 0 });
    expect(turn.entry.blocks.map((b) => b.kind)).to.deep.equal(['tool', 'text']);
  });

  it('gives calls that share a provider id their own cards and results', async () => {
    const turn = new AssistantTurn(document);
    const chunks = await chunksOf([
      toolCallReply([
        { id: 'dup', name: 'first', arguments: { a: 1 } },
        { id: 'dup', name: 'second', arguments: { b: 2 } },
      ]),
      textReply('done'),
    ]);
    for (const chunk of chunks) turn.apply(chunk);
    const first = turn.cardAt(0, 0);
    const second = turn.cardAt(0, 1);
    expect([first?.name, second?.name]).to.deep.equal(['first', 'second']);
    expect([first?.argumentsText, second?.argumentsText]).to.deep.equal(['{"a":1}', '{"b":2}']);
    expect(first?.id).to.not.equal(second?.id, 'the ids sent back are unique');
    expect(first?.key).to.not.equal(second?.key);
    expect(first?.resultText).to.contain('Unknown tool \\"first\\"');
    expect(second?.resultText).to.contain('Unknown tool \\"second\\"');
  });
});
