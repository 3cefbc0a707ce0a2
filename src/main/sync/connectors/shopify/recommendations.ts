import { ConnectorError, type OutboxItem, type PushResult } from '../../connector';
import { readRecommendationLists, type RecommendationKind } from '../recommendations';
import type { ShopifyClient } from './client';

/**
 * Recommendation lists on a Shopify product, in the metafields Shopify's own
 * Search & Discovery app reads for the storefront's "related" and
 * "complementary" product recommendations:
 * shopify--discovery--product_recommendation.related_products and
 * .complementary_products, of type list.product_reference (a JSON array of
 * product GIDs as a string).
 *
 * Both keys go in one request: metafieldsSet for the lists with products,
 * and metafieldsDelete for an emptied list: deleting is the documented way
 * to remove a metafield (an empty list value is not relied on, as Shopify's
 * value validation may refuse it), and deleting one that is not there still
 * succeeds, answering null for it. Setting the same value again changes nothing, so a retry
 * is safe. A userError (a product that no longer exists, a missing scope for
 * the namespace) is permanent and carries Shopify's message.
 */
export const RECOMMENDATION_NAMESPACE = 'shopify--discovery--product_recommendation';
export const RECOMMENDATION_KEYS: Record<RecommendationKind, string> = {
  related: 'related_products', complementary: 'complementary_products',
};
const PRODUCT_GID = /^gid:\/\/shopify\/Product\/\d+$/;

interface UserError { field?: string[] | null; message: string }

/** Shopify's ids are GIDs; a bare number (a legacy REST id) is the same product. */
const asGid = (id: string): string => (/^\d+$/.test(id) ? `gid://shopify/Product/${id}` : id);

export function recommendationsDocument(sets: number, deletes: number): string {
  const variables = [sets > 0 ? '$set: [MetafieldsSetInput!]!' : null, deletes > 0 ? '$clear: [MetafieldIdentifierInput!]!' : null]
    .filter(Boolean).join(', ');
  const set = sets > 0 ? 'metafieldsSet(metafields: $set) { metafields { key namespace value } userErrors { field message code } }' : '';
  const clear = deletes > 0 ? 'metafieldsDelete(metafields: $clear) { deletedMetafields { key namespace ownerId } userErrors { field message } }' : '';
  return `mutation ProductRecommendations(${variables}) { ${set} ${clear} }`;
}

export async function setShopifyRecommendations(client: ShopifyClient, item: OutboxItem, signal: AbortSignal): Promise<PushResult> {
  const ownerId = item.targetExternalId === null ? null : asGid(item.targetExternalId);
  if (ownerId === null || !PRODUCT_GID.test(ownerId)) {
    throw new ConnectorError('This product has no Shopify id (it was not synced from the shop), so its recommendations cannot be published there.', 'client', false);
  }
  const lists = readRecommendationLists(item, (id) => PRODUCT_GID.test(asGid(id)), 'Shopify');
  if (typeof lists === 'string') return { ok: false, permanent: true, message: lists };
  const set: Record<string, string>[] = [];
  const clear: Record<string, string>[] = [];
  for (const kind of ['related', 'complementary'] as const) {
    const ids = lists[kind];
    if (ids === null) continue;
    const identifier = { ownerId, namespace: RECOMMENDATION_NAMESPACE, key: RECOMMENDATION_KEYS[kind] };
    if (ids.length === 0) clear.push(identifier);
    else set.push({ ...identifier, type: 'list.product_reference', value: JSON.stringify([...new Set(ids.map(asGid))]) });
  }
  const data = await client.request<{ metafieldsSet?: { userErrors: UserError[] }; metafieldsDelete?: { userErrors: UserError[] } }>(
    recommendationsDocument(set.length, clear.length), { ...(set.length ? { set } : {}), ...(clear.length ? { clear } : {}) }, signal);
  const errors = [...(data.metafieldsSet?.userErrors ?? []), ...(data.metafieldsDelete?.userErrors ?? [])];
  if (errors.length > 0) {
    return { ok: false, permanent: true, message: `Shopify refused the recommendations: ${errors.map((e) => e.message).join('; ')}` };
  }
  return { ok: true, remoteId: ownerId };
}
