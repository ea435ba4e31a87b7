import type {
  ChatMessagePart,
  ChatResponse,
  ChatResponseChunk,
  ToolApprovalDecision,
} from '../src/index.js';
import type { McpServerError } from '../src/mcp/index.js';

/** Every event of `<tool-agent-chat>` bubbles out of its shadow root. */
const eventInit = { bubbles: true, composed: true } as const;

/** What {@link ToolAgentSubmitEvent} carries. */
export interface ToolAgentSubmitDetail {
  /** The text the user is about to send. */
  readonly text: string;
  /** The attached files as the parts they are sent as (images, text files); empty when none. */
  readonly attachments: readonly ChatMessagePart[];
}

/**
 * The user submitted a message from the composer. Cancel it (`preventDefault()`) to keep the
 * text in the input (and the attached files in the composer) and send nothing. Not fired by the
 * `send()` method.
 */
export class ToolAgentSubmitEvent extends Event {
  static readonly eventName = 'tool-agent-submit' as const;
  readonly detail: ToolAgentSubmitDetail;

  constructor(detail: ToolAgentSubmitDetail) {
    super(ToolAgentSubmitEvent.eventName, { ...eventInit, cancelable: true });
    this.detail = detail;
  }
}

/** Where a message given to {@link ToolAgentSendEvent} comes from. */
export type SendSource = 'composer' | 'edit' | 'method';

/** What {@link ToolAgentSendEvent} carries. */
export interface ToolAgentSendDetail {
  /** The message's text. A listener may change it; emptied (or only spaces), nothing is sent. */
  text: string;
  /** The composer, an edited message (a new version beside the old one), or the `send()` method. */
  readonly source: SendSource;
  /** Attached files going with it (image and text parts, before the text); an edit keeps the original's. */
  readonly attachments: readonly ChatMessagePart[];
}

/**
 * A user message is about to go to the model: every one, whether typed in the composer (after
 * `tool-agent-submit`), edited, or given to `send()`. Change `detail.text` to send something
 * else; `preventDefault()` sends nothing (the composer keeps the text; an edit stays open).
 */
export class ToolAgentSendEvent extends Event {
  static readonly eventName = 'tool-agent-send' as const;
  readonly detail: ToolAgentSendDetail;

  constructor(detail: ToolAgentSendDetail) {
    super(ToolAgentSendEvent.eventName, { ...eventInit, cancelable: true });
    this.detail = detail;
  }
}

/** The running turn is being stopped (the Stop button, Escape, `stop()`, or a new conversation); the partial answer stays. */
export class ToolAgentStopEvent extends Event {
  static readonly eventName = 'tool-agent-stop' as const;

  constructor() {
    super(ToolAgentStopEvent.eventName, eventInit);
  }
}

/** What a branch action does: send an edited message, regenerate an answer, or show another version. */
export type BranchAction = 'edit' | 'regenerate' | 'select';

/** What {@link ToolAgentBranchEvent} carries. */
export interface ToolAgentBranchDetail {
  readonly action: BranchAction;
  /** Which user message (0-based, counting the user messages shown) the action is about. */
  readonly exchange: number;
  /** `message`: versions of the user message (edits); `answer`: versions of its answer (regenerations). */
  readonly side: 'message' | 'answer';
  /** The version that will be shown (0-based). */
  readonly index: number;
  /** How many versions there will be. */
  readonly count: number;
}

/**
 * The user is about to edit a message, regenerate an answer or page to another version; for an
 * edit, fired after `tool-agent-send`. Cancelable: `preventDefault()` leaves the conversation as
 * it is.
 */
export class ToolAgentBranchEvent extends Event {
  static readonly eventName = 'tool-agent-branch' as const;
  readonly detail: ToolAgentBranchDetail;

  constructor(detail: ToolAgentBranchDetail) {
    super(ToolAgentBranchEvent.eventName, { ...eventInit, cancelable: true });
    this.detail = detail;
  }
}

