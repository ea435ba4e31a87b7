import type { ScriptedChunk } from './scripted-reply.js';

const encoder = new TextEncoder();
// fatal: invalid or cut UTF-8 must fall back to base64; ignoreBOM: a leading BOM must survive.
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  // TextEncoder costs microseconds per call in Chromium; byte-per-read bodies make 100,000s of calls.
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return encoder.encode(text);
    bytes[i] = code;
  }
  return bytes;
}

/** Base64 of raw bytes (works in browsers and Node 20, which both have `btoa`). */
function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so String.fromCharCode never gets too many arguments.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** Raw bytes of a base64 string; throws a `TypeError` naming the problem when it is not base64. */
function base64ToBytes(base64: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(base64);
  } catch (error) {
    throw new TypeError(
      `Scripted chunk has invalid base64: ${JSON.stringify(base64.slice(0, 40))}`,
      { cause: error },
    );
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A chunk carrying these bytes: readable `text` when they are whole UTF-8, `base64` otherwise. */
export function bytesToChunk(bytes: Uint8Array, delayMs?: number): ScriptedChunk {
  const delay = delayMs ? { delayMs } : {};
  try {
    return { text: strictDecoder.decode(bytes), ...delay };
  } catch {
    return { base64: bytesToBase64(bytes), ...delay };
  }
}

/** The bytes a chunk delivers; rejects a chunk that sets both `text` and `base64`. */
export function chunkToBytes(chunk: ScriptedChunk): Uint8Array {
  if (typeof chunk.text === 'string' && typeof chunk.base64 === 'string') {
    throw new TypeError('A scripted chunk sets both text and base64; set one of them.');
  }
  if (typeof chunk.text === 'string') return utf8(chunk.text);
  if (typeof chunk.base64 === 'string') return base64ToBytes(chunk.base64);
  return new Uint8Array(0);
}

/** One array holding all the given byte arrays in order. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
