import type { FinancialStatus, FulfillmentStatus, OrderStatus } from '../../../../shared/contract';
import type { MessageKey, Translate } from '../../i18n';
import { dictionaries } from '../../i18n/dictionary';

/**
 * The label for a code the data carries (a status, channel, method). Codes
 * this console knows are translated; one it does not (a new marketplace's
 * channel, say) is shown as written rather than hidden.
 */
export function codeLabel(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return key in dictionaries.en ? t(key as MessageKey) : code.replace(/_/g, ' ');
}

export const STATUS_COLORS: Record<OrderStatus, string> = { open: 'blue', completed: 'teal', cancelled: 'gray' };
export const FINANCIAL_COLORS: Record<FinancialStatus, string> = {
  pending: 'yellow',
  authorized: 'yellow',
  paid: 'teal',
  partially_refunded: 'orange',
  refunded: 'orange',
  voided: 'gray',
  failed: 'red',
};
export const FULFILLMENT_COLORS: Record<FulfillmentStatus, string> = {
  unfulfilled: 'yellow',
  partial: 'blue',
  fulfilled: 'teal',
  returned: 'grape',
};
