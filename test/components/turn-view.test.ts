import { expect } from 'chai';
import { ChatToolAgent, OpenAIChatAPI, type ChatTurn } from '../../src/index.js';
import { createScriptedFetch, textReply, toolCallReply } from '../../src/testing/index.js';
import { TurnView } from '../../components/turn-view.js';

/** A turn on a scripted endpoint, with its events applied to `view`; returns the renders each asked for. */
function viewed(
  replies: Parameters<typeof createScriptedFetch>[0],
  view: TurnView,
): {
  turn: ChatTurn;
  renders: string[];
} {
  const { fetch } = createScriptedFetch(replies);
  const agent = new ChatToolAgent({ chatApi: new OpenAIChatAPI({ model: 'm', fetch }) });
  const turn = agent.startTurn({ messages: [] });
  const renders: string[] = [];
  view.begin(turn.state);
  turn.subscribe((state, event) => renders.push(`${event.type}:${view.update(state, event)}`));
  return { turn, renders };
}

async function drain(turn: ChatTurn): Promise<void> {
  try {
    for await (const _chunk of turn);
  } catch {
    // The state says how it ended.
  }
}

describe('TurnView', () => {
  it('streams text into one container per step, re-rendering only when a block appears', async () => {
    const view = new TurnView(document);
    const { turn, renders } = viewed([textReply(['a', 'b', 'c'], { reasoning: 'x y' })], view);
    await drain(turn);
    expect(view.blocks.map((b) => b.kind)).to.deep.equal(['reasoning', 'text']);
    const texts = renders.filter((r) => r.startsWith('text:') || r.startsWith('reasoning:'));
    expect(texts.filter((r) => r.endsWith(':now'))).to.have.length(2, 'the first piece of each');
    expect(texts.filter((r) => r.endsWith(':none')).length).to.be.greaterThan(1);
    expect(view.state).to.equal('done');
    const text = view.blocks[1];
    expect(text?.kind === 'text' && text.container.textContent).to.equal('abc');
    expect(
      view.blocks.every((b) => (b.kind !== 'text' && b.kind !== 'reasoning') || !b.streaming),
    ).to.equal(true);
  });

  it('shows a card from start to result with the status the turn state gives it', async () => {
    const view = new TurnView(document);
    const { turn, renders } = viewed(
      [
        toolCallReply([{ id: 'c1', name: 'nope', arguments: { a: 1 } }], { argumentsChunkSize: 2 }),
        textReply('after'),
      ],
      view,
    );
    await drain(turn);
    const card = view.cardAt(0, 0);
    expect(card).to.include({ id: 'c1', status: 'failed', argumentsText: '{"a":1}' });
    expect(card?.argumentPieces.join('')).to.equal('{"a":1}');
    expect(
      renders.filter((r) => r.startsWith('call-arguments:')).every((r) => r.endsWith(':frame')),
    ).to.equal(true);
    expect(view.blocks.map((b) => b.kind)).to.deep.equal(['tool', 'text']);
  });

  it('keeps a failed attempt’s finished rounds and drops its interrupted text on retry', async () => {
    const view = new TurnView(document);
    const first = viewed(
      [
        toolCallReply([{ id: 'c1', name: 'nope', arguments: {} }]),
        textReply(['half ', 'an answer'], {
          finishReason: null,
          done: false,
          dropAfterChunks: true,
        }),
      ],
      view,
    );
    await drain(first.turn);
    view.fail({ text: () => ['t', 'd'], unauthorized: false });
    expect(view.state).to.equal('interrupted');
    expect(view.blocks.map((b) => b.kind)).to.deep.equal(['tool', 'text']);
    const second = viewed([textReply('whole answer')], view);
    expect(view.error).to.equal(undefined);
    expect(view.blocks.map((b) => b.kind)).to.deep.equal(
      ['tool'],
      'the retry starts after the kept round',
    );
    await drain(second.turn);
    expect(view.blocks.map((b) => b.kind)).to.deep.equal(['tool', 'text']);
    expect(view.state).to.equal('done');
  });

  it('gives calls that share a provider id their own cards and results', async () => {
    const view = new TurnView(document);
    const { turn } = viewed(
      [
        toolCallReply([
          { id: 'dup', name: 'first', arguments: { a: 1 } },
          { id: 'dup', name: 'second', arguments: { b: 2 } },
        ]),
        textReply('done'),
      ],
      view,
    );
    await drain(turn);
    const first = view.cardAt(0, 0);
    const second = view.cardAt(0, 1);
    expect([first?.name, second?.name]).to.deep.equal(['first', 'second']);
    expect(first?.id).to.not.equal(second?.id, 'the ids sent back are unique');
    expect(first?.key).to.not.equal(second?.key);
    expect(first?.resultText).to.contain('Unknown tool \\"first\\"');
    expect(second?.resultText).to.contain('Unknown tool \\"second\\"');
  });

  it('asks the user on a card only while the turn runs', async () => {
    const view = new TurnView(document);
    const { turn } = viewed([toolCallReply([{ name: 'x', arguments: {} }]), textReply('ok')], view);
    let asked = false;
    turn.subscribe((_state, event) => {
      if (event.type !== 'call-ready' || asked) return;
      asked = true;
      view.askUser(view.cardAt(0, 0)!);
      expect(view.cardAt(0, 0)?.askingUser).to.equal(true);
    });
    await drain(turn);
    expect(asked).to.equal(true);
    expect(view.cardAt(0, 0)?.askingUser).to.equal(false);
  });

  it('renders a restored turn at once, complete, with stopped calls', () => {
    const view = TurnView.restored(
      {
        id: 'r',
        status: 'stopped',
        steps: [
          {
            step: 0,
            text: '**Bold** start',
            reasoning: '',
            complete: false,
            end: undefined,
            contextTrimmed: undefined,
            calls: [],
          },
        ],
        usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
        finishReason: undefined,
        error: undefined,
        endedAt: undefined,
      },
      document,
    );
    expect(view.state).to.equal('stopped');
    const [text] = view.blocks;
    expect(text?.kind === 'text' && text.container.querySelector('strong')?.textContent).to.equal(
      'Bold',
    );
    expect(text?.kind === 'text' && text.streaming).to.equal(false);
  });
});
