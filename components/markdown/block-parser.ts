import type { CodeBlockLabels } from './code-block-labels.js';
import { appendCodeBlock } from './code-block.js';
import { appendElement } from './dom.js';
import { InlineParser, type ImageMode } from './inline-parser.js';
import { scanLine, type LinePlan, type NewContainer, type ScanContext } from './line-scanner.js';
import { parseDelimiterRow, splitCells, TableRowWriter, type ColumnAlign } from './table-row.js';

type Container =
  | { readonly kind: 'quote'; readonly element: HTMLElement }
  | {
      readonly kind: 'list';
      readonly element: HTMLElement;
      readonly ordered: boolean;
      readonly marker: string;
      /** A blank line separated its items or their blocks: their paragraphs are `<p>`s. */
      loose: boolean;
    }
  | { readonly kind: 'item'; readonly element: HTMLElement; readonly contentIndent: number };

type Leaf =
  | { readonly kind: 'none' }
  | { readonly kind: 'paragraph'; readonly inline: InlineParser }
  | {
      readonly kind: 'fence';
      code: Text;
      readonly char: string;
      readonly length: number;
      readonly indent: number;
    }
  | {
      readonly kind: 'table';
      readonly table: HTMLTableElement;
      body: HTMLTableSectionElement | undefined;
      readonly aligns: readonly ColumnAlign[];
    };

/** Where the characters of the current line go. */
type LineMode = 'start' | 'hold' | 'inline' | 'code' | 'header' | 'row' | 'skip';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

/** Tags of a list item's blocks; everything else in a tight item is its paragraphs' content. */
const ITEM_BLOCK = /^(p|[uo]l|blockquote|div|hr|h\d)$/;

/** Past this many undecided characters a line start waits for its end instead of re-scanning. */
const MAX_UNDECIDED = 1000;

/**
 * A code block starts a new text node at the first line end past this length: Chromium's
 * `appendData` costs time in proportion to the node's length, which made long code quadratic.
 */
const CODE_NODE_LIMIT = 2048;

/**
 * The block half of the streaming renderer: holds back only the start of the current line until
 * {@link scanLine} can place it, then streams the rest of the line straight into its block.
 */
export class BlockParser {
  readonly #root: HTMLElement;
  readonly #images: ImageMode;
  readonly #containers: Container[] = [];
  #leaf: Leaf = { kind: 'none' };
  #mode: LineMode = 'start';
  #line = '';
  /** A `|` line that becomes a table header if the next line is a delimiter row. */
  #header: string | undefined;
  #inline: InlineParser | undefined;
  #heading = false;
  #skipSpaces = false;
  #code = '';
  /** The next code text goes into a new text node. */
  #codeSplit = false;
  #row: TableRowWriter | undefined;
  /** The containers a blank line was in, until the next line shows what it separated. */
  #blankIn: readonly Container[] | undefined;
  readonly #onCodeBlock: (() => void) | undefined;
  readonly #labels: CodeBlockLabels;

  /**
   * @param labels - the words on code blocks' copy buttons
   * @param onCodeBlock - called when a fenced code block opens
   */
  constructor(
    root: HTMLElement,
    images: ImageMode,
    labels: CodeBlockLabels,
    onCodeBlock?: () => void,
  ) {
    this.#root = root;
    this.#images = images;
    this.#labels = labels;
    this.#onCodeBlock = onCodeBlock;
  }

