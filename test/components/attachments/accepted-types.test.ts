import { expect } from 'chai';
import {
  acceptedTypes,
  attachmentKind,
  defaultAttachmentTypes,
  isAccepted,
} from '../../../components/attachments/accepted-types.js';

const file = (name: string, type = ''): { name: string; type: string } => ({ name, type });

describe('accepted attachment types', () => {
  it('reads the attribute as accept tokens; an empty one means the default set', () => {
    expect(acceptedTypes(' image/* , .MD,,.py ')).to.deep.equal(['image/*', '.md', '.py']);
    expect(acceptedTypes('')).to.deep.equal(defaultAttachmentTypes.split(','));
    expect(acceptedTypes(' , ')).to.deep.equal(defaultAttachmentTypes.split(','));
  });

  it('matches extensions, wildcard types and exact types, case-insensitively', () => {
    const tokens = acceptedTypes('image/*,.md,application/json');
    expect(isAccepted(file('a.PNG', 'image/png'), tokens)).to.equal(true);
    expect(isAccepted(file('notes.MD'), tokens)).to.equal(true);
    expect(isAccepted(file('data', 'application/json'), tokens)).to.equal(true);
    expect(isAccepted(file('report.pdf', 'application/pdf'), tokens)).to.equal(false);
    expect(isAccepted(file('.md'), tokens), 'a dot file has no extension').to.equal(false);
  });

  it('takes images and common text and source files by default, not binaries', () => {
    const tokens = acceptedTypes('');
    for (const accepted of [
      file('photo.jpg', 'image/jpeg'),
      file('notes.txt', 'text/plain'),
      file('table.csv', 'text/csv'),
      file('data.json', 'application/json'),
      file('main.ts', 'video/mp2t'),
      file('script.py', ''),
    ])
      expect(isAccepted(accepted, tokens), accepted.name).to.equal(true);
    for (const refused of [file('a.pdf', 'application/pdf'), file('a.zip', 'application/zip')])
      expect(isAccepted(refused, tokens), refused.name).to.equal(false);
  });

  it('reads source files as text whatever type the browser guessed, and images as images', () => {
    expect(attachmentKind(file('main.ts', 'video/mp2t'))).to.equal('text');
    expect(attachmentKind(file('data.json', 'application/json'))).to.equal('text');
    expect(attachmentKind(file('photo.jpg', 'image/jpeg'))).to.equal('image');
    expect(attachmentKind(file('unknown.bin', ''))).to.equal('text');
  });
});
