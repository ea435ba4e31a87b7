/**
 * tool-agents: a tool-using, streaming LLM agent for the browser.
 * @packageDocumentation
 */
export {
  ChatToolAgent,
  type ChatToolAgentOptions,
  type ChatRequestOptions,
} from './agents/chat-tool-agent.js';
export { ChatTurn, type TurnListener } from './agents/chat-turn.js';
export {
  estimateMessageTokens,
  estimateTextTokens,
  type TokenEstimator,
} from './agents/token-estimate.js';
export {
  applyEvent,
  callAt,
  initialTurnState,
  stepAt,
  type StepEnd,
  type ToolCallStatus,
  type TurnState,
  type TurnStatus,
  type TurnStep,
  type TurnToolCall,
} from './turn/turn-state.js';
export type { StepCall, TurnEvent, TurnEventType } from './turn/turn-event.js';
export { toolResultStatus, turnMessages } from './turn/turn-messages.js';
export { turnFromMessages } from './turn/turn-from-messages.js';
export type {
  ChatResponse,
  ChatResponseChunk,
  ChatResponseChunkType,
  ContextTrimmed,
  ContextTrimmedChunk,
  FinishReason,
  FinishChunk,
  ReasoningDeltaChunk,
  TextDeltaChunk,
  ToolCallDelta,
  ToolCallDeltaChunk,
  ToolCallReady,
  ToolCallReadyChunk,
  ToolCallResult,
  ToolCallResultChunk,
  ToolCallStart,
  ToolCallStartChunk,
} from './turn/chat-response.js';
export type {
  ToolApprovalDecision,
  ToolApprovalHandler,
  ToolApprovalRequest,
} from './agents/tool-approval.js';
export {
  ChatMessage,
  type ChatMessagePart,
  type ChatRole,
  type ChatUsage,
  type CreateMessageOptions,
  type ImagePart,
  type ReasoningPart,
  type TextPart,
  type ToolCallPart,
  type ToolResultPart,
} from './messages/chat-message.js';
export { ChatHistory, type ChatHistoryOptions } from './messages/chat-history.js';
export type { ChatHistoryJSON } from './messages/chat-history-json.js';
export {
  fromPythonChatHistory,
  toPythonChatHistory,
  toPythonChatHistoryJSON,
} from './messages/python-chat-history-io.js';
export type { PythonExportOptions } from './messages/python-chat-history.js';
export type { PythonChatHistoryJSON } from './messages/python-chat-history-schema.js';
export {
  FunctionTool,
  type FunctionToolOptions,
  type OpenAIToolDefinition,
  type ToolExecutionContext,
} from './tools/function-tool.js';
export {
  JsonSchemaTool,
  type JsonSchemaObject,
  type JsonSchemaToolOptions,
} from './tools/json-schema-tool.js';
export { ToolRegistry, type AnyFunctionTool } from './tools/tool-registry.js';
export { OpenAIChatAPI, type OpenAIChatAPIOptions } from './provider/openai-chat-api.js';
export type {
  ChatAPI,
  ChatRequest,
  ProviderEvent,
  ProviderStepResult,
  ProviderToolCall,
} from './provider/chat-api.js';
export type { ChatSettings, ResponseFormat, ToolChoice } from './provider/chat-settings.js';
export {
  APIKeyFormatError,
  ContextBudgetError,
  EventTooLargeError,
  HTTPError,
  ImageError,
  ImageTooLargeError,
  ImageURLError,
  IncompleteStreamError,
  MalformedStreamError,
  NetworkError,
  StreamError,
  TimeoutError,
  ToolAgentsError,
  type PartialResponse,
  type ImagePosition,
  type ProviderErrorDetails,
  type TimeoutPhase,
} from './errors.js';
export {
  readEventStream,
  toEventStream,
  toEventStreamResponse,
  type EventStreamOptions,
  type ReadEventStreamOptions,
} from './relay/chunk-event-stream.js';
export { isKeyRejection } from './provider/key-rejection.js';
export {
  diagnoseConnection,
  type ConnectionTarget,
  type DiagnoseConnectionOptions,
} from './provider/diagnose-connection.js';
export { diagnoseConnectionError } from './provider/diagnose-connection-error.js';
export type {
  ConnectionDiagnosis,
  ConnectionDiagnosisContext,
  ConnectionDiagnosisKind,
} from './provider/connection-diagnosis.js';
export { providerOf, type KnownProvider, type ProviderId } from './provider/known-providers.js';
export {
  isAPIKeyFormatError,
  isContextBudgetError,
  isImageError,
  isEventTooLargeError,
  isHTTPError,
  isIncompleteStreamError,
  isMalformedStreamError,
  isNetworkError,
  isStreamError,
  isTimeoutError,
  isToolAgentsError,
} from './error-guards.js';
