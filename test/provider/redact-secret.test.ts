import { expect } from 'chai';
import { SecretRedactor, noSecrets, redactedMark } from '../../src/provider/redact-secret.js';

const key = 'sk-Zq9/"Wx+\\SECRET~7f3K 0123456789abcdef';

/** `text` with every character written as a JSON \uXXXX escape, hex in the given case. */
function unicodeEscaped(text: string, upper: boolean): string {
  return [...text]
    .map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .map((escape) => (upper ? escape.toUpperCase().replace('\\U', '\\u') : escape))
    .join('');
}

describe('SecretRedactor', () => {
  const redactor = new SecretRedactor([key]);

  it('replaces the secret verbatim, every time it appears', () => {
    expect(redactor.redact(`key ${key} and again ${key}.`)).to.equal(
      `key ${redactedMark} and again ${redactedMark}.`,
    );
  });

  it('replaces the JSON-escaped form, with and without an escaped slash', () => {
    const escaped = JSON.stringify(key).slice(1, -1);
    expect(escaped).to.not.equal(key);
    expect(redactor.redact(`{"message":"${escaped}"}`)).to.equal(`{"message":"${redactedMark}"}`);
    expect(redactor.redact(escaped.replace('/', '\\/'))).to.equal(redactedMark);
  });

  it('replaces \\uXXXX escapes in either hex case, and a mix of escaped and plain characters', () => {
    expect(redactor.redact(unicodeEscaped(key, false))).to.equal(redactedMark);
    expect(redactor.redact(unicodeEscaped(key, true))).to.equal(redactedMark);
    const mixed = `${key.slice(0, 5)}${unicodeEscaped(key.slice(5, 9), false)}${key.slice(9)}`;
    expect(redactor.redact(`<${mixed}>`)).to.equal(`<${redactedMark}>`);
  });

  it('replaces the URL-encoded form, in either hex case and with + for a space', () => {
    const encoded = encodeURIComponent(key);
    expect(redactor.redact(`?key=${encoded}&x=1`)).to.equal(`?key=${redactedMark}&x=1`);
    expect(
      redactor.redact(encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())),
    ).to.equal(redactedMark);
    expect(redactor.redact(encoded.replace(/%20/g, '+'))).to.equal(redactedMark);
    const everyCharacterEncoded = [...new TextEncoder().encode(key)]
      .map((byte) => `%${byte.toString(16)}`)
      .join('');
    expect(redactor.redact(everyCharacterEncoded)).to.equal(redactedMark);
  });

  it('replaces the HTML-escaped form of an error page', () => {
    expect(redactor.redact(`<p>${key.replace('"', '&quot;')}</p>`)).to.equal(
      `<p>${redactedMark}</p>`,
    );
  });

  it('leaves text without the secret, and near misses, alone', () => {
    const nearMiss = key.slice(0, -1);
    expect(redactor.redact(`almost ${nearMiss}!`)).to.equal(`almost ${nearMiss}!`);
    expect(redactor.finds(nearMiss)).to.equal(false);
    expect(redactor.finds(`x${key}x`)).to.equal(true);
  });

  it('redacts several secrets, a longer one containing a shorter one whole', () => {
    const both = new SecretRedactor(['abcd1234', 'abcd1234-extended', undefined, '']);
    expect(both.redact('abcd1234-extended / abcd1234')).to.equal(
      `${redactedMark} / ${redactedMark}`,
    );
  });

  it('ignores secrets shorter than 4 characters, so ordinary words survive', () => {
    const short = new SecretRedactor(['ab']);
    expect(short.isEmpty).to.equal(true);
    expect(short.redact('abc ab')).to.equal('abc ab');
    expect(noSecrets.redact(key)).to.equal(key);
  });

  it('knows how long an echo can be, and cutting after redaction leaves no prefix at any cut point', () => {
    expect(redactor.longestEcho).to.be.at.least(unicodeEscaped(key, false).length);
    for (let start = 0; start <= 60; start++) {
      const text = `${'x'.repeat(start)}${key}${'y'.repeat(20)}`;
      const cut = redactor.redactThenCut(text, 50);
      expect(cut.length).to.be.at.most(50);
      expect(cut, `cut with the key at ${start}`).not.to.include(key.slice(0, 4));
    }
  });

  it('removes the start of a secret left at the end of a text someone else cut', () => {
    expect(redactor.redact(`echo ${key.slice(0, 12)}`)).to.equal(`echo ${redactedMark}`);
    expect(redactor.redact(`echo ${key.slice(0, 9)}…`)).to.equal(`echo ${redactedMark}…`);
    expect(
      redactor.redact(`ends with ${key.slice(0, 5)}`),
      'too short to tell from a word',
    ).to.equal(`ends with ${key.slice(0, 5)}`);
    expect(redactor.redact(`${key.slice(0, 12)} in the middle`)).to.equal(
      `${key.slice(0, 12)} in the middle`,
    );
  });

  it('redacts strings among values and leaves numbers alone', () => {
    expect(redactor.redactValue(`code-${key}`)).to.equal(`code-${redactedMark}`);
    expect(redactor.redactValue(401)).to.equal(401);
    expect(redactor.redactValue(undefined)).to.equal(undefined);
  });

  describe('causes', () => {
    it('keeps a cause without the secret as the very same object', () => {
      const cause = new TypeError('Failed to fetch');
      expect(redactor.redactCause(cause)).to.equal(cause);
    });

    it('replaces a cause that holds the secret with a copy of the same name and a clean message and stack', () => {
      const cause = new SyntaxError(`Unexpected token in "${key}"`);
      const clean = redactor.redactCause(cause) as Error;
      expect(clean).not.to.equal(cause);
      expect(clean.name).to.equal('SyntaxError');
      expect(clean.message).to.equal(`Unexpected token in "${redactedMark}"`);
      expect(String(clean.stack)).not.to.include(key);
    });

    it('cleans a secret deep in the cause chain, and string causes', () => {
      const inner = new Error(`inner ${key}`);
      const outer = new Error('outer', { cause: inner });
      const clean = redactor.redactCause(outer) as Error & { cause: Error };
      expect(clean.message).to.equal('outer');
      expect(clean.cause.message).to.equal(`inner ${redactedMark}`);
      expect(redactor.redactCause(`text ${key}`)).to.equal(`text ${redactedMark}`);
      expect(redactor.redactCause(42)).to.equal(42);
    });
  });
});
