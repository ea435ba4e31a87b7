/** Containers that already copy math as TeX. */
const handled = new WeakSet<Element>();

/**
 * Makes a copy from `container` put the TeX source of the typeset math it selects on the
 * clipboard (MathML's own text would be the glyphs), delimited as it was written.
 */
export function copyMathAsSource(container: Element): void {
  if (handled.has(container)) return;
  handled.add(container);
  container.addEventListener('copy', (event) => {
    const { clipboardData } = event as ClipboardEvent;
    const root = container.getRootNode() as
      Document | (ShadowRoot & { getSelection?: () => Selection | null });
    const selection = root.getSelection?.() ?? container.ownerDocument.getSelection();
    if (clipboardData === null || selection === null || selection.rangeCount === 0) return;
    const fragment = selection.getRangeAt(0).cloneContents();
    const maths = fragment.querySelectorAll<HTMLElement>('.math[data-tex]');
    if (maths.length === 0) return;
    for (const math of maths) {
      const display = math.classList.contains('math-display');
      math.replaceWith(
        display ? `$$${math.dataset['tex'] ?? ''}$$` : `$${math.dataset['tex'] ?? ''}$`,
      );
    }
    clipboardData.setData('text/plain', fragment.textContent);
    event.preventDefault();
  });
}
