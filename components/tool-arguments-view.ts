import type { ChatStrings } from './chat-strings.js';
import { html, nothing, type TemplateResult } from 'lit';
import { jsonForReading } from './format-json.js';
import { revealedText } from './revealed-text.js';
import type { ShownArguments } from './shown-arguments.js';
import { streamedText } from './streamed-text.js';

/** Strings longer than this are shown as a text block rather than inline. */
const LONG_STRING = 60;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A scalar written as code would write it; `-0` keeps its sign. */
function literalText(value: unknown): string {
  if (Object.is(value, -0)) return '-0';
  if (typeof value === 'bigint') return `${value.toString()}n`;
  return String(value);
}

function textBlock(text: string, kind: 'text' | 'json'): TemplateResult {
  return html`<pre class="tool-argument-${kind}" part="tool-argument-${kind}"><code dir="ltr">${revealedText(text)}</code></pre>`;
}

/**
 * One value: multi-line or long strings as a text block with real line breaks, short strings as
 * text, other scalars plainly, objects and arrays as indented JSON.
 */
function valueTemplate(value: unknown, s: ChatStrings): TemplateResult {
  if (typeof value === 'string') {
    // An empty string would otherwise show as nothing at all.
    if (value === '') return html`<span class="tool-argument-empty">${s.emptyText}</span>`;
    if (/[\n\r]/.test(value) || value.length > LONG_STRING) return textBlock(value, 'text');
    return html`<span class="tool-argument-string" dir="ltr">${revealedText(value)}</span>`;
  }
  if (typeof value === 'object' && value !== null) return textBlock(jsonForReading(value), 'json');
  return html`<code class="tool-argument-literal" data-type=${value === null ? 'null' : typeof value} dir="ltr">${literalText(value)}</code>`;
}

function fieldsTemplate(fields: Record<string, unknown>, s: ChatStrings): TemplateResult {
  const entries = Object.entries(fields);
  if (entries.length === 0) return html`<p class="tool-arguments-empty">${s.noArguments}</p>`;
  return html`
    <dl class="tool-argument-list" part="tool-argument-list">
      ${entries.map(
        ([name, value]) => html`
          <dt class="tool-argument-name" part="tool-argument-name"><code dir="ltr">${revealedText(name)}</code></dt>
          <dd class="tool-argument-value" part="tool-argument-value">${valueTemplate(value, s)}</dd>
        `,
      )}
    </dl>
  `;
}

/**
 * The body of a card's Arguments section: the text as it streams, then each field of the value
 * that runs with its own value. Every string goes through a text binding, hidden characters shown.
 */
export function toolArgumentsTemplate(
  shown: ShownArguments,
  s: ChatStrings,
): TemplateResult | typeof nothing {
  switch (shown.kind) {
    case 'none':
      return nothing;
    case 'streaming':
      return html`<pre class="tool-arguments-streaming"><code dir="ltr" ${streamedText(shown.pieces, s.elided)}></code></pre>`;
    case 'text':
      return textBlock(shown.text, 'text');
    case 'value':
      return isPlainObject(shown.value)
        ? fieldsTemplate(shown.value, s)
        : valueTemplate(shown.value, s);
  }
}
