import { minorUnitDigits, toMajor } from '../../../../../shared/money';

/**
 * A point is often worth a fraction of a cent (0.5 minor units), which money
 * formatting would round to "$0.01"; show up to four more digits instead.
 */
export function formatPointValue(pointValueMinor: number, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits + 4,
  }).format(toMajor(pointValueMinor, currency));
}
