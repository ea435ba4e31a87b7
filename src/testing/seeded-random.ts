/**
 * A small deterministic PRNG (xorshift32) returning numbers in [0, 1).
 * Seeded, so a failing random split reproduces from the seed in the test name.
 */
export function seededRandom(seed: number): () => number {
  // xorshift32 has a fixed point at 0, so map seed 0 to a non-zero state.
  let state = Math.trunc(seed) >>> 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}
