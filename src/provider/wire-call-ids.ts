/**
 * Hands out tool-call ids unique within one request: providers reject a request whose ids repeat,
 * and old or imported histories may hold repeated or empty ids. A repeat or an empty id becomes
 * `${id || 'call'}_${n}` with the smallest free `n`, so the same history always gives the same ids.
 */
export class WireCallIds {
  readonly #used = new Set<string>();
  // The ids given to the latest assistant message's calls, by original id, in call order.
  #pending = new Map<string, string[]>();

  /** Starts a new assistant message: its results pair with its own calls only. */
  beginAssistant(): void {
    this.#pending = new Map();
  }

  /** The wire id of the next call whose stored id is `id`. */
  forCall(id: string): string {
    let wireId = id;
    for (let n = 1; wireId === '' || this.#used.has(wireId); n++) wireId = `${id || 'call'}_${n}`;
    this.#used.add(wireId);
    const queue = this.#pending.get(id);
    if (queue) queue.push(wireId);
    else this.#pending.set(id, [wireId]);
    return wireId;
  }

  /** The wire id of the call a result answers: the calls with its id, taken in order. */
  forResult(toolCallId: string): string {
    return this.#pending.get(toolCallId)?.shift() ?? toolCallId;
  }
}
