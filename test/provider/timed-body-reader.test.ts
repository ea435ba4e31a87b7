import { expect } from 'chai';
import { TimedBodyReader } from '../../src/provider/timed-body-reader.js';
import { bodyThatStaysOpen } from '../helpers/index.js';

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function bodyOf(
  chunks: readonly string[],
  options: { failAfter?: boolean } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk !== undefined) controller.enqueue(encoder.encode(chunk));
      else if (options.failAfter) controller.error(new TypeError('network error'));
      else controller.close();
    },
  });
}

describe('TimedBodyReader', () => {
  it('reads bytes, then the end, counting bytes', async () => {
    const reader = new TimedBodyReader(bodyOf(['ab', 'c']), 1_000);
    expect((await reader.read()).kind).to.equal('bytes');
    expect((await reader.read()).kind).to.equal('bytes');
    expect(await reader.read()).to.deep.equal({ kind: 'end' });
    expect(reader.bytesRead).to.equal(3);
  });

  it('reports a body that errors as failed, with the error', async () => {
    const reader = new TimedBodyReader(bodyOf([], { failAfter: true }), 1_000);
    const read = await reader.read();
    expect(read.kind).to.equal('failed');
    expect(read.kind === 'failed' && read.error).to.be.instanceOf(TypeError);
  });

  it('reports idle when nothing arrives in time, cancels the body and calls onIdle once', async () => {
    const open = bodyThatStaysOpen(['first']);
    let idleCalls = 0;
    const reader = new TimedBodyReader(open.body, 60, () => idleCalls++);
    expect((await reader.read()).kind).to.equal('bytes');
    const started = performance.now();
    expect((await reader.read()).kind).to.equal('idle');
    expect(performance.now() - started).to.be.at.least(55);
    expect(open.cancelled()).to.equal(true);
    expect((await reader.read()).kind, 'stays idle').to.equal('idle');
    expect(idleCalls).to.equal(1);
  });

  it('does not count time between reads', async () => {
    const reader = new TimedBodyReader(bodyOf(['a', 'b', 'c']), 40);
    for (let i = 0; i < 3; i++) {
      expect((await reader.read()).kind).to.equal('bytes');
      await wait(100);
    }
    expect((await reader.read()).kind).to.equal('end');
  });

  it('never times out with Infinity, and cancel stops it', async () => {
    const open = bodyThatStaysOpen([]);
    const reader = new TimedBodyReader(open.body, Infinity);
    const pending = reader.read();
    await wait(50);
    reader.cancel();
    expect((await pending).kind).to.equal('end');
    expect(open.cancelled()).to.equal(true);
  });
});
