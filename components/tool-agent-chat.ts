import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  ChatHistory,
  ChatMessage,
  ChatToolAgent,
  isAPIKeyFormatError,
  isKeyRejection,
  OpenAIChatAPI,
  ToolRegistry,
  type AnyFunctionTool,
  type ChatAPI,
  type ChatMessagePart,
  type ChatResponse,
  type ChatSettings,
} from '../src/index.js';
import { announcedAnswer } from './announced-answer.js';
import { ApiKeyController } from './api-key-controller.js';
import { AttachmentsFeature } from './attachments/attachments-feature.js';
import { messageAttachmentStyles } from './attachments/message-attachment-styles.js';
import { BottomFollower } from './bottom-follower.js';
import { keyScope } from './api-key-store.js';
import {
  ToolAgentErrorEvent,
  ToolAgentMcpErrorEvent,
  ToolAgentNewConversationEvent,
  ToolAgentResponseEvent,
  ToolAgentSendEvent,
  ToolAgentStopEvent,
  ToolAgentStorageErrorEvent,
  ToolAgentSubmitEvent,
  type SendSource,
  type ToolAgentStorageErrorDetail,
} from './chat-events.js';
import {
  contextBudgetAttribute,
  renderIntervalAttribute,
  attachmentMaxBytesAttribute,
  idleTimeoutAttribute,
  imageMaxSideAttribute,
  maxIterationsAttribute,
  maxRetriesAttribute,
  maxTokensAttribute,
  temperatureAttribute,
  timeoutAttribute,
} from './chat-number-attributes.js';
import { defaultChatStrings, type ChatStrings, type ChatText } from './chat-strings.js';
import {
  ConversationController,
  type TurnPreparation,
  type TurnSetup,
} from './conversation-controller.js';
import { loadConversation, removeConversation, saveConversation } from './conversation-storage.js';
import type { ConversationTree } from './conversation-tree.js';
import { describeError } from './describe-error.js';
import { ignoredOptions, ignoredOptionsWarning } from './ignored-options.js';
import { McpToolsController } from './mcp-tools-controller.js';
import { shorterContextBudget } from './shorter-context.js';
import { markdownCss, type MarkdownRenderOptions } from './markdown-adapter.js';
import { messageActionHandlers } from './message-action-handlers.js';
import { MessageActionsController } from './message-actions-controller.js';
import { onByDefault } from './on-by-default.js';
import { needsApiKey } from './needs-api-key.js';
import { composerTemplate } from './templates/composer-template.js';
import { headerTemplate, undoNoticeTemplate } from './templates/header-template.js';
import { keyFormTemplate } from './templates/key-form-template.js';
import { scrollButtonTemplate } from './templates/scroll-button-template.js';
import { entryTemplate, type TranscriptActions } from './templates/message-template.js';
import { storageNoticeTemplate } from './templates/storage-notice-template.js';
import { toolAgentChatStyles } from './tool-agent-chat-styles.js';
import type { ErrorNotice, RetryOptions, ToolCard } from './transcript-entry.js';
import type { McpServerOptions } from '../src/mcp/index.js';
import { UndoOffer } from './undo-offer.js';

// How long Undo is offered after the New conversation button, in milliseconds.
const undoMs = 6000;

