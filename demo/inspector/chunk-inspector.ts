import type { ChatResponseChunk } from '../../src/index.js';
import { describeChunk } from './describe-chunk.js';

/** Rows kept on screen; older ones are dropped so a long story cannot slow the page down. */
const maxRows = 400;

/** The "Live chunks" panel: one table row per chunk, newest at the bottom, and counts per type. */
export class ChunkInspector {
  readonly #rows: HTMLTableSectionElement;
  readonly #summary: HTMLElement;
  readonly #scroller: HTMLElement;
  readonly #counts = new Map<string, number>();
  #total = 0;
  #frame = 0;

  constructor(rows: HTMLTableSectionElement, summary: HTMLElement, scroller: HTMLElement) {
    this.#rows = rows;
    this.#summary = summary;
    this.#scroller = scroller;
  }

  /** Adds a chunk (text is only ever set as text, never as markup). */
  add(chunk: ChatResponseChunk): void {
    const { type, step, delta } = describeChunk(chunk);
    this.#append(type, String(step), delta);
    this.#counts.set(type, (this.#counts.get(type) ?? 0) + 1);
  }

  /** Adds a row for a failed turn. */
  addError(message: string): void {
    this.#append('error', '', message);
  }

  /** Empties the panel. */
  clear(): void {
    this.#rows.replaceChildren();
    this.#counts.clear();
    this.#total = 0;
    this.#summary.textContent = 'No chunks yet.';
  }

  #append(type: string, step: string, delta: string): void {
    this.#total += 1;
    // Only follow the stream when the reader is already at the bottom.
    const atBottom =
      this.#scroller.scrollHeight - this.#scroller.scrollTop - this.#scroller.clientHeight < 24;
    const row = this.#rows.ownerDocument.createElement('tr');
    row.dataset['type'] = type;
    for (const text of [String(this.#total), type, step, delta]) {
      const cell = row.ownerDocument.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    this.#rows.append(row);
    while (this.#rows.rows.length > maxRows) this.#rows.deleteRow(0);
    this.#scheduleRender(atBottom);
  }

  #scheduleRender(follow: boolean): void {
    if (this.#frame) return;
    // One summary update and scroll per frame, however many chunks arrived in it.
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      const parts = [...this.#counts].map(([type, count]) => `${type} ${count}`);
      this.#summary.textContent = `${this.#total} chunks${parts.length > 0 ? ` · ${parts.join(' · ')}` : ''}`;
      if (follow) this.#scroller.scrollTop = this.#scroller.scrollHeight;
    });
  }
}
