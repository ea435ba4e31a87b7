import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  ToolAgentsError,
  ToolRegistry,
  type AnyFunctionTool,
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
import { ConversationTree, type BranchSide } from './conversation-tree.js';
import { entriesFromMessages } from './entries-from-messages.js';
import type { MarkdownRenderOptions } from './markdown-adapter.js';
import { ProgressiveTranscript } from './progressive-transcript.js';
import type {
  AssistantEntry,
  ErrorNotice,
  NoteBlock,
  RetryOptions,
  RetryTurn,
  ToolCard,
  TranscriptEntry,
  UserEntry,
} from './transcript-entry.js';
import { TurnView } from './turn-view.js';
import { yieldToBrowser } from './yield-to-browser.js';

// Longest run of chunk handling before the browser gets a turn to paint and take input.
const sliceMs = 12;

/** A wait for the next chunk longer than this was the network, not the turn's own work. */
const idleMs = 1;

/** What one turn runs with, besides the conversation the controller holds. */
export interface TurnSetup {
  readonly agent: ChatToolAgent;
  /** The conversation as sent (with the system prompt, when the element adds one). */
  readonly messages: readonly ChatMessage[];
  readonly settings: ChatRequestOptions['settings'];
  readonly toolRegistry: ChatRequestOptions['toolRegistry'];
  /** The turn's context budget, when the element sets one. */
  readonly contextBudget?: number | undefined;
  /**
   * Work before the first request that may take a while (connecting MCP servers): more tools, and
   * notes for the turn. Stop aborts `signal`; a rejection other than that fails the turn.
   */
  readonly prepare?: ((signal: AbortSignal) => Promise<TurnPreparation>) | undefined;
}

/** What `TurnSetup.prepare` adds to a turn. */
export interface TurnPreparation {
  /** Offered besides `toolRegistry`'s tools. */
  readonly tools: readonly AnyFunctionTool[];
  /** Lines shown above the answer (a server whose tools are missing, and why). */
  readonly notes: readonly { readonly key: string; readonly text: NoteBlock['text'] }[];
}

/** Where an entry sits in the conversation's tree: which exchange, which side, which version of how many. */
export interface EntryBranch {
  /** The exchange's position on the visible path (0 is the first user message). */
  readonly at: number;
  readonly side: BranchSide;
  /** The version shown (0-based). */
  readonly index: number;
  readonly count: number;
}

/** What the element does around the conversation: presentation, storage, page events. */
export interface ConversationCallbacks {
  /** The agent and options for the next turn over `conversation`; may throw (a configuration error fails the turn). */
  setup(conversation: readonly ChatMessage[], retry: RetryOptions): TurnSetup;
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
  #tree = ConversationTree.linear([]);
  #entries: TranscriptEntry[] = [];
  // Each entry's branch, rebuilt when the entries or the tree change; unchanged ones keep their object (the render's guard compares it).
  #branches = new Map<TranscriptEntry, EntryBranch>();
  #branchesOf: { entries: readonly TranscriptEntry[]; tree: number } | undefined;
  #treeVersion = 0;
  #turn: ChatTurn | undefined;
  // Set while the turn prepares (before its first request); Stop aborts it.
  #preparing: AbortController | undefined;
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

  /** The conversation as shown: the visible branch (the tree's own array; copy before handing it out). */
  get messages(): readonly ChatMessage[] {
    return this.#tree.messages;
  }

  /** The conversation with its alternatives. */
  get tree(): ConversationTree {
    return this.#tree;
  }

  /** The transcript: user messages and one view per assistant turn. */
  get entries(): readonly TranscriptEntry[] {
    return this.#entries;
  }

  /** True while a turn streams or waits for tools. */
  get running(): boolean {
    return this.#turn !== undefined || this.#preparing !== undefined;
  }

  /** True once `stop()` was called and the run is winding down. */
  get stopping(): boolean {
    return this.running && this.#stopRequested;
  }

  hostDisconnected(): void {
    this.stop();
    this.#transcript.cancel();
  }

  /** Aborts the request and the running tools; the run ends as stopped. */
  stop(): void {
    if (!this.running) return;
    this.#stopRequested = true;
    const reason = new DOMException('Stopped by the user.', 'AbortError');
    this.#preparing?.abort(reason);
    this.#turn?.stop(reason);
  }

