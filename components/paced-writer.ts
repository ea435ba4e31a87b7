import type { MarkdownWriter } from './markdown-adapter.js';

/**
 * Half a 60 Hz frame: animation-frame times jitter, and a write due at 50 ms must not slip to the
 * frame after because its frame began at 49.9 ms.
 */
const FRAME_SLACK_MS = 8;

/**
 * Held text past this many characters is written at once: a burst (a tab catching up, a proxy
 * that buffered) must not pile up into one frame's long task of parsing and layout.
 */
const MAX_HELD_CHARS = 1024;

/**
 * Passes streamed text on to a writer at most once per interval, inside an animation frame, so
 * the browser lays out, paints and scrolls the growing answer that often rather than for every
 * network read (a fast model sends 30-100 reads a second, and each frame that changes the answer
 * costs layout, paint and scrolling of what is in view). Nothing is lost or reordered: the first
 * text goes out on the next frame, `end()` writes what is held at once, a burst past a thousand
 * characters is written as it comes, and a hidden page (no frames) gets every piece
 * straight away.
 */
export class PacedWriter implements MarkdownWriter {
  readonly #target: MarkdownWriter;
  readonly #intervalMs: number;
  readonly #document: Document;
  #held = '';
  #frame = 0;
  #lastWrite = -Infinity;

  /** Writes to `target` at most every `intervalMs` milliseconds; 0 writes every piece as it comes. */
  constructor(target: MarkdownWriter, intervalMs: number, document: Document) {
    this.#target = target;
    this.#intervalMs = intervalMs;
    this.#document = document;
  }

  append(text: string): void {
    if (this.#intervalMs <= 0 || this.#document.visibilityState === 'hidden') {
      this.#writeHeld();
      this.#target.append(text);
      return;
    }
    this.#held += text;
    if (this.#held.length >= MAX_HELD_CHARS) this.#writeHeld();
    else this.#frame ||= requestAnimationFrame(this.#onFrame);
  }

  end(): void {
    this.#writeHeld();
    this.#target.end();
  }

  readonly #onFrame = (now: number): void => {
    this.#frame = 0;
    if (now - this.#lastWrite >= this.#intervalMs - FRAME_SLACK_MS) this.#writeHeld(now);
    else this.#frame = requestAnimationFrame(this.#onFrame);
  };

  #writeHeld(now = performance.now()): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    if (!this.#held) return;
    const text = this.#held;
    this.#held = '';
    this.#lastWrite = now;
    this.#target.append(text);
  }
}
