import { expect } from 'chai';
import {
  EventTooLargeError,
  HTTPError,
  MalformedStreamError,
  NetworkError,
  OpenAIChatAPI,
  StreamError,
} from '../../src/index.js';
import { createScriptedFetch, errorReply, sseEvents, textReply } from '../../src/testing/index.js';
import {
  everythingIn,
  mockServer,
  rejectionOf,
  secretForms,
  streamEvents,
} from '../helpers/index.js';

// Visible ASCII (so it can be sent), with the characters JSON and URLs escape: / " + \ ~
const apiKey = 'sk-Zq9/"Wx+\\SECRET~7f3K-0123456789abcdef';
const keyPrefix = apiKey.slice(0, 5);

function expectNoKey(error: unknown): void {
  const exposed = everythingIn(error);
  for (const form of secretForms(apiKey)) expect(exposed, `the form ${form}`).not.to.include(form);
  expect(exposed, 'a prefix of the key').not.to.include(keyPrefix);
}

function escapeEveryCharacter(text: string): string {
  return [...text]
    .map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('');
}

/** A `fetch` whose every answer is `status` with `body` and `statusText`. */
function answering(
  status: number,
  body: string,
  init: { statusText?: string; contentType?: string } = {},
): typeof fetch {
  return async () =>
    new Response(body, {
      status,
      statusText: init.statusText ?? '',
      headers: { 'content-type': init.contentType ?? 'text/plain' },
    });
}

const api = (options: Partial<ConstructorParameters<typeof OpenAIChatAPI>[0]>): OpenAIChatAPI =>
  new OpenAIChatAPI({ apiKey, model: 'm', maxRetries: 0, ...options });

