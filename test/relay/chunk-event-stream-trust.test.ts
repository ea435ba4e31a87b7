import { expect } from 'chai';
import type { ToolAgentsError } from '../../src/index.js';
import {
  APIKeyFormatError,
  EventTooLargeError,
  HTTPError,
  IncompleteStreamError,
  MalformedStreamError,
  NetworkError,
  StreamError,
  TimeoutError,
  readEventStream,
  toEventStream,
  type ChatResponseChunk,
} from '../../src/index.js';
import { textDeltaChunk } from '../../src/turn/turn-chunks.js';
import { emptyPartialResponse } from '../../src/errors.js';
import { everythingIn, secretForms } from '../helpers/index.js';

const secret = 'sk-Relay/"Secret+\\Key-0123456789';
const partial = { ...emptyPartialResponse, text: 'so far', reasoning: 'hmm' };

/** A turn that streams `chunks`, then fails with `error`. */
async function* failingTurn(
  error: unknown,
  chunks: readonly ChatResponseChunk[] = [],
): AsyncGenerator<ChatResponseChunk, void, undefined> {
  yield* chunks;
  throw error;
}

async function readAll(
  body: ReadableStream<Uint8Array>,
  options?: Parameters<typeof readEventStream>[1],
): Promise<{ chunks: ChatResponseChunk[]; error: unknown }> {
  const chunks: ChatResponseChunk[] = [];
  try {
    for await (const chunk of readEventStream(body, options)) chunks.push(chunk);
  } catch (error) {
    return { chunks, error };
  }
  return { chunks, error: undefined };
}

function bodyOf(text: string): ReadableStream<Uint8Array> {
  return new Response(text).body!;
}

function expectNoSecret(text: string): void {
  for (const form of secretForms(secret)) expect(text, `the form ${form}`).not.to.include(form);
  expect(text, 'a prefix of the secret').not.to.include(secret.slice(0, 8));
}

