import { expect } from 'chai';
import { runToolCall } from '../../src/agents/run-tool-call.js';
import { ToolRegistry, type ToolCallResult } from '../../src/index.js';
import {
  McpServerConnection,
  McpServerError,
  connectMcpServers,
  isMcpServerError,
  mediaNotShownNote,
  type McpServerOptions,
} from '../../src/mcp/index.js';
import { rejection } from '../agents/agent-kit.js';
import { mcpOrigin, mcpState, unreachableURL, waitForState } from './mcp-servers.js';

const open: McpConnection[] = [];
interface McpConnection {
  close(): Promise<void>;
}

async function server(
  path = 'open',
  options: Partial<McpServerOptions> = {},
  registry = new ToolRegistry(),
): Promise<{ connection: McpServerConnection; registry: ToolRegistry }> {
  const connection = await McpServerConnection.connect(
    { name: 'test', url: `${await mcpOrigin()}/${path}/mcp`, requiresApproval: false, ...options },
    { toolRegistry: registry },
  );
  open.push(connection);
  return { connection, registry };
}

async function call(
  registry: ToolRegistry,
  name: string,
  args: unknown = {},
  signal = new AbortController().signal,
): Promise<ToolCallResult> {
  return runToolCall(
    { id: 'call_1', name, argumentsText: JSON.stringify(args) },
    registry,
    undefined,
    signal,
  );
}

function errorOf(result: ToolCallResult): string {
  return (result.result as { error: string }).error;
}

