/**
 * WooCommerce writes every date twice: `date_modified` in the shop's time zone
 * (no offset) and `date_modified_gmt` in UTC (no offset either). These helpers
 * turn one into the other for an IANA zone, as WordPress does with its
 * timezone_string setting.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

const offsets = new Map<string, number>();

/** The zone's offset from UTC at an instant, in milliseconds (positive east of Greenwich). */
export function zoneOffsetMs(instantMs: number, timezone: string): number {
  // Zones change offset on the quarter hour at most: one lookup per zone and quarter hour.
  const key = `${timezone}|${Math.floor(instantMs / 900_000)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = measureOffset(Math.floor(instantMs / 900_000) * 900_000, timezone);
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

function measureOffset(instantMs: number, timezone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timezone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/** "2026-03-01T09:30:00" as UTC, seconds only: the shape of WooCommerce's *_gmt fields. */
export function wooGmt(instantMs: number): string {
  return new Date(Math.floor(instantMs / 1000) * 1000).toISOString().slice(0, 19);
}

/** The same instant on the shop's wall clock: the shape of WooCommerce's local date fields. */
export function wooLocal(instantMs: number, timezone: string): string {
  return wooGmt(instantMs + zoneOffsetMs(instantMs, timezone));
}

/** Reads a wall-clock time in the shop's zone back to a UTC instant. */
export function localToInstant(wall: string, timezone: string): number {
  const asUtc = Date.parse(`${wall}Z`);
  const first = asUtc - zoneOffsetMs(asUtc, timezone);
  return asUtc - zoneOffsetMs(first, timezone);
}

/**
 * A request date as WordPress reads it: an explicit offset or Z wins; a bare
 * date is UTC with dates_are_gmt=true and the shop's local time without it.
 */
export function parseRequestDate(text: string, datesAreGmt: boolean, timezone: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(text)) return null;
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const instant = Date.parse(text);
    return Number.isNaN(instant) ? null : instant;
  }
  const bare = text.slice(0, 19);
  return datesAreGmt ? Date.parse(`${bare}Z`) : localToInstant(bare, timezone);
}
