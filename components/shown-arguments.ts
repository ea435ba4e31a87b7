import type { ToolCard } from './transcript-entry.js';

/** What a tool card shows as a call's arguments. */
export type ShownArguments =
  /** Nothing to show (no argument text at all). */
  | { readonly kind: 'none' }
  /** Argument text still arriving, shown as it grows: the pieces so far, only ever appended to. */
  | { readonly kind: 'streaming'; readonly pieces: readonly string[] }
  /**
   * A value shown field by field: the validated arguments the call runs with (`validated`), or,
   * before those exist, the model's argument text parsed as JSON.
   */
  | { readonly kind: 'value'; readonly value: unknown; readonly validated: boolean }
  /** Argument text that is not JSON, shown as it is. */
  | { readonly kind: 'text'; readonly text: string };

/**
 * Picks what the card shows as `card`'s arguments. The validated arguments win whenever they are
 * known, since they, not the model's text, are what runs: an approval card never shows anything else.
 */
export function shownArguments(
  card: Pick<ToolCard, 'status' | 'arguments' | 'argumentsText' | 'argumentPieces'>,
): ShownArguments {
  if (card.arguments !== undefined)
    return { kind: 'value', value: card.arguments, validated: true };
  // While streaming, the growing text is never read whole (that would copy it on every delta).
  if (card.status === 'streaming')
    return card.argumentsText.length === 0
      ? { kind: 'none' }
      : { kind: 'streaming', pieces: card.argumentPieces };
  if (card.argumentsText.trim() === '') return { kind: 'none' };
  try {
    return { kind: 'value', value: JSON.parse(card.argumentsText) as unknown, validated: false };
  } catch {
    return { kind: 'text', text: card.argumentsText };
  }
}
