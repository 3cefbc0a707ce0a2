/**
 * Local wall time in an IANA time zone, with nothing but Intl (no tz library).
 * An offset is the zone's "local minus UTC" in milliseconds at one instant;
 * Intl is slow (microseconds per call), so callers cache per local day.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Local minus UTC at `utcMs`, in ms (e.g. -5 h in Toronto in winter). */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(utcMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(fields.year as number, (fields.month as number) - 1, fields.day as number,
    fields.hour as number, fields.minute as number, fields.second as number);
  // formatToParts drops milliseconds: compare whole seconds.
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The UTC instant of a local wall time given as "wall ms" (the wall clock
 * read as if it were UTC). Two rounds settle every ordinary time; a wall
 * time inside a spring-forward gap lands just after the gap, as a clock would.
 */
export function wallToUtc(timeZone: string, wallMs: number): number {
  const first = wallMs - zoneOffsetMs(timeZone, wallMs);
  const second = wallMs - zoneOffsetMs(timeZone, first);
  if (second === first) return first;
  const third = wallMs - zoneOffsetMs(timeZone, second);
  return Math.max(second, third);
}
