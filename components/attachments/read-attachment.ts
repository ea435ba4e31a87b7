import type { ImagePart, TextPart } from '../../src/index.js';
import { attachmentKind } from './accepted-types.js';
import { prepareImage, type ImageRefusal } from './prepare-image.js';
import { readTextFile, type TextFileRefusal } from './read-text-file.js';

/** Why a file the type check accepted still could not be attached. */
export type ReadRefusal = ImageRefusal | TextFileRefusal;

/**
 * Reads an accepted file into the part it is sent as: an image (downscaled to `maxSide`) or the
 * text of a text or source file. The lazily loaded half of attachments.
 */
export function readAttachment(
  file: File,
  maxSide: number,
): Promise<ImagePart | TextPart | ReadRefusal> {
  return attachmentKind(file) === 'image' ? prepareImage(file, maxSide) : readTextFile(file);
}
