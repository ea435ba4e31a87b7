import { MarkdownStream, type MarkdownStreamOptions } from '../../../components/markdown/index.js';

/**
 * Renders `chunks` one `append` at a time into a fresh container attached to the document, and
 * waits until the spec-complete pass has settled it (highlighting and math off unless asked for).
 */
export async function renderChunks(
  chunks: readonly string[],
  options?: MarkdownStreamOptions,
): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  const stream = new MarkdownStream(container, { highlight: false, math: false, ...options });
  for (const chunk of chunks) stream.append(chunk);
  stream.end();
  await stream.settled();
  return container;
}

/** Splits `text` into pieces of `size` code units (so surrogate pairs get split too). */
export function chunksOf(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

/** Splits `text` at random points drawn from a seeded generator. */
export function randomChunks(text: string, seed: number, maxSize = 12): string[] {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    // xorshift32: deterministic, so a failing split can be reproduced from its seed.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const chunks: string[] = [];
  let i = 0;
  while (i < text.length) {
    const size = 1 + Math.floor(next() * maxSize);
    chunks.push(text.slice(i, i + size));
    i += size;
  }
  return chunks;
}

/**
 * Serialises a subtree including text-node boundaries (`innerHTML` merges adjacent text nodes),
 * so two renderings compare equal only if their DOM is built the same way.
 */
export function describeDom(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return `«${(node as Text).data}»`;
  if (!(node instanceof Element)) return '';
  const attributes = Array.from(node.attributes, (a) => ` ${a.name}="${a.value}"`).join('');
  const children = Array.from(node.childNodes, describeDom).join('');
  return `<${node.localName}${attributes}>${children}</${node.localName}>`;
}

/** The markup of a fenced code block as the renderer builds it. */
export function codeBlockHtml(code: string, language?: string): string {
  const className = language === undefined ? '' : ` class="language-${language}"`;
  return (
    `<div class="code-block"><pre><code${className}>${code}</code></pre>` +
    '<button type="button" class="copy-button" part="copy-button" aria-label="Copy code">Copy</button></div>'
  );
}
