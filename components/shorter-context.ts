import { estimateMessageTokens, estimateTextTokens, type ChatMessage } from '../src/index.js';

/**
 * The context budget for "Continue with a shorter context": half of what was sent, that is half
 * the smaller of `current` (the budget in force) and the conversation's estimated size, so each
 * use leaves out about half of what is left. Never below 1 token.
 */
export function shorterContextBudget(
  messages: readonly ChatMessage[],
  current: number | undefined,
): number {
  let size = 0;
  for (const message of messages) size += estimateMessageTokens(message, estimateTextTokens);
  return Math.max(1, Math.floor(Math.min(size, current ?? Infinity) / 2));
}
