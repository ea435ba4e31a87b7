import markdownIt, { type MarkdownIt } from 'markdown-it';
import { gfmAutolink } from './gfm-autolink.js';
import { gfmStrikethrough } from './gfm-strikethrough.js';
import { mathSyntax } from './math-syntax.js';

/**
 * The spec-complete tokenizer of the settle pass: markdown-it's CommonMark preset plus the GFM
 * extensions (tables, strikethrough, extended autolinks). Raw HTML is off, so it stays text;
 * every link is tokenized whatever its scheme, and the DOM builder decides what may be a link.
 */
export function createMarkdownParser(math: boolean): MarkdownIt {
  const cached = parsers.get(math);
  if (cached !== undefined) return cached;
  const parser = markdownIt('commonmark', { html: false });
  parser.enable(['table', 'strikethrough']);
  // GFM's own strikethrough and autolink rules: markdown-it's differ (only `~~`; linkify-it's link ends).
  parser.use(gfmStrikethrough);
  parser.use(gfmAutolink);
  // The builder refuses unsafe links by unwrapping them, as the safety rules say; markdown-it
  // would instead show their source, so it lets every link through to the builder.
  parser.validateLink = () => true;
  if (math) parser.use(mathSyntax);
  parsers.set(math, parser);
  return parser;
}

/** One parser per configuration: parsing keeps no state in it (definitions live in the env). */
const parsers = new Map<boolean, MarkdownIt>();