describe('relay: new error classes and secrets', () => {
  describe('round trips of the new fields', () => {
    const cases: Record<string, ToolAgentsError> = {
      'a TimeoutError (phase and ms)': new TimeoutError('idle', 1500, {
        url: 'https://host/v1/chat/completions',
        partial,
      }),
      'a response TimeoutError': new TimeoutError('response', 90, { partial }),
      'an EventTooLargeError (limit and data)': new EventTooLargeError(1024, 'data: {"a":"xxxx', {
        partial,
      }),
      'an APIKeyFormatError (header, character, position)': new APIKeyFormatError({
        header: 'Authorization',
        character: 'zero-width space (U+200B)',
        position: 7,
      }),
      'an HTTPError with param': new HTTPError(
        {
          status: 400,
          statusText: 'Bad Request',
          body: '',
          providerMessage: 'bad',
          code: 'c',
          type: 't',
          param: 'temperature',
        },
        { partial },
      ),
      'a StreamError with param': new StreamError(
        { providerMessage: 'bad', param: 'tools' },
        { partial },
      ),
    };
    for (const [title, original] of Object.entries(cases)) {
      it(`relays ${title}, field for field`, async () => {
        const { error } = await readAll(toEventStream(failingTurn(original)));
        expect(error).to.be.instanceOf(original.constructor);
        const copy = error as Record<string, unknown>;
        for (const field of [
          'name',
          'message',
          'url',
          'phase',
          'timeoutMs',
          'limit',
          'data',
          'header',
          'character',
          'position',
          'param',
          'status',
          'providerMessage',
        ]) {
          expect(copy[field], field).to.equal(
            (original as unknown as Record<string, unknown>)[field],
          );
        }
        expect((error as ToolAgentsError).partial).to.deep.equal(original.partial);
      });
    }
  });

  describe('writing an error into the stream', () => {
    it('removes the secrets it was given from every field, in every form', async () => {
      const errors: ToolAgentsError[] = [
        new HTTPError(
          {
            status: 401,
            statusText: `No ${secret}`,
            body: secret,
            providerMessage: `key ${JSON.stringify(secret)}`,
            code: secret,
            type: secret,
            param: encodeURIComponent(secret),
          },
          { url: `https://h/${secret}` },
        ),
        new StreamError({ providerMessage: secret, code: secret, type: secret, param: secret }),
        new NetworkError(`reach ${secret}`, `hint ${secret}`),
        new MalformedStreamError(`bad ${secret}`, `${'d'.repeat(180)}${secret}`),
      ];
      for (const original of errors) {
        const text = await new Response(
          toEventStream(failingTurn(original), { secrets: [secret] }),
        ).text();
        expect(text, original.name).to.include('[redacted]');
        expectNoSecret(text);
      }
    });

    it('removes them from an error that is not a library error', async () => {
      const text = await new Response(
        toEventStream(failingTurn(new TypeError(`fetch failed for ${secret}`)), {
          secrets: [secret],
        }),
      ).text();
      expect(text).to.include('fetch failed for [redacted]');
      expectNoSecret(text);
    });

    it('leaves errors as they are without secrets', async () => {
      const text = await new Response(
        toEventStream(failingTurn(new StreamError({ providerMessage: 'plain words' }))),
      ).text();
      expect(text).to.include('plain words');
    });
  });

  describe('reading an error back', () => {
    const relayedError = (fields: Record<string, unknown>): string =>
      `event: error\ndata: ${JSON.stringify({ partial, ...fields })}\n\n`;

    it('removes the secrets it was given from every field of a relayed error', async () => {
      const body = relayedError({
        name: 'HTTPError',
        message: `HTTP 401: ${secret}`,
        url: `https://h/?k=${encodeURIComponent(secret)}`,
        status: 401,
        statusText: secret,
        providerMessage: secret,
        code: secret,
        type: secret,
        param: secret,
      });
      const { error } = await readAll(bodyOf(body), { secrets: [secret] });
      expect(error).to.be.instanceOf(HTTPError);
      expect((error as HTTPError).providerMessage).to.equal('[redacted]');
      expectNoSecret(everythingIn(error));
    });

    it('redacts relayed data before it is cut to 200 characters', async () => {
      for (const start of [150, 190, 198]) {
        const body = relayedError({
          name: 'MalformedStreamError',
          message: 'bad',
          data: `${'d'.repeat(start)}${secret}tail`,
        });
        const { error } = await readAll(bodyOf(body), { secrets: [secret] });
        expect(error, `secret at ${start}`).to.be.instanceOf(MalformedStreamError);
        expectNoSecret(everythingIn(error));
      }
    });

    it('redacts an event that is not JSON, and its parse error', async () => {
      const { error } = await readAll(bodyOf(`data: {"echo":"${secret}" nope\n\ndata: {}\n\n`), {
        secrets: [secret],
      });
      expect(error).to.be.instanceOf(MalformedStreamError);
      expectNoSecret(everythingIn(error));
    });

    it('still takes a bare AbortSignal as its second argument', async () => {
      const controller = new AbortController();
      const reason = new Error('stop');
      controller.abort(reason);
      const { error } = await readAll(
        bodyOf(`data: ${JSON.stringify(textDeltaChunk(0, 'a'))}\n\n`),
        controller.signal,
      );
      expect(error).to.equal(reason);
    });

    it('takes the signal in options too, and the abort reason goes back untouched', async () => {
      const controller = new AbortController();
      const reason = new Error(`stop ${secret}`);
      controller.abort(reason);
      const { error } = await readAll(
        bodyOf(`data: ${JSON.stringify(textDeltaChunk(0, 'a'))}\n\n`),
        { signal: controller.signal, secrets: [secret] },
      );
      expect(error).to.equal(reason);
    });
  });

  describe('bounds', () => {
    it('rejects a relayed event larger than maxEventBytes with an EventTooLargeError carrying the partial text', async () => {
      const first = `data: ${JSON.stringify(textDeltaChunk(0, 'kept'))}\n\n`;
      const { chunks, error } = await readAll(
        bodyOf(`${first}data: ${JSON.stringify(textDeltaChunk(0, 'x'.repeat(5000)))}\n\n`),
        { maxEventBytes: 1000 },
      );
      expect(chunks.map((chunk) => chunk.chunk)).to.deep.equal(['kept']);
      expect(error).to.be.instanceOf(EventTooLargeError);
      expect((error as EventTooLargeError).partial.text).to.equal('kept');
    });

    it('reads a relayed stream cut inside its last event as incomplete, not malformed', async () => {
      const { error } = await readAll(
        bodyOf(`data: ${JSON.stringify(textDeltaChunk(0, 'a'))}\n\ndata: {"type":"text-de`),
      );
      expect(error).to.be.instanceOf(IncompleteStreamError);
    });
  });
});
