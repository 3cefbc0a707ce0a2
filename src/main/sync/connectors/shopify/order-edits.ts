import { ConnectorError, type PushResult } from '../../connector';
import { changedAfter, lostToShop, sameTags, tagsOf, tagText, type PushOutcome, type QueuedItem } from '../race';
import type { ShopifyClient } from './client';
import { ORDER_FOR_EDIT_QUERY, ORDER_UPDATE_MUTATION } from './queries';

/**
 * An order's note and tags as Backroom writes them on Shopify: the order is
 * read first (its updatedAt, note and tags), so a change already there is not
 * written again, tags are merged instead of replaced, and a change the shop
 * made after ours is kept and reported (the rules are in ../race.ts).
 */
interface UserError { field?: string[] | null; message: string }
interface OrderNow { id: string; updatedAt: string; note: string | null; tags: string[] }

const refused = (errors: UserError[]): PushResult =>
  ({ ok: false, permanent: true, message: `Shopify refused the change: ${errors.map((e) => e.message).join('; ')}` });

export function orderGid(item: QueuedItem): string {
  const id = item.targetExternalId ?? item.payload.externalId;
  if (typeof id !== 'string' || !id.startsWith('gid://shopify/Order/')) {
    throw new ConnectorError('This order has no Shopify id, so the change cannot be sent to Shopify.', 'client', false);
  }
  return id;
}

async function readOrder(client: ShopifyClient, id: string, signal: AbortSignal): Promise<OrderNow | null> {
  const data = await client.request<{ order: OrderNow | null }>(ORDER_FOR_EDIT_QUERY, { id }, signal);
  return data.order;
}

async function update(client: ShopifyClient, input: Record<string, unknown>, signal: AbortSignal): Promise<PushResult> {
  const data = await client.request<{ orderUpdate: { order: { id: string } | null; userErrors: UserError[] } }>(
    ORDER_UPDATE_MUTATION, { input }, signal);
  const result = data.orderUpdate;
  return result.userErrors.length > 0 ? refused(result.userErrors) : { ok: true, remoteId: result.order?.id };
}

const gone: PushResult = { ok: false, permanent: true, message: 'Shopify no longer has this order, so the change cannot be sent.', status: 404 };
const blank = (note: string | null | undefined): string | null => (note === undefined || note === null || note.trim() === '' ? null : note);

export async function setOrderNote(client: ShopifyClient, item: QueuedItem, signal: AbortSignal): Promise<PushOutcome> {
  const id = orderGid(item);
  const ours = blank(typeof item.payload.note === 'string' ? item.payload.note : null);
  const order = await readOrder(client, id, signal);
  if (!order) return gone;
  const theirs = blank(order.note);
  if (theirs === ours) return { ok: true, remoteId: id };
  const race = item.race;
  const lastSent = blank(typeof race?.lastSent?.note === 'string' ? race.lastSent.note : null);
  if (race && changedAfter(order.updatedAt, race) && theirs !== lastSent) {
    return lostToShop(order.updatedAt, theirs === null
      ? `The order's note was removed on Shopify (${order.updatedAt}) after this note was written here; the shop's version was kept and this note was not sent. Send it again to put it back, or discard it.`
      : `The order's note was changed on Shopify (${order.updatedAt}) after this note was written here; the shop's note ("${theirs}") was kept and this one was not sent. Send it again to replace the shop's note, or discard it.`);
  }
  return update(client, { id, note: ours }, signal);
}

export async function setOrderTags(client: ShopifyClient, item: QueuedItem, signal: AbortSignal): Promise<PushOutcome> {
  const id = orderGid(item);
  const ours = tagsOf(item.payload.tags);
  const order = await readOrder(client, id, signal);
  if (!order) return gone;
  const race = item.race;
  const sentBefore = tagsOf(race?.lastSent?.tags);
  if (race && changedAfter(order.updatedAt, race)) {
    const removedThere = sentBefore.filter((tag) => ours.includes(tag) && !order.tags.includes(tag));
    if (removedThere.length > 0) {
      return lostToShop(order.updatedAt, `Tags Backroom had set on this order (${tagText(removedThere)}) were removed on Shopify (${order.updatedAt}) after these tags were changed here; the shop's tags (${tagText(order.tags)}) were kept and this change was not sent. Send it again to put them back, or discard it.`);
    }
  }
  // The shop's own tags stay; only tags Backroom sent before and no longer wants are taken off.
  const dropped = new Set(sentBefore.filter((tag) => !ours.includes(tag)));
  const merged = [...order.tags.filter((tag) => !dropped.has(tag)), ...ours.filter((tag) => !order.tags.includes(tag))];
  if (sameTags(merged, order.tags)) return { ok: true, remoteId: id };
  return update(client, { id, tags: merged }, signal);
}
