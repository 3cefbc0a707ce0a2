import { MappingError } from '../mapping';
import { minorUnitDigits, parseMajorToMinor } from '../../../../shared/money';

// Thrown by the mappers for a record that cannot be trusted; the page goes on without it (shared by every connector).
export { MappingError } from '../mapping';

/**
 * Shopify's Decimal strings ("10.0", "12.34", "1000.0" for JPY) to integer
 * minor units of the currency. Trailing zeros beyond the currency's digits are
 * harmless ("1000.0" yen); anything else that does not fit is a bad record.
 */
export function decimalToMinor(amount: unknown, currency: string, what: string): number {
  if (typeof amount !== 'string' && typeof amount !== 'number') throw new MappingError(`${what} has no amount.`);
  let text = String(amount).trim();
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  const minor = parseMajorToMinor(text, currency);
  if (minor === null || !Number.isSafeInteger(minor)) {
    throw new MappingError(`${what} "${String(amount)}" is not a ${currency} amount with at most ${minorUnitDigits(currency)} decimals.`);
  }
  return minor;
}

interface MoneyBag { shopMoney?: { amount?: unknown; currencyCode?: unknown } | null }

/** A MoneyBag's shop-currency amount; a missing bag is zero only where Shopify may omit it. */
export function bagToMinor(bag: MoneyBag | null | undefined, currency: string, what: string, optional = false): number {
  if (!bag?.shopMoney) {
    if (optional) return 0;
    throw new MappingError(`${what} is missing.`);
  }
  const code = bag.shopMoney.currencyCode;
  if (typeof code === 'string' && code !== currency) throw new MappingError(`${what} is in ${code}, not the order's ${currency}.`);
  return decimalToMinor(bag.shopMoney.amount, currency, what);
}

/** Minor units back to the decimal string Shopify's Money inputs take. */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}
