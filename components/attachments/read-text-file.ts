import type { TextPart } from '../../src/index.js';
import type { AttachmentInfo } from './attachment-info.js';
import { fileText } from './file-text.js';

/** Why a file could not become a text part. */
export type TextFileRefusal = 'not-text' | 'unreadable';

/**
 * Reads a file as UTF-8 text into a text part carrying the file's name. A file that is not valid
 * UTF-8, or holds NUL characters (binary data), is refused rather than sent with replaced bytes.
 */
export async function readTextFile(file: File): Promise<TextPart | TextFileRefusal> {
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    return 'unreadable';
  }
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'not-text';
  }
  if (content.includes('\u0000')) return 'not-text';
  const attachment: AttachmentInfo = { name: file.name, size: file.size, type: file.type };
  return {
    type: 'text',
    text: fileText(file.name, content),
    metadata: { attachment: { ...attachment } },
  };
}
