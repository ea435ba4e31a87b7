import { expect } from 'chai';
import {
  APIKeyFormatError,
  HTTPError,
  NetworkError,
  StreamError,
  TimeoutError,
  diagnoseConnectionError,
  providerOf,
  type ConnectionDiagnosisContext,
} from '../../src/index.js';

// One base URL per provider, as the demo's presets use them.
const baseURLs = {
  openai: 'https://api.openai.com/v1',
  openrouter: 'https://openrouter.ai/api/v1',
  gemini: 'https://generativelanguage.googleapis.com/v1beta/openai',
  groq: 'https://api.groq.com/openai/v1',
  mistral: 'https://api.mistral.ai/v1',
  deepseek: 'https://api.deepseek.com/v1',
  ollama: 'http://localhost:11434/v1',
  lmstudio: 'http://localhost:1234/v1',
  llamacpp: 'http://localhost:8080/v1',
  custom: 'https://llm.example.test/v1',
} as const;
type Provider = keyof typeof baseURLs;

function httpError(status: number, providerMessage?: string, code?: string): HTTPError {
  const body = JSON.stringify({ error: { message: providerMessage, code } });
  return new HTTPError(
    { status, statusText: 'Error', body, providerMessage, code },
    { url: 'http://host/v1/chat/completions' },
  );
}

const diagnose = (
  error: unknown,
  provider: Provider = 'openai',
  overrides: Partial<ConnectionDiagnosisContext> = {},
) =>
  diagnoseConnectionError(error, {
    baseURL: baseURLs[provider],
    model: 'some-model',
    hasKey: true,
    pageOrigin: 'http://127.0.0.1:5173',
    ...overrides,
  });

describe('providerOf', () => {
  it('knows each preset provider by its base URL, and any other server as "other"', () => {
    for (const [id, baseURL] of Object.entries(baseURLs))
      expect(providerOf(baseURL).id, baseURL).to.equal(id === 'custom' ? 'other' : id);
    expect(providerOf('http://127.0.0.1:11434/v1').id).to.equal('ollama');
    expect(providerOf('https://example.test:11434/v1').id).to.equal('other');
    expect(providerOf('not a url ::').id).to.equal('other');
  });
});