describe('McpServerConnection (against real SDK servers)', () => {
  afterEach(async () => {
    await Promise.all(open.splice(0).map((connection) => connection.close()));
  });

  it('lists the server tools into the registry, namespaced and described by their JSON Schema', async () => {
    const { connection, registry } = await server();
    expect(connection.serverInfo?.name).to.equal('test-server');
    const names = registry.getTools().map((tool) => tool.name);
    expect(names).to.include.members(['test__echo', 'test__image', 'test__slow', 'test__throw']);
    const echo = registry.getTool('test__echo')!.toOpenAITool();
    expect(echo.function.description).to.equal('Echoes its text.');
    expect(echo.function.parameters).to.deep.include({ type: 'object', required: ['text'] });
    expect(echo.function.parameters).not.to.have.property('$schema');
  });

  it('calls a tool and feeds back its text', async () => {
    const { registry } = await server();
    const result = await call(registry, 'test__echo', { text: 'hi ', times: 2 });
    expect(result.isError).to.equal(false);
    expect(result.result).to.equal('hi hi ');
  });

  it('validates arguments against the JSON Schema before calling the server', async () => {
    const { registry } = await server();
    const result = await call(registry, 'test__echo', { text: 5, times: 9 });
    expect(result.isError).to.equal(true);
    expect(errorOf(result)).to.match(/do not match the tool's schema/);
    expect(errorOf(result)).to.contain('text').and.contain('times');
  });

  it('maps images (described, with a note), resources and structured content', async () => {
    const { registry } = await server();
    const image = await call(registry, 'test__image');
    expect(image.result).to.deep.equal({
      content: [
        { type: 'text', text: 'Here is the pixel.' },
        { type: 'image', mimeType: 'image/png', bytes: 70, note: mediaNotShownNote },
      ],
    });
    expect(image.resultText).not.to.contain('iVBORw0KGgo');
    const resource = await call(registry, 'test__resource');
    expect(resource.result).to.deep.equal({
      content: [
        { type: 'resource', uri: 'file:///notes.txt', mimeType: 'text/plain', text: 'Buy milk.' },
        {
          type: 'resource',
          uri: 'file:///logo.bin',
          mimeType: 'application/octet-stream',
          bytes: 3,
          note: 'Binary content, not shown to you.',
        },
        { type: 'resource_link', uri: 'file:///big.csv', name: 'big.csv', mimeType: 'text/csv' },
      ],
    });
    const structured = await call(registry, 'test__structured', { city: 'Bern' });
    expect(structured.result).to.deep.equal({ city: 'Bern', celsius: 21 });
  });

  it('gives the model an error result for an isError result and for a tool that threw', async () => {
    const { registry } = await server();
    const failed = await call(registry, 'test__fail');
    expect(failed.isError).to.equal(true);
    expect(errorOf(failed)).to.equal('The tool failed: The disk is full.');
    const crashed = await call(registry, 'test__crash');
    expect(crashed.isError).to.equal(true);
    expect(errorOf(crashed)).to.contain('The handler crashed.');
  });

  it('turns a JSON-RPC error into a typed protocol error, read by the model as an error result', async () => {
    const { connection, registry } = await server();
    const error = await rejection(connection.callTool('throw', {}));
    expect(error).to.be.an.instanceOf(McpServerError);
    expect(error).to.include({ kind: 'protocol', server: 'test', code: -32603 });
    expect((error as Error).message).to.contain('The database is on fire.');
    expect((error as Error).message).not.to.contain('MCP error -32603: MCP error');
    const result = await call(registry, 'test__throw');
    expect(errorOf(result)).to.contain('The database is on fire.');
  });

  it('aborts a call with the turn signal and cancels it on the server', async () => {
    const { registry } = await server();
    const controller = new AbortController();
    const running = call(registry, 'test__slow', { tag: 'abort-1' }, controller.signal);
    setTimeout(() => controller.abort(new Error('stopped by the user')), 200);
    const error = await rejection(running);
    expect((error as Error).message).to.equal('stopped by the user');
    await waitForState((state) => state.cancelled.includes('abort-1'));
  });

  it('stops a call that runs past its timeout with an error result, and cancels it', async () => {
    const { registry } = await server('open', { timeout: 300 });
    const result = await call(registry, 'test__slow', { tag: 'timeout-1' });
    expect(result.isError).to.equal(true);
    expect(errorOf(result)).to.contain('did not finish within 300 ms');
    await waitForState((state) => state.cancelled.includes('timeout-1'));
  });

  it('refreshes the registry on notifications/tools/list_changed', async () => {
    const changed: string[][] = [];
    const registry = new ToolRegistry();
    const connection = await McpServerConnection.connect(
      { name: 'live', url: `${await mcpOrigin()}/open/mcp`, requiresApproval: false },
      {
        toolRegistry: registry,
        onToolsChanged: (tools) => changed.push(tools.map((tool) => tool.name)),
      },
    );
    open.push(connection);
    expect(registry.getTool('live__extra')).to.equal(undefined);
    expect((await call(registry, 'live__add_tool', { name: 'extra' })).result).to.equal(
      'added extra',
    );
    const until = Date.now() + 3000;
    while (!registry.getTool('live__extra') && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect((await call(registry, 'live__extra')).result).to.equal('extra ran');
    expect(changed.at(-1)).to.include('live__extra');
  });

  it('fails a call with a closed error when the server goes away mid-call', async () => {
    const { registry } = await server();
    const started = Date.now();
    const result = await call(registry, 'test__vanish');
    expect(result.isError).to.equal(true);
    expect(errorOf(result)).to.match(/connection to MCP server "test" was lost/);
    expect(Date.now() - started).to.be.below(5000);
  });

  it('reports an unreachable server as kind "unreachable"', async () => {
    const error = await rejection(
      McpServerConnection.connect({ name: 'gone', url: unreachableURL }),
    );
    expect(isMcpServerError(error)).to.equal(true);
    expect(error).to.include({ kind: 'unreachable', server: 'gone' });
    expect((error as Error).message).to.contain('Could not reach MCP server "gone"');
  });

  it('reports a server without CORS headers as kind "cors", naming the headers it must send', async () => {
    const error = await rejection(
      McpServerConnection.connect({
        name: 'strict',
        url: `${await mcpOrigin()}/no-cors/mcp`,
        headers: { 'X-Tenant': 'acme' },
      }),
    );
    expect(error).to.include({ kind: 'cors', server: 'strict' });
    const message = (error as Error).message;
    expect(message).to.contain(`Access-Control-Allow-Origin: ${location.origin}`);
    expect(message).to.contain('Access-Control-Expose-Headers: Mcp-Session-Id');
    expect(message).to.contain('Mcp-Protocol-Version').and.contain('X-Tenant');
  });

  it('says when the server hides Mcp-Session-Id from the page (no Access-Control-Expose-Headers)', async () => {
    const error = await rejection(
      McpServerConnection.connect({ name: 'hidden', url: `${await mcpOrigin()}/no-expose/mcp` }),
    );
    expect(error).to.include({ kind: 'http', status: 400 });
    expect((error as Error).message).to.contain('Access-Control-Expose-Headers: Mcp-Session-Id');
  });

  it('reports a server that never answers as kind "timeout" after connectTimeout', async () => {
    const error = await rejection(
      McpServerConnection.connect({
        name: 'silent',
        url: `${await mcpOrigin()}/hang/mcp`,
        connectTimeout: 300,
      }),
    );
    expect(error).to.include({ kind: 'timeout', server: 'silent' });
    expect((error as Error).message).to.contain('did not answer in time while connecting');
  });

  it('reports an HTTP error status as kind "http" with the status', async () => {
    const error = await rejection(
      McpServerConnection.connect({ name: 'broken', url: `${await mcpOrigin()}/broken/mcp` }),
    );
    expect(error).to.include({ kind: 'http', status: 500, server: 'broken' });
  });

  it('sends a bearer token and custom headers, and a 401 names the token without leaking it', async () => {
    const refused = await rejection(
      McpServerConnection.connect({
        name: 'auth',
        url: `${await mcpOrigin()}/auth/mcp`,
        bearerToken: 'wrong-token',
        headers: { 'X-Tenant': 'acme' },
      }),
    );
    expect(refused).to.include({ kind: 'http', status: 401 });
    expect((refused as Error).message).to.contain('bearer token');
    expect((refused as Error).message).not.to.contain('wrong-token');
    const { registry } = await server('auth', {
      bearerToken: 'test-token',
      headers: { 'X-Tenant': 'acme' },
    });
    const result = await call(registry, 'test__whoami');
    expect(JSON.parse(result.result as string)).to.deep.equal({
      authorization: 'Bearer test-token',
      tenant: 'acme',
    });
  });

  it('requires approval for every tool by default, unless the policy says otherwise', async () => {
    const { registry } = await server('open', { requiresApproval: undefined as never });
    expect(registry.getTools().every((tool) => tool.requiresApproval)).to.equal(true);
    const denied = await call(registry, 'test__echo', { text: 'x' });
    expect(denied.denied).to.equal(true);
    const perTool = await server('open', {
      name: 'picky',
      requiresApproval: (tool) => tool.name !== 'echo',
    });
    expect(perTool.registry.getTool('picky__echo')!.requiresApproval).to.equal(false);
    expect(perTool.registry.getTool('picky__fail')!.requiresApproval).to.equal(true);
  });

  it('closes the session with a DELETE and takes its tools out of the registry', async () => {
    const { connection, registry } = await server();
    const before = (await mcpState()).deletedSessions.length;
    await connection.close();
    expect(registry.size).to.equal(0);
    await waitForState((state) => state.deletedSessions.length > before);
    const error = await rejection(connection.callTool('echo', { text: 'x' }));
    expect(error).to.include({ kind: 'closed' });
    await connection.close();
  });

  it('connects to several servers: what connected, plus the failures, without taking the others down', async () => {
    const registry = new ToolRegistry();
    const origin = await mcpOrigin();
    const result = await connectMcpServers(
      [
        { name: 'one', url: `${origin}/open/mcp`, requiresApproval: false },
        { name: 'down', url: unreachableURL },
        { name: 'two', url: `${origin}/open/mcp`, requiresApproval: false },
      ],
      { toolRegistry: registry },
    );
    open.push(result);
    expect(result.connections.map((connection) => connection.name)).to.deep.equal(['one', 'two']);
    expect(result.failures.map((failure) => [failure.server, failure.kind])).to.deep.equal([
      ['down', 'unreachable'],
    ]);
    expect((await call(registry, 'one__echo', { text: 'a' })).result).to.equal('a');
    expect((await call(registry, 'two__echo', { text: 'b' })).result).to.equal('b');
  });
});
