import { connectFailure, type McpServerError } from './mcp-server-error.js';
import {
  McpServerConnection,
  type McpConnectOptions,
  type McpServerOptions,
} from './mcp-server-connection.js';

/** What {@link connectMcpServers} got: the servers that connected and why the others did not. */
export interface McpServersConnection {
  /** Connected servers, in the order given. */
  readonly connections: readonly McpServerConnection[];
  /** One error per server that did not connect, in the order given. */
  readonly failures: readonly McpServerError[];
  /** Closes every connection (their tools leave the registry). */
  close(): Promise<void>;
}

/**
 * Connects to several MCP servers at once; one that fails does not stop the others. Their
 * tools go into `toolRegistry` (namespaced, so they never clash). Rejects only when `signal`
 * aborts (then nothing stays connected).
 */
export async function connectMcpServers(
  servers: readonly McpServerOptions[],
  options: McpConnectOptions = {},
): Promise<McpServersConnection> {
  const names = new Set<string>();
  for (const server of servers) {
    if (names.has(server.name))
      throw new TypeError(`Two MCP servers are named "${server.name}": names must be unique.`);
    names.add(server.name);
  }
  const settled = await Promise.allSettled(
    servers.map((server) => McpServerConnection.connect(server, options)),
  );
  const connections: McpServerConnection[] = [];
  const failures: McpServerError[] = [];
  settled.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') connections.push(outcome.value);
    else {
      // connect() rejects with an McpServerError for every failure but an abort, handled below.
      failures.push(connectFailure(servers[i]?.name ?? String(i), outcome.reason));
    }
  });
  const close = async (): Promise<void> => {
    await Promise.allSettled(connections.map((connection) => connection.close()));
  };
  if (options.signal?.aborted) {
    await close();
    throw options.signal.reason;
  }
  return { connections, failures, close };
}
