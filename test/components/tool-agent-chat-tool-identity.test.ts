import { expect } from 'chai';
import * as z from 'zod';
import { ChatMessage, FunctionTool } from '../../src/index.js';
import { createScriptedFetch, textReply, toolCallReply } from '../../src/testing/index.js';
import type { ToolAgentChat, ToolAgentToolCallEvent } from '../../components/index.js';
import {
  checkAxeThenRemoveChats,
  createChat,
  findAll,
  recordEvents,
  waitFor,
  waitIdle,
} from './chat-test-utils.js';

interface WireMessage {
  readonly role: string;
  readonly content: unknown;
  readonly tool_call_id?: string;
  readonly tool_calls?: readonly { readonly id: string }[];
}

function cards(chat: ToolAgentChat): HTMLElement[] {
  return findAll(chat, '[part~="tool-card"]');
}

function approveButtons(chat: ToolAgentChat): HTMLButtonElement[] {
  return findAll<HTMLButtonElement>(chat, '[part~="approve-button"]');
}

function wireMessages(body: unknown): WireMessage[] {
  return (body as { messages: WireMessage[] }).messages;
}

/** A tool that records what it ran with. */
function recordingTool(name: string, ran: string[], requiresApproval: boolean): FunctionTool {
  return new FunctionTool({
    name,
    description: `The ${name} tool.`,
    parameters: z.object({ target: z.string() }),
    requiresApproval,
    execute: ({ target }) => {
      ran.push(`${name}(${target})`);
      return `${name} ok`;
    },
  });
}

