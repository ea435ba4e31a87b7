import { expect } from 'chai';
import { parseErrorBody, readProviderError } from '../../src/provider/provider-error-body.js';

describe('provider error bodies', () => {
  it('reads message, code, type and param of an OpenAI error', () => {
    expect(
      readProviderError({
        error: {
          message: 'Bad value',
          type: 'invalid_request_error',
          param: 'temperature',
          code: 'invalid_value',
        },
      }),
    ).to.deep.equal({
      providerMessage: 'Bad value',
      type: 'invalid_request_error',
      param: 'temperature',
      code: 'invalid_value',
    });
  });

  it('leaves out a null or empty param', () => {
    expect(readProviderError({ error: { message: 'x', param: null } })).to.deep.equal({
      providerMessage: 'x',
    });
    expect(readProviderError({ error: { message: 'x', param: '' } })).to.deep.equal({
      providerMessage: 'x',
    });
  });

  it("reads Gemini's error wrapped in an array", () => {
    const body =
      '[{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}]';
    expect(parseErrorBody(body, 'application/json')).to.deep.equal({
      providerMessage: 'API key not valid. Please pass a valid API key.',
      code: 400,
    });
  });

  it('redacts a FastAPI detail list before shortening it', () => {
    const secret = 'sk-detail-secret-0123456789';
    const detail = [{ loc: ['body'], msg: `${'m'.repeat(290)}${secret}` }];
    const info = readProviderError({ detail }, (text) => text.split(secret).join('[redacted]'));
    expect(info.providerMessage!.length).to.be.at.most(300);
    expect(info.providerMessage).not.to.include(secret.slice(0, 6));
  });

  it('survives a detail nested very deeply, with a short message either way', () => {
    let deep: unknown = [];
    for (let level = 0; level < 200_000; level++) deep = [{ x: deep }];
    // Engines differ in whether JSON.stringify overflows here; neither may throw out of the reader.
    const message = readProviderError({ detail: deep }).providerMessage!;
    expect(message.length).to.be.at.most(300);
    expect(
      message.startsWith('[{') || message === '(an error detail too deeply nested to show)',
    ).to.equal(true);
  });

  it('redacts a text or HTML body before cutting it to 300 characters', () => {
    const secret = 'sk-html-secret-0123456789';
    const redact = (text: string): string => text.split(secret).join('[redacted]');
    expect(
      parseErrorBody(`${'t'.repeat(295)}${secret}`, 'text/plain', redact).providerMessage,
    ).not.to.include(secret.slice(0, 5));
    expect(
      parseErrorBody(`<html><title>${'h'.repeat(295)}${secret}</title></html>`, 'text/html', redact)
        .providerMessage,
    ).not.to.include(secret.slice(0, 5));
  });
});