  /** Waits for a stopped run to wind down. */
  async settle(): Promise<void> {
    if (this.#active) await this.#active.catch(() => undefined);
  }

  /** Replaces the conversation (stopping any run) and rebuilds the transcript. */
  replace(conversation: readonly ChatMessage[] | ConversationTree): void {
    this.stop();
    this.#generation++;
    this.#failed = undefined;
    this.#tree =
      conversation instanceof ConversationTree
        ? conversation
        : ConversationTree.linear(conversation);
    this.#treeChanged();
    this.#entries = this.#transcript.start(
      this.#tree.messages,
      this.#host.ownerDocument,
      this.#callbacks.markdown(),
    );
    this.#host.requestUpdate();
  }

  /** Adds the user's message and runs the turn; resolves with the response, or `undefined` when it stopped or failed. */
  send(user: ChatMessage, shownText: string): Promise<ChatResponse | undefined> {
    this.#tree.append([user]);
    this.#treeChanged();
    return this.#runAfter(this.#entries, user, shownText);
  }

  /** Where `entry` sits in the tree; `undefined` for what precedes the first user message. */
  branchOf(entry: TranscriptEntry): EntryBranch | undefined {
    if (this.#branchesOf?.entries !== this.#entries || this.#branchesOf.tree !== this.#treeVersion)
      this.#mapBranches();
    return this.#branches.get(entry);
  }

  /**
   * Sends `user` as a new version of the user message `entry` (a sibling branch; the old one
   * is kept) and runs the turn. `undefined` when a turn runs or the entry is not on the path.
   */
  edit(
    entry: UserEntry,
    user: ChatMessage,
    shownText: string,
  ): Promise<ChatResponse | undefined> | undefined {
    const branch = this.branchOf(entry);
    const start = this.#entries.indexOf(entry);
    if (!branch || start === -1 || this.running) return undefined;
    this.#tree.edit(branch.at, user);
    this.#treeChanged();
    return this.#runAfter(this.#entries.slice(0, start), user, shownText);
  }

  /** Runs the turn again for the answer `entry`, as a new version beside it; `undefined` when it cannot now. */
  regenerate(entry: AssistantEntry): Promise<ChatResponse | undefined> | undefined {
    const branch = this.branchOf(entry);
    const start = this.#entries.indexOf(entry);
    if (branch?.side !== 'answer' || start === -1 || this.running) return undefined;
    this.#tree.regenerate(branch.at);
    this.#treeChanged();
    return this.#runAfter(this.#entries.slice(0, start));
  }

  /** Shows version `index` of `entry`'s message or answer; false when that cannot happen now. */
  select(entry: TranscriptEntry, index: number): boolean {
    const branch = this.branchOf(entry);
    if (!branch || this.running || !this.#tree.select(branch.at, branch.side, index)) return false;
    this.#treeChanged();
    this.#failed = undefined;
    // The transcript is rebuilt from the exchange's user message: what is before it stays as it is.
    const first = this.#entries.findIndex(
      (candidate) => this.#branches.get(candidate)?.at === branch.at,
    );
    this.#entries = [
      ...this.#entries.slice(0, first === -1 ? this.#entries.length : first),
      ...entriesFromMessages(
        this.#tree.messages.slice(this.#tree.messageIndex(branch.at)),
        this.#host.ownerDocument,
        this.#callbacks.markdown(),
      ),
    ];
    this.#host.requestUpdate();
    return true;
  }

  /** Retry for `entry`, when it is the failed turn and nothing runs; `undefined` hides the button. */
  retryFor(entry: TranscriptEntry): RetryTurn | undefined {
    return entry === this.#failed && !this.running ? this.#retry : undefined;
  }

  /** True when a failed turn can be retried. */
  get canRetry(): boolean {
    return this.#failed !== undefined && !this.running;
  }

  /** Runs the failed turn again, after the rounds it finished. */
  retry(options: RetryOptions = {}): void {
    this.#retry(options);
  }

