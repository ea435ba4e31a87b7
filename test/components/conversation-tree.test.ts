import { expect } from 'chai';
import { ChatMessage } from '../../src/index.js';
import { ConversationTree } from '../../components/conversation-tree.js';

const user = (text: string): ChatMessage => ChatMessage.createUserMessage(text);
const assistant = (text: string): ChatMessage => ChatMessage.createAssistantMessage(text);

function texts(tree: ConversationTree): string[] {
  return tree.messages.map((message) =>
    message.content.map((part) => (part.type === 'text' ? part.text : part.type)).join(''),
  );
}

/** Round-trips through JSON, as storage does. */
function reloaded(tree: ConversationTree): ConversationTree {
  const { messages, branches } = JSON.parse(JSON.stringify(tree.toStored())) as ReturnType<
    ConversationTree['toStored']
  >;
  const restored = ConversationTree.fromStored(messages, branches);
  if (typeof restored === 'string') throw new Error(restored);
  return restored;
}

describe('ConversationTree', () => {
  it('holds a linear conversation as its visible path, with no branches', () => {
    const tree = ConversationTree.linear([
      ChatMessage.createSystemMessage('Be brief.'),
      user('Hi'),
      assistant('Hello'),
      user('Bye'),
    ]);
    expect(texts(tree)).to.deep.equal(['Be brief.', 'Hi', 'Hello', 'Bye']);
    expect(tree.exchangeCount).to.equal(2);
    expect(tree.branched).to.equal(false);
    expect(tree.position(1, 'answer')).to.deep.equal({ index: 0, count: 1 });
    expect(tree.position(2, 'message')).to.equal(undefined);
    expect(tree.messageIndex(1)).to.equal(3);
  });

  it('edit adds a version of a user message beside the old one, dropping what followed from the path only', () => {
    const tree = ConversationTree.linear([user('A'), assistant('a'), user('B'), assistant('b')]);
    tree.edit(0, user('A2'));
    expect(texts(tree)).to.deep.equal(['A2']);
    expect(tree.position(0, 'message')).to.deep.equal({ index: 1, count: 2 });
    tree.append([assistant('a2')]);
    expect(texts(tree)).to.deep.equal(['A2', 'a2']);
    expect(tree.select(0, 'message', 0)).to.equal(true);
    expect(texts(tree)).to.deep.equal(['A', 'a', 'B', 'b']);
    expect(tree.branched).to.equal(true);
  });

  it('regenerate adds an empty answer to the same message and shows it; each version keeps its own continuation', () => {
    const tree = ConversationTree.linear([user('A'), assistant('a'), user('B'), assistant('b')]);
    tree.regenerate(0);
    expect(texts(tree)).to.deep.equal(['A']);
    tree.append([assistant('a2'), user('C'), assistant('c')]);
    expect(tree.position(0, 'answer')).to.deep.equal({ index: 1, count: 2 });
    tree.select(0, 'answer', 0);
    expect(texts(tree)).to.deep.equal(['A', 'a', 'B', 'b']);
    tree.select(0, 'answer', 1);
    expect(texts(tree)).to.deep.equal(['A', 'a2', 'C', 'c']);
  });

  it('editing a later message branches there, remembering which version each fork shows', () => {
    const tree = ConversationTree.linear([user('A'), assistant('a'), user('B'), assistant('b')]);
    tree.edit(1, user('B2'));
    tree.append([assistant('b2')]);
    tree.regenerate(0);
    tree.append([assistant('a3')]);
    tree.select(0, 'answer', 0);
    // Back on the first answer, its fork still shows the edited B2.
    expect(texts(tree)).to.deep.equal(['A', 'a', 'B2', 'b2']);
  });

  it('refuses a version that does not exist', () => {
    const tree = ConversationTree.linear([user('A'), assistant('a')]);
    expect(tree.select(0, 'answer', 1)).to.equal(false);
    expect(tree.select(0, 'message', -1)).to.equal(false);
    expect(tree.select(0, 'message', 0.5)).to.equal(false);
    expect(tree.select(3, 'message', 0)).to.equal(false);
    expect(texts(tree)).to.deep.equal(['A', 'a']);
  });

  it('round-trips through its stored form with every version and the shown one', () => {
    const tree = ConversationTree.linear([
      ChatMessage.createSystemMessage('S'),
      user('A'),
      assistant('a'),
      user('B'),
      assistant('b'),
    ]);
    tree.edit(1, user('B2'));
    tree.append([assistant('b2')]);
    tree.regenerate(1);
    tree.append([assistant('b2-bis')]);
    const restored = reloaded(tree);
    expect(texts(restored)).to.deep.equal(['S', 'A', 'a', 'B2', 'b2-bis']);
    expect(restored.position(1, 'message')).to.deep.equal({ index: 1, count: 2 });
    expect(restored.position(1, 'answer')).to.deep.equal({ index: 1, count: 2 });
    restored.select(1, 'message', 0);
    expect(texts(restored)).to.deep.equal(['S', 'A', 'a', 'B', 'b']);
    // Every message is stored once.
    expect(tree.toStored().messages).to.have.length(8);
  });

  it('stores a conversation thousands of exchanges deep as flat JSON', () => {
    const messages: ChatMessage[] = [];
    for (let i = 0; i < 3000; i++) messages.push(user(`q${i}`), assistant(`a${i}`));
    const tree = ConversationTree.linear(messages);
    tree.regenerate(2999);
    tree.append([assistant('again')]);
    const restored = reloaded(tree);
    expect(restored.messages).to.have.length(6000);
    expect(texts(restored).at(-1)).to.equal('again');
  });

  it('says what is wrong with a stored tree instead of guessing', () => {
    const messages = [user('A'), assistant('a')];
    const cases: [unknown, RegExp][] = [
      [null, /shape/],
      [{ prefix: 0, shown: 0, nodes: 'x' }, /shape/],
      [{ prefix: 0, shown: 0, nodes: [{ parent: -2, count: 1, shown: 0 }] }, /shape/],
      [{ prefix: 3, shown: 0, nodes: [] }, /more messages/],
      [{ prefix: 0, shown: 0, nodes: [{ parent: 0, count: 1, shown: 0 }] }, /no parent/],
      [
        {
          prefix: 0,
          shown: 0,
          nodes: [
            { parent: -1, count: 2, shown: 0 },
            { parent: 0, count: 0, shown: 0 },
          ],
        },
        /one user message/,
      ],
      [
        {
          prefix: 0,
          shown: 0,
          nodes: [
            { parent: -1, count: 1, shown: 0 },
            { parent: 0, count: 3, shown: 0 },
          ],
        },
        /more messages/,
      ],
      [{ prefix: 0, shown: 0, nodes: [{ parent: -1, count: 1, shown: 0 }] }, /belong to no/],
    ];
    for (const [stored, reason] of cases)
      expect(ConversationTree.fromStored(messages, stored)).to.match(reason);
    expect(
      ConversationTree.fromStored([user('A'), user('B')], {
        prefix: 0,
        shown: 0,
        nodes: [
          { parent: -1, count: 1, shown: 0 },
          { parent: 0, count: 1, shown: 0 },
        ],
      }),
    ).to.match(/answer holding a user message/);
  });

  it('shows the first version when a stored index is out of range', () => {
    const restored = ConversationTree.fromStored([user('A'), assistant('a')], {
      prefix: 0,
      shown: 5,
      nodes: [
        { parent: -1, count: 1, shown: 9 },
        { parent: 0, count: 1, shown: 0 },
      ],
    });
    expect(restored).to.be.instanceOf(ConversationTree);
    expect(texts(restored as ConversationTree)).to.deep.equal(['A', 'a']);
  });
});
