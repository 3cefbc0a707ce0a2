import type { OutboxItem, PushResult } from '../../connector';
import { isErrorResult, sentence, type VendureClient } from './client';
import { CREATE_PROMOTION_MUTATION, PROMOTION_BY_CODE_QUERY } from './queries';

/**
 * The outbox message `coupon.create` (a points reward, a campaign coupon) as
 * a Vendure promotion with a coupon code: one use, by one customer, with the
 * built-in actions (order_fixed_discount, order_percentage_discount,
 * free_shipping) and the minimum_order_amount condition. A code Vendure
 * already has is ours (the codes are random and Backroom's), so a retry after
 * a lost answer finds it and stops there.
 */
type Argument = { name: string; value: string };
type Operation = { code: string; arguments: Argument[] };

function actionFor(payload: Record<string, unknown>): Operation | string {
  switch (payload.kind) {
    case 'fixed_amount':
      if (typeof payload.valueMinor !== 'number' || payload.valueMinor <= 0) return 'The fixed-amount coupon has no amount.';
      return { code: 'order_fixed_discount', arguments: [{ name: 'discount', value: String(payload.valueMinor) }] };
    case 'percent':
      if (typeof payload.percent !== 'number' || payload.percent <= 0 || payload.percent > 100) return 'The percentage coupon has no percentage between 1 and 100.';
      return { code: 'order_percentage_discount', arguments: [{ name: 'discount', value: String(payload.percent) }] };
    case 'free_shipping':
      return { code: 'free_shipping', arguments: [] };
    default:
      return `Vendure's built-in promotions have no reward of kind ${JSON.stringify(payload.kind)}; give it in the shop instead.`;
  }
}

export async function createVendurePromotion(client: VendureClient, item: OutboxItem, signal: AbortSignal): Promise<PushResult> {
  const p = item.payload;
  const code = typeof p.code === 'string' ? p.code.trim() : '';
  if (code === '') return { ok: false, permanent: true, message: 'The coupon has no code to send.' };
  const action = actionFor(p);
  if (typeof action === 'string') return { ok: false, permanent: true, message: action };
  const existing = await client.request<{ promotions: { items: { id: string; couponCode: string | null }[] } }>(
    PROMOTION_BY_CODE_QUERY, { options: { take: 1, filter: { couponCode: { eq: code } } } }, signal);
  const landed = existing.promotions.items.find((promotion) => promotion.couponCode === code);
  if (landed) return { ok: true, remoteId: landed.id };
  const conditions: Operation[] = typeof p.minOrderMinor === 'number' && p.minOrderMinor > 0
    ? [{ code: 'minimum_order_amount', arguments: [{ name: 'amount', value: String(p.minOrderMinor) }, { name: 'taxInclusive', value: 'true' }] }]
    : [];
  const usageLimit = typeof p.usageLimit === 'number' && p.usageLimit > 0 ? p.usageLimit : 1;
  const { createPromotion: result } = await client.request<{ createPromotion: unknown }>(CREATE_PROMOTION_MUTATION, {
    input: {
      enabled: true, couponCode: code, conditions, actions: [action], usageLimit, perCustomerUsageLimit: usageLimit,
      ...(typeof p.expiresAt === 'string' ? { endsAt: p.expiresAt } : {}),
      translations: [{ languageCode: 'en', name: `Backroom reward ${code}`, description: 'Issued by Backroom.' }],
    },
  }, signal);
  if (isErrorResult(result)) return { ok: false, permanent: true, message: `Vendure refused the coupon: ${sentence(result.message ?? result.errorCode)}` };
  const id = result !== null && typeof result === 'object' && typeof (result as { id?: unknown }).id === 'string' ? (result as { id: string }).id : undefined;
  return { ok: true, remoteId: id };
}
