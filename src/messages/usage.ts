import type { ChatUsage } from './chat-message.js';

/** Zero usage. */
export const zeroUsage: ChatUsage = Object.freeze({
  inputTokens: 0,
  outputTokens: 0,
  totalTokens: 0,
});

/** Sums two usages; optional counts stay absent unless either side has them. */
export function addUsage(a: ChatUsage, b: ChatUsage | undefined): ChatUsage {
  if (!b) return a;
  const reasoningTokens =
    a.reasoningTokens === undefined && b.reasoningTokens === undefined
      ? undefined
      : (a.reasoningTokens ?? 0) + (b.reasoningTokens ?? 0);
  const cachedInputTokens =
    a.cachedInputTokens === undefined && b.cachedInputTokens === undefined
      ? undefined
      : (a.cachedInputTokens ?? 0) + (b.cachedInputTokens ?? 0);
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    totalTokens: a.totalTokens + b.totalTokens,
    ...(reasoningTokens === undefined ? {} : { reasoningTokens }),
    ...(cachedInputTokens === undefined ? {} : { cachedInputTokens }),
  };
}
