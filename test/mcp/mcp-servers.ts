/** Where the test MCP servers listen (test/server/mcp-test-server.mjs, started by the test runner's config). */
export async function mcpOrigin(): Promise<string> {
  const response = await fetch('/__mcp__/servers');
  return ((await response.json()) as { origin: string }).origin;
}

/** What the test servers saw. */
export interface McpServerState {
  readonly cancelled: string[];
  readonly deletedSessions: string[];
}

/** Reads what the test servers saw. */
export async function mcpState(): Promise<McpServerState> {
  return (await (await fetch(`${await mcpOrigin()}/state`)).json()) as McpServerState;
}

/** Polls until `done` holds (the server learns of a cancel or a DELETE a moment later). */
export async function waitForState(
  done: (state: McpServerState) => boolean,
  timeoutMs = 3000,
): Promise<McpServerState> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = await mcpState();
    if (done(state)) return state;
    if (Date.now() > until)
      throw new Error(`MCP server state never matched: ${JSON.stringify(state)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A port with nothing listening (the discard port; connections are refused at once). */
export const unreachableURL = 'http://127.0.0.1:9/mcp';
