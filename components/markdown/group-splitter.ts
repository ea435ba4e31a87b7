/** What the splitter reports: a piece of source for the current group, or the end of a group. */
export interface GroupSink {
  text(piece: string): void;
  /** The current group ended: the next text starts a new one. */
  cut(): void;
}

type Decision = 'cut' | 'keep' | 'more';

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const BLANK = /^[ \t]*$/;

/**
 * Cuts streamed markdown into groups of top-level blocks that the spec parses independently: a
 * cut falls before an unindented line that follows a blank line, unless that line starts a list
 * item (it may continue the list above) or the blank line is inside a fenced code block. Raw
 * HTML is text here, so no HTML block can span the blank line. Only the first few characters
 * after a blank line are held back, until they show whether a list item starts.
 */
export class GroupSplitter {
  readonly #sink: GroupSink;
  #line = '';
  #fence: { readonly char: string; readonly length: number } | undefined;
  #deciding = false;
  #held = '';
  /** Whether the group so far holds anything but blank lines (a cut before it would be empty). */
  #content = false;

  constructor(sink: GroupSink) {
    this.#sink = sink;
  }

  /** Splits the next piece of source (line ends already `\n`). */
  write(text: string): void {
    let i = 0;
    while (i < text.length) {
      if (this.#deciding) {
        const ch = text.charAt(i);
        const decision = decide(this.#held, ch === '\n');
        if (decision === 'more') {
          this.#held += ch;
          i++;
          continue;
        }
        this.#release(decision);
        continue;
      }
      const newline = text.indexOf('\n', i);
      const end = newline < 0 ? text.length : newline + 1;
      const piece = text.slice(i, end);
      this.#sink.text(piece);
      i = end;
      if (newline < 0) {
        this.#line += piece;
      } else {
        this.#endLine(this.#line + piece.slice(0, -1));
        this.#line = '';
      }
    }
  }

  /** Ends the source: held characters are passed on. */
  end(): void {
    if (this.#deciding) this.#release('keep');
  }

  #release(decision: Decision): void {
    this.#deciding = false;
    if (decision === 'cut' && this.#content) {
      this.#sink.cut();
      this.#content = false;
    }
    const held = this.#held;
    this.#held = '';
    if (held !== '') {
      this.#line += held;
      this.#sink.text(held);
    }
  }

  #endLine(line: string): void {
    const blank = BLANK.test(line);
    if (!blank) this.#content = true;
    const fence = this.#fence;
    if (fence !== undefined) {
      const close = FENCE_CLOSE.exec(line)?.[1];
      if (close !== undefined && close.startsWith(fence.char) && close.length >= fence.length)
        this.#fence = undefined;
      return;
    }
    const open = FENCE_OPEN.exec(line);
    // A backtick fence's info string holds no backtick ("```a```" is inline code).
    if (open !== null && !(open[1]!.startsWith('`') && open[2]!.includes('`'))) {
      this.#fence = { char: open[1]!.charAt(0), length: open[1]!.length };
      return;
    }
    this.#deciding = blank;
  }
}

/** Whether a line starting with `held` (then `next`, unless the line ended) begins a new group. */
function decide(held: string, lineEnded: boolean): Decision {
  const first = held.charAt(0);
  if (first === '') return lineEnded ? 'keep' : 'more';
  if (first === ' ' || first === '\t') return 'keep';
  if (first === '-' || first === '+' || first === '*') {
    if (held.length === 1) return lineEnded ? 'keep' : 'more';
    return held[1] === ' ' || held[1] === '\t' ? 'keep' : 'cut';
  }
  if (first >= '0' && first <= '9') {
    const digits = /^[0-9]*/.exec(held)![0].length;
    if (digits === held.length) return lineEnded ? 'cut' : digits > 9 ? 'cut' : 'more';
    const delimiter = held[digits];
    if (delimiter !== '.' && delimiter !== ')') return 'cut';
    if (held.length === digits + 1) return lineEnded ? 'keep' : 'more';
    return held[digits + 1] === ' ' || held[digits + 1] === '\t' ? 'keep' : 'cut';
  }
  return 'cut';
}
