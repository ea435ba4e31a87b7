import { ContextBudgetError } from '../errors.js';
import type { ChatMessage } from '../messages/chat-message.js';
import type { OpenAIToolDefinition } from '../tools/function-tool.js';
import {
  estimateMessageTokens,
  estimateToolTokens,
  type TokenEstimator,
} from './token-estimate.js';

/** A request's messages after trimming. */
export interface TrimmedMessages {
  /** What to send: a new array; the messages themselves are the caller's, unchanged. */
  readonly messages: readonly ChatMessage[];
  /** What was left out, oldest first. */
  readonly dropped: readonly ChatMessage[];
  /** The estimated tokens of what is sent, tool definitions included. */
  readonly estimatedTokens: number;
}

/** Runs of message positions that are kept or dropped together: an assistant's tool calls with the tool messages after it. */
function units(messages: readonly ChatMessage[]): number[][] {
  const result: number[][] = [];
  messages.forEach((message, index) => {
    const last = result.at(-1);
    const head = last && messages[last[0]!];
    const extendsCall =
      message.role === 'tool' &&
      head?.role === 'assistant' &&
      head.content.some((part) => part.type === 'tool_call');
    if (last && extendsCall) last.push(index);
    else result.push([index]);
  });
  return result;
}

/**
 * Leaves the oldest messages out until the estimate fits `budget`: an assistant message with tool
 * calls goes with the tool messages that answer it, and the system messages and the latest user
 * message always stay. Never changes `messages`.
 * @throws ContextBudgetError when what always stays (and the tool definitions) does not fit.
 */
export function trimToBudget(
  messages: readonly ChatMessage[],
  tools: readonly OpenAIToolDefinition[],
  budget: number,
  estimate: TokenEstimator,
): TrimmedMessages {
  const costs = messages.map((message) => estimateMessageTokens(message, estimate));
  let total = estimateToolTokens(tools, estimate);
  for (const cost of costs) total += cost;
  if (total <= budget) return { messages: messages.slice(), dropped: [], estimatedTokens: total };

  let latestUser = -1;
  messages.forEach((message, index) => {
    if (message.role === 'user') latestUser = index;
  });
  const kept = messages.map(() => true);
  for (const unit of units(messages)) {
    if (total <= budget) break;
    const first = messages[unit[0]!]!;
    if (first.role === 'system' || unit[0] === latestUser) continue;
    for (const index of unit) {
      kept[index] = false;
      total -= costs[index]!;
    }
  }
  if (total > budget) throw new ContextBudgetError({ budget, requiredTokens: total });
  return {
    messages: messages.filter((_, index) => kept[index]),
    dropped: messages.filter((_, index) => !kept[index]),
    estimatedTokens: total,
  };
}
