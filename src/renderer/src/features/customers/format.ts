import type { Locale } from '../../../../shared/contract';
import type { MessageKey, Translate } from '../../i18n';
import { en } from '../../i18n/en';

/** "Canada" / "加拿大" for 'CA'; the code itself when the runtime does not know it. */
export function countryName(code: string | null, locale: Locale): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The name to show for a customer: their name, else their email or phone, else a placeholder. */
export const displayName = (
  customer: { name: string | null; email: string | null; phone?: string | null },
  unnamed: string,
): string => customer.name?.trim() || customer.email || customer.phone || unnamed;

/**
 * A new key per user action: a retried request (same key) merges or posts once.
 * getRandomValues, not randomUUID: staff on the LAN open the console over plain
 * http, which is not a secure context, and randomUUID exists only in those.
 */
export function newIdempotencyKey(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}:${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * A status word from another area's vocabulary ("orders.financial.paid"), or
 * the raw value when that area has no word for it: a status added by a
 * marketplace must still show, not crash or print a key.
 */
export function statusLabel(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return key in en ? t(key as MessageKey) : value.replace(/_/g, ' ');
}