  /** Appends source text; `\r` must already be normalised away. */
  write(text: string): void {
    let i = 0;
    while (i < text.length) {
      if (this.#mode === 'start') {
        const ch = text.charAt(i++);
        if (ch === '\n') {
          this.#decide(true);
          this.#endLine();
        } else {
          this.#line += ch;
          this.#decide(false);
        }
        continue;
      }
      const newline = text.indexOf('\n', i);
      const end = newline < 0 ? text.length : newline;
      if (end > i) this.#content(text.slice(i, end));
      if (newline < 0) break;
      i = newline + 1;
      if (this.#mode === 'hold') this.#decide(true);
      this.#endLine();
    }
    this.#flushCode();
  }

  /** Ends the document: held text is placed and every open block is closed. */
  end(): void {
    if (this.#mode === 'start' || this.#mode === 'hold') {
      if (this.#line !== '') {
        this.#decide(true);
        this.#endLine();
      }
    } else {
      this.#endLine();
    }
    this.#releaseHeader();
    this.#closeLeaf();
    this.#containers.length = 0;
  }

  #context(): ScanContext {
    const leaf = this.#header === undefined ? this.#leaf.kind : 'header';
    const open = this.#leaf;
    if (open.kind !== 'fence') return { containers: this.#containers, leaf };
    return {
      containers: this.#containers,
      leaf,
      fence: { char: open.char, length: open.length, indent: open.indent },
    };
  }

  /** Scans the held line start and applies the plan once there is one. */
  #decide(final: boolean): void {
    for (;;) {
      const result = scanLine(this.#line, final, this.#context());
      if (typeof result === 'string') {
        if (final) throw new Error('markdown: a complete line was left undecided');
        if (result === 'line' || this.#line.length > MAX_UNDECIDED) this.#mode = 'hold';
        return;
      }
      const { leaf } = result;
      if (leaf.kind === 'release' || (leaf.kind === 'delimiter' && !this.#startTable(leaf.row))) {
        this.#releaseHeader();
        continue;
      }
      this.#apply(result);
      return;
    }
  }

  #apply(plan: LinePlan): void {
    const line = this.#line;
    this.#line = '';
    const { leaf } = plan;
    this.#mode = 'skip';
    if (leaf.kind === 'delimiter') return;
    if (leaf.kind === 'blank') {
      // A blank line that opens an item is the item's empty first line, not a separator.
      if (plan.opens.length === 0) this.#blankIn = this.#containers.slice(0, plan.matched);
    } else if (this.#blankIn !== undefined) {
      this.#loosenAfterBlank(this.#blankIn, plan.matched);
      this.#blankIn = undefined;
    }
    const continues =
      this.#leaf.kind === 'paragraph' &&
      plan.matched === this.#containers.length &&
      plan.opens.length === 0 &&
      (leaf.kind === 'paragraph' || leaf.kind === 'table-candidate');
    if (!continues && leaf.kind !== 'code' && leaf.kind !== 'table-row') this.#closeLeaf();
    this.#containers.length = Math.min(this.#containers.length, plan.matched);
    this.#openContainers(plan.opens);
    const parent = this.#parent();
    switch (leaf.kind) {
      case 'paragraph':
        this.#startInline(this.#paragraph().inline, false);
        break;
      case 'heading':
        this.#startInline(
          new InlineParser(appendElement(parent, HEADINGS[leaf.level - 1] ?? 'h6'), this.#images),
          true,
        );
        break;
      case 'hr':
        appendElement(parent, 'hr');
        break;
      case 'fence':
        this.#leaf = {
          kind: 'fence',
          code: appendCodeBlock(parent, leaf.info, this.#labels),
          char: leaf.char,
          length: leaf.length,
          indent: leaf.indent,
        };
        this.#codeSplit = false;
        this.#onCodeBlock?.();
        break;
      case 'code':
        this.#mode = 'code';
        break;
      case 'table-candidate':
        this.#header = '';
        this.#mode = 'header';
        break;
      case 'table-row':
        this.#startRow();
        break;
      default:
        break;
    }
    this.#content(line.slice(plan.content));
  }

  #startInline(inline: InlineParser, heading: boolean): void {
    this.#inline = inline;
    this.#heading = heading;
    this.#skipSpaces = true;
    this.#mode = 'inline';
  }

  #startRow(): void {
    const table = this.#leaf;
    if (table.kind !== 'table') return;
    table.body ??= appendElement(table.table, 'tbody');
    this.#row = new TableRowWriter(
      appendElement(table.body, 'tr'),
      'td',
      table.aligns,
      this.#images,
    );
    this.#mode = 'row';
  }

  /** Routes the rest of a placed line to its block. */
  #content(text: string): void {
    switch (this.#mode) {
      case 'hold':
        this.#line += text;
        return;
      case 'inline': {
        let piece = text;
        if (this.#skipSpaces) {
          piece = piece.replace(/^[ \t]+/, '');
          if (piece === '') return;
          this.#skipSpaces = false;
        }
        this.#inline?.write(piece);
        return;
      }
      case 'code':
        this.#code += text;
        return;
      case 'header':
        this.#header += text;
        return;
      case 'row':
        this.#row?.write(text);
        return;
      default:
        return;
    }
  }

  #endLine(): void {
    switch (this.#mode) {
      case 'inline':
        if (this.#heading) this.#inline?.finish();
        else this.#inline?.lineEnd();
        break;
      case 'code':
        this.#code += '\n';
        // Pending text after a split goes into a new node, so the old node's length no longer counts.
        if (
          this.#leaf.kind === 'fence' &&
          (this.#codeSplit ? 0 : this.#leaf.code.length) + this.#code.length >= CODE_NODE_LIMIT
        ) {
          this.#flushCode();
          this.#codeSplit = true;
        }
        break;
      case 'row':
        this.#row?.end();
        this.#row = undefined;
        break;
      default:
        break;
    }
    this.#inline = undefined;
    this.#heading = false;
    this.#mode = 'start';
  }

  #flushCode(): void {
    if (this.#code === '' || this.#leaf.kind !== 'fence') return;
    if (this.#codeSplit) {
      const next = this.#root.ownerDocument.createTextNode(this.#code);
      this.#leaf.code.after(next);
      this.#leaf.code = next;
      this.#codeSplit = false;
    } else {
      this.#leaf.code.appendData(this.#code);
    }
    this.#code = '';
  }

  #closeLeaf(): void {
    if (this.#leaf.kind === 'paragraph') this.#leaf.inline.finish();
    this.#flushCode();
    this.#leaf = { kind: 'none' };
  }

  #parent(): HTMLElement {
    return this.#containers.at(-1)?.element ?? this.#root;
  }

  /**
   * The open paragraph, or a new one in the innermost container. In an item of a tight list its
   * content goes straight into the `<li>`, as it will stay once settled: no `<p>` to unwrap (and
   * restyle) later.
   */
  #paragraph(): Leaf & { kind: 'paragraph' } {
    if (this.#leaf.kind === 'paragraph') return this.#leaf;
    const parent = this.#parent();
    const list = this.#containers.at(-2);
    const tight = this.#containers.at(-1)?.kind === 'item' && list?.kind === 'list' && !list.loose;
    const paragraph = {
      kind: 'paragraph' as const,
      inline: new InlineParser(tight ? parent : appendElement(parent, 'p'), this.#images),
    };
    this.#leaf = paragraph;
    return paragraph;
  }

  /**
   * The line after a blank line keeps `matched` containers: if that continues the deepest list
   * the blank line was directly in (not inside a quote in it), the blank line separated two of
   * its items or two blocks of one item, and the list is loose.
   */
  #loosenAfterBlank(blankIn: readonly Container[], matched: number): void {
    for (const container of blankIn.slice(0, matched).reverse()) {
      if (container.kind === 'quote') return;
      if (container.kind === 'list') {
        if (!container.loose) for (const item of container.element.children) wrapParagraphs(item);
        container.loose = true;
        return;
      }
    }
  }

  #openContainers(opens: readonly NewContainer[]): void {
    for (const open of opens) {
      if (open.kind === 'quote') {
        this.#containers.push({
          kind: 'quote',
          element: appendElement(this.#parent(), 'blockquote'),
        });
        continue;
      }
      let list = this.#containers.at(-1);
      if (list?.kind !== 'list' || list.ordered !== open.ordered || list.marker !== open.marker) {
        let element: HTMLElement;
        if (open.ordered) {
          const ordered = appendElement(this.#parent(), 'ol');
          if (open.start !== 1) ordered.start = open.start;
          element = ordered;
        } else {
          element = appendElement(this.#parent(), 'ul');
        }
        list = { kind: 'list', element, ordered: open.ordered, marker: open.marker, loose: false };
        this.#containers.push(list);
      }
      this.#containers.push({
        kind: 'item',
        element: appendElement(list.element, 'li'),
        contentIndent: open.contentIndent,
      });
    }
  }

  /** Turns the held header and `delimiterRow` into a table; `false` if they do not make one. */
  #startTable(delimiterRow: string): boolean {
    const header = this.#header ?? '';
    const aligns = parseDelimiterRow(delimiterRow);
    if (splitCells(header).length !== aligns?.length) return false;
    this.#header = undefined;
    this.#closeLeaf();
    const scroller = appendElement(this.#parent(), 'div');
    scroller.className = 'table-scroll';
    // Keyboard users must be able to scroll a wide table.
    scroller.tabIndex = 0;
    const table = appendElement(scroller, 'table');
    const writer = new TableRowWriter(
      appendElement(appendElement(table, 'thead'), 'tr'),
      'th',
      aligns,
      this.#images,
    );
    writer.write(header);
    writer.end();
    this.#leaf = { kind: 'table', table, body: undefined, aligns };
    this.#line = '';
    this.#mode = 'skip';
    return true;
  }

  /** A held `|` line that is no table header after all: it is paragraph text. */
  #releaseHeader(): void {
    const header = this.#header;
    if (header === undefined) return;
    this.#header = undefined;
    if (this.#leaf.kind !== 'paragraph') this.#closeLeaf();
    const { inline } = this.#paragraph();
    inline.write(header);
    inline.lineEnd();
  }
}

/** A tight item's paragraph content (the runs of inline nodes between its blocks) goes into `<p>`s, nodes moved. */
function wrapParagraphs(item: Element): void {
  let paragraph: HTMLParagraphElement | undefined;
  for (const child of Array.from(item.childNodes)) {
    // A text node's `localName` is undefined, which the pattern does not match.
    if (ITEM_BLOCK.test((child as Element).localName)) paragraph = undefined;
    else
      (paragraph ??= item.insertBefore(item.ownerDocument.createElement('p'), child)).append(child);
  }
}
