import { expect } from 'chai';
import * as z from 'zod';
import { FunctionTool, ToolRegistry } from '../../../src/index.js';
import { createScriptedFetch, textReply, toolCallReply } from '../../../src/testing/index.js';
import { mockServer } from '../../helpers/index.js';
import { ToolAgentToolCallEvent, type ToolAgentChat } from '../../../components/index.js';
import {
  axeViolations,
  createChat,
  find,
  findAll,
  recordEvents,
  checkAxeThenRemoveChats,
  root,
  waitFor,
  waitForPart,
  waitIdle,
} from '../chat-test-utils.js';

interface WireMessage {
  readonly role: string;
  readonly content: unknown;
  readonly tool_call_id?: string;
}

function weatherTool(calls: unknown[] = []): FunctionTool {
  return new FunctionTool({
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: z.object({ city: z.string() }),
    execute: ({ city }) => {
      calls.push(city);
      return { city, temperature: 21, sky: 'clear' };
    },
  });
}

function deleteTool(calls: unknown[]): FunctionTool {
  return new FunctionTool({
    name: 'delete_file',
    description: 'Deletes a file',
    parameters: z.object({ path: z.string() }),
    requiresApproval: true,
    execute: ({ path }) => {
      calls.push(path);
      return { deleted: path };
    },
  });
}

function toolMessages(body: unknown): WireMessage[] {
  return ((body as { messages: WireMessage[] }).messages ?? []).filter((m) => m.role === 'tool');
}

function card(chat: ToolAgentChat, index = 0): HTMLElement {
  const cards = findAll(chat, '[part~="tool-card"]');
  const found = cards[index];
  if (!found) throw new Error(`no tool card ${index}`);
  return found;
}

/** The card's arguments as [name, value text] pairs, read from its <dl>. */
function argumentFields(toolCard: HTMLElement): string[][] {
  const names = [
    ...toolCard.querySelectorAll('[part~="tool-arguments"] [part~="tool-argument-name"]'),
  ];
  return names.map((name) => [
    name.textContent ?? '',
    name.nextElementSibling?.textContent?.trim() ?? '',
  ]);
}

async function focusInput(chat: ToolAgentChat): Promise<HTMLTextAreaElement> {
  const input = await waitForPart<HTMLTextAreaElement>(chat, '[part~="input"]');
  input.focus();
  return input;
}

