import { emptyPartialResponse, type PartialResponse } from './turn/partial-response.js';
import { partialResponse } from './turn/turn-messages.js';
import { freezeTurnState, type TurnState } from './turn/turn-state.js';

export { emptyPartialResponse, type PartialResponse } from './turn/partial-response.js';

/** Options common to every tool-agents error. */
export interface ToolAgentsErrorOptions {
  cause?: unknown;
  /** What the failing step had produced (a provider error); derived from `turn` when that is given. */
  partial?: PartialResponse;
  /** The state of the turn when it failed (the agent adds it). */
  turn?: TurnState;
  /** The endpoint involved, without query string or credentials. */
  url?: string;
}

/** Base class of every error this library throws. */
export class ToolAgentsError extends Error {
  override name = 'ToolAgentsError';
  /** What was received before the failure: the interrupted step's text and the finished rounds. */
  readonly partial: PartialResponse;
  /**
   * The state of the turn when it failed, when the error went through an agent: every step,
   * each call with its status, usage. A frozen snapshot.
   */
  readonly turn: TurnState | undefined;
  /** The endpoint involved, when there was one. */
  readonly url: string | undefined;

  constructor(message: string, options: ToolAgentsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.turn = options.turn && freezeTurnState(options.turn);
    this.partial = freezePartial(
      options.partial ?? (options.turn ? partialResponse(options.turn) : emptyPartialResponse),
    );
    this.url = options.url;
  }
}

/**
 * A copy of `error` (same class, same fields) carrying the turn's state and the partial response
 * built from it: the original is never rewritten while it propagates.
 */
export function withTurnSnapshot<E extends ToolAgentsError>(error: E, turn: TurnState): E {
  const frozen = freezeTurnState(turn);
  return copyError(error, { turn: frozen, partial: freezePartial(partialResponse(frozen)) });
}

/** A copy of `error` with `partial` set, for errors raised before a turn existed around them. */
export function withPartial<E extends ToolAgentsError>(error: E, partial: PartialResponse): E {
  return copyError(error, { partial: freezePartial(partial) });
}

/**
 * A copy of `error` (same class, every own field, its stack) with `fields` replaced: how the
 * library adds to an error on its way out without ever rewriting the one that was thrown.
 */
export function copyError<E extends Error>(error: E, fields: Readonly<Record<string, unknown>>): E {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as E;
  copyOwnFields(error, copy);
  for (const [key, value] of Object.entries(fields))
    Object.defineProperty(copy, key, {
      value,
      writable: key === 'message' || key === 'stack',
      configurable: true,
      enumerable: key !== 'cause' && key !== 'message' && key !== 'stack',
    });
  return copy;
}

/** Every own field of `error` onto `copy`; the stack as a value, as V8's accessor reads the original's internal slot. */
function copyOwnFields(error: Error, copy: Error): void {
  for (const key of Reflect.ownKeys(error))
    Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(error, key)!);
  Object.defineProperty(copy, 'stack', { value: error.stack, writable: true, configurable: true });
}

/** Freezes what the library built (the partial, its messages and their parts), never a tool's values inside. */
function freezePartial(partial: PartialResponse): PartialResponse {
  if (Object.isFrozen(partial)) return partial;
  for (const message of partial.messages) {
    for (const part of message.content) Object.freeze(part);
    Object.freeze(message.content);
    Object.freeze(message);
  }
  Object.freeze(partial.messages);
  return Object.freeze(partial);
}

/** Fields a provider's error body may carry. */
export interface ProviderErrorDetails {
  /** The provider's own message. */
  readonly providerMessage?: string | undefined;
  /** `error.code` (string or number) when present. */
  readonly code?: string | number | undefined;
  /** `error.type` when present. */
  readonly type?: string | undefined;
  /** `error.param` (the request field the provider objected to) when present. */
  readonly param?: string | undefined;
}

/** The endpoint answered with a non-2xx status. */
export class HTTPError extends ToolAgentsError implements ProviderErrorDetails {
  override name = 'HTTPError' as const;
  readonly status: number;
  readonly statusText: string;
  readonly providerMessage: string | undefined;
  readonly code: string | number | undefined;
  readonly type: string | undefined;
  readonly param: string | undefined;
  /** The response body as text (truncated to 4 KB). */
  readonly body: string;
  /** Seconds the server asked us to wait, when it said so and we could read it. */
  readonly retryAfter: number | undefined;
  /**
   * True when the provider refused the request because the conversation does not fit the model's
   * context window (HTTP 400 `context_length_exceeded` and its equivalents).
   */
  readonly contextExceeded: boolean;

