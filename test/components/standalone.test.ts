import { expect } from 'chai';
import { textReply, toolCallReply } from '../../src/testing/index.js';
import { mockServer } from '../helpers/index.js';
import { loadPage, removeFrames } from './page-frame.js';

async function runPage(url: string): Promise<void> {
  const mock = await mockServer.script([
    toolCallReply([{ id: 'call_add', name: 'add', arguments: { a: 20, b: 22 } }]),
    textReply('The sum is 42.'),
  ]);
  const { window: page, chat } = await loadPage(`${url}?base=${encodeURIComponent(mock.baseURL)}`);
  expect(page['standaloneExports']).to.deep.equal({
    ChatToolAgent: 'function',
    OpenAIChatAPI: 'function',
    z: 'function',
  });
  const response = await chat.send('20 + 22?');
  expect(response?.response).to.equal('The sum is 42.');
  await chat.updateComplete;
  const card = chat.shadowRoot!.querySelector('[part~="tool-card"]');
  expect(card?.querySelector('[part~="tool-result"] pre')?.textContent).to.equal('42');
  expect(chat.shadowRoot!.querySelector('[part~="heading"]')?.textContent).to.equal('Standalone');
}

describe('standalone entry on a plain HTML page', () => {
  afterEach(removeFrames);

  it('works from the built bundle dist/tool-agents.standalone.js', async function () {
    const built = await fetch('/dist/tool-agents.standalone.js', {
      method: 'HEAD',
      cache: 'no-store',
    });
    // `npm run build` makes it (CI builds before testing); a bare `wtr` run right after a clone may not have it.
    if (!built.ok) this.skip();
    await runPage('/test/pages/standalone.html');
  });

  it('works from components/standalone.ts compiled on the fly', async () => {
    await runPage('/test/pages/standalone-source.html');
  });
});
