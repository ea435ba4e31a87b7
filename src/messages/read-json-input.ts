/** `json` parsed when it is text, as is otherwise; a syntax error becomes a `TypeError` naming `what`. */
export function readJsonInput(json: string | object, what: string): unknown {
  if (typeof json !== 'string') return json;
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    throw new TypeError(
      `${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
