import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { durationOption } from '../internal/check-option.js';
import { defaultToolTimeoutMs } from '../tools/function-tool.js';
import { JsonSchemaTool } from '../tools/json-schema-tool.js';
import type { ToolRegistry } from '../tools/tool-registry.js';
import { describeMcpFailure, type McpFailureContext } from './describe-mcp-failure.js';
import { McpServerError, connectFailure } from './mcp-server-error.js';
import { mcpToolName } from './mcp-tool-name.js';
import { resultText, toModelResult } from './mcp-tool-result.js';
import type { McpCallToolResult, McpToolInfo } from './mcp-types.js';

/**
 * Which of a server's tools wait for the user's approval: `true` (all, the default: a remote
 * tool is a remote action), `false` (none), or a function deciding per tool. A server's
 * `annotations` (`readOnlyHint`...) are its own claims: trust them only for servers you trust.
 */
export type McpApprovalPolicy = boolean | ((tool: McpToolInfo) => boolean);

/** One MCP server to connect to. */
export interface McpServerOptions {
  /** Short name; the namespace of its tools (`name__tool`). Sanitised like tool names. */
  readonly name: string;
  /** The Streamable HTTP endpoint, e.g. `https://example.com/mcp`. */
  readonly url: string | URL;
  /** Sent as `Authorization: Bearer <token>`; never put in an error message. */
  readonly bearerToken?: string;
  /** Extra request headers (an API key header, a tenant). The server's CORS must allow them. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Which tools need approval. Default `true`: all of them. */
  readonly requiresApproval?: McpApprovalPolicy;
  /** Longest run time of one tool call in ms (the call is cancelled then). Default 120 000; `Infinity` for none. */
  readonly timeout?: number;
  /** Longest wait in ms for connecting and for listing tools. Default 30 000. */
  readonly connectTimeout?: number;
  /** A `fetch` to use instead of the global one (a proxy, a test double). */
  readonly fetch?: typeof globalThis.fetch;
}

/** What a connection does with its tools and its troubles. */
export interface McpConnectOptions {
  /** A registry that gets the server's tools on connect, is kept in step on list changes, and loses them on `close()`. */
  readonly toolRegistry?: ToolRegistry;
  /** Aborts connecting. */
  readonly signal?: AbortSignal;
  /** Called after the tool list changed (a `notifications/tools/list_changed` was applied). */
  readonly onToolsChanged?: (tools: readonly JsonSchemaTool[]) => void;
  /** Failures after connecting that no call is waiting for (a refresh that failed, a lost stream). */
  readonly onError?: (error: McpServerError) => void;
}

const defaultConnectTimeoutMs = 30_000;
// setTimeout treats anything above 2^31 - 1 ms as 1 ms.
const maxTimerMs = 2 ** 31 - 1;
// The SDK's own request timer must not beat the tool's: ours says "did not finish within N ms".
const sdkTimerSlackMs = 5_000;
const clientInfo = { name: 'tool-agents', version: '0.1.0' };

/**
 * A live connection to one MCP server over Streamable HTTP (the official SDK's client, browser
 * transport only, with its CSP-safe cfworker JSON Schema validator instead of Ajv). Its tools
 * are {@link JsonSchemaTool}s named `server__tool`: their schema goes to the model as the
 * server wrote it, arguments are checked against it before the call, calls carry the turn's
 * `signal` (aborting sends `notifications/cancelled`), and results become what the model reads
 * (see `toModelResult`); an `isError` result or a failure becomes an error result.
 */
export class McpServerConnection {
  /** The server's name (the tools' namespace). */
  readonly name: string;
  /** The endpoint. */
  readonly url: URL;
  readonly #client: Client;
  readonly #transport: StreamableHTTPClientTransport;
  readonly #options: McpServerOptions;
  readonly #connect: McpConnectOptions;
  readonly #timeout: number;
  readonly #connectTimeout: number;
  readonly #failure: Omit<McpFailureContext, 'doing'>;
  // Calls in flight: aborted with an error when the connection is lost under them.
  readonly #inFlight = new Set<AbortController>();
  #tools: readonly JsonSchemaTool[] = [];
  #closed = false;
  #refreshing: Promise<void> | undefined;

