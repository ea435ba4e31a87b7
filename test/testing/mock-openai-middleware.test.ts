import { expect } from 'chai';
import { errorReply, noScriptedReplyCode, textReply } from '../../src/testing/index.js';
import { decodeReads, mockServer, parseSSE, readBody, readBodySettled } from '../helpers/index.js';

const chat = (baseURL: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test' },
    body: JSON.stringify({ model: 'gpt-4o-mini', stream: true }),
    ...init,
  });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('mock OpenAI middleware (real HTTP)', () => {
  it('streams a scripted reply with its status and SSE content-type', async () => {
    const server = await mockServer.script([textReply('Hello from HTTP')]);
    const response = await chat(server.baseURL);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('text/event-stream');
    const events = parseSSE((await readBody(response)).map((read) => read.bytes));
    expect(events.at(-1)).to.equal('[DONE]');
    expect(
      events
        .slice(1, -2)
        .map(
          (data) =>
            (JSON.parse(data) as { choices: { delta: { content: string } }[] }).choices[0]!.delta
              .content,
        )
        .join(''),
    ).to.equal('Hello from HTTP');
  });

  it('delivers a chunk written after a 300 ms pause as a separate read at least 250 ms later', async () => {
    const server = await mockServer.script([
      { chunks: [{ text: 'data: {"n":1}\n\n' }, { text: 'data: {"n":2}\n\n', delayMs: 300 }] },
    ]);
    const reads = await readBody(await chat(server.baseURL));
    expect(decodeReads(reads)).to.equal('data: {"n":1}\n\ndata: {"n":2}\n\n');
    const second = reads.findIndex((read) =>
      new TextDecoder().decode(read.bytes).includes('"n":2'),
    );
    expect(second).to.be.greaterThan(0);
    expect(reads[second]!.at - reads[0]!.at).to.be.at.least(250);
  });

  it('waits the reply delayMs before sending the status and headers', async () => {
    const server = await mockServer.script([{ delayMs: 300, chunks: [{ text: 'data: {}\n\n' }] }]);
    const started = performance.now();
    const response = await chat(server.baseURL);
    expect(performance.now() - started).to.be.at.least(250);
    expect(await response.text()).to.equal('data: {}\n\n');
  });

  it('records method, path, lower-case headers and the parsed JSON body', async () => {
    const server = await mockServer.script([textReply('ok')]);
    await (await chat(server.baseURL)).text();
    const [request, ...rest] = await server.requests();
    expect(rest).to.have.length(0);
    expect(request!.method).to.equal('POST');
    expect(request!.path).to.equal('/v1/chat/completions');
    expect(request!.url).to.equal(`${server.baseURL}/chat/completions`);
    expect(request!.headers['authorization']).to.equal('Bearer sk-test');
    expect(request!.headers['content-type']).to.equal('application/json');
    expect(request!.body).to.deep.equal({ model: 'gpt-4o-mini', stream: true });
    expect(request!.aborted).to.equal(false);
  });

  it('answers scripted error statuses with their JSON body and readable headers', async () => {
    const server = await mockServer.script([
      errorReply(429, 'Rate limit reached', { retryAfter: 2, code: 'rate_limit_exceeded' }),
    ]);
    const response = await chat(server.baseURL);
    expect(response.status).to.equal(429);
    expect(response.statusText).to.equal('Too Many Requests');
    expect(response.headers.get('retry-after')).to.equal('2');
    expect(response.headers.get('content-type')).to.equal('application/json');
    expect(await response.json()).to.deep.equal({
      error: {
        message: 'Rate limit reached',
        type: 'rate_limit_error',
        param: null,
        code: 'rate_limit_exceeded',
      },
    });
  });

  it('delivers exact bytes when base64 chunks cut a character in two', async () => {
    const server = await mockServer.script([
      { chunks: [{ base64: btoa('data: \xe2\x82') }, { base64: btoa('\xac\n\n'), delayMs: 50 }] },
    ]);
    const reads = await readBody(await chat(server.baseURL));
    expect(decodeReads(reads)).to.equal('data: €\n\n');
  });

  it('surfaces a dropped connection as an error while reading the body, after the chunks', async () => {
    const server = await mockServer.script([
      { chunks: [{ text: 'data: {"n":1}\n\n' }], dropAfterChunks: true },
    ]);
    const response = await chat(server.baseURL);
    expect(response.status).to.equal(200);
    const { reads, error } = await readBodySettled(response);
    expect(decodeReads(reads)).to.equal('data: {"n":1}\n\n');
    expect(error).to.be.instanceOf(TypeError);
    const [request] = await server.requests();
    expect(request!.aborted).to.equal(false);
  });

  it('fails the fetch with a TypeError for networkError, and answers the next request normally', async () => {
    const server = await mockServer.script([{ networkError: true }, textReply('next')]);
    expect(await rejection(chat(server.baseURL))).to.be.instanceOf(TypeError);
    const next = await chat(server.baseURL);
    expect(next.status).to.equal(200);
    await next.text();
    expect(await server.requests()).to.have.length(2);
  });

  it('records aborted: true when the client aborts mid-stream', async () => {
    const server = await mockServer.script([
      { chunks: [{ text: 'data: {"n":1}\n\n' }, { text: 'data: {"n":2}\n\n', delayMs: 5_000 }] },
    ]);
    const controller = new AbortController();
    const reader = (await chat(server.baseURL, { signal: controller.signal })).body!.getReader();
    await reader.read();
    controller.abort();
    expect(await rejection(reader.read())).to.have.property('name', 'AbortError');
    const requests = await server.waitForRequests(
      (recorded) => recorded[0]?.aborted === true,
      10_000,
    );
    expect(requests).to.have.length(1);
  });

  it('records aborted: true when the client aborts before the headers arrive', async () => {
    const server = await mockServer.script([{ delayMs: 5_000, chunks: [{ text: 'late' }] }]);
    const controller = new AbortController();
    const pending = chat(server.baseURL, { signal: controller.signal });
    await server.waitForRequests((recorded) => recorded.length === 1);
    controller.abort();
    expect(await rejection(pending)).to.have.property('name', 'AbortError');
    await server.waitForRequests((recorded) => recorded[0]?.aborted === true, 10_000);
  });

  it('answers HTTP 500 with a no_scripted_reply error once the replies run out', async () => {
    const server = await mockServer.script([textReply('only')]);
    await (await chat(server.baseURL)).text();
    const response = await chat(server.baseURL);
    expect(response.status).to.equal(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).to.equal(noScriptedReplyCode);
    expect(body.error.message).to.contain('request 2 (POST /v1/chat/completions)');
    expect(await server.requests()).to.have.length(2);
  });

  it('keeps scripts apart', async () => {
    const [a, b] = await Promise.all([
      mockServer.script([textReply('A')]),
      mockServer.script([textReply('B')]),
    ]);
    await (await chat(b.baseURL)).text();
    expect(await a.requests()).to.have.length(0);
    expect(await b.requests()).to.have.length(1);
  });

  it('rejects a malformed script with HTTP 400 and a reason', async () => {
    const post = (body: unknown): Promise<Response> =>
      fetch('/__mock__/scripts', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const missing = await post({});
    expect(missing.status).to.equal(400);
    const both = await post({ replies: [{ chunks: [{ text: 'a', base64: 'YQ==' }] }] });
    expect(((await both.json()) as { error: { message: string } }).error.message).to.contain(
      'both text and base64',
    );
    expect((await post({ replies: [{ status: 42 }] })).status).to.equal(400);
  });

  // A page cannot forge a preflight (Access-Control-Request-* are forbidden headers), so a real
  // cross-origin call (localhost vs 127.0.0.1) exercises it: POST with Authorization needs one.
  it('serves a cross-origin page through a real preflight, without recording the preflight', async () => {
    const otherOrigin = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
    const server = await mockServer.script([errorReply(429, 'slow', { retryAfter: 1 })], {
      origin: otherOrigin,
    });
    const response = await chat(server.baseURL);
    expect(response.status).to.equal(429);
    expect(response.headers.get('retry-after')).to.equal('1');
    const [request, ...rest] = await server.requests();
    expect(rest).to.have.length(0);
    expect(request!.method).to.equal('POST');
    expect(request!.headers['origin']).to.equal(location.origin);
    expect(request!.headers['authorization']).to.equal('Bearer sk-test');
  });
});
