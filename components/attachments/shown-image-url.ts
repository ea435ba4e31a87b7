// Raster formats an <img> decodes without running anything or fetching anything else.
const shownDataURL = /^data:image\/(?:png|jpeg|gif|webp|avif|bmp);base64,/i;

/**
 * The URL to show an image part with, or `undefined` to show it as a link-free note: only a
 * base64 `data:` URL of a raster format, which loads nothing. A remote (`https:`) image in the
 * conversation is never fetched: the history may come from a model, a page or a stored copy, and
 * fetching would tell a third party that the conversation was opened.
 */
export function shownImageURL(url: string): string | undefined {
  return shownDataURL.test(url) ? url : undefined;
}
