import { expect } from 'chai';
import {
  createScriptedFetch,
  errorReply,
  textReply,
  type RecordedRequest,
} from '../../src/testing/index.js';
import { mockServer } from '../helpers/index.js';
import type { ToolAgentChat } from '../../components/index.js';
import { apiKeyStoragePrefix, keyScope } from '../../components/api-key-store.js';
import {
  assistantText,
  axeViolations,
  createChat,
  find,
  recordEvents,
  checkAxeThenRemoveChats,
  root,
  waitFor,
  waitForPart,
} from './chat-test-utils.js';

const secret = 'sk-test-SECRET-0123456789';

function clearStoredKeys(): void {
  for (const name of Object.keys(localStorage))
    if (name.startsWith(apiKeyStoragePrefix)) localStorage.removeItem(name);
}

async function enterKey(chat: ToolAgentChat, key: string, remember: boolean): Promise<void> {
  const input = await waitForPart<HTMLInputElement>(chat, '[part~="key-input"]');
  expect(input.type).to.equal('password');
  input.value = key;
  const box = find<HTMLInputElement>(chat, '[part~="key-remember"]');
  if (box) box.checked = remember;
  find<HTMLButtonElement>(chat, '[part~="key-submit"]')?.click();
  await waitFor(() => find(chat, '[part~="input"]'), 'the composer after the key');
}

function authorization(request: RecordedRequest | undefined): string | undefined {
  return request?.headers['authorization'];
}

/** Everything a page, a DOM dump or a listener could see, as one string. */
function visibleSurface(chat: ToolAgentChat, events: Event[]): string {
  const parts = [
    chat.outerHTML,
    root(chat).innerHTML,
    ...chat.getAttributeNames().map((name) => chat.getAttribute(name) ?? ''),
  ];
  for (const element of root(chat).querySelectorAll('*')) {
    for (const name of element.getAttributeNames()) parts.push(element.getAttribute(name) ?? '');
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)
      parts.push(element.value);
  }
  parts.push(root(chat).textContent ?? '');
  for (const event of events)
    parts.push(
      JSON.stringify((event as Event & { detail?: unknown }).detail, (_key, value: unknown) =>
        value instanceof Error ? { ...value, message: value.message } : value,
      ),
    );
  return parts.join('\n');
}

