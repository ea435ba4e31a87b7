import { expect } from 'chai';
import { settleWithin, timedOut } from '../../src/provider/settle-within.js';

const after = <T>(ms: number, value: T): Promise<T> =>
  new Promise((resolve) => setTimeout(() => resolve(value), ms));

describe('settleWithin', () => {
  it('settles like the promise when it is in time', async () => {
    expect(await settleWithin(after(5, 'value'), 500)).to.equal('value');
    const failure = new Error('no');
    expect(
      await settleWithin(Promise.reject(failure), 500).catch((error: unknown) => error),
    ).to.equal(failure);
  });

  it('resolves timedOut when the promise is late, and handles its late rejection', async () => {
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 60));
    expect(await settleWithin(late, 10)).to.equal(timedOut);
    await after(80, undefined);
  });

  it('never times out with Infinity', async () => {
    expect(await settleWithin(after(30, 'slow'), Infinity)).to.equal('slow');
  });
});
