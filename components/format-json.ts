/** JSON text indented for reading; text that is not (yet) valid JSON comes back unchanged. */
export function prettyJSON(text: string): string {
  if (text.trim() === '') return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