  readonly #retry: RetryTurn = (options = {}) => {
    const view = this.#failed;
    if (!view || this.running) return;
    this.#failed = undefined;
    void this.#execute(view, options);
  };

  /**
   * A conversation saved after a failed or cut-off turn ends with the user's message (or tool
   * results the model has not read): show that it has no answer, with Retry.
   */
  offerRetryIfUnanswered(notice: ErrorNotice): void {
    const last = this.#tree.messages.findLast((message) => message.role !== 'system');
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

  async #execute(view: TurnView, retry: RetryOptions = {}): Promise<ChatResponse | undefined> {
    const generation = this.#generation;
    const preparing = new AbortController();
    this.#preparing = preparing;
    this.#stopRequested = false;
    // Busy from now on, also while the turn prepares.
    this.#host.requestUpdate();
    let turn: ChatTurn;
    try {
      const setup = this.#callbacks.setup(this.#tree.messages, retry);
      const toolRegistry = await this.#prepare(setup, view, preparing.signal);
      if (generation !== this.#generation) return undefined;
      turn = setup.agent.startTurn({
        messages: setup.messages,
        settings: setup.settings,
        toolRegistry,
        contextBudget: setup.contextBudget,
        // Stopped while preparing: the turn starts stopped, and ends like any stopped turn.
        signal: preparing.signal,
        approveToolCall: (call, context) => this.#approve(view, call, context.signal),
      });
    } catch (error) {
      // Configuration errors (two tools with one name) fail the turn like any other error.
      if (generation !== this.#generation) return undefined;
      return this.#fail(view, error);
    } finally {
      this.#preparing = undefined;
    }
    this.#turn = turn;
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
    this.#tree.append(turn.messages);
    this.#treeChanged();
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

  /** Shows `before`, then the user's message (when there is a new one) and a new answer, and runs the turn. */
  #runAfter(
    before: readonly TranscriptEntry[],
    user?: ChatMessage,
    shownText = '',
  ): Promise<ChatResponse | undefined> {
    const view = new TurnView(this.#host.ownerDocument, this.#callbacks.markdown());
    this.#failed = undefined;
    this.#entries = [
      ...before,
      ...(user
        ? [
            {
              kind: 'user' as const,
              key: `user-${user.id}`,
              text: shownText,
              attachments: userMessageParts(user).attachments,
            },
          ]
        : []),
      view,
    ];
    return this.#execute(view);
  }

  #treeChanged(): void {
    this.#treeVersion++;
  }

  /** Pairs entries with exchanges from the end: older entries of a restored conversation may still be arriving. */
  #mapBranches(): void {
    const previous = this.#branches;
    this.#branches = new Map();
    this.#branchesOf = { entries: this.#entries, tree: this.#treeVersion };
    let users = 0;
    for (const entry of this.#entries) if (entry.kind === 'user') users++;
    let at = this.#tree.exchangeCount - users - 1;
    for (const entry of this.#entries) {
      if (entry.kind === 'user') at++;
      const side = entry.kind === 'user' ? 'message' : 'answer';
      const position = at < 0 ? undefined : this.#tree.position(at, side);
      if (!position) continue;
      const old = previous.get(entry);
      const same =
        old?.at === at &&
        old.side === side &&
        old.index === position.index &&
        old.count === position.count;
      this.#branches.set(entry, same ? old : { at, side, ...position });
    }
  }

  /**
   * Drains the turn's chunks (for the page's chunk events), yielding to the browser when chunks
   * keep coming for longer than a slice; never rejects.
   */
  async #stream(turn: ChatTurn): Promise<void> {
    const chunks = turn[Symbol.asyncIterator]();
    try {
      let sliceStart = performance.now();
      for (;;) {
        const waitStart = performance.now();
        const next = await chunks.next();
        const now = performance.now();
        // Waiting for the network let the browser in: a new slice starts. Counting that idle
        // time would yield after every chunk of a model-paced stream, a task hop per token.
        if (now - waitStart > idleMs) sliceStart = now;
        if (next.done) break;
        this.#host.dispatchEvent(new ToolAgentChunkEvent({ chunk: next.value }));
        if (performance.now() - sliceStart > sliceMs) {
          await yieldToBrowser();
          sliceStart = performance.now();
        }
      }
    } catch {
      // The turn's state holds the outcome: failed, with its error, or stopped.
    }
  }

  /** Runs the setup's preparation (stoppable) and returns the registry the turn offers. */
  async #prepare(
    setup: TurnSetup,
    view: TurnView,
    signal: AbortSignal,
  ): Promise<ToolRegistry | undefined> {
    if (!setup.prepare) return setup.toolRegistry;
    let prepared: TurnPreparation;
    try {
      prepared = await setup.prepare(signal);
    } catch (error) {
      // Stopped while preparing: the turn (started with the aborted signal) ends as stopped.
      if (signal.aborted) return setup.toolRegistry;
      throw error;
    }
    for (const note of prepared.notes) view.note(note.key, note.text);
    if (prepared.tools.length === 0) return setup.toolRegistry;
    // A new registry: the page's own is never changed.
    return new ToolRegistry([...(setup.toolRegistry?.getTools() ?? []), ...prepared.tools]);
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
