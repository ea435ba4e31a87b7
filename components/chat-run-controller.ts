import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  ToolAgentsError,
  type ChatMessage,
  type ChatRequestOptions,
  type ChatResponse,
  type ChatToolAgent,
  type ToolApprovalDecision,
  type ToolApprovalRequest,
} from '../src/index.js';
import type { AssistantTurn } from './assistant-turn.js';
import { ToolAgentChunkEvent, ToolAgentToolCallEvent } from './chat-events.js';
import { describeError } from './describe-error.js';
import type { ToolCard } from './transcript-entry.js';
import { yieldToBrowser } from './yield-to-browser.js';

// Longest run of chunk handling before the browser gets a turn to paint and take input.
const sliceMs = 12;

/** How a run ended. */
export type RunOutcome =
  | { readonly kind: 'finished'; readonly response: ChatResponse }
  | { readonly kind: 'stopped'; readonly kept: readonly ChatMessage[] }
  | { readonly kind: 'failed'; readonly error: unknown };

/** What one run needs besides the conversation. */
export interface RunRequest {
  readonly agent: ChatToolAgent;
  readonly messages: readonly ChatMessage[];
  readonly settings: ChatRequestOptions['settings'];
  readonly toolRegistry: ChatRequestOptions['toolRegistry'];
  readonly turn: AssistantTurn;
}

/** Hooks the element gives the controller. */
export interface RunCallbacks {
  /** Something streamed in (also text, which needs no re-render): follow the stream. */
  onProgress(): void;
  /** A tool call now waits for the user's Approve or Deny. */
  onApprovalRequested(card: ToolCard): void;
}

/**
 * The state that drives a run: the agent's stream, its abort controller, the tool calls that
 * wait for approval. One run at a time; the host is aborted when it leaves the document.
 */
export class ChatRunController implements ReactiveController {
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #callbacks: RunCallbacks;
  #abort: AbortController | undefined;
  #renderFrame = 0;
  readonly #waiters = new Map<
    string,
    { readonly turn: AssistantTurn; readonly resolve: (approved: boolean) => void }
  >();

  constructor(host: ReactiveControllerHost & EventTarget, callbacks: RunCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  /** True while a turn streams or waits for tools. */
  get running(): boolean {
    return this.#abort !== undefined;
  }

  /** True once `stop()` was called and the run is winding down. */
  get stopping(): boolean {
    return this.#abort?.signal.aborted ?? false;
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Aborts the request and the running tools; the run ends as `stopped`. */
  stop(): void {
    this.#abort?.abort(new DOMException('Stopped by the user.', 'AbortError'));
  }

  /** Answers a tool call that waits for the user. */
  decide(card: ToolCard, approved: boolean): void {
    const waiter = this.#waiters.get(card.key);
    if (!waiter) return;
    this.#waiters.delete(card.key);
    waiter.turn.decide(card, approved);
    this.#host.requestUpdate();
    waiter.resolve(approved);
  }

  #renderNextFrame(): void {
    if (this.#renderFrame) return;
    this.#renderFrame = requestAnimationFrame(() => {
      this.#renderFrame = 0;
      this.#host.requestUpdate();
    });
  }

  /** Runs one turn to its end; never rejects. */
  async run(request: RunRequest): Promise<RunOutcome> {
    if (this.#abort) throw new Error('A turn is already running.');
    const abort = new AbortController();
    this.#abort = abort;
    const { turn } = request;
    this.#host.requestUpdate();
    try {
      let response: ChatResponse | undefined;
      const stream = request.agent.getStreamingResponse({
        messages: request.messages,
        settings: request.settings,
        toolRegistry: request.toolRegistry,
        signal: abort.signal,
        approveToolCall: (call, context) => this.#approve(turn, call, context.signal),
      });
      let sliceStart = performance.now();
      for await (const chunk of stream) {
        this.#host.dispatchEvent(new ToolAgentChunkEvent({ chunk }));
        // Argument deltas come by the thousand: one render per frame shows them all.
        if (turn.apply(chunk)) {
          if (chunk.type === 'tool-call-delta') this.#renderNextFrame();
          else this.#host.requestUpdate();
        }
        this.#callbacks.onProgress();
        if (chunk.type === 'finish') response = chunk.finishedResponse;
        if (performance.now() - sliceStart > sliceMs) {
          await yieldToBrowser();
          sliceStart = performance.now();
        }
      }
      if (!response) throw new ToolAgentsError('The response stream ended without a final chunk.');
      return { kind: 'finished', response };
    } catch (error) {
      if (abort.signal.aborted) return { kind: 'stopped', kept: turn.stop() };
      turn.fail(describeError(error));
      return { kind: 'failed', error };
    } finally {
      cancelAnimationFrame(this.#renderFrame);
      this.#renderFrame = 0;
      this.#abort = undefined;
      this.#waiters.clear();
      this.#host.requestUpdate();
    }
  }

  async #approve(
    turn: AssistantTurn,
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
    const card = turn.cardAt(call.step, call.index);
    if (!card || signal.aborted) return false;
    turn.askUser(card, call.name, call.arguments);
    this.#host.requestUpdate();
    this.#callbacks.onApprovalRequested(card);
    return new Promise<boolean>((resolve) => {
      this.#waiters.set(card.key, { turn, resolve });
      signal.addEventListener('abort', () => resolve(false), { once: true });
    });
  }
}
