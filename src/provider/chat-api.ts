import type { ChatMessage, ChatUsage } from '../messages/chat-message.js';
import type { OpenAIToolDefinition } from '../tools/function-tool.js';
import type { FinishReason } from '../messages/finish-reason.js';
import type { ChatSettings } from './chat-settings.js';

/** One model request, as the agent makes it. */
export interface ChatRequest {
  readonly messages: readonly ChatMessage[];
  readonly settings: Readonly<ChatSettings>;
  readonly tools: readonly OpenAIToolDefinition[];
  readonly signal?: AbortSignal | undefined;
}

/** A finished tool call as the provider streamed it. */
export interface ProviderToolCall {
  /**
   * The provider's id for the call, `''` when it sent none. Providers repeat and reuse ids, so the
   * agent addresses calls by step and `index`, and makes the id unique before sending it back.
   */
  readonly id: string;
  readonly name: string;
  /** The full argument text (`'{}'` when the model sent none). */
  readonly argumentsText: string;
  /** Position of the call within its step (0-based); the array position when absent. */
  readonly index?: number;
  /**
   * Wire fields of the call beyond `id`, `type`, `index` and `function` (Gemini's
   * `extra_content.google.thought_signature`), sent back verbatim with the call.
   */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** What a provider streams for one model request, already normalised from the wire. */
export type ProviderEvent =
  | { readonly type: 'text-delta'; readonly text: string }
  | { readonly type: 'reasoning-delta'; readonly text: string }
  | {
      readonly type: 'tool-call-start';
      readonly index: number;
      /** `''` when the provider sent none. */ readonly id: string;
      readonly name: string;
    }
  | {
      readonly type: 'tool-call-delta';
      readonly index: number;
      readonly id: string;
      readonly name: string;
      readonly argumentsDelta: string;
      readonly argumentsText: string;
    }
  | { readonly type: 'finish'; readonly step: ProviderStepResult };

/** The whole of one model request, delivered with its `finish` event. */
export interface ProviderStepResult {
  readonly text: string;
  readonly reasoning: string;
  readonly toolCalls: readonly ProviderToolCall[];
  readonly finishReason: FinishReason;
  readonly usage: ChatUsage | undefined;
  /** Provider response id and model, kept on the assistant message's metadata. */
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** A streaming chat backend. {@link OpenAIChatAPI} is the one this library ships. */
export interface ChatAPI {
  /** The model requests go to. */
  readonly model: string;
  /** A fresh, mutable copy of the default settings. */
  getDefaultSettings(): ChatSettings;
  /** Streams one model request. Rejects with a `ToolAgentsError` subclass on failure. */
  streamChat(request: ChatRequest): AsyncIterable<ProviderEvent>;
  /**
   * Optional: the same events grouped as they arrived (one array per network read). The agent
   * prefers it, saving one await per event on long streams.
   */
  streamChatBatches?(request: ChatRequest): AsyncIterable<readonly ProviderEvent[]>;
}
