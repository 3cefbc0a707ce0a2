/**
 * Money is an integer count of minor units (cents, fen) plus an ISO 4217 code.
 * Never a float: sums stay exact. Formatting happens at the edge with Intl.
 */
export interface Money {
  amountMinor: number;
  currency: string;
}

/** Minor units per major unit for a currency (JPY has none, most have 100). */
/** Intl answers the same for a currency every time; asking it costs a formatter each call. */
const digitsByCurrency = new Map<string, number>();

export function minorUnitDigits(currency: string): number {
  const known = digitsByCurrency.get(currency);
  if (known !== undefined) return known;
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    digits = 2;
  }
  digitsByCurrency.set(currency, digits);
  return digits;
}

export function toMajor(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorUnitDigits(currency);
}

/** Parses a decimal string such as "12.30" into minor units without float drift. */
export function parseMajorToMinor(text: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole, frac = ''] = match;
  if (frac.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
  return sign ? -minor : minor;
}

export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
    toMajor(amountMinor, currency),
  );
}
