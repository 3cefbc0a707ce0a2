import type { OrderWriteResult, ParsedInputOf } from '../../../shared/contract';
import type { HandlerContext } from '../../core/handler';
import { recordAudit } from '../audit/log';
import { enqueueOutbox } from '../outbox/enqueue';
import { deliveryOf } from './delivery';
import { getOrder } from './detail';
import { orderFacts, requireActiveStaff } from './staff';

/**
 * `orders.update`: the local note and tags. One transaction writes the order,
 * its audit entry and the outbox messages (order_tags follows through the
 * triggers of migration 0003). A request whose idempotency key this order
 * has already seen (kept in its audit entries) writes nothing, even if a later
 * change came between; a field equal to what is stored is left alone.
 */
type UpdateInput = ParsedInputOf<'orders.update'>;

function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** Tags as the merchant typed them, without repeats, in their order. */
const distinct = (tags: readonly string[]) => [...new Set(tags)];

function alreadyApplied(ctx: HandlerContext, orderId: number, key: string): boolean {
  return ctx.sqlite
    .prepare<[number, string], { id: number }>(
      `SELECT id FROM audit_log WHERE entity_type = 'order' AND entity_id = ?
         AND action IN ('note.set', 'tags.set') AND json_extract(detail, '$.idempotencyKey') = ?`,
    )
    .get(orderId, key) !== undefined;
}

interface Applied { changed: boolean; storeId: number; queued: boolean }

export function updateOrder(input: UpdateInput, ctx: HandlerContext): OrderWriteResult {
  const { sqlite } = ctx;
  const applied = sqlite.transaction((): Applied => {
    requireActiveStaff(sqlite, input.staffId);
    const order = orderFacts(sqlite, input.id);
    const unchanged = { changed: false, storeId: order.storeId, queued: false };
    if (alreadyApplied(ctx, order.id, input.idempotencyKey)) return unchanged;
    const now = ctx.now();
    const beforeTags = parseTags(order.localTags);
    const note = input.note === undefined ? order.localNote : input.note === null || input.note.trim() === '' ? null : input.note;
    const tags = input.tags === undefined ? beforeTags : distinct(input.tags);
    const noteChanged = note !== order.localNote;
    const tagsChanged = JSON.stringify(tags) !== JSON.stringify(beforeTags);
    if (!noteChanged && !tagsChanged) return unchanged;
    let queued = false;
    sqlite
      .prepare('UPDATE orders SET local_note = ?, local_tags = ?, updated_at = ? WHERE id = ?')
      .run(note, JSON.stringify(tags), now.toISOString(), order.id);
    const message = { storeId: order.storeId, targetType: 'order', targetId: order.id };
    if (noteChanged) {
      recordAudit(sqlite, { at: now, staffId: input.staffId, entityType: 'order', entityId: order.id, action: 'note.set',
        detail: { before: order.localNote, after: note, idempotencyKey: input.idempotencyKey } });
      queued = enqueueOutbox(sqlite, { ...message, idempotencyKey: `order:${order.id}:note:${input.idempotencyKey}`,
        operation: 'order.note.set', payload: { externalId: order.externalId, note } }, now);
    }
    if (tagsChanged) {
      recordAudit(sqlite, { at: now, staffId: input.staffId, entityType: 'order', entityId: order.id, action: 'tags.set',
        detail: { before: beforeTags, after: tags, idempotencyKey: input.idempotencyKey } });
      queued = enqueueOutbox(sqlite, { ...message, idempotencyKey: `order:${order.id}:tags:${input.idempotencyKey}`,
        operation: 'order.tags.set', payload: { externalId: order.externalId, tags } }, now);
    }
    return { changed: true, storeId: order.storeId, queued };
  })();
  if (applied.changed) ctx.emit('data.changed', { areas: ['orders'] });
  return { ...getOrder(sqlite, input.id), delivery: deliveryOf(sqlite, applied.storeId, applied.queued) };
}
