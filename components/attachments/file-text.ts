// How a text file is sent: its content inside a <file name="…"> element, so the model reads the
// name and where the file ends; models follow such tags well and file contents rarely hold them.
const opening = /^<file name="([^"]*)">\n/;
const closing = '\n</file>\n';

const escapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '"': '&quot;',
  '<': '&lt;',
  '>': '&gt;',
  '\n': ' ',
  '\r': ' ',
};

/** The text part's text for a file: its name and content, as the model reads them. */
export function fileText(name: string, content: string): string {
  return `<file name="${name.replace(/[&"<>\r\n]/g, (char) => escapes[char] ?? char)}">\n${content}${closing}`;
}

/** The content of a file's text (what `fileText` wrapped), or the whole text when it is not one. */
export function fileContent(text: string): string {
  const head = opening.exec(text);
  return head && text.endsWith(closing) ? text.slice(head[0].length, -closing.length) : text;
}
