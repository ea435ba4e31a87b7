import type { ChatUsage } from '../messages/chat-message.js';

type Json = Record<string, unknown>;

// A count that is negative, infinite or not a number is dropped here, so a saved usage always loads again.
function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function obj(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' ? (value as Json) : undefined;
}

/** Reads an OpenAI-style `usage` object, tolerating missing fields and provider extras; unusable counts are dropped. */
export function parseWireUsage(value: unknown): ChatUsage | undefined {
  const usage = obj(value);
  if (!usage) return undefined;
  const inputTokens = num(usage['prompt_tokens']) ?? num(usage['input_tokens']) ?? 0;
  const outputTokens = num(usage['completion_tokens']) ?? num(usage['output_tokens']) ?? 0;
  const totalTokens = num(usage['total_tokens']) ?? inputTokens + outputTokens;
  const reasoningTokens =
    num(obj(usage['completion_tokens_details'])?.['reasoning_tokens']) ??
    num(usage['reasoning_tokens']);
  const cachedInputTokens =
    num(obj(usage['prompt_tokens_details'])?.['cached_tokens']) ??
    num(usage['prompt_cache_hit_tokens']);
  return {
    inputTokens,
    outputTokens,
    totalTokens,
    ...(reasoningTokens === undefined ? {} : { reasoningTokens }),
    ...(cachedInputTokens === undefined ? {} : { cachedInputTokens }),
  };
}
