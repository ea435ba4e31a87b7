import { expect } from 'chai';
import {
  apiKeyStoragePrefix,
  forgetApiKey,
  keyScope,
  loadApiKey,
  saveApiKey,
} from '../../components/api-key-store.js';

describe('api-key-store', () => {
  afterEach(() => {
    for (const name of Object.keys(localStorage))
      if (name.startsWith(apiKeyStoragePrefix)) localStorage.removeItem(name);
  });

  it('scopes a key to origin and path, ignoring credentials, query, fragment and trailing slashes', () => {
    expect(keyScope('https://user:pw@api.example.com/v1/?x=1#y')).to.equal(
      'https://api.example.com/v1',
    );
    expect(keyScope('https://api.example.com/v1')).to.equal(
      keyScope('https://api.example.com/v1//'),
    );
    expect(keyScope('https://api.example.com/v1')).not.to.equal(
      keyScope('https://api.example.com/v2'),
    );
  });

  it('saves, loads and forgets a key per base URL', () => {
    expect(loadApiKey('https://a.example/v1')).to.equal(undefined);
    expect(saveApiKey('https://a.example/v1', 'sk-a')).to.equal(true);
    saveApiKey('https://b.example/v1', 'sk-b');
    expect(loadApiKey('https://a.example/v1/')).to.equal('sk-a');
    expect(loadApiKey('https://b.example/v1')).to.equal('sk-b');
    forgetApiKey('https://a.example/v1');
    expect(loadApiKey('https://a.example/v1')).to.equal(undefined);
    expect(loadApiKey('https://b.example/v1')).to.equal('sk-b');
  });
});
