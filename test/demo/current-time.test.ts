import { expect } from 'chai';
import { currentTime, isKnownTimeZone } from '../../demo/tools/current-time.js';
import { timeTool } from '../../demo/tools/time-tool.js';

const noon = new Date('2026-01-15T12:00:00Z');

describe('currentTime', () => {
  it('gives the wall-clock time, date and offset in an IANA zone', () => {
    const tokyo = currentTime('Asia/Tokyo', noon);
    expect(tokyo).to.include({
      timeZone: 'Asia/Tokyo',
      time: '21:00',
      utcOffset: 'GMT+9',
      utc: '2026-01-15T12:00:00.000Z',
    });
    // ICU versions differ on the comma after the weekday.
    expect(tokyo.date).to.match(/^Thursday,? 15 January 2026$/);
  });

  it('follows daylight saving time', () => {
    expect(currentTime('America/New_York', noon).time).to.equal('07:00');
    expect(currentTime('America/New_York', new Date('2026-07-15T12:00:00Z')).time).to.equal(
      '08:00',
    );
  });

  it('accepts any capitalisation and reports the canonical name', () => {
    expect(currentTime('europe/paris', noon)).to.include({
      timeZone: 'Europe/Paris',
      time: '13:00',
    });
    expect(currentTime('UTC', noon)).to.include({ time: '12:00' });
  });

  it('rejects an unknown zone with a message that says what to use', () => {
    expect(() => currentTime('Atlantis', noon)).to.throw(
      RangeError,
      /Unknown time zone "Atlantis": use an IANA name such as "Asia\/Tokyo"/,
    );
    expect(() => currentTime('', noon)).to.throw(RangeError, /Unknown time zone ""/);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).to.equal(false);
  });

  it('is what the get_current_time tool runs, defaulting to the browser zone', async () => {
    const context = { signal: new AbortController().signal, toolCallId: 't1' };
    const own = (await timeTool.execute({}, context)) as { timeZone: string };
    expect(own.timeZone).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
    let error: unknown;
    try {
      await timeTool.execute({ timezone: 'Nowhere/Land' }, context);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(RangeError);
  });
});
