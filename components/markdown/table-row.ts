import { appendElement } from './dom.js';
import { InlineParser, type ImageMode } from './inline-parser.js';

/** A column's alignment from the delimiter row; `''` leaves it to the stylesheet. */
export type ColumnAlign = '' | 'left' | 'center' | 'right';

/** Splits a table row at its unescaped pipes, dropping the outer ones. */
export function splitCells(row: string): string[] {
  let text = row.trim();
  if (text.startsWith('|')) text = text.slice(1);
  const cells: string[] = [];
  let cell = '';
  let escaped = false;
  for (const ch of text) {
    if (!escaped && ch === '|') {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
    escaped = !escaped && ch === '\\';
  }
  if (cell.trim() !== '' || cells.length === 0) cells.push(cell);
  return cells;
}

/** The column alignments a delimiter row (`| :-- | :-: |`) sets, or `undefined` if it is none. */
export function parseDelimiterRow(row: string): ColumnAlign[] | undefined {
  if (!row.includes('-')) return undefined;
  const aligns: ColumnAlign[] = [];
  for (const raw of splitCells(row)) {
    const cell = raw.trim();
    if (!/^:?-+:?$/.test(cell)) return undefined;
    const left = cell.startsWith(':');
    const right = cell.endsWith(':');
    aligns.push(left && right ? 'center' : right ? 'right' : left ? 'left' : '');
  }
  return aligns;
}

/**
 * Streams one table row (from its leading `|`) into `row`, a cell at a time: unescaped pipes end
 * cells, cells beyond the header's count are dropped and missing ones are added empty at the end.
 */
export class TableRowWriter {
  readonly #row: HTMLTableRowElement;
  readonly #tag: 'th' | 'td';
  readonly #aligns: readonly ColumnAlign[];
  readonly #images: ImageMode;
  #leading = true;
  #escaped = false;
  #index = 0;
  #cell: InlineParser | undefined;

  constructor(
    row: HTMLTableRowElement,
    tag: 'th' | 'td',
    aligns: readonly ColumnAlign[],
    images: ImageMode,
  ) {
    this.#row = row;
    this.#tag = tag;
    this.#aligns = aligns;
    this.#images = images;
  }

  /** Appends part of the row's line (no `\n`). */
  write(text: string): void {
    let i = 0;
    while (i < text.length) {
      const ch = text.charAt(i);
      if (this.#leading) {
        if (ch === '|') this.#leading = false;
        i++;
      } else if (this.#cell === undefined) {
        if (ch === '|') {
          this.#openCell().finish();
          this.#endCell();
          i++;
        } else if (ch === ' ' || ch === '\t') {
          i++;
        } else {
          this.#cell = this.#openCell();
        }
      } else if (this.#escaped) {
        // GFM removes the backslash of \| before inline parsing, even inside code spans.
        this.#escaped = false;
        this.#cell.write(ch === '|' ? ch : `\\${ch}`);
        i++;
      } else {
        let end = i;
        while (end < text.length && text[end] !== '|' && text[end] !== '\\') end++;
        if (end > i) this.#cell.write(text.slice(i, end));
        if (end === text.length) return;
        if (text[end] === '\\') {
          this.#escaped = true;
        } else {
          this.#cell.finish();
          this.#endCell();
        }
        i = end + 1;
      }
    }
  }

  /** Ends the row, padding it to the header's width. */
  end(): void {
    if (this.#escaped) this.#cell?.write('\\');
    this.#escaped = false;
    if (this.#cell !== undefined) {
      this.#cell.finish();
      this.#endCell();
    }
    while (this.#index < this.#aligns.length) {
      this.#openCell().finish();
      this.#endCell();
    }
  }

  #openCell(): InlineParser {
    const align = this.#aligns[this.#index];
    // Cells past the header's width are parsed into a detached element, i.e. dropped.
    const cell =
      align === undefined
        ? this.#row.ownerDocument.createElement(this.#tag)
        : appendElement(this.#row, this.#tag);
    if (align) cell.style.textAlign = align;
    return new InlineParser(cell, this.#images);
  }

  #endCell(): void {
    this.#cell = undefined;
    this.#index++;
  }
}
