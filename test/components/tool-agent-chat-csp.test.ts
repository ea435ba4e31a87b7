import { expect } from 'chai';
import { textReply, toolCallReply } from '../../src/testing/index.js';
import { mockServer } from '../helpers/index.js';
import { loadPage, removeFrames } from './page-frame.js';
import { waitFor } from './chat-test-utils.js';
import { imageFile } from './attachments/test-files.js';

describe('<tool-agent-chat> under a strict Content Security Policy', () => {
  afterEach(removeFrames);

  it('streams, renders markdown, runs tools and asks for approval with no violation', async () => {
    const mock = await mockServer.script([
      toolCallReply([{ id: 'call_add', name: 'add', arguments: { a: 2, b: 3 } }]),
      toolCallReply([{ id: 'call_wipe', name: 'wipe', arguments: {} }]),
      textReply(['2 + 3 = **5**, see ', '[docs](https://example.com/docs).'], {
        reasoning: 'Add, then ask.',
      }),
    ]);
    const { window: page, chat } = await loadPage(
      `/test/pages/csp.html?base=${encodeURIComponent(mock.baseURL)}`,
    );
    const shadow = chat.shadowRoot!;
    const done = chat.send('What is 2 + 3?');
    const approve = await waitFor(
      () => shadow.querySelector<HTMLButtonElement>('[part~="approve-button"]'),
      'the approval prompt',
    );
    approve.click();
    const response = await done;
    expect(response?.response).to.equal('2 + 3 = **5**, see [docs](https://example.com/docs).');
    await chat.updateComplete;
    expect(shadow.querySelector('[part~="assistant-message"] strong')?.textContent).to.equal('5');
    expect(shadow.querySelector<HTMLAnchorElement>('[part~="assistant-message"] a')?.href).to.equal(
      'https://example.com/docs',
    );
    expect(
      [...shadow.querySelectorAll<HTMLElement>('[part~="tool-card"]')].map(
        (card) => card.dataset['status'],
      ),
    ).to.deep.equal(['done', 'done']);
    expect(shadow.querySelector('details[part~="reasoning"]')?.textContent).to.contain(
      'Add, then ask.',
    );
    // Lit's styles arrive as constructed stylesheets, which style-src 'self' allows.
    expect(getComputedStyle(shadow.querySelector('.chat')!).display).to.equal('flex');
    expect(page['cspViolations']).to.deep.equal([]);

    // The policy is really in force: eval and raw HTML sinks are refused.
    expect(() => (page as unknown as { eval(code: string): unknown }).eval('1 + 1')).to.throw();
    expect(() => {
      page.document.body.innerHTML = '<b>raw</b>';
    }).to.throw(/TrustedHTML/);
  });

  it('attaches, downscales, sends and shows images with img-src data: as the only addition', async () => {
    const mock = await mockServer.script([textReply('A picture.')]);
    const { window: page, chat } = await loadPage(
      `/test/pages/csp-attachments.html?base=${encodeURIComponent(mock.baseURL)}`,
    );
    const shadow = chat.shadowRoot!;
    const input = await waitFor(
      () => shadow.querySelector<HTMLInputElement>('input[type="file"]'),
      'the file input',
    );
    // Files made in the page's own realm, as its picker would hand them over.
    const file = await imageFile(2000, 1000, { name: 'wide.png' });
    const realm = page as unknown as typeof globalThis;
    const files = new realm.DataTransfer();
    files.items.add(new realm.File([file], file.name, { type: file.type }));
    files.items.add(new realm.File(['# Notes'], 'notes.md'));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await waitFor(
      () => shadow.querySelectorAll('[part~="attachment"][data-state="ready"]').length === 2,
      'the files',
    );
    const thumbnail = shadow.querySelector<HTMLImageElement>('[part~="attachment"] img')!;
    await waitFor(() => thumbnail.complete && thumbnail.naturalWidth > 0, 'the thumbnail');
    expect(shadow.querySelector('[part~="attachment-note"]')?.textContent).to.equal(
      'Resized to 1568×784 (from 2000×1000)',
    );
    const textarea = shadow.querySelector<HTMLTextAreaElement>('[part~="input"]')!;
    textarea.value = 'What is it?';
    shadow.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    const shown = await waitFor(
      () =>
        shadow.querySelector<HTMLImageElement>(
          '[part~="user-message"] [part~="attachment-image"] img',
        ),
      'the image in the transcript',
    );
    await waitFor(() => shown.complete && shown.naturalWidth === 1568, 'the image to display');
    await waitFor(() => !chat.running, 'the answer');
    const [request] = await mock.requests();
    expect(JSON.stringify(request?.body)).to.contain('data:image/jpeg;base64,');
    expect(page['cspViolations']).to.deep.equal([]);
  });
});