/** What {@link ToolAgentNewConversationEvent} carries. */
export interface ToolAgentNewConversationDetail {
  /** `clear`: the New conversation button empties it; `undo`: Undo brings it back. */
  readonly action: 'clear' | 'undo';
}

/**
 * The user starts a new conversation with the built-in button, or undoes that. Cancelable:
 * `preventDefault()` keeps the conversation as it is. Not fired by `clear()`.
 */
export class ToolAgentNewConversationEvent extends Event {
  static readonly eventName = 'tool-agent-new-conversation' as const;
  readonly detail: ToolAgentNewConversationDetail;

  constructor(detail: ToolAgentNewConversationDetail) {
    super(ToolAgentNewConversationEvent.eventName, { ...eventInit, cancelable: true });
    this.detail = detail;
  }
}

/** What {@link ToolAgentChunkEvent} carries. */
export interface ToolAgentChunkDetail {
  /** The library chunk, exactly as `ChatToolAgent.getStreamingResponse` yielded it. */
  readonly chunk: ChatResponseChunk;
}

/** One chunk of the running turn (text, reasoning, tool activity, the final chunk). */
export class ToolAgentChunkEvent extends Event {
  static readonly eventName = 'tool-agent-chunk' as const;
  readonly detail: ToolAgentChunkDetail;

  constructor(detail: ToolAgentChunkDetail) {
    super(ToolAgentChunkEvent.eventName, eventInit);
    this.detail = detail;
  }
}

/** What {@link ToolAgentToolCallEvent} carries. */
export interface ToolAgentToolCallDetail {
  /** Which model request of the turn made the call (0-based). */
  readonly step: number;
  /** The call's position in that request: with `step`, its address in the turn (providers repeat ids). */
  readonly index: number;
  /** The call id sent back to the provider (unique within the conversation). */
  readonly id: string;
  /** The tool's name. */
  readonly name: string;
  /** The validated arguments. */
  readonly arguments: unknown;
}

/**
 * A tool marked `requiresApproval` is about to run. Three ways to answer, during dispatch:
 * - do nothing: the tool card shows Approve and Deny buttons and waits for the user;
 * - `event.respondWith(decision)`: the page decides (a boolean, `{ approved, reason }`, or a
 *   promise of either; a rejected promise denies);
 * - `event.preventDefault()` alone: the call is denied at once.
 *
 * A denial goes back to the model as that call's error result.
 */
export class ToolAgentToolCallEvent extends Event {
  static readonly eventName = 'tool-agent-tool-call' as const;
  readonly detail: ToolAgentToolCallDetail;
  #response: ToolApprovalDecision | Promise<ToolApprovalDecision> | undefined;
  #responded = false;

  constructor(detail: ToolAgentToolCallDetail) {
    super(ToolAgentToolCallEvent.eventName, { ...eventInit, cancelable: true });
    this.detail = detail;
  }

  /**
   * Decides the call instead of the user. Call it synchronously inside the listener, once.
   * @throws InvalidStateError when called twice.
   */
  respondWith(decision: ToolApprovalDecision | Promise<ToolApprovalDecision>): void {
    if (this.#responded)
      throw new DOMException(
        'respondWith() was already called for this tool call.',
        'InvalidStateError',
      );
    this.#responded = true;
    this.#response = decision;
    this.preventDefault();
  }

  /** Whether a listener called {@link respondWith}. */
  get responded(): boolean {
    return this.#responded;
  }

  /** The decision given to {@link respondWith}, if any. */
  get response(): ToolApprovalDecision | Promise<ToolApprovalDecision> | undefined {
    return this.#response;
  }
}

/** What {@link ToolAgentResponseEvent} carries. */
export interface ToolAgentResponseDetail {
  /** The finished turn: its new messages, final text, finish reason and usage. */
  readonly response: ChatResponse;
}

/** A turn finished; the conversation now holds its messages (and was saved, with `storage-key`). */
export class ToolAgentResponseEvent extends Event {
  static readonly eventName = 'tool-agent-response' as const;
  readonly detail: ToolAgentResponseDetail;