  private constructor(options: McpServerOptions, connect: McpConnectOptions) {
    this.name = options.name;
    this.url = new URL(options.url, typeof location === 'undefined' ? undefined : location.href);
    this.#options = options;
    this.#connect = connect;
    this.#timeout = durationOption('timeout', options.timeout, defaultToolTimeoutMs);
    this.#connectTimeout = durationOption(
      'connectTimeout',
      options.connectTimeout,
      defaultConnectTimeoutMs,
    );
    const headers: Record<string, string> = { ...options.headers };
    if (options.bearerToken !== undefined)
      headers['Authorization'] = `Bearer ${options.bearerToken.trim()}`;
    const fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#failure = {
      server: options.name,
      url: this.url,
      fetch,
      extraHeaderNames: Object.keys(headers),
      hasSession: () => this.#transport.sessionId !== undefined,
    };
    this.#transport = new StreamableHTTPClientTransport(this.url, {
      requestInit: { headers },
      fetch,
    });
    this.#client = new Client(clientInfo, {
      capabilities: {},
      // Ajv compiles schemas with `new Function`, which a strict CSP refuses; cfworker interprets them.
      jsonSchemaValidator: new CfWorkerJsonSchemaValidator(),
    });
    this.#client.onerror = (error) => this.#lost(error);
  }

  /**
   * Connects, lists the server's tools and (with `toolRegistry`) registers them. Rejects with an
   * {@link McpServerError} saying what failed (`unreachable`, `cors`, `http`, `protocol`,
   * `timeout`), or with the signal's reason when aborted.
   */
  static async connect(
    options: McpServerOptions,
    connect: McpConnectOptions = {},
  ): Promise<McpServerConnection> {
    const connection = new McpServerConnection(options, connect);
    try {
      await connection.#open();
      return connection;
    } catch (error) {
      await connection.close().catch(() => undefined);
      if (connect.signal?.aborted) throw connect.signal.reason;
      throw connectFailure(options.name, error);
    }
  }

  /** The server's tools, as registered (the latest list). */
  get tools(): readonly JsonSchemaTool[] {
    return this.#tools;
  }

  /** The server's name and version as it reported them, once connected. */
  get serverInfo(): { readonly name: string; readonly version: string } | undefined {
    return this.#client.getServerVersion();
  }

  /** Whether {@link close} was called. */
  get closed(): boolean {
    return this.#closed;
  }

  async #open(): Promise<void> {
    const signal = this.#connect.signal;
    try {
      await this.#client.connect(this.#transport, {
        timeout: Math.min(this.#connectTimeout, maxTimerMs),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      throw await describeMcpFailure(error, { ...this.#failure, doing: 'connecting' });
    }
    this.#client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      this.refreshTools().catch((error: unknown) => {
        if (error instanceof McpServerError) this.#connect.onError?.(error);
      });
    });
    this.#applyTools(await this.#listTools());
  }

  async #listTools(): Promise<McpToolInfo[]> {
    const tools: McpToolInfo[] = [];
    let cursor: string | undefined;
    try {
      do {
        const page = await this.#client.listTools(cursor === undefined ? {} : { cursor }, {
          timeout: Math.min(this.#connectTimeout, maxTimerMs),
          ...(this.#connect.signal ? { signal: this.#connect.signal } : {}),
        });
        tools.push(...page.tools);
        cursor = page.nextCursor;
      } while (cursor !== undefined && tools.length < 10_000);
    } catch (error) {
      throw await describeMcpFailure(error, {
        ...this.#failure,
        doing: 'listing tools',
        connected: true,
      });
    }
    return tools;
  }

  /**
   * Lists the tools again and swaps them into the registry (done by itself when the server sends
   * `notifications/tools/list_changed`). Concurrent refreshes share one request.
   */
  refreshTools(): Promise<void> {
    this.#refreshing ??= (async () => {
      try {
        this.#applyTools(await this.#listTools());
        this.#connect.onToolsChanged?.(this.#tools);
      } finally {
        this.#refreshing = undefined;
      }
    })();
    return this.#refreshing;
  }

  #applyTools(list: readonly McpToolInfo[]): void {
    if (this.#closed) return;
    const taken = new Set<string>();
    const tools: JsonSchemaTool[] = [];
    for (const info of list) {
      try {
        tools.push(this.#toTool(info, mcpToolName(this.name, info.name, taken)));
      } catch (error) {
        // One tool with a schema we cannot offer must not cost the server its other tools.
        this.#connect.onError?.(
          new McpServerError(
            'protocol',
            this.name,
            `Tool "${info.name}" of MCP server "${this.name}" was left out: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          ),
        );
      }
    }
    const registry = this.#connect.toolRegistry;
    if (registry) {
      const old = this.#tools.filter((tool) => registry.getTool(tool.name) === tool);
      for (const tool of old) registry.removeTool(tool.name);
      try {
        registry.addTools(tools);
      } catch (error) {
        registry.addTools(old);
        throw new McpServerError(
          'protocol',
          this.name,
          `The tools of MCP server "${this.name}" could not be registered: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
    }
    this.#tools = tools;
  }

  #toTool(info: McpToolInfo, name: string): JsonSchemaTool {
    const policy = this.#options.requiresApproval ?? true;
    return new JsonSchemaTool({
      name,
      description: info.description ?? info.title ?? info.annotations?.title ?? info.name,
      parameters: info.inputSchema,
      requiresApproval: typeof policy === 'function' ? policy(info) : policy,
      timeout: this.#timeout,
      execute: (args, { signal }) => this.callTool(info.name, args, signal),
    });
  }

  /**
   * Calls a tool by its name on the server (not the namespaced one) and returns what the model
   * reads. Throws an {@link McpServerError} when the call fails, an `Error` with the tool's text
   * for an `isError` result, and the signal's reason when aborted.
   */
  async callTool(
    name: string,
    args: Readonly<Record<string, unknown>>,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const result = await this.callToolRaw(name, args, signal);
    if (result.isError === true)
      throw new Error(resultText(result) || `The tool "${name}" reported an error.`);
    return toModelResult(result);
  }

  /** Calls a tool and returns the server's result as it came (images included), `isError` or not. */
  async callToolRaw(
    name: string,
    args: Readonly<Record<string, unknown>>,
    signal?: AbortSignal,
  ): Promise<McpCallToolResult> {
    if (this.#closed)
      throw new McpServerError(
        'closed',
        this.name,
        `The connection to MCP server "${this.name}" is closed.`,
      );
    const lost = new AbortController();
    this.#inFlight.add(lost);
    const callSignal = signal ? AbortSignal.any([signal, lost.signal]) : lost.signal;
    try {
      return (await this.#client.callTool({ name, arguments: { ...args } }, undefined, {
        signal: callSignal,
        timeout: Number.isFinite(this.#timeout)
          ? Math.min(this.#timeout + sdkTimerSlackMs, maxTimerMs)
          : maxTimerMs,
      })) as McpCallToolResult;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw await describeMcpFailure(lost.signal.aborted ? lost.signal.reason : error, {
        ...this.#failure,
        doing: `calling "${name}"`,
        connected: true,
      });
    } finally {
      this.#inFlight.delete(lost);
    }
  }

  // The SDK reports a response stream that broke off only here, and leaves the call waiting. It
  // does not say whose stream it was, so every call in flight on this connection fails with it.
  #lost(error: Error): void {
    if (this.#closed) return;
    const broken = /SSE stream disconnected|Failed to reconnect|terminated|network/i.test(
      error.message,
    );
    if (broken && this.#inFlight.size > 0) {
      const reason = new McpServerError(
        'closed',
        this.name,
        `The connection to MCP server "${this.name}" was lost during the call: ${error.message}`,
        { cause: error },
      );
      for (const call of this.#inFlight) call.abort(reason);
    }
    if (broken)
      this.#connect.onError?.(
        new McpServerError('closed', this.name, error.message, { cause: error }),
      );
  }

  /**
   * Ends the session: removes the tools from the registry, sends the HTTP DELETE that ends the
   * MCP session (a server that refuses it changes nothing), and closes the client. Safe to call
   * twice.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const registry = this.#connect.toolRegistry;
    if (registry)
      for (const tool of this.#tools)
        if (registry.getTool(tool.name) === tool) registry.removeTool(tool.name);
    this.#tools = [];
    this.#client.onerror = () => undefined;
    try {
      if (this.#transport.sessionId !== undefined) await this.#transport.terminateSession();
    } catch {
      // The server may be gone already; the session ends with it.
    } finally {
      await this.#client.close();
    }
  }
}
