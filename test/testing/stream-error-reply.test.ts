import { expect } from 'chai';
import { streamErrorReply } from '../../src/testing/index.js';
import { parseReplySSE } from '../helpers/index.js';

describe('streamErrorReply', () => {
  it('streams text, then an error event, and no [DONE], as OpenAI does mid-stream', () => {
    const events = parseReplySSE(
      streamErrorReply('The server had an error', { text: 'Partial', code: 500 }),
    );
    expect(events).not.to.include('[DONE]');
    expect(JSON.parse(events.at(-1)!)).to.deep.equal({
      error: { message: 'The server had an error', type: 'server_error', code: 500 },
    });
    const content = events
      .slice(0, -1)
      .map(
        (data) =>
          (JSON.parse(data) as { choices: { delta: { content?: string } }[] }).choices[0]!.delta
            .content,
      );
    expect(content).to.deep.equal(['', 'Partial']);
  });

  it('can end with [DONE] after the error, as llama.cpp does', () => {
    expect(parseReplySSE(streamErrorReply('boom', { done: true })).at(-1)).to.equal('[DONE]');
  });
});
