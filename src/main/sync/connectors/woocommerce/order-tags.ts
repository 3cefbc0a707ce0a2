import type { PushResult } from '../../connector';
import { changedAfter, sameTags, tagsOf, tagText, type PushOutcome, type QueuedItem } from '../race';
import type { WooClient } from './client';
import { gmtDate, isObject, metaValue, tagList, TAGS_META_KEY } from './fields';

/**
 * An order's tags on WooCommerce, kept in Backroom's own order meta
 * (WooCommerce orders have no tags). The order is read first: tags already
 * there are not written again, and when someone edited that meta in the shop
 * after the change was made here, Backroom's tags are sent over it (they are
 * Backroom's data) and the race is reported (rules in ../race.ts).
 */
export async function setWooOrderTags(client: WooClient, orderId: string, item: QueuedItem, signal: AbortSignal): Promise<PushOutcome> {
  const ours = tagsOf(item.payload.tags);
  const current = await client.request('GET', `orders/${orderId}`, { signal });
  const order = isObject(current.body) ? current.body : {};
  const theirs = tagList(metaValue(order, TAGS_META_KEY));
  if (sameTags(theirs, ours)) return { ok: true, remoteId: orderId };
  await client.request('PUT', `orders/${orderId}`, { body: { meta_data: [{ key: TAGS_META_KEY, value: ours.join(', ') }] }, signal });
  const sent: PushResult = { ok: true, remoteId: orderId };
  const race = item.race;
  const modified = safeGmt(order);
  if (!race || modified === null || !changedAfter(modified, race) || sameTags(theirs, tagsOf(race.lastSent?.tags))) return sent;
  const message = `Backroom's tags on this order were edited in WooCommerce (${modified}) after they were changed here; ours (${tagText(ours)}) were sent over the shop's (${tagText(theirs)}), as these tags belong to Backroom.`;
  return { ...sent, race: { kept: 'ours', remoteUpdatedAt: modified, message } };
}

function safeGmt(order: Record<string, unknown>): string | null {
  try {
    return gmtDate(order, 'date_modified_gmt');
  } catch {
    return null;
  }
}
