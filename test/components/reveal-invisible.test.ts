import { expect } from 'chai';
import {
  hasHiddenCharacters,
  hiddenRunLabel,
  hiddenRunName,
  revealAsText,
  revealInvisible,
  valueHasHiddenCharacters,
  type RevealedPiece,
} from '../../components/reveal-invisible.js';

/** Joins pieces back into the text they came from. */
function rejoin(pieces: readonly RevealedPiece[]): string {
  return pieces
    .map((piece) =>
      typeof piece === 'string' ? piece : String.fromCodePoint(piece.codePoint).repeat(piece.count),
    )
    .join('');
}

describe('revealInvisible', () => {
  it('splits text into plain runs and runs of hidden characters, losing nothing', () => {
    const text = 'invoice\u202Egpj.exe';
    expect(revealInvisible(text)).to.deep.equal([
      'invoice',
      { codePoint: 0x202e, count: 1 },
      'gpj.exe',
    ]);
    expect(rejoin(revealInvisible(text))).to.equal(text);
    expect(revealInvisible('plain text')).to.deep.equal(['plain text']);
    expect(revealInvisible('')).to.deep.equal([]);
  });

  it('finds every kind the card must show: bidi controls, zero-width, format, control and filler characters', () => {
    const hidden = [
      ...[
        0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f,
        0x061c,
      ],
      ...[
        0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff, 0x180e, 0x00ad,
        0x034f,
      ],
      ...[0x0000, 0x0007, 0x000b, 0x000c, 0x000d, 0x001b, 0x007f, 0x0085, 0x009f, 0x2028, 0x2029],
      ...[0x3164, 0xffa0, 0x115f, 0x1160, 0xe0041, 0xfe00, 0xe0100],
    ];
    for (const codePoint of hidden) {
      const character = String.fromCodePoint(codePoint);
      expect(revealInvisible(`a${character}b`), `U+${codePoint.toString(16)}`).to.deep.equal([
        'a',
        { codePoint, count: 1 },
        'b',
      ]);
    }
  });

  it('leaves line breaks, tabs, ordinary letters in any script and a lone emoji presentation selector alone', () => {
    for (const text of [
      'line 1\nline 2\tcolumn',
      'שלום עולם',
      'مرحبا',
      'naïve café',
      '❤\uFE0F',
      '✂\uFE0E',
      '漢字',
      'a b',
    ]) {
      expect(revealInvisible(text), text).to.deep.equal([text]);
    }
    // Several selectors in a row carry data, not style: shown.
    expect(revealInvisible('❤\uFE0F\uFE0F')).to.deep.equal(['❤', { codePoint: 0xfe0f, count: 2 }]);
  });

  it('groups a run of the same character and keeps different ones apart', () => {
    expect(revealInvisible('a\u200B\u200B\u200Bb\u200B\u200Cc')).to.deep.equal([
      'a',
      { codePoint: 0x200b, count: 3 },
      'b',
      { codePoint: 0x200b, count: 1 },
      { codePoint: 0x200c, count: 1 },
      'c',
    ]);
  });

  it('handles characters outside the BMP (tag characters) as one code point', () => {
    const smuggled = 'hi\u{E0068}\u{E0069}';
    expect(revealInvisible(smuggled)).to.deep.equal([
      'hi',
      { codePoint: 0xe0068, count: 1 },
      { codePoint: 0xe0069, count: 1 },
    ]);
    expect(rejoin(revealInvisible(smuggled))).to.equal(smuggled);
  });

  it('labels and names runs, and writes them out for plain-string places such as aria-label', () => {
    expect(hiddenRunLabel({ codePoint: 0x202e, count: 1 })).to.equal('U+202E');
    expect(hiddenRunLabel({ codePoint: 0x7, count: 1 })).to.equal('U+0007');
    expect(hiddenRunLabel({ codePoint: 0x200b, count: 3 })).to.equal('U+200B ×3');
    expect(hiddenRunLabel({ codePoint: 0xe0041, count: 1 })).to.equal('U+E0041');
    expect(hiddenRunName({ codePoint: 0x202e, count: 1 })).to.equal('RIGHT-TO-LEFT OVERRIDE');
    expect(hiddenRunName({ codePoint: 0x200b, count: 2 })).to.equal('ZERO WIDTH SPACE, 2 times');
    expect(hiddenRunName({ codePoint: 0xe0041, count: 1 })).to.equal(
      'INVISIBLE OR CONTROL CHARACTER',
    );
    expect(revealAsText('gpj\u202E.exe')).to.equal('gpj[U+202E].exe');
    expect(revealAsText('plain')).to.equal('plain');
  });

  it('tells whether a text or any key or string in a value hides characters', () => {
    expect(hasHiddenCharacters('a\u200Bb')).to.equal(true);
    expect(hasHiddenCharacters('a\nb')).to.equal(false);
    expect(valueHasHiddenCharacters({ a: [1, { b: 'x\u202Ey' }] })).to.equal(true);
    expect(valueHasHiddenCharacters({ ['k\u200D']: 1 })).to.equal(true);
    expect(valueHasHiddenCharacters({ a: ['x', 2, null, true], b: { c: 'y' } })).to.equal(false);
    const cyclic: Record<string, unknown> = { a: 'x' };
    cyclic['self'] = cyclic;
    expect(valueHasHiddenCharacters(cyclic)).to.equal(false);
  });

  it('scans in linear time', () => {
    const text = 'x\u200B'.repeat(200_000);
    const started = performance.now();
    const pieces = revealInvisible(text);
    const elapsed = performance.now() - started;
    expect(pieces).to.have.length(400_000);
    expect(elapsed, `${elapsed.toFixed(0)} ms for 400,000 characters`).to.be.below(2000);
  });
});
