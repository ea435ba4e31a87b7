/** Creates a `tag` element in `parent`'s document and appends it to `parent`. */
export function appendElement<K extends keyof HTMLElementTagNameMap>(
  parent: Element,
  tag: K,
): HTMLElementTagNameMap[K] {
  const element = parent.ownerDocument.createElement(tag);
  parent.appendChild(element);
  return element;
}

/** Appends a new text node holding `text` to `parent` and returns it. */
export function appendText(parent: Node, text: string): Text {
  const doc = parent.ownerDocument ?? document;
  const node = doc.createTextNode(text);
  parent.appendChild(node);
  return node;
}
