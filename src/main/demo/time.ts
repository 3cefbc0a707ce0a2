import type { Random } from './random';

export const SECOND = 1_000;
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));
/** 'YYYY-MM-DDT' by day number since FIRST_CACHED_DAY, filled on demand (a dense array beats a Map here). */
const FIRST_CACHED_DAY = 16_000; // 2013-10-22
const dayPrefixes = new Array<string | undefined>(30_000).fill(undefined);

/**
 * UTC ISO-8601 at second precision ('2026-03-01T14:05:00.000Z'). Millions of
 * timestamps are formatted per large store, and Date#toISOString was a visible
 * share of the load, so the date part is cached per day.
 */
export function isoAt(ms: number): string {
  const day = Math.floor(ms / DAY);
  const slot = day - FIRST_CACHED_DAY;
  let prefix = dayPrefixes[slot];
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    if (slot >= 0 && slot < dayPrefixes.length) dayPrefixes[slot] = prefix;
  }
  let seconds = Math.floor((ms - day * DAY) / SECOND);
  const h = (seconds / 3600) | 0;
  seconds -= h * 3600;
  const m = (seconds / 60) | 0;
  const s = seconds - m * 60;
  return `${prefix}${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[s]}.000Z`;
}

/** `months` calendar months before `ms` (UTC), clamped like Date#setUTCMonth. */
export function monthsBefore(ms: number, months: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.getTime();
}

// Shoppers are mostly in North America: local lunchtime and evening peaks, shifted to UTC (-5 h).
const LOCAL_HOURLY = [
  3, 2, 1, 1, 1, 1, 2, 4, 6, 7, 8, 9, 11, 11, 9, 8, 8, 9, 10, 12, 13, 12, 9, 5,
];
const UTC_HOURLY = Array.from({ length: 24 }, (_, h) => LOCAL_HOURLY[(h - 5 + 24) % 24] as number);
/** Cumulative diurnal mass at each hour boundary over two days, so a window may cross midnight. */
const DIURNAL_CUMULATIVE = (() => {
  const c = new Float64Array(49);
  for (let h = 0; h < 48; h++) c[h + 1] = (c[h] as number) + (UTC_HOURLY[h % 24] as number);
  return c;
})();

function diurnalMassAt(msIntoDay: number): number {
  const hours = msIntoDay / HOUR;
  const h = Math.min(47, Math.floor(hours));
  return (DIURNAL_CUMULATIVE[h] as number) + (hours - h) * (UTC_HOURLY[h % 24] as number);
}

function msIntoDayForMass(mass: number): number {
  let h = 0;
  while (h < 47 && (DIURNAL_CUMULATIVE[h + 1] as number) <= mass) h++;
  return (h + (mass - (DIURNAL_CUMULATIVE[h] as number)) / (UTC_HOURLY[h % 24] as number)) * HOUR;
}

// Monday busiest, weekend quieter (index = UTC day of week, Sunday first).
const WEEKDAY = [1.02, 1.1, 1.03, 1.0, 0.97, 0.92, 0.9];
const MONTH = [0.8, 0.86, 0.95, 1.0, 1.06, 0.95, 0.9, 0.92, 1.0, 1.05, 1.28, 1.5];

/** Demand multiplier for a calendar day: month, gifting holidays, Black Friday weekend. */
function seasonality(date: Date): number {
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  let factor = MONTH[month] as number;
  if (month === 1 && day >= 7 && day <= 13) factor *= 1.3; // Valentine's gifts
  if (month === 11 && day > 20) factor *= 0.55; // too late to ship before Christmas
  if (month === 10 || (month === 11 && day <= 2)) {
    const nov1 = new Date(Date.UTC(date.getUTCFullYear(), 10, 1)).getUTCDay();
    const thanksgiving = 1 + ((4 - nov1 + 7) % 7) + 21;
    const sinceThanksgiving = (Date.UTC(date.getUTCFullYear(), month, day) -
      Date.UTC(date.getUTCFullYear(), 10, thanksgiving)) / DAY;
    const peak = [1.3, 2.6, 1.8, 1.5, 2.2]; // Thu .. Cyber Monday
    if (sinceThanksgiving >= 0 && sinceThanksgiving < peak.length) factor *= peak[sinceThanksgiving] as number;
  }
  return factor;
}

/**
 * `count` order times in [startMs, endMs), ascending, at second precision.
 * Days get orders in proportion to growth x weekday x season x noise; within a
 * day the times follow the diurnal curve. Stratified sampling through a
 * monotone inverse CDF keeps them sorted without a sort.
 */
export function orderTimeline(rng: Random, count: number, startMs: number, endMs: number): Float64Array {
  const bucketCount = Math.max(1, Math.ceil((endMs - startMs) / DAY));
  const weights = new Float64Array(bucketCount);
  let totalWeight = 0;
  for (let i = 0; i < bucketCount; i++) {
    const from = startMs + i * DAY;
    const length = Math.min(DAY, endMs - from);
    const growth = 0.62 + 0.38 * (i / bucketCount);
    const mid = new Date(from + length / 2);
    const w =
      (length / DAY) * growth * (WEEKDAY[mid.getUTCDay()] as number) * seasonality(mid) *
      (0.85 + 0.3 * rng.next());
    weights[i] = w;
    totalWeight += w;
  }

  const times = new Float64Array(count);
  const earliest = Math.ceil(startMs / SECOND) * SECOND;
  const latest = Math.floor((endMs - 1) / SECOND) * SECOND;
  let written = 0;
  let cumulative = 0;
  for (let i = 0; i < bucketCount; i++) {
    cumulative += weights[i] as number;
    const upTo = i === bucketCount - 1 ? count : Math.round((cumulative / totalWeight) * count);
    const inBucket = upTo - written;
    if (inBucket <= 0) continue;
    const from = startMs + i * DAY;
    const length = Math.min(DAY, endMs - from);
    const offset = from - Math.floor(from / DAY) * DAY;
    const massFrom = diurnalMassAt(offset);
    const mass = diurnalMassAt(offset + length) - massFrom;
    for (let j = 0; j < inBucket; j++) {
      const u = (j + rng.next()) / inBucket;
      const at = from + (msIntoDayForMass(massFrom + u * mass) - offset);
      times[written++] = Math.max(earliest, Math.min(latest, Math.floor(at / SECOND) * SECOND));
    }
  }
  return times;
}
