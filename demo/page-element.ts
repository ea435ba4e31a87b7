/** The element `selector` finds under `root`, checked to be a `type`; a missing one is a broken page. */
export function pageElement<T extends Element>(
  root: ParentNode,
  selector: string,
  type: new () => T,
): T {
  const found = root.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`The demo page is missing ${selector}.`);
  return found;
}
