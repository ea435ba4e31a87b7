import type { ChatMessage } from '../messages/chat-message.js';
import type { OpenAIToolDefinition } from '../tools/function-tool.js';

/**
 * Counts the tokens of a text: the default is {@link estimateTextTokens}; a page may pass a real
 * tokenizer's count (e.g. `(text) => encode(text).length`) for its model.
 */
export type TokenEstimator = (text: string) => number;

/** The default estimate: one token per four characters, rounded up (English prose with GPT-style tokenizers). */
export function estimateTextTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Tokens each wire message costs beyond its content (role and separators; OpenAI counts 3 to 4). */
export const messageOverheadTokens = 4;
/** An image's tokens: OpenAI's 85 at `detail: 'low'`, else its figure for a 1024×1024 image. */
export const imageTokens = { low: 85, other: 765 } as const;

function counted(estimate: TokenEstimator, text: string): number {
  if (text === '') return 0;
  const tokens = estimate(text);
  // A page's estimator that returns NaN or a negative number would silently disable the budget.
  if (typeof tokens !== 'number' || !(tokens >= 0))
    throw new TypeError(`The token estimator returned ${String(tokens)}; expected a number >= 0.`);
  return Math.ceil(tokens);
}

/** The estimated tokens of one message as it is sent (reasoning is not sent; images have a fixed cost). */
export function estimateMessageTokens(message: ChatMessage, estimate: TokenEstimator): number {
  let tokens = messageOverheadTokens;
  let results = 0;
  for (const part of message.content) {
    switch (part.type) {
      case 'text':
        tokens += counted(estimate, part.text);
        break;
      case 'image':
        tokens += part.detail === 'low' ? imageTokens.low : imageTokens.other;
        break;
      case 'tool_call':
        tokens += counted(estimate, part.name) + counted(estimate, part.arguments);
        break;
      case 'tool_result':
        tokens += counted(estimate, part.result);
        results++;
        break;
      case 'reasoning':
        break;
    }
  }
  // Each tool result goes out as a wire message of its own.
  return tokens + Math.max(0, results - 1) * messageOverheadTokens;
}

/** The estimated tokens of the tool definitions, sent with every request. */
export function estimateToolTokens(
  tools: readonly OpenAIToolDefinition[],
  estimate: TokenEstimator,
): number {
  return tools.length === 0 ? 0 : counted(estimate, JSON.stringify(tools));
}