describe('tool cards', () => {
  afterEach(checkAxeThenRemoveChats);

  it('shows the name, the arguments as they stream, the status and the pretty-printed result', async () => {
    const mock = await mockServer.script([
      toolCallReply([{ id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } }], {
        argumentsChunkSize: 3,
        delayMs: 15,
      }),
      textReply('It is 21°C in Paris.'),
    ]);
    const calls: unknown[] = [];
    const chat = await createChat((c) => {
      c.baseURL = mock.baseURL;
      c.tools = [weatherTool(calls)];
    });
    const seen: { status: string | undefined; args: string }[] = [];
    chat.addEventListener('tool-agent-chunk', () => {
      const current = find(chat, '[part~="tool-card"]');
      if (current)
        seen.push({
          status: current.dataset['status'],
          args: current.querySelector('[part~="tool-arguments"] pre')?.textContent ?? '',
        });
    });
    await chat.send('Weather in Paris?');
    const streamed = seen.filter((s) => s.status === 'streaming' && s.args.length > 0);
    expect(streamed.length, 'arguments were shown while streaming').to.be.greaterThan(1);
    expect(
      streamed.some((s) => s.args !== '{"city":"Paris"}' && '{"city":"Paris"}'.startsWith(s.args)),
    ).to.equal(true);
    const done = card(chat);
    expect(done.dataset['status']).to.equal('done');
    expect(done.getAttribute('part')).to.equal('tool-card tool-done');
    expect(done.querySelector('[part~="tool-name"]')?.textContent).to.equal('get_weather');
    expect(done.querySelector('[part~="tool-status"]')?.textContent?.trim()).to.equal('Done');
    const args = done.querySelector<HTMLDetailsElement>('details[part~="tool-arguments"]');
    expect(args?.open, 'arguments fold away once the call is done').to.equal(false);
    expect(argumentFields(done)).to.deep.equal([['city', 'Paris']]);
    const result = done.querySelector<HTMLDetailsElement>('details[part~="tool-result"]');
    expect(result?.open).to.equal(false);
    expect(result?.querySelector('pre')?.textContent).to.equal(
      '{\n  "city": "Paris",\n  "temperature": 21,\n  "sky": "clear"\n}',
    );
    expect(calls).to.deep.equal(['Paris']);
    expect(find(chat, '[part~="assistant-message"]')?.textContent).to.contain(
      'It is 21°C in Paris.',
    );
    expect(chat.messages.map((m) => m.role)).to.deep.equal([
      'user',
      'assistant',
      'tool',
      'assistant',
    ]);
    expect(await axeViolations(chat)).to.deep.equal([]);
  });

  it('accepts a ToolRegistry and marks a failing tool as failed with its error', async () => {
    const broken = new FunctionTool({
      name: 'broken',
      description: 'Always fails',
      parameters: z.object({}),
      execute: () => {
        throw new Error('disk on fire');
      },
    });
    const { fetch } = createScriptedFetch([
      toolCallReply([{ name: 'broken', arguments: {} }]),
      textReply('Sorry.'),
    ]);
    const chat = await createChat((c) => {
      c.fetch = fetch;
      c.tools = new ToolRegistry([broken]);
    });
    await chat.send('Try it');
    const failed = card(chat);
    expect(failed.dataset['status']).to.equal('failed');
    expect(failed.querySelector('details[part~="tool-result"] summary')?.textContent).to.equal(
      'Error',
    );
    expect(failed.querySelector('details[part~="tool-result"] pre')?.textContent).to.contain(
      'disk on fire',
    );
  });

  it('waits for Approve, moves focus to it and back, then runs the tool', async () => {
    const calls: unknown[] = [];
    const scripted = createScriptedFetch([
      toolCallReply([{ id: 'call_del', name: 'delete_file', arguments: { path: '/tmp/a' } }]),
      textReply('Deleted.'),
    ]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.tools = [deleteTool(calls)];
    });
    const input = await focusInput(chat);
    const done = chat.send('Delete /tmp/a');
    const approve = await waitForPart<HTMLButtonElement>(chat, '[part~="approve-button"]');
    await waitFor(() => root(chat).activeElement === approve, 'focus on Approve');
    expect(card(chat).dataset['status']).to.equal('awaiting-approval');
    const args = card(chat).querySelector<HTMLDetailsElement>('details[part~="tool-arguments"]');
    expect(args?.open, 'the arguments are shown while the user decides').to.equal(true);
    expect(argumentFields(card(chat))).to.deep.equal([['path', '/tmp/a']]);
    expect(find(chat, '[part~="approval"]')?.getAttribute('aria-label')).to.equal(
      'Allow delete_file to run?',
    );
    expect(calls).to.deep.equal([]);
    expect(await axeViolations(chat)).to.deep.equal([]);
    approve.click();
    await done;
    expect(calls).to.deep.equal(['/tmp/a']);
    expect(card(chat).dataset['status']).to.equal('done');
    expect(root(chat).activeElement).to.equal(input);
  });

  it('sends a denial back to the model as the call result', async () => {
    const calls: unknown[] = [];
    const scripted = createScriptedFetch([
      toolCallReply([{ id: 'call_del', name: 'delete_file', arguments: { path: '/etc' } }]),
      textReply('Understood.'),
    ]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.tools = [deleteTool(calls)];
    });
    await focusInput(chat);
    const done = chat.send('Delete /etc');
    (await waitForPart<HTMLButtonElement>(chat, '[part~="deny-button"]')).click();
    await done;
    expect(calls).to.deep.equal([]);
    expect(card(chat).dataset['status']).to.equal('denied');
    const [result] = toolMessages(scripted.requests[1]?.body);
    expect(result?.tool_call_id).to.equal('call_del');
    expect(String(result?.content)).to.contain('denied');
  });

  it('shows a right-to-left override in an argument as a visible code while the user decides', async () => {
    const calls: unknown[] = [];
    const path = '/home/ana/invoice\u202Efdp.exe';
    const scripted = createScriptedFetch([
      toolCallReply([{ id: 'call_del', name: 'delete_file', arguments: { path } }]),
      textReply('Kept.'),
    ]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.tools = [deleteTool(calls)];
    });
    await focusInput(chat);
    const done = chat.send('Delete the invoice');
    const deny = await waitForPart<HTMLButtonElement>(chat, '[part~="deny-button"]');
    const value = card(chat).querySelector('[part~="tool-argument-value"]');
    expect(value?.textContent?.trim()).to.equal('/home/ana/invoiceU+202Efdp.exe');
    expect(value?.querySelector('[part~="hidden-char"]')?.textContent).to.equal('U+202E');
    expect(card(chat).textContent).not.to.contain('\u202E');
    expect(find(chat, '[part~="tool-hidden-note"]')).not.to.equal(null);
    expect(await axeViolations(chat)).to.deep.equal([]);
    deny.click();
    await done;
    expect(calls).to.deep.equal([]);
  });

  it('lets the page decide through the cancelable tool-call event', async () => {
    const calls: unknown[] = [];
    const scripted = createScriptedFetch([
      toolCallReply([
        { id: 'call_a', name: 'delete_file', arguments: { path: '/a' } },
        { id: 'call_b', name: 'delete_file', arguments: { path: '/b' } },
        { id: 'call_c', name: 'delete_file', arguments: { path: '/c' } },
      ]),
      textReply('Done.'),
    ]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.tools = [deleteTool(calls)];
    });
    const events = recordEvents(document.body, ['tool-agent-tool-call']);
    chat.addEventListener('tool-agent-tool-call', (event) => {
      const { path } = event.detail.arguments as { path: string };
      if (path === '/a') event.respondWith(true);
      else if (path === '/b')
        event.respondWith(Promise.resolve({ approved: false, reason: 'not /b' }));
      else event.preventDefault();
    });
    await chat.send('Delete three');
    expect(find(chat, '[part~="approve-button"]')).to.equal(null);
    expect(calls).to.deep.equal(['/a']);
    expect(findAll(chat, '[part~="tool-card"]').map((c) => c.dataset['status'])).to.deep.equal([
      'done',
      'denied',
      'denied',
    ]);
    // A denial reads as "not run" with its reason, not as an error.
    const denial = card(chat, 1).querySelector('details[part~="tool-result"]');
    expect(denial?.querySelector('summary')?.textContent).to.equal('Not run');
    expect(denial?.textContent).to.contain('The user denied this tool call. Reason: not /b');
    expect(card(chat, 1).querySelector('[part~="tool-status"]')?.textContent?.trim()).to.equal(
      'Denied',
    );
    const results = toolMessages(scripted.requests[1]?.body);
    expect(results.map((r) => r.tool_call_id)).to.deep.equal(['call_a', 'call_b', 'call_c']);
    expect(String(results[1]?.content)).to.contain('not /b');
    const event = events[0] as ToolAgentToolCallEvent;
    expect(event).to.be.instanceOf(ToolAgentToolCallEvent);
    expect(event.detail).to.deep.equal({
      step: 0,
      index: 0,
      id: 'call_a',
      name: 'delete_file',
      arguments: { path: '/a' },
    });
    expect(event.cancelable && event.composed && event.bubbles).to.equal(true);
    expect(() => event.respondWith(false)).to.throw(DOMException);
  });

  it('denies when the page answers with a rejected promise', async () => {
    const calls: unknown[] = [];
    const scripted = createScriptedFetch([
      toolCallReply([{ name: 'delete_file', arguments: { path: '/x' } }]),
      textReply('Ok.'),
    ]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.tools = [deleteTool(calls)];
    });
    chat.addEventListener('tool-agent-tool-call', (event) =>
      event.respondWith(Promise.reject(new Error('policy says no'))),
    );
    await chat.send('Delete');
    expect(calls).to.deep.equal([]);
    expect(String(toolMessages(scripted.requests[1]?.body)[0]?.content)).to.contain(
      'policy says no',
    );
  });

  it('moves focus from one pending approval to the next, then back to the input', async () => {
    const calls: unknown[] = [];
    const scripted = createScriptedFetch([
      toolCallReply([
        { name: 'delete_file', arguments: { path: '/1' } },
        { name: 'delete_file', arguments: { path: '/2' } },
      ]),
      textReply('Both handled.'),
    ]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.tools = [deleteTool(calls)];
    });
    const input = await focusInput(chat);
    const done = chat.send('Delete both');
    await waitFor(
      () => findAll(chat, '[part~="approve-button"]').length === 2,
      'two approval prompts',
    );
    const first = await waitFor(() => {
      const button = find<HTMLButtonElement>(chat, '[part~="approve-button"]');
      return root(chat).activeElement === button ? button : undefined;
    }, 'focus on the first Approve');
    first.click();
    const second = await waitFor(() => {
      const buttons = findAll<HTMLButtonElement>(chat, '[part~="deny-button"]');
      return buttons.length === 1 &&
        root(chat).activeElement === find(chat, '[part~="approve-button"]')
        ? buttons[0]
        : undefined;
    }, 'focus on the second Approve');
    second.click();
    await done;
    expect(calls).to.deep.equal(['/1']);
    expect(root(chat).activeElement).to.equal(input);
    await waitIdle(chat);
  });
});
