import type { ChatMessagePart, ImagePart, TextPart } from '../../src/index.js';
import { isRecord } from '../../src/internal/is-record.js';

/**
 * What the element records about an attached file, under `metadata.attachment` of the part it
 * became: shown in the transcript, and kept with the conversation so a reload shows it again.
 */
export interface AttachmentInfo {
  /** The file's name. */
  readonly name: string;
  /** The file's size in bytes, as picked. */
  readonly size: number;
  /** The file's type as the browser reported it (`''` when unknown). */
  readonly type: string;
  /** An image's width and height as sent. */
  readonly width?: number;
  readonly height?: number;
  /** An image's width and height as picked, when it was downscaled. */
  readonly originalWidth?: number;
  readonly originalHeight?: number;
}

/** A part that came from an attached file (or an image of any origin). */
export type AttachedPart = ImagePart | (TextPart & { readonly metadata: { attachment: unknown } });

const dimension = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;

/**
 * The part's attachment record, checked field by field: a conversation assigned by the page or
 * restored from storage may hold anything there.
 */
export function attachmentInfo(part: ChatMessagePart): AttachmentInfo | undefined {
  const info = part.metadata?.['attachment'];
  if (!isRecord(info) || typeof info['name'] !== 'string') return undefined;
  const size = info['size'];
  const [width, height] = [dimension(info['width']), dimension(info['height'])];
  const [originalWidth, originalHeight] = [
    dimension(info['originalWidth']),
    dimension(info['originalHeight']),
  ];
  return {
    name: info['name'],
    size: typeof size === 'number' && Number.isFinite(size) && size >= 0 ? size : 0,
    type: typeof info['type'] === 'string' ? info['type'] : '',
    ...(width && height ? { width, height } : {}),
    ...(originalWidth && originalHeight ? { originalWidth, originalHeight } : {}),
  };
}

/** True for the parts shown as attachments: images, and text parts made from a file. */
export function isAttachedPart(part: ChatMessagePart): part is AttachedPart {
  return part.type === 'image' || (part.type === 'text' && attachmentInfo(part) !== undefined);
}
