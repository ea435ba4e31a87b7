/**
 * tool-agents/mcp: tools of MCP servers (Streamable HTTP) in a `ToolRegistry`, in the browser.
 * An entry of its own: pages that never use MCP load none of it.
 * @packageDocumentation
 */
export {
  McpServerConnection,
  type McpApprovalPolicy,
  type McpConnectOptions,
  type McpServerOptions,
} from './mcp-server-connection.js';
export type { McpCallToolResult, McpContentPart, McpToolInfo } from './mcp-types.js';
export { connectMcpServers, type McpServersConnection } from './connect-mcp-servers.js';
export {
  McpServerError,
  isMcpServerError,
  type McpServerErrorKind,
  type McpServerErrorOptions,
} from './mcp-server-error.js';
export { corsAdvice } from './describe-mcp-failure.js';
export { mcpToolName } from './mcp-tool-name.js';
export { mediaNotShownNote, toModelResult, type McpContentForModel } from './mcp-tool-result.js';
