import { createParser } from 'eventsource-parser';
import type { ScriptedReply } from '../../src/testing/index.js';
import { chunkToBytes } from '../../src/testing/utf8-bytes.js';

/**
 * The `data` of every event in a body delivered in pieces: each piece is decoded with one
 * streaming `TextDecoder` and fed to eventsource-parser, as the library's reader does.
 */
export function parseSSE(pieces: readonly Uint8Array[]): string[] {
  const data: string[] = [];
  const parser = createParser({ onEvent: (event) => data.push(event.data) });
  const decoder = new TextDecoder();
  for (const piece of pieces) parser.feed(decoder.decode(piece, { stream: true }));
  parser.feed(decoder.decode());
  return data;
}

/** {@link parseSSE} over a scripted reply's chunks. */
export function parseReplySSE(reply: ScriptedReply): string[] {
  return parseSSE((reply.chunks ?? []).map(chunkToBytes));
}

/** The JSON events of a reply, without the final `[DONE]`. */
export function replyEvents(reply: ScriptedReply): Record<string, unknown>[] {
  return parseReplySSE(reply)
    .filter((data) => data !== '[DONE]')
    .map((data) => JSON.parse(data) as Record<string, unknown>);
}
