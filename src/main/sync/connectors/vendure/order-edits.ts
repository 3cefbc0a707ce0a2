import type { OutboxItem, PushResult } from '../../connector';
import { tagsOf } from '../race';
import type { VendureClient } from './client';
import { isObject, list } from './fields';
import { ADD_NOTE_MUTATION, ORDER_CUSTOM_FIELDS_QUERY, ORDER_NOTES_QUERY, SET_ORDER_CUSTOM_FIELDS_MUTATION } from './queries';

/**
 * Notes and tags on a Vendure order.
 *
 * Notes: Vendure's order notes are history entries (ORDER_NOTE), appended,
 * never overwritten. The same text already in the order's private notes means
 * an earlier attempt landed (its answer was lost), so it is not added twice.
 *
 * Tags: Vendure orders have no tags. A server can define an Order custom field
 * for them (a string or text field named `backroomTags` or `tags`, or a list
 * of strings); Backroom writes its tags there, whole, so sending twice changes
 * nothing. A server without such a field gets a clear, permanent answer.
 */
const NOTE_HISTORY = { take: 100, sort: { createdAt: 'DESC' }, filter: { type: { eq: 'ORDER_NOTE' } } };

export async function addVendureNote(client: VendureClient, orderId: string, item: OutboxItem, signal: AbortSignal): Promise<PushResult> {
  const note = typeof item.payload.note === 'string' ? item.payload.note.trim() : '';
  // Notes are a history, not a field: a cleared note has nothing to add.
  if (note === '') return { ok: true };
  const { order } = await client.request<{ order: { history: { items: unknown[] } } | null }>(
    ORDER_NOTES_QUERY, { id: orderId, options: NOTE_HISTORY }, signal);
  if (!order) return { ok: false, permanent: true, message: 'Vendure no longer has this order, so the note cannot be added.', status: 404 };
  const landed = order.history.items.find((entry) => isObject(entry) && isObject(entry.data) && entry.data.note === note);
  if (isObject(landed)) return { ok: true, remoteId: String(landed.id) };
  await client.request(ADD_NOTE_MUTATION, { input: { id: orderId, note, isPublic: false } }, signal);
  return { ok: true, remoteId: orderId };
}

interface TagField { name: string; list: boolean }

const TAG_FIELD_NAMES = ['backroomTags', 'tags'];

/** The Order custom field Backroom may keep tags in, or null when the server defines none. */
export async function orderTagField(client: VendureClient, signal: AbortSignal): Promise<TagField | null> {
  const data = await client.request<{ globalSettings: { serverConfig: { entityCustomFields: unknown[] } } }>(ORDER_CUSTOM_FIELDS_QUERY, {}, signal);
  const order = data.globalSettings.serverConfig.entityCustomFields.find((entity) => isObject(entity) && entity.entityName === 'Order');
  const fields = isObject(order) ? list(order, 'customFields') : [];
  for (const name of TAG_FIELD_NAMES) {
    const field = fields.find((f) => f.name === name && (f.type === 'string' || f.type === 'text') && f.readonly !== true && f.internal !== true);
    if (field) return { name, list: field.list === true && field.type === 'string' };
  }
  return null;
}

export async function setVendureTags(client: VendureClient, orderId: string, item: OutboxItem, signal: AbortSignal,
  field: TagField | null): Promise<PushResult> {
  if (field === null) {
    return { ok: false, permanent: true, message: 'This Vendure server has no order field for tags, so they stay in Backroom. To send them, add a string custom field named "backroomTags" to Order in the server\'s Vendure config.' };
  }
  const tags = tagsOf(item.payload.tags);
  const value = field.list ? tags : tags.join(', ');
  const data = await client.request<{ setOrderCustomFields: { id: string } | null }>(SET_ORDER_CUSTOM_FIELDS_MUTATION,
    { input: { id: orderId, customFields: { [field.name]: value } } }, signal);
  if (!data.setOrderCustomFields) return { ok: false, permanent: true, message: 'Vendure no longer has this order, so its tags cannot be set.', status: 404 };
  return { ok: true, remoteId: orderId };
}
