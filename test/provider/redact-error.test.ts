import { expect } from 'chai';
import { HTTPError, MalformedStreamError, NetworkError, StreamError } from '../../src/index.js';
import { redactError } from '../../src/provider/redact-error.js';
import { SecretRedactor, noSecrets } from '../../src/provider/redact-secret.js';
import { everythingIn } from '../helpers/index.js';

const key = 'sk-redact-error-0123456789';
const redactor = new SecretRedactor([key]);

describe('redactError', () => {
  it('cleans every text field of an HTTP error into a copy of the same class, leaving the thrown one as it was', () => {
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
    const clean = redactError(error, redactor) as HTTPError;
    expect(clean).to.be.instanceOf(HTTPError).and.not.equal(error);
    expect(everythingIn(clean)).not.to.include(key);
    expect(clean.statusText).to.equal('Bad [redacted]');
    expect(clean.param).to.equal('param-[redacted]');
    expect((clean.cause as Error).message).to.equal('cause [redacted]');
    expect(clean.status).to.equal(401);
    expect(error.statusText).to.equal(`Bad ${key}`, 'the original is never rewritten');
  });

  it('cleans stream, network and malformed-stream errors', () => {
    for (const error of [
      new StreamError({ providerMessage: key, code: key, type: key, param: key }),
      new NetworkError(`reach ${key}`, `hint ${key}`),
      new MalformedStreamError(`bad ${key}`, `data ${key}`),
    ]) {
      const clean = redactError(error, redactor) as Error;
      expect(clean.name).to.equal(error.name);
      expect(everythingIn(clean), error.name).not.to.include(key);
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

  it('changes nothing without secrets, and returns an error without one as it is', () => {
    const error = new HTTPError({ status: 400, statusText: key, body: key });
    expect(redactError(error, noSecrets)).to.equal(error);
    expect(error.statusText).to.equal(key);
    const plain = new HTTPError({ status: 400, statusText: 'Bad Request', body: '' });
    expect(redactError(plain, redactor)).to.equal(plain);
  });
});
