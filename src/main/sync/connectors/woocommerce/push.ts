import { ConnectorError, type OutboxItem } from '../../connector';
import { minorUnitDigits } from '../../../../shared/money';
import { WooApiError, type WooClient } from './client';
import { isObject, REFUND_KEY_META } from './fields';
import { setWooOrderTags } from './order-tags';
import type { PushOutcome, QueuedItem } from '../race';
import { setWooRecommendations } from './recommendations';
import { addWooTracking } from './fulfilment';
import { RECOMMENDATIONS_OPERATION } from '../recommendations';

/**
 * Outbox messages sent to WooCommerce. A refusal WooCommerce gives (a 4xx, or
 * its own error code on a 5xx) is permanent and carries its message; a network
 * failure or a host's 5xx is retried. Each write is safe to send twice.
 */
function orderIdOf(item: OutboxItem): string | null {
  const id = item.targetExternalId ?? (typeof item.payload.externalId === 'string' ? item.payload.externalId : null);
  return id !== null && /^\d+$/.test(id) ? id : null;
}

function decimal(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

function couponBody(payload: Record<string, unknown>, currency: string): Record<string, unknown> | string {
  const code = typeof payload.code === 'string' ? payload.code : null;
  if (!code) return 'The coupon has no code to create in WooCommerce.';
  const base: Record<string, unknown> = {
    code, individual_use: true, usage_limit: typeof payload.usageLimit === 'number' ? payload.usageLimit : 1,
    description: 'Issued by Backroom for a loyalty reward.',
  };
  if (typeof payload.minOrderMinor === 'number' && payload.minOrderMinor > 0) base.minimum_amount = decimal(payload.minOrderMinor, currency);
  switch (payload.kind) {
    case 'fixed_amount':
      return { ...base, discount_type: 'fixed_cart', amount: decimal(Number(payload.valueMinor ?? 0), currency) };
    case 'percent':
      return { ...base, discount_type: 'percent', amount: String(payload.percent ?? 0) };
    case 'free_shipping':
      return { ...base, discount_type: 'fixed_cart', amount: '0', free_shipping: true };
    case 'gift_product': {
      const productId = typeof payload.productExternalId === 'string' ? Number(payload.productExternalId) : NaN;
      if (!Number.isInteger(productId)) return 'A gift-product coupon needs the product\'s WooCommerce id, and this product has none (it was not synced from the shop).';
      return { ...base, discount_type: 'percent', amount: '100', product_ids: [productId], limit_usage_to_x_items: 1 };
    }
    default:
      return `WooCommerce has no coupon for a reward of kind ${JSON.stringify(payload.kind)}.`;
  }
}

async function sendOne(client: WooClient, item: QueuedItem, currency: string, signal: AbortSignal): Promise<PushOutcome> {
  const orderId = orderIdOf(item);
  const needsOrder = item.operation.startsWith('order.');
  if (needsOrder && orderId === null) return { ok: false, permanent: true, message: 'The order has no WooCommerce id, so the change cannot be sent to the shop.' };
  switch (item.operation) {
    case 'order.note.set': {
      const note = typeof item.payload.note === 'string' ? item.payload.note.trim() : '';
      // WooCommerce order notes are a history, not a field: a cleared note has nothing to add.
      if (note === '') return { ok: true };
      const response = await client.request('POST', `orders/${orderId}/notes`, { body: { note, customer_note: false }, signal });
      return { ok: true, remoteId: isObject(response.body) ? String(response.body.id) : undefined };
    }
    case 'order.tags.set':
      return setWooOrderTags(client, orderId!, item, signal);
    case 'order.refund.create': {
      // WooCommerce takes no idempotency key: the refund carries ours in its meta, and a retry looks for it first.
      const existing = await client.request('GET', `orders/${orderId}/refunds`, { query: { per_page: '100' }, signal });
      const found = Array.isArray(existing.body) ? existing.body.find((refund) => isObject(refund) && Array.isArray(refund.meta_data)
        && refund.meta_data.some((meta) => isObject(meta) && meta.key === REFUND_KEY_META && meta.value === item.idempotencyKey)) : undefined;
      if (isObject(found)) return { ok: true, remoteId: String(found.id) };
      const amountMinor = Number(item.payload.amountMinor);
      if (!Number.isInteger(amountMinor) || amountMinor <= 0) return { ok: false, permanent: true, message: 'The refund has no amount to send.' };
      const reason = [item.payload.reason, item.payload.note].filter((part) => typeof part === 'string' && part !== '').join(' — ');
      const response = await client.request('POST', `orders/${orderId}/refunds`, {
        // api_refund false: record the refund in WooCommerce; the money moves where the merchant approved it, not through the gateway from here.
        body: { amount: decimal(amountMinor, typeof item.payload.currency === 'string' ? item.payload.currency : currency), reason, api_refund: false, meta_data: [{ key: REFUND_KEY_META, value: item.idempotencyKey }] },
        signal,
      });
      return { ok: true, remoteId: isObject(response.body) ? String(response.body.id) : undefined };
    }
    case 'coupon.create': {
      const body = couponBody(item.payload, currency);
      if (typeof body === 'string') return { ok: false, permanent: true, message: body };
      try {
        const response = await client.request('POST', 'coupons', { body, signal });
        return { ok: true, remoteId: isObject(response.body) ? String(response.body.id) : undefined };
      } catch (error) {
        // Sent before and the answer lost: the code is ours, so it existing means it was created.
        if (error instanceof WooApiError && error.wooCode === 'woocommerce_rest_coupon_code_already_exists') return { ok: true };
        throw error;
      }
    }
    case RECOMMENDATIONS_OPERATION:
      return setWooRecommendations(client, item, signal);
    case 'order.fulfillment.create':
      return addWooTracking(client, orderId!, item, signal);
    default:
      return { ok: false, permanent: true, message: `WooCommerce cannot take "${item.operation}" from Backroom; discard it or handle it in the shop's admin.` };
  }
}

export async function pushToWoo(client: WooClient, item: QueuedItem, currency: string, signal: AbortSignal): Promise<PushOutcome> {
  try {
    return await sendOne(client, item, currency, signal);
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    if (error.retryable) throw error;
    return { ok: false, permanent: true, message: error.message, status: error.status };
  }
}
