import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  ToolAgentsError,
  type ChatMessage,
  type ChatRequestOptions,
  type ChatResponse,
  type ChatToolAgent,
  type ChatTurn,
  type ToolApprovalDecision,
  type ToolApprovalRequest,
} from '../src/index.js';
import { userMessageParts } from './attachments/user-message-parts.js';
import { ToolAgentChunkEvent, ToolAgentToolCallEvent } from './chat-events.js';
import type { MarkdownRenderOptions } from './markdown-adapter.js';
import { ProgressiveTranscript } from './progressive-transcript.js';
import type { ErrorNotice, ToolCard, TranscriptEntry } from './transcript-entry.js';
import { TurnView } from './turn-view.js';
import { yieldToBrowser } from './yield-to-browser.js';

// Longest run of chunk handling before the browser gets a turn to paint and take input.
const sliceMs = 12;

/** What one turn runs with, besides the conversation the controller holds. */
export interface TurnSetup {
  readonly agent: ChatToolAgent;
  /** The conversation as sent (with the system prompt, when the element adds one). */
  readonly messages: readonly ChatMessage[];
  readonly settings: ChatRequestOptions['settings'];
  readonly toolRegistry: ChatRequestOptions['toolRegistry'];
}

/** What the element does around the conversation: presentation, storage, page events. */
export interface ConversationCallbacks {
  /** The agent and options for the next turn over `conversation`; may throw (a configuration error fails the turn). */
  setup(conversation: readonly ChatMessage[]): TurnSetup;
  /** Markdown options for new transcript entries. */
  markdown(): MarkdownRenderOptions;
  /** Describes an error for the transcript. */
  describe(error: unknown): ErrorNotice;
  /** Something streamed in (also text, which needs no re-render): follow the stream. */
  onProgress(): void;
  /** A tool call now waits for the user's Approve or Deny. */
  onApprovalRequested(card: ToolCard): void;
  onFinished(response: ChatResponse): void;
  onStopped(): void;
  onFailed(error: unknown, notice: ErrorNotice): void;
}

/**
 * Owns the conversation and the running turn: the messages, their transcript entries (each
 * assistant entry a view of its turn's state), one run at a time, Stop, Retry and the calls
 * that wait for the user. The element keeps presentation only. The run stops when the host
 * leaves the document.
 */
