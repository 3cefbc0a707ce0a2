import type { OutboxItem, PushResult } from '../../connector';
import { isErrorResult, sentence, type VendureClient } from './client';
import { isObject } from './fields';
import { ORDER_PAYMENTS_QUERY, REFUND_ORDER_MUTATION } from './queries';

/**
 * The outbox message `order.refund.create` (a refund approved in Backroom)
 * as Vendure's refundOrder against a settled payment. Vendure takes no
 * idempotency key: the refund's reason carries Backroom's marker
 * ([backroom:<key>], as the Shopify connector marks its refunds' notes), and
 * a retry looks for it first. The refund records the money going back; the
 * payment handler decides whether the gateway moves it.
 */
interface Payment { id: string; state: string; amount: number; refunds: { id: string; state: string; total: number; reason: string | null }[] }

/** What a payment can still give back: its amount less its refunds that did not fail. */
const refundable = (payment: Payment): number =>
  payment.amount - payment.refunds.filter((r) => r.state !== 'Failed').reduce((sum, r) => sum + r.total, 0);

export async function refundVendureOrder(client: VendureClient, orderId: string, item: OutboxItem, signal: AbortSignal): Promise<PushResult> {
  const amount = item.payload.amountMinor;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0) return { ok: false, permanent: true, message: 'The refund has no amount to send.' };
  const { order } = await client.request<{ order: { payments: Payment[] | null } | null }>(ORDER_PAYMENTS_QUERY, { id: orderId }, signal);
  if (!order) return { ok: false, permanent: true, message: 'Vendure no longer has this order, so the refund cannot be recorded there.', status: 404 };
  const payments = order.payments ?? [];
  const marker = `[backroom:${item.idempotencyKey}]`;
  const landed = payments.flatMap((p) => p.refunds).find((r) => r.reason?.includes(marker) && r.state !== 'Failed');
  if (landed) return { ok: true, remoteId: landed.id };
  // The settled payment with the most left to give back: one refund, never split across payments.
  const payment = payments.filter((p) => p.state === 'Settled').sort((a, b) => refundable(b) - refundable(a))[0];
  if (!payment) return { ok: false, permanent: true, message: 'Vendure has no settled payment on this order to refund against.' };
  if (refundable(payment) < amount) {
    return { ok: false, permanent: true, message: `Vendure can give back at most ${refundable(payment)} (minor units) from this order's payment, less than the ${amount} refunded here.` };
  }
  const words = [item.payload.reason, item.payload.note].filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' — ');
  const { refundOrder: result } = await client.request<{ refundOrder: unknown }>(REFUND_ORDER_MUTATION, {
    // `amount` alone is Vendure's documented way since 2.2, but on SQLite it leaves refund.shipping NULL and
    // the insert fails: the deprecated parts are sent as zero beside it.
    input: { paymentId: payment.id, amount, reason: [words || 'Refund from Backroom', marker].join(' '), lines: [], shipping: 0, adjustment: 0 },
  }, signal);
  if (isErrorResult(result)) return { ok: false, permanent: true, message: `Vendure refused the refund: ${sentence(result.message ?? result.errorCode)}` };
  return { ok: true, remoteId: isObject(result) && typeof result.id === 'string' ? result.id : undefined };
}
