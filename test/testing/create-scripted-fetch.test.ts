import { expect } from 'chai';
import {
  createScriptedFetch,
  errorReply,
  noScriptedReplyCode,
  textReply,
} from '../../src/testing/index.js';
import type { ScriptedReply } from '../../src/testing/index.js';
import { decodeReads, parseSSE, readBody, readBodySettled } from '../helpers/index.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const chatURL = 'https://api.example.test/v1/chat/completions';

describe('createScriptedFetch', () => {
  it('answers with the scripted status, default SSE content-type and body', async () => {
    const { fetch } = createScriptedFetch([textReply('Hello there')]);
    const response = await fetch(chatURL, { method: 'POST', body: '{}' });
    expect(response.status).to.equal(200);
    expect(response.statusText).to.equal('OK');
    expect(response.headers.get('content-type')).to.equal('text/event-stream');
    const events = parseSSE((await readBody(response)).map((read) => read.bytes));
    expect(events.at(-1)).to.equal('[DONE]');
    const text = events
      .slice(0, -1)
      .map(
        (data) =>
          (JSON.parse(data) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta
            .content ?? '',
      )
      .join('');
    expect(text).to.equal('Hello there');
  });

  it('defaults content-type to application/json for other statuses and keeps scripted headers', async () => {
    const { fetch } = createScriptedFetch([
      errorReply(429, 'slow down', { retryAfter: 3 }),
      { status: 201, headers: { 'X-Custom': 'yes' } },
    ]);
    const limited = await fetch(chatURL);
    expect(limited.status).to.equal(429);
    expect(limited.statusText).to.equal('Too Many Requests');
    expect(limited.headers.get('content-type')).to.equal('application/json');
    expect(limited.headers.get('retry-after')).to.equal('3');
    expect(await limited.json()).to.deep.equal({
      error: { message: 'slow down', type: 'rate_limit_error', param: null, code: null },
    });
    const created = await fetch(chatURL);
    expect(created.headers.get('content-type')).to.equal('application/json');
    expect(created.headers.get('x-custom')).to.equal('yes');
    expect(await created.text()).to.equal('');
  });

  it('delivers each chunk as its own read, after its delay', async () => {
    const { fetch } = createScriptedFetch([
      {
        chunks: [
          { text: 'first' },
          { text: 'second', delayMs: 150 },
          { text: '' },
          { text: 'third' },
        ],
      },
    ]);
    const reads = await readBody(await fetch(chatURL));
    expect(reads.map((read) => new TextDecoder().decode(read.bytes))).to.deep.equal([
      'first',
      'second',
      'third',
    ]);
    expect(reads[1]!.at - reads[0]!.at).to.be.at.least(120);
  });

  it('delivers base64 chunks as exact bytes, even when they cut a character in two', async () => {
    const euro = new TextEncoder().encode('€'); // e2 82 ac
    const { fetch } = createScriptedFetch([
      {
        chunks: [
          { base64: btoa(String.fromCharCode(euro[0]!)) },
          { base64: btoa(String.fromCharCode(euro[1]!, euro[2]!)) },
        ],
      },
    ]);
    const reads = await readBody(await fetch(chatURL));
    expect(reads.map((read) => Array.from(read.bytes))).to.deep.equal([[0xe2], [0x82, 0xac]]);
    expect(decodeReads(reads)).to.equal('€');
  });

  it('records the absolute URL, path, method, lower-case headers and JSON body of each request', async () => {
    const { fetch, requests } = createScriptedFetch([textReply('a'), textReply('b')]);
    await fetch('/relative/v1/chat/completions', {
      method: 'POST',
      headers: { Authorization: 'Bearer sk-test', 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'm', stream: true }),
    });
    await fetch(new Request(chatURL, { method: 'PUT', body: 'not json' }));
    expect(requests).to.have.length(2);
    expect(requests[0]).to.deep.equal({
      url: `${location.origin}/relative/v1/chat/completions`,
      path: '/relative/v1/chat/completions',
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: { model: 'm', stream: true },
      aborted: false,
    });
    expect(requests[1]!.method).to.equal('PUT');
    expect(requests[1]!.body).to.equal('not json');
  });

  it('records a request without a body as undefined', async () => {
    const { fetch, requests } = createScriptedFetch([{ status: 200, chunks: [] }]);
    await fetch(new URL(chatURL));
    expect(requests[0]!.method).to.equal('GET');
    expect(requests[0]!.body).to.equal(undefined);
  });

  it('answers HTTP 500 with a no_scripted_reply error once the replies run out, still recording', async () => {
    const { fetch, requests } = createScriptedFetch([textReply('only one')]);
    await (await fetch(chatURL, { method: 'POST' })).text();
    const response = await fetch(chatURL, { method: 'POST' });
    expect(response.status).to.equal(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).to.equal(noScriptedReplyCode);
    expect(body.error.message)
      .to.contain('request 2 (POST /v1/chat/completions)')
      .and.contain('1 reply');
    expect(requests).to.have.length(2);
  });

  it('asks a reply function with the recorded request and its index', async () => {
    const seen: [unknown, number][] = [];
    const { fetch } = createScriptedFetch(async (request, index) => {
      seen.push([request.body, index]);
      return textReply(`reply ${index}`);
    });
    await (await fetch(chatURL, { method: 'POST', body: '{"n":1}' })).text();
    await (await fetch(chatURL, { method: 'POST', body: '{"n":2}' })).text();
    expect(seen).to.deep.equal([
      [{ n: 1 }, 0],
      [{ n: 2 }, 1],
    ]);
  });

  it('rejects with the error a reply function throws', async () => {
    const failure = new Error('script bug');
    const { fetch } = createScriptedFetch(() => Promise.reject(failure));
    expect(await rejection(fetch(chatURL))).to.equal(failure);
  });

  it('rejects a reply that sets both text and base64, or an impossible status', async () => {
    const both = { chunks: [{ text: 'a', base64: 'YQ==' }] } as unknown as ScriptedReply;
    const { fetch } = createScriptedFetch([both, { status: 99 }]);
    const first = await rejection(fetch(chatURL));
    expect(first).to.be.instanceOf(TypeError);
    expect((first as Error).message).to.contain('both text and base64');
    expect(await rejection(fetch(chatURL))).to.be.instanceOf(RangeError);
  });

  it('rejects with TypeError("Failed to fetch") for a networkError reply', async () => {
    const { fetch, requests } = createScriptedFetch([{ networkError: true }, textReply('after')]);
    const error = await rejection(fetch(chatURL, { method: 'POST' }));
    expect(error).to.be.instanceOf(TypeError);
    expect((error as Error).message).to.equal('Failed to fetch');
    expect(requests).to.have.length(1);
    expect((await fetch(chatURL)).status).to.equal(200);
  });

  it('delivers the chunks, then errors the body with a TypeError for dropAfterChunks', async () => {
    const { fetch, requests } = createScriptedFetch([
      { chunks: [{ text: 'data: partial\n\n' }], dropAfterChunks: true },
    ]);
    const { reads, error } = await readBodySettled(await fetch(chatURL));
    expect(decodeReads(reads)).to.equal('data: partial\n\n');
    expect(error).to.be.instanceOf(TypeError);
    expect(requests[0]!.aborted).to.equal(false);
  });

  it('rejects with the signal reason, recording nothing, when the signal is already aborted', async () => {
    const reason = new DOMException('stop', 'AbortError');
    const { fetch, requests } = createScriptedFetch([textReply('unused')]);
    expect(await rejection(fetch(chatURL, { signal: AbortSignal.abort(reason) }))).to.equal(reason);
    expect(requests).to.have.length(0);
  });

  it('rejects with the signal reason when aborted before the headers and marks the request aborted', async () => {
    const controller = new AbortController();
    const { fetch, requests } = createScriptedFetch([
      { delayMs: 10_000, chunks: [{ text: 'late' }] },
    ]);
    const pending = fetch(chatURL, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user gave up')), 20);
    const started = performance.now();
    const error = await rejection(pending);
    expect((error as Error).message).to.equal('user gave up');
    // Far below the 10 s delay: the abort, not the timer, ended the wait.
    expect(performance.now() - started).to.be.below(5_000);
    expect(requests[0]!.aborted).to.equal(true);
  });

  it('errors the body with the signal reason when aborted mid-stream and delivers nothing more', async () => {
    const controller = new AbortController();
    const reason = new DOMException('The user aborted a request.', 'AbortError');
    const { fetch, requests } = createScriptedFetch([
      { chunks: [{ text: 'one' }, { text: 'two', delayMs: 10_000 }] },
    ]);
    const response = await fetch(chatURL, { signal: controller.signal });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).to.equal('one');
    const next = reader.read();
    controller.abort(reason);
    const started = performance.now();
    expect(await rejection(next)).to.equal(reason);
    expect(performance.now() - started).to.be.below(5_000);
    expect(requests[0]!.aborted).to.equal(true);
  });

  it('marks the request aborted when the client cancels the body before its end', async () => {
    const { fetch, requests } = createScriptedFetch([
      { chunks: [{ text: 'one' }, { text: 'two', delayMs: 5_000 }] },
      textReply('x'),
    ]);
    const reader = (await fetch(chatURL)).body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(requests[0]!.aborted).to.equal(true);
    const finished = await fetch(chatURL);
    await finished.text();
    expect(requests[1]!.aborted).to.equal(false);
  });

  it('does not mark a fully delivered request aborted when the signal aborts afterwards', async () => {
    const controller = new AbortController();
    const { fetch, requests } = createScriptedFetch([textReply('done')]);
    await (await fetch(chatURL, { signal: controller.signal })).text();
    controller.abort();
    expect(requests[0]!.aborted).to.equal(false);
  });

  it('returns a body-less response for a 204 reply', async () => {
    const { fetch } = createScriptedFetch([{ status: 204 }]);
    const response = await fetch(chatURL);
    expect(response.status).to.equal(204);
    expect(response.body).to.equal(null);
  });
});
