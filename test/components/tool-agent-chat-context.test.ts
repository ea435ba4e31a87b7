import { expect } from 'chai';
import type { ToolAgentChat } from '../../components/index.js';
import { ChatMessage } from '../../src/index.js';
import { textReply, type ScriptedReply } from '../../src/testing/index.js';
import { loadJsonFixture } from '../helpers/load-fixture.js';
import { mockServer, type MockScript } from '../helpers/mock-server.js';
import {
  assistantText,
  checkAxeThenRemoveChats,
  createChat,
  find,
  findAll,
  recordEvents,
  typeAndSend,
  waitFor,
  waitIdle,
} from './chat-test-utils.js';

interface WireBody {
  readonly messages: readonly { readonly role: string; readonly content: unknown }[];
}

/** A long earlier conversation: ten exchanges of about 250 estimated tokens each. */
function longConversation(): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (let i = 0; i < 10; i++) {
    messages.push(ChatMessage.createUserMessage(`question ${i} ${'q'.repeat(400)}`));
    messages.push(ChatMessage.createAssistantMessage(`answer ${i} ${'a'.repeat(600)}`));
  }
  return messages;
}

async function contextExceededReply(): Promise<ScriptedReply> {
  const body = await loadJsonFixture('openai-error-400-context-length-exceeded.json');
  return { status: 400, chunks: [{ text: JSON.stringify(body) }] };
}

async function chatOn(script: MockScript, setup: (chat: ToolAgentChat) => void = () => undefined) {
  return createChat((c) => {
    c.baseURL = script.baseURL;
    c.noKey = true;
    c.maxRetries = 0;
    setup(c);
  });
}

async function sentMessages(script: MockScript, request: number): Promise<WireBody['messages']> {
  const requests = await script.requests();
  return (requests[request]!.body as WireBody).messages;
}

describe('<tool-agent-chat> context budget', () => {
  afterEach(checkAxeThenRemoveChats);

  it('leaves the oldest messages out of the request and says so above the answer', async () => {
    const script = await mockServer.script([textReply(['Short answer.'])]);
    const chat = await chatOn(script, (c) => {
      c.setAttribute('context-budget', '1200');
      c.messages = longConversation();
    });
    await typeAndSend(chat, 'And now?');
    await waitIdle(chat);
    const sent = await sentMessages(script, 0);
    expect(sent.length).to.be.lessThan(21);
    expect(sent.at(-1)).to.deep.include({ role: 'user', content: 'And now?' });
    const note = find(chat, '[part~="turn-note"]');
    const dropped = 21 - sent.length;
    expect(note?.textContent).to.contain(`The ${dropped} oldest messages were left out`);
    expect(note?.textContent).to.contain('1,200 tokens');
    expect(assistantText(chat)).to.contain('Short answer.');
    // The conversation itself keeps everything: only the request was trimmed.
    expect(chat.messages).to.have.length(22);
  });

  it('says plainly when the conversation is too long for the model and continues with a shorter context', async () => {
    const script = await mockServer.script([
      await contextExceededReply(),
      textReply(['Now it fits.']),
      textReply(['Still trimmed.']),
    ]);
    const chat = await chatOn(script, (c) => (c.messages = longConversation()));
    const errors = recordEvents(chat, ['tool-agent-error']);
    await typeAndSend(chat, 'Summarise all of it.');
    await waitIdle(chat);
    expect(errors).to.have.length(1);
    expect(find(chat, '[part~="error-title"]')?.textContent).to.equal(
      'The conversation is too long for this model',
    );
    expect(find(chat, '[part~="error-detail"]')?.textContent).to.contain('Input tokens exceed');
    find(chat, '[part~="continue-shorter-button"]')?.click();
    await waitFor(() => assistantText(chat).includes('Now it fits.'), 'the trimmed answer');
    await waitIdle(chat);
    const full = await sentMessages(script, 0);
    const trimmed = await sentMessages(script, 1);
    expect(full).to.have.length(21);
    expect(trimmed.length).to.be.lessThan(full.length);
    expect(trimmed.at(-1)).to.deep.include({ role: 'user', content: 'Summarise all of it.' });
    expect(findAll(chat, '[part~="error"]')).to.have.length(0);
    expect(find(chat, '[part~="turn-note"]')?.textContent).to.contain(
      'oldest messages were left out',
    );
    // The shorter budget holds for the next turn of this conversation.
    await typeAndSend(chat, 'One more.');
    await waitIdle(chat);
    expect((await sentMessages(script, 2)).length).to.be.lessThan(full.length + 2);
  });

  it('halves the budget again when the shorter context is still too long', async () => {
    const exceeded = await contextExceededReply();
    const script = await mockServer.script([exceeded, exceeded, textReply(['Fits now.'])]);
    const chat = await chatOn(script, (c) => (c.messages = longConversation()));
    await typeAndSend(chat, 'Go.');
    await waitIdle(chat);
    find(chat, '[part~="continue-shorter-button"]')?.click();
    await waitFor(() => findAll(chat, '[part~="continue-shorter-button"]').length === 1);
    await waitIdle(chat);
    find(chat, '[part~="continue-shorter-button"]')?.click();
    await waitFor(() => assistantText(chat).includes('Fits now.'), 'the answer');
    const sizes = await Promise.all([0, 1, 2].map((i) => sentMessages(script, i)));
    expect(sizes[1]!.length).to.be.lessThan(sizes[0]!.length);
    expect(sizes[2]!.length).to.be.lessThan(sizes[1]!.length);
  });

  it('offers plain Retry only, not a shorter context, for other rejections', async () => {
    const script = await mockServer.script([
      { status: 400, chunks: [{ text: '{"error":{"message":"bad temperature"}}' }] },
    ]);
    const chat = await chatOn(script);
    await typeAndSend(chat, 'Hi');
    await waitIdle(chat);
    expect(findAll(chat, '[part~="retry-button"]')).to.have.length(1);
    expect(findAll(chat, '[part~="continue-shorter-button"]')).to.have.length(0);
  });

  it('explains a message that alone is over the budget, and sends nothing', async () => {
    const script = await mockServer.script([textReply(['never'])]);
    const chat = await chatOn(script, (c) => c.setAttribute('context-budget', '20'));
    await typeAndSend(chat, 'x'.repeat(400));
    await waitIdle(chat);
    expect(find(chat, '[part~="error-title"]')?.textContent).to.equal(
      'The message is too long for the context budget',
    );
    expect(find(chat, '[part~="error-detail"]')?.textContent).to.contain('the budget is 20');
    expect(await script.requests()).to.have.length(0);
  });

  it('falls back to no budget, with one warning, for an invalid context-budget', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const chat = await createChat((c) => c.setAttribute('context-budget', 'lots'));
      expect(chat.contextBudget).to.equal(undefined);
      expect(String(warnings[0]?.[0])).to.contain('context-budget="lots"');
      chat.contextBudget = 0;
      expect(chat.contextBudget).to.equal(undefined);
      chat.contextBudget = 4096;
      expect(chat.contextBudget).to.equal(4096);
    } finally {
      console.warn = warn;
    }
  });
});
