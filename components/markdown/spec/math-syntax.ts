import type { MarkdownIt, StateBlock, StateInline } from 'markdown-it';

/** The opening and closing delimiters of inline math. */
const INLINE_DELIMITERS: readonly (readonly [string, string])[] = [
  ['\\(', '\\)'],
  ['$$', '$$'],
  ['$', '$'],
];

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

/**
 * Inline math `$…$`, `$$…$$` and `\(…\)`. A `$` opens only before a non-space and closes only
 * after a non-space and before a non-digit, so prices ("$5 and $10") stay text.
 */
function inlineMath(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  const first = src.charCodeAt(pos);
  if (first !== DOLLAR && first !== BACKSLASH) return false;
  for (const [open, close] of INLINE_DELIMITERS) {
    if (!src.startsWith(open, pos)) continue;
    const start = pos + open.length;
    const end = findClose(src, start, close, state.posMax);
    if (end < 0) return false;
    if (!silent) {
      const token = state.push(open === '$$' ? 'math_display' : 'math_inline', 'span', 0);
      token.content = src.slice(start, end);
      token.markup = open;
    }
    state.pos = end + close.length;
    return true;
  }
  return false;
}

/** Index of the closing delimiter of math opened at `start`, or -1. */
function findClose(src: string, start: number, close: string, max: number): number {
  const dollar = close.startsWith('$');
  if (dollar && (start >= max || /\s/.test(src.charAt(start)))) return -1;
  let at = start;
  for (;;) {
    at = src.indexOf(close, at);
    if (at < 0 || at + close.length > max) return -1;
    if (at === start) {
      at++;
      continue;
    }
    const escaped = src.charCodeAt(at - 1) === BACKSLASH;
    const valid =
      !dollar || (!/\s/.test(src.charAt(at - 1)) && !/\d/.test(src.charAt(at + close.length)));
    if (valid && !escaped) return at;
    at++;
  }
}

/** Display math on lines of its own: `$$ … $$` or `\[ … \]`, possibly spanning lines. */
function blockMath(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  const lineStart = state.bMarks[startLine]! + state.tShift[startLine]!;
  const lineEnd = state.eMarks[startLine]!;
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const first = state.src.slice(lineStart, lineEnd);
  const close = first.startsWith('$$') ? '$$' : first.startsWith('\\[') ? '\\]' : undefined;
  if (close === undefined) return false;
  let content = first.slice(2);
  let line = startLine;
  let closed = content.trimEnd().endsWith(close);
  if (closed) content = content.trimEnd().slice(0, -close.length);
  while (!closed) {
    line++;
    if (line >= endLine) return false;
    const text = state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
    if (state.sCount[line]! < state.blkIndent) return false;
    const trimmed = text.trimEnd();
    if (trimmed.endsWith(close)) {
      content += `\n${trimmed.slice(0, -close.length)}`;
      closed = true;
    } else {
      content += `\n${text}`;
    }
  }
  if (content.trim() === '') return false;
  if (silent) return true;
  state.line = line + 1;
  const token = state.push('math_block', 'div', 0);
  token.block = true;
  token.content = content.trim();
  token.markup = close === '$$' ? '$$' : '\\[';
  token.map = [startLine, state.line];
  return true;
}

/** The markdown-it plugin that tokenizes math; the DOM builder typesets the tokens lazily. */
export function mathSyntax(parser: MarkdownIt): void {
  parser.inline.ruler.before('escape', 'math_inline', inlineMath);
  parser.block.ruler.before('fence', 'math_block', blockMath, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
}
