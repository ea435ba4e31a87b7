import { expect } from 'chai';
import { mountCard, textData, toolCard, type MountedCard } from './tool-card-mount.js';

/** About `size` characters of JSON arguments with escapes, accents and emoji (so 5-character deltas split surrogate pairs). */
function bigArguments(size: number): string {
  const sentence = 'Line with \\"quotes\\", accents (café, naïve) and emoji 😀🚀 \\n';
  return `{"path":"/notes/long.md","content":"${sentence.repeat(Math.ceil(size / sentence.length))}"}`;
}

describe('tool card: streamed arguments', () => {
  let mounted: MountedCard;
  beforeEach(() => {
    mounted = mountCard();
  });
  afterEach(() => mounted.remove());

  it('shows 300 KB of arguments streamed in 5-character deltas exactly, touching O(1) nodes per delta', () => {
    const full = bigArguments(300_000);
    const card = toolCard();
    mounted.show(card);
    // Built with += as the provider builds it: a string that would be copied whole if it were read.
    card.argumentsText = full.slice(0, 5);
    card.argumentPieces.push(card.argumentsText);
    const element = mounted.show(card);
    const code = element.querySelector('[part~="tool-arguments"] code')!;
    const observer = new MutationObserver(() => undefined);
    observer.observe(code, { childList: true, characterData: true, subtree: true });
    let maxRecords = 0;
    let maxAddedNodes = 0;
    let slowest = 0;
    const started = performance.now();
    for (let end = 10; end < full.length + 5; end += 5) {
      const piece = full.slice(end - 5, end);
      card.argumentsText += piece;
      card.argumentPieces.push(piece);
      const before = performance.now();
      mounted.show(card);
      slowest = Math.max(slowest, performance.now() - before);
      const records = observer.takeRecords();
      maxRecords = Math.max(maxRecords, records.length);
      maxAddedNodes = Math.max(
        maxAddedNodes,
        records.reduce((sum, record) => sum + record.addedNodes.length, 0),
      );
      // Only the oldest text leaves (the view keeps the newest 8 KB while streaming); it never starts over.
      for (const record of records)
        if (
          record.removedNodes.length > 0 &&
          record.removedNodes[0] !== record.target.firstChild &&
          record.previousSibling !== code.querySelector('[part~="tool-arguments-elided"]') &&
          record.previousSibling !== null
        )
          throw new Error(`a node other than the oldest was removed at ${end}`);
    }
    const total = performance.now() - started;
    observer.disconnect();
    const deltas = Math.ceil(full.length / 5);
    console.log(
      `streamed ${full.length} characters in ${deltas} deltas: ${total.toFixed(0)} ms in all, ${((total / deltas) * 1000).toFixed(1)} µs per delta, slowest render ${slowest.toFixed(1)} ms, ${code.childNodes.length} text nodes`,
    );
    const note = code.querySelector('[part~="tool-arguments-elided"]');
    const shown = textData(code).slice(note?.textContent?.length ?? 0);
    const elided = Number(
      /… ([\d,]+)/.exec(note?.textContent ?? '')?.[1]?.replaceAll(',', '') ?? '0',
    );
    expect(full.endsWith(shown)).to.equal(true, 'the newest text is shown, in order');
    expect(elided + shown.length).to.equal(
      full.length,
      'every character is either shown or counted',
    );
    expect(shown.length).to.be.within(8192, 8192 + 2048);
    expect(maxRecords, 'DOM mutations per delta').to.be.at.most(6);
    expect(maxAddedNodes, 'nodes added per delta').to.be.at.most(2);
    expect(code.childNodes.length, 'a bounded number of bounded text nodes').to.be.at.most(8);
  });

  it('swaps the streamed text for the arguments that run once the call is ready', () => {
    const card = toolCard({ argumentsText: '{"path":"/tm' });
    expect(card.argumentPieces).to.deep.equal(['{"path":"/tm']);
    let element = mounted.show(card);
    expect(element.querySelector('[part~="tool-arguments"] code')?.textContent).to.equal(
      '{"path":"/tm',
    );
    Object.assign(card, {
      argumentsText: '{"path":"/tmp/a"}',
      arguments: { path: '/tmp/a' },
      status: 'awaiting-approval',
      askingUser: true,
    });
    element = mounted.show(card);
    expect(element.querySelector('[part~="tool-argument-name"]')?.textContent).to.equal('path');
    expect(element.querySelector('[part~="tool-argument-value"]')?.textContent?.trim()).to.equal(
      '/tmp/a',
    );
  });
});
