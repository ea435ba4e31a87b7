import { expect } from 'chai';
import { replyText, textReply } from '../../src/testing/index.js';
import { parseReplySSE, replyEvents } from '../helpers/index.js';

interface Chunk {
  id: string;
  object: string;
  model: string;
  usage?: unknown;
  choices: { index: number; delta: Record<string, unknown>; finish_reason: string | null }[];
}
const chunks = (reply: ReturnType<typeof textReply>): Chunk[] =>
  replyEvents(reply) as unknown as Chunk[];
const contentOf = (events: Chunk[]): string =>
  events.map((event) => (event.choices[0]?.delta['content'] as string | undefined) ?? '').join('');

describe('textReply', () => {
  it('streams a role chunk, one content delta per word, a stop chunk and [DONE]', () => {
    const reply = textReply('Hello brave  world');
    const events = chunks(reply);
    expect(events[0]!.choices[0]!.delta).to.deep.equal({ role: 'assistant', content: '' });
    expect(events.slice(1, -1).map((event) => event.choices[0]!.delta['content'])).to.deep.equal([
      'Hello',
      ' brave',
      '  world',
    ]);
    expect(events.at(-1)!.choices[0]).to.deep.equal({
      index: 0,
      delta: {},
      logprobs: null,
      finish_reason: 'stop',
    });
    expect(contentOf(events)).to.equal('Hello brave  world');
    expect(parseReplySSE(reply).at(-1)).to.equal('[DONE]');
  });

  it('sends one network chunk per event by default', () => {
    const reply = textReply(['a', 'b']);
    expect(reply.status).to.equal(200);
    expect(reply.chunks).to.have.length(5); // role, a, b, finish, [DONE]
    expect(
      reply.chunks!.every((chunk) => typeof chunk.text === 'string' && chunk.text.endsWith('\n\n')),
    ).to.equal(true);
  });

  it('uses an array of pieces as the exact deltas', () => {
    const events = chunks(textReply(['Hel', 'lo', '!']));
    expect(events.slice(1, -1).map((event) => event.choices[0]!.delta['content'])).to.deep.equal([
      'Hel',
      'lo',
      '!',
    ]);
  });

  it('shares an OpenAI-like envelope across chunks, with the model and id asked for', () => {
    const events = chunks(textReply('x', { model: 'my-model', id: 'chatcmpl-1' }));
    for (const event of events) {
      expect(event).to.include({
        id: 'chatcmpl-1',
        object: 'chat.completion.chunk',
        model: 'my-model',
      });
    }
    const [a, b] = [chunks(textReply('x')), chunks(textReply('x'))];
    expect(a[0]!.id).not.to.equal(b[0]!.id);
  });

  it('adds a usage chunk with choices [] and a summed total, and usage null elsewhere', () => {
    const events = chunks(textReply('Hi', { usage: { prompt_tokens: 5, completion_tokens: 2 } }));
    const last = events.at(-1)!;
    expect(last.choices).to.deep.equal([]);
    expect(last.usage).to.deep.equal({ prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 });
    expect(events.slice(0, -1).every((event) => event.usage === null)).to.equal(true);
  });

  it('streams reasoning before the answer in the field asked for', () => {
    const deepseek = chunks(textReply('Answer', { reasoning: ['Think', 'ing'] }));
    expect(deepseek.slice(1, 3).map((event) => event.choices[0]!.delta)).to.deep.equal([
      { reasoning_content: 'Think' },
      { reasoning_content: 'ing' },
    ]);
    const groq = chunks(textReply('Answer', { reasoning: 'Hmm ok', reasoningField: 'reasoning' }));
    expect(groq.slice(1, 3).map((event) => event.choices[0]!.delta)).to.deep.equal([
      { reasoning: 'Hmm' },
      { reasoning: ' ok' },
    ]);
  });

  it('can leave out the finish chunk and [DONE] to script a truncated stream', () => {
    const reply = textReply('cut', { finishReason: null, done: false });
    const events = parseReplySSE(reply);
    expect(events).not.to.include('[DONE]');
    expect(chunks(reply).every((event) => event.choices[0]!.finish_reason === null)).to.equal(true);
  });

  it('uses the finish reason asked for', () => {
    expect(
      chunks(textReply('x', { finishReason: 'length' })).at(-1)!.choices[0]!.finish_reason,
    ).to.equal('length');
  });

  it('re-cuts the body when asked, keeping the same bytes and events', () => {
    const plain = textReply('Grüße, 世界 😀', { id: 'same', model: 'm' });
    const cut = textReply('Grüße, 世界 😀', { id: 'same', model: 'm', split: 'bytes', delayMs: 1 });
    const normalise = (events: string[]): string[] =>
      events.map((data) => data.replace(/"created":\d+/u, ''));
    expect(normalise(parseReplySSE(cut))).to.deep.equal(normalise(parseReplySSE(plain)));
    expect(cut.chunks!.length).to.equal(new TextEncoder().encode(replyText(cut)).length);
    expect(cut.chunks!.every((chunk) => chunk.delayMs === 1)).to.equal(true);
  });

  it('passes extra headers and dropAfterChunks through', () => {
    const reply = textReply('x', { headers: { 'x-request-id': 'r1' }, dropAfterChunks: true });
    expect(reply.headers).to.deep.equal({ 'x-request-id': 'r1' });
    expect(reply.dropAfterChunks).to.equal(true);
  });
});
