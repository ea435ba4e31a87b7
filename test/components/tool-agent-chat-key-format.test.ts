import { expect } from 'chai';
import { APIKeyFormatError } from '../../src/index.js';
import { createScriptedFetch, errorReply, textReply } from '../../src/testing/index.js';
import type { ToolAgentErrorEvent } from '../../components/index.js';
import {
  checkAxeThenRemoveChats,
  createChat,
  find,
  recordEvents,
  root,
  waitFor,
  waitForPart,
} from './chat-test-utils.js';

describe('<tool-agent-chat> with a key that cannot be sent', () => {
  afterEach(checkAxeThenRemoveChats);

  for (const [label, pasted] of [
    ['a zero-width space', 'sk-abc\u200Bdef0123456789'],
    ['a smart quote', '\u201Csk-abcdef0123456789\u201D'],
    ['a non-breaking space inside', 'sk-abc\u00A0def0123456789'],
  ] as const) {
    it(`says the key holds ${label}, sends nothing and asks for the key again`, async () => {
      const scripted = createScriptedFetch([textReply('Hello.')]);
      const chat = await createChat((c) => {
        c.fetch = scripted.fetch;
        c.keyRequired = true;
      });
      const events = recordEvents(chat, ['tool-agent-error']);
      const input = await waitForPart<HTMLInputElement>(chat, '[part~="key-input"]');
      input.value = pasted;
      find<HTMLButtonElement>(chat, '[part~="key-submit"]')?.click();
      await waitFor(() => find(chat, '[part~="input"]'), 'the composer');
      await chat.send('Hi');
      expect(scripted.requests).to.have.length(0, 'nothing was sent, nothing retried');
      const error = (events[0] as ToolAgentErrorEvent | undefined)?.detail.error;
      expect(error).to.be.instanceOf(APIKeyFormatError);
      const title = find(chat, '[part~="error-title"]')?.textContent ?? '';
      expect(title).to.not.match(/reach|network|CORS/i, 'not reported as a network failure');
      const intro = await waitForPart(chat, '.key-intro');
      expect(intro.textContent).to.contain('contains a character that cannot be sent');
      expect(root(chat).textContent).to.not.contain('abcdef0123456789', 'the key is never shown');
      expect(root(chat).textContent).to.not.contain('def0123456789');
    });
  }

  it('reports a page-set key with a line break inside the same way (a password input would strip it)', async () => {
    const scripted = createScriptedFetch([textReply('Hello.')]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.apiKey = 'sk-abc\ndef0123456789';
    });
    await chat.send('Hi');
    expect(scripted.requests).to.have.length(0);
    const intro = await waitForPart(chat, '.key-intro');
    expect(intro.textContent).to.contain('contains a character that cannot be sent');
  });

  it('uses a key pasted with spaces and a line break around it', async () => {
    const scripted = createScriptedFetch([textReply('Hello.')]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.keyRequired = true;
    });
    const input = await waitForPart<HTMLInputElement>(chat, '[part~="key-input"]');
    input.value = '  sk-clean-0123456789 \n';
    find<HTMLButtonElement>(chat, '[part~="key-submit"]')?.click();
    await waitFor(() => find(chat, '[part~="input"]'), 'the composer');
    await chat.send('Hi');
    expect(scripted.requests[0]?.headers['authorization']).to.equal('Bearer sk-clean-0123456789');
  });

  it('asks for a new key when the provider refuses it with another status than 401 (Gemini: 400 "API key not valid")', async () => {
    const scripted = createScriptedFetch([
      errorReply(400, 'API key not valid. Please pass a valid API key.', { code: 400 }),
    ]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.keyRequired = true;
    });
    const input = await waitForPart<HTMLInputElement>(chat, '[part~="key-input"]');
    input.value = 'AIzaWrongKey0123456789';
    find<HTMLButtonElement>(chat, '[part~="key-submit"]')?.click();
    await waitFor(() => find(chat, '[part~="input"]'), 'the composer');
    await chat.send('Hi');
    expect(find(chat, '[part~="error-title"]')?.textContent).to.contain('the API key was rejected');
    const intro = await waitForPart(chat, '.key-intro');
    expect(intro.textContent).to.contain('rejected the API key');
  });
});
