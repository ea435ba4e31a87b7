import { expect } from 'chai';
import { isLocalURL, needsApiKey } from '../../components/needs-api-key.js';

const remote = 'https://api.openai.com/v1';

describe('needsApiKey', () => {
  it('treats localhost, 127.0.0.1, [::1] and *.localhost as local', () => {
    for (const url of [
      'http://localhost:11434/v1',
      'http://127.0.0.1:1234/v1',
      'http://[::1]:8080/v1',
      'http://ollama.localhost/v1',
    ]) {
      expect(isLocalURL(url), url).to.equal(true);
    }
    for (const url of [remote, 'https://localhost.example.com/v1', 'http://'])
      expect(isLocalURL(url), url).to.equal(false);
  });

  it('resolves a relative base URL against the page', () => {
    expect(isLocalURL('/v1')).to.equal(
      location.hostname === 'localhost' || location.hostname === '127.0.0.1',
    );
  });

  it('needs a key for a remote endpoint unless no-key or a custom transport says otherwise', () => {
    const base = { noKey: false, keyRequired: false, customTransport: false, baseURL: remote };
    expect(needsApiKey(base)).to.equal(true);
    expect(needsApiKey({ ...base, noKey: true })).to.equal(false);
    expect(needsApiKey({ ...base, customTransport: true })).to.equal(false);
    expect(needsApiKey({ ...base, baseURL: 'http://localhost:11434/v1' })).to.equal(false);
  });

  it('lets key-required ask anyway, and no-key win over it', () => {
    const local = {
      noKey: false,
      keyRequired: true,
      customTransport: true,
      baseURL: 'http://localhost/v1',
    };
    expect(needsApiKey(local)).to.equal(true);
    expect(needsApiKey({ ...local, noKey: true })).to.equal(false);
  });
});
