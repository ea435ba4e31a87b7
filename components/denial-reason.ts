/**
 * The reason text of a denied call's result: the agent sends the model `{"error": "<reason>"}`,
 * and the card shows just the reason. Anything else comes back as it is.
 */
export function denialReason(resultText: string): string {
  try {
    const result: unknown = JSON.parse(resultText);
    if (
      typeof result === 'object' &&
      result !== null &&
      'error' in result &&
      typeof result.error === 'string'
    )
      return result.error;
  } catch {
    // Not JSON: the text is the reason.
  }
  return resultText;
}