describe('<tool-agent-chat> tool-call identity', () => {
  afterEach(checkAxeThenRemoveChats);

  it('shows each call of a step that shares one id on its own card, and Approve runs exactly the call on that card', async () => {
    const ran: string[] = [];
    const scripted = createScriptedFetch([
      toolCallReply([
        { id: 'call_0', name: 'read_note', arguments: { target: 'notes.txt' } },
        { id: 'call_0', name: 'delete_file', arguments: { target: '/home/me' } },
      ]),
      textReply('Done.'),
    ]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.tools = [recordingTool('read_note', ran, false), recordingTool('delete_file', ran, true)];
    });
    const done = chat.send('Tidy up');
    const [approve] = await waitFor(
      () => (approveButtons(chat).length > 0 ? approveButtons(chat) : undefined),
      'Approve',
    );
    const asking = approve!.closest<HTMLElement>('[part~="tool-card"]')!;
    expect(asking.querySelector('[part~="tool-name"]')?.textContent).to.equal(
      'delete_file',
      'the card asking is the call needing approval',
    );
    expect(asking.textContent).to.contain('/home/me');
    expect(asking.textContent).to.not.contain('notes.txt');
    expect(ran).to.deep.equal(
      ['read_note(notes.txt)'],
      'the call without approval ran, the other waits',
    );
    approve!.click();
    await done;
    expect(ran).to.deep.equal(['read_note(notes.txt)', 'delete_file(/home/me)']);
    expect(cards(chat).map((card) => card.dataset['status'])).to.deep.equal(['done', 'done']);
    const followUp = wireMessages(scripted.requests[1]?.body);
    const ids = followUp.flatMap((message) => message.tool_calls?.map((call) => call.id) ?? []);
    expect(new Set(ids).size).to.equal(2, 'unique ids go back to the provider');
    expect(
      followUp.filter((message) => message.role === 'tool').map((message) => message.tool_call_id),
    ).to.deep.equal(ids);
  });

  it('asks for two approvals that share an id separately, and the turn settles after both', async () => {
    const ran: string[] = [];
    const scripted = createScriptedFetch([
      toolCallReply([
        { id: 'same', name: 'delete_file', arguments: { target: '/a' } },
        { id: 'same', name: 'delete_file', arguments: { target: '/b' } },
      ]),
      textReply('Handled.'),
    ]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.tools = [recordingTool('delete_file', ran, true)];
    });
    const asked = recordEvents(chat, ['tool-agent-tool-call']);
    const done = chat.send('Delete both');
    await waitFor(() => approveButtons(chat).length === 2, 'two Approve buttons');
    const details = asked.map((event) => (event as ToolAgentToolCallEvent).detail);
    expect(
      details.map((detail) => [
        detail.step,
        detail.index,
        (detail.arguments as { target: string }).target,
      ]),
    ).to.deep.equal([
      [0, 0, '/a'],
      [0, 1, '/b'],
    ]);
    expect(details[0]!.id).to.not.equal(details[1]!.id, 'the page sees the unique ids');
    const second = approveButtons(chat)[1]!;
    expect(second.closest('[part~="tool-card"]')?.textContent).to.contain('/b');
    second.click();
    await waitFor(() => ran.length === 1, 'the approved call to run');
    expect(ran).to.deep.equal(
      ['delete_file(/b)'],
      'Approve on the second card ran the second call only',
    );
    findAll<HTMLButtonElement>(chat, '[part~="deny-button"]')[0]!.click();
    const response = await done;
    expect(response?.response).to.equal('Handled.', 'the turn settled');
    expect(ran).to.deep.equal(['delete_file(/b)']);
    expect(cards(chat).map((card) => card.dataset['status'])).to.deep.equal(['denied', 'done']);
  });

  it('keeps ids reused across rounds apart, and a restored conversation shows each card with its own result', async () => {
    const ran: string[] = [];
    const scripted = createScriptedFetch([
      toolCallReply([{ id: 'call_0', name: 'read_note', arguments: { target: 'one' } }]),
      toolCallReply([{ id: 'call_0', name: 'read_note', arguments: { target: 'two' } }]),
      textReply('Read both.'),
    ]);
    const tool = new FunctionTool({
      name: 'read_note',
      description: 'Reads a note.',
      parameters: z.object({ target: z.string() }),
      execute: ({ target }) => (ran.push(target), `content of ${target}`),
    });
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.tools = [tool];
    });
    await chat.send('Read them');
    await waitIdle(chat);
    expect(ran).to.deep.equal(['one', 'two']);
    const results = () =>
      cards(chat).map((card) => card.querySelector('[part~="tool-result"]')?.textContent ?? '');
    expect(results()[0]).to.contain('content of one');
    expect(results()[1]).to.contain('content of two');

    const restored = await createChat((c) => {
      c.messages = chat.messages;
    });
    const restoredResults = cards(restored).map(
      (card) => card.querySelector('[part~="tool-result"]')?.textContent ?? '',
    );
    expect(restoredResults).to.have.length(2);
    expect(restoredResults[0]).to.contain('content of one');
    expect(restoredResults[1]).to.contain('content of two');
  });

  it("pairs an imported conversation's duplicate ids with their results in order", async () => {
    const messages = [
      ChatMessage.createUserMessage('Go'),
      ChatMessage.createAssistantMessage([
        { type: 'tool_call', id: 'x', name: 'first', arguments: '{}' },
        { type: 'tool_call', id: 'x', name: 'second', arguments: '{}' },
      ]),
      ChatMessage.createToolMessage([
        { type: 'tool_result', toolCallId: 'x', toolName: 'first', result: '"result one"' },
        {
          type: 'tool_result',
          toolCallId: 'x',
          toolName: 'second',
          result: '"result two"',
          isError: true,
          metadata: { denied: true },
        },
      ]),
      ChatMessage.createAssistantMessage('Done.'),
    ];
    const chat = await createChat((c) => {
      c.messages = messages;
    });
    const shown = cards(chat);
    expect(shown.map((card) => card.dataset['status'])).to.deep.equal(['done', 'denied']);
    expect(shown[0]!.textContent).to.contain('result one');
    expect(shown[1]!.textContent).to.contain('result two');
  });
});
