import { sanitizeUrl } from '../../../components/markdown/index.js';
import type { SpecExample } from '../../fixtures/commonmark/spec-example.js';

/**
 * The normalisation that turns a spec's expected HTML into what our safety rules make of it, and
 * our DOM into the same canonical form, so the two compare as strings:
 *
 * - links: an `href` that is not an absolute http(s)/mailto URL loses its anchor (its content
 *   stays); a kept one is compared as the URL parser serialises it; `target` and `rel` (ours)
 *   are dropped;
 * - images are never loaded: `<img>` becomes `<a class="image-link">` with the alt text (or
 *   `image` when empty) if its source is safe and it is not inside a link, else the alt text;
 * - our wrappers go: a code block's `div.code-block` and copy button, a table's `div.table-scroll`;
 *   a cell's `align` is compared as our `style="text-align: …;"`;
 * - whitespace as CommonMark's own test normaliser treats it: runs collapse to one space outside
 *   `<pre>`, and whitespace next to block boundaries goes.
 *
 * Examples whose expected HTML passes raw HTML through are under the safety rules (raw HTML is
 * shown as text): see {@link passesRawHtml}.
 */
export function normaliseExpected(html: string): string {
  const body = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
  applySafetyRules(body);
  return canonical(body);
}

/** Our rendering in the canonical form of {@link normaliseExpected}. */
export function normaliseActual(container: HTMLElement): string {
  const copy = container.cloneNode(true) as HTMLElement;
  for (const block of copy.querySelectorAll('div.code-block'))
    block.replaceWith(...Array.from(block.querySelectorAll(':scope > pre')));
  for (const scroller of copy.querySelectorAll('div.table-scroll'))
    scroller.replaceWith(...scroller.childNodes);
  for (const anchor of copy.querySelectorAll('a')) {
    anchor.removeAttribute('target');
    anchor.removeAttribute('rel');
  }
  copy.removeAttribute('class');
  return canonical(copy);
}

/** Whether the spec's expected output passes raw HTML from the source through (we show it as text). */
export function passesRawHtml(example: SpecExample): boolean {
  if (/^(HTML blocks|Raw HTML|Disallowed Raw HTML)/.test(example.section)) return true;
  if (/<!--|<\?|<!\[CDATA\[|<![A-Z]/.test(example.html)) return true;
  for (const [, name] of example.html.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)) {
    if (new RegExp(`</?${name}(?=[\\s/>])`, 'i').test(example.markdown)) return true;
  }
  return false;
}

function applySafetyRules(root: Element): void {
  for (const image of Array.from(root.querySelectorAll('img'))) {
    const alt = image.getAttribute('alt') ?? '';
    const src = sanitizeUrl(image.getAttribute('src') ?? '');
    if (
      src === undefined ||
      (image.closest('a[href]') !== null &&
        sanitizeUrl(image.closest('a')!.getAttribute('href') ?? '') !== undefined)
    ) {
      image.replaceWith(alt);
      continue;
    }
    const anchor = root.ownerDocument.createElement('a');
    anchor.setAttribute('href', src);
    const title = image.getAttribute('title');
    if (title !== null) anchor.setAttribute('title', title);
    anchor.className = 'image-link';
    anchor.textContent = alt === '' ? 'image' : alt;
    image.replaceWith(anchor);
  }
  for (const anchor of Array.from(root.querySelectorAll('a:not(.image-link)'))) {
    const href = sanitizeUrl(anchor.getAttribute('href') ?? '');
    if (href === undefined) anchor.replaceWith(...anchor.childNodes);
    else anchor.setAttribute('href', href);
  }
  for (const cell of root.querySelectorAll('th[align], td[align]')) {
    (cell as HTMLElement).style.textAlign = cell.getAttribute('align') ?? '';
    cell.removeAttribute('align');
  }
}

const BLOCKS = new Set([
  'body',
  'div',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);

function isBlock(node: Node | null): boolean {
  return node === null || (node instanceof Element && BLOCKS.has(node.localName));
}

/** Serialises `root`'s children: sorted attributes, escaped text, whitespace normalised. */
function canonical(root: Element): string {
  root.normalize();
  return Array.from(root.childNodes, (child) => serialise(child, false)).join('');
}

function serialise(node: Node, inPre: boolean): string {
  if (node.nodeType === Node.TEXT_NODE) {
    let text = (node as Text).data;
    if (!inPre) {
      text = text.replace(/\s+/g, ' ');
      const blockParent = isBlock(node.parentElement);
      if (blockParent && isBlock(node.previousSibling)) text = text.trimStart();
      if (blockParent && isBlock(node.nextSibling)) text = text.trimEnd();
    }
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }
  if (!(node instanceof Element)) return '';
  const attributes = Array.from(
    node.attributes,
    ({ name, value }) => ` ${name}="${value.replace(/"/g, '&quot;')}"`,
  )
    .sort()
    .join('');
  const pre = inPre || node.localName === 'pre';
  const children = Array.from(node.childNodes, (child) => serialise(child, pre)).join('');
  return `<${node.localName}${attributes}>${children}</${node.localName}>`;
}