  constructor(detail: ToolAgentResponseDetail) {
    super(ToolAgentResponseEvent.eventName, eventInit);
    this.detail = detail;
  }
}

/** What {@link ToolAgentErrorEvent} carries. */
export interface ToolAgentErrorDetail {
  /**
   * The failure: usually a `ToolAgentsError` subclass (`HTTPError`, `NetworkError`,
   * `StreamError`, `IncompleteStreamError`, `MalformedStreamError`) with `partial`.
   */
  readonly error: unknown;
}

/** A turn failed. Not fired when the user stops a turn. */
export class ToolAgentErrorEvent extends Event {
  static readonly eventName = 'tool-agent-error' as const;
  readonly detail: ToolAgentErrorDetail;

  constructor(detail: ToolAgentErrorDetail) {
    super(ToolAgentErrorEvent.eventName, eventInit);
    this.detail = detail;
  }
}

/** Why saving or restoring the conversation did not happen. */
export type StorageErrorKind = 'unreadable' | 'newer-version' | 'save-failed';

/** What {@link ToolAgentStorageErrorEvent} carries. */
export interface ToolAgentStorageErrorDetail {
  /** The `storage-key` involved. */
  readonly key: string;
  /**
   * - `unreadable`: the saved conversation could not be read; it is left in storage and nothing
   *   is saved under the key until the user chooses "Start over" (or the page calls `clear()`).
   * - `newer-version`: it was saved by a newer version of the element; it is never overwritten.
   * - `save-failed`: storage is full or blocked; the conversation stays in memory.
   */
  readonly kind: StorageErrorKind;
  /** What went wrong, in words (also shown in the element's notice). */
  readonly reason: string;
}

/** The saved conversation could not be restored, or the conversation could not be saved. */
export class ToolAgentStorageErrorEvent extends Event {
  static readonly eventName = 'tool-agent-storage-error' as const;
  readonly detail: ToolAgentStorageErrorDetail;

  constructor(detail: ToolAgentStorageErrorDetail) {
    super(ToolAgentStorageErrorEvent.eventName, eventInit);
    this.detail = detail;
  }
}

/** What {@link ToolAgentMcpErrorEvent} carries. */
export interface ToolAgentMcpErrorDetail {
  /** The server's `name`, as given in `mcpServers`. */
  readonly server: string;
  /** What failed (`kind`: `unreachable`, `cors`, `http`, `protocol`, `timeout`, `closed`). */
  readonly error: McpServerError;
}

/**
 * An MCP server of `mcpServers` could not be connected (its tools are missing from that turn and
 * it is tried again on the next), or a connected one failed outside any call.
 */
export class ToolAgentMcpErrorEvent extends Event {
  static readonly eventName = 'tool-agent-mcp-error' as const;
  readonly detail: ToolAgentMcpErrorDetail;

  constructor(detail: ToolAgentMcpErrorDetail) {
    super(ToolAgentMcpErrorEvent.eventName, eventInit);
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tool-agent-submit': ToolAgentSubmitEvent;
    'tool-agent-send': ToolAgentSendEvent;
    'tool-agent-stop': ToolAgentStopEvent;
    'tool-agent-branch': ToolAgentBranchEvent;
    'tool-agent-new-conversation': ToolAgentNewConversationEvent;
    'tool-agent-chunk': ToolAgentChunkEvent;
    'tool-agent-tool-call': ToolAgentToolCallEvent;
    'tool-agent-response': ToolAgentResponseEvent;
    'tool-agent-error': ToolAgentErrorEvent;
    'tool-agent-storage-error': ToolAgentStorageErrorEvent;
    'tool-agent-mcp-error': ToolAgentMcpErrorEvent;
  }
}
