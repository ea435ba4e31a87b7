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
    card.argumentsText = full.slice(0, 5);
    const element = mounted.show(card);
    const code = element.querySelector('[part~="tool-arguments"] code')!;
    const observer = new MutationObserver(() => undefined);
    observer.observe(code, { childList: true, characterData: true, subtree: true });
    let maxRecords = 0;
    let maxAddedNodes = 0;
    let slowest = 0;
    const started = performance.now();
    for (let end = 10; end < full.length + 5; end += 5) {
      card.argumentsText = full.slice(0, end);
      const before = performance.now();
      mounted.show(card);
      slowest = Math.max(slowest, performance.now() - before);
      const records = observer.takeRecords();
      maxRecords = Math.max(maxRecords, records.length);
      maxAddedNodes = Math.max(maxAddedNodes, records.reduce((sum, record) => sum + record.addedNodes.length, 0));
      if (records.some((record) => record.removedNodes.length > 0)) throw new Error(`nodes removed at ${end}: the view started over`);
    }
    const total = performance.now() - started;
    observer.disconnect();
    const deltas = Math.ceil(full.length / 5);
    console.log(`streamed ${full.length} characters in ${deltas} deltas: ${total.toFixed(0)} ms in all, ${((total / deltas) * 1000).toFixed(1)} µs per delta, slowest render ${slowest.toFixed(1)} ms, ${code.childNodes.length} text nodes`);
    expect(textData(code)).to.equal(full);
    expect(maxRecords, 'DOM mutations per delta').to.be.at.most(2);
    expect(maxAddedNodes, 'nodes added per delta').to.be.at.most(1);
    expect(code.childNodes.length, 'text nodes of bounded length').to.be.within(full.length / 2100, full.length / 2048 + 2);
  });

  it('swaps the streamed text for the arguments that run once the call is ready', () => {
    const card = toolCard({ argumentsText: '{"path":"/tm' });
    let element = mounted.show(card);
    expect(element.querySelector('[part~="tool-arguments"] code')?.textContent).to.equal('{"path":"/tm');
    Object.assign(card, { argumentsText: '{"path":"/tmp/a"}', arguments: { path: '/tmp/a' }, status: 'awaiting-approval', askingUser: true });
    element = mounted.show(card);
    expect(element.querySelector('[part~="tool-argument-name"]')?.textContent).to.equal('path');
    expect(element.querySelector('[part~="tool-argument-value"]')?.textContent?.trim()).to.equal('/tmp/a');
  });
});
