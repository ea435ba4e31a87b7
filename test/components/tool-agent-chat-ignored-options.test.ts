import { expect } from 'chai';
import { ChatToolAgent, OpenAIChatAPI } from '../../src/index.js';
import { createScriptedFetch, textReply } from '../../src/testing/index.js';
import { createChat, removeChats, waitIdle } from './chat-test-utils.js';

/** Records `console.warn` calls until restored. */
function recordWarnings(): { readonly warnings: string[]; restore(): void } {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  return { warnings, restore: () => (console.warn = warn) };
}

describe('<tool-agent-chat> options a custom agent or chatApi ignores', () => {
  let recorder: ReturnType<typeof recordWarnings>;
  beforeEach(() => (recorder = recordWarnings()));
  afterEach(() => {
    recorder.restore();
    removeChats();
  });

  const api = (): OpenAIChatAPI =>
    new OpenAIChatAPI({
      model: 'm',
      fetch: createScriptedFetch([textReply('one'), textReply('two')]).fetch,
    });

  it('warns once, naming the options an agent makes it ignore and why', async () => {
    const chat = await createChat((c) => {
      c.agent = new ChatToolAgent({ chatApi: api() });
      c.setAttribute('model', 'llama3.1');
      c.setAttribute('max-iterations', '3');
      c.setAttribute('timeout', '5000');
    });
    await chat.send('hi');
    await waitIdle(chat);
    await chat.send('again');
    await waitIdle(chat);
    const ours = recorder.warnings.filter((w) => w.includes('ignored'));
    expect(ours).to.have.length(1);
    expect(ours[0]).to.include('model').and.include('max-iterations').and.include('timeout');
    expect(ours[0]).to.include('agent is set');
    expect(ours[0]).not.to.include('base-url');
  });

  it('with chatApi, names the built-in API options but not max-iterations, which still applies', async () => {
    const chat = await createChat((c) => {
      c.chatApi = api();
      c.setAttribute('base-url', 'http://localhost:1234/v1');
      c.setAttribute('max-iterations', '3');
      c.setAttribute('max-retries', '0');
      c.fetch = globalThis.fetch;
    });
    await chat.send('hi');
    await waitIdle(chat);
    const ours = recorder.warnings.filter((w) => w.includes('ignored'));
    expect(ours).to.have.length(1);
    expect(ours[0]).to.include('base-url').and.include('max-retries').and.include('fetch');
    expect(ours[0]).to.include('chatApi is set');
    expect(ours[0]).not.to.include('max-iterations');
  });

  it('says nothing when nothing set is ignored', async () => {
    const withApi = await createChat((c) => {
      c.chatApi = api();
      c.setAttribute('max-iterations', '3');
    });
    await withApi.send('hi');
    await waitIdle(withApi);
    const builtIn = await createChat((c) => {
      c.fetch = createScriptedFetch([textReply('ok')]).fetch;
      c.setAttribute('model', 'llama3.1');
      c.setAttribute('timeout', '5000');
    });
    await builtIn.send('hi');
    await waitIdle(builtIn);
    expect(recorder.warnings.filter((w) => w.includes('ignored'))).to.deep.equal([]);
  });
});
