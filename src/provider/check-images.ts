import { ImageTooLargeError, ImageURLError } from '../errors.js';
import type { ChatMessage, ImagePart } from '../messages/chat-message.js';

/** OpenAI's documented limit for one image: 20 MB. */
export const defaultMaxImageBytes = 20_000_000;

const dataURL = /^data:([^;,]*)((?:;[^;,]*)*),/i;

/** The decoded size of base64 text, counted without decoding it (whitespace and padding excluded). */
function base64Bytes(data: string): number {
  let chars = 0;
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    // '=' (61) and whitespace carry no bytes.
    if (code !== 61 && code !== 32 && code !== 10 && code !== 13 && code !== 9) chars++;
  }
  return Math.floor((chars * 3) / 4);
}

/** The decoded size of percent-encoded text: each `%XX` is one byte, any other character its UTF-8 length. */
function percentBytes(data: string): number {
  const escapes = data.match(/%[0-9a-f]{2}/gi)?.length ?? 0;
  return new TextEncoder().encode(data).length - 2 * escapes;
}

/** Why the image's URL cannot be sent, or its decoded size in bytes (`undefined` for an https URL). */
function measure(part: ImagePart): { reason: string } | { bytes: number | undefined } {
  const url = part.url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'https') return { bytes: undefined };
  if (scheme !== 'data')
    return {
      reason: scheme
        ? `its URL has the scheme "${scheme}:", which the provider cannot fetch or read.`
        : 'its URL is not absolute.',
    };
  const header = dataURL.exec(url);
  if (!header) return { reason: 'its data: URL has no comma before the data.' };
  if (!/^image\//i.test(header[1] ?? ''))
    return { reason: `its data: URL has the type "${header[1] || '(none)'}", not an image type.` };
  const data = url.slice(header[0].length);
  const base64 = /;base64$/i.test(header[2] ?? '');
  return { bytes: base64 ? base64Bytes(data) : percentBytes(data) };
}

/**
 * Checks every image the request sends (those of user messages) before anything is sent: only
 * `https:` and `data:image/...` URLs, each data URL at most `limit` decoded bytes. An https image
 * is fetched by the provider, which enforces its own limit.
 * @throws ImageURLError for a URL that cannot be sent; ImageTooLargeError for an image over `limit`.
 */
export function checkImages(messages: readonly ChatMessage[], limit: number, url: string): void {
  messages.forEach((message, messageIndex) => {
    if (message.role !== 'user') return;
    message.content.forEach((part, partIndex) => {
      if (part.type !== 'image') return;
      const measured = measure(part);
      if ('reason' in measured)
        throw new ImageURLError(
          { messageIndex, messageId: message.id, partIndex, reason: measured.reason },
          { url },
        );
      if (measured.bytes !== undefined && measured.bytes > limit)
        throw new ImageTooLargeError(
          { messageIndex, messageId: message.id, partIndex, bytes: measured.bytes, limit },
          { url },
        );
    });
  });
}
