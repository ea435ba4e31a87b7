import type { ChatMessage, ChatUsage } from '../messages/chat-message.js';
import type { FinishReason } from '../messages/finish-reason.js';

export type { FinishReason } from '../messages/finish-reason.js';

/** The result of one agent turn (one user message, any number of tool rounds). */
export interface ChatResponse {
  /** Only this turn's new messages: assistant tool-call messages, tool results, the final answer. */
  readonly messages: readonly ChatMessage[];
  /** The final answer's text. */
  readonly response: string;
  readonly finishReason: FinishReason;
  /** Summed over every model request of the turn. */
  readonly usage: ChatUsage;
}

/**
 * A tool call as soon as its name is known, before its arguments are complete.
 *
 * Within a turn, a call is addressed by the chunk's `step` and its `index`, never by `id` alone.
 */
export interface ToolCallStart {
  /**
   * The id sent back to the provider: the provider's own when it is new to the conversation,
   * else rewritten (providers repeat, omit and reuse ids), so it is unique in the conversation.
   */
  readonly id: string;
  readonly name: string;
  /** Position of the call within its step (0-based). */
  readonly index: number;
}

/** A piece of a tool call's arguments, with everything received so far. */
export interface ToolCallDelta {
  readonly id: string;
  /** Position of the call within its step (0-based); with the chunk's `step`, the call's address. */
  readonly index: number;
  readonly name: string;
  readonly argumentsDelta: string;
  /** All argument text received so far (usually incomplete JSON). */
  readonly argumentsText: string;
}

/** A tool call whose arguments are complete, about to run (or to ask for approval). */
export interface ToolCallReady {
  readonly id: string;
  /** Position of the call within its step (0-based); with the chunk's `step`, the call's address. */
  readonly index: number;
  readonly name: string;
  /** The raw argument text. */
  readonly argumentsText: string;
  /** The parsed arguments, or `undefined` when they are not valid JSON. */
  readonly arguments: unknown;
  /** True when the tool is marked `requiresApproval` and will wait for a decision. */
  readonly requiresApproval: boolean;
}

/** The outcome of one tool call. */
export interface ToolCallResult {
  readonly id: string;
  /** Position of the call within its step (0-based); with the chunk's `step`, the call's address. */
  readonly index: number;
  readonly name: string;
  /** The parsed (and schema-validated, when valid) arguments; `undefined` if unparsable. */
  readonly arguments: unknown;
  /** The value returned by `execute`, or `{ error }` on failure. */
  readonly result: unknown;
  /** The JSON text sent back to the model. */
  readonly resultText: string;
  /** True for any failure: unknown tool, bad arguments, thrown error, denial. */
  readonly isError: boolean;
  /** True when the call was denied by the approval handler. */
  readonly denied: boolean;
}

/** What the agent dropped from a request to keep it within the context budget. */
export interface ContextTrimmed {
  /** How many messages of the conversation were left out of this request. */
  readonly droppedMessages: number;
  /** Their ids, oldest first. */
  readonly droppedMessageIds: readonly string[];
  /** The estimated tokens of the request as sent (messages and tool definitions). */
  readonly estimatedTokens: number;
  /** The budget it was trimmed to, in tokens. */
  readonly budget: number;
}

/** Fields every chunk carries, so the seed's loops read them without narrowing. */
interface ChunkBase {
  /** The text delta of this chunk; `''` when it carries none. */
  readonly chunk: string;
  /** The reasoning delta of this chunk; `''` when it carries none. */
  readonly reasoningChunk: string;
  /** True on the last chunk only. */
  readonly finished: boolean;
  /** The whole response, on the last chunk only. */
  readonly finishedResponse: ChatResponse | undefined;
  /** Set on `tool-call-start` chunks. */
  readonly toolCallStart: ToolCallStart | undefined;
  /** Set on `tool-call-result` chunks. */
  readonly toolCallResult: ToolCallResult | undefined;
  /** Set on `tool-call-delta` chunks. */
  readonly toolCallDelta: ToolCallDelta | undefined;
  /** Set on `tool-call-ready` chunks. */
  readonly toolCallReady: ToolCallReady | undefined;
  /** Set on `context-trimmed` chunks. */
  readonly contextTrimmed: ContextTrimmed | undefined;
  /** Which model request of the turn produced this chunk (0-based). */
  readonly step: number;
}