  constructor(
    init: {
      status: number;
      statusText: string;
      body: string;
      retryAfter?: number | undefined;
    } & ProviderErrorDetails,
    options: ToolAgentsErrorOptions = {},
  ) {
    const detail = init.providerMessage ?? (init.statusText || 'no message');
    const contextExceeded = isContextExceeded(init);
    super(
      contextExceeded
        ? `HTTP ${init.status} from ${options.url ?? 'the endpoint'}: the conversation is too long for the model (context length exceeded). Set the agent's \`contextBudget\` option to drop the oldest turns before each request, or start a new conversation. The provider said: ${detail}`
        : `HTTP ${init.status} from ${options.url ?? 'the endpoint'}: ${detail}`,
      options,
    );
    this.contextExceeded = contextExceeded;
    this.status = init.status;
    this.statusText = init.statusText;
    this.providerMessage = init.providerMessage;
    this.code = init.code;
    this.type = init.type;
    this.param = init.param;
    this.body = init.body;
    this.retryAfter = init.retryAfter;
  }
}

// Providers word "too long" differently: OpenAI's code, llama.cpp's type, and the common phrasings of their messages.
const contextExceededCodes = new Set(['context_length_exceeded', 'exceed_context_size_error']);
const contextExceededWords =
  /context[ _-]length|context window|maximum context|exceeds? (the )?(model'?s? )?context|too many tokens|input tokens exceed/i;

/** True for a 400/413 answer saying the conversation does not fit the model's context. */
function isContextExceeded(init: { status: number } & ProviderErrorDetails): boolean {
  if (init.status !== 400 && init.status !== 413) return false;
  if (typeof init.code === 'string' && contextExceededCodes.has(init.code)) return true;
  if (init.type !== undefined && contextExceededCodes.has(init.type)) return true;
  return contextExceededWords.test(init.providerMessage ?? '');
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
  readonly param: string | undefined;

  constructor(details: ProviderErrorDetails, options: ToolAgentsErrorOptions = {}) {
    super(
      `The provider reported an error mid-stream from ${options.url ?? 'the endpoint'}: ${details.providerMessage ?? 'no message'}`,
      options,
    );
    this.providerMessage = details.providerMessage;
    this.code = details.code;
    this.type = details.type;
    this.param = details.param;
  }
}

/** The stream ended (or the connection dropped) before the response was finished. */
export class IncompleteStreamError extends ToolAgentsError {
  override name = 'IncompleteStreamError' as const;
}

/** The stream carried something that is not a valid chat-completions chunk. */
export class MalformedStreamError extends ToolAgentsError {
  override name = 'MalformedStreamError';
  /** The offending event data (truncated to 200 characters). */
  readonly data: string;

  constructor(message: string, data: string, options: ToolAgentsErrorOptions = {}) {
    super(message, options);
    this.data = data.length > 200 ? `${data.slice(0, 200)}…` : data;
  }
}

/**
 * One server-sent event (or a non-streamed body) grew past `maxEventBytes` before it ended: a
 * broken or hostile server, stopped before it could exhaust memory.
 */
export class EventTooLargeError extends MalformedStreamError {
  override name = 'EventTooLargeError' as const;
  /** The limit that was passed, in characters of decoded text. */
  readonly limit: number;

  constructor(limit: number, data: string, options: ToolAgentsErrorOptions = {}) {
    super(
      `The stream${options.url ? ` from ${options.url}` : ''} sent an event larger than ${limit} characters; it was not read further.`,
      data,
      options,
    );
    this.limit = limit;
  }
}

/** Which wait ran out: for the response headers, or for the next bytes of a started body. */
export type TimeoutPhase = 'response' | 'idle';

/** The endpoint went silent for longer than the configured `timeout` or `idleTimeout`. */
export class TimeoutError extends ToolAgentsError {
  override name = 'TimeoutError' as const;
  /** `'response'`: no response headers in time; `'idle'`: the body stopped arriving. */
  readonly phase: TimeoutPhase;
  /** The limit that ran out, in milliseconds. */
  readonly timeoutMs: number;

  constructor(phase: TimeoutPhase, timeoutMs: number, options: ToolAgentsErrorOptions = {}) {
    const where = options.url ?? 'the endpoint';
    super(
      phase === 'response'
        ? `No response from ${where} within ${timeoutMs} ms.`
        : `The response from ${where} stopped: nothing arrived for ${timeoutMs} ms.`,
      options,
    );
    this.phase = phase;
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The API key (or a header value) holds a character that cannot be sent in an HTTP header, such
 * as a zero-width space, a smart quote or a line break picked up when it was copied. Thrown before
 * any request is made. The message names the kind of character and where it is, never the key.
 */
export class APIKeyFormatError extends ToolAgentsError {
  override name = 'APIKeyFormatError' as const;
  /** The header that could not be sent: `'Authorization'` for the API key, else the custom header's name. */
  readonly header: string;
  /** What the character is, in words (e.g. `'zero-width space (U+200B)'`). */
  readonly character: string;
  /** Its position in the key or value, counting from 1. */
  readonly position: number;

  constructor(
    init: { header: string; character: string; position: number },
    options: ToolAgentsErrorOptions = {},
  ) {
    const subject =
      init.header === 'Authorization' ? 'The API key' : `The value of the header "${init.header}"`;
    super(
      `${subject} contains a character that cannot be sent in an HTTP header: a ${init.character} at position ${init.position}. It was probably copied along with it; paste it again or type that part by hand.`,
      options,
    );
    this.header = init.header;
    this.character = init.character;
    this.position = init.position;
  }
}

/** Where an image sits in a request. */
export interface ImagePosition {
  /** Position of the message in the request's messages (0-based; after any context trimming). */
  readonly messageIndex: number;
  /** The message's id. */
  readonly messageId: string;
  /** Position of the image part in that message's content (0-based). */
  readonly partIndex: number;
}

/** An image of the request that cannot be sent as it is; thrown before anything is sent, never retried. */
export class ImageError extends ToolAgentsError implements ImagePosition {
  override name = 'ImageError';
  readonly messageIndex: number;
  readonly messageId: string;
  readonly partIndex: number;

  constructor(problem: string, at: ImagePosition, options: ToolAgentsErrorOptions = {}) {
    super(`The image in part ${at.partIndex} of message ${at.messageIndex} ${problem}`, options);
    this.messageIndex = at.messageIndex;
    this.messageId = at.messageId;
    this.partIndex = at.partIndex;
  }
}

/** An image of the request is larger than the client's `maxImageBytes` (a `data:` URL measured by its decoded size). */
export class ImageTooLargeError extends ImageError {
  override name = 'ImageTooLargeError' as const;
  /** The image's decoded size in bytes. */
  readonly bytes: number;
  /** The limit it passed, in bytes (`maxImageBytes`). */
  readonly limit: number;

  constructor(
    init: ImagePosition & { bytes: number; limit: number },
    options: ToolAgentsErrorOptions = {},
  ) {
    super(
      `is ${init.bytes} bytes, more than the limit of ${init.limit} bytes (maxImageBytes); it was not sent. Resize or compress it, or send it by https URL.`,
      init,
      options,
    );
    this.bytes = init.bytes;
    this.limit = init.limit;
  }
}

/** An image part whose URL cannot be sent: only `https:` URLs and base64 `data:image/...` URLs are. */
export class ImageURLError extends ImageError {
  override name = 'ImageURLError' as const;
  /** What is wrong, in words. */
  readonly reason: string;

  constructor(init: ImagePosition & { reason: string }, options: ToolAgentsErrorOptions = {}) {
    super(
      `cannot be sent: ${init.reason} Use an https: URL or a data:image/...;base64, URL.`,
      init,
      options,
    );
    this.reason = init.reason;
  }
}

/**
 * The messages a request cannot do without (the system messages, the latest user message) and the
 * tool definitions are estimated at more tokens than the agent's `contextBudget`, so no trimming
 * can make the request fit. Thrown before anything is sent.
 */
export class ContextBudgetError extends ToolAgentsError {
  override name = 'ContextBudgetError' as const;
  /** The budget, in tokens. */
  readonly budget: number;
  /** The estimated tokens of what cannot be dropped. */
  readonly requiredTokens: number;

  constructor(
    init: { budget: number; requiredTokens: number },
    options: ToolAgentsErrorOptions = {},
  ) {
    super(
      `The system messages, the latest user message and the tool definitions alone are estimated at ${init.requiredTokens} tokens, more than the context budget of ${init.budget}; nothing was sent. Shorten the latest message, or raise contextBudget.`,
      options,
    );
    this.budget = init.budget;
    this.requiredTokens = init.requiredTokens;
  }
}
