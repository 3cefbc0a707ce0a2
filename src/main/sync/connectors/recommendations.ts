import type { OutboxItem } from '../connector';

/**
 * The outbox message `product.recommendations.set` (queued by the
 * recommendations area when the merchant publishes): targetType 'product',
 * targetId the local product, payload { related, complementary } as the
 * store's own product ids, best first. Both connectors read it here.
 *
 * A list left out of the payload is left as it is on the store; an empty list
 * clears it there (WooCommerce: an empty id list, which PUT stores as none;
 * Shopify: the metafield is deleted with metafieldsDelete).
 */
export const RECOMMENDATIONS_OPERATION = 'product.recommendations.set';

export type RecommendationKind = 'related' | 'complementary';

export interface RecommendationLists {
  related: string[] | null;
  complementary: string[] | null;
}

/** The lists, or a sentence saying why the message cannot be sent as it is. */
export function readRecommendationLists(item: OutboxItem, validId: (id: string) => boolean, platform: string): RecommendationLists | string {
  const lists: RecommendationLists = { related: null, complementary: null };
  for (const kind of ['related', 'complementary'] as const) {
    const value = item.payload[kind];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value) || value.some((id) => typeof id !== 'string')) {
      return `The ${kind} list of this product is not a list of ${platform} product ids, so it cannot be published.`;
    }
    const bad = (value as string[]).find((id) => !validId(id));
    if (bad !== undefined) {
      return `The ${kind} list names ${JSON.stringify(bad)}, which is not a ${platform} product id; publish again after the next sync.`;
    }
    // The same product twice would show twice on the store: keep its first (best) place.
    lists[kind] = [...new Set(value as string[])];
  }
  if (lists.related === null && lists.complementary === null) return 'The message carries no recommendation list to publish.';
  return lists;
}
