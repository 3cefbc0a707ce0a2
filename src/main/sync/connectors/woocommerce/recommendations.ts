import type { OutboxItem, PushResult } from '../../connector';
import { readRecommendationLists } from '../recommendations';
import type { WooClient } from './client';

/**
 * Recommendation lists on a WooCommerce product: related products become its
 * upsells ("You may also like…" on the product page) and complementary ones
 * its cross-sells (shown in the cart), both as WooCommerce product ids in
 * order. PUT replaces each list whole, so sending it twice changes nothing;
 * an empty list clears it. A product the shop no longer has is refused with
 * 400 woocommerce_rest_product_invalid_id, a permanent failure.
 */
const numericId = (id: string): boolean => /^\d+$/.test(id);

export async function setWooRecommendations(client: WooClient, item: OutboxItem, signal: AbortSignal): Promise<PushResult> {
  const productId = item.targetExternalId;
  if (productId === null || !numericId(productId)) {
    return { ok: false, permanent: true, message: 'This product has no WooCommerce id (it was not synced from the shop), so its recommendations cannot be published there.' };
  }
  const lists = readRecommendationLists(item, numericId, 'WooCommerce');
  if (typeof lists === 'string') return { ok: false, permanent: true, message: lists };
  const body: Record<string, number[]> = {};
  if (lists.related !== null) body.upsell_ids = lists.related.map(Number);
  if (lists.complementary !== null) body.cross_sell_ids = lists.complementary.map(Number);
  await client.request('PUT', `products/${productId}`, { body, signal });
  return { ok: true, remoteId: productId };
}
