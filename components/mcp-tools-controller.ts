import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ToolRegistry, type AnyFunctionTool } from '../src/index.js';
import type { McpServerConnection, McpServerError, McpServerOptions } from '../src/mcp/index.js';

/** An MCP server whose tools could not be offered for a turn, and why. */
export interface McpToolsProblem {
  readonly server: string;
  readonly error: McpServerError;
}

/** What a turn gets from the element's MCP servers. */
export interface McpTools {
  /** The connected servers' tools (`server__tool`). */
  readonly tools: readonly AnyFunctionTool[];
  /** One per server that could not be connected this time (it is tried again next turn). */
  readonly problems: readonly McpToolsProblem[];
}

const none: McpTools = { tools: [], problems: [] };

/**
 * The element's MCP servers: connected on the first turn that needs them (the MCP entry is loaded
 * only then, so pages without servers never fetch it), kept for later turns, and closed when the
 * servers change or the element leaves the page. A server that fails is reported for that turn
 * and tried again on the next; the others' tools are offered regardless.
 */
export class McpToolsController implements ReactiveController {
  readonly #onError: (problem: McpToolsProblem) => void;
  #servers: readonly McpServerOptions[] = [];
  // Connections by server name: a live one, or the attempt under way.
  #connections = new Map<string, Promise<McpServerConnection>>();
  // The tools of every connected server, kept in step with their list changes.
  #registry = new ToolRegistry();

  constructor(host: ReactiveControllerHost, onError: (problem: McpToolsProblem) => void) {
    this.#onError = onError;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#closeAll();
  }

  /**
   * Takes the servers to use from now on; connections to the previous ones are closed. The same
   * servers again (a framework re-rendering with a new but equal array) keep their connections.
   */
  set servers(servers: readonly McpServerOptions[] | undefined) {
    const next = servers ?? [];
    if (sameServers(this.#servers, next)) {
      this.#servers = next;
      return;
    }
    this.#closeAll();
    this.#servers = next;
  }

  /**
   * Connects the servers not yet connected and returns every connected server's tools. Never
   * rejects for a server's failure (that is a problem of this turn); rejects only when `signal` aborts.
   * @throws TypeError when two servers share a name (a page's mistake, reported like a bad option).
   */
  async tools(signal: AbortSignal): Promise<McpTools> {
    const servers = this.#servers;
    if (servers.length === 0) return none;
    const names = new Set(servers.map((server) => server.name));
    if (names.size !== servers.length)
      throw new TypeError('Two MCP servers in `mcpServers` share a name: names must be unique.');
    const { McpServerConnection } = await import('../src/mcp/index.js');
    const registry = this.#registry;
    const connections = this.#connections;
    const outcomes = await Promise.allSettled(
      servers.map((server) => {
        let connection = connections.get(server.name);
        if (!connection) {
          connection = McpServerConnection.connect(server, {
            toolRegistry: registry,
            signal,
            onError: (error) => this.#onError({ server: server.name, error }),
          });
          connections.set(server.name, connection);
          // A failed or aborted attempt is forgotten, so the next turn tries again.
          connection.catch(() => {
            if (connections.get(server.name) === connection) connections.delete(server.name);
          });
        }
        return connection;
      }),
    );
    signal.throwIfAborted();
    // The servers were replaced meanwhile: these tools belong to connections now closing.
    if (registry !== this.#registry) return none;
    const problems: McpToolsProblem[] = [];
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'fulfilled') return;
      const server = servers[i]!.name;
      // connect() rejects with an McpServerError for every failure but an abort (thrown above).
      const error = outcome.reason as McpServerError;
      problems.push({ server, error });
      this.#onError({ server, error });
    });
    return { tools: registry.getTools(), problems };
  }

  #closeAll(): void {
    const connections = [...this.#connections.values()];
    this.#connections = new Map();
    this.#registry = new ToolRegistry();
    for (const connection of connections)
      void connection.then(
        (live) => live.close(),
        () => undefined,
      );
  }
}

/** True when two server lists would connect the same way (functions compared by identity). */
function sameServers(a: readonly McpServerOptions[], b: readonly McpServerOptions[]): boolean {
  return a.length === b.length && a.every((server, i) => sameServer(server, b[i]!));
}

function sameServer(a: McpServerOptions, b: McpServerOptions): boolean {
  return (
    a === b ||
    (a.name === b.name &&
      String(a.url) === String(b.url) &&
      a.bearerToken === b.bearerToken &&
      JSON.stringify(a.headers ?? {}) === JSON.stringify(b.headers ?? {}) &&
      a.requiresApproval === b.requiresApproval &&
      a.timeout === b.timeout &&
      a.connectTimeout === b.connectTimeout &&
      a.fetch === b.fetch)
  );
}
