import type { ParsedInputOf } from '../../../shared/contract';
import type { TicketDetail } from '../../../shared/contract/tickets';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { loadTicketDetail } from './detail';
import { requireActiveStaff, requireAssignable } from './staff-check';
import { applyTicketChanges, loadTicketState, requireNotMerged, requireVersion, type TicketChanges } from './ticket-write';

/**
 * `tickets.update`: status, priority, assignee, tags, subject and links, from
 * the version the person saw. A stale version answers CONFLICT with the ticket
 * as it is now and writes nothing.
 */
export function updateTicket(sqlite: Sqlite, input: ParsedInputOf<'tickets.update'>, now: Date): TicketDetail {
  return sqlite.transaction((): TicketDetail => {
    const before = loadTicketState(sqlite, input.id);
    requireVersion(sqlite, before, input.expectedVersion, now);
    requireActiveStaff(sqlite, input.staffId);
    requireNotMerged(before);
    const { patch } = input;
    if (patch.assigneeId !== undefined && patch.assigneeId !== null && patch.assigneeId !== before.assigneeId) {
      requireAssignable(sqlite, patch.assigneeId);
    }
    const changes: TicketChanges = { ...patch, tags: patch.tags ? [...new Set(patch.tags)] : undefined };
    checkLinks(sqlite, patch.customerId === undefined ? before.customerId : patch.customerId,
      patch.orderId === undefined ? before.orderId : patch.orderId, patch);
    const changed = applyTicketChanges(sqlite, before, changes, { staffId: input.staffId, now });
    if (Object.keys(changed).length > 0) {
      recordAudit(sqlite, {
        at: now, staffId: input.staffId, entityType: 'ticket', entityId: before.id, action: 'ticket.update', detail: { changed },
      });
    }
    return loadTicketDetail(sqlite, before.id, now);
  })();
}

/** The linked order must exist and, when both are linked, belong to the linked customer. */
function checkLinks(sqlite: Sqlite, customerId: number | null, orderId: number | null,
  patch: { customerId?: number | null; orderId?: number | null }): void {
  if (patch.customerId !== undefined && patch.customerId !== null
    && !sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(patch.customerId)) {
    throw new AppError('VALIDATION', `There is no customer with id ${patch.customerId}; choose another customer.`);
  }
  if (orderId === null) return;
  const order = sqlite
    .prepare<[number], { customerId: number | null; number: string }>('SELECT customer_id AS customerId, order_number AS number FROM orders WHERE id = ?')
    .get(orderId);
  if (!order) throw new AppError('VALIDATION', `There is no order with id ${orderId}; choose another order.`);
  if (customerId !== null && order.customerId !== null && order.customerId !== customerId) {
    throw new AppError('VALIDATION', `Order ${order.number} belongs to another customer; link the matching customer or another order.`);
  }
}
