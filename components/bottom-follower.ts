import type { ReactiveController, ReactiveControllerHost } from 'lit';

// Within this many pixels of the end, the reader counts as "at the bottom" and the view follows.
const bottomSlack = 32;

/** The class the scroller has while it follows the bottom (its CSS lets only the sentinel anchor). */
const FOLLOWING_CLASS = 'following';

/** Where the follower finds the scroller and the empty sentinel that ends its content. */
export interface BottomFollowerOptions {
  readonly view: () => HTMLElement | null;
  readonly sentinel: () => Element | null;
}

/**
 * Keeps a growing scroller at its bottom while the reader is there, without per-frame script:
 * the browser's scroll anchoring holds the bottom sentinel in place (every other child opts out
 * while following), and an IntersectionObserver on the sentinel notices, after layout, when it
 * left the view anyway (no anchoring support, the view shrank, growth from offset 0); only then
 * is the view scrolled. Scrolling up leaves the bottom; scrolling back down to it, or
 * {@link jump}, follows again. Content that arrives while the reader is away is remembered ({@link newBelow}).
 */
export class BottomFollower implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: BottomFollowerOptions;
  #following = true;
  #newBelow = false;
  #lastTop = 0;
  #jumpFrame = 0;
  #observer: IntersectionObserver | undefined;
  #observed: Element | undefined;

  constructor(host: ReactiveControllerHost, options: BottomFollowerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** True while the view keeps to the bottom. */
  get following(): boolean {
    return this.#following;
  }

  /** True when something arrived below since the reader left the bottom. */
  get newBelow(): boolean {
    return this.#newBelow;
  }

  hostUpdated(): void {
    const view = this.#options.view();
    const sentinel = this.#options.sentinel();
    if (!view || !sentinel || sentinel === this.#observed) return;
    this.#observer?.disconnect();
    view.classList.toggle(FOLLOWING_CLASS, this.#following);
    this.#observer = new IntersectionObserver(this.#onIntersection, {
      root: view,
      rootMargin: `0px 0px ${bottomSlack}px 0px`,
    });
    this.#observer.observe(sentinel);
    this.#observed = sentinel;
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#observed = undefined;
    cancelAnimationFrame(this.#jumpFrame);
    this.#jumpFrame = 0;
  }

  /** Follows the bottom again and goes there after the next render (a new message, the button, a replaced conversation). */
  jump(): void {
    this.#set(true);
    if (this.#jumpFrame) return;
    this.#jumpFrame = requestAnimationFrame(() => {
      this.#jumpFrame = 0;
      // The reader may have scrolled away again before this frame.
      if (this.#following) this.#toBottom();
    });
  }

  /** Something streamed in: remembered when the reader is away from the bottom. */
  progressed(): void {
    if (this.#following || this.#newBelow) return;
    this.#newBelow = true;
    this.#host.requestUpdate();
  }

  /**
   * The scroller's scroll listener. Scroll events come once per frame, before its layout, so the
   * reads here lay out what that frame would lay out anyway; nothing is written.
   */
  readonly onScroll = (): void => {
    const view = this.#options.view();
    if (!view) return;
    const top = view.scrollTop;
    // Only the reader scrolls up; growth (or a block that shrank as it settled) keeps the end in view.
    if (view.scrollHeight - top - view.clientHeight <= bottomSlack) this.#set(true);
    else if (top < this.#lastTop) this.#set(false);
    this.#lastTop = top;
  };

  readonly #onIntersection = (entries: IntersectionObserverEntry[]): void => {
    // Still following, yet the end left the view: growth the anchoring did not absorb. (Coming
    // back to the bottom is the scroll listener's to see: an entry may be a frame old.)
    if (this.#following && entries.at(-1)?.isIntersecting === false) this.#toBottom();
  };

  #toBottom(): void {
    const view = this.#options.view();
    if (!view) return;
    view.scrollTop = view.scrollHeight;
    this.#lastTop = view.scrollTop;
  }

  #set(following: boolean): void {
    const changed = following !== this.#following || (following && this.#newBelow);
    this.#following = following;
    if (following) this.#newBelow = false;
    this.#options.view()?.classList.toggle(FOLLOWING_CLASS, following);
    if (changed) this.#host.requestUpdate();
  }
}
