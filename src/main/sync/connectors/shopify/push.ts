import { ConnectorError, type ConnectionSettings, type PushResult } from '../../connector';
import type { ShopifyClient } from './client';
import { decimalToMinor, minorToDecimal } from './money';
import {
  DISCOUNT_BASIC_CREATE, DISCOUNT_BY_CODE_QUERY, DISCOUNT_FREE_SHIPPING_CREATE, ORDER_PAYMENTS_QUERY, REFUND_CREATE_MUTATION,
} from './queries';
import type { PushOutcome, QueuedItem } from '../race';
import { orderGid, setOrderNote, setOrderTags } from './order-edits';
import { RECOMMENDATIONS_OPERATION } from '../recommendations';
import { setShopifyRecommendations } from './recommendations';
import { createShopifyFulfilment } from './fulfilment';

/**
 * Outbox operations as Admin GraphQL mutations. A userError is Shopify saying
 * no for a reason retrying will not fix: a permanent failure carrying its
 * message. Creates check first whether an earlier attempt already landed (a
 * coupon's code, a refund's marker in its note), so a retry after a lost
 * answer does not make a second one.
 */
interface UserError { field?: string[] | null; message: string }

const refused = (errors: UserError[]): PushResult =>
  ({ ok: false, permanent: true, message: `Shopify refused the change: ${errors.map((e) => e.message).join('; ')}` });

type Push = (client: ShopifyClient, settings: ConnectionSettings, item: QueuedItem, signal: AbortSignal) => Promise<PushOutcome>;

const couponCreate: Push = async (client, settings, item, signal) => {
  const p = item.payload;
  const code = p.code;
  if (typeof code !== 'string' || code === '') return { ok: false, permanent: true, message: 'The coupon has no code to send.' };
  const existing = await client.request<{ codeDiscountNodeByCode: { id: string } | null }>(DISCOUNT_BY_CODE_QUERY, { code }, signal);
  if (existing.codeDiscountNodeByCode) return { ok: true, remoteId: existing.codeDiscountNodeByCode.id };
  const common = {
    title: `Backroom reward ${code}`, code, startsAt: new Date().toISOString(), context: { all: 'ALL' },
    usageLimit: typeof p.usageLimit === 'number' ? p.usageLimit : 1, appliesOncePerCustomer: true,
    minimumRequirement: typeof p.minOrderMinor === 'number' && p.minOrderMinor > 0
      ? { subtotal: { greaterThanOrEqualToSubtotal: minorToDecimal(p.minOrderMinor, settings.currency) } } : null,
  };
  let mutation: string;
  let discount: Record<string, unknown>;
  if (p.kind === 'fixed_amount' && typeof p.valueMinor === 'number') {
    mutation = DISCOUNT_BASIC_CREATE;
    discount = { ...common, customerGets: { items: { all: true },
      value: { discountAmount: { amount: minorToDecimal(p.valueMinor, settings.currency), appliesOnEachItem: false } } } };
  } else if (p.kind === 'percent' && typeof p.percent === 'number') {
    mutation = DISCOUNT_BASIC_CREATE;
    discount = { ...common, customerGets: { items: { all: true }, value: { percentage: p.percent / 100 } } };
  } else if (p.kind === 'free_shipping') {
    mutation = DISCOUNT_FREE_SHIPPING_CREATE;
    discount = { ...common, destination: { all: true } };
  } else {
    return { ok: false, permanent: true, message: `A ${String(p.kind)} reward cannot be made into a Shopify discount code; give it in store instead.` };
  }
  const data = await client.request<Record<string, { codeDiscountNode: { id: string } | null; userErrors: UserError[] }>>(
    mutation, { discount }, signal);
  const result = Object.values(data)[0]!;
  return result.userErrors.length > 0 ? refused(result.userErrors) : { ok: true, remoteId: result.codeDiscountNode?.id };
};

interface OrderPayments {
  order: { id: string; currencyCode: string; refunds: { id: string; note: string | null }[];
    transactions: { id: string; kind: string; status: string; gateway: string; amountSet: { shopMoney: { amount: string } } }[] } | null;
}

const refundCreate: Push = async (client, _settings, item, signal) => {
  const orderId = orderGid(item);
  const p = item.payload;
  if (typeof p.amountMinor !== 'number' || p.amountMinor <= 0) return { ok: false, permanent: true, message: 'The refund has no amount to send.' };
  const { order } = await client.request<OrderPayments>(ORDER_PAYMENTS_QUERY, { id: orderId }, signal);
  if (!order) return { ok: false, permanent: true, message: 'Shopify no longer has this order.', status: 404 };
  const marker = `[backroom:${item.idempotencyKey}]`;
  const landed = order.refunds.find((r) => r.note?.includes(marker));
  if (landed) return { ok: true, remoteId: landed.id };
  // Refund against the money actually taken: a successful sale or capture, largest first.
  const parent = order.transactions
    .filter((t) => (t.kind === 'SALE' || t.kind === 'CAPTURE') && t.status === 'SUCCESS')
    .sort((a, b) => decimalToMinor(b.amountSet.shopMoney.amount, order.currencyCode, 'amount') - decimalToMinor(a.amountSet.shopMoney.amount, order.currencyCode, 'amount'))[0];
  if (!parent) return { ok: false, permanent: true, message: 'Shopify has no captured payment on this order to refund against.' };
  const note = [typeof p.note === 'string' ? p.note : typeof p.reason === 'string' ? p.reason : 'Refund from Backroom', marker].join(' ');
  const data = await client.request<{ refundCreate: { refund: { id: string } | null; userErrors: UserError[] } }>(REFUND_CREATE_MUTATION, {
    input: { orderId, note, notify: false, transactions: [{ orderId, parentId: parent.id, gateway: parent.gateway, kind: 'REFUND',
      amount: minorToDecimal(p.amountMinor, order.currencyCode) }] },
  }, signal);
  const result = data.refundCreate;
  return result.userErrors.length > 0 ? refused(result.userErrors) : { ok: true, remoteId: result.refund?.id };
};

const PUSHES: Record<string, Push> = {
  'order.note.set': (client, _settings, item, signal) => setOrderNote(client, item, signal),
  'order.tags.set': (client, _settings, item, signal) => setOrderTags(client, item, signal),
  'coupon.create': couponCreate,
  'order.refund.create': refundCreate,
  'order.fulfillment.create': (client, _settings, item, signal) => createShopifyFulfilment(client, item, signal),
  [RECOMMENDATIONS_OPERATION]: (client, _settings, item, signal) => setShopifyRecommendations(client, item, signal),
};

export async function pushToShopify(client: ShopifyClient, settings: ConnectionSettings, item: QueuedItem, signal: AbortSignal): Promise<PushOutcome> {
  const push = PUSHES[item.operation];
  if (!push) return { ok: false, permanent: true, message: `Shopify has no counterpart for "${item.operation}", so it stays local.` };
  try {
    return await push(client, settings, item, signal);
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    return { ok: false, permanent: !error.retryable, message: error.message, status: error.status };
  }
}
