import { expect } from 'chai';
import { HTTPError, IncompleteStreamError, MalformedStreamError, NetworkError, StreamError, ToolAgentsError } from '../../src/index.js';
import { describeError } from '../../components/describe-error.js';

describe('describeError', () => {
  it('gives an HTTP error its status, meaning and the provider message', () => {
    const notice = describeError(new HTTPError({ status: 429, statusText: 'Too Many Requests', body: '', providerMessage: 'Slow down' }));
    expect(notice).to.deep.equal({ title: 'HTTP 429: too many requests or quota exceeded', detail: 'Slow down', unauthorized: false });
    expect(describeError(new HTTPError({ status: 418, statusText: "I'm a teapot", body: '' })).detail).to.equal("I'm a teapot");
    expect(describeError(new HTTPError({ status: 599, statusText: '', body: '' })).title).to.equal('HTTP 599: the server failed');
  });

  it('marks a 401 as unauthorized and says what to do', () => {
    const notice = describeError(new HTTPError({ status: 401, statusText: 'Unauthorized', body: '', providerMessage: 'Invalid key' }));
    expect(notice.unauthorized).to.equal(true);
    expect(notice.detail).to.equal('Invalid key Enter a valid API key, then retry.');
  });

  it('explains network, stream and malformed-stream failures', () => {
    expect(describeError(new NetworkError('Could not reach x.', 'Check CORS.'))).to.deep.equal({ title: 'Could not reach the server', detail: 'Check CORS.', unauthorized: false });
    expect(describeError(new StreamError({ providerMessage: 'overloaded' })).detail).to.equal('overloaded');
    expect(describeError(new IncompleteStreamError('cut')).title).to.equal('The answer was cut short');
    expect(describeError(new MalformedStreamError('Bad JSON in the stream.', '{')).detail).to.equal('Bad JSON in the stream.');
    expect(describeError(new ToolAgentsError('Loop failed.')).detail).to.equal('Loop failed.');
  });

  it('describes anything else thrown', () => {
    expect(describeError(new TypeError('boom'))).to.deep.equal({ title: 'Something went wrong', detail: 'boom', unauthorized: false });
    expect(describeError('plain').detail).to.equal('plain');
  });
});