describe('diagnoseConnectionError', () => {
  it('tells a network or CORS failure apart, with the fix for each local server', () => {
    const failure = new NetworkError(
      'Could not reach http://localhost:11434/v1/chat/completions.',
      'Check it.',
    );
    const ollama = diagnose(failure, 'ollama');
    expect(ollama.kind).to.equal('cors-or-network');
    expect(ollama.provider).to.equal('ollama');
    expect(ollama.title).to.match(/network or CORS/);
    expect(ollama.fix).to.contain('OLLAMA_ORIGINS=http://127.0.0.1:5173 ollama serve');
    expect(ollama.command).to.equal('OLLAMA_ORIGINS=http://127.0.0.1:5173 ollama serve');
    expect(diagnose(failure, 'lmstudio').fix).to.contain('"Enable CORS"');
    expect(diagnose(failure, 'llamacpp').fix).to.contain('--cors-origins http://127.0.0.1:5173');
    expect(diagnose(failure, 'lmstudio').command).to.equal('lms server start --cors');
    expect(diagnose(failure, 'openai').command).to.equal(undefined);
    expect(diagnose(failure, 'custom').fix).to.match(/CORS.*proxy/);
    expect(diagnose(failure, 'groq').fix).to.match(/online|blocker/);
    expect(diagnose(failure, 'gemini').fix).to.contain('v1beta/openai');
    for (const provider of ['openrouter', 'mistral', 'deepseek', 'openai'] as const)
      expect(diagnose(failure, provider).fix, provider).to.match(/accepts browser requests/);
  });

  it('recognises a rejected key (401 and 403) and a missing one', () => {
    const rejected = diagnose(httpError(401, 'Incorrect API key provided: sk-abc***'));
    expect(rejected).to.include({
      kind: 'key-rejected',
      title: 'The server rejected the API key.',
    });
    expect(rejected.detail).to.equal('HTTP 401: Incorrect API key provided: sk-abc***');
    expect(rejected.fix).to.contain('https://platform.openai.com/api-keys');
    expect(diagnose(httpError(403, 'Forbidden')).kind).to.equal('key-rejected');
    const missing = diagnose(httpError(401, "You didn't provide an API key."), 'openai', {
      hasKey: false,
    });
    expect(missing).to.include({ kind: 'no-key', title: 'This endpoint needs an API key.' });
    expect(missing.fix).to.contain('No key was sent').and.to.contain('platform.openai.com');
    expect(diagnose(httpError(401, 'Invalid API Key'), 'llamacpp').fix).to.contain('--api-key');
  });

  it("recognises Gemini's rejected key, which comes as HTTP 400, and says what its keys look like", () => {
    const result = diagnose(
      httpError(400, 'API key not valid. Please pass a valid API key.'),
      'gemini',
    );
    expect(result.kind).to.equal('key-rejected');
    expect(result.fix).to.include('https://aistudio.google.com/apikey').and.to.include('AIza');
    expect(diagnose(httpError(400, 'Invalid JSON payload received.'), 'gemini').kind).to.equal(
      'rejected-request',
    );
  });

  it('tells a key that cannot be sent apart from a rejected one, without showing it', () => {
    const result = diagnose(
      new APIKeyFormatError({
        header: 'Authorization',
        character: 'zero-width space (U+200B)',
        position: 9,
      }),
      'gemini',
    );
    expect(result.kind).to.equal('key-format');
    expect(result.title).to.equal('The API key holds a character that cannot be sent.');
    expect(result.detail).to.equal('A zero-width space (U+200B) at position 9; nothing was sent.');
    expect(result.fix).to.include('https://aistudio.google.com/apikey');
    expect(
      diagnose(
        new APIKeyFormatError({ header: 'api-key', character: 'tab (U+0009)', position: 2 }),
        'custom',
      ).title,
    ).to.include('"api-key" header');
  });

  it("reads the library's TimeoutError as a timeout, in both phases", () => {
    expect(diagnose(new TimeoutError('response', 30_000), 'ollama')).to.include({
      kind: 'timeout',
      detail: 'No response headers within 30000 ms.',
    });
    expect(diagnose(new TimeoutError('idle', 500), 'ollama').detail).to.include(
      'nothing arrived for 500 ms',
    );
  });

  it('recognises an unknown model in the wording of several providers', () => {
    const openai = diagnose(
      httpError(
        404,
        'The model `gpt-9` does not exist or you do not have access to it.',
        'model_not_found',
      ),
      'openai',
      { model: 'gpt-9' },
    );
    expect(openai).to.include({ kind: 'model-not-found', title: 'Unknown model "gpt-9".' });
    const ollama = diagnose(
      httpError(404, 'model "llama9" not found, try pulling it first'),
      'ollama',
      { model: 'llama9' },
    );
    expect(ollama.kind).to.equal('model-not-found');
    expect(ollama.fix).to.contain('ollama pull llama9');
    expect(ollama.command).to.equal('ollama pull llama9');
    expect(diagnose(httpError(400, 'foo/bar is not a valid model ID'), 'openrouter').kind).to.equal(
      'model-not-found',
    );
    expect(diagnose(httpError(400, 'Invalid model: mistral-huge'), 'mistral').kind).to.equal(
      'model-not-found',
    );
  });

  it('tells a wrong base URL (404 without a model message) from an unknown model', () => {
    const notFound = new HTTPError(
      { status: 404, statusText: 'Not Found', body: '<html>404 page not found</html>' },
      { url: 'http://localhost:1234/chat/completions' },
    );
    const result = diagnose(notFound, 'lmstudio');
    expect(result.kind).to.equal('endpoint-not-found');
    expect(result.fix).to.contain('/v1');
  });

  it('recognises a server or model without tool support', () => {
    const ollama = diagnose(
      httpError(400, 'registry.ollama.ai/library/gemma:2b does not support tools'),
      'ollama',
    );
    expect(ollama.kind).to.equal('no-tool-support');
    expect(ollama.fix).to.contain('ollama pull llama3.1');
    expect(
      diagnose(httpError(500, 'tools param requires --jinja flag'), 'llamacpp').fix,
    ).to.contain('--jinja');
    expect(
      diagnose(httpError(400, 'This model does not support function calling (tools).'), 'custom')
        .kind,
    ).to.equal('no-tool-support');
  });

  it('recognises a host that rejects stream_options and offers to switch usage off', () => {
    const result = diagnose(
      httpError(400, 'Unrecognized request argument supplied: stream_options'),
      'custom',
    );
    expect(result.kind).to.equal('stream-options-rejected');
    expect(result.fix).to.contain('includeUsage: false');
    expect(
      diagnose(httpError(422, "extra field not permitted: 'include_usage'"), 'custom').kind,
    ).to.equal('stream-options-rejected');
  });

  it('reads errors reported inside a started stream too', () => {
    const error = new StreamError({ providerMessage: 'tools are not supported by this model' });
    expect(diagnose(error, 'custom').kind).to.equal('no-tool-support');
  });

  it('names limits, credits, server failures, timeouts and anything else', () => {
    expect(diagnose(httpError(429, 'Rate limit reached')).kind).to.equal('rate-limited');
    expect(diagnose(httpError(402, 'Insufficient credits'), 'openrouter').title).to.match(/credit/);
    expect(diagnose(httpError(503, 'Overloaded')).kind).to.equal('server-error');
    expect(diagnose(new DOMException('signal timed out', 'TimeoutError'), 'ollama').kind).to.equal(
      'timeout',
    );
    expect(diagnose(httpError(400, 'temperature must be at most 2')).kind).to.equal(
      'rejected-request',
    );
    expect(diagnose(new TypeError('boom')).detail).to.equal('TypeError: boom');
  });
});