describe('API key', () => {
  beforeEach(clearStoredKeys);
  afterEach(async () => {
    await checkAxeThenRemoveChats();
    clearStoredKeys();
  });

  it('asks for a key when the endpoint needs one, keeps it in memory only, and can forget it', async () => {
    const scripted = createScriptedFetch([textReply('Hello.'), textReply('Again.')]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.keyRequired = true;
    });
    expect(find(chat, '[part~="composer"]')).to.equal(null);
    expect(find(chat, '[part~="key-form"]')).not.to.equal(null);
    expect(await axeViolations(chat)).to.deep.equal([]);
    await enterKey(chat, secret, false);
    expect(
      localStorage.length === 0 ||
        !Object.keys(localStorage).some((name) => name.startsWith(apiKeyStoragePrefix)),
    ).to.equal(true);
    expect(find(chat, '[part~="key-status"]')?.textContent).to.contain(
      'kept until this page closes',
    );
    expect(root(chat).activeElement).to.equal(find(chat, '[part~="input"]'));
    await chat.send('Hi');
    expect(authorization(scripted.requests[0])).to.equal(`Bearer ${secret}`);
    expect(chat.apiKey).to.equal(undefined, 'the user key is not readable as the page property');
    find<HTMLButtonElement>(chat, '[part~="forget-key-button"]')?.click();
    await chat.updateComplete;
    expect(find(chat, '[part~="key-form"]')).not.to.equal(null);
    expect(root(chat).activeElement).to.equal(find(chat, '[part~="key-input"]'));
  });

  it('remembers the key on this device per base URL when asked, and forgets it', async () => {
    const mock = await mockServer.script([textReply('One.'), textReply('Two.')]);
    const first = await createChat((c) => {
      c.baseURL = mock.baseURL;
      c.keyRequired = true;
    });
    await enterKey(first, secret, true);
    const storageName = apiKeyStoragePrefix + keyScope(mock.baseURL);
    expect(localStorage.getItem(storageName)).to.equal(secret);
    expect(find(first, '[part~="key-status"]')?.textContent).to.contain(
      'remembered on this device',
    );
    await first.send('Hi');
    first.remove();

    const second = await createChat((c) => {
      c.setAttribute('base-url', mock.baseURL);
      c.setAttribute('key-required', '');
    });
    expect(find(second, '[part~="key-form"]')).to.equal(null, 'the remembered key is used');
    await second.send('Hi again');
    const requests = await mock.requests();
    expect(requests.map(authorization)).to.deep.equal([`Bearer ${secret}`, `Bearer ${secret}`]);
    find<HTMLButtonElement>(second, '[part~="forget-key-button"]')?.click();
    await second.updateComplete;
    expect(localStorage.getItem(storageName)).to.equal(null);
    expect(find(second, '[part~="key-form"]')).not.to.equal(null);
  });

  it('shows the key form after a 401, drops the rejected key, and retries with the new one', async () => {
    const scripted = createScriptedFetch([
      errorReply(401, `Incorrect API key provided: ${secret}`),
      textReply('Welcome.'),
    ]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.apiKey = secret;
    });
    const events = recordEvents(chat, [
      'tool-agent-error',
      'tool-agent-chunk',
      'tool-agent-response',
      'tool-agent-submit',
    ]);
    expect(find(chat, '[part~="key-form"]')).to.equal(null);
    await chat.send('Hi');
    await chat.updateComplete;
    expect(find(chat, '[part~="error-title"]')?.textContent).to.equal(
      'HTTP 401: the API key was rejected',
    );
    expect(find(chat, '[part~="error-detail"]')?.textContent).to.contain('[redacted]');
    expect(find(chat, '.key-intro')?.textContent).to.contain('rejected the API key');
    // The failed turn runs again by itself once the new key is in: no Retry press needed.
    await enterKey(chat, 'sk-second-key', false);
    await waitFor(() => scripted.requests.length === 2 && !chat.running, 'the retry');
    expect(authorization(scripted.requests[1])).to.equal('Bearer sk-second-key');
    expect(assistantText(chat)).to.contain('Welcome.');
    expect(find(chat, '[part~="error"]')).to.equal(null);
    expect(visibleSurface(chat, events)).not.to.contain(secret);
    expect(visibleSurface(chat, events)).not.to.contain('sk-second-key');
  });

  it('asks for a key, not a valid one, when a 401 answers a request sent without a key, then retries with it', async () => {
    const scripted = createScriptedFetch([
      errorReply(401, "You didn't provide an API key."),
      textReply('Hello with a key.'),
    ]);
    const chat = await createChat((c) => {
      c.baseURL = 'http://localhost:8080/v1';
      c.fetch = scripted.fetch;
      c.maxRetries = 0;
    });
    expect(find(chat, '[part~="key-form"]')).to.equal(null);
    await chat.send('Hi');
    await chat.updateComplete;
    expect(scripted.requests[0]?.headers['authorization']).to.equal(undefined);
    expect(find(chat, '[part~="error-title"]')?.textContent).to.equal(
      'HTTP 401: this endpoint needs an API key',
    );
    expect(find(chat, '[part~="error-detail"]')?.textContent).to.contain('No API key was sent');
    const intro = await waitForPart(chat, '.key-intro');
    expect(intro.textContent).to.contain('This endpoint (localhost:8080) needs an API key');
    expect(intro.textContent).not.to.contain('rejected');
    await enterKey(chat, 'sk-local-key', false);
    await waitFor(() => scripted.requests.length === 2 && !chat.running, 'the automatic retry');
    expect(authorization(scripted.requests[1])).to.equal('Bearer sk-local-key');
    expect(assistantText(chat)).to.contain('Hello with a key.');
    expect(chat.messages.filter((message) => message.role === 'user')).to.have.length(1);
  });

  it('never puts the key in an attribute, the DOM, an event or the console', async () => {
    const logged: string[] = [];
    const originals = {
      log: console.log,
      warn: console.warn,
      error: console.error,
      info: console.info,
      debug: console.debug,
    };
    for (const level of Object.keys(originals) as (keyof typeof originals)[]) {
      console[level] = (...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
        originals[level](...args);
      };
    }
    try {
      const scripted = createScriptedFetch([textReply('Sure.'), errorReply(500, 'boom')]);
      const chat = await createChat((c) => {
        c.fetch = scripted.fetch;
        c.keyRequired = true;
        c.maxRetries = 0;
      });
      const events = recordEvents(chat, [
        'tool-agent-error',
        'tool-agent-chunk',
        'tool-agent-response',
        'tool-agent-submit',
      ]);
      await enterKey(chat, secret, true);
      chat.apiKey = 'sk-page-key-abcdef';
      await chat.send('Hi');
      await chat.send('Again');
      await chat.updateComplete;
      expect(events.length).to.be.greaterThan(2);
      const surface = visibleSurface(chat, events);
      expect(surface).not.to.contain(secret);
      expect(surface).not.to.contain('sk-page-key-abcdef');
      expect(chat.hasAttribute('api-key') || chat.hasAttribute('apikey')).to.equal(false);
      expect(logged.join('\n')).not.to.contain(secret);
    } finally {
      Object.assign(console, originals);
    }
  });

  it('trims a pasted key: spaces and line breaks around it never reach the server', async () => {
    const scripted = createScriptedFetch([textReply('One.'), textReply('Two.')]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.keyRequired = true;
    });
    await enterKey(chat, `  ${secret}\n`, true);
    await chat.send('Hi');
    expect(authorization(scripted.requests[0])).to.equal(`Bearer ${secret}`);
    expect(
      Object.entries<string>(localStorage)
        .filter(([name]) => name.startsWith(apiKeyStoragePrefix))
        .map(([, value]) => value),
    ).to.deep.equal([secret]);
    find<HTMLButtonElement>(chat, '[part~="forget-key-button"]')?.click();
    await chat.updateComplete;

    chat.apiKey = `\t${secret}-page \r\n`;
    expect(chat.apiKey).to.equal(`${secret}-page`);
    await chat.updateComplete;
    expect(find(chat, '[part~="key-form"]')).to.equal(null);
    await chat.send('Again');
    expect(authorization(scripted.requests[1])).to.equal(`Bearer ${secret}-page`);
  });

  it('takes a key of only whitespace as no key, from the form and from the page', async () => {
    const scripted = createScriptedFetch([textReply('never')]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.keyRequired = true;
      c.apiKey = ' \n ';
    });
    expect(chat.apiKey).to.equal(undefined);
    const input = await waitForPart<HTMLInputElement>(chat, '[part~="key-input"]');
    input.value = '   ';
    find<HTMLButtonElement>(chat, '[part~="key-submit"]')?.click();
    await chat.updateComplete;
    expect(find(chat, '[part~="key-form"]')).not.to.equal(null, 'still asking');
    expect(find(chat, '[part~="composer"]')).to.equal(null);
  });

  it('does not ask for a key for localhost, with no-key, or with a custom chat API', async () => {
    const local = await createChat((c) => (c.baseURL = 'http://localhost:11434/v1'));
    expect(find(local, '[part~="key-form"]')).to.equal(null);
    const remoteNoKey = await createChat((c) => {
      c.baseURL = 'https://api.example.test/v1';
      c.noKey = true;
    });
    expect(find(remoteNoKey, '[part~="key-form"]')).to.equal(null);
    const remote = await createChat((c) => (c.baseURL = 'https://api.example.test/v1'));
    expect(find(remote, '[part~="key-form"]')).not.to.equal(null);
    expect(find(remote, '.key-intro')?.textContent).to.contain('api.example.test');
    remote.apiKey = 'sk-from-page';
    await remote.updateComplete;
    expect(find(remote, '[part~="key-form"]')).to.equal(null);
  });
});
