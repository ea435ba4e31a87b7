import { expect } from 'chai';
import { attachmentInfo } from '../../../components/attachments/attachment-info.js';
import { fileContent, fileText } from '../../../components/attachments/file-text.js';
import { readTextFile } from '../../../components/attachments/read-text-file.js';
import { textFile } from './test-files.js';

describe('readTextFile', () => {
  it('makes a text part that names the file, with the file recorded in its metadata', async () => {
    const part = await readTextFile(
      textFile('notes.md', '# Plan\n\nShip it. ✓\n', 'text/markdown'),
    );
    if (typeof part === 'string') throw new Error(part);
    expect(part.text).to.equal('<file name="notes.md">\n# Plan\n\nShip it. ✓\n\n</file>\n');
    expect(attachmentInfo(part)).to.deep.equal({
      name: 'notes.md',
      size: 21,
      type: 'text/markdown',
    });
    expect(fileContent(part.text)).to.equal('# Plan\n\nShip it. ✓\n');
  });

  it('refuses a file that is not valid UTF-8 instead of sending replaced bytes', async () => {
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9]); // "café" in Latin-1
    expect(await readTextFile(textFile('old.txt', latin1))).to.equal('not-text');
  });

  it('refuses binary data even when it happens to be valid UTF-8', async () => {
    expect(await readTextFile(textFile('blob.json', new Uint8Array([0x7b, 0, 0, 0x7d])))).to.equal(
      'not-text',
    );
  });

  it('keeps a file name from breaking out of the file tag', () => {
    const text = fileText('a"><b>\n.txt', 'x');
    expect(text.split('\n')[0]).to.equal('<file name="a&quot;&gt;&lt;b&gt; .txt">');
    expect(fileContent(text)).to.equal('x');
  });

  it('shows text that was not made from a file as it is', () => {
    expect(fileContent('<file name="x">\nno closing tag')).to.equal(
      '<file name="x">\nno closing tag',
    );
  });
});