/**
 * A chat with a tool-using, streaming LLM agent on any OpenAI-compatible endpoint, straight from
 * the browser. Model and tool output is treated as untrusted: it is rendered as sanitised
 * markdown or as text, never as markup.
 *
 * Which backend runs a turn: `agent` wins over `chatApi`, which wins over the built-in
 * OpenAI-compatible API built from `base-url`, `model` and the key. With an `agent`, the options
 * of the built-in API (`base-url`, `model`, `apiKey`, `fetch`, `no-key`, `key-required`,
 * `max-retries`, `timeout`, `idle-timeout`) and `max-iterations` are not read; with a `chatApi`,
 * those of the built-in API are not. Any such option set away from its default draws one
 * `console.warn` per element, naming them, on the first turn.
 *
 * Every word it shows or announces comes from `strings` (English by default): assign a partial
 * `ChatStrings` object to translate it, e.g. `chat.strings = { send: 'Senden' }`.
 *
 * @summary Chat with a tool-using LLM agent; bring your own key.
 *
 * Each user message may have versions (Edit sends a new one) and each answer too (Regenerate):
 * `< 2/3 >` under a message pages through them, the conversation sent to the model is always the
 * one shown, and every version is saved with the conversation (`storage-key`).
 *
 * @fires {ToolAgentSubmitEvent} tool-agent-submit - The user submitted a message from the composer (before `tool-agent-send`). Cancelable: `preventDefault()` sends nothing.
 * @fires {ToolAgentSendEvent} tool-agent-send - A user message is about to go to the model, from the composer, an edit or `send()` (`detail.source`). Cancelable: `preventDefault()` sends nothing; a listener may change `detail.text`.
 * @fires {ToolAgentStopEvent} tool-agent-stop - The running turn is being stopped (Stop, Escape, `stop()` or New conversation).
 * @fires {ToolAgentBranchEvent} tool-agent-branch - The user edits a message, regenerates an answer or pages to another version (`detail.action`, `exchange`, `side`, `index`, `count`). Cancelable: `preventDefault()` changes nothing.
 * @fires {ToolAgentNewConversationEvent} tool-agent-new-conversation - The New conversation button clears the conversation (`detail.action` `clear`) or Undo brings it back (`undo`). Cancelable. Not fired by `clear()`.
 * @fires {ToolAgentChunkEvent} tool-agent-chunk - One library chunk of the running turn (`detail.chunk`).
 * @fires {ToolAgentToolCallEvent} tool-agent-tool-call - A tool marked `requiresApproval` waits for a decision. Cancelable: `respondWith(decision)` decides, `preventDefault()` alone denies, nothing asks the user.
 * @fires {ToolAgentResponseEvent} tool-agent-response - A turn finished (`detail.response` is the `ChatResponse`).
 * @fires {ToolAgentErrorEvent} tool-agent-error - A turn failed (`detail.error`); not fired when the user stops.
 * @fires {ToolAgentMcpErrorEvent} tool-agent-mcp-error - A server of `mcpServers` could not be connected (its tools are missing from that answer, which says so, and it is tried again on the next) or failed outside a call; `detail.server`, `detail.error` (an `McpServerError`).
 * @fires {ToolAgentStorageErrorEvent} tool-agent-storage-error - The saved conversation could not be restored (`detail.kind` `unreadable` or `newer-version`; it is left in storage, never overwritten) or the conversation could not be saved (`save-failed`); `detail.key`, `detail.reason`.
 *
 * @slot empty - Shown while the conversation is empty (the first screen).
 *
 * @csspart base - The frame around everything.
 * @csspart header - The bar holding the heading and New conversation (shown when it has either).
 * @csspart new-conversation-button - New conversation (while there is one to clear; `new-conversation="off"` hides it).
 * @csspart undo-notice - "Conversation cleared" with Undo, for a few seconds after New conversation.
 * @csspart undo-button - Undo: brings the cleared conversation back (and saves it again).
 * @csspart heading - The heading text.
 * @csspart transcript - The scrolling conversation (a `role="log"` region).
 * @csspart empty - The wrapper of the `empty` slot.
 * @csspart message - Every message; also `user-message` or `assistant-message`.
 * @csspart user-message - A message the user sent.
 * @csspart assistant-message - Everything the assistant did for one user message.
 * @csspart typing-indicator - The dots shown before the first token.
 * @csspart state-note - "Stopped" or "Interrupted" under a cut-short answer.
 * @csspart turn-note - A line above an answer about how it was made: older messages left out to fit `context-budget`, an MCP server whose tools were unavailable.
 * @csspart message-actions - The controls under a message: versions, Copy, Edit or Regenerate, usage.
 * @csspart copy-message-button - Copies the message's markdown source.
 * @csspart edit-button - Opens a user message for editing.
 * @csspart edit-form - The box editing a user message (Enter sends a new version, Escape cancels).
 * @csspart edit-input - Its textarea.
 * @csspart send-edit-button - Sends the edited message.
 * @csspart cancel-edit-button - Closes the edit box.
 * @csspart regenerate-button - Asks for a new version of the answer.
 * @csspart version-pager - `< 2/3 >`: which version of a message or answer is shown.
 * @csspart previous-version-button - Shows the previous version.
 * @csspart next-version-button - Shows the next version.
 * @csspart version-position - The "2/3" between them.
 * @csspart usage - Tokens in and out and the model, under an answer (only with `show-usage`).
 * @csspart reasoning - The collapsible "thinking" section.
 * @csspart tool-card - A tool call; also `tool-<status>` (`tool-streaming`, `tool-awaiting-approval`, `tool-running`, `tool-done`, `tool-failed`, `tool-denied`, `tool-stopped`).
 * @csspart tool-name - The tool's name in its card.
 * @csspart tool-status - The call's status in its card.
 * @csspart tool-arguments - The call's arguments (`data-source="validated"` when they are the validated value that runs).
 * @csspart tool-arguments-elided - While long arguments stream, the note counting the earlier characters not shown.
 * @csspart tool-argument-list - The arguments' fields (a `<dl>`).
 * @csspart tool-argument-name - A field's name.
 * @csspart tool-argument-value - A field's value.
 * @csspart tool-argument-text - A multi-line or long string value, as a text block.
 * @csspart tool-argument-json - A nested object or array value, as indented JSON.
 * @csspart hidden-char - An invisible, bidirectional or control character, shown as its code (`U+202E`).
 * @csspart tool-hidden-note - The line saying the call contains such characters.
 * @csspart tool-result - The collapsible result.
 * @csspart approval - The Approve / Deny prompt.
 * @csspart approve-button - Approve.
 * @csspart deny-button - Deny.
 * @csspart error - An error notice.
 * @csspart error-title - What happened.
 * @csspart error-detail - What the server said, or what to check.
 * @csspart retry-button - Retry.
 * @csspart continue-shorter-button - After "the conversation is too long for this model": runs the turn again with the oldest messages left out (half the estimated size, halved again on each use), and keeps that budget for later turns until the conversation is replaced.
 * @csspart storage-notice - Says the saved conversation could not be read or the conversation could not be saved (`role="alert"`; `data-kind` is the event's `kind`).
 * @csspart notice-title - What happened, in the storage notice.
 * @csspart notice-detail - Why, and what it means, in the storage notice.
 * @csspart start-over-button - Deletes an unreadable saved conversation so saving can resume.
 * @csspart dismiss-button - Hides the "could not be saved" notice, or the list of refused files.
 * @csspart scroll-button - "Jump to the latest": shown while the reader is scrolled up during a turn, or after new content arrived below (then `data-state="new"`, "New messages below", announced politely); it goes to the bottom and follows again.
 * @csspart footer - The area below the transcript.
 * @csspart composer - The message form.
 * @csspart input - The message textarea.
 * @csspart send-button - Send (the same button becomes `stop-button` while a turn runs).
 * @csspart stop-button - Stop.
 * @csspart attach-button - Opens the file picker (with `attachments`).
 * @csspart attachments - The files waiting to be sent (a list above the input).
 * @csspart attachment - A waiting file: thumbnail or icon, name, note, remove button; `data-state` is `reading` or `ready`.
 * @csspart attachment-note - What was done to an image before sending ("Resized to 1568×1045 (from 4032×2688)", "Converted to JPEG"), or a file's size.
 * @csspart attachment-remove - Removes a waiting file.
 * @csspart attachment-problems - Says which files were not attached and why (`role="alert"`).
 * @csspart drop-zone - Shown over the element while files are dragged over it.
 * @csspart attachment-image - An image sent with a message, in the transcript.
 * @csspart attachment-file - A text file sent with a message, in the transcript (opens to its text).
 * @csspart attachment-remote - In place of a remote (`https:`) image in the conversation, which is never loaded.
 * @csspart key-form - The API key form.
 * @csspart key-input - The API key password input.
 * @csspart key-remember - The "Remember on this device" checkbox.
 * @csspart key-submit - The button that uses the typed key.
 * @csspart key-status - The line saying how the user's key is kept, with Forget key.
 * @csspart forget-key-button - Forget key.
 *
 * @cssprop [--tool-agent-background=light-dark(#ffffff, #17181c)] - Background.
 * @cssprop [--tool-agent-color=light-dark(#1d1f24, #e6e7ea)] - Text colour.
 * @cssprop [--tool-agent-muted-color=light-dark(#5b616e, #a3a8b3)] - Secondary text: reasoning, statuses, notes.
 * @cssprop [--tool-agent-border-color=light-dark(#d5d8de, #3a3d45)] - Borders and dividers.
 * @cssprop [--tool-agent-accent-color=light-dark(#2456c8, #8ab0ff)] - Primary buttons, focus rings, the approval card.
 * @cssprop [--tool-agent-accent-contrast=light-dark(#ffffff, #0b1a3a)] - Text on the accent colour.
 * @cssprop [--tool-agent-user-background=light-dark(#e8eefc, #26324d)] - The user's message bubble.
 * @cssprop [--tool-agent-user-color=var(--tool-agent-color)] - Text in the user's bubble.
 * @cssprop [--tool-agent-surface-background=light-dark(#f5f6f8, #202228)] - Tool cards.
 * @cssprop [--tool-agent-code-bg=light-dark(#eef0f3, #262931)] - Code, arguments and results.
 * @cssprop [--tool-agent-error-color=light-dark(#a4161a, #ff9b9b)] - Error border, icon and failed statuses.
 * @cssprop [--tool-agent-error-background=light-dark(#fdecec, #3a1d20)] - Error notice background.
 * @cssprop [--tool-agent-success-color=light-dark(#17703a, #7fd69c)] - The "Done" status.
 * @cssprop [--tool-agent-radius=0.75rem] - Corner radius.
 * @cssprop [--tool-agent-spacing=0.75rem] - Padding and gaps.
 * @cssprop [--tool-agent-font-family=system-ui] - Font.
 * @cssprop [--tool-agent-code-font=ui-monospace] - Font of code, tool names, arguments and results.
 * @cssprop [--tool-agent-font-size=0.95rem] - Base font size.
 * @cssprop [--tool-agent-link-color=LinkText] - Links in answers (from the markdown renderer).
 * @cssprop [--tool-agent-block-gap=0.75em] - Space between markdown blocks (from the markdown renderer).
 * @cssprop [--tool-agent-code-keyword=light-dark(#8839a8, #d2a8ff)] - Highlighted code: keywords.
 * @cssprop [--tool-agent-code-string=light-dark(#116329, #7ee787)] - Highlighted code: strings.
 * @cssprop [--tool-agent-code-number=light-dark(#953800, #ffa657)] - Highlighted code: numbers and literals.
 * @cssprop [--tool-agent-code-comment=light-dark(#57606a, #9da5ae)] - Highlighted code: comments.
 * @cssprop [--tool-agent-code-title=light-dark(#0550ae, #79c0ff)] - Highlighted code: function and class names.
 * @cssprop [--tool-agent-code-attr=light-dark(#6f4e00, #e3b341)] - Highlighted code: attributes and properties.
 * @cssprop [--tool-agent-code-deletion=light-dark(#b31d28, #ffa198)] - Highlighted diffs: removed lines.
 * @cssprop [--tool-agent-code-addition=light-dark(#116329, #7ee787)] - Highlighted diffs: added lines.
 *
 * @cssstate busy - A turn is running.
 */
