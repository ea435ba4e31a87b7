import type { Emitter } from 'highlight.js';

/** A highlighted range: its highlight.js scope (`keyword`, `title.function`, …) and contents. */
export interface TokenNode {
  readonly scope: string | undefined;
  readonly children: (TokenNode | string)[];
}

/**
 * A highlight.js emitter that keeps the token tree as data instead of writing HTML, so the DOM
 * can be built from it with `createElement` and text nodes (highlight.js's own output is an HTML string).
 */
export class TokenTreeEmitter implements Emitter {
  readonly root: TokenNode = { scope: undefined, children: [] };
  readonly #stack: TokenNode[] = [this.root];

  addText(text: string): void {
    if (text !== '') this.#top().children.push(text);
  }

  startScope(scope: string): void {
    const node: TokenNode = { scope, children: [] };
    this.#top().children.push(node);
    this.#stack.push(node);
  }

  endScope(): void {
    if (this.#stack.length > 1) this.#stack.pop();
  }

  /** What highlight.js calls for a mode's scope (the older name of {@link startScope}). */
  openNode(scope: string): void {
    this.startScope(scope);
  }

  /** Ends the scope {@link openNode} opened. */
  closeNode(): void {
    this.endScope();
  }

  __addSublanguage(emitter: Emitter, _language: string): void {
    if (emitter instanceof TokenTreeEmitter) this.#top().children.push(emitter.root);
  }

  finalize(): void {
    this.#stack.length = 1;
  }

  /** highlight.js calls this for its `value`; nothing reads it, so no HTML is ever made. */
  toHTML(): string {
    return '';
  }

  #top(): TokenNode {
    return this.#stack.at(-1)!;
  }
}
