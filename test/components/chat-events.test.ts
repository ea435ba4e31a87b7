import { expect } from 'chai';
import {
  ToolAgentErrorEvent,
  ToolAgentSubmitEvent,
  ToolAgentToolCallEvent,
} from '../../components/chat-events.js';

describe('chat events', () => {
  it('bubble out of shadow roots', () => {
    for (const event of [
      new ToolAgentSubmitEvent({ text: 'x', attachments: [] }),
      new ToolAgentErrorEvent({ error: new Error('e') }),
    ]) {
      expect(event.bubbles && event.composed).to.equal(true);
    }
    expect(new ToolAgentSubmitEvent({ text: 'x', attachments: [] }).type).to.equal(
      'tool-agent-submit',
    );
    expect(new ToolAgentErrorEvent({ error: 1 }).cancelable).to.equal(false);
  });

  it('tool-call: respondWith records the decision once and cancels the event', () => {
    const target = new EventTarget();
    const event = new ToolAgentToolCallEvent({
      step: 0,
      index: 0,
      id: 'c',
      name: 't',
      arguments: {},
    });
    target.addEventListener('tool-agent-tool-call', (e) =>
      (e as ToolAgentToolCallEvent).respondWith({ approved: false, reason: 'no' }),
    );
    expect(target.dispatchEvent(event)).to.equal(false);
    expect(event.responded).to.equal(true);
    expect(event.response).to.deep.equal({ approved: false, reason: 'no' });
    expect(() => event.respondWith(true)).to.throw(DOMException, /already/);
  });

  it('tool-call: preventDefault alone cancels without a response', () => {
    const event = new ToolAgentToolCallEvent({
      step: 0,
      index: 0,
      id: 'c',
      name: 't',
      arguments: {},
    });
    const target = new EventTarget();
    target.addEventListener('tool-agent-tool-call', (e) => e.preventDefault());
    expect(target.dispatchEvent(event)).to.equal(false);
    expect(event.responded).to.equal(false);
    expect(event.response).to.equal(undefined);
  });
});
