/**
 * Python ToolAgents stores `datetime.now().isoformat()`: local time without a zone. We read such
 * times as UTC (the writer's zone is unknown) and write UTC times the same way.
 */

const pattern =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** A Python `isoformat()` time as our ISO-8601 UTC form (`…Z`), or `undefined` when it is not one. */
export function fromPythonDateTime(text: string): string | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const [, date = '', hours = '00', minutes = '00', seconds = '00', fraction = '', zone = 'Z'] =
    match;
  if (!isCalendarDate(date) || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59)
    return undefined;
  // Date.parse reliably takes only milliseconds and `±HH:MM` offsets.
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  const offset =
    zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(3).replace(':', '').padEnd(2, '0')}`;
  const time = Date.parse(`${date}T${hours}:${minutes}:${seconds}.${millis}${offset}`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

// Date.parse rolls impossible dates (Feb 30) over instead of rejecting them.
function isCalendarDate(date: string): boolean {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  const check = new Date(Date.UTC(year, month - 1, day));
  return (
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day
  );
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Our ISO-8601 time as Python's `isoformat()` writes a zone-less UTC time (microseconds only when non-zero). */
export function toPythonDateTime(iso: string): string | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  const d = new Date(time);
  const base = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const millis = d.getUTCMilliseconds();
  return millis === 0 ? base : `${base}.${pad(millis, 3)}000`;
}
