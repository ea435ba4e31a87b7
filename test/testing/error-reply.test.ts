import { expect } from 'chai';
import { createScriptedFetch, errorReply } from '../../src/testing/index.js';

describe('errorReply', () => {
  it('answers with the status and an OpenAI error body', async () => {
    const { fetch } = createScriptedFetch([
      errorReply(400, 'Too long', { code: 'context_length_exceeded', param: 'messages' }),
    ]);
    const response = await fetch('https://api.example.test/v1/chat/completions');
    expect(response.status).to.equal(400);
    expect(response.headers.get('content-type')).to.equal('application/json');
    expect(await response.json()).to.deep.equal({
      error: {
        message: 'Too long',
        type: 'invalid_request_error',
        param: 'messages',
        code: 'context_length_exceeded',
      },
    });
  });

  it('picks the OpenAI error type that matches the status unless one is given', () => {
    const typeOf = (status: number, type?: string): unknown =>
      (
        JSON.parse(
          errorReply(status, 'm', type === undefined ? {} : { type }).chunks![0]!.text!,
        ) as { error: { type: string } }
      ).error.type;
    expect([401, 403, 404, 429, 500, 503, 422].map((status) => typeOf(status))).to.deep.equal([
      'authentication_error',
      'permission_error',
      'not_found_error',
      'rate_limit_error',
      'server_error',
      'server_error',
      'invalid_request_error',
    ]);
    expect(typeOf(400, 'custom')).to.equal('custom');
  });

  it('adds retry-after and extra headers', () => {
    expect(
      errorReply(429, 'wait', { retryAfter: 2, headers: { 'x-ratelimit-remaining-requests': '0' } })
        .headers,
    ).to.deep.equal({
      'content-type': 'application/json',
      'retry-after': '2',
      'x-ratelimit-remaining-requests': '0',
    });
  });
});
