import { adoptStyles } from './adopt-styles.js';
import { markdownStyles } from './markdown-styles.js';

/**
 * Adds the renderer's styles ({@link markdownStyles}) to the document or shadow root `node` is in,
 * once: for pages without Lit, which cannot put a `CSSResult` in `static styles`. A constructed
 * style sheet, so a strict `style-src` allows it.
 */
export function adoptMarkdownStyles(node: Node): void {
  adoptStyles(node, markdownStyles.cssText);
}
