import { html, type TemplateResult } from 'lit';
import {
  hiddenRunLabel,
  hiddenRunName,
  revealInvisible,
  type HiddenRun,
} from './reveal-invisible.js';

/**
 * The marker a hidden character is shown as: `<span class="hidden-char" part="hidden-char">U+202E</span>`.
 * Built here twice (Lit template and DOM), so the streamed and the settled views look the same.
 */
function hiddenRunTemplate(run: HiddenRun): TemplateResult {
  return html`<span class="hidden-char" part="hidden-char" title=${hiddenRunName(run)}>${hiddenRunLabel(run)}</span>`;
}

/** The same marker as {@link hiddenRunTemplate}, as an element for views that append to the DOM directly. */
export function createHiddenRunElement(document: Document, run: HiddenRun): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = 'hidden-char';
  element.setAttribute('part', 'hidden-char');
  updateHiddenRunElement(element, run);
  return element;
}

/** Rewrites a marker made by {@link createHiddenRunElement} for a longer run of the same character. */
export function updateHiddenRunElement(element: HTMLSpanElement, run: HiddenRun): void {
  element.title = hiddenRunName(run);
  element.textContent = hiddenRunLabel(run);
}

/**
 * Untrusted `text` for a text binding, every hidden character replaced by its visible marker.
 * Plain runs stay strings, so Lit renders them as text nodes, never as markup.
 */
export function revealedText(text: string): (string | TemplateResult)[] {
  return revealInvisible(text).map((piece) =>
    typeof piece === 'string' ? piece : hiddenRunTemplate(piece),
  );
}
