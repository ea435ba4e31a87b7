import hljs from '@highlightjs/cdn-assets/es/core.min.js';
import bash from '@highlightjs/cdn-assets/es/languages/bash.min.js';
import c from '@highlightjs/cdn-assets/es/languages/c.min.js';
import cpp from '@highlightjs/cdn-assets/es/languages/cpp.min.js';
import css from '@highlightjs/cdn-assets/es/languages/css.min.js';
import diff from '@highlightjs/cdn-assets/es/languages/diff.min.js';
import go from '@highlightjs/cdn-assets/es/languages/go.min.js';
import java from '@highlightjs/cdn-assets/es/languages/java.min.js';
import javascript from '@highlightjs/cdn-assets/es/languages/javascript.min.js';
import json from '@highlightjs/cdn-assets/es/languages/json.min.js';
import python from '@highlightjs/cdn-assets/es/languages/python.min.js';
import rust from '@highlightjs/cdn-assets/es/languages/rust.min.js';
import sql from '@highlightjs/cdn-assets/es/languages/sql.min.js';
import typescript from '@highlightjs/cdn-assets/es/languages/typescript.min.js';
import xml from '@highlightjs/cdn-assets/es/languages/xml.min.js';
import yaml from '@highlightjs/cdn-assets/es/languages/yaml.min.js';
import { adoptStyles } from '../adopt-styles.js';
import { HIGHLIGHT_STYLES } from './highlight-styles.js';
import { TokenTreeEmitter, type TokenNode } from './token-tree.js';

/** Our own instance, so a page's global highlight.js (if any) is never reconfigured. */
const highlighter = hljs.newInstance();
highlighter.configure({ __emitter: TokenTreeEmitter });
// The languages of most model output; each grammar also brings its usual aliases (js, py, sh, …).
for (const [name, grammar] of Object.entries({
  bash,
  c,
  cpp,
  css,
  diff,
  go,
  java,
  javascript,
  json,
  python,
  rust,
  sql,
  typescript,
  xml,
  yaml,
})) {
  highlighter.registerLanguage(name, grammar);
}
highlighter.registerAliases(['shell', 'console', 'shellsession'], { languageName: 'bash' });
highlighter.registerAliases(['jsonc'], { languageName: 'json' });

/**
 * Highlights a finished code block in place: highlight.js's token tree becomes
 * `<span class="hljs-…">` elements and text nodes (never an HTML string, so Trusted Types hold).
 * Unknown languages are left as they are.
 */
export function highlightCode(code: HTMLElement, language: string): void {
  if (highlighter.getLanguage(language) === undefined) return;
  const source = code.textContent ?? '';
  const emitter = highlighter.highlight(source, { language, ignoreIllegals: true })._emitter;
  if (!(emitter instanceof TokenTreeEmitter)) return;
  const fragment = code.ownerDocument.createDocumentFragment();
  appendTokens(fragment, emitter.root.children);
  // Highlighting may only add structure: the text, and so any copy of it, stays the same.
  if (fragment.textContent !== source) return;
  code.replaceChildren(fragment);
  adoptStyles(code, HIGHLIGHT_STYLES);
}

function appendTokens(parent: Node, children: readonly (TokenNode | string)[]): void {
  const doc = parent.ownerDocument ?? document;
  for (const child of children) {
    if (typeof child === 'string') {
      parent.appendChild(doc.createTextNode(child));
    } else if (child.scope === undefined) {
      appendTokens(parent, child.children);
    } else {
      const span = doc.createElement('span');
      // `title.function` is a function's name: the first part picks the colour.
      span.className = `hljs-${child.scope.split('.')[0]!.replace(/[^\w-]/g, '')}`;
      appendTokens(span, child.children);
      parent.appendChild(span);
    }
  }
}
