import { expect } from 'chai';
import { HTTPError, IncompleteStreamError } from '../../src/index.js';
import {
  recordingExhaustedCode,
  recordingFromSSE,
  replayFetch,
  sseEvent,
  type Recording,
} from '../../src/testing/index.js';
import { readBody } from '../helpers/index.js';
import { runTurn } from './recorded-turn.js';

const chunk = (delta: Record<string, unknown>, finish: string | null = null): string =>
  JSON.stringify({
    id: 'c1',
    object: 'chat.completion.chunk',
    model: 'm',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });

/** One text answer, its four events `gapMs` apart. */
function textRecording(gapMs: number): Recording {
  const data = [
    chunk({ role: 'assistant', content: 'The answer' }),
    chunk({ content: ' is 42.' }),
    chunk({}, 'stop'),
    '[DONE]',
  ];
  return {
    version: 1,
    exchanges: [
      {
        response: {
          status: 200,
          headers: { 'content-type': 'text/event-stream' },
          headersAfterMs: gapMs,
          events: data.map((text, index) => ({ atMs: index * gapMs, data: text })),
          endMs: 3 * gapMs,
          end: 'complete',
        },
      },
    ],
  };
}

const toolCallBody = [
  chunk({
    role: 'assistant',
    content: null,
    tool_calls: [
      {
        index: 0,
        id: 'call_1',
        type: 'function',
        function: { name: 'multiply', arguments: '{"a":6,"b":7}' },
      },
    ],
  }),
  chunk({}, 'tool_calls'),
  '[DONE]',
]
  .map(sseEvent)
  .join('');

async function timeToRead(recording: Recording, speed: number): Promise<number> {
  const replay = replayFetch(recording, { speed });
  const started = performance.now();
  await readBody(await replay.fetch('https://api.example.test/v1/chat/completions'));
  return performance.now() - started;
}

describe('replayFetch', () => {
  it('serves the recorded status, headers and events as a streamed Response', async () => {
    const replay = replayFetch(textRecording(0));
    const response = await replay.fetch('https://api.example.test/v1/chat/completions', {
      method: 'POST',
      body: '{"model":"m"}',
    });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('text/event-stream');
    expect(response.body).to.be.instanceOf(ReadableStream);
    const reads = await readBody(response);
    expect(reads).to.have.length(4);
    expect(new TextDecoder().decode(reads[3]!.bytes)).to.equal('data: [DONE]\n\n');
    expect(replay.requests[0]!.body).to.deep.equal({ model: 'm' });
  });

  it('takes at least the recorded time at speed 1', async () => {
    // 80 ms to the headers and 3 × 80 ms of events: setTimeout never fires early, so this bound holds.
    expect(await timeToRead(textRecording(80), 1)).to.be.at.least(300);
  });

  it('keeps the pacing at any factor: twice as slow takes at least twice as long', async () => {
    expect(await timeToRead(textRecording(40), 0.5)).to.be.at.least(300);
  });

  it('replays as fast as it can at speed Infinity', async () => {
    // Recorded over 4 s; without waiting it is done long before.
    expect(await timeToRead(textRecording(1000), Infinity)).to.be.below(2000);
  });

  it('runs a replayed turn through OpenAIChatAPI and the agent at any speed with the same chunks', async () => {
    const slow = await runTurn({ fetch: replayFetch(textRecording(10)).fetch });
    const fast = await runTurn({ fetch: replayFetch(textRecording(10), { speed: 8 }).fetch });
    expect(slow.text).to.equal('The answer is 42.');
    expect(fast.chunks).to.deep.equal(slow.chunks);
  });

  it('rejects a speed that is not above 0', () => {
    for (const speed of [0, -1, Number.NaN])
      expect(() => replayFetch(textRecording(1), { speed })).to.throw(RangeError, /above 0/);
  });

  it('stops mid-replay when the request is aborted, with the abort reason', async () => {
    const replay = replayFetch(textRecording(300));
    const stop = new AbortController();
    const reason = new DOMException('Stopped by the test.', 'AbortError');
    const started = performance.now();
    const outcome = await runTurn(
      { fetch: replay.fetch },
      { signal: stop.signal, onChunk: () => stop.abort(reason) },
    );
    expect(outcome.error).to.equal(reason);
    expect(outcome.text).to.equal('The answer');
    expect(replay.requests[0]!.aborted).to.equal(true);
    expect(performance.now() - started).to.be.below(900);
  });

  it('answers a request beyond the recorded ones with a clear HTTP 500 that is not retried', async () => {
    // The recording holds only the tool call; the agent runs the tool and asks again.
    const replay = replayFetch(
      recordingFromSSE(toolCallBody, { pacing: { headersAfterMs: 0, eventMs: 0 } }),
    );
    const outcome = await runTurn({ fetch: replay.fetch });
    expect(outcome.toolCalls).to.deep.equal([
      { name: 'multiply', arguments: { a: 6, b: 7 }, result: 42 },
    ]);
    expect(outcome.error)
      .to.be.instanceOf(HTTPError)
      .and.include({ status: 500, code: recordingExhaustedCode });
    expect((outcome.error as HTTPError).message).to.include(
      'The recording has 1 response, but request 2 (POST /v1/chat/completions) asked for another',
    );
    expect(replay.requests).to.have.length(2);
  });

  it('breaks the body where the recorded connection broke', async () => {
    const recording = textRecording(0);
    const [exchange] = recording.exchanges;
    const broken: Recording = {
      ...recording,
      exchanges: [
        {
          response: {
            ...exchange!.response,
            events: exchange!.response.events!.slice(0, 2),
            end: 'error',
          },
        },
      ],
    };
    const outcome = await runTurn({ fetch: replayFetch(broken).fetch });
    expect(outcome.error).to.be.instanceOf(IncompleteStreamError);
    expect(outcome.text).to.equal('The answer is 42.');
  });
});
