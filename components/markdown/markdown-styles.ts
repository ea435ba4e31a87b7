import { css } from 'lit';

/**
 * Styles for rendered markdown, for a shadow root that hosts {@link MarkdownStream} output
 * (scoped to `.tool-agent-markdown`). Colours derive from `currentColor`, so they follow light and
 * dark themes and forced-colors mode.
 *
 * @cssprop --tool-agent-code-bg - background of code blocks and inline code (default: 8% of the text colour)
 * @cssprop --tool-agent-code-font - font family of code (default: `ui-monospace, monospace`)
 * @cssprop --tool-agent-link-color - link colour (default: `LinkText`)
 * @cssprop --tool-agent-border-color - rules, table and quote borders (default: 25% of the text colour)
 * @cssprop --tool-agent-block-gap - space between blocks (default: `0.75em`)
 * @cssprop --tool-agent-code-keyword - highlighted keywords (default: purple, lighter in dark schemes)
 * @cssprop --tool-agent-code-string - highlighted strings (default: green)
 * @cssprop --tool-agent-code-number - highlighted numbers and literals (default: orange)
 * @cssprop --tool-agent-code-comment - highlighted comments (default: a grey that keeps 4.5:1 contrast on the code background)
 * @cssprop --tool-agent-code-title - highlighted function, class and tag names (default: blue)
 * @cssprop --tool-agent-code-attr - highlighted attributes, properties and variables (default: brown)
 * @cssprop --tool-agent-code-deletion - removed lines in a diff (default: red)
 * @cssprop --tool-agent-code-addition - added lines in a diff (default: green)
 *
 * Each top-level block has `content-visibility: auto`: a block far from the view is neither laid
 * out nor painted, so a long answer (or one below the fold) does not cost every frame of the
 * stream work for all of it. A block remembers its size once shown (before that it counts as a
 * few lines); the small `overflow-clip-margin` keeps focus rings at a block's edge visible under
 * the paint containment this brings, and a quote's first and last margins, which no longer
 * collapse through it, are zero.
 *
 * Why some rules are as they are (kept here, not in the CSS, which ships as written):
 * - `pre { white-space: pre }`: code keeps its lines and scrolls sideways rather than wrapping mid-token.
 * - `:is(th, td) { overflow-wrap: normal }`: cells keep whole words: a wide table scrolls in .table-scroll instead of breaking them.
 *
 * The highlighting colours (with `light-dark()` defaults that follow the page's or the element's
 * `color-scheme`) and the layout of display math come with their lazy chunks, which adopt them
 * into the root they render in; set the custom properties to match another theme.
 */
export const markdownStyles = css`
  .tool-agent-markdown {
    overflow-wrap: anywhere;
    line-height: 1.5;
  }
  .tool-agent-markdown > * {
    content-visibility: auto;
    contain-intrinsic-size: auto 4em;
    overflow-clip-margin: 0.25em;
  }
  .tool-agent-markdown > :first-child {
    margin-top: 0;
  }
  .tool-agent-markdown > :last-child {
    margin-bottom: 0;
  }
  .tool-agent-markdown :is(p, ul, ol, blockquote, .code-block, .table-scroll, hr) {
    margin-block: var(--tool-agent-block-gap, 0.75em);
  }
  .tool-agent-markdown :is(h1, h2, h3, h4, h5, h6) {
    margin-block: 1.1em 0.5em;
    line-height: 1.25;
  }
  .tool-agent-markdown h1 {
    font-size: 1.5em;
  }
  .tool-agent-markdown h2 {
    font-size: 1.3em;
  }
  .tool-agent-markdown h3 {
    font-size: 1.15em;
  }
  .tool-agent-markdown :is(h4, h5, h6) {
    font-size: 1em;
  }
  .tool-agent-markdown :is(ul, ol) {
    padding-inline-start: 1.6em;
  }
  .tool-agent-markdown li > :is(p, ul, ol) {
    margin-block: 0;
  }
  .tool-agent-markdown li > * + * {
    margin-top: 0.4em;
  }
  .tool-agent-markdown li + li {
    margin-top: 0.2em;
  }
  .tool-agent-markdown blockquote > :first-child {
    margin-top: 0;
  }
  .tool-agent-markdown blockquote > :last-child {
    margin-bottom: 0;
  }
  .tool-agent-markdown blockquote {
    margin-inline: 0;
    padding-inline-start: 0.9em;
    border-inline-start: 0.25em solid var(--tool-agent-border-color, color-mix(in srgb, currentColor 25%, transparent));
  }
  .tool-agent-markdown a {
    color: var(--tool-agent-link-color, LinkText);
    text-decoration: underline;
  }
  .tool-agent-markdown hr {
    border: none;
    border-top: 1px solid var(--tool-agent-border-color, color-mix(in srgb, currentColor 25%, transparent));
  }
  .tool-agent-markdown code {
    font-family: var(--tool-agent-code-font, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: 0.9em;
  }
  .tool-agent-markdown :not(pre) > code {
    padding: 0.1em 0.3em;
    border-radius: 0.3em;
    background: var(--tool-agent-code-bg, color-mix(in srgb, currentColor 8%, transparent));
  }
  .tool-agent-markdown .code-block {
    position: relative;
  }
  .tool-agent-markdown pre {
    margin: 0;
    padding: 0.75em 1em;
    overflow-x: auto;
    white-space: pre;
    overflow-wrap: normal;
    border-radius: 0.4em;
    background: var(--tool-agent-code-bg, color-mix(in srgb, currentColor 8%, transparent));
    border: 1px solid transparent;
  }
  .tool-agent-markdown .copy-button {
    position: absolute;
    top: 0.35em;
    right: 0.35em;
    padding: 0.15em 0.5em;
    font: inherit;
    font-size: 0.75em;
    color: inherit;
    background: var(--tool-agent-code-bg, color-mix(in srgb, currentColor 8%, transparent));
    border: 1px solid var(--tool-agent-border-color, color-mix(in srgb, currentColor 25%, transparent));
    border-radius: 0.3em;
    cursor: pointer;
    opacity: 0.7;
  }
  .tool-agent-markdown .copy-button:is(:hover, :focus-visible) {
    opacity: 1;
  }
  .tool-agent-markdown .table-scroll {
    overflow-x: auto;
  }
  .tool-agent-markdown table {
    border-collapse: collapse;
  }
  .tool-agent-markdown :is(th, td) {
    padding: 0.3em 0.6em;
    border: 1px solid var(--tool-agent-border-color, color-mix(in srgb, currentColor 25%, transparent));
    text-align: start;
    overflow-wrap: normal;
  }
  .tool-agent-markdown th {
    font-weight: 600;
  }
  .tool-agent-markdown input[type='checkbox'] {
    margin-inline-end: 0.4em;
  }
  .tool-agent-markdown li:has(> input[type='checkbox']:first-child) {
    list-style: none;
  }
  @media (forced-colors: active) {
    .tool-agent-markdown :is(pre, :not(pre) > code, .copy-button) {
      border: 1px solid CanvasText;
    }
  }
`;
