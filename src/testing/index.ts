/**
 * `tool-agents/testing`: a scripted OpenAI-compatible endpoint for tests and demos.
 * Build replies with the SSE builders, then answer them in-process with {@link createScriptedFetch}.
 * No DOM needed: runs in browsers, workers and Node 20+.
 *
 * @packageDocumentation
 */
export type {
  RecordedRequest,
  ScriptedChunk,
  ScriptedReply,
  ScriptedReplyFunction,
} from './scripted-reply.js';
export type { ScriptedFetch } from './create-scripted-fetch.js';
export { createScriptedFetch } from './create-scripted-fetch.js';
export { noScriptedReplyCode } from './no-reply-left.js';
export type { StreamReplyOptions, WireUsage } from './reply-options.js';
export type { TextReplyOptions } from './text-reply.js';
export { textReply } from './text-reply.js';
export type { ScriptedToolCall, ToolCallReplyOptions } from './tool-call-reply.js';
export { toolCallReply } from './tool-call-reply.js';
export type { ErrorReplyOptions } from './error-reply.js';
export { errorReply } from './error-reply.js';
export type { StreamErrorReplyOptions } from './stream-error-reply.js';
export { streamErrorReply } from './stream-error-reply.js';
export type { SSEEventsOptions } from './sse-events.js';
export { sseEvent, sseEvents } from './sse-events.js';
export type { RandomSplit, SplitBodyOptions, SplitMode } from './split-body.js';
export { splitBody } from './split-body.js';
export { replyBody, replyText } from './reply-body.js';
export type { DemoIntent, DemoModelOptions, DemoSkill } from './demo-model.js';
export { createDemoModel } from './demo-model.js';
export type {
  DemoModelContext,
  DemoToolCallSeen,
  DemoToolResult,
  DemoWireMessage,
} from './demo-model-context.js';
export type {
  DemoPacing,
  DemoToolCall,
  DemoTurn,
  DemoTurnReplyOptions,
} from './demo-model-reply.js';
export { demoTurnReply } from './demo-model-reply.js';
