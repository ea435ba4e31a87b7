import { expect } from 'chai';
import type { MarkdownWriter } from '../../components/markdown-adapter.js';
import { PacedWriter } from '../../components/paced-writer.js';

/** A writer that records what reaches it and when. */
function recordingWriter(): MarkdownWriter & {
  writes: { text: string; at: number }[];
  ended: boolean;
} {
  const record = {
    writes: [] as { text: string; at: number }[],
    ended: false,
    append(text: string) {
      record.writes.push({ text, at: performance.now() });
    },
    end() {
      record.ended = true;
    },
  };
  return record;
}

const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Overrides `document.visibilityState` for one test. */
function pretendHidden(hidden: boolean): () => void {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  });
  return () => {
    delete (document as { visibilityState?: unknown }).visibilityState;
  };
}

describe('PacedWriter', () => {
  it('holds pieces until the next frame and writes them as one, in order', async () => {
    const target = recordingWriter();
    const writer = new PacedWriter(target, 50, document);
    writer.append('Hello');
    writer.append(', ');
    writer.append('world');
    expect(target.writes).to.have.length(0);
    await frame();
    await frame();
    expect(target.writes.map((w) => w.text)).to.deep.equal(['Hello, world']);
  });

  it('writes at most once per interval while pieces keep coming', async () => {
    const target = recordingWriter();
    const writer = new PacedWriter(target, 100, document);
    const started = performance.now();
    let sent = '';
    for (let i = 0; performance.now() - started < 600; i++) {
      writer.append(`${i} `);
      sent += `${i} `;
      await sleep(5);
    }
    writer.end();
    expect(target.writes.map((w) => w.text).join('')).to.equal(sent);
    // Every write but the last (from end()) comes at least an interval, less half a frame, after the one before.
    const gaps = target.writes.slice(1, -1).map((w, i) => w.at - target.writes[i]!.at);
    expect(gaps.length).to.be.greaterThan(2);
    for (const gap of gaps) expect(gap).to.be.at.least(100 - 8 - 1);
    expect(target.writes.length).to.be.lessThan(sent.split(' ').length / 4);
  });

  it('writes what it holds at once when the text ends, then ends the target', () => {
    const target = recordingWriter();
    const writer = new PacedWriter(target, 1000, document);
    writer.append('last ');
    writer.append('words');
    writer.end();
    expect(target.writes.map((w) => w.text)).to.deep.equal(['last words']);
    expect(target.ended).to.equal(true);
  });

  it('writes nothing after end(), even when a frame was pending', async () => {
    const target = recordingWriter();
    const writer = new PacedWriter(target, 50, document);
    writer.append('a');
    writer.end();
    await frame();
    await frame();
    expect(target.writes.map((w) => w.text)).to.deep.equal(['a']);
  });

  it('writes every piece as it comes with an interval of 0', () => {
    const target = recordingWriter();
    const writer = new PacedWriter(target, 0, document);
    writer.append('one');
    writer.append('two');
    expect(target.writes.map((w) => w.text)).to.deep.equal(['one', 'two']);
  });

  it('writes straight through on a hidden page, where no frame would come', async () => {
    const target = recordingWriter();
    const writer = new PacedWriter(target, 50, document);
    writer.append('shown ');
    const restore = pretendHidden(true);
    try {
      writer.append('while hidden');
      // What was held goes first: nothing is reordered.
      expect(target.writes.map((w) => w.text)).to.deep.equal(['shown ', 'while hidden']);
    } finally {
      restore();
    }
    writer.append(' again');
    await sleep(60);
    await frame();
    await frame();
    expect(target.writes.map((w) => w.text).join('')).to.equal('shown while hidden again');
  });
});
