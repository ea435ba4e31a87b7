import { expect } from 'chai';
import { render } from 'lit';
import { defaultChatStrings } from '../../../components/chat-strings.js';
import { entryTemplate } from '../../../components/templates/message-template.js';
import type { AssistantBlock, AssistantEntry } from '../../../components/transcript-entry.js';

const noop = (): void => undefined;
const actions = {
  decide: noop,
  retryFor: () => undefined,
  copy: noop,
  edit: noop,
  cancelEdit: noop,
  submitEdit: noop,
  regenerate: noop,
  select: noop,
};
const controls = {
  branch: undefined,
  busy: false,
  editing: false,
  copied: undefined,
  showUsage: false,
};

function textBlock(streaming: boolean): AssistantBlock {
  return {
    kind: 'text',
    key: 'text',
    step: 0,
    container: document.createElement('div'),
    writer: { append: () => undefined, end: () => undefined },
    text: 'Hello',
    streaming,
  };
}

function dotsShown(
  blocks: AssistantBlock[],
  state: AssistantEntry['state'] = 'streaming',
): boolean {
  const entry: AssistantEntry = {
    kind: 'assistant',
    key: 'turn',
    state,
    blocks,
    revision: 0,
    error: undefined,
    usage: undefined,
  };
  const host = document.createElement('div');
  render(entryTemplate(entry, controls, actions, defaultChatStrings), host);
  return host.querySelector('[part~="typing-indicator"]') !== null;
}

describe('entryTemplate typing dots', () => {
  it('shows them while an answer is awaited, before its first token or after its text ended', () => {
    expect(dotsShown([])).to.equal(true);
    expect(dotsShown([textBlock(false)])).to.equal(true);
  });

  it('hides them while text streams (the text is the progress) and once the turn is over', () => {
    expect(dotsShown([textBlock(true)])).to.equal(false);
    expect(dotsShown([textBlock(false)], 'done')).to.equal(false);
  });
});
