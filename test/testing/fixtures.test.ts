import { expect } from 'chai';
import { createScriptedFetch, replyBody } from '../../src/testing/index.js';
import {
  fixtureAsReply,
  fixtureNames,
  loadFixture,
  loadJsonFixture,
  parseReplySSE,
  parseSSE,
  readBody,
} from '../helpers/index.js';

describe('SSE fixtures and fixtureAsReply', () => {
  it('loads every listed fixture as non-empty bytes', async () => {
    for (const name of fixtureNames) {
      const bytes = await loadFixture(name);
      expect(bytes.length, name).to.be.greaterThan(0);
    }
  });

  it('loads fixtures byte-exact, keeping a BOM and multi-byte characters', async () => {
    const bom = await loadFixture('derived-openai-tool-call-utf8-bom.sse');
    expect(Array.from(bom.subarray(0, 3))).to.deep.equal([0xef, 0xbb, 0xbf]);
    const emoji = new TextDecoder().decode(
      await loadFixture('azure-foundry-deepseek-v4-explicit-nulls.sse'),
    );
    expect(emoji).not.to.contain('\uFFFD');
  });

  it('loads JSON fixtures', async () => {
    const body = (await loadJsonFixture('openai-error-400-context-length-exceeded.json')) as {
      error: { code: string };
    };
    expect(body.error.code).to.equal('context_length_exceeded');
  });

  it('cuts the same seed the same way and another seed differently', async () => {
    const bytes = await loadFixture('openai-tool-call-include-usage.sse');
    const cuts = (seed: number): number[] =>
      (fixtureAsReply(bytes, 'random', seed).chunks ?? []).map(
        (chunk) => JSON.stringify(chunk).length,
      );
    expect(cuts(5)).to.deep.equal(cuts(5));
    expect(cuts(5)).not.to.deep.equal(cuts(6));
  });

  // Every fixture, cut three ways, must carry the same bytes and parse to the same events.
  for (const name of fixtureNames) {
    it(`keeps ${name} byte-exact and parses it the same whole, byte by byte and at random (seed 11)`, async () => {
      const bytes = await loadFixture(name);
      const whole = parseSSE([bytes]);
      for (const split of ['whole', 'bytes', 'random'] as const) {
        const reply = fixtureAsReply(bytes, split, 11);
        expect(replyBody(reply), `${name} ${split}`).to.deep.equal(bytes);
        expect(parseReplySSE(reply), `${name} ${split}`).to.deep.equal(whole);
      }
    });
  }

  it('serves a fixture cut byte by byte through createScriptedFetch as the same bytes', async () => {
    const bytes = await loadFixture('xai-grok3mini-tool-call-reasoning.sse');
    const { fetch } = createScriptedFetch([fixtureAsReply(bytes, 'bytes')]);
    const reads = await readBody(await fetch('https://api.example.test/v1/chat/completions'));
    expect(reads.length).to.equal(bytes.length);
    expect(parseSSE(reads.map((read) => read.bytes))).to.deep.equal(parseSSE([bytes]));
  });
});
