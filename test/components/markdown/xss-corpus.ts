/**
 * Hostile model output for every place untrusted text reaches the DOM (answers, reasoning, tool
 * names, arguments and results). Every payload that ever ran would set `window[XSS_FLAG]`.
 */

/** The window property a payload sets if it runs. */
export const XSS_FLAG = '__toolAgentXss';

/** One hostile input. */
export interface XssVector {
  /** What the vector tries. */
  readonly name: string;
  /** The text fed to the renderer. */
  readonly markdown: string;
}

const RUN = `window.${XSS_FLAG}=1`;
const RUN_PARENT = `parent.${XSS_FLAG}=1`;
const DATA_HTML_BASE64 = btoa(`<script>${RUN_PARENT}</script>`);

/** At least 30 vectors: link schemes (plain and obfuscated), raw HTML, and markdown tricks. */
export const XSS_CORPUS: readonly XssVector[] = [
  { name: 'javascript: link', markdown: `[click](javascript:${RUN})` },
  { name: 'mixed-case scheme', markdown: `[click](JaVaScRiPt:${RUN})` },
  { name: 'leading spaces in destination', markdown: `[click](   javascript:${RUN})` },
  { name: 'tab inside the scheme', markdown: `[click](java\tscript:${RUN})` },
  { name: 'newline inside the scheme', markdown: `[click](java\nscript:${RUN})` },
  { name: 'control character before the scheme', markdown: `[click](\u0001javascript:${RUN})` },
  { name: 'NUL inside the scheme', markdown: `[click](java\u0000script:${RUN})` },
  { name: 'no-break space before the scheme', markdown: `[click](\u00a0javascript:${RUN})` },
  { name: 'angle-bracket destination', markdown: `[click](<javascript:${RUN}>)` },
  { name: 'decimal entity scheme', markdown: `[click](&#106;avascript:${RUN})` },
  { name: 'hex entity scheme', markdown: `[click](&#x6A;&#x61;vascript:${RUN})` },
  { name: 'entity colon', markdown: `[click](javascript&colon;${RUN})` },
  { name: 'entity tab inside the scheme', markdown: `[click](java&Tab;script:${RUN})` },
  { name: 'backslash-escaped colon', markdown: `[click](javascript\\:${RUN})` },
  { name: 'percent-encoded scheme', markdown: `[click](%6Aavascript:${RUN})` },
  { name: 'vbscript: link', markdown: '[click](vbscript:msgbox(1))' },
  { name: 'data: HTML link', markdown: `[click](data:text/html;base64,${DATA_HTML_BASE64})` },
  {
    name: 'upper-case data: link',
    markdown: `[click](DATA:text/html,<script>${RUN_PARENT}</script>)`,
  },
  { name: 'javascript: autolink', markdown: `<javascript:${RUN}>` },
  { name: 'data: autolink', markdown: `<data:text/html;base64,${DATA_HTML_BASE64}>` },
  { name: 'javascript: image', markdown: `![x](javascript:${RUN})` },
  { name: 'image breaking out of src', markdown: `![x](https://x.invalid/a.png" onerror="${RUN})` },
  { name: 'link breaking out of href', markdown: `[x](https://x.invalid/"onmouseover="${RUN}")` },
  {
    name: 'quotes in a link title',
    markdown: `[x](https://x.invalid "t\\" onmouseover=\\"${RUN}")`,
  },
  { name: 'quotes in an autolink', markdown: `<https://x.invalid/"onmouseover="${RUN}">` },
  {
    name: 'javascript: link nested in link text',
    markdown: `[[x](javascript:${RUN})](https://ok.invalid)`,
  },
  { name: 'reference-style javascript: link', markdown: `[x][1]\n\n[1]: javascript:${RUN}` },
  { name: 'protocol-relative link', markdown: '[x](//evil.invalid/steal)' },
  { name: 'file: link', markdown: '[x](file:///etc/passwd)' },
  { name: 'script tag', markdown: `<script>${RUN}</script>` },
  { name: 'img onerror', markdown: `<img src=x onerror="${RUN}">` },
  { name: 'svg onload', markdown: `<svg onload="${RUN}"></svg>` },
  { name: 'iframe javascript: src', markdown: `<iframe src="javascript:${RUN_PARENT}"></iframe>` },
  { name: 'iframe srcdoc', markdown: `<iframe srcdoc="<script>${RUN_PARENT}</script>"></iframe>` },
  { name: 'raw anchor with javascript: href', markdown: `<a href="javascript:${RUN}">x</a>` },
  { name: 'details ontoggle', markdown: `<details open ontoggle="${RUN}">x</details>` },
  { name: 'object data', markdown: `<object data="javascript:${RUN}"></object>` },
  {
    name: 'mXSS through math and style',
    markdown: `<math><mtext><table><mglyph><style><img src=x onerror="${RUN}">`,
  },
  { name: 'HTML comment hiding a script', markdown: `<!-- --><script>${RUN}</script><!-- -->` },
  {
    name: 'meta refresh and base',
    markdown: `<meta http-equiv="refresh" content="0;url=javascript:${RUN}"><base href="javascript:${RUN}//">`,
  },
  {
    name: 'form with javascript: action',
    markdown: `<form action="javascript:${RUN}"><button>go</button></form>`,
  },
  {
    name: 'entity-encoded script tag',
    markdown: `&lt;script&gt;${RUN}&lt;/script&gt; &#60;img src=x onerror=${RUN}&#62;`,
  },
  {
    name: 'HTML inside a code fence',
    markdown: `\`\`\`html\n<script>${RUN}</script>\n<img src=x onerror="${RUN}">\n\`\`\``,
  },
  {
    name: 'fence info string breaking out of class',
    markdown: `\`\`\`js" onmouseover="${RUN}\ncode\n\`\`\``,
  },
  { name: 'HTML inside inline code', markdown: `\`<img src=x onerror="${RUN}">\`` },
  {
    name: 'HTML inside table cells',
    markdown: `| <img src=x onerror="${RUN}"> | b |\n|---|---|\n| <script>${RUN}</script> | [x](javascript:${RUN}) |`,
  },
  { name: 'HTML in link text', markdown: `[<img src=x onerror="${RUN}">](https://ok.invalid)` },
  {
    name: 'HTML in a heading, list and quote',
    markdown: `# <svg onload="${RUN}">\n- <img src=x onerror="${RUN}">\n> <script>${RUN}</script>`,
  },
  {
    name: 'emphasis around HTML',
    markdown: `**<img src=x onerror="${RUN}">** _<script>${RUN}</script>_`,
  },
  { name: 'unterminated tag at the end', markdown: `text <img src=x onerror="${RUN}"` },
  {
    name: 'style tag with expression',
    markdown: `<style>*{background:url("javascript:${RUN}")}</style>`,
  },
  {
    name: 'math with \\href and HTML',
    markdown: `$\\href{javascript:${RUN}}{x}$ and $$\\htmlId{x}{y}<img src=x onerror="${RUN}">$$ \\(\\url{javascript:${RUN}}\\)`,
  },
  {
    name: 'code in a highlighted language',
    markdown: `\`\`\`html\n<img src=x onerror="${RUN}"><script>${RUN}</script>\n\`\`\``,
  },
];

/** Whether any payload ran. */
export function xssFired(): boolean {
  return Object.hasOwn(window, XSS_FLAG);
}

/** Clears the flag before the next vector. */
export function resetXssFlag(): void {
  Reflect.deleteProperty(window, XSS_FLAG);
}
