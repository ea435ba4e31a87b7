/** The time in one zone, as the `get_current_time` tool returns it. */
export interface ZonedTime {
  /** The IANA zone, as `Intl` spells it (e.g. `Asia/Tokyo`). */
  readonly timeZone: string;
  /** Local wall-clock time, 24-hour `HH:MM`. */
  readonly time: string;
  /** Local date, e.g. `Tuesday, 24 November 2026`. */
  readonly date: string;
  /** Offset from UTC, e.g. `GMT+9`. */
  readonly utcOffset: string;
  /** The instant in UTC (ISO 8601). */
  readonly utc: string;
}

/** Whether `Intl` knows this time zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function part(
  parts: readonly Intl.DateTimeFormatPart[],
  type: Intl.DateTimeFormatPartTypes,
): string {
  return parts.find((item) => item.type === type)?.value ?? '';
}

/**
 * The time `now` in an IANA time zone, through `Intl.DateTimeFormat`.
 * @throws RangeError naming the zone when it is not a valid IANA time zone.
 * @example currentTime('Asia/Tokyo').time // '23:05'
 */
export function currentTime(timeZone: string, now: Date = new Date()): ZonedTime {
  const zone = timeZone.trim();
  if (zone === '' || !isKnownTimeZone(zone)) {
    throw new RangeError(
      `Unknown time zone ${JSON.stringify(timeZone)}: use an IANA name such as "Asia/Tokyo", "Europe/Paris" or "America/New_York".`,
    );
  }
  const clock = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
  }).formatToParts(now);
  const date = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(now);
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  return {
    timeZone: resolved,
    time: `${part(clock, 'hour')}:${part(clock, 'minute')}`,
    date,
    utcOffset: part(clock, 'timeZoneName'),
    utc: now.toISOString(),
  };
}
