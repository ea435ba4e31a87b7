import type { ToolAgentChat } from '../../components/index.js';
import { waitFor } from './chat-test-utils.js';

/** A test page loaded in an iframe of the test document (same origin, its own realm and registry). */
export interface PageFrame {
  readonly frame: HTMLIFrameElement;
  readonly window: Window & Record<string, unknown>;
  readonly chat: ToolAgentChat;
}

/** Loads `url` in an iframe and waits until its script sets `window.pageReady`. */
export async function loadPage(url: string): Promise<PageFrame> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '600px';
  frame.src = url;
  document.body.append(frame);
  const win = await waitFor(
    () => {
      const current = frame.contentWindow as (Window & Record<string, unknown>) | null;
      return current?.['pageReady'] === true ? current : undefined;
    },
    `${url} to be ready`,
    30_000,
  );
  const chat = await waitFor(
    () => win.document.querySelector('tool-agent-chat'),
    'the element in the page',
  );
  await chat.updateComplete;
  return { frame, window: win, chat };
}

/** Removes every test iframe. */
export function removeFrames(): void {
  for (const frame of document.querySelectorAll('iframe')) frame.remove();
}
