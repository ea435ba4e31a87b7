import { expect } from 'chai';
import * as errors from '../src/errors.js';
import {
  isAPIKeyFormatError,
  isContextBudgetError,
  isEventTooLargeError,
  isImageError,
  isHTTPError,
  isIncompleteStreamError,
  isMalformedStreamError,
  isNetworkError,
  isStreamError,
  isTimeoutError,
  isToolAgentsError,
} from '../src/index.js';

type ErrorsModule = typeof errors;

/** One of each error, made by `module`. */
function oneOfEach(module: ErrorsModule) {
  return {
    http: new module.HTTPError({ status: 429, statusText: 'Too Many Requests', body: '' }),
    network: new module.NetworkError('down', 'check the network'),
    stream: new module.StreamError({ providerMessage: 'boom' }),
    incomplete: new module.IncompleteStreamError('cut'),
    malformed: new module.MalformedStreamError('bad', '{'),
    tooLarge: new module.EventTooLargeError(16, 'x'.repeat(20)),
    timeout: new module.TimeoutError('idle', 50),
    keyFormat: new module.APIKeyFormatError({
      header: 'Authorization',
      character: 'zero-width space (U+200B)',
      position: 3,
    }),
    imageSize: new module.ImageTooLargeError({
      messageIndex: 1,
      messageId: 'm',
      partIndex: 0,
      bytes: 9,
      limit: 8,
    }),
    imageURL: new module.ImageURLError({
      messageIndex: 1,
      messageId: 'm',
      partIndex: 2,
      reason: 'its URL is not absolute.',
    }),
    budget: new module.ContextBudgetError({ budget: 10, requiredTokens: 20 }),
  };
}

describe('error type guards', () => {
  let other: ErrorsModule;
  before(async () => {
    // The same file under another URL is a second copy of the module, as two bundles on one page are.
    other = (await import(
      /* @vite-ignore */ `../src/errors.ts?second-copy=${Date.now()}`
    )) as ErrorsModule;
  });

  it('a second copy really has other classes, so instanceof alone fails across copies', () => {
    expect(other.HTTPError).to.not.equal(errors.HTTPError);
    expect(oneOfEach(other).http instanceof errors.HTTPError).to.equal(false);
  });

  for (const copy of ['this copy', 'another copy'] as const) {
    it(`recognise each error from ${copy}, and only its own kind`, () => {
      const made = oneOfEach(copy === 'this copy' ? errors : other);
      const guards = {
        http: isHTTPError,
        network: isNetworkError,
        stream: isStreamError,
        incomplete: isIncompleteStreamError,
        malformed: isMalformedStreamError,
        tooLarge: isEventTooLargeError,
        timeout: isTimeoutError,
        keyFormat: isAPIKeyFormatError,
        image: isImageError,
        budget: isContextBudgetError,
      };
      for (const [kind, error] of Object.entries(made)) {
        expect(isToolAgentsError(error), kind).to.equal(true);
        for (const [guardKind, guard] of Object.entries(guards)) {
          // An EventTooLargeError is also a MalformedStreamError.
          // Both image errors are ImageErrors.
          const expected =
            guardKind === kind ||
            (kind === 'tooLarge' && guardKind === 'malformed') ||
            (kind.startsWith('image') && guardKind === 'image');
          expect(guard(error), `${guardKind}(${kind})`).to.equal(expected);
        }
      }
    });
  }

  it('do not take look-alikes: a DOMException named TimeoutError, a plain Error, an object with a name', () => {
    const domTimeout = new DOMException('The operation timed out.', 'TimeoutError');
    expect(isTimeoutError(domTimeout)).to.equal(false);
    expect(isToolAgentsError(domTimeout)).to.equal(false);
    const plain = new Error('x');
    plain.name = 'HTTPError';
    expect(isHTTPError(plain)).to.equal(false);
    expect(isHTTPError({ name: 'HTTPError', status: 500 })).to.equal(false);
    for (const value of [undefined, null, 'HTTPError', 42])
      expect(isToolAgentsError(value)).to.equal(false);
  });
});
