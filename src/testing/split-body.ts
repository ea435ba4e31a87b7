import type { ScriptedChunk } from './scripted-reply.js';
import { seededRandom } from './seeded-random.js';
import { bytesToChunk, utf8 } from './utf8-bytes.js';

/** Random chunk sizes from a seeded generator, between 1 and `maxSize` bytes. */
export interface RandomSplit {
  /** Seed of the generator: the same seed gives the same cuts. */
  readonly seed: number;
  /** Largest chunk in bytes. Default `64`. */
  readonly maxSize?: number;
}

/**
 * Where to cut a body into network reads:
 * - `'whole'`: one chunk;
 * - `'bytes'`: one byte per chunk;
 * - a number: chunks of that many bytes (the last may be shorter);
 * - an array of numbers: chunk sizes in order, repeated until the body is used up;
 * - {@link RandomSplit}: seeded random sizes.
 *
 * Sizes count bytes, not characters, so cuts may fall inside a multi-byte character.
 */
export type SplitMode = 'whole' | 'bytes' | number | readonly number[] | RandomSplit;

/** Options of {@link splitBody}. */
export interface SplitBodyOptions {
  /** Milliseconds to wait before each chunk. Default `0`. */
  readonly delayMs?: number;
}

function checkSize(size: number): number {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`Chunk sizes must be positive integers, got ${size}.`);
  return size;
}

function sizeSource(split: Exclude<SplitMode, 'whole'>): () => number {
  if (split === 'bytes') return () => 1;
  if (typeof split === 'number') {
    const size = checkSize(split);
    return () => size;
  }
  if ('seed' in split) {
    const maxSize = checkSize(split.maxSize ?? 64);
    const random = seededRandom(split.seed);
    return () => 1 + Math.floor(random() * maxSize);
  }
  const sizes = split.map(checkSize);
  if (sizes.length === 0) throw new RangeError('A list of chunk sizes must not be empty.');
  let next = 0;
  return () => sizes[next++ % sizes.length]!;
}

/**
 * Cuts a body into {@link ScriptedChunk}s. Chunks that are whole UTF-8 carry `text`; a chunk
 * cut inside a multi-byte character carries `base64`, so the bytes stay exact.
 *
 * @example splitBody(textReplyBody, 'bytes') // one network read per byte
 */
export function splitBody(
  body: string | Uint8Array,
  split: SplitMode,
  options: SplitBodyOptions = {},
): ScriptedChunk[] {
  const bytes = typeof body === 'string' ? utf8(body) : body;
  if (split === 'whole') return [bytesToChunk(bytes, options.delayMs)];
  const nextSize = sizeSource(split);
  const chunks: ScriptedChunk[] = [];
  for (let offset = 0; offset < bytes.length;) {
    const end = Math.min(bytes.length, offset + nextSize());
    chunks.push(bytesToChunk(bytes.subarray(offset, end), options.delayMs));
    offset = end;
  }
  return chunks;
}
