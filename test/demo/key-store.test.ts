import { expect } from 'chai';
import { forgetKey, getKey, isRemembered, setKey } from '../../demo/settings/key-store.js';

const url = 'https://api.example.test/v1';
const stored = (): string[] =>
  Object.keys(localStorage).filter((name) => name.startsWith('tool-agents-demo:api-key:'));

describe('the demo key store', () => {
  afterEach(() => forgetKey(url));

  it('keeps a key in memory only unless asked to remember it', () => {
    setKey(url, 'sk-memory', false);
    expect(getKey(url)).to.equal('sk-memory');
    expect(isRemembered(url)).to.equal(false);
    expect(stored()).to.deep.equal([]);
  });

  it('remembers a key on this device, per base URL (a trailing slash is the same URL)', () => {
    setKey(url, 'sk-device', true);
    expect(isRemembered(`${url}/`)).to.equal(true);
    expect(localStorage.getItem(`tool-agents-demo:api-key:${url}`)).to.equal('sk-device');
    expect(getKey('https://other.example.test/v1')).to.equal(undefined);
  });

  it('forgets a key in memory and on the device', () => {
    setKey(url, 'sk-device', true);
    forgetKey(url);
    expect(getKey(url)).to.equal(undefined);
    expect(stored()).to.deep.equal([]);
  });

  it('stops remembering when the box is unticked', () => {
    setKey(url, 'sk-device', true);
    setKey(url, 'sk-device', false);
    expect(isRemembered(url)).to.equal(false);
    expect(getKey(url)).to.equal('sk-device');
  });
});
