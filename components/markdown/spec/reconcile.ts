/**
 * Makes the nodes a streamed block left on screen equal to the nodes the spec-complete pass built,
 * touching only what differs: equal elements are kept (and their children reconciled), text
 * nodes are kept and their data set, and only differing subtrees are replaced. Code blocks and
 * math are compared whole, so highlighting and typesetting inside them survive.
 *
 * @param actual - the nodes on screen, contiguous children of `parent`
 * @param expected - the built nodes (detached)
 * @param before - the node after the range, or `null` at the end of `parent`
 * @returns the nodes now in the range
 */
export function reconcileRange(
  parent: Node,
  actual: readonly Node[],
  expected: readonly Node[],
  before: Node | null,
): Node[] {
  const result: Node[] = [];
  const count = Math.max(actual.length, expected.length);
  for (let i = 0; i < count; i++) {
    const have = actual[i];
    const want = expected[i];
    if (want === undefined) {
      have?.parentNode?.removeChild(have);
    } else if (have === undefined) {
      parent.insertBefore(want, before);
      result.push(want);
    } else {
      result.push(reconcileNode(have, want));
    }
  }
  return result;
}

/** Reconciles one node; returns the node that stays. */
function reconcileNode(have: Node, want: Node): Node {
  if (have.nodeType === Node.TEXT_NODE && want.nodeType === Node.TEXT_NODE) {
    const text = have as Text;
    if (text.data !== (want as Text).data) text.data = (want as Text).data;
    return have;
  }
  // Node types, not instanceof: the container may live in another frame's realm.
  if (!isElement(have) || !isElement(want) || !sameElement(have, want)) {
    have.parentNode?.replaceChild(want, have);
    return want;
  }
  if (isOpaque(want)) {
    if (sourceOf(have) === sourceOf(want)) return have;
    have.parentNode?.replaceChild(want, have);
    return want;
  }
  if (have.localName === 'li') unwrapTightParagraphs(have, want);
  reconcileRange(have, Array.from(have.childNodes), Array.from(want.childNodes), null);
  return have;
}

function isElement(node: Node): node is Element {
  return node.nodeType === Node.ELEMENT_NODE;
}

/** Same tag and attributes (for a code block the same language, for math the same kind). */
function sameElement(have: Element, want: Element): boolean {
  if (have.localName !== want.localName) return false;
  if (isOpaque(want))
    return (
      have.className === want.className &&
      have.querySelector('code')?.className === want.querySelector('code')?.className
    );
  if (have.attributes.length !== want.attributes.length) return false;
  for (const { name, value } of want.attributes)
    if (have.getAttribute(name) !== value) return false;
  return true;
}

/** The text an opaque element shows: typeset math keeps its TeX in `data-tex`. */
function sourceOf(element: Element): string | null {
  return element.getAttribute('data-tex') ?? element.textContent;
}

/** Code blocks and math are settled whole: their insides are the highlighter's or typesetter's. */
function isOpaque(element: Element): boolean {
  return element.classList.contains('code-block') || element.classList.contains('math');
}

/** A list that turned out tight: its items' paragraphs give way to their content, nodes moved, not re-created. */
function unwrapTightParagraphs(have: Element, want: Element): void {
  for (const child of want.children) if (child.localName === 'p') return;
  for (const child of Array.from(have.children))
    if (child.localName === 'p') child.replaceWith(...child.childNodes);
  // Only the item's own adjacent text nodes merge: a code block inside keeps its nodes.
  for (let node = have.firstChild; node !== null; node = node.nextSibling) {
    while (node.nodeType === Node.TEXT_NODE && node.nextSibling?.nodeType === Node.TEXT_NODE) {
      (node as Text).appendData((node.nextSibling as Text).data);
      node.nextSibling.remove();
    }
  }
}
