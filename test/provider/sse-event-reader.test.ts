import { expect } from 'chai';
import { SSEEventReader, type ServerSentEvent } from '../../src/provider/sse-event-reader.js';

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
    const events = readAll([encoder.encode('data: a\r'), encoder.encode('\n\r'), encoder.encode('\ndata: b\r\n\r\n')]);
    expect(events.map((e) => e.data)).to.deep.equal(['a', 'b']);
  });

  it('strips a BOM, ignores comments and accepts "data:" without a space', () => {
    const events = readAll([encoder.encode('\uFEFF: keep-alive\n\ndata:x\n\n:\n\n')]);
    expect(events.map((e) => e.data)).to.deep.equal(['x']);
  });

  it('dispatches a last event that has no blank line after it', () => {
    expect(readAll([encoder.encode('data: one\n\ndata: [DONE]\n')]).map((e) => e.data)).to.deep.equal(['one', '[DONE]']);
    expect(readAll([encoder.encode('data: one\n\ndata: [DONE]')]).map((e) => e.data)).to.deep.equal(['one', '[DONE]']);
  });

  it('turns a bare "error:" field into an error event, however it is split', () => {
    const text = 'error: {"message":"boom"}\n\ndata: [DONE]\n\n';
    for (const pieces of [[encoder.encode(text)], bytewise(text)]) {
      const events = readAll(pieces);
      expect(events[0]).to.deep.equal({ event: 'error', data: '{"message":"boom"}' });
    }
  });

  it('keeps named events', () => {
    expect(readAll([encoder.encode('event: error\ndata: {"x":1}\n\n')])).to.deep.equal([{ event: 'error', data: '{"x":1}' }]);
  });
});
