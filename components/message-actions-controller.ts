import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { copyText } from './markdown/copy-text.js';
import type { TranscriptEntry } from './transcript-entry.js';

/** How long a copy button says "Copied" (or "Copy failed") before it resets, in milliseconds. */
const copiedMs = 2000;

/**
 * The state of the message controls that is not the conversation's: which user message is being
 * edited, and which copy button says "Copied" for a moment.
 */
export class MessageActionsController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #editing: string | undefined;
  readonly #copied = new Map<
    string,
    { result: 'copied' | 'failed'; timer: ReturnType<typeof setTimeout> }
  >();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The key of the user message whose edit box is open. */
  get editing(): string | undefined {
    return this.#editing;
  }

  startEdit(key: string): void {
    this.#editing = key;
    this.#host.requestUpdate();
  }

  endEdit(): void {
    this.#editing = undefined;
    this.#host.requestUpdate();
  }

  /** What the copy button of entry `key` says for now, if anything. */
  copiedOf(key: string): 'copied' | 'failed' | undefined {
    return this.#copied.get(key)?.result;
  }

  /** Copies `text` (falling back to selecting `source`); the button shows the outcome for a moment. */
  async copy(key: string, text: string, source: Node): Promise<boolean> {
    const copied = await copyText(text, source);
    clearTimeout(this.#copied.get(key)?.timer);
    const timer = setTimeout(() => {
      this.#copied.delete(key);
      this.#host.requestUpdate();
    }, copiedMs);
    this.#copied.set(key, { result: copied ? 'copied' : 'failed', timer });
    this.#host.requestUpdate();
    return copied;
  }

  hostDisconnected(): void {
    for (const { timer } of this.#copied.values()) clearTimeout(timer);
    this.#copied.clear();
  }
}

/** A message's markdown source: what the user typed, or the answer's text (its reasoning and tool calls left out). */
export function messageSource(entry: TranscriptEntry): string {
  if (entry.kind === 'user') return entry.text;
  return entry.blocks.flatMap((block) => (block.kind === 'text' ? [block.text] : [])).join('\n\n');
}
