import { expect } from 'chai';
import type { ToolAgentChat, ToolAgentMcpErrorEvent } from '../../components/index.js';
import { textReply, toolCallReply, type ScriptedReply } from '../../src/testing/index.js';
import { mcpOrigin, mcpState, unreachableURL, waitForState } from '../mcp/mcp-servers.js';
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
  waitForPart,
  waitIdle,
} from './chat-test-utils.js';

interface WireBody {
  readonly tools?: readonly { readonly function: { readonly name: string } }[];
  readonly messages: readonly { readonly role: string; readonly content: unknown }[];
}

// Chromium keeps 250 resource entries by default, fewer than this page's modules: start afresh
// with room, so what loads from here on (the lazily imported MCP entry) is seen.
performance.setResourceTimingBufferSize(100_000);
performance.clearResourceTimings();

/** MCP modules loaded since this file started (static imports are checked on the built bundle). */
function loadedMcpCode(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes('/src/mcp/') || name.includes('mcp-sdk'));
}

async function chatOn(
  replies: readonly ScriptedReply[],
  setup: (chat: ToolAgentChat) => void,
): Promise<{ chat: ToolAgentChat; script: MockScript }> {
  const script = await mockServer.script(replies);
  const chat = await createChat((c) => {
    c.baseURL = script.baseURL;
    c.noKey = true;
    c.maxRetries = 0;
    setup(c);
  });
  return { chat, script };
}

async function offeredTools(script: MockScript, request = 0): Promise<string[]> {
  const requests = await script.requests();
  return ((requests[request]!.body as WireBody).tools ?? []).map((tool) => tool.function.name);
}

/** Deleted sessions, once earlier tests' closing sessions have landed (the count holds for 300 ms). */
async function settledDeletions(): Promise<number> {
  let count = (await mcpState()).deletedSessions.length;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const next = (await mcpState()).deletedSessions.length;
    if (next === count) return count;
    count = next;
  }
}

const echoCall = toolCallReply([{ id: 'c1', name: 'docs__echo', arguments: { text: 'pong' } }]);

