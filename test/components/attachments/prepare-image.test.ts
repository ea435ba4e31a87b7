import { expect } from 'chai';
import { attachmentInfo } from '../../../components/attachments/attachment-info.js';
import { prepareImage } from '../../../components/attachments/prepare-image.js';
import { dataURLSize, imageFile, textFile } from './test-files.js';

// A 2×1 24-bit BMP (a format vision APIs do not take): one red and one blue pixel.
const bmp = new Uint8Array([
  0x42, 0x4d, 0x3e, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 0x28, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 1, 0,
  24, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0x13, 0x0b, 0, 0, 0x13, 0x0b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0xff, 0xff, 0, 0, 0, 0,
]);

describe('prepareImage', () => {
  it('sends a small image in a format APIs take byte for byte', async () => {
    const file = await imageFile(400, 300);
    const part = await prepareImage(file, 1568);
    if (typeof part === 'string') throw new Error(part);
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(part.url).to.equal(`data:image/png;base64,${btoa(String.fromCharCode(...bytes))}`);
    expect(part.mimeType).to.equal('image/png');
    expect(attachmentInfo(part)).to.deep.equal({
      name: 'picture.png',
      size: file.size,
      type: 'image/png',
      width: 400,
      height: 300,
    });
  });

  it('downscales a large image to the longest side, keeping its shape, and records the original size', async () => {
    const part = await prepareImage(await imageFile(3000, 2000, { type: 'image/jpeg' }), 1568);
    if (typeof part === 'string') throw new Error(part);
    expect(part.mimeType).to.equal('image/jpeg');
    expect(await dataURLSize(part.url)).to.deep.equal({ width: 1568, height: 1045 });
    expect(attachmentInfo(part)).to.deep.include({
      width: 1568,
      height: 1045,
      originalWidth: 3000,
      originalHeight: 2000,
    });
  });

  it('never upscales, whatever the limit', async () => {
    const part = await prepareImage(await imageFile(40, 30), 4000);
    if (typeof part === 'string') throw new Error(part);
    expect(await dataURLSize(part.url)).to.deep.equal({ width: 40, height: 30 });
    expect(attachmentInfo(part)).to.not.have.property('originalWidth');
  });

  it('keeps PNG when the downscaled image has transparent pixels, JPEG when it is opaque', async () => {
    const clear = await prepareImage(await imageFile(800, 400, { transparent: true }), 200);
    const opaque = await prepareImage(await imageFile(800, 400), 200);
    if (typeof clear === 'string' || typeof opaque === 'string') throw new Error('unreadable');
    expect(clear.mimeType).to.equal('image/png');
    expect(opaque.mimeType).to.equal('image/jpeg');
    expect(await dataURLSize(clear.url)).to.deep.equal({ width: 200, height: 100 });
  });

  it('re-encodes a format APIs do not take, and says the type changed', async () => {
    const part = await prepareImage(textFile('pixels.bmp', bmp, 'image/bmp'), 1568);
    if (typeof part === 'string') throw new Error(part);
    expect(part.mimeType).to.equal('image/jpeg');
    expect(attachmentInfo(part)).to.deep.include({ type: 'image/bmp', width: 2, height: 1 });
  });

  it('refuses a file the browser cannot decode as an image', async () => {
    expect(await prepareImage(textFile('broken.png', 'not a png', 'image/png'), 1568)).to.equal(
      'unreadable-image',
    );
  });
});
