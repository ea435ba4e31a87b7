import { expect } from 'chai';
import { fromPythonDateTime, toPythonDateTime } from '../../src/messages/python-datetime.js';

describe('Python datetime conversion', () => {
  it('reads zone-less isoformat() times as UTC, microseconds cut to milliseconds', () => {
    expect(fromPythonDateTime('2025-02-17T11:29:48.389561')).to.equal('2025-02-17T11:29:48.389Z');
    expect(fromPythonDateTime('2026-04-30T10:00:00')).to.equal('2026-04-30T10:00:00.000Z');
    expect(fromPythonDateTime('2026-04-30 10:00')).to.equal('2026-04-30T10:00:00.000Z');
    expect(fromPythonDateTime('2026-04-30')).to.equal('2026-04-30T00:00:00.000Z');
  });

  it('honours an explicit zone', () => {
    expect(fromPythonDateTime('2026-04-30T10:00:00.5+02:00')).to.equal('2026-04-30T08:00:00.500Z');
    expect(fromPythonDateTime('2026-04-30T10:00:00-0130')).to.equal('2026-04-30T11:30:00.000Z');
    expect(fromPythonDateTime('2026-04-30T10:00:00Z')).to.equal('2026-04-30T10:00:00.000Z');
  });

  it('rejects what is not a real date-time', () => {
    for (const text of [
      '',
      'yesterday',
      '2025-02-30T10:00:00',
      '2025-13-01',
      '2025-01-01T24:00:00',
      '2025-01-01T10:60',
      '2025-01-01T10:00:00.123 UTC',
    ]) {
      expect(fromPythonDateTime(text), text).to.equal(undefined);
    }
  });

  it('writes UTC as Python does: no zone, microseconds only when there are any', () => {
    expect(toPythonDateTime('2026-04-30T10:00:00.000Z')).to.equal('2026-04-30T10:00:00');
    expect(toPythonDateTime('2026-04-30T10:00:00.120Z')).to.equal('2026-04-30T10:00:00.120000');
    expect(toPythonDateTime('2026-04-30T12:00:00+02:00')).to.equal('2026-04-30T10:00:00');
    expect(toPythonDateTime('not a date')).to.equal(undefined);
  });

  it('round-trips our times', () => {
    const iso = '2031-07-09T23:59:59.999Z';
    expect(fromPythonDateTime(toPythonDateTime(iso)!)).to.equal(iso);
  });
});
