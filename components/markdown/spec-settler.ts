import { loadSettleEngine } from './lazy-modules.js';
import { enqueueSettle } from './settle-queue.js';
import type { SettleEngine, SettleOptions } from './spec/settle-engine.js';

/**
 * Hands finished groups of blocks to the lazily loaded {@link SettleEngine}, in order, once it is
 * loaded, through the shared settle queue (a few milliseconds of work per task). If it cannot
 * load, the streamed rendering stays.
 */
export class SpecSettler {
  readonly #ready: Promise<SettleEngine | undefined>;
  #engine: SettleEngine | undefined;
  /** The last work handed over: each waits for the one before, so a message settles in order. */
  #last: Promise<void> = Promise.resolve();
  /** Work handed over before the engine was loaded (or behind such work), not yet done. */
  #waiting = 0;

  constructor(options: SettleOptions) {
    this.#ready = loadSettleEngine().then(
      ({ SettleEngine: Engine }) => (this.#engine = new Engine(options)),
      () => undefined,
    );
  }

  /** Settles the group whose top-level `nodes` in `parent` were streamed from `source`. */
  settle(parent: Node, nodes: readonly Node[], source: string): void {
    this.#run((engine) => engine.settle(parent, nodes, source));
  }

  /** Ends the message (late reference definitions settle the groups that used them). */
  finish(parent: Node): void {
    this.#run((engine) => engine.finish(parent));
  }

  /** Resolves once everything handed over so far is settled, highlighted and typeset. */
  async settled(): Promise<void> {
    await this.#last;
    await this.#engine?.idle();
  }

  #run(work: (engine: SettleEngine) => void): void {
    // Loaded and nothing of this message waiting: settle now, so a streamed group settles as it ends.
    if (this.#engine !== undefined && this.#waiting === 0) {
      work(this.#engine);
      return;
    }
    this.#waiting++;
    const previous = this.#last;
    this.#last = this.#ready
      .then(async (engine) => {
        await previous;
        if (engine) await enqueueSettle(() => work(engine));
      })
      // A group the spec pass cannot settle keeps its streamed rendering.
      .catch(() => undefined)
      .finally(() => this.#waiting--);
  }
}
