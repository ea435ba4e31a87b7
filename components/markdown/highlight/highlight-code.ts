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

/** The languages of most model output, registered on first use (all at once took a 20 ms task). */
const grammars = {
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
} as const;
type GrammarName = keyof typeof grammars;

/** Names the grammars themselves do not declare. */
const extraAliases: Partial<Record<GrammarName, string[]>> = {
  bash: ['shell', 'console', 'shellsession'],
  json: ['jsonc'],
};

/**
 * Every name a grammar is found by before it is registered: its own, the usual aliases it declares
 * (repeated here so one grammar can be registered alone) and the extra ones. A Map, so a fence
 * named `constructor` or `__proto__` finds nothing.
 */
const grammarByName = new Map<string, GrammarName>([
  ...(Object.keys(grammars) as GrammarName[]).map((name) => [name, name] as const),
  ...Object.entries({
    bash: ['sh', 'zsh'],
    c: ['h'],
    cpp: ['cc', 'c++', 'hpp', 'cxx'],
    diff: ['patch'],
    go: ['golang'],
    javascript: ['js', 'jsx', 'mjs', 'cjs'],
    python: ['py'],
    rust: ['rs'],
    typescript: ['ts', 'tsx', 'mts'],
    xml: ['html', 'svg'],
    yaml: ['yml'],
  } satisfies Partial<Record<GrammarName, string[]>>).flatMap(([name, names]) =>
    names.map((alias) => [alias, name as GrammarName] as const),
  ),
  ...Object.entries(extraAliases).flatMap(([name, names]) =>
    names.map((alias) => [alias, name as GrammarName] as const),
  ),
]);

/** Grammars that embed others (HTML's `<style>` and `<script>`). */
const embeds: Partial<Record<GrammarName, readonly GrammarName[]>> = { xml: ['css', 'javascript'] };

let allRegistered = false;

function register(name: GrammarName): void {
  if (highlighter.getLanguage(name)) return;
  highlighter.registerLanguage(name, grammars[name]);
  const extra = extraAliases[name];
  if (extra) highlighter.registerAliases(extra, { languageName: name });
  for (const embedded of embeds[name] ?? []) register(embedded);
}

/** Registers the grammar `language` names; an unknown name registers them all once, since any may declare it. */
function ensureLanguage(language: string): boolean {
  if (highlighter.getLanguage(language)) return true;
  const name = grammarByName.get(language.toLowerCase());
  if (name) register(name);
  else if (!allRegistered) {
    allRegistered = true;
    for (const each of Object.keys(grammars) as GrammarName[]) register(each);
  }
  return highlighter.getLanguage(language) !== undefined;
}

/**
 * Highlights a finished code block in place: highlight.js's token tree becomes
 * `<span class="hljs-…">` elements and text nodes (never an HTML string, so Trusted Types hold).
 * Unknown languages are left as they are.
 */
export function highlightCode(code: HTMLElement, language: string): void {
  if (!ensureLanguage(language)) return;
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
