import { expect } from 'chai';
import {
  findUnsendableHeaderCharacter,
  findUnsendableKeyCharacter,
  trimHeaderValue,
} from '../../src/provider/header-value-check.js';

describe('header value checks', () => {
  describe('findUnsendableKeyCharacter', () => {
    it('accepts visible ASCII keys, with whitespace around them', () => {
      expect(findUnsendableKeyCharacter('sk-proj-AbC_123.xyz~')).to.equal(undefined);
      expect(findUnsendableKeyCharacter('  sk-abc\r\n')).to.equal(undefined);
    });

    it('names the kind of character and its position, counting from 1', () => {
      expect(findUnsendableKeyCharacter('sk-ab\u200Bcd')).to.deep.equal({
        character: 'zero-width space (U+200B)',
        position: 6,
      });
      expect(findUnsendableKeyCharacter('\u201Csk-abc\u201D')).to.deep.equal({
        character: 'smart quote (U+201C)',
        position: 1,
      });
      expect(findUnsendableKeyCharacter('sk-a\nbc')).to.deep.equal({
        character: 'line break (U+000A)',
        position: 5,
      });
      expect(findUnsendableKeyCharacter('sk a')).to.deep.equal({
        character: 'space (U+0020)',
        position: 3,
      });
      expect(findUnsendableKeyCharacter('sk-\u00A0a')).to.deep.equal({
        character: 'non-breaking space (U+00A0)',
        position: 4,
      });
      expect(findUnsendableKeyCharacter('sk-\u2014a')).to.deep.equal({
        character: 'em dash (U+2014)',
        position: 4,
      });
      expect(findUnsendableKeyCharacter('sk-\u0007')).to.deep.equal({
        character: 'control character (U+0007)',
        position: 4,
      });
      expect(findUnsendableKeyCharacter('sk-é')).to.deep.equal({
        character: 'non-ASCII character (U+00E9)',
        position: 4,
      });
      expect(findUnsendableKeyCharacter('sk-😀')).to.deep.equal({
        character: 'non-ASCII character (U+1F600)',
        position: 4,
      });
    });

    it('never repeats the key in what it reports', () => {
      const found = findUnsendableKeyCharacter('sk-secretvalue\u200B');
      expect(JSON.stringify(found)).not.to.include('secretvalue');
    });
  });

  describe('findUnsendableHeaderCharacter', () => {
    it('accepts what fetch accepts: Latin-1, spaces and tabs inside', () => {
      expect(findUnsendableHeaderCharacter('https://example.test/app café\tx')).to.equal(undefined);
    });

    it('reports what fetch would refuse: beyond Latin-1, or a line break inside', () => {
      expect(findUnsendableHeaderCharacter('abc\u200B')).to.deep.equal({
        character: 'zero-width space (U+200B)',
        position: 4,
      });
      expect(findUnsendableHeaderCharacter('a\r\nb')).to.deep.equal({
        character: 'line break (carriage return) (U+000D)',
        position: 2,
      });
      expect(findUnsendableHeaderCharacter('a\u0000b')).to.deep.equal({
        character: 'control character (U+0000)',
        position: 2,
      });
    });
  });

  it('trims what fetch strips from both ends, nothing else', () => {
    expect(trimHeaderValue(' \t\nsk-a b\r\n ')).to.equal('sk-a b');
    expect(trimHeaderValue('\u200Bsk')).to.equal('\u200Bsk');
  });
});
