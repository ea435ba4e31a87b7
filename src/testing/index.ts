/**
 * `tool-agents/testing`: a scripted OpenAI-compatible endpoint for tests and demos.
 * Build replies with the SSE builders, then answer them in-process with {@link createScriptedFetch};
 * record a real turn with {@link createRecorder} and play it back with {@link replayFetch}.
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
export type {
  RecordedChunk,
  RecordedEnd,
  RecordedEvent,
  RecordedExchange,
  RecordedRequestSummary,
  RecordedResponse,
  Recording,
} from './recording.js';
export { recordingVersion } from './recording.js';
export type { Recorder, RecorderOptions, RecordingDetails } from './create-recorder.js';
export { createRecorder } from './create-recorder.js';
export { defaultKeptHeaders } from './record-response.js';
export { parseRecording } from './parse-recording.js';
export type { RecordingProblem } from './recording-format-error.js';
export { RecordingFormatError } from './recording-format-error.js';
export type { ReplayOptions } from './recording-replies.js';
export { recordingReplies } from './recording-replies.js';
export { recordingExhaustedCode, replayFetch } from './replay-fetch.js';
export type { SSERecordingOptions, SyntheticPacing } from './recording-from-sse.js';
export { recordingFromSSE } from './recording-from-sse.js';
