import type { ScriptedReply } from './scripted-reply.js';
import { chunkToBytes, concatBytes } from './utf8-bytes.js';

/** All body bytes a reply delivers, joined: handy to check what a client should have read. */
export function replyBody(reply: ScriptedReply): Uint8Array {
  return concatBytes((reply.chunks ?? []).map(chunkToBytes));
}

/** The body of a reply decoded as UTF-8. */
export function replyText(reply: ScriptedReply): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(replyBody(reply));
}