describe('OpenAIChatAPI keeps the API key out of every error', () => {
  describe('HTTP errors', () => {
    it('redacts the key echoed in the message, code, type and param of a JSON error, over HTTP', async () => {
      const script = await mockServer.script([
        errorReply(401, `Incorrect API key provided: ${apiKey}.`, {
          code: `bad_${apiKey}`,
          type: `type ${apiKey}`,
          param: `param ${apiKey}`,
        }),
      ]);
      const error = (await rejectionOf(
        streamEvents(api({ baseURL: script.baseURL })),
      )) as HTTPError;
      expect(error).to.be.instanceOf(HTTPError);
      expect(error.providerMessage).to.equal('Incorrect API key provided: [redacted].');
      expect(error.code).to.equal('bad_[redacted]');
      expect(error.type).to.equal('type [redacted]');
      expect(error.param).to.equal('param [redacted]');
      expect(error.body).to.include('[redacted]');
      expectNoKey(error);
    });

    it('redacts the key echoed in the HTTP reason phrase', async () => {
      const error = (await rejectionOf(
        streamEvents(
          api({ fetch: answering(401, 'no', { statusText: `Unauthorized ${apiKey}` }) }),
        ),
      )) as HTTPError;
      expect(error.statusText).to.equal('Unauthorized [redacted]');
      expectNoKey(error);
    });

    const bodyForms: Record<string, string> = {
      verbatim: `key=${apiKey}`,
      'JSON-escaped': `{"error":{"message":"key ${JSON.stringify(apiKey).slice(1, -1)}"}}`,
      'JSON-escaped with \\/': `{"error":{"message":"key ${JSON.stringify(apiKey).slice(1, -1).replace('/', '\\/')}"}}`,
      'all \\uXXXX': `{"error":{"message":"key ${escapeEveryCharacter(apiKey)}"}}`,
      'URL-encoded': `GET /v1/models?key=${encodeURIComponent(apiKey)} rejected`,
      'URL-encoded, lower-case hex': `GET /v1/models?key=${encodeURIComponent(apiKey).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())} rejected`,
    };
    for (const [form, body] of Object.entries(bodyForms)) {
      it(`redacts the key in the body and provider message when echoed ${form}`, async () => {
        const error = (await rejectionOf(
          streamEvents(api({ fetch: answering(400, body) })),
        )) as HTTPError;
        expect(error).to.be.instanceOf(HTTPError);
        expect(error.body).to.include('[redacted]');
        expectNoKey(error);
      });
    }

    it('redacts before cutting the body to 4 KB, wherever the cut falls inside the key', async () => {
      for (let start = 4096 - apiKey.length - 2; start <= 4097; start += 3) {
        const body = `${'x'.repeat(start)}${apiKey}${'y'.repeat(100)}`;
        const error = (await rejectionOf(
          streamEvents(api({ fetch: answering(400, body) })),
        )) as HTTPError;
        expect(error.body.length, `key at ${start}`).to.be.at.most(4096);
        expect(error.body, `key at ${start}`).not.to.include(keyPrefix);
        expectNoKey(error);
      }
    });

    it('redacts before cutting also when the cut falls inside the JSON-escaped key', async () => {
      const escaped = escapeEveryCharacter(apiKey);
      for (const start of [4096 - escaped.length + 7, 4096 - 12, 4096 - 6, 4095]) {
        const body = `${'x'.repeat(start)}${escaped}${'y'.repeat(20)}`;
        const error = (await rejectionOf(
          streamEvents(api({ fetch: answering(500, body) })),
        )) as HTTPError;
        expect(error.body, `escaped key at ${start}`).not.to.include(escaped.slice(0, 12));
      }
    });

    it('redacts the value of a credential header (api-key) like the key, but not ordinary header values', async () => {
      const azureKey = 'azure-0123456789-secret';
      const error = (await rejectionOf(
        streamEvents(
          new OpenAIChatAPI({
            model: 'm',
            maxRetries: 0,
            headers: { 'api-key': azureKey, 'HTTP-Referer': 'https://app.example' },
            fetch: answering(401, `bad ${azureKey} from https://app.example`),
          }),
        ),
      )) as HTTPError;
      expect(error.body).to.equal('bad [redacted] from https://app.example');
    });
  });

  it('redacts the key in every field of an error reported inside the stream', async () => {
    const event = {
      error: {
        message: `quota for ${apiKey}`,
        code: apiKey,
        type: `t ${apiKey}`,
        param: `p ${apiKey}`,
      },
    };
    const { fetch } = createScriptedFetch([
      {
        chunks: [
          { text: sseEvents([{ choices: [{ index: 0, delta: { content: 'so far' } }] }, event]) },
        ],
      },
    ]);
    const error = (await rejectionOf(streamEvents(api({ fetch })))) as StreamError;
    expect(error).to.be.instanceOf(StreamError);
    expect([error.providerMessage, error.code, error.type, error.param]).to.deep.equal([
      'quota for [redacted]',
      '[redacted]',
      't [redacted]',
      'p [redacted]',
    ]);
    expect(error.partial.text).to.equal('so far');
    expectNoKey(error);
  });

  it('redacts the key in the data and the cause of a malformed event, also when the 200-character cut falls inside it', async () => {
    for (const start of [0, 190, 196, 199]) {
      const broken = `{"echo":"${'x'.repeat(start)}${apiKey}" not json`;
      const { fetch } = createScriptedFetch([
        { chunks: [{ text: `data: ${broken}\n\ndata: [DONE]\n\n` }] },
      ]);
      const error = (await rejectionOf(streamEvents(api({ fetch })))) as MalformedStreamError;
      expect(error, `key at ${start}`).to.be.instanceOf(MalformedStreamError);
      expect(error.cause).to.be.instanceOf(Error);
      expectNoKey(error);
    }
  });

  it('redacts the key in the preview of an oversized event', async () => {
    const { fetch } = createScriptedFetch([
      { chunks: [{ text: `data: {"echo":"${apiKey}${'z'.repeat(2000)}` }] },
    ]);
    const error = (await rejectionOf(
      streamEvents(api({ fetch, maxEventBytes: 1000 })),
    )) as EventTooLargeError;
    expect(error).to.be.instanceOf(EventTooLargeError);
    expect(error.data).to.include('[redacted]');
    expectNoKey(error);
  });

  it("replaces a network failure's cause that names the key", async () => {
    const fetch: typeof globalThis.fetch = async () => {
      throw new TypeError(`proxy refused Bearer ${apiKey}`);
    };
    const error = (await rejectionOf(streamEvents(api({ fetch })))) as NetworkError;
    expect(error).to.be.instanceOf(NetworkError);
    expect((error.cause as Error).name).to.equal('TypeError');
    expect((error.cause as Error).message).to.equal('proxy refused Bearer [redacted]');
    expectNoKey(error);
  });

  it('sends the key unchanged to the server: redaction is for errors only', async () => {
    const { fetch, requests } = createScriptedFetch([textReply('Hi')]);
    await streamEvents(api({ fetch }));
    expect(requests[0]!.headers['authorization']).to.equal(`Bearer ${apiKey}`);
  });
});
