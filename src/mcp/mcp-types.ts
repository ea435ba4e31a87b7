// The MCP shapes our public API speaks, written out so that the published types need no SDK
// (the SDK's client is bundled into dist/mcp.js; pages do not install it).

/** A tool as an MCP server lists it. */
export interface McpToolInfo {
  /** The tool's name on its server (not namespaced). */
  readonly name: string;
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  /** The arguments' JSON Schema (always an object schema). */
  readonly inputSchema: { readonly type: 'object'; readonly [keyword: string]: unknown };
  /** The JSON Schema of `structuredContent`, when the tool declares one. */
  readonly outputSchema?:
    { readonly type: 'object'; readonly [keyword: string]: unknown } | undefined;
  /** The server's hints about the tool: its own claims, not guarantees. */
  readonly annotations?:
    | {
        readonly title?: string | undefined;
        readonly readOnlyHint?: boolean | undefined;
        readonly destructiveHint?: boolean | undefined;
        readonly idempotentHint?: boolean | undefined;
        readonly openWorldHint?: boolean | undefined;
      }
    | undefined;
}

/** One part of a tool result's `content`. */
export type McpContentPart =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'image' | 'audio'; readonly data: string; readonly mimeType: string }
  | {
      readonly type: 'resource';
      readonly resource: {
        readonly uri: string;
        readonly mimeType?: string | undefined;
        readonly text?: string | undefined;
        readonly blob?: string | undefined;
      };
    }
  | {
      readonly type: 'resource_link';
      readonly uri: string;
      readonly name: string;
      readonly title?: string | undefined;
      readonly description?: string | undefined;
      readonly mimeType?: string | undefined;
    };

/** A `tools/call` result as the server sent it. */
export interface McpCallToolResult {
  readonly content: readonly McpContentPart[];
  readonly structuredContent?: Readonly<Record<string, unknown>> | undefined;
  readonly isError?: boolean | undefined;
}
