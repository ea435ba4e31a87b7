/**
 * `tool-agents/chat`: registers `<tool-agent-chat>` and exports its class, event types and strings.
 * @packageDocumentation
 */
import { ToolAgentChat } from './tool-agent-chat.js';

export { ToolAgentChat } from './tool-agent-chat.js';
export { defaultChatStrings, type ChatStrings } from './chat-strings.js';
export {
  ToolAgentChunkEvent,
  ToolAgentErrorEvent,
  ToolAgentMcpErrorEvent,
  ToolAgentResponseEvent,
  ToolAgentStorageErrorEvent,
  ToolAgentSubmitEvent,
  ToolAgentToolCallEvent,
  type ToolAgentChunkDetail,
  type ToolAgentErrorDetail,
  type ToolAgentMcpErrorDetail,
  type ToolAgentResponseDetail,
  type ToolAgentStorageErrorDetail,
  type StorageErrorKind,
  type ToolAgentSubmitDetail,
  type ToolAgentToolCallDetail,
} from './chat-events.js';

// A second copy of the bundle on one page must not throw on a repeated definition.
if (!customElements.get('tool-agent-chat')) customElements.define('tool-agent-chat', ToolAgentChat);
