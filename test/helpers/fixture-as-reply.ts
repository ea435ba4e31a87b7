import type { ScriptedReply } from '../../src/testing/index.js';
import { splitBody } from '../../src/testing/index.js';

/** How {@link fixtureAsReply} cuts a fixture into network reads. */
export type FixtureSplit = 'whole' | 'bytes' | 'random';

/**
 * A 200 `text/event-stream` reply that delivers the fixture's bytes: in one read, one byte per
 * read, or in seeded random pieces of 1 to 64 bytes. Put the seed in the test name so a
 * failure reproduces.
 */
export function fixtureAsReply(bytes: Uint8Array, split: FixtureSplit, seed = 1): ScriptedReply {
  const mode = split === 'random' ? { seed } : split;
  return {
    status: 200,
    headers: { 'content-type': 'text/event-stream' },
    chunks: splitBody(bytes, mode),
  };
}
