import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/** A `www.` or `http(s)://` link, or an email address (after `mailto:` or `xmpp:` or none), where GFM looks for one. */
const CANDIDATE =
  /(?<=^|[\s*_~(])(?:https?:\/\/|www\.)[^\s<]*|(?<![A-Za-z0-9.+_:-])xmpp:[A-Za-z0-9.+_-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+(?:\/[A-Za-z0-9@.]*)?|(?<![A-Za-z0-9.+_:-])(?:mailto:)?[A-Za-z0-9.+_-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+/g;

const TRAILING_PUNCTUATION = /[?!.,:*_~]$/;
const TRAILING_ENTITY = /&[A-Za-z0-9]+;$/;

/** Where GFM's extended autolink ends: trailing punctuation, unbalanced `)` and entity-like text go. */
function trimUrl(text: string): string {
  let link = text;
  for (;;) {
    if (TRAILING_PUNCTUATION.test(link)) {
      link = link.slice(0, -1);
    } else if (link.endsWith(')') && count(link, ')') > count(link, '(')) {
      link = link.slice(0, -1);
    } else if (link.endsWith(';') && TRAILING_ENTITY.test(link)) {
      link = link.replace(TRAILING_ENTITY, '');
    } else {
      return link;
    }
  }
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/** GFM's valid domain: at least one period, and no underscore in the last two segments. */
function isValidDomain(domain: string): boolean {
  const segments = domain.split('.');
  return (
    segments.length >= 2 &&
    segments.every((segment) => /^[A-Za-z0-9_-]+$/.test(segment)) &&
    !segments.slice(-2).join('').includes('_')
  );
}

/** The autolink a candidate makes, as `[text, href]`, or `undefined`. */
function autolink(candidate: string): readonly [string, string] | undefined {
  // An xmpp: address is an autolink in GFM, but not a scheme we link: it stays text, whole.
  if (candidate.startsWith('xmpp:')) return undefined;
  if (candidate.includes('@') && !/^(?:https?:\/\/|www\.)/.test(candidate)) {
    // Only `.` may end an address, and it is then not part of it.
    const address = candidate.endsWith('.') ? candidate.slice(0, -1) : candidate;
    if (/[-_]$/.test(address)) return undefined;
    return [address, address.startsWith('mailto:') ? address : `mailto:${address}`];
  }
  const link = trimUrl(candidate);
  const afterScheme = link.replace(/^https?:\/\//, '');
  if (!isValidDomain(/^[^/?#]*/.exec(afterScheme)![0])) return undefined;
  return [link, link.startsWith('www.') ? `http://${link}` : link];
}

/** Splits one text token at the autolinks in it; `undefined` if it has none. */
function split(state: StateCore, token: Token): Token[] | undefined {
  const text = token.content;
  const tokens: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const found = autolink(match[0]);
    if (found === undefined) continue;
    const [label, href] = found;
    pushText(state, tokens, text.slice(last, match.index), token.level);
    const open = new state.Token('link_open', 'a', 1);
    open.attrs = [['href', href]];
    open.markup = 'linkify';
    open.info = 'auto';
    open.level = token.level;
    tokens.push(open);
    pushText(state, tokens, label, token.level + 1);
    const close = new state.Token('link_close', 'a', -1);
    close.markup = 'linkify';
    close.info = 'auto';
    close.level = token.level;
    tokens.push(close);
    last = match.index + label.length;
  }
  if (tokens.length === 0) return undefined;
  pushText(state, tokens, text.slice(last), token.level);
  return tokens;
}

function pushText(state: StateCore, tokens: Token[], content: string, level: number): void {
  if (content === '') return;
  const text = new state.Token('text', '', 0);
  text.content = content;
  text.level = level;
  tokens.push(text);
}

/**
 * GFM's extended autolinks, found in the text outside links once inline parsing is done (before
 * escaped characters join the text around them: `foo\+@x.com` is no address, as in cmark-gfm).
 */
function extendedAutolinks(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || block.children === null) continue;
    const children: Token[] = [];
    let insideLink = 0;
    for (const child of block.children) {
      if (child.type === 'link_open') insideLink++;
      if (child.type === 'link_close') insideLink--;
      const replaced = child.type === 'text' && insideLink === 0 ? split(state, child) : undefined;
      if (replaced === undefined) children.push(child);
      else children.push(...replaced);
    }
    block.children = children;
  }
}

/** The markdown-it plugin for GFM's extended autolinks (`www.`, `http(s)://`, email addresses). */
export function gfmAutolink(parser: MarkdownIt): void {
  parser.core.ruler.before('text_join', 'gfm_autolink', extendedAutolinks);
}
