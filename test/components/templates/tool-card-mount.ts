import { defaultChatStrings } from '../../../components/chat-strings.js';
import { html, render } from 'lit';
import {
  toolCardTemplate,
  type DecideToolCall,
} from '../../../components/templates/tool-card-template.js';
import { toolAgentChatStyles } from '../../../components/tool-agent-chat-styles.js';
import type { ToolCard } from '../../../components/transcript-entry.js';

/** A tool card with defaults for every field `overrides` leaves out. */
export function toolCard(overrides: Partial<ToolCard> = {}): ToolCard {
  const card: ToolCard = {
    key: '0:0',
    id: 'call_1',
    name: 'delete_file',
    argumentsText: '',
    argumentPieces: [],
    arguments: undefined,
    status: 'streaming',
    resultText: undefined,
    askingUser: false,
    ...overrides,
  };
  // A card given only its text streamed it in one piece.
  if (overrides.argumentPieces === undefined && card.argumentsText !== '')
    card.argumentPieces = [card.argumentsText];
  return card;
}

/** A card rendered into a shadow root styled like the element's, re-rendered with {@link MountedCard.show}. */
export interface MountedCard {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  /** Renders `card` (again) in place, as the element does on every change. */
  show(card: ToolCard): HTMLElement;
  remove(): void;
}

/** Mounts an empty card host on the page; `decide` receives Approve / Deny clicks. */
export function mountCard(decide: DecideToolCall = () => undefined): MountedCard {
  const host = document.createElement('div');
  host.className = 'card-host';
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  if (toolAgentChatStyles.styleSheet) root.adoptedStyleSheets = [toolAgentChatStyles.styleSheet];
  return {
    host,
    root,
    show(card) {
      // Inside .chat, as in the element, so the card gets the element's text colour and background.
      render(
        html`<div class="chat">${toolCardTemplate(card, decide, defaultChatStrings)}</div>`,
        root,
      );
      const element = root.querySelector<HTMLElement>('[part~="tool-card"]');
      if (!element) throw new Error('no card rendered');
      return element;
    },
    remove() {
      host.remove();
    },
  };
}

/** Every text node's data under `node`, in order (shadow roots of descendants not included). */
export function textData(node: Node): string {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let current = walker.nextNode(); current; current = walker.nextNode())
    text += (current as Text).data;
  return text;
}
