import katex from 'katex';
import { adoptStyles } from '../adopt-styles.js';
import { copyMathAsSource } from './copy-math-source.js';
import { MATH_STYLES } from './math-styles.js';

/**
 * Typesets a `.math` element whose text is TeX source, as MathML built node by node (KaTeX's
 * `render` never writes an HTML string, so Trusted Types hold); the browser draws MathML natively,
 * so no font or stylesheet is loaded. The source stays in the MathML's TeX annotation and in
 * `data-tex`, and a copy of the rendered message puts it on the clipboard.
 */
export function typesetMath(element: HTMLElement): void {
  const source = element.textContent ?? '';
  const display = element.classList.contains('math-display');
  element.dataset['tex'] = source;
  const container = element.closest('.tool-agent-markdown');
  if (container !== null) copyMathAsSource(container);
  adoptStyles(element, MATH_STYLES);
  katex.render(source, element, {
    output: 'mathml',
    displayMode: display,
    throwOnError: false,
    trust: false,
    strict: 'ignore',
    maxExpand: 500,
    maxSize: 20,
  });
}
