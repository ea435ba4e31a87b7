import { expect } from 'chai';
import {
  APIKeyFormatError,
  NetworkError,
  OpenAIChatAPI,
  ToolAgentsError,
} from '../../src/index.js';
import { createScriptedFetch, textReply } from '../../src/testing/index.js';
import { answerText, everythingIn, rejectionOf, streamEvents } from '../helpers/index.js';

type Options = ConstructorParameters<typeof OpenAIChatAPI>[0];
const construct = (options: Partial<Options>) => (): OpenAIChatAPI =>
  new OpenAIChatAPI({ model: 'm', ...(options as object) });

describe('OpenAIChatAPI options', () => {
  it('has documented defaults: 2 retries, 120 s timeouts, 16 MiB events', () => {
    const api = new OpenAIChatAPI({ model: 'm' });
    expect([api.maxRetries, api.timeout, api.idleTimeout, api.maxEventBytes]).to.deep.equal([
      2,
      120_000,
      120_000,
      16 * 1024 * 1024,
    ]);
  });

  it('accepts zero retries, Infinity as "no timeout", and exact values', () => {
    const api = new OpenAIChatAPI({
      model: 'm',
      maxRetries: 0,
      timeout: Infinity,
      idleTimeout: 250,
      maxEventBytes: 1024,
    });
    expect([api.maxRetries, api.timeout, api.idleTimeout, api.maxEventBytes]).to.deep.equal([
      0,
      Infinity,
      250,
      1024,
    ]);
  });

  const invalid: Record<'maxRetries' | 'timeout' | 'idleTimeout' | 'maxEventBytes', unknown[]> = {
    maxRetries: [-1, 1.5, Number.NaN, '2', Infinity, null],
    timeout: [0, -5, Number.NaN, '100', null],
    idleTimeout: [0, -1, Number.NaN, '100', {}],
    maxEventBytes: [0, -1, 1.5, Number.NaN, '10', Infinity],
  };
  for (const [name, values] of Object.entries(invalid)) {
    it(`rejects an unusable ${name} at construction with a TypeError naming it`, () => {
      for (const value of values) {
        expect(construct({ [name]: value }), `${name}: ${String(value)}`).to.throw(TypeError, name);
      }
    });
  }
});

describe('OpenAIChatAPI key and header format', () => {
  const zeroWidth = 'sk-abc\u200Bdef-0123456789';

  it('rejects a key with a zero-width space before any request, naming the kind and position but not the key', async () => {
    const { fetch, requests } = createScriptedFetch([textReply('never')]);
    const error = await rejectionOf(
      streamEvents(new OpenAIChatAPI({ model: 'm', apiKey: zeroWidth, fetch, maxRetries: 3 })),
    );
    expect(error).to.be.instanceOf(APIKeyFormatError).and.to.be.instanceOf(ToolAgentsError);
    expect(error).not.to.be.instanceOf(NetworkError);
    const keyError = error as APIKeyFormatError;
    expect(keyError.name).to.equal('APIKeyFormatError');
    expect(keyError).to.include({
      header: 'Authorization',
      character: 'zero-width space (U+200B)',
      position: 7,
    });
    expect(keyError.message)
      .to.include('API key')
      .and.to.include('zero-width space')
      .and.to.include('position 7');
    expect(everythingIn(keyError)).not.to.include('sk-abc').and.not.to.include('def-0123456789');
    expect(requests, 'nothing was sent, nothing retried').to.have.length(0);
  });

  it('reports smart quotes and line breaks inside a pasted key the same way', async () => {
    for (const [key, character] of [
      ['\u201Csk-quoted-key-01234\u201D', 'smart quote (U+201C)'],
      ['sk-first-half\nsecond-half', 'line break (U+000A)'],
    ] as const) {
      const error = (await rejectionOf(
        streamEvents(
          new OpenAIChatAPI({ model: 'm', apiKey: key, fetch: createScriptedFetch([]).fetch }),
        ),
      )) as APIKeyFormatError;
      expect(error, key).to.be.instanceOf(APIKeyFormatError);
      expect(error.character).to.equal(character);
    }
  });

  it('constructs without throwing, so the failure belongs to the turn', () => {
    expect(construct({ apiKey: zeroWidth })).not.to.throw();
  });

  it('trims spaces and line breaks around a pasted key and sends it', async () => {
    const { fetch, requests } = createScriptedFetch([textReply('Hi')]);
    const events = await streamEvents(
      new OpenAIChatAPI({ model: 'm', apiKey: '  sk-pasted-0123456789\r\n', fetch }),
    );
    expect(answerText(events)).to.equal('Hi');
    expect(requests[0]!.headers['authorization']).to.equal('Bearer sk-pasted-0123456789');
  });

  it('rejects a custom header value fetch would refuse, naming the header', async () => {
    const { fetch, requests } = createScriptedFetch([textReply('never')]);
    const error = (await rejectionOf(
      streamEvents(
        new OpenAIChatAPI({ model: 'm', fetch, headers: { 'api-key': 'azure\u2019key-0123' } }),
      ),
    )) as APIKeyFormatError;
    expect(error).to.be.instanceOf(APIKeyFormatError);
    expect(error).to.include({ header: 'api-key', character: 'smart quote (U+2019)', position: 6 });
    expect(error.message).to.include('"api-key"').and.not.to.include('azure');
    expect(requests).to.have.length(0);
  });

  it('lets Latin-1 custom header values through, as fetch does', async () => {
    const { fetch, requests } = createScriptedFetch([textReply('Hi')]);
    await streamEvents(
      new OpenAIChatAPI({ model: 'm', fetch, headers: { 'X-Title': 'Café app' } }),
    );
    expect(requests).to.have.length(1);
  });
});
