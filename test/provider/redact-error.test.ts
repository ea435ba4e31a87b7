import { expect } from 'chai';
import { HTTPError, MalformedStreamError, NetworkError, StreamError } from '../../src/index.js';
import { redactError } from '../../src/provider/redact-error.js';
import { SecretRedactor, noSecrets } from '../../src/provider/redact-secret.js';
import { everythingIn } from '../helpers/index.js';

const key = 'sk-redact-error-0123456789';
const redactor = new SecretRedactor([key]);

describe('redactError', () => {
  it('cleans every text field of an HTTP error in place', () => {
    const error = new HTTPError(
      {
        status: 401,
        statusText: `Bad ${key}`,
        body: `{"k":"${key}"}`,
        providerMessage: `msg ${key}`,
        code: `code-${key}`,
        type: `type-${key}`,
        param: `param-${key}`,
      },
      { url: `https://host/${key}`, cause: new Error(`cause ${key}`) },
    );
    expect(redactError(error, redactor)).to.equal(error);
    expect(everythingIn(error)).not.to.include(key);
    expect(error.statusText).to.equal('Bad [redacted]');
    expect(error.param).to.equal('param-[redacted]');
    expect((error.cause as Error).message).to.equal('cause [redacted]');
  });

  it('cleans stream, network and malformed-stream errors', () => {
    for (const error of [
      new StreamError({ providerMessage: key, code: key, type: key, param: key }),
      new NetworkError(`reach ${key}`, `hint ${key}`),
      new MalformedStreamError(`bad ${key}`, `data ${key}`),
    ]) {
      redactError(error, redactor);
      expect(everythingIn(error), error.name).not.to.include(key);
    }
  });

  it('returns anything else thrown as a clean copy only when it holds the secret', () => {
    const clean = new TypeError('boom');
    expect(redactError(clean, redactor)).to.equal(clean);
    const dirty = redactError(new TypeError(`boom ${key}`), redactor) as Error;
    expect(dirty.name).to.equal('TypeError');
    expect(dirty.message).to.equal('boom [redacted]');
    expect(redactError(`plain ${key}`, redactor)).to.equal('plain [redacted]');
  });

  it('changes nothing without secrets', () => {
    const error = new HTTPError({ status: 400, statusText: key, body: key });
    redactError(error, noSecrets);
    expect(error.statusText).to.equal(key);
  });
});
