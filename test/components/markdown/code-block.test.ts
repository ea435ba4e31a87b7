import { expect } from 'chai';
import { renderChunks } from './render-helpers.js';

type WriteText = (text: string) => Promise<void>;

/** Replaces `navigator.clipboard` for one test; returns the restore function. */
function stubClipboard(writeText: WriteText | undefined): () => void {
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    get: () => (writeText === undefined ? undefined : { writeText }),
  });
  return () => {
    Reflect.deleteProperty(navigator, 'clipboard');
  };
}

async function nextTask(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('fenced code blocks', () => {
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
    document.body.replaceChildren();
  });

  it('carry a language class and an accessible copy button', async () => {
    const container = await renderChunks(['```ts\nlet a = 1;\n```']);
    expect(container.querySelector('pre > code')?.className).to.equal('language-ts');
    const button = container.querySelector('button')!;
    expect(button.getAttribute('part')).to.equal('copy-button');
    expect(button.getAttribute('aria-label')).to.equal('Copy code');
    expect(button.type).to.equal('button');
  });

  it('name the language by the first word of the info string, as an inert class (as CommonMark says)', async () => {
    const container = await renderChunks(['```a"b c\nx\n```\n\n``` f&ouml;&ouml; x\ny\n```']);
    const codes = container.querySelectorAll('code');
    expect(codes[0]!.className).to.equal('language-a"b');
    expect(codes[1]!.className).to.equal('language-föö');
  });

  it('copy the code text with the Clipboard API', async () => {
    const copied: string[] = [];
    restore = stubClipboard(async (text) => {
      copied.push(text);
    });
    const container = await renderChunks(['```\nline 1\n<b>line 2</b>\n```']);
    container.querySelector('button')!.click();
    await nextTask();
    expect(copied).to.deep.equal(['line 1\n<b>line 2</b>\n']);
    expect(container.querySelector('button')!.textContent).to.equal('Copied');
  });

  it('fall back to selecting the code and execCommand when the Clipboard API refuses', async () => {
    restore = stubClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    const selected: string[] = [];
    document.execCommand = (command: string): boolean => {
      selected.push(`${command}:${getSelection()?.toString() ?? ''}`);
      return true;
    };
    try {
      const container = await renderChunks(['```\nfallback text\n```']);
      container.querySelector('button')!.click();
      await nextTask();
      // Selection.toString() may drop the final newline of a <pre>.
      expect(selected).to.have.length(1);
      expect(selected[0]).to.match(/^copy:fallback text\n?$/);
      expect(container.querySelector('button')!.textContent).to.equal('Copied');
    } finally {
      Reflect.deleteProperty(document, 'execCommand');
    }
  });

  it('fall back when there is no Clipboard API at all', async () => {
    restore = stubClipboard(undefined);
    document.execCommand = (): boolean => false;
    try {
      const container = await renderChunks(['```\nx\n```']);
      container.querySelector('button')!.click();
      await nextTask();
      expect(container.querySelector('button')!.textContent).to.equal('Copy failed');
    } finally {
      Reflect.deleteProperty(document, 'execCommand');
    }
  });
});
