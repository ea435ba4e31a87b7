import { expect } from 'chai';
import { EventTooLargeError, MalformedStreamError } from '../../src/index.js';
import {
  SSEEventReader,
  defaultMaxEventSize,
  type ServerSentEvent,
} from '../../src/provider/sse-event-reader.js';

const encoder = new TextEncoder();

function readAll(pieces: Uint8Array[]): ServerSentEvent[] {
  const reader = new SSEEventReader();
  const events: ServerSentEvent[] = [];
  for (const piece of pieces) events.push(...reader.push(piece));
  events.push(...reader.end());
  return events;
}

function bytewise(text: string): Uint8Array[] {
  return Array.from(encoder.encode(text), (byte) => Uint8Array.of(byte));
}

describe('SSEEventReader', () => {
  it('reads events split inside a line and inside a UTF-8 character', () => {
    const events = readAll(bytewise('data: {"t":"Grüße 👋"}\n\ndata: [DONE]\n\n'));
    expect(events.map((e) => e.data)).to.deep.equal(['{"t":"Grüße 👋"}', '[DONE]']);
  });

  it('handles CRLF split between two reads', () => {
    const events = readAll([
      encoder.encode('data: a\r'),
      encoder.encode('\n\r'),
      encoder.encode('\ndata: b\r\n\r\n'),
    ]);
    expect(events.map((e) => e.data)).to.deep.equal(['a', 'b']);
  });

  it('strips a BOM, ignores comments and accepts "data:" without a space', () => {
    const events = readAll([encoder.encode('\uFEFF: keep-alive\n\ndata:x\n\n:\n\n')]);
    expect(events.map((e) => e.data)).to.deep.equal(['x']);
  });

  it('dispatches a last event that has no blank line after it', () => {
    expect(
      readAll([encoder.encode('data: one\n\ndata: [DONE]\n')]).map((e) => e.data),
    ).to.deep.equal(['one', '[DONE]']);
    expect(readAll([encoder.encode('data: one\n\ndata: [DONE]')]).map((e) => e.data)).to.deep.equal(
      ['one', '[DONE]'],
    );
  });

  it('turns a bare "error:" field into an error event, however it is split', () => {
    const text = 'error: {"message":"boom"}\n\ndata: [DONE]\n\n';
    for (const pieces of [[encoder.encode(text)], bytewise(text)]) {
      const events = readAll(pieces);
      expect(events[0]).to.deep.equal({ event: 'error', data: '{"message":"boom"}' });
    }
  });

  it('keeps named events', () => {
    expect(readAll([encoder.encode('event: error\ndata: {"x":1}\n\n')])).to.deep.equal([
      { event: 'error', data: '{"x":1}' },
    ]);
  });

  describe('bounding one event', () => {
    function feed(reader: SSEEventReader, pieces: readonly string[]): ServerSentEvent[] {
      const events: ServerSentEvent[] = [];
      for (const piece of pieces) events.push(...reader.push(encoder.encode(piece)));
      return events;
    }

    function thrownBy(run: () => unknown): unknown {
      try {
        run();
      } catch (error) {
        return error;
      }
      return undefined;
    }

    it('defaults to 16 MiB', () => {
      expect(defaultMaxEventSize).to.equal(16 * 1024 * 1024);
    });

    it('accepts events up to the limit, however many arrive', () => {
      const reader = new SSEEventReader({ maxEventSize: 100 });
      const event = `data: ${'x'.repeat(100)}\n\n`;
      expect(feed(reader, [event.repeat(50)])).to.have.length(50);
      expect(feed(reader, [...event.repeat(20)])).to.have.length(20);
    });

    it("throws an EventTooLargeError once one event's pending data passes the limit, across many lines and reads", () => {
      const reader = new SSEEventReader({ maxEventSize: 100 });
      const error = thrownBy(() =>
        feed(
          reader,
          Array.from({ length: 30 }, () => 'data: 0123456789\n'),
        ),
      );
      expect(error).to.be.instanceOf(EventTooLargeError).and.to.be.instanceOf(MalformedStreamError);
      expect((error as EventTooLargeError).limit).to.equal(100);
    });

    it('throws once an unfinished line passes the limit, without waiting for its end', () => {
      const reader = new SSEEventReader({ maxEventSize: 100 });
      const error = thrownBy(() =>
        feed(reader, ['data: ', ...Array.from({ length: 20 }, () => '0123456789')]),
      );
      expect(error).to.be.instanceOf(EventTooLargeError);
      expect((error as EventTooLargeError).data).to.match(/^data: 0123456789/);
    });

    it('throws for a whole oversized event arriving in one read', () => {
      const reader = new SSEEventReader({ maxEventSize: 100 });
      expect(thrownBy(() => feed(reader, [`data: ${'y'.repeat(150)}\n\n`]))).to.be.instanceOf(
        EventTooLargeError,
      );
    });

    it('counts CRLF streams the same way', () => {
      const reader = new SSEEventReader({ maxEventSize: 100 });
      expect(feed(reader, [`data: ${'x'.repeat(90)}\r\n\r\n`.repeat(10)])).to.have.length(10);
      expect(
        thrownBy(() =>
          feed(
            reader,
            Array.from({ length: 30 }, () => 'data: 0123456789\r\n'),
          ),
        ),
      ).to.be.instanceOf(EventTooLargeError);
    });

    it('builds its error with the factory it was given', () => {
      const reader = new SSEEventReader({
        maxEventSize: 10,
        tooLarge: (limit, preview) => new RangeError(`${limit}:${preview.slice(0, 6)}`),
      });
      const error = thrownBy(() => feed(reader, ['data: abcdefghijklmnopqrstuvwxyz']));
      expect(error).to.be.instanceOf(RangeError);
      expect((error as Error).message).to.equal('10:data: ');
    });
  });
});
