import type { ElementContent, Root, RootContent } from 'hast';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { createLowlight } from 'lowlight';

/** The languages of most model output; each grammar also brings its usual aliases (js, py, sh, …). */
const lowlight = createLowlight({ bash, c, cpp, css, diff, go, java, javascript, json, python, rust, sql, typescript, xml, yaml });
lowlight.registerAlias({ bash: ['shell', 'console', 'shellsession'], xml: ['html', 'svg'], json: ['jsonc'] });

/**
 * Highlights a finished code block in place: the highlighter's token tree becomes `<span class="hljs-…">`
 * elements and text nodes (never an HTML string, so Trusted Types hold). Unknown languages and
 * code that changed since are left as they are.
 */
export function highlightCode(code: HTMLElement, language: string): void {
  if (!lowlight.registered(language)) return;
  const source = code.textContent ?? '';
  const tree: Root = lowlight.highlight(language, source);
  const fragment = code.ownerDocument.createDocumentFragment();
  for (const child of tree.children) appendHast(fragment, child);
  // Highlighting may only add structure: the text, and so any copy of it, stays the same.
  if (fragment.textContent !== source) return;
  code.replaceChildren(fragment);
}

function appendHast(parent: Node, node: RootContent | ElementContent): void {
  const doc = parent.ownerDocument ?? document;
  if (node.type === 'text') {
    parent.appendChild(doc.createTextNode(node.value));
  } else if (node.type === 'element') {
    const span = doc.createElement('span');
    const classes = node.properties['className'];
    if (Array.isArray(classes)) span.className = classes.filter((name) => /^hljs-[\w-]+$/.test(String(name))).join(' ');
    for (const child of node.children) appendHast(span, child);
    parent.appendChild(span);
  }
}
