import { expect } from 'chai';
import { OpenAIChatAPI, diagnoseConnection } from '../../src/index.js';
import {
  createScriptedFetch,
  errorReply,
  streamErrorReply,
  textReply,
} from '../../src/testing/index.js';
import { mockServer } from '../helpers/index.js';

const target = (fetch: typeof globalThis.fetch, apiKey: string | undefined = 'k') => ({
  baseURL: 'http://host/v1',
  model: 'm',
  apiKey,
  fetch,
});

describe('diagnoseConnection', () => {
  it('sends one tiny streaming request with a tool and stream_options, and reports success', async () => {
    const scripted = createScriptedFetch([textReply('OK')]);
    const result = await diagnoseConnection(target(scripted.fetch, 'sk-test'));
    expect(result).to.include({ kind: 'ok', provider: 'other', sample: 'OK' });
    expect(result.detail).to.contain('"OK"');
    const body = scripted.requests[0]!.body as Record<string, unknown>;
    expect(body).to.include({ model: 'm', stream: true });
    expect(body['stream_options']).to.deep.equal({ include_usage: true });
    expect((body['tools'] as unknown[]).length).to.equal(1);
    expect(scripted.requests[0]!.headers['authorization']).to.equal('Bearer sk-test');
  });

  it('leaves stream_options out when usage is switched off', async () => {
    const scripted = createScriptedFetch([textReply('OK')]);
    await diagnoseConnection(target(scripted.fetch, undefined), { includeUsage: false });
    expect(scripted.requests[0]!.body).not.to.have.property('stream_options');
  });

  it('diagnoses the real error the library throws', async () => {
    const rejected = createScriptedFetch([errorReply(400, 'stream_options is not supported')]);
    expect((await diagnoseConnection(target(rejected.fetch))).kind).to.equal(
      'stream-options-rejected',
    );
    const midStream = createScriptedFetch([streamErrorReply('model not found')]);
    expect((await diagnoseConnection(target(midStream.fetch))).kind).to.equal('model-not-found');
    const offline = createScriptedFetch([{ networkError: true }]);
    expect((await diagnoseConnection(target(offline.fetch))).kind).to.equal('cors-or-network');
  });

  it('times out with a clear verdict', async () => {
    const slow = createScriptedFetch([{ delayMs: 5_000 }]);
    const result = await diagnoseConnection(target(slow.fetch), { timeoutMs: 50 });
    expect(result.kind).to.equal('timeout');
  });

  describe('over HTTP (the mock server)', () => {
    it('reports ok for an endpoint that streams', async () => {
      const script = await mockServer.script([textReply('OK')]);
      const result = await diagnoseConnection({ baseURL: script.baseURL, model: 'm' });
      expect(result.kind).to.equal('ok');
    });

    it('asks for a key on a 401 when none was sent, and calls a sent key rejected', async () => {
      const script = await mockServer.script([
        errorReply(401, "You didn't provide an API key."),
        errorReply(401, 'Incorrect API key provided.'),
      ]);
      const api = new OpenAIChatAPI({ baseURL: script.baseURL, model: 'm', maxRetries: 0 });
      expect((await diagnoseConnection(api)).kind).to.equal('no-key');
      const keyed = new OpenAIChatAPI({
        baseURL: script.baseURL,
        model: 'm',
        apiKey: 'sk-wrong',
        maxRetries: 0,
      });
      const result = await diagnoseConnection(keyed);
      expect(result.kind).to.equal('key-rejected');
      expect(JSON.stringify(result)).not.to.contain('sk-wrong');
    });

    it('reports a network failure as cors-or-network, with the fix for the server', async () => {
      const script = await mockServer.script([{ networkError: true }]);
      const result = await diagnoseConnection(
        { baseURL: script.baseURL, model: 'm' },
        { pageOrigin: 'http://127.0.0.1:5173' },
      );
      expect(result.kind).to.equal('cors-or-network');
      expect(result.fix).to.match(/CORS/);
    });
  });
});
