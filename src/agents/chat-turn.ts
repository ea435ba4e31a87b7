import type { ChatMessage } from '../messages/chat-message.js';
import type { ChatResponse, ChatResponseChunk } from '../turn/chat-response.js';
import type { TurnEvent } from '../turn/turn-event.js';
import { turnMessages, turnResponse } from '../turn/turn-messages.js';
import {
  applyEvent,
  initialTurnState,
  type TurnState,
  type TurnStatus,
} from '../turn/turn-state.js';

/** Called after each event of a turn with the state it produced. */
export type TurnListener = (state: TurnState, event: TurnEvent) => void;

/**
 * One turn of a {@link ChatToolAgent}: the chunk stream to iterate, and the turn's state, which
 * stays readable while it runs and after it finished, failed or was stopped (like Lit's Task:
 * `status`, `response`, `error`). A caller who stops a turn still has everything it produced in
 * `state` and `messages`, without rebuilding it from chunks.
 */
export class ChatTurn implements AsyncIterable<ChatResponseChunk> {
  #state: TurnState;
  readonly #listeners = new Set<TurnListener>();
  readonly #stream: AsyncGenerator<ChatResponseChunk, void, undefined>;
  readonly #stop: (reason: unknown) => void;
  #iterated = false;

  /**
   * @internal Made by {@link ChatToolAgent.startTurn}: `run` gets the only way to change the
   * state, and returns the chunk stream.
   */
  constructor(
    id: string,
    run: (
      apply: (event: TurnEvent) => TurnState,
      read: () => TurnState,
    ) => AsyncGenerator<ChatResponseChunk, void, undefined>,
    stop: (reason: unknown) => void,
  ) {
    this.#state = initialTurnState(id);
    this.#stop = stop;
    this.#stream = run(
      (event) => this.#apply(event),
      () => this.#state,
    );
  }

  /** Everything the turn has produced so far: steps, calls with their status, usage, status. */
  get state(): TurnState {
    return this.#state;
  }

  /** `running` until the turn finished, failed or was stopped. */
  get status(): TurnStatus {
    return this.#state.status;
  }

  /** The final response, once the turn finished. */
  get response(): ChatResponse | undefined {
    return this.#state.status === 'finished' ? turnResponse(this.#state) : undefined;
  }

  /** The error of a failed turn, or the reason a stopped turn was stopped. */
  get error(): unknown {
    return this.#state.error;
  }

  /**
   * The messages the turn leaves in the conversation so far: finished tool rounds; for a
   * finished turn its answer; for a stopped one the interrupted text and the calls it cut short.
   */
  get messages(): ChatMessage[] {
    return turnMessages(this.#state);
  }

  /** Stops the turn: aborts the request and any running tools; the stream rejects with `reason`. */
  stop(reason: unknown = new DOMException('The turn was stopped.', 'AbortError')): void {
    if (this.#state.status === 'running') this.#stop(reason);
  }

  /** Calls `listener` after every event of the turn; returns the unsubscribe function. */
  subscribe(listener: TurnListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The chunk stream; a turn is iterated once. */
  [Symbol.asyncIterator](): AsyncGenerator<ChatResponseChunk, void, undefined> {
    if (this.#iterated) throw new TypeError('A ChatTurn can be iterated only once.');
    this.#iterated = true;
    return this.#stream;
  }

  #apply(event: TurnEvent): TurnState {
    const next = applyEvent(this.#state, event);
    if (next === this.#state) return next;
    this.#state = next;
    for (const listener of this.#listeners) {
      try {
        listener(next, event);
      } catch (error) {
        // A failing listener is the page's bug: reported, never a reason to break the turn.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    return next;
  }
}
