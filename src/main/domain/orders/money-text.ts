import { minorUnitDigits } from '../../../shared/money';

/**
 * Minor units as a plain decimal in major units ("1234.50", "-0.05", "500"
 * for JPY): exact integer arithmetic, no floating point, no grouping, so a
 * spreadsheet or an error message reads the same figure the ledger holds.
 */
export function decimalMajor(amountMinor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = Math.abs(amountMinor);
  if (digits === 0) return `${sign}${abs}`;
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}
