/** Files for attachment tests, drawn in the browser (no fixtures to keep in sync). */

/** An image file of the given size: opaque stripes, or with a transparent half. */
export async function imageFile(
  width: number,
  height: number,
  options: { name?: string; type?: string; transparent?: boolean } = {},
): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#2456c8';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#f2b134';
  context.fillRect(0, 0, width / 2, height / 3);
  if (options.transparent) context.clearRect(width / 2, 0, width / 2, height);
  const type = options.type ?? 'image/png';
  const blob = await canvas.convertToBlob({ type });
  return new File([blob], options.name ?? `picture.${type.split('/')[1]}`, { type });
}

/** A text file holding `content` (or raw bytes). */
export function textFile(name: string, content: string | Uint8Array, type = ''): File {
  return new File([content as BlobPart], name, { type });
}

/** The files as a `FileList`, as a picker, a drop or a paste hands them over. */
export function transfer(...files: File[]): DataTransfer {
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  return data;
}

/** The natural size of an image held in a data URL. */
export async function dataURLSize(url: string): Promise<{ width: number; height: number }> {
  const image = new Image();
  image.src = url;
  await image.decode();
  return { width: image.naturalWidth, height: image.naturalHeight };
}
