import { expect } from 'chai';
import { splitBody } from '../../src/testing/index.js';
import type { ScriptedChunk, SplitMode } from '../../src/testing/index.js';
import { chunkToBytes, concatBytes } from '../../src/testing/utf8-bytes.js';
import { parseSSE } from '../helpers/index.js';

const sizes = (chunks: readonly ScriptedChunk[]): number[] =>
  chunks.map((chunk) => chunkToBytes(chunk).length);
const joined = (chunks: readonly ScriptedChunk[]): Uint8Array =>
  concatBytes(chunks.map(chunkToBytes));

describe('splitBody', () => {
  const body = 'data: {"content":"héllo €uro 😀"}\n\ndata: [DONE]\n\n';
  const bytes = new TextEncoder().encode(body);

  it('keeps a body whole in one text chunk', () => {
    expect(splitBody(body, 'whole')).to.deep.equal([{ text: body }]);
  });

  it('cuts one byte per chunk', () => {
    const chunks = splitBody(body, 'bytes');
    expect(chunks).to.have.length(bytes.length);
    expect(sizes(chunks).every((size) => size === 1)).to.equal(true);
  });

  it('cuts fixed-size chunks with a shorter last one', () => {
    expect(sizes(splitBody('abcdefg', 3))).to.deep.equal([3, 3, 1]);
  });

  it('cycles through a list of sizes until the body is used up', () => {
    expect(sizes(splitBody('abcdefghij', [1, 3]))).to.deep.equal([1, 3, 1, 3, 1, 1]);
  });

  it('cuts reproducible random sizes within 1..maxSize from a seed', () => {
    const first = sizes(splitBody(bytes, { seed: 42, maxSize: 5 }));
    expect(sizes(splitBody(bytes, { seed: 42, maxSize: 5 }))).to.deep.equal(first);
    expect(sizes(splitBody(bytes, { seed: 43, maxSize: 5 }))).not.to.deep.equal(first);
    expect(first.every((size) => size >= 1 && size <= 5)).to.equal(true);
  });

  const modes: [string, SplitMode][] = [
    ['whole', 'whole'],
    ['bytes', 'bytes'],
    ['size 2', 2],
    ['sizes [1, 4]', [1, 4]],
    ['random seed 7', { seed: 7, maxSize: 6 }],
  ];
  for (const [name, mode] of modes) {
    it(`keeps the exact bytes and parses to the same events when cut as ${name}`, () => {
      const chunks = splitBody(bytes, mode);
      expect(Array.from(joined(chunks))).to.deep.equal(Array.from(bytes));
      expect(parseSSE(chunks.map(chunkToBytes))).to.deep.equal([
        '{"content":"héllo €uro 😀"}',
        '[DONE]',
      ]);
    });
  }

  it('uses base64 only for chunks that cut a multi-byte character, text otherwise', () => {
    const chunks = splitBody('a€b', [2, 1, 2]); // 61 e2 | 82 | ac 62
    expect(chunks).to.deep.equal([
      { base64: btoa('a\xe2') },
      { base64: btoa('\x82') },
      { base64: btoa('\xac' + 'b') },
    ]);
    expect(splitBody('a€b', [1, 3, 1])).to.deep.equal([
      { text: 'a' },
      { text: '€' },
      { text: 'b' },
    ]);
  });

  it('keeps a leading byte-order mark', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, 0x61]);
    expect(Array.from(joined(splitBody(withBom, 'whole')))).to.deep.equal([0xef, 0xbb, 0xbf, 0x61]);
  });

  it('sends invalid UTF-8 as base64 without changing it', () => {
    const invalid = new Uint8Array([0xff, 0xfe, 0x61]);
    expect(Array.from(joined(splitBody(invalid, 'whole')))).to.deep.equal([0xff, 0xfe, 0x61]);
  });

  it('puts the requested delay on every chunk', () => {
    expect(splitBody('abcd', 2, { delayMs: 30 })).to.deep.equal([
      { text: 'ab', delayMs: 30 },
      { text: 'cd', delayMs: 30 },
    ]);
  });

  it('gives no chunks for an empty body unless asked to keep it whole', () => {
    expect(splitBody('', 'bytes')).to.deep.equal([]);
    expect(splitBody('', 'whole')).to.deep.equal([{ text: '' }]);
  });

  it('rejects sizes that are not positive integers', () => {
    expect(() => splitBody('abc', 0)).to.throw(RangeError);
    expect(() => splitBody('abc', [2, -1])).to.throw(RangeError);
    expect(() => splitBody('abc', [])).to.throw(RangeError);
    expect(() => splitBody('abc', { seed: 1, maxSize: 1.5 })).to.throw(RangeError);
  });
});
