import { expect } from 'chai';
import { attachmentInfo, isAttachedPart } from '../../../components/attachments/attachment-info.js';
import { shownImageURL } from '../../../components/attachments/shown-image-url.js';
import { userMessageParts } from '../../../components/attachments/user-message-parts.js';
import { ChatMessage } from '../../../src/index.js';

describe('attachment records on parts', () => {
  it('reads only well-formed fields from metadata a page or storage may have filled with anything', () => {
    const part = {
      type: 'image' as const,
      url: 'data:image/png;base64,AA==',
      metadata: { attachment: { name: 'a.png', size: -4, type: 7, width: 10, height: 'x' } },
    };
    expect(attachmentInfo(part)).to.deep.equal({ name: 'a.png', size: 0, type: '' });
    expect(attachmentInfo({ type: 'text', text: 'x', metadata: { attachment: [] } })).to.equal(
      undefined,
    );
    expect(attachmentInfo({ type: 'text', text: 'x' })).to.equal(undefined);
  });

  it('splits a user message into typed text and attachments (images, text made from files)', () => {
    const message = ChatMessage.createUserMessage([
      { type: 'image', url: 'https://example.com/a.png' },
      {
        type: 'text',
        text: '<file name="a.md">\nA\n</file>\n',
        metadata: { attachment: { name: 'a.md', size: 2 } },
      },
      { type: 'text', text: 'What is this?' },
    ]);
    const { text, attachments } = userMessageParts(message);
    expect(text).to.equal('What is this?');
    expect(attachments.map((part) => part.type)).to.deep.equal(['image', 'text']);
    expect(message.content.filter(isAttachedPart)).to.have.length(2);
  });

  it('shows only base64 raster data URLs; remote, SVG and other URLs are never loaded', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(shownImageURL(png)).to.equal(png);
    expect(shownImageURL('data:image/JPEG;base64,/9j/')).to.equal('data:image/JPEG;base64,/9j/');
    for (const url of [
      'https://example.com/cat.jpg',
      'http://example.com/cat.jpg',
      'data:image/svg+xml;base64,PHN2Zy8+',
      'data:image/png,raw',
      'javascript:alert(1)',
      'blob:https://example.com/1',
    ])
      expect(shownImageURL(url), url).to.equal(undefined);
  });
});
