import type { ChatMessage } from '../src/index.js';
import { entriesFromMessages } from './entries-from-messages.js';
import type { MarkdownRenderOptions } from './markdown-adapter.js';
import type { TranscriptEntry } from './transcript-entry.js';

/** How many of the newest messages are shown at once when a conversation is restored (more when a turn is longer). */
export const firstMessages = 50;
/** Messages per slice of older history (cut at user messages, so slices may be longer). */
const sliceMessages = 20;
/** Building work per task before the browser gets a turn (layout, input, paint). */
const taskBudgetMs = 8;

/**
 * Cuts a conversation into consecutive slices of at least `size` messages, each starting at a
 * user message (the first may start earlier). A slice holds whole turns, so its transcript
 * entries (one per user message, one per run of assistant and tool messages, each tool call
 * with its result) can be built on their own.
 */
export function sliceAtUserMessages(
  messages: readonly ChatMessage[],
  size: number,
): ChatMessage[][] {
  const slices: ChatMessage[][] = [];
  let current: ChatMessage[] = [];
  for (const message of messages) {
    if (message.role === 'user' && current.length >= size) {
      slices.push(current);
      current = [];
    }
    current.push(message);
  }
  if (current.length > 0) slices.push(current);
  return slices;
}

/** Where the newest `count` messages begin, moved back to the user message that starts their turn. */
export function newestTurnsStart(messages: readonly ChatMessage[], count: number): number {
  for (let index = messages.length - count; index > 0; index--)
    if (messages[index]?.role === 'user') return index;
  return 0;
}

/** What the transcript calls back with while it fills in older history. */
export interface ProgressiveTranscriptOptions {
  /** Entries for older messages, to place before everything shown so far. */
  readonly prepend: (entries: TranscriptEntry[]) => void;
  /** Called once every message has its entry. */
  readonly onComplete?: () => void;
}

/**
 * Turns a restored conversation into transcript entries without one long task: the newest
 * {@link firstMessages} messages at once, older ones in slices across tasks, newest first, so
 * the view the reader lands on (the bottom) is complete immediately. Rendering markdown for
 * 2,000 messages in one go blocked the page for seconds.
 */
export class ProgressiveTranscript {
  readonly #options: ProgressiveTranscriptOptions;
  /** Older slices still to build, oldest first. */
  #pending: ChatMessage[][] = [];
  #document: Document | undefined;
  #markdown: MarkdownRenderOptions = {};
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: ProgressiveTranscriptOptions) {
    this.#options = options;
  }

  /** True while older messages are still being added. */
  get filling(): boolean {
    return this.#pending.length > 0;
  }

  /** Replaces whatever was being built: returns the entries of the newest messages and schedules the rest. */
  start(
    messages: readonly ChatMessage[],
    document: Document,
    markdown: MarkdownRenderOptions = {},
  ): TranscriptEntry[] {
    this.cancel();
    this.#document = document;
    this.#markdown = markdown;
    const start = newestTurnsStart(messages, firstMessages);
    this.#pending = sliceAtUserMessages(messages.slice(0, start), sliceMessages);
    this.#schedule();
    return entriesFromMessages(messages.slice(start), document, markdown);
  }

  /** Stops adding older messages (the conversation was replaced or the element left the page). */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = [];
  }

  #schedule(): void {
    if (this.#pending.length === 0 || this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#fill();
    });
  }

  #fill(): void {
    const document = this.#document;
    if (!document) return;
    const started = performance.now();
    const built: TranscriptEntry[] = [];
    while (this.#pending.length > 0 && performance.now() - started < taskBudgetMs) {
      built.unshift(...entriesFromMessages(this.#pending.pop()!, document, this.#markdown));
    }
    this.#options.prepend(built);
    if (this.#pending.length > 0) this.#schedule();
    else this.#options.onComplete?.();
  }
}
