import type { ImagePart } from '../../src/index.js';
import type { ChatStrings } from '../chat-strings.js';
import type { AttachmentInfo } from './attachment-info.js';

/**
 * What was done to an image before sending, in words: downscaled (to which size, from which) and
 * re-encoded (to which format); empty when it is sent as it was picked.
 */
export function imageNotes(part: ImagePart, info: AttachmentInfo, s: ChatStrings): string[] {
  const notes: string[] = [];
  if (info.width && info.height && info.originalWidth && info.originalHeight)
    notes.push(s.imageResized(info.width, info.height, info.originalWidth, info.originalHeight));
  const sent = part.mimeType?.toLowerCase();
  if (sent && info.type && sent !== info.type.toLowerCase())
    notes.push(s.imageConverted(sent.replace(/^image\//, '').toUpperCase()));
  return notes;
}