/** Answer text. */
export interface TextDeltaChunk extends ChunkBase {
  readonly type: 'text-delta';
  readonly finished: false;
  readonly finishedResponse: undefined;
  readonly toolCallStart: undefined;
  readonly toolCallResult: undefined;
  readonly toolCallDelta: undefined;
  readonly toolCallReady: undefined;
  readonly contextTrimmed: undefined;
}

/** Reasoning ("thinking") text. */
export interface ReasoningDeltaChunk extends ChunkBase {
  readonly type: 'reasoning-delta';
  readonly chunk: '';
  readonly finished: false;
  readonly finishedResponse: undefined;
  readonly toolCallStart: undefined;
  readonly toolCallResult: undefined;
  readonly toolCallDelta: undefined;
  readonly toolCallReady: undefined;
  readonly contextTrimmed: undefined;
}

/** A tool call has begun; its name is known. */
export interface ToolCallStartChunk extends ChunkBase {
  readonly type: 'tool-call-start';
  readonly chunk: '';
  readonly finished: false;
  readonly finishedResponse: undefined;
  readonly toolCallStart: ToolCallStart;
  readonly toolCallResult: undefined;
  readonly toolCallDelta: undefined;
  readonly toolCallReady: undefined;
  readonly contextTrimmed: undefined;
}

/** More argument text for a started tool call. */
export interface ToolCallDeltaChunk extends ChunkBase {
  readonly type: 'tool-call-delta';
  readonly chunk: '';
  readonly finished: false;
  readonly finishedResponse: undefined;
  readonly toolCallStart: undefined;
  readonly toolCallResult: undefined;
  readonly toolCallDelta: ToolCallDelta;
  readonly toolCallReady: undefined;
  readonly contextTrimmed: undefined;
}

/** A tool call's arguments are complete; it is about to run. */
export interface ToolCallReadyChunk extends ChunkBase {
  readonly type: 'tool-call-ready';
  readonly chunk: '';
  readonly finished: false;
  readonly finishedResponse: undefined;
  readonly toolCallStart: undefined;
  readonly toolCallResult: undefined;
  readonly toolCallDelta: undefined;
  readonly toolCallReady: ToolCallReady;
  readonly contextTrimmed: undefined;
}

/** A tool call has finished (successfully or not). */
export interface ToolCallResultChunk extends ChunkBase {
  readonly type: 'tool-call-result';
  readonly chunk: '';
  readonly finished: false;
  readonly finishedResponse: undefined;
  readonly toolCallStart: undefined;
  readonly toolCallResult: ToolCallResult;
  readonly toolCallDelta: undefined;
  readonly toolCallReady: undefined;
  readonly contextTrimmed: undefined;
}

/** The last chunk of a turn. */
export interface FinishChunk extends ChunkBase {
  readonly type: 'finish';
  readonly chunk: '';
  readonly finished: true;
  readonly finishedResponse: ChatResponse;
  readonly toolCallStart: undefined;
  readonly toolCallResult: undefined;
  readonly toolCallDelta: undefined;
  readonly toolCallReady: undefined;
  readonly contextTrimmed: undefined;
}

/**
 * Before the model request numbered `step`, the oldest messages were left out of it to keep it
 * within the agent's `contextBudget` (the caller's messages are untouched).
 */
export interface ContextTrimmedChunk extends ChunkBase {
  readonly type: 'context-trimmed';
  readonly chunk: '';
  readonly finished: false;
  readonly finishedResponse: undefined;
  readonly toolCallStart: undefined;
  readonly toolCallResult: undefined;
  readonly toolCallDelta: undefined;
  readonly toolCallReady: undefined;
  readonly contextTrimmed: ContextTrimmed;
}

/** One item of {@link ChatToolAgent.getStreamingResponse}'s stream, discriminated on `type`. */
export type ChatResponseChunk =
  | TextDeltaChunk
  | ReasoningDeltaChunk
  | ToolCallStartChunk
  | ToolCallDeltaChunk
  | ToolCallReadyChunk
  | ToolCallResultChunk
  | ContextTrimmedChunk
  | FinishChunk;

/** The `type` values of {@link ChatResponseChunk}. */
export type ChatResponseChunkType = ChatResponseChunk['type'];
