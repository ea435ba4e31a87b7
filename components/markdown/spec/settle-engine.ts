import type { Env, MarkdownIt } from 'markdown-it';
import type { CodeBlockLabels } from '../code-block-labels.js';
import type { ImageMode } from '../inline-parser.js';
import { loadHighlighter, loadTypesetter } from '../lazy-modules.js';
import { createMarkdownParser } from './markdown-parser.js';
import { reconcileRange } from './reconcile.js';
import { TokenDomBuilder } from './token-dom.js';

/** Options of the settle pass. */
export interface SettleOptions {
  readonly images: ImageMode;
  readonly highlight: boolean;
  readonly math: boolean;
  readonly labels: CodeBlockLabels;
}

interface SettledGroup {
  nodes: Node[];
  readonly source: string;
  /** How many link reference definitions were known when it was settled. */
  readonly definitions: number;
}

/**
 * The spec-complete half of the renderer, loaded lazily: each finished group of top-level blocks
 * is parsed by markdown-it (with the link reference definitions of the groups before it), built
 * into detached DOM and reconciled with what streamed onto the screen, once. Code is highlighted
 * and math typeset when their group settles.
 */
export class SettleEngine {
  readonly #options: SettleOptions;
  readonly #parser: MarkdownIt;
  readonly #builder: TokenDomBuilder;
  /** markdown-it's environment: it collects the link reference definitions seen so far. */
  readonly #environment: Env = {};
  /** Groups that may hold a reference a later definition resolves. */
  readonly #referring: SettledGroup[] = [];
  readonly #pending: Promise<void>[] = [];
  readonly #decorated = new WeakSet<Element>();
  #tail: Node | null = null;

  constructor(options: SettleOptions) {
    this.#options = options;
    this.#parser = createMarkdownParser(options.math);
    const { unescapeAll } = this.#parser.utils;
    this.#builder = new TokenDomBuilder({
      images: options.images,
      labels: options.labels,
      unescape: unescapeAll,
    });
  }

  /**
   * Settles one group: `nodes` are the group's top-level nodes on screen in `parent`, right after
   * the previously settled group, and `source` is its markdown.
   */
  settle(parent: Node, nodes: readonly Node[], source: string): void {
    const last = nodes.at(-1);
    const before =
      last !== undefined
        ? last.nextSibling
        : this.#tail === null
          ? parent.firstChild
          : this.#tail.nextSibling;
    const settled = this.#reconcile(parent, nodes, source, before);
    if (settled.length > 0) this.#tail = settled.at(-1)!;
    if (source.includes(']')) {
      this.#referring.push({ nodes: settled, source, definitions: this.#definitionCount() });
    }
  }

  /** Ends the message: groups that used a reference defined only further down settle again. */
  finish(parent: Node): void {
    const definitions = this.#definitionCount();
    for (const group of this.#referring) {
      if (group.definitions === definitions || group.nodes.length === 0) continue;
      group.nodes = this.#reconcile(
        parent,
        group.nodes,
        group.source,
        group.nodes.at(-1)!.nextSibling,
      );
    }
    this.#referring.length = 0;
  }

  /** Resolves when the highlighting and typesetting started so far are done. */
  async idle(): Promise<void> {
    while (this.#pending.length > 0) await Promise.all(this.#pending.splice(0));
  }

  #definitionCount(): number {
    return Object.keys((this.#environment['references'] as object | undefined) ?? {}).length;
  }

  #reconcile(parent: Node, nodes: readonly Node[], source: string, before: Node | null): Node[] {
    const fragment = (parent.ownerDocument ?? document).createDocumentFragment();
    // The last line's end is implied at the end of the text (an unclosed fence's last code line has one).
    const text = source.endsWith('\n') ? source : `${source}\n`;
    this.#builder.build(this.#parser.parse(text, this.#environment), fragment);
    const settled = reconcileRange(parent, nodes, Array.from(fragment.childNodes), before);
    for (const node of settled)
      if (node.nodeType === Node.ELEMENT_NODE) this.#decorate(node as Element);
    return settled;
  }

  /** Starts highlighting the code blocks and typesetting the math in a settled node. */
  #decorate(root: Element): void {
    if (this.#options.highlight) {
      for (const code of root.querySelectorAll<HTMLElement>(
        '.code-block code[class^="language-"]',
      )) {
        if (this.#decorated.has(code)) continue;
        this.#decorated.add(code);
        const language = code.className.slice('language-'.length);
        this.#track(loadHighlighter().then(({ highlightCode }) => highlightCode(code, language)));
      }
    }
    if (this.#options.math) {
      const selector = '.math';
      const found = root.matches(selector)
        ? [root, ...root.querySelectorAll(selector)]
        : root.querySelectorAll(selector);
      for (const element of found) {
        if (this.#decorated.has(element)) continue;
        this.#decorated.add(element);
        this.#track(
          loadTypesetter().then(({ typesetMath }) => typesetMath(element as HTMLElement)),
        );
      }
    }
  }

  #track(work: Promise<void>): void {
    // A chunk that fails to load leaves the plain rendering, which is complete without it.
    this.#pending.push(work.catch(() => undefined));
  }
}
