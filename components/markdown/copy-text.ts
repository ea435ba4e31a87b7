/**
 * Copies `text` to the clipboard: the async Clipboard API first, then, where it is missing or
 * refused (insecure context, denied permission), a selection of `source` and `execCommand('copy')`.
 *
 * @returns whether the text reached the clipboard
 */
export async function copyText(text: string, source: Node): Promise<boolean> {
  try {
    if (navigator.clipboard !== undefined) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused: fall through to the selection-based copy.
  }
  return copyBySelection(source);
}

/** Selects `source` and runs the legacy copy command, restoring the user's selection after. */
function copyBySelection(source: Node): boolean {
  const doc = source.ownerDocument;
  const selection = doc?.getSelection();
  if (!doc || !selection) return false;
  const saved = selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
  const range = doc.createRange();
  range.selectNodeContents(source);
  selection.removeAllRanges();
  selection.addRange(range);
  let copied: boolean;
  try {
    // Deprecated, but the only synchronous fallback where the Clipboard API is unavailable.
    copied = doc.execCommand('copy');
  } catch {
    copied = false;
  }
  selection.removeAllRanges();
  if (saved) selection.addRange(saved);
  return copied;
}
