import { minorUnitDigits } from '../../../shared/money';

/**
 * Reading one cell of an export: amounts, quantities and times as the
 * platforms (or a spreadsheet) write them. Each reader throws a CellProblem
 * whose message finishes the sentence "Row 7: …", so the merchant learns
 * which value, in which column, is wrong.
 */
export class CellProblem extends Error {}

export type DecimalSeparator = '.' | ',';
export type DateOrder = 'iso' | 'dmy' | 'mdy' | 'ymd';

/** "1,234.50" / "1.234,50" / "1 234,50" / "-3.00" → minor units of `currency`; '' → null. */
export function readMoney(text: string, currency: string, separator: DecimalSeparator, column: string): number | null {
  const raw = text.trim();
  if (raw === '') return null;
  const grouping = separator === '.' ? /[,\s\u00a0']/g : /[.\s\u00a0']/g;
  const plain = raw.replace(grouping, '');
  const normalised = separator === ',' ? plain.replace(',', '.') : plain;
  const match = /^([-+])?(\d+)(?:\.(\d*))?$/.exec(normalised);
  if (!match || !groupedWell(raw, separator)) {
    throw new CellProblem(`the ${column} "${raw}" is not an amount (write it like ${separator === '.' ? '12.50' : '12,50'})`);
  }
  const [, sign, whole = '0', fraction = ''] = match;
  const digits = minorUnitDigits(currency);
  if (fraction.replace(/0+$/, '').length > digits) {
    throw new CellProblem(`the ${column} "${raw}" has more decimals than ${currency} allows (${digits})`);
  }
  const minor = Number(whole) * 10 ** digits + Number(fraction.slice(0, digits).padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) throw new CellProblem(`the ${column} "${raw}" is too large`);
  return sign === '-' ? -minor : minor;
}

// "1,234.50" groups by threes; "12,50" read with '.' as the separator is a mistake, not 1250.
function groupedWell(raw: string, separator: DecimalSeparator): boolean {
  const mark = separator === '.' ? ',' : '.';
  const whole = raw.replace(/^[-+]/, '').split(separator)[0] ?? '';
  return !whole.includes(mark) || new RegExp(`^\\d{1,3}(\\${mark}\\d{3})+$`).test(whole);
}

export function requireMoney(text: string, currency: string, separator: DecimalSeparator, column: string): number {
  const value = readMoney(text, currency, separator, column);
  if (value === null) throw new CellProblem(`the ${column} is empty`);
  return value;
}

export function readQuantity(text: string, column: string): number {
  const raw = text.trim();
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new CellProblem(`the ${column} "${raw}" is not a whole number of 1 or more`);
  return Number(raw);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the zone is ahead of UTC at the instant `utcMs`. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  let format = offsetFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    offsetFormatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(utcMs))) parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** A wall-clock time in `timeZone` as a UTC instant (the later reading when a clock change repeats an hour). */
function wallClockToUtc(fields: number[], timeZone: string): number {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = fields;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  if (timeZone === 'UTC') return wall;
  const first = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(first, timeZone);
}

const TIME = String.raw`(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?`;
const ZONE = String.raw`\s*(Z|UTC|[+-]\d{2}:?\d{2})?`;
const PATTERNS: Record<DateOrder, RegExp> = {
  iso: new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${TIME}${ZONE}$`, 'i'),
  ymd: new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}${ZONE}$`, 'i'),
  dmy: new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${TIME}${ZONE}$`, 'i'),
  mdy: new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${TIME}${ZONE}$`, 'i'),
};
const EXAMPLES: Record<DateOrder, string> = {
  iso: '2026-03-31 14:05', ymd: '2026/03/31 14:05', dmy: '31/03/2026 14:05', mdy: '03/31/2026 14:05',
};

/**
 * A date or date-time → UTC ISO-8601. An explicit offset ("-0500", "Z") is
 * obeyed; a time without one is read in the store's time zone.
 */
export function readInstant(text: string, order: DateOrder, timeZone: string, column: string): string {
  const raw = text.trim();
  // A file in day-month-year may still hold ISO dates (2026-03-31): those are unambiguous.
  let match = PATTERNS[order].exec(raw);
  let shape: 'ymd' | 'dmy' | 'mdy' = order === 'iso' ? 'ymd' : order;
  if (!match && order !== 'iso') {
    match = PATTERNS.iso.exec(raw);
    shape = 'ymd';
  }
  if (!match) throw new CellProblem(`the ${column} "${raw}" is not a date written like ${EXAMPLES[order]}`);
  const numbers = match.slice(1, 7).map((part) => (part === undefined ? 0 : Number(part)));
  const [a = 0, b = 0, c = 0, hour = 0, minute = 0, second = 0] = numbers;
  const [year, month, day] = shape === 'ymd' ? [a, b, c] : shape === 'dmy' ? [c, b, a] : [c, a, b];
  const zone = match[7];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || probe.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    throw new CellProblem(`the ${column} "${raw}" is not a real date (expected ${EXAMPLES[order]})`);
  }
  const fields = [year, month, day, hour, minute, second];
  let utcMs: number;
  if (zone === undefined) {
    utcMs = wallClockToUtc(fields, timeZone);
  } else {
    const offset = /^[+-]/.test(zone) ? zone.replace(':', '') : '+0000';
    const sign = offset.startsWith('-') ? -1 : 1;
    const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5));
    utcMs = Date.UTC(year, month - 1, day, hour, minute, second) - sign * minutes * 60_000;
  }
  return new Date(utcMs).toISOString();
}

export function isCurrencyCode(text: string): boolean {
  return /^[A-Z]{3}$/.test(text);
}

/** "vip, wholesale" → ['vip', 'wholesale']. */
export function readTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}
