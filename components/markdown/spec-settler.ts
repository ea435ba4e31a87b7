import type { ImageMode } from './inline-parser.js';
import { loadSettleEngine } from './lazy-modules.js';
import type { SettleEngine } from './spec/settle-engine.js';

/**
 * Hands finished groups of blocks to the lazily loaded {@link SettleEngine}, in order: at once when
 * it is loaded, else queued until it is. If it cannot load, the streamed rendering stays.
 */
export class SpecSettler {
  readonly #queue: Array<(engine: SettleEngine) => void> = [];
  readonly #ready: Promise<void>;
  #engine: SettleEngine | undefined;
  #failed = false;

  constructor(options: { readonly images: ImageMode; readonly highlight: boolean; readonly math: boolean }) {
    this.#ready = loadSettleEngine().then(
      ({ SettleEngine: Engine }) => {
        const engine = new Engine(options);
        for (const work of this.#queue.splice(0)) work(engine);
        this.#engine = engine;
      },
      () => {
        this.#failed = true;
        this.#queue.length = 0;
      },
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
    await this.#ready;
    await this.#engine?.idle();
  }

  #run(work: (engine: SettleEngine) => void): void {
    if (this.#engine !== undefined) work(this.#engine);
    else if (!this.#failed) this.#queue.push(work);
  }
}