describe('<tool-agent-chat> MCP servers', () => {
  afterEach(checkAxeThenRemoveChats);

  // First in the file, so no other test has loaded the MCP entry yet.
  it('loads none of the MCP code for a chat without servers', async () => {
    const { chat } = await chatOn([textReply(['Hello.'])], () => undefined);
    await typeAndSend(chat, 'Hi');
    await waitIdle(chat);
    expect(assistantText(chat)).to.contain('Hello.');
    expect(loadedMcpCode()).to.deep.equal([]);
  });

  it("offers the server's tools, asks approval by default, runs the call on the server and answers", async () => {
    const origin = await mcpOrigin();
    const { chat, script } = await chatOn([echoCall, textReply(['The server said pong.'])], (c) => {
      c.mcpServers = [{ name: 'docs', url: `${origin}/open/mcp` }];
    });
    await typeAndSend(chat, 'Ping the server.');
    const approve = await waitForPart<HTMLButtonElement>(chat, '[part~="approve-button"]');
    expect(loadedMcpCode()).to.not.deep.equal([]);
    expect(await offeredTools(script)).to.include.members(['docs__echo', 'docs__fail']);
    expect(find(chat, '[part~="tool-name"]')?.textContent).to.contain('docs__echo');
    approve.click();
    await waitIdle(chat);
    expect(assistantText(chat)).to.contain('The server said pong.');
    expect(find(chat, '[part~="tool-card"]')?.getAttribute('part')).to.contain('tool-done');
    const requests = await script.requests();
    const toolMessage = (requests[1]!.body as WireBody).messages.find((m) => m.role === 'tool');
    expect(toolMessage?.content).to.equal('"pong"');
  });

  it('runs the tools without asking when the page says so, and keeps one session across turns', async () => {
    const origin = await mcpOrigin();
    const before = await settledDeletions();
    const { chat, script } = await chatOn(
      [echoCall, textReply(['First.']), echoCall, textReply(['Second.'])],
      (c) => {
        c.mcpServers = [{ name: 'docs', url: `${origin}/open/mcp`, requiresApproval: false }];
      },
    );
    await typeAndSend(chat, 'One');
    await waitIdle(chat);
    await typeAndSend(chat, 'Two');
    await waitIdle(chat);
    expect(findAll(chat, '[part~="approve-button"]')).to.have.length(0);
    expect(assistantText(chat)).to.contain('First.').and.contain('Second.');
    expect(await offeredTools(script, 2)).to.include('docs__echo');
    expect((await mcpState()).deletedSessions.length).to.equal(before);
    // Leaving the page closes the session.
    chat.remove();
    await waitForState((state) => state.deletedSessions.length === before + 1);
  });

  it("says above the answer which server is unavailable and why, fires tool-agent-mcp-error, and still offers the others' tools", async () => {
    const origin = await mcpOrigin();
    const { chat, script } = await chatOn([textReply(['Without the down server.'])], (c) => {
      c.mcpServers = [
        { name: 'down', url: unreachableURL },
        { name: 'docs', url: `${origin}/open/mcp`, requiresApproval: false },
      ];
    });
    const events = recordEvents(chat, ['tool-agent-mcp-error']);
    await typeAndSend(chat, 'Hi');
    await waitIdle(chat);
    expect(assistantText(chat)).to.contain('Without the down server.');
    const note = find(chat, '[part~="turn-note"]')?.textContent ?? '';
    expect(note).to.contain('The tools of "down" are not available for this answer');
    expect(events).to.have.length(1);
    const detail = (events[0] as ToolAgentMcpErrorEvent).detail;
    expect(detail.server).to.equal('down');
    expect(detail.error.kind).to.equal('unreachable');
    const offered = await offeredTools(script);
    expect(offered).to.include('docs__echo');
    expect(offered.some((name) => name.startsWith('down__'))).to.equal(false);
  });

  it('names the CORS header a server must send', async () => {
    const origin = await mcpOrigin();
    const { chat } = await chatOn([textReply(['ok'])], (c) => {
      c.mcpServers = [{ name: 'strict', url: `${origin}/no-cors/mcp` }];
    });
    await typeAndSend(chat, 'Hi');
    await waitIdle(chat);
    expect(find(chat, '[part~="turn-note"]')?.textContent).to.contain(
      'Access-Control-Allow-Origin',
    );
  });

  it('stops while a server is still connecting: nothing is sent, and the next turn tries again', async () => {
    const origin = await mcpOrigin();
    const { chat, script } = await chatOn([textReply(['Answered.'])], (c) => {
      c.mcpServers = [{ name: 'slow', url: `${origin}/hang/mcp` }];
    });
    await typeAndSend(chat, 'Hi');
    await waitFor(() => chat.running, 'the turn to start');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(chat.running).to.equal(true);
    find(chat, '[part~="stop-button"]')?.click();
    await waitIdle(chat);
    expect(await script.requests()).to.have.length(0);
    expect(chat.messages.map((message) => message.role)).to.deep.equal(['user']);
    // A server that works now is connected on the next turn.
    chat.mcpServers = [{ name: 'docs', url: `${origin}/open/mcp` }];
    await typeAndSend(chat, 'Again');
    await waitIdle(chat);
    expect(await offeredTools(script)).to.include('docs__echo');
    expect(assistantText(chat)).to.contain('Answered.');
  });

  it('keeps the session when the page sets equal servers again (a framework re-rendering)', async () => {
    const origin = await mcpOrigin();
    const servers = (timeout = 60_000) => [
      {
        name: 'docs',
        url: `${origin}/auth/mcp`,
        bearerToken: 'test-token',
        headers: { 'X-Tenant': 'acme' },
        timeout,
      },
    ];
    const before = await settledDeletions();
    const { chat, script } = await chatOn([textReply(['a'])], (c) => (c.mcpServers = servers()));
    await typeAndSend(chat, 'One');
    await waitIdle(chat);
    expect(await offeredTools(script)).to.include('docs__echo');
    chat.mcpServers = servers();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await mcpState()).deletedSessions.length).to.equal(before);
    // A real change (another timeout) does reconnect.
    chat.mcpServers = servers(30_000);
    await waitForState((state) => state.deletedSessions.length === before + 1);
  });

  it('closes the old session when the servers change', async () => {
    const origin = await mcpOrigin();
    const before = await settledDeletions();
    const { chat } = await chatOn([textReply(['a']), textReply(['b'])], (c) => {
      c.mcpServers = [{ name: 'docs', url: `${origin}/open/mcp` }];
    });
    await typeAndSend(chat, 'One');
    await waitIdle(chat);
    chat.mcpServers = [];
    await waitForState((state) => state.deletedSessions.length === before + 1);
    await typeAndSend(chat, 'Two');
    await waitIdle(chat);
    expect(assistantText(chat)).to.contain('b');
  });

  it('fails the turn, naming the problem, when two servers share a name', async () => {
    const origin = await mcpOrigin();
    const { chat } = await chatOn([textReply(['never'])], (c) => {
      c.mcpServers = [
        { name: 'docs', url: `${origin}/open/mcp` },
        { name: 'docs', url: `${origin}/open/mcp` },
      ];
    });
    await typeAndSend(chat, 'Hi');
    await waitIdle(chat);
    expect(find(chat, '[part~="error-detail"]')?.textContent).to.contain('share a name');
  });
});