export class ToolAgentChat extends LitElement {
  static override styles = [markdownCss, toolAgentChatStyles, messageAttachmentStyles];

  /** Base URL of the OpenAI-compatible API (`…/v1`). A localhost URL needs no key. */
  @property({ attribute: 'base-url' }) baseURL = 'https://api.openai.com/v1';

  /** The model id, e.g. `gpt-4o-mini` or `llama3.1`. */
  @property() model = 'gpt-4o-mini';

  /** A system prompt sent before the conversation (not stored in it). */
  @property({ attribute: 'system-prompt' }) systemPrompt = '';

  /** Placeholder of the message input; when empty, `strings.placeholder` ("Send a message"). */
  @property() placeholder = '';

  /**
   * Most model requests in one turn (tool rounds included). An invalid value of any numeric
   * attribute or property means its default, with one console warning.
   * @default 10
   */
  @property({ attribute: 'max-iterations', converter: maxIterationsAttribute.converter })
  get maxIterations(): number {
    return this.#maxIterations;
  }

  set maxIterations(value: number) {
    this.#maxIterations = maxIterationsAttribute.read(value);
  }

  /**
   * Retries of the built-in API for network errors and 408/409/429/5xx before the first byte.
   * @default 2
   */
  @property({ attribute: 'max-retries', converter: maxRetriesAttribute.converter })
  get maxRetries(): number {
    return this.#maxRetries;
  }

  set maxRetries(value: number) {
    this.#maxRetries = maxRetriesAttribute.read(value);
  }

  /**
   * Milliseconds the built-in API waits for the response headers, per attempt; `Infinity` waits forever.
   * @default 120000
   */
  @property({ converter: timeoutAttribute.converter })
  get timeout(): number {
    return this.#timeout;
  }

  set timeout(value: number) {
    this.#timeout = timeoutAttribute.read(value);
  }

  /**
   * Longest silence, in milliseconds, the built-in API waits for the next bytes of a response; `Infinity` waits forever.
   * @default 120000
   */
  @property({ attribute: 'idle-timeout', converter: idleTimeoutAttribute.converter })
  get idleTimeout(): number {
    return this.#idleTimeout;
  }

  set idleTimeout(value: number) {
    this.#idleTimeout = idleTimeoutAttribute.read(value);
  }

  /** localStorage key: when set, the conversation is restored from and saved to it. */
  @property({ attribute: 'storage-key' }) storageKey = '';

  /**
   * Sampling temperature; overrides `settings.temperature`.
   * @default undefined
   */
  @property({ converter: temperatureAttribute.converter })
  get temperature(): number | undefined {
    return this.#temperature;
  }

  set temperature(value: number | undefined) {
    this.#temperature = temperatureAttribute.read(value);
  }

  /**
   * Upper bound on generated tokens per request; overrides `settings.maxTokens`.
   * @default undefined
   */
  @property({ attribute: 'max-tokens', converter: maxTokensAttribute.converter })
  get maxTokens(): number | undefined {
    return this.#maxTokens;
  }

  set maxTokens(value: number | undefined) {
    this.#maxTokens = maxTokensAttribute.read(value);
  }

