import { expect } from 'chai';
import { ChatMessage, ChatToolAgent, OpenAIChatAPI, ToolRegistry } from '../../src/index.js';
import { McpServerConnection, connectMcpServers } from '../../src/mcp/index.js';
import { createScriptedFetch, textReply, toolCallReply } from '../../src/testing/index.js';
import { mcpOrigin, unreachableURL } from './mcp-servers.js';

interface WireBody {
  readonly messages: readonly { role: string; content: unknown; tool_call_id?: string }[];
  readonly tools?: readonly { function: { name: string; parameters: Record<string, unknown> } }[];
}

describe('ChatToolAgent with an MCP server', () => {
  it('offers the MCP tools, asks approval, calls the tool on the server and feeds the result back', async () => {
    const toolRegistry = new ToolRegistry();
    const connection = await McpServerConnection.connect(
      { name: 'docs', url: `${await mcpOrigin()}/open/mcp` },
      { toolRegistry },
    );
    try {
      const scripted = createScriptedFetch([
        toolCallReply([{ id: 'call_echo', name: 'docs__echo', arguments: { text: 'pong' } }]),
        textReply(['The server said pong.']),
      ]);
      const agent = new ChatToolAgent({
        chatApi: new OpenAIChatAPI({ model: 'm', fetch: scripted.fetch, maxRetries: 0 }),
      });
      const asked: string[] = [];
      const response = await agent.getResponse({
        messages: [ChatMessage.createUserMessage('Ping the server.')],
        toolRegistry,
        approveToolCall: (request) => {
          asked.push(request.name);
          return true;
        },
      });
      expect(asked).to.deep.equal(['docs__echo']);
      expect(response.response).to.equal('The server said pong.');
      const [first, second] = scripted.requests.map((request) => request.body as WireBody);
      const offered = first?.tools?.find((tool) => tool.function.name === 'docs__echo');
      expect(offered?.function.parameters).to.deep.include({ type: 'object', required: ['text'] });
      const toolMessage = second?.messages.find((message) => message.role === 'tool');
      expect(toolMessage).to.deep.include({ tool_call_id: 'call_echo', content: '"pong"' });
    } finally {
      await connection.close();
    }
  });

  it('finishes the turn when one server is down and another goes away mid-call', async () => {
    const toolRegistry = new ToolRegistry();
    const origin = await mcpOrigin();
    const mcp = await connectMcpServers(
      [
        { name: 'down', url: unreachableURL },
        { name: 'flaky', url: `${origin}/open/mcp`, requiresApproval: false },
        { name: 'steady', url: `${origin}/open/mcp`, requiresApproval: false },
      ],
      { toolRegistry },
    );
    try {
      expect(mcp.failures.map((failure) => failure.server)).to.deep.equal(['down']);
      const scripted = createScriptedFetch([
        toolCallReply([
          { id: 'call_a', name: 'flaky__vanish', arguments: {} },
          { id: 'call_b', name: 'steady__echo', arguments: { text: 'still here' } },
        ]),
        textReply(['One tool failed, one answered.']),
      ]);
      const agent = new ChatToolAgent({
        chatApi: new OpenAIChatAPI({ model: 'm', fetch: scripted.fetch, maxRetries: 0 }),
      });
      const response = await agent.getResponse({
        messages: [ChatMessage.createUserMessage('Try both.')],
        toolRegistry,
      });
      expect(response.response).to.equal('One tool failed, one answered.');
      const second = scripted.requests[1]?.body as WireBody;
      const results = second.messages.filter((message) => message.role === 'tool');
      expect(results.map((message) => message.tool_call_id)).to.deep.equal(['call_a', 'call_b']);
      expect(String(results[0]?.content)).to.contain('was lost during the call');
      expect(results[1]?.content).to.equal('"still here"');
    } finally {
      await mcp.close();
    }
  });
});
