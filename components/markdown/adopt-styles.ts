/** Style sheets already adopted, per document or shadow root. */
const adopted = new WeakMap<Document | ShadowRoot, Set<string>>();
const sheets = new Map<string, CSSStyleSheet>();

/**
 * Adds `css` to the document or shadow root `node` renders in, once: styles that only lazily
 * loaded output needs travel with that code instead of the element's own bundle. A constructed
 * style sheet is no inline style, so a strict `style-src` allows it.
 */
export function adoptStyles(node: Node, css: string): void {
  const root = node.getRootNode();
  if (!('adoptedStyleSheets' in root)) return;
  const scope = root as Document | ShadowRoot;
  const done = adopted.get(scope) ?? new Set<string>();
  adopted.set(scope, done);
  if (done.has(css)) return;
  done.add(css);
  let sheet = sheets.get(css);
  if (sheet === undefined) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  try {
    scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
  } catch {
    // A sheet from another document (a frame) cannot be adopted: the output stays unstyled.
  }
}