export class ConversationController implements ReactiveController {
  readonly #host: ReactiveControllerHost & EventTarget & { readonly ownerDocument: Document };
  readonly #callbacks: ConversationCallbacks;
  #messages: ChatMessage[] = [];
  #entries: TranscriptEntry[] = [];
  #turn: ChatTurn | undefined;
  #stopRequested = false;
  #failed: TurnView | undefined;
  #active: Promise<unknown> | undefined;
  // Bumped whenever the conversation is replaced, so a run that ends later leaves it alone.
  #generation = 0;
  #renderFrame = 0;
  readonly #waiters = new Map<
    string,
    { readonly view: TurnView; readonly resolve: (approved: boolean) => void }
  >();
  // A restored conversation is shown newest first; older entries arrive over a few tasks.
  readonly #transcript = new ProgressiveTranscript({
    prepend: (older) => {
      this.#entries = [...older, ...this.#entries];
      this.#host.requestUpdate();
    },
  });

  constructor(
    host: ReactiveControllerHost & EventTarget & { readonly ownerDocument: Document },
    callbacks: ConversationCallbacks,
  ) {
    this.#host = host;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  /** The conversation (the controller's own array; copy before handing it out). */
  get messages(): readonly ChatMessage[] {
    return this.#messages;
  }

  /** The transcript: user messages and one view per assistant turn. */
  get entries(): readonly TranscriptEntry[] {
    return this.#entries;
  }

  /** True while a turn streams or waits for tools. */
  get running(): boolean {
    return this.#turn !== undefined;
  }

  /** True once `stop()` was called and the run is winding down. */
  get stopping(): boolean {
    return this.#turn !== undefined && this.#stopRequested;
  }

  hostDisconnected(): void {
    this.stop();
    this.#transcript.cancel();
  }

  /** Aborts the request and the running tools; the run ends as stopped. */
  stop(): void {
    if (!this.#turn) return;
    this.#stopRequested = true;
    this.#turn.stop(new DOMException('Stopped by the user.', 'AbortError'));
  }

  /** Waits for a stopped run to wind down. */
  async settle(): Promise<void> {
    if (this.#active) await this.#active.catch(() => undefined);
  }

  /** Replaces the conversation (stopping any run) and rebuilds the transcript. */
  replace(messages: ChatMessage[]): void {
    this.stop();
    this.#generation++;
    this.#failed = undefined;
    this.#messages = messages;
    this.#entries = this.#transcript.start(
      messages,
      this.#host.ownerDocument,
      this.#callbacks.markdown(),
    );
    this.#host.requestUpdate();
  }

  /** Adds the user's message and runs the turn; resolves with the response, or `undefined` when it stopped or failed. */
  send(user: ChatMessage, shownText: string): Promise<ChatResponse | undefined> {
    const view = new TurnView(this.#host.ownerDocument, this.#callbacks.markdown());
    this.#failed = undefined;
    this.#messages = [...this.#messages, user];
    this.#entries = [
      ...this.#entries,
      {
        kind: 'user',
        key: `user-${user.id}`,
        text: shownText,
        attachments: userMessageParts(user).attachments,
      },
      view,
    ];
    return this.#execute(view);
  }

  /** Retry for `entry`, when it is the failed turn and nothing runs; `undefined` hides the button. */
  retryFor(entry: TranscriptEntry): (() => void) | undefined {
    return entry === this.#failed && !this.running ? this.#retry : undefined;
  }

  /** True when a failed turn can be retried. */
  get canRetry(): boolean {
    return this.#failed !== undefined && !this.running;
  }

  /** Runs the failed turn again, after the rounds it finished. */
  retry(): void {
    this.#retry();
  }

  readonly #retry = (): void => {
    const view = this.#failed;
    if (!view || this.running) return;
    this.#failed = undefined;
    void this.#execute(view);
  };

  /**
   * A conversation saved after a failed or cut-off turn ends with the user's message (or tool
   * results the model has not read): show that it has no answer, with Retry.
   */
  offerRetryIfUnanswered(notice: ErrorNotice): void {
    const last = this.#messages.findLast((message) => message.role !== 'system');
    if (last?.role !== 'user' && last?.role !== 'tool') return;
    const view = new TurnView(this.#host.ownerDocument, this.#callbacks.markdown());
    view.fail(notice);
    this.#entries = [...this.#entries, view];
    this.#failed = view;
  }

  /** Answers a tool call that waits for the user. */
  decide(card: ToolCard, approved: boolean): void {
    const waiter = this.#waiters.get(card.key);
    if (!waiter) return;
    this.#waiters.delete(card.key);
    waiter.view.answered(card);
    this.#host.requestUpdate();
    waiter.resolve(approved);
  }

  async #execute(view: TurnView): Promise<ChatResponse | undefined> {
    const generation = this.#generation;
    let turn: ChatTurn;
    try {
      const setup = this.#callbacks.setup(this.#messages);
      turn = setup.agent.startTurn({
        messages: setup.messages,
        settings: setup.settings,
        toolRegistry: setup.toolRegistry,
        approveToolCall: (call, context) => this.#approve(view, call, context.signal),
      });
    } catch (error) {
      // Configuration errors (two tools with one name) fail the turn like any other error.
      return this.#fail(view, error);
    }
    this.#turn = turn;
    this.#stopRequested = false;
    view.begin(turn.state);
    const unsubscribe = turn.subscribe((state, event) => {
      const render = view.update(state, event);
      if (render === 'now') this.#host.requestUpdate();
      else if (render === 'frame') this.#renderNextFrame();
      this.#callbacks.onProgress();
    });
    this.#host.requestUpdate();
    const run = this.#stream(turn);
    this.#active = run;
    await run;
    unsubscribe();
    cancelAnimationFrame(this.#renderFrame);
    this.#renderFrame = 0;
    this.#turn = undefined;
    this.#waiters.clear();
    this.#host.requestUpdate();
    if (generation !== this.#generation) return undefined;
    // What the turn leaves in the conversation is decided by the core, for every way it ends.
    this.#messages = [...this.#messages, ...turn.messages];
    switch (turn.status) {
      case 'finished': {
        const response = turn.response!;
        this.#callbacks.onFinished(response);
        return response;
      }
      case 'stopped':
        this.#callbacks.onStopped();
        return undefined;
      default:
        return this.#fail(view, turn.status === 'failed' ? turn.error : endedEarly());
    }
  }

  /** Drains the turn's chunks (for the page's chunk events), yielding to the browser now and then; never rejects. */
  async #stream(turn: ChatTurn): Promise<void> {
    try {
      let sliceStart = performance.now();
      for await (const chunk of turn) {
        this.#host.dispatchEvent(new ToolAgentChunkEvent({ chunk }));
        if (performance.now() - sliceStart > sliceMs) {
          await yieldToBrowser();
          sliceStart = performance.now();
        }
      }
    } catch {
      // The turn's state holds the outcome: failed, with its error, or stopped.
    }
  }

  #fail(view: TurnView, error: unknown): undefined {
    const notice = this.#callbacks.describe(error);
    view.fail(notice);
    this.#failed = view;
    this.#host.requestUpdate();
    this.#callbacks.onFailed(error, notice);
    return undefined;
  }

  #renderNextFrame(): void {
    if (this.#renderFrame) return;
    this.#renderFrame = requestAnimationFrame(() => {
      this.#renderFrame = 0;
      this.#host.requestUpdate();
    });
  }

  async #approve(
    view: TurnView,
    call: ToolApprovalRequest,
    signal: AbortSignal,
  ): Promise<ToolApprovalDecision> {
    const event = new ToolAgentToolCallEvent({
      step: call.step,
      index: call.index,
      id: call.id,
      name: call.name,
      arguments: call.arguments,
    });
    const allowed = this.#host.dispatchEvent(event);
    if (event.responded) {
      try {
        return (await event.response) ?? false;
      } catch (error) {
        return { approved: false, reason: error instanceof Error ? error.message : String(error) };
      }
    }
    if (!allowed) return { approved: false, reason: 'The page declined the call.' };
    // Addressed by step and position: providers repeat ids, and a card found by id could show another call.
    const card = view.cardAt(call.step, call.index);
    if (!card || signal.aborted) return false;
    view.askUser(card);
    this.#host.requestUpdate();
    this.#callbacks.onApprovalRequested(card);
    return new Promise<boolean>((resolve) => {
      this.#waiters.set(card.key, { view, resolve });
      signal.addEventListener('abort', () => resolve(false), { once: true });
    });
  }
}

function endedEarly(): ToolAgentsError {
  return new ToolAgentsError('The response stream ended without a final chunk.');
}
