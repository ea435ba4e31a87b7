import type { ToolCard } from './transcript-entry.js';

/** What a tool card shows as a call's arguments. */
export type ShownArguments =
  /** Nothing to show (no argument text at all). */
  | { readonly kind: 'none' }
  /** Argument text still arriving, shown as it grows. */
  | { readonly kind: 'streaming'; readonly text: string }
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
export function shownArguments(card: Pick<ToolCard, 'status' | 'arguments' | 'argumentsText'>): ShownArguments {
  if (card.arguments !== undefined) return { kind: 'value', value: card.arguments, validated: true };
  if (card.argumentsText.trim() === '') return { kind: 'none' };
  if (card.status === 'streaming') return { kind: 'streaming', text: card.argumentsText };
  try {
    return { kind: 'value', value: JSON.parse(card.argumentsText) as unknown, validated: false };
  } catch {
    return { kind: 'text', text: card.argumentsText };
  }
}
