import { expect } from 'chai';
import { ChatMessage, ChatToolAgent, OpenAIChatAPI } from '../../src/index.js';
import { recordingFromSSE, sseEvents } from '../../src/testing/index.js';
import { sessionFetch } from '../../demo/replay/session-fetch.js';

const answer = sseEvents([
  { choices: [{ index: 0, delta: { content: 'Recorded answer.' }, finish_reason: 'stop' }] },
]);

describe('sessionFetch (demo replay)', () => {
  it('replays the recording from its start on every new turn', async () => {
    const fetch = sessionFetch(recordingFromSSE(answer, { pacing: { eventMs: 0 } }), Infinity);
    const agent = new ChatToolAgent({ chatApi: new OpenAIChatAPI({ model: 'm', fetch }) });
    const first = await agent.getResponse({ messages: [ChatMessage.createUserMessage('one')] });
    const second = await agent.getResponse({
      messages: [
        ChatMessage.createUserMessage('one'),
        ...first.messages,
        ChatMessage.createUserMessage('two'),
      ],
    });
    expect([first.response, second.response]).to.deep.equal([
      'Recorded answer.',
      'Recorded answer.',
    ]);
  });
});