  /**
   * Most estimated tokens one request may hold (the agent's `contextBudget`): before each request
   * the oldest messages are left out until it fits (the system prompt, the latest message and
   * tool calls with their results are kept together), and the answer says how many were left out.
   * Also applies to a custom `agent` or `chatApi`. Unset: no trimming.
   * @default undefined
   */
  @property({ attribute: 'context-budget', converter: contextBudgetAttribute.converter })
  get contextBudget(): number | undefined {
    return this.#contextBudget;
  }

  set contextBudget(value: number | undefined) {
    this.#contextBudget = contextBudgetAttribute.read(value);
  }

  /**
   * How often, in ms, streamed answer text is written into the transcript: at most once per
   * interval, in an animation frame, so the page lays out, paints and scrolls the growing answer
   * that often instead of for every network read. 50 ms (20 updates a second) reads as smooth and
   * costs far less for a fast model; the first text still shows on the next frame, nothing is
   * held back when the answer ends or is stopped, and `tool-agent-chunk` events still come as the
   * chunks arrive. `0` writes every piece as it comes. Applies to answers that start after a change.
   * @default 50
   */
  @property({ attribute: 'render-interval', converter: renderIntervalAttribute.converter })
  get renderInterval(): number {
    return this.#renderInterval;
  }

  set renderInterval(value: number) {
    this.#renderInterval = renderIntervalAttribute.read(value);
  }

  /**
   * MCP servers whose tools the assistant may use (Streamable HTTP; `name`, `url`, optional
   * `bearerToken`, `headers`, `requiresApproval`, `timeout`). Connected on the first turn that
   * needs them (the `tool-agents/mcp` code is loaded only then) and closed when this changes or
   * the element leaves the page. Their tools (`name__tool`) ask the user's approval unless
   * `requiresApproval` says otherwise: a remote tool is a remote action. A server that cannot be
   * reached is named above that answer and in a `tool-agent-mcp-error` event; the others' tools
   * are offered regardless.
   */
  @property({ attribute: false })
  get mcpServers(): readonly McpServerOptions[] | undefined {
    return this.#mcpServers;
  }

  set mcpServers(servers: readonly McpServerOptions[] | undefined) {
    const old = this.#mcpServers;
    this.#mcpServers = servers;
    this.#mcp.servers = servers;
    this.requestUpdate('mcpServers', old);
  }

  /** A visible heading above the conversation; none when empty. */
  @property() heading = '';

  /** Accessible name of the conversation log; when empty, `strings.label` ("Conversation"). */
  @property() label = '';

  /**
   * Every word the element shows or announces, for another language: a partial object merged over
   * the English defaults (`defaultChatStrings`); each assignment replaces the previous override.
   * `placeholder` and `label`, when set, win over their strings. Reading gives the merged strings.
   */
  @property({ attribute: false })
  get strings(): ChatStrings {
    return this.#strings;
  }

  set strings(value: Partial<ChatStrings>) {
    this.#strings = { ...defaultChatStrings, ...value };
  }

  /** Shows under each answer its tokens in and out and the model that answered, when the provider reported them. */
  @property({ attribute: 'show-usage', type: Boolean }) showUsage = false;

  /**
   * Shows the New conversation button in the header (with Undo for a few seconds after).
   * On by default; `new-conversation="off"` (or `"false"`) hides it.
   */
  @property({ attribute: 'new-conversation', converter: onByDefault }) newConversation = true;
  /**
   * Lets the user attach files by the attach button, paste and drop, and says which: a list like
   * an `<input accept>` (`image/*,.md,.py`). A bare `attachments` takes images and common text and
   * source files. Images are sent as image parts (downscaled to `image-max-side`), text files
   * (UTF-8 only) as text parts holding the file's name and content. Unset: no attachments.
   * @default undefined
   */
  @property({ converter: { fromAttribute: (value: string | null) => value ?? undefined } })
  attachments: string | undefined = undefined;

  /**
   * The longest side, in pixels, of an attached image as sent: larger ones are downscaled (never
   * upscaled), and the file's thumbnail says so.
   * @default 1568
   */
  @property({ attribute: 'image-max-side', converter: imageMaxSideAttribute.converter })
  get imageMaxSide(): number {
    return this.#imageMaxSide;
  }

  set imageMaxSide(value: number) {
    this.#imageMaxSide = imageMaxSideAttribute.read(value);
  }

  /**
   * The largest file, in bytes, the user may attach (as picked, before any downscaling); a larger
   * one is refused with a message.
   * @default 10000000
   */
  @property({ attribute: 'attachment-max-bytes', converter: attachmentMaxBytesAttribute.converter })
  get attachmentMaxBytes(): number {
    return this.#attachmentMaxBytes;
  }

  set attachmentMaxBytes(value: number) {
    this.#attachmentMaxBytes = attachmentMaxBytesAttribute.read(value);
  }

  /** Disables the message input (programmatic `send()` still works). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The endpoint takes no key: never ask for one. */
  @property({ attribute: 'no-key', type: Boolean }) noKey = false;

  /** Ask for a key even for a localhost endpoint or a custom `fetch`. */
  @property({ attribute: 'key-required', type: Boolean }) keyRequired = false;

  /**
   * Syntax-highlights fenced code in answers (its code loads the first time a code block
   * appears). On by default; `highlight="off"` (or `"false"`) turns it off for new messages.
   */
  @property({ converter: onByDefault }) highlight = true;

  /**
   * Typesets `$…$`, `$$…$$`, `\(…\)` and `\[…\]` as math (MathML, loaded the first time math
   * appears; currency such as "$5 and $10" stays text). On by default; `math="off"` turns it off.
   */
  @property({ converter: onByDefault }) math = true;

  /** The tools the model may call: `FunctionTool`s or a `ToolRegistry`. */
  @property({ attribute: false }) tools: readonly AnyFunctionTool[] | ToolRegistry | undefined =
    undefined;

  /** Request settings (temperature, max tokens, tool choice, extra body fields…). */
  @property({ attribute: false }) settings: ChatSettings | undefined = undefined;

  /**
   * A chat backend to use instead of the built-in `OpenAIChatAPI` (then no key is asked for, and
   * the built-in API's options are ignored, with one warning).
   */
  @property({ attribute: false }) chatApi: ChatAPI | undefined = undefined;

