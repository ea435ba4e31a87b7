import { expect } from 'chai';
import { createScriptedFetch, textReply } from '../../src/testing/index.js';
import { checkAxeThenRemoveChats, createChat, find, waitFor } from './chat-test-utils.js';

const answer =
  'Here:\n\n```ts\nconst x = 1; // one\n```\n\nAnd $e^{i\\pi} + 1 = 0$ costs $5 and $10.\n';

describe('<tool-agent-chat> highlight and math', () => {
  afterEach(checkAxeThenRemoveChats);

  it('highlights code and typesets math by default, keeping currency as text', async () => {
    const { fetch } = createScriptedFetch([textReply(answer)]);
    const chat = await createChat((c) => {
      c.fetch = fetch;
    });
    expect([chat.highlight, chat.math]).to.deep.equal([true, true]);
    await chat.send('Show me');
    await waitFor(() => find(chat, 'code span.hljs-keyword'), 'highlighted code', 20_000);
    await waitFor(() => find(chat, '.math-inline math'), 'typeset math', 20_000);
    expect(find(chat, '[part~="assistant-message"]')?.textContent).to.contain('$5 and $10');
  });

  it('leaves code and math as text with highlight="off" and math="false"', async () => {
    const { fetch } = createScriptedFetch([textReply(answer)]);
    const chat = await createChat((c) => {
      c.fetch = fetch;
      c.setAttribute('highlight', 'off');
      c.setAttribute('math', 'false');
    });
    expect([chat.highlight, chat.math]).to.deep.equal([false, false]);
    await chat.send('Show me');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(find(chat, 'code span[class^="hljs-"]')).to.equal(null);
    expect(find(chat, 'math')).to.equal(null);
    expect(find(chat, '[part~="assistant-message"]')?.textContent).to.contain(
      '$e^{i\\pi} + 1 = 0$',
    );
  });
});
