import { appendElement, appendText } from './dom.js';
import type { CodeBlockLabels } from './code-block-labels.js';
import { copyText } from './copy-text.js';

/** How long the copy button says "Copied" before it resets, in milliseconds. */
const COPIED_FEEDBACK_MS = 1500;

/**
 * Appends a fenced code block to `parent`:
 * `<div class="code-block"><button part="copy-button">…</button><pre><code class="language-x">`.
 *
 * @param info - the fence's info string; its first word names the language
 * @param labels - the copy button's words
 * @returns the (empty) text node the code streams into
 */
export function appendCodeBlock(parent: Element, info: string, labels: CodeBlockLabels): Text {
  const block = appendElement(parent, 'div');
  block.className = 'code-block';
  const pre = appendElement(block, 'pre');
  const code = appendElement(pre, 'code');
  const language = languageOf(info);
  if (language !== undefined) code.className = `language-${language}`;
  const text = appendText(code, '');
  // The button goes after <pre> in the DOM so selecting the code never picks up its label.
  const button = appendElement(block, 'button');
  button.type = 'button';
  button.className = 'copy-button';
  button.setAttribute('part', 'copy-button');
  button.setAttribute('aria-label', labels.copyCode);
  button.textContent = labels.copy;
  button.addEventListener('click', () => {
    void copyText(code.textContent ?? '', code).then((copied) => {
      button.textContent = copied ? labels.copied : labels.copyFailed;
      setTimeout(() => {
        button.textContent = labels.copy;
      }, COPIED_FEEDBACK_MS);
    });
  });
  return text;
}

/** The language a fence's info string names: its first word (set as a class, so any text is inert). */
function languageOf(info: string): string | undefined {
  const word = info.trim().split(/\s+/, 1)[0] ?? '';
  return word === '' ? undefined : word;
}
