import type { ImagePart } from '../../src/index.js';
import type { AttachmentInfo } from './attachment-info.js';

// Formats vision APIs take as they are; any other image the browser can decode is re-encoded.
const sentAsIs = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);
const jpegQuality = 0.85;

/** Why a file could not become an image part. */
export type ImageRefusal = 'unreadable-image';

function readAsDataURL(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

/** True when no pixel is even slightly transparent (RGBA bytes). */
function isOpaque(pixels: Uint8ClampedArray): boolean {
  for (let alpha = 3; alpha < pixels.length; alpha += 4) if (pixels[alpha] !== 255) return false;
  return true;
}

/**
 * Draws the image at the given size and encodes it: JPEG for photos and anything opaque (a
 * fraction of PNG's size), PNG when a pixel is transparent (JPEG would turn it black).
 */
async function encode(file: File, width: number, height: number): Promise<Blob> {
  const resized = await createImageBitmap(file, {
    resizeWidth: width,
    resizeHeight: height,
    resizeQuality: 'high',
  });
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas is available.');
  context.drawImage(resized, 0, 0);
  resized.close();
  const opaque =
    file.type.toLowerCase() === 'image/jpeg' ||
    isOpaque(context.getImageData(0, 0, width, height).data);
  return canvas.convertToBlob(
    opaque ? { type: 'image/jpeg', quality: jpegQuality } : { type: 'image/png' },
  );
}

/**
 * Turns an image file into an image part (a base64 data URL). An image whose longest side is over
 * `maxSide` is downscaled to it, never upscaled; one in a format vision APIs do not take is
 * re-encoded; any other is sent byte for byte. `metadata.attachment` records the file's name,
 * size and type and, when it was downscaled, its original size, so the user is told.
 */
export async function prepareImage(file: File, maxSide: number): Promise<ImagePart | ImageRefusal> {
  let width: number;
  let height: number;
  try {
    const bitmap = await createImageBitmap(file);
    ({ width, height } = bitmap);
    bitmap.close();
  } catch {
    return 'unreadable-image';
  }
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const sentWidth = Math.max(1, Math.round(width * scale));
  const sentHeight = Math.max(1, Math.round(height * scale));
  const resized = scale < 1;
  try {
    const blob =
      resized || !sentAsIs.has(file.type.toLowerCase())
        ? await encode(file, sentWidth, sentHeight)
        : file;
    const url = await readAsDataURL(blob);
    const attachment: AttachmentInfo = {
      name: file.name,
      size: file.size,
      type: file.type,
      width: sentWidth,
      height: sentHeight,
      ...(resized ? { originalWidth: width, originalHeight: height } : {}),
    };
    return { type: 'image', url, mimeType: blob.type, metadata: { attachment: { ...attachment } } };
  } catch {
    return 'unreadable-image';
  }
}
