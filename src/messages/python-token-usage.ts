import type { ChatUsage } from './chat-message.js';
import type { JsonObject } from './json-value.js';
import type { PythonTokenUsageJSON } from './python-chat-history-schema.js';

/** Python `TokenUsage` as our usage; `details.reasoning_tokens` and `details.cache_read_input_tokens` are read too. */
export function readTokenUsage(raw: PythonTokenUsageJSON): ChatUsage {
  const reasoning = raw.details?.['reasoning_tokens'];
  const cached = raw.details?.['cache_read_input_tokens'];
  return {
    inputTokens: raw.input_tokens ?? 0,
    outputTokens: raw.output_tokens ?? 0,
    totalTokens: raw.total_tokens ?? 0,
    ...(typeof reasoning === 'number' ? { reasoningTokens: reasoning } : {}),
    ...(typeof cached === 'number' ? { cachedInputTokens: cached } : {}),
  };
}

/** Our usage as Python `TokenUsage`. */
export function writeTokenUsage(usage: ChatUsage): PythonTokenUsageJSON {
  const details: JsonObject = {};
  if (usage.reasoningTokens !== undefined) details['reasoning_tokens'] = usage.reasoningTokens;
  if (usage.cachedInputTokens !== undefined)
    details['cache_read_input_tokens'] = usage.cachedInputTokens;
  return {
    input_tokens: usage.inputTokens,
    output_tokens: usage.outputTokens,
    total_tokens: usage.totalTokens,
    details,
  };
}

/** True when both describe the same counts (both absent counts as equal). */
export function usageEqual(a: ChatUsage | undefined, b: ChatUsage | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.inputTokens === b.inputTokens &&
    a.outputTokens === b.outputTokens &&
    a.totalTokens === b.totalTokens &&
    a.reasoningTokens === b.reasoningTokens &&
    a.cachedInputTokens === b.cachedInputTokens
  );
}
