import { expect } from 'chai';
import { chatMessageSchemas } from '../../src/messages/chat-message-schema.js';
import { addUsage, zeroUsage } from '../../src/messages/usage.js';
import { parseWireUsage } from '../../src/provider/wire-usage.js';

describe('parseWireUsage', () => {
  it('reads OpenAI usage with reasoning and cached tokens', () => {
    const usage = parseWireUsage({
      prompt_tokens: 10,
      completion_tokens: 5,
      total_tokens: 15,
      completion_tokens_details: { reasoning_tokens: 2 },
      prompt_tokens_details: { cached_tokens: 4 },
    });
    expect(usage).to.deep.equal({
      inputTokens: 10,
      outputTokens: 5,
      totalTokens: 15,
      reasoningTokens: 2,
      cachedInputTokens: 4,
    });
  });

  it('drops negative, non-finite and non-numeric counts, so the usage always validates', () => {
    const cases: unknown[] = [
      { prompt_tokens: -3, completion_tokens: 5, total_tokens: -1 },
      { prompt_tokens: Number.POSITIVE_INFINITY, completion_tokens: Number.NaN, total_tokens: '7' },
      {
        prompt_tokens: '10',
        completion_tokens: null,
        completion_tokens_details: { reasoning_tokens: -2 },
        prompt_tokens_details: { cached_tokens: Number.NaN },
      },
      {
        prompt_tokens: 1,
        completion_tokens: 1,
        reasoning_tokens: 'many',
        prompt_cache_hit_tokens: -9,
      },
    ];
    for (const wire of cases) {
      const usage = parseWireUsage(wire);
      expect(
        chatMessageSchemas().chatUsageSchema.safeParse(usage).success,
        JSON.stringify(usage),
      ).to.equal(true);
    }
    expect(parseWireUsage(cases[0])).to.deep.equal({
      inputTokens: 0,
      outputTokens: 5,
      totalTokens: 5,
    });
    expect(parseWireUsage(cases[2])).to.deep.equal({
      inputTokens: 0,
      outputTokens: 0,
      totalTokens: 0,
    });
  });

  it('keeps zero and fractional counts', () => {
    expect(parseWireUsage({ prompt_tokens: 0, completion_tokens: 2.5 })).to.deep.equal({
      inputTokens: 0,
      outputTokens: 2.5,
      totalTokens: 2.5,
    });
  });

  it('ignores a usage that is not an object', () => {
    expect(parseWireUsage(null)).to.equal(undefined);
    expect(parseWireUsage(12)).to.equal(undefined);
  });

  it('sums usages, keeping optional counts absent unless either side has them', () => {
    expect(addUsage(zeroUsage, { inputTokens: 1, outputTokens: 2, totalTokens: 3 })).to.deep.equal({
      inputTokens: 1,
      outputTokens: 2,
      totalTokens: 3,
    });
    expect(
      addUsage({ inputTokens: 1, outputTokens: 1, totalTokens: 2, reasoningTokens: 1 }, undefined),
    ).to.deep.equal({ inputTokens: 1, outputTokens: 1, totalTokens: 2, reasoningTokens: 1 });
  });
});
