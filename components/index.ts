/**
 * `tool-agents/chat`: registers `<tool-agent-chat>` and exports its class, event types and strings.
 * @packageDocumentation
 */
import { ToolAgentChat } from './tool-agent-chat.js';

export { ToolAgentChat } from './tool-agent-chat.js';
export { defaultChatStrings, type ChatStrings } from './chat-strings.js';
export {
  ToolAgentBranchEvent,
  ToolAgentChunkEvent,
  ToolAgentErrorEvent,
  ToolAgentMcpErrorEvent,
  ToolAgentNewConversationEvent,
  ToolAgentResponseEvent,
  ToolAgentSendEvent,
  ToolAgentStopEvent,
  ToolAgentStorageErrorEvent,
  ToolAgentSubmitEvent,
  ToolAgentToolCallEvent,
  type BranchAction,
  type SendSource,
  type ToolAgentBranchDetail,
  type ToolAgentChunkDetail,
  type ToolAgentNewConversationDetail,
  type ToolAgentSendDetail,
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
