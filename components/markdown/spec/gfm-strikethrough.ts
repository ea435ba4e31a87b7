import type { MarkdownIt, StateInline } from 'markdown-it';

const TILDE = 0x7e;
/** A delimiter marker for single tildes, so a `~` only pairs with a `~` and `~~` with `~~`. */
const SINGLE_TILDE = 0x10000 + TILDE;

/** Runs of one or two tildes are strikethrough delimiters; longer runs are text (GFM). */
function tokenize(state: StateInline, silent: boolean): boolean {
  if (silent || state.src.charCodeAt(state.pos) !== TILDE) return false;
  const scanned = state.scanDelims(state.pos, true);
  const token = state.push('text', '', 0);
  token.content = '~'.repeat(scanned.length);
  if (scanned.length <= 2) {
    state.delimiters.push({
      marker: scanned.length === 2 ? TILDE : SINGLE_TILDE,
      length: 0,
      token: state.tokens.length - 1,
      end: -1,
      open: scanned.can_open,
      close: scanned.can_close,
    });
  }
  state.pos += scanned.length;
  return true;
}

/** Turns the delimiters markdown-it paired into `<del>` tokens. */
function pairUp(state: StateInline): void {
  const lists = [state.delimiters, ...state.tokens_meta.map((meta) => meta?.delimiters ?? [])];
  for (const delimiters of lists) {
    for (const opener of delimiters) {
      if ((opener.marker !== TILDE && opener.marker !== SINGLE_TILDE) || opener.end === -1)
        continue;
      const closer = delimiters[opener.end]!;
      for (const [index, nesting] of [
        [opener.token, 1],
        [closer.token, -1],
      ] as const) {
        const token = state.tokens[index]!;
        token.type = nesting === 1 ? 's_open' : 's_close';
        token.tag = 's';
        token.nesting = nesting;
        token.markup = token.content;
        token.content = '';
      }
    }
  }
}

/** Replaces markdown-it's `~~`-only strikethrough with GFM's one-or-two-tilde rule. */
export function gfmStrikethrough(parser: MarkdownIt): void {
  parser.inline.ruler.at('strikethrough', tokenize);
  parser.inline.ruler2.at('strikethrough', pairUp);
}
