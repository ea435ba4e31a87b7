import { expect } from 'chai';
import {
  HTTPError,
  IncompleteStreamError,
  NetworkError,
  StreamError,
  isKeyRejection,
} from '../../src/index.js';

const http = (status: number, providerMessage?: string, body = '', code?: string): HTTPError =>
  new HTTPError({
    status,
    statusText: '',
    body,
    ...(providerMessage === undefined ? {} : { providerMessage }),
    ...(code === undefined ? {} : { code }),
  });

describe('isKeyRejection', () => {
  it('is true for HTTP 401 whatever the message', () => {
    expect(isKeyRejection(http(401))).to.equal(true);
    expect(isKeyRejection(http(401, 'Unauthorized'))).to.equal(true);
  });

  it('is true when the provider says the key is invalid with another 4xx status (Gemini answers 400)', () => {
    expect(isKeyRejection(http(400, 'API key not valid. Please pass a valid API key.'))).to.equal(
      true,
    );
    expect(
      isKeyRejection(
        http(
          400,
          undefined,
          '[{"error":{"code":400,"status":"INVALID_ARGUMENT","details":[{"reason":"API_KEY_INVALID"}]}}]',
        ),
      ),
    ).to.equal(true);
    expect(isKeyRejection(http(403, 'Invalid API Key'))).to.equal(true);
    expect(isKeyRejection(http(400, 'Incorrect API key provided: sk-...'))).to.equal(true);
  });

  it('is false for other refusals, server failures and failures without an HTTP answer', () => {
    expect(isKeyRejection(http(400, 'model "gpt-9" does not exist'))).to.equal(false);
    expect(isKeyRejection(http(403, 'This model is not available in your region'))).to.equal(false);
    expect(isKeyRejection(http(429, 'Rate limit reached'))).to.equal(false);
    expect(isKeyRejection(http(500, 'invalid api key handling crashed'))).to.equal(
      false,
      'a 5xx is the server failing',
    );
    expect(isKeyRejection(new NetworkError('down', 'check'))).to.equal(false);
    expect(isKeyRejection(new IncompleteStreamError('cut'))).to.equal(false);
    expect(isKeyRejection(new Error('Invalid API key'))).to.equal(false);
    expect(isKeyRejection(undefined)).to.equal(false);
  });

  it('reads a key rejection reported inside a stream', () => {
    expect(isKeyRejection(new StreamError({ providerMessage: 'Invalid API key' }))).to.equal(true);
    expect(isKeyRejection(new StreamError({ providerMessage: 'overloaded' }))).to.equal(false);
  });
});
