import type { ChatMessage, ChatUsage } from './messages/chat-message.js';
import { zeroUsage } from './provider/wire-usage.js';

/** What a turn had produced when it failed: nothing received is lost. */
export interface PartialResponse {
  /** Answer text of the step that was interrupted. */
  readonly text: string;
  /** Reasoning text of the step that was interrupted. */
  readonly reasoning: string;
  /** Finished tool rounds of this turn (assistant tool-call messages and their results). */
  readonly messages: readonly ChatMessage[];
  /** Usage summed over the steps that reported it. */
  readonly usage: ChatUsage;
}

/** An empty {@link PartialResponse}. */
export const emptyPartialResponse: PartialResponse = Object.freeze({ text: '', reasoning: '', messages: [], usage: zeroUsage });

/** Options common to every tool-agents error. */
export interface ToolAgentsErrorOptions {
  cause?: unknown;
  partial?: PartialResponse;
  /** The endpoint involved, without query string or credentials. */
  url?: string;
}

/** Base class of every error this library throws. */
export class ToolAgentsError extends Error {
  override name: string = 'ToolAgentsError';
  /** What was received before the failure. */
  partial: PartialResponse;
  /** The endpoint involved, when there was one. */
  readonly url: string | undefined;

  constructor(message: string, options: ToolAgentsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.partial = options.partial ?? emptyPartialResponse;
    this.url = options.url;
  }
}

/** Fields a provider's error body may carry. */
export interface ProviderErrorDetails {
  /** The provider's own message. */
  readonly providerMessage?: string | undefined;
  /** `error.code` (string or number) when present. */
  readonly code?: string | number | undefined;
  /** `error.type` when present. */
  readonly type?: string | undefined;
}

/** The endpoint answered with a non-2xx status. */
export class HTTPError extends ToolAgentsError implements ProviderErrorDetails {
  override name = 'HTTPError' as const;
  readonly status: number;
  readonly statusText: string;
  readonly providerMessage: string | undefined;
  readonly code: string | number | undefined;
  readonly type: string | undefined;
  /** The response body as text (truncated to 4 KB). */
  readonly body: string;
  /** Seconds the server asked us to wait, when it said so and we could read it. */
  readonly retryAfter: number | undefined;

  constructor(
    init: { status: number; statusText: string; body: string; retryAfter?: number | undefined } & ProviderErrorDetails,
    options: ToolAgentsErrorOptions = {},
  ) {
    const detail = init.providerMessage ?? (init.statusText || 'no message');
    super(`HTTP ${init.status} from ${options.url ?? 'the endpoint'}: ${detail}`, options);
    this.status = init.status;
    this.statusText = init.statusText;
    this.providerMessage = init.providerMessage;
    this.code = init.code;
    this.type = init.type;
    this.body = init.body;
    this.retryAfter = init.retryAfter;
  }
}

/**
 * The request never got an HTTP answer: offline, DNS, refused connection, a dropped
 * connection, or a CORS refusal (browsers report all of these the same way).
 */
export class NetworkError extends ToolAgentsError {
  override name = 'NetworkError' as const;
  /** What to check, worded for a person. */
  readonly hint: string;

  constructor(message: string, hint: string, options: ToolAgentsErrorOptions = {}) {
    super(`${message} ${hint}`, options);
    this.hint = hint;
  }
}

/** The provider reported an error inside a stream that had started (HTTP 200). */
export class StreamError extends ToolAgentsError implements ProviderErrorDetails {
  override name = 'StreamError' as const;
  readonly providerMessage: string | undefined;
  readonly code: string | number | undefined;
  readonly type: string | undefined;

  constructor(details: ProviderErrorDetails, options: ToolAgentsErrorOptions = {}) {
    super(`The provider reported an error mid-stream from ${options.url ?? 'the endpoint'}: ${details.providerMessage ?? 'no message'}`, options);
    this.providerMessage = details.providerMessage;
    this.code = details.code;
    this.type = details.type;
  }
}

/** The stream ended (or the connection dropped) before the response was finished. */
export class IncompleteStreamError extends ToolAgentsError {
  override name = 'IncompleteStreamError' as const;
}

/** The stream carried something that is not a valid chat-completions chunk. */
export class MalformedStreamError extends ToolAgentsError {
  override name = 'MalformedStreamError' as const;
  /** The offending event data (truncated to 200 characters). */
  readonly data: string;

  constructor(message: string, data: string, options: ToolAgentsErrorOptions = {}) {
    super(message, options);
    this.data = data.length > 200 ? `${data.slice(0, 200)}…` : data;
  }
}
