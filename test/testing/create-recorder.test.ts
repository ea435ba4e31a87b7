import { expect } from 'chai';
import {
  createRecorder,
  errorReply,
  parseRecording,
  recordingReplies,
  replayFetch,
  textReply,
  toolCallReply,
  type RecordedEvent,
} from '../../src/testing/index.js';
import { HTTPError } from '../../src/index.js';
import { mockServer } from '../helpers/index.js';
import { runTurn } from './recorded-turn.js';

const apiKey = 'sk-recorder-SECRET-0123456789';

/** A tool round on the HTTP mock server: a multiply call, then the answer, each event after a pause. */
const toolRound = () => [
  toolCallReply([{ id: 'call_1', name: 'multiply', arguments: { a: 6, b: 7 } }], {
    delayMs: 20,
    headers: { 'x-request-id': 'req_1', 'set-cookie': 'session=1' },
  }),
  textReply('6 times 7 is **42**.', {
    delayMs: 20,
    usage: { prompt_tokens: 9, completion_tokens: 8 },
  }),
];

const dataOf = (events: readonly RecordedEvent[] | undefined): string[] =>
  (events ?? []).flatMap((event) => (event.data === undefined ? [] : [event.data]));

describe('createRecorder', () => {
  it('records every request of a tool round over real HTTP, with status, headers, timed events and the chunks', async () => {
    const script = await mockServer.script(toolRound());
    const recorder = createRecorder();
    const live = await runTurn(
      { baseURL: script.baseURL, fetch: recorder.fetch },
      { apiKey, wrap: (chunks) => recorder.recordChunks(chunks) },
    );
    expect(live.error).to.equal(undefined);
    expect(live.text).to.equal('6 times 7 is **42**.');
    const recording = await recorder.recording({ title: 'A tool round', source: 'mock server' });

    expect(recording).to.include({ version: 1, title: 'A tool round', source: 'mock server' });
    expect(recording.exchanges).to.have.length(2);
    const [first, second] = recording.exchanges;
    expect(first!.request!.method).to.equal('POST');
    expect(first!.request!.url).to.equal(`${script.baseURL}/chat/completions`);
    expect((first!.request!.body as { messages: unknown[] }).messages).to.have.length(1);
    expect((second!.request!.body as { messages: unknown[] }).messages).to.have.length(3);
    expect(first!.response.status).to.equal(200);
    expect(first!.response.end).to.be.oneOf(['complete', 'cancelled']);
    expect(dataOf(first!.response.events).at(-1)).to.equal('[DONE]');
    expect(dataOf(second!.response.events).join('')).to.include('**42**');
    // Only the exposed headers worth keeping: never cookies (the browser hides them anyway).
    expect(first!.response.headers['content-type']).to.equal('text/event-stream');
    expect(first!.response.headers).not.to.have.property('set-cookie');

    // Each event came 20 ms after the one before; only a lower bound is reliable on a busy machine.
    const events = first!.response.events!;
    expect(events.at(-1)!.atMs).to.be.at.least(0.5 * 20 * (events.length - 1));
    for (let i = 1; i < events.length; i++)
      expect(events[i]!.atMs).to.be.at.least(events[i - 1]!.atMs);

    expect(recording.chunks!.map((chunk) => chunk.type).at(-1)).to.equal('finish');
    expect(recording.chunks).to.have.length(live.chunks.length);
    // The key went out in a header; headers are never recorded.
    expect(JSON.stringify(recording)).not.to.include(apiKey);
  });

  it('keeps the headers it is told to keep, as the server exposed them', async () => {
    const script = await mockServer.script([textReply('Hi', { headers: { 'x-trace': 't-1' } })]);
    const recorder = createRecorder({ keepHeaders: ['X-Trace'], requestBodies: false });
    await runTurn({ baseURL: script.baseURL, fetch: recorder.fetch });
    const [exchange] = (await recorder.recording()).exchanges;
    expect(exchange!.response.headers['x-trace']).to.equal('t-1');
    expect(exchange!.request).not.to.have.property('body');
  });

  it('records a turn whose JSON replays through the real parser and agent with the same chunks, text and tool calls', async () => {
    const script = await mockServer.script(toolRound());
    const recorder = createRecorder();
    const live = await runTurn({ baseURL: script.baseURL, fetch: recorder.fetch });
    const saved = JSON.stringify(await recorder.recording());

    const replay = replayFetch(parseRecording(saved), { speed: Infinity });
    const replayed = await runTurn({ fetch: replay.fetch });
    expect(replayed.error).to.equal(undefined);
    expect(replayed.chunks).to.deep.equal(live.chunks);
    expect(replayed.text).to.equal(live.text);
    expect(replayed.toolCalls).to.deep.equal([
      { name: 'multiply', arguments: { a: 6, b: 7 }, result: 42 },
    ]);
    expect(replay.requests).to.have.length(2);
  });

  it('replays a recording over real HTTP too, through the mock server', async () => {
    const recorder = createRecorder();
    const live = await runTurn({
      baseURL: (await mockServer.script(toolRound())).baseURL,
      fetch: recorder.fetch,
    });
    const replies = recordingReplies(await recorder.recording(), { speed: 10 });
    const replayed = await runTurn({ baseURL: (await mockServer.script(replies)).baseURL });
    expect(replayed.chunks).to.deep.equal(live.chunks);
  });

  it('records an HTTP error as its status and body, and the replay fails the same way', async () => {
    const script = await mockServer.script([
      errorReply(400, 'Unknown model.', { code: 'model_not_found' }),
    ]);
    const recorder = createRecorder();
    const live = await runTurn({ baseURL: script.baseURL, fetch: recorder.fetch });
    const [exchange] = (await recorder.recording()).exchanges;
    expect(exchange!.response.status).to.equal(400);
    expect(exchange!.response.events).to.equal(undefined);
    expect(JSON.parse(exchange!.response.body!)).to.deep.include({
      error: {
        message: 'Unknown model.',
        type: 'invalid_request_error',
        param: null,
        code: 'model_not_found',
      },
    });
    const replayed = await runTurn({ fetch: replayFetch(await recorder.recording()).fetch });
    for (const error of [live.error, replayed.error])
      expect(error).to.be.instanceOf(HTTPError).and.include({
        status: 400,
        providerMessage: 'Unknown model.',
        code: 'model_not_found',
      });
  });

  it('marks a body the client stopped reading as cancelled, keeping what arrived', async () => {
    const script = await mockServer.script([
      textReply('one two three four five six', { delayMs: 40 }),
    ]);
    const recorder = createRecorder();
    const stop = new AbortController();
    const live = await runTurn(
      { baseURL: script.baseURL, fetch: recorder.fetch },
      { signal: stop.signal, onChunk: (chunk) => chunk.chunk.includes('two') && stop.abort() },
    );
    expect(live.error).to.be.instanceOf(DOMException);
    const [exchange] = (await recorder.recording()).exchanges;
    expect(exchange!.response.end).to.equal('cancelled');
    expect(dataOf(exchange!.response.events).join('')).to.include('two');
    expect(dataOf(exchange!.response.events)).not.to.include('[DONE]');
  });

  it('stamps each event with the clock at the read that completed it', async () => {
    let clock = 1000;
    const encoder = new TextEncoder();
    let push: ((text: string) => void) | undefined;
    let close: (() => void) | undefined;
    const inner = async (): Promise<Response> => {
      clock += 150;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          push = (text) => controller.enqueue(encoder.encode(text));
          close = () => controller.close();
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    };
    const recorder = createRecorder({ fetch: inner, now: () => clock });
    const response = await recorder.fetch('https://api.example.test/v1/chat/completions?key=k', {
      method: 'POST',
      body: '{"model":"m"}',
    });
    const reader = response.body!.getReader();
    clock += 40;
    push!('data: a\n\ndata: b\n');
    await reader.read();
    clock += 60;
    push!('\n: keep-alive\n\nevent: error\ndata: {"x":1}\n\n');
    await reader.read();
    clock += 5;
    close!();
    await reader.read();
    const recording = await recorder.recording({ recordedAt: '2025-01-01T00:00:00.000Z' });
    expect(recording).to.deep.equal({
      version: 1,
      recordedAt: '2025-01-01T00:00:00.000Z',
      exchanges: [
        {
          request: {
            method: 'POST',
            url: 'https://api.example.test/v1/chat/completions',
            body: { model: 'm' },
          },
          response: {
            status: 200,
            headers: { 'content-type': 'text/event-stream' },
            headersAfterMs: 150,
            events: [
              { atMs: 40, data: 'a' },
              { atMs: 100, data: 'b' },
              { atMs: 100, comment: 'keep-alive' },
              { atMs: 100, data: '{"x":1}', event: 'error' },
            ],
            endMs: 105,
            end: 'complete',
          },
        },
      ],
    });
  });

  it('leaves out a request that failed before any response, so a replay serves the retry', async () => {
    let calls = 0;
    const inner = async (): Promise<Response> => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch');
      return new Response('data: [DONE]\n\n', { headers: { 'content-type': 'text/event-stream' } });
    };
    const recorder = createRecorder({ fetch: inner });
    await recorder.fetch('https://api.example.test/').catch(() => undefined);
    await (await recorder.fetch('https://api.example.test/')).text();
    const { exchanges } = await recorder.recording();
    expect(exchanges).to.have.length(1);
    expect(exchanges[0]!.response.events).to.deep.equal([
      { atMs: exchanges[0]!.response.events![0]!.atMs, data: '[DONE]' },
    ]);
  });
});