  /**
   * A ready agent for full control; wins over `chatApi` (and `max-iterations` and the built-in
   * API's options are ignored, with one warning). The element's approval flow is used for its turns.
   */
  @property({ attribute: false }) agent: ChatToolAgent | undefined = undefined;

  /** A `fetch` for the built-in API to use (a proxy, a test double). */
  @property({ attribute: false }) fetch: typeof globalThis.fetch | undefined = undefined;

  readonly #conversation = new ConversationController(this, {
    setup: (conversation, retry) => this.#turnSetup(conversation, retry),
    markdown: () => this.#markdownOptions(),
    // The built-in API knows whether its turn sent a key; a custom backend is assumed to have sent one.
    describe: (error) => describeError(error, this.#builtInKeySent ?? true),
    onProgress: () => this.#follower.progressed(),
    onApprovalRequested: () => void this.#focusApproval(),
    onFinished: (response) => this.#finished(response),
    onStopped: () => this.#stopped(),
    onFailed: (error, notice) => this.#failed(error, notice),
  });
  readonly #keys = new ApiKeyController(this);
  readonly #mcp = new McpToolsController(this, (problem) =>
    this.dispatchEvent(new ToolAgentMcpErrorEvent(problem)),
  );
  #mcpServers: readonly McpServerOptions[] | undefined;
  #contextBudget = contextBudgetAttribute.read(undefined);
  #renderInterval = renderIntervalAttribute.read(undefined);
  // Chosen with "Continue with a shorter context": kept for later turns until the conversation is replaced.
  #shorterBudget: number | undefined;
  readonly #attachments = new AttachmentsFeature(
    this,
    {
      attribute: () => (this.disabled ? undefined : this.attachments),
      maxSide: () => this.imageMaxSide,
      maxBytes: () => this.attachmentMaxBytes,
      announce: (text) => this.#announce(text),
      input: () => this.input,
      root: () => this.shadowRoot,
    },
    () => this.attachments !== undefined,
  );
  readonly #follower = new BottomFollower(this, {
    view: () => this.transcriptView,
    sentinel: () => this.bottomSentinel,
  });
  readonly #internals = this.attachInternals();
  readonly #messageActions = new MessageActionsController(this);
  readonly #undo = new UndoOffer<ConversationTree>(this);
  readonly #actions: TranscriptActions = {
    decide: (card, approved) => void this.#decide(card, approved),
    retryFor: (entry) => this.#conversation.retryFor(entry),
    ...messageActionHandlers({
      element: this,
      conversation: this.#conversation,
      controls: this.#messageActions,
      approveSend: (text, attachments) => this.#approveSend(text, 'edit', attachments),
      willRun: () => {
        this.#undo.dismiss();
        this.#follower.jump();
      },
      selected: () => {
        this.#offerRetryIfUnanswered();
        this.#persist();
      },
      announce: (text) => this.#announce(text),
      focusInput: () => void this.updateComplete.then(() => this.input?.focus()),
    }),
  };
  #strings = defaultChatStrings;
  // Whether the running or last turn of the built-in API sent a key; undefined for a custom backend.
  #builtInKeySent: boolean | undefined;
  // Set when a turn failed for want of a (valid) key: the next key typed in the form retries it.
  #retryOnKey = false;
  #maxIterations = maxIterationsAttribute.read(undefined);
  #maxRetries = maxRetriesAttribute.read(undefined);
  #timeout = timeoutAttribute.read(undefined);
  #idleTimeout = idleTimeoutAttribute.read(undefined);
  #temperature = temperatureAttribute.read(undefined);
  #maxTokens = maxTokensAttribute.read(undefined);
  #imageMaxSide = imageMaxSideAttribute.read(undefined);
  #attachmentMaxBytes = attachmentMaxBytesAttribute.read(undefined);
  /** The storage key whose saved conversation was looked at (restored, or found unreadable). */
  #checkedKey = '';
  /** The saved conversation could not be restored: nothing is saved under its key meanwhile. */
  @state() private loadProblem: ToolAgentStorageErrorDetail | undefined;
  /** The last save failed (storage full or blocked). */
  @state() private saveProblem: ToolAgentStorageErrorDetail | undefined;
  /** What the status region announces (each finished message, once), in the element's strings. */
  @state() private announcement: ChatText = () => '';
  @query('#input') private input!: HTMLTextAreaElement | null;
  @query('.transcript') private transcriptView!: HTMLElement | null;
  @query('.bottom-anchor') private bottomSentinel!: HTMLElement | null;
  /** The first call waiting for the user's decision, if any. */
  @query('[part~="approve-button"]') private approveButton!: HTMLButtonElement | null;
  @query('#api-key') private apiKeyInput!: HTMLInputElement | null;
  #focusReturn: HTMLElement | undefined;
  #warnedIgnored = false;

  constructor() {
    super();
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.#conversation.running) {
        event.preventDefault();
        this.stop();
      }
    });
    // A page may set these before the element is defined; such own properties would hide the accessors.
    for (const name of ['apiKey', 'history', 'messages'] as const) {
      if (!Object.hasOwn(this, name)) continue;
      const value: unknown = Reflect.get(this, name);
      Reflect.deleteProperty(this, name);
      Reflect.set(this, name, value);
    }
  }

  /** The API key for the built-in API. Write-only in spirit: it is never rendered, reflected or sent in an event. */
  get apiKey(): string | undefined {
    return this.#keys.pageKey;
  }

  set apiKey(key: string | undefined) {
    this.#keys.pageKey = key;
  }

  /**
   * The conversation as shown: the visible version of each message and answer (a copy; assign to
   * replace it, versions included, which stops a running turn).
   */
  get messages(): readonly ChatMessage[] {
    return [...this.#conversation.messages];
  }

  set messages(messages: readonly ChatMessage[]) {
    // Look at what is saved first, so an unreadable conversation is found, not overwritten.
    if (this.storageKey !== this.#checkedKey) this.#restore();
    this.#replaceConversation([...messages]);
    this.#persist();
  }

  /** The conversation as a new `ChatHistory`; assigning one replaces the conversation. */
  get history(): ChatHistory {
    return new ChatHistory({ messages: this.#conversation.messages });
  }

  set history(history: ChatHistory) {
    this.messages = history.getMessages();
  }

  /** True while a turn runs. */
  get running(): boolean {
    return this.#conversation.running;
  }

  /**
   * Sends a user message and runs the turn, after `tool-agent-send` (which may change or refuse
   * it). Resolves with the response, or `undefined` when the message was refused or the turn was
   * stopped or failed (the error is shown and `tool-agent-error` fired). `attachments` (image
   * parts, text parts) go before the text, as the composer sends attached files.
   * @throws Error when a turn is already running.
   */
  async send(
    text: string,
    attachments: readonly ChatMessagePart[] = [],
  ): Promise<ChatResponse | undefined> {
    return this.#send(text, 'method', false, attachments);
  }

  /** Stops the running turn: the request and the running tools are aborted; the partial answer stays. */
  stop(): void {
    if (!this.#conversation.running || this.#conversation.stopping) return;
    this.dispatchEvent(new ToolAgentStopEvent());
    this.#conversation.stop();
  }

  /**
   * Stops any turn and empties the conversation (and its saved copy; one saved by a newer
   * version of the element is left untouched).
   */
  clear(): void {
    this.#replaceConversation([]);
    this.saveProblem = undefined;
    if (!this.storageKey || this.loadProblem?.kind === 'newer-version') return;
    this.loadProblem = undefined;
    removeConversation(this.storageKey);
  }

  protected override willUpdate(): void {
    this.#keys.setBaseURL(this.baseURL);
    if (this.attachments !== undefined) this.#attachments.enable();
    if (this.storageKey !== this.#checkedKey) this.#restore();
  }

  protected override updated(): void {
    if (this.#conversation.running) this.#internals.states.add('busy');
    else this.#internals.states.delete('busy');
  }

  // The transcript's last child is the bottom sentinel: scroll anchoring holds it in place while the view follows.
  protected override render(): TemplateResult {
    const running = this.#conversation.running;
    const s = this.#strings;
    const entries = this.#conversation.entries;
    const editing = this.#messageActions.editing;
    const files = this.#attachments.controller;
    return html`
      <div
        class="chat"
        part="base"
        @dragenter=${files?.onDragEnter}
        @dragover=${files?.onDragOver}
        @dragleave=${files?.onDragLeave}
        @drop=${files?.onDrop}
      >
        ${headerTemplate({
          heading: this.heading,
          newConversation: this.newConversation && entries.length > 0,
          onNewConversation: () => void this.#newConversation(),
          strings: s,
        })}
        <div
          class="transcript"
          part="transcript"
          role="log"
          aria-live="off"
          aria-label=${this.label || s.label}
          aria-busy=${running ? 'true' : 'false'}
          tabindex="0"
          @scroll=${this.#follower.onScroll}
        >
          ${this.loadProblem ? this.#storageNotice(this.loadProblem) : nothing}
          ${entries.length === 0 ? html`<div class="empty" part="empty"><slot name="empty"></slot></div>` : nothing}
          ${repeat(
            entries,
            (entry) => entry.key,
            // Only entries that changed are re-rendered: a long conversation costs nothing per token.
            (entry) => {
              const branch = this.#conversation.branchOf(entry);
              const copied = this.#messageActions.copiedOf(entry.key);
              const isEditing = editing === entry.key;
              return guard(
                [
                  entry,
                  entry.kind === 'assistant' ? entry.revision : 0,
                  this.#actions.retryFor(entry),
                  s,
                  branch,
                  running,
                  isEditing,
                  copied,
                  this.showUsage,
                ],
                () =>
                  entryTemplate(
                    entry,
                    {
                      branch,
                      busy: running,
                      editing: isEditing,
                      copied,
                      showUsage: this.showUsage,
                    },
                    this.#actions,
                    s,
                  ),
              );
            },
          )}
          ${this.saveProblem ? this.#storageNotice(this.saveProblem) : nothing}
          <div class="bottom-anchor" aria-hidden="true"></div>
        </div>
        <!-- Announces each finished message once; the log itself stays quiet while tokens stream. -->
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement(s)}</div>
        ${this.#undo.pending ? undoNoticeTemplate(this.#undoNewConversation, s) : nothing}
        <div class="footer" part="footer">
          ${scrollButtonTemplate({
            shown: !this.#follower.following && (running || this.#follower.newBelow),
            newBelow: this.#follower.newBelow,
            onClick: this.#jumpToLatest,
            strings: s,
          })}
          ${this.#footerTemplate(running)}
        </div>
        ${this.#attachments.dropZone(s)}
      </div>
    `;
  }

  #storageNotice(problem: ToolAgentStorageErrorDetail): TemplateResult {
    return storageNoticeTemplate({
      problem,
      onStartOver: this.#startOver,
      onDismiss: this.#dismissSaveProblem,
      strings: this.#strings,
    });
  }

  #footerTemplate(running: boolean): TemplateResult {
    if (this.#showKeyForm()) {
      return keyFormTemplate({
        host: hostOf(this.baseURL),
        rejection: this.#keys.rejection,
        onSubmit: this.#submitKey,
        strings: this.#strings,
      });
    }
    const keeping = this.chatApi || this.agent ? undefined : this.#keys.userKeyKeeping;
    const s = this.#strings;
    return html`
      ${this.#attachments.list(s)}
      ${composerTemplate({
        placeholder: this.placeholder || s.placeholder,
        label: s.messageTo(this.heading || s.assistant),
        running,
        disabled: this.disabled,
        onSubmit: this.#onSubmit,
        onKeydown: this.#onKeydown,
        onStop: () => this.stop(),
        attach: this.#attachments.button(this.attachments, this.disabled, s),
        onPaste: this.#attachments.controller?.onPaste,
        strings: s,
      })}
      ${
        keeping
          ? html`<p class="key-status" part="key-status">
            ${keeping === 'device' ? s.keyRemembered : s.keyKept}
            <button type="button" class="link-button" part="forget-key-button" @click=${this.#forgetKey}>${s.forgetKey}</button>
          </p>`
          : nothing
      }
    `;
  }

  #showKeyForm(): boolean {
    if (this.chatApi || this.agent) return false;
    if (this.#keys.rejected) return true;
    const customTransport = this.fetch !== undefined;
    return (
      needsApiKey({
        noKey: this.noKey,
        keyRequired: this.keyRequired,
        customTransport,
        baseURL: this.baseURL,
      }) && !this.#keys.key
    );
  }

  #turnSetup(conversation: readonly ChatMessage[], retry: RetryOptions): TurnSetup {
    this.#warnIgnoredOptions();
    this.#retryOnKey = false;
    this.#builtInKeySent = this.chatApi || this.agent ? undefined : this.#keys.key !== undefined;
    const agent =
      this.agent ??
      new ChatToolAgent({ chatApi: this.#chatApi(), maxIterations: this.maxIterations });
    const messages =
      this.systemPrompt && conversation[0]?.role !== 'system'
        ? [ChatMessage.createSystemMessage(this.systemPrompt), ...conversation]
        : conversation;
    const toolRegistry =
      this.tools === undefined || this.tools instanceof ToolRegistry
        ? this.tools
        : new ToolRegistry(this.tools);
    if (retry.shorterContext)
      this.#shorterBudget = shorterContextBudget(
        messages,
        this.#shorterBudget ?? this.#contextBudget,
      );
    const budgets = [this.#contextBudget, this.#shorterBudget].filter((b) => b !== undefined);
    return {
      agent,
      messages,
      settings: this.#settings(agent),
      toolRegistry,
      contextBudget: budgets.length > 0 ? Math.min(...budgets) : undefined,
      prepare: this.#mcpServers?.length ? (signal) => this.#mcpTools(signal) : undefined,
    };
  }

  /** The MCP servers' tools for a turn, and a note for each server that could not be reached. */
  async #mcpTools(signal: AbortSignal): Promise<TurnPreparation> {
    const { tools, problems } = await this.#mcp.tools(signal);
    return {
      tools,
      notes: problems.map(({ server, error }) => ({
        key: `mcp:${server}`,
        text: (s) => s.mcpUnavailable(server, error.message),
      })),
    };
  }

  #finished(response: ChatResponse): void {
    this.#persist();
    this.#announce((s) =>
      response.response
        ? s.saidAnnouncement(announcedAnswer(response.response))
        : s.doneAnnouncement,
    );
    this.dispatchEvent(new ToolAgentResponseEvent({ response }));
  }

  #stopped(): void {
    // A stopped turn is over (the user ended it), not half-written: keep it across reloads.
    this.#persist();
    this.#announce((s) => s.stoppedAnnouncement);
  }

  #failed(error: unknown, notice: ErrorNotice): void {
    // The user's message (and the finished tool rounds) survive a reload, where Retry is offered again.
    this.#persist();
    if (!this.chatApi && !this.agent) {
      // 401, or a provider that says so with another status (Gemini: 400 "API key not valid").
      if (isKeyRejection(error))
        this.#keys.reject({ kind: this.#builtInKeySent === false ? 'missing' : 'unauthorized' });
      // A pasted key with an invisible or typographic character: ask for it again, saying why.
      if (isAPIKeyFormatError(error) && error.header === 'Authorization')
        this.#keys.reject({
          kind: 'unsendable',
          character: error.character,
          position: error.position,
        });
      this.#retryOnKey = this.#keys.rejected;
    }
    this.#announce((s) => s.errorAnnouncement(...notice.text(s)));
    this.dispatchEvent(new ToolAgentErrorEvent({ error }));
  }

  /** Says once which options a custom `agent` or `chatApi` leaves unread, rather than dropping them silently. */
  #warnIgnoredOptions(): void {
    if (this.#warnedIgnored) return;
    const ignored = ignoredOptions(this);
    if (ignored.length === 0) return;
    this.#warnedIgnored = true;
    console.warn(ignoredOptionsWarning(this, ignored));
  }

  #markdownOptions(): MarkdownRenderOptions {
    return {
      highlight: this.highlight,
      math: this.math,
      labels: this.#strings,
      renderInterval: this.#renderInterval,
    };
  }

  #chatApi(): ChatAPI {
    return (
      this.chatApi ??
      new OpenAIChatAPI({
        model: this.model,
        baseURL: this.baseURL,
        apiKey: this.#keys.key,
        fetch: this.fetch,
        maxRetries: this.maxRetries,
        timeout: this.timeout,
        idleTimeout: this.idleTimeout,
      })
    );
  }

  #settings(agent: ChatToolAgent): ChatSettings {
    return {
      ...agent.chatApi.getDefaultSettings(),
      ...this.settings,
      ...(this.temperature === undefined ? {} : { temperature: this.temperature }),
      ...(this.maxTokens === undefined ? {} : { maxTokens: this.maxTokens }),
    };
  }

  #replaceConversation(conversation: ChatMessage[] | ConversationTree): void {
    this.#conversation.replace(conversation);
    this.#shorterBudget = undefined;
    this.#messageActions.endEdit();
    this.#undo.dismiss();
    this.#follower.jump();
  }

  /** A conversation that ends with the user's message (or unread tool results) shows "No answer yet" with Retry. */
  #offerRetryIfUnanswered(): void {
    this.#conversation.offerRetryIfUnanswered({
      text: (s) => [s.noAnswer, s.noAnswerDetail],
      unauthorized: false,
    });
  }

  /** Restores the conversation saved under the current key, or reports why it cannot. */
  #restore(): void {
    const key = this.storageKey;
    this.#checkedKey = key;
    this.loadProblem = undefined;
    this.saveProblem = undefined;
    if (!key) return;
    const loaded = loadConversation(key);
    switch (loaded.kind) {
      case 'none':
        return;
      case 'ok':
        this.#replaceConversation(loaded.tree ?? loaded.messages);
        this.#offerRetryIfUnanswered();
        return;
      case 'unreadable':
      case 'newer-version':
        this.loadProblem = { key, kind: loaded.kind, reason: loaded.reason };
        this.dispatchEvent(new ToolAgentStorageErrorEvent(this.loadProblem));
    }
  }

  /** Saves the conversation under `storage-key`, unless what is saved there could not be read. */
  #persist(): void {
    const key = this.storageKey;
    if (!key || key !== this.#checkedKey || this.loadProblem) return;
    const saved = saveConversation(key, this.#conversation.tree);
    if (saved.ok) {
      if (this.saveProblem) this.#dismissSaveProblem();
      return;
    }
    this.saveProblem = { key, kind: 'save-failed', reason: saved.reason };
    this.dispatchEvent(new ToolAgentStorageErrorEvent(this.saveProblem));
  }

  /** "Start over": deletes the unreadable saved copy and saves from now on. */
  readonly #startOver = (): void => {
    const problem = this.loadProblem;
    if (problem?.kind !== 'unreadable') return;
    removeConversation(problem.key);
    this.loadProblem = undefined;
    if (this.#conversation.messages.length > 0) this.#persist();
    void this.updateComplete.then(() => this.input?.focus());
  };

  readonly #dismissSaveProblem = (): void => {
    const focused = this.shadowRoot?.activeElement?.closest('[part~="storage-notice"]');
    this.saveProblem = undefined;
    if (focused) void this.updateComplete.then(() => this.input?.focus());
  };

  #announce(text: ChatText): void {
    this.announcement = text;
  }

  readonly #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#submitInput();
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    void this.#submitInput();
  };

  async #submitInput(): Promise<void> {
    const files = this.#attachments.controller;
    // Files still being read (an image being downscaled) go with this message, once ready.
    if (files?.reading) await files.settled();
    const input = this.input;
    const text = input?.value.trim() ?? '';
    const attachments = files?.parts() ?? [];
    if (!input || (!text && attachments.length === 0)) return;
    if (this.disabled || this.#conversation.running) return;
    if (!this.dispatchEvent(new ToolAgentSubmitEvent({ text, attachments }))) return;
    const approved = this.#approveSend(text, 'composer', attachments);
    if (approved === undefined) return;
    input.value = '';
    files?.clear();
    void this.#send(approved, 'composer', true, attachments);
  }

  /** Fires `tool-agent-send`: the text to send (as the page left it), or `undefined` when the page refused it. */
  #approveSend(
    text: string,
    source: SendSource,
    attachments: readonly ChatMessagePart[],
  ): string | undefined {
    const event = new ToolAgentSendEvent({ text, source, attachments });
    if (!this.dispatchEvent(event)) return undefined;
    // Emptied by the page: nothing is sent, unless files go with it.
    return String(event.detail.text).trim() || (attachments.length > 0 ? '' : undefined);
  }

  async #send(
    text: string,
    source: SendSource,
    approved = false,
    attachments: readonly ChatMessagePart[] = [],
  ): Promise<ChatResponse | undefined> {
    let content: string | undefined = text.trim();
    if (!content && attachments.length === 0) return undefined;
    if (this.#conversation.running) {
      if (!this.#conversation.stopping)
        throw new Error('A turn is already running; call stop() first.');
      await this.#conversation.settle();
      if (this.#conversation.running)
        throw new Error('A turn is already running; call stop() first.');
    }
    if (!approved) content = this.#approveSend(content, source, attachments);
    if (content === undefined) return undefined;
    // A new message starts the new conversation for good: the cleared one is no longer offered back.
    this.#undo.dismiss();
    this.#follower.jump();
    const parts = content
      ? [...attachments, { type: 'text' as const, text: content }]
      : attachments;
    return this.#conversation.send(ChatMessage.createUserMessage(parts), content);
  }

  /** New conversation: stops the turn (keeping what it produced, for Undo), clears, and offers Undo. */
  async #newConversation(): Promise<void> {
    if (!this.dispatchEvent(new ToolAgentNewConversationEvent({ action: 'clear' }))) return;
    this.stop();
    await this.#conversation.settle();
    const previous = this.#conversation.tree;
    this.clear();
    this.#undo.offer(previous, undoMs);
    this.#announce((s) => s.conversationCleared);
    void this.updateComplete.then(() => this.input?.focus());
  }

  readonly #undoNewConversation = (): void => {
    if (!this.dispatchEvent(new ToolAgentNewConversationEvent({ action: 'undo' }))) return;
    const previous = this.#undo.take();
    if (!previous) return;
    this.#replaceConversation(previous);
    this.#offerRetryIfUnanswered();
    this.#persist();
    this.#announce((s) => s.conversationRestored);
    void this.updateComplete.then(() => this.input?.focus());
  };

  readonly #submitKey = (key: string, remember: boolean): void => {
    this.#keys.submit(key, remember);
    // The turn that failed for want of this key runs again with it, as its Retry would.
    if (this.#retryOnKey && this.#conversation.canRetry) {
      this.#retryOnKey = false;
      this.#follower.jump();
      this.#conversation.retry();
    }
    void this.updateComplete.then(() => this.input?.focus());
  };

  readonly #forgetKey = (): void => {
    this.#keys.forget();
    void this.updateComplete.then(() => this.apiKeyInput?.focus());
  };

  async #focusApproval(): Promise<void> {
    await this.updateComplete;
    const active = this.shadowRoot?.activeElement;
    // Only take focus from inside the element (or from nowhere), never from the rest of the page.
    if (
      !active &&
      this.ownerDocument.activeElement !== this.ownerDocument.body &&
      this.ownerDocument.activeElement !== null
    )
      return;
    const button = this.approveButton;
    if (!button || active === button) return;
    if (!this.#focusReturn && active instanceof HTMLElement && !active.closest('.approval'))
      this.#focusReturn = active;
    button.focus();
  }

  async #decide(card: ToolCard, approved: boolean): Promise<void> {
    this.#conversation.decide(card, approved);
    await this.updateComplete;
    const next = this.approveButton;
    if (next) return next.focus();
    const target = this.#focusReturn?.isConnected ? this.#focusReturn : this.input;
    this.#focusReturn = undefined;
    target?.focus();
  }

  readonly #jumpToLatest = (): void => {
    const focused = this.shadowRoot?.activeElement?.closest('[part~="scroll-button"]');
    this.#follower.jump();
    // The button goes away once the view follows: keyboard focus continues in the log it scrolled.
    if (focused) void this.updateComplete.then(() => this.transcriptView?.focus());
  };
}

function hostOf(baseURL: string): string {
  try {
    return new URL(keyScope(baseURL)).host || baseURL;
  } catch {
    return baseURL;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tool-agent-chat': ToolAgentChat;
  }
}
