import type { ChatUsage } from '../messages/chat-message.js';
import type { FinishReason } from '../messages/finish-reason.js';
import type { ToolCallResult } from './chat-response.js';

/** A tool call as its model request delivered it, with what must go back to the provider. */
export interface StepCall {
  /** Position of the call within its step (0-based). */
  readonly index: number;
  /** The id sent back to the provider (unique in the conversation). */
  readonly id: string;
  readonly name: string;
  /** The full argument text. */
  readonly argumentsText: string;
  /** The provider's own id, when it was rewritten to be unique. */
  readonly providerId?: string | undefined;
  /** Wire fields of the call to send back verbatim (Gemini's thought signatures). */
  readonly wire?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Everything that can happen in a turn, as {@link applyEvent} reads it. Calls are addressed by
 * `step` and `index`, never by id. Events that end something carry their time (`at`, ISO 8601),
 * so the reducer stays pure.
 */
export type TurnEvent =
  | { readonly type: 'text'; readonly step: number; readonly text: string }
  | { readonly type: 'reasoning'; readonly step: number; readonly text: string }
  | {
      readonly type: 'call-start';
      readonly step: number;
      readonly index: number;
      readonly id: string;
      readonly name: string;
    }
  | {
      readonly type: 'call-arguments';
      readonly step: number;
      readonly index: number;
      readonly id: string;
      readonly name: string;
      readonly delta: string;
      /** Everything received so far, when the sender knows it; else the delta is appended. */
      readonly text?: string | undefined;
    }
  | {
      /** The model request finished: its final text, calls, finish reason and usage. */
      readonly type: 'step-end';
      readonly step: number;
      readonly at: string;
      readonly text: string;
      readonly reasoning: string;
      readonly calls: readonly StepCall[];
      readonly finishReason: FinishReason;
      readonly usage: ChatUsage | undefined;
      /** Provider response id and model, kept on the assistant message. */
      readonly metadata: Readonly<Record<string, unknown>>;
    }
  | {
      /** A call's arguments are complete; it is about to run or to ask for approval. */
      readonly type: 'call-ready';
      readonly step: number;
      readonly index: number;
      readonly id: string;
      readonly name: string;
      readonly argumentsText: string;
      /** The parsed arguments, `undefined` when they are not JSON. */
      readonly arguments: unknown;
      readonly requiresApproval: boolean;
    }
  | {
      /** The approval handler was asked about the call, with the validated arguments that run. */
      readonly type: 'approval-requested';
      readonly step: number;
      readonly index: number;
      readonly arguments: unknown;
    }
  | {
      readonly type: 'approval-decided';
      readonly step: number;
      readonly index: number;
      readonly approved: boolean;
    }
  | {
      readonly type: 'call-result';
      readonly step: number;
      readonly at: string;
      readonly result: ToolCallResult;
    }
  | {
      /** Before the model request `step`, the oldest messages were left out to fit the context budget. */
      readonly type: 'context-trimmed';
      readonly step: number;
      readonly droppedMessages: number;
      readonly droppedMessageIds: readonly string[];
      readonly estimatedTokens: number;
      readonly budget: number;
    }
  | { readonly type: 'turn-finished'; readonly at: string; readonly finishReason: FinishReason }
  | { readonly type: 'turn-failed'; readonly at: string; readonly error: unknown }
  | { readonly type: 'turn-stopped'; readonly at: string; readonly reason: unknown };

/** The `type` values of {@link TurnEvent}. */
export type TurnEventType = TurnEvent['type'];
