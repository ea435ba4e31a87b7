import type { SplitMode } from './split-body.js';

/** An OpenAI wire `usage` object, as sent in the last chunk of a stream. */
export interface WireUsage {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  /** Default: the sum of the two counts above. */
  readonly total_tokens?: number;
  /** Provider extras (`completion_tokens_details`, `prompt_tokens_details`, ...) pass through. */
  readonly [field: string]: unknown;
}

/** Options shared by the streaming reply builders. */
export interface StreamReplyOptions {
  /** `model` of every chunk. Default `'gpt-4o-mini'`. */
  readonly model?: string;
  /** `id` of every chunk. Default `'chatcmpl-scripted-<n>'`, counting up per reply. */
  readonly id?: string;
  /**
   * `finish_reason` of the finish chunk; `null` leaves the finish chunk out (a truncated stream).
   * Default `'stop'` for text, `'tool_calls'` for tool calls.
   */
  readonly finishReason?: string | null;
  /** Sends a usage chunk (`choices: []`) after the finish chunk, as `stream_options.include_usage` does. */
  readonly usage?: WireUsage;
  /** End with `data: [DONE]`. Default `true`. */
  readonly done?: boolean;
  /** How to cut the body into network reads. Default: one read per event, as servers flush them. */
  readonly split?: SplitMode;
  /** Milliseconds before each chunk. Default `0`. */
  readonly delayMs?: number;
  /** Extra response headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Kill the connection after the body instead of ending it cleanly. Default `false`. */
  readonly dropAfterChunks?: boolean;
}
