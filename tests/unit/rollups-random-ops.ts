import type { Sqlite } from '../../src/main/db/connection';
import {
  insertCustomerRow, insertOrderRow, insertPaymentRow, insertRefundRow, insertShipmentRow, renumber,
} from './rollups-fixtures';

/**
 * Random changes of the kinds sync, the desk and the merchant make, for the
 * property "refreshRollups after any sequence of changes = rebuildRollups".
 * Days span a month boundary and weekends; some rows lack optional fields.
 */
export function randomChanges(sqlite: Sqlite, random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const at = () => {
    const ms = Date.parse('2026-01-20T00:00:00Z') + int(0, 40 * 24) * 3_600_000 + int(0, 3599) * 1000;
    return new Date(ms).toISOString();
  };
  const later = (iso: string, maxDays: number) => new Date(Date.parse(iso) + int(0, maxDays * 24) * 3_600_000).toISOString();
  const ids = (table: string, where = '1'): number[] =>
    sqlite.prepare(`SELECT id FROM ${table} WHERE ${where} ORDER BY id`).pluck().all() as number[];
  const one = (table: string, where = '1'): number | null => {
    const all = ids(table, where);
    return all.length === 0 ? null : pick(all);
  };
  const nextId = (table: string) => (sqlite.prepare(`SELECT coalesce(max(id), 0) + 1 FROM ${table}`).pluck().get() as number);
  const storeOf = (orderId: number) => sqlite.prepare('SELECT store_id FROM orders WHERE id = ?').pluck().get(orderId) as number;
  const customerOf = (orderId: number) =>
    sqlite.prepare('SELECT customer_id FROM orders WHERE id = ?').pluck().get(orderId) as number | null;
  const customerIn = (storeId: number): number | null => (random() < 0.15 ? null : one('customers', `store_id = ${storeId}`));

  const changes: Record<string, () => void> = {
    addOrder: () => {
      const id = nextId('orders');
      const storeId = int(1, 2);
      const customerId = customerIn(storeId);
      insertOrderRow(sqlite, {
        id, storeId, customerId, status: random() < 0.1 ? 'cancelled' : pick(['open', 'completed'] as const),
        currency: random() < 0.8 ? (storeId === 1 ? 'USD' : 'EUR') : 'GBP', channel: pick(['online', 'pos']),
        paymentMethod: pick(['card', 'paypal', null]), totalMinor: int(100, 20000), placedAt: at(),
      });
      const line = sqlite.prepare(`INSERT INTO order_lines (order_id, store_id, external_id, title, quantity, unit_price_minor,
          total_minor) VALUES (?, ?, ?, 'Tea', ?, 500, ?)`);
      for (let n = int(1, 3); n > 0; n--) {
        const quantity = int(1, 3);
        line.run(id, storeId, `l${id}-${n}`, quantity, quantity * 500);
      }
      renumber(sqlite, [customerId]);
    },
    addPayment: () => {
      const orderId = one('orders');
      if (orderId === null) return;
      insertPaymentRow(sqlite, {
        id: nextId('payments'), orderId, storeId: storeOf(orderId), kind: pick(['sale', 'capture', 'authorization', 'refund']),
        method: pick(['card', 'paypal']), gateway: pick(['stripe', 'paypal', 'adyen']),
        status: pick(['success', 'success', 'pending', 'failure', 'error']), amountMinor: int(100, 9000), processedAt: at(),
      });
    },
    settlePayment: () => {
      const id = one('payments', "status = 'pending'");
      if (id !== null) sqlite.prepare('UPDATE payments SET status = ? WHERE id = ?').run(pick(['success', 'failure']), id);
    },
    addRefund: () => {
      const orderId = one('orders');
      if (orderId === null) return;
      const amount = int(50, 2000);
      insertRefundRow(sqlite, {
        id: nextId('refunds'), orderId, storeId: storeOf(orderId), amountMinor: amount,
        reason: pick(['damaged', 'late', null]), refundedAt: at(),
      });
      sqlite.prepare('UPDATE orders SET refunded_minor = refunded_minor + ? WHERE id = ?').run(amount, orderId);
    },
    deleteRefund: () => {
      const id = one('refunds');
      if (id === null) return;
      const row = sqlite.prepare('SELECT order_id, amount_minor FROM refunds WHERE id = ?').get(id) as
        { order_id: number; amount_minor: number };
      sqlite.prepare('DELETE FROM refunds WHERE id = ?').run(id);
      sqlite.prepare('UPDATE orders SET refunded_minor = max(refunded_minor - ?, 0) WHERE id = ?').run(row.amount_minor, row.order_id);
    },
    addShipment: () => {
      const orderId = one('orders');
      if (orderId === null) return;
      const shipped = random() < 0.85 ? at() : null;
      const delivered = shipped !== null && random() < 0.5 ? later(shipped, 9) : null;
      insertShipmentRow(sqlite, {
        id: nextId('shipments'), orderId, storeId: storeOf(orderId), carrier: pick(['UPS', 'DHL', 'USPS']),
        status: delivered ? 'Delivered' : pick(['Pending', 'InTransit', 'Exception', 'AttemptFail']),
        country: pick(['US', 'CA', null]), region: pick(['CA', 'NY', null]), shippedAt: shipped,
        originalEstimate: shipped && random() < 0.8 ? later(shipped, 6) : null,
        estimate: shipped && random() < 0.5 ? later(shipped, 8) : null, deliveredAt: delivered, createdAt: at(),
      });
    },
    deliverShipment: () => {
      const id = one('shipments', "status <> 'Delivered'");
      if (id === null) return;
      const row = sqlite.prepare('SELECT shipped_at, created_at FROM shipments WHERE id = ?').get(id) as
        { shipped_at: string | null; created_at: string };
      const shipped = row.shipped_at ?? row.created_at;
      sqlite.prepare(`UPDATE shipments SET status = 'Delivered', shipped_at = ?, delivered_at = ?, last_event_at = ?
        WHERE id = ?`).run(shipped, later(shipped, 10), later(shipped, 10), id);
    },
    troubleShipment: () => {
      const id = one('shipments');
      if (id === null) return;
      const change = pick(['exception', 'dispute', 'estimate', 'poll']);
      if (change === 'exception') sqlite.prepare(`UPDATE shipments SET status = 'Exception', delivered_at = NULL WHERE id = ?`).run(id);
      else if (change === 'dispute') sqlite.prepare('UPDATE shipments SET disputed_at = ? WHERE id = ?').run(at(), id);
      else if (change === 'estimate') sqlite.prepare('UPDATE shipments SET original_estimated_delivery_at = ? WHERE id = ?').run(at(), id);
      else sqlite.prepare('UPDATE shipments SET tracking_checked_at = ?, last_event_at = ? WHERE id = ?').run(at(), at(), id);
    },
    cancelOrder: () => {
      const id = one('orders', "status <> 'cancelled'");
      if (id !== null) sqlite.prepare(`UPDATE orders SET status = 'cancelled', cancelled_at = placed_at WHERE id = ?`).run(id);
    },
    redateOrder: () => {
      const id = one('orders');
      if (id === null) return;
      sqlite.prepare('UPDATE orders SET placed_at = ? WHERE id = ?').run(at(), id);
      renumber(sqlite, [customerOf(id)]);
    },
    moveOrder: () => {
      const id = one('orders');
      if (id === null) return;
      const before = customerOf(id);
      // now and then to a customer of the other store (customers merged across stores)
      const after = customerIn(random() < 0.25 ? 3 - storeOf(id) : storeOf(id));
      sqlite.prepare('UPDATE orders SET customer_id = ? WHERE id = ?').run(after, id);
      renumber(sqlite, [before, after]);
    },
    mergeCustomers: () => {
      const from = one('customers');
      if (from === null) return;
      const store = sqlite.prepare('SELECT store_id FROM customers WHERE id = ?').pluck().get(from) as number;
      const into = one('customers', `store_id = ${store} AND id <> ${from}`);
      if (into === null) return;
      for (const table of ['orders', 'tickets', 'returns']) {
        sqlite.prepare(`UPDATE ${table} SET customer_id = ? WHERE customer_id = ?`).run(into, from);
      }
      renumber(sqlite, [into]);
    },
    addCustomer: () => insertCustomerRow(sqlite, nextId('customers'), int(1, 2)),
    deleteOrder: () => {
      const id = one('orders', 'id NOT IN (SELECT order_id FROM returns) AND id NOT IN (SELECT order_id FROM tickets WHERE order_id IS NOT NULL)');
      if (id === null) return;
      const customer = customerOf(id);
      sqlite.prepare('DELETE FROM orders WHERE id = ?').run(id);
      renumber(sqlite, [customer]);
    },
    addTicket: () => {
      const created = at();
      sqlite.prepare(`INSERT INTO tickets (channel, subject, status, priority, created_at, updated_at)
        VALUES (?, 'Where is it?', 'open', ?, ?, ?)`).run(pick(['email', 'chat']), pick(['normal', 'high']), created, created);
    },
    workTicket: () => {
      const id = one('tickets', 'merged_into_id IS NULL');
      if (id === null) return;
      const change = pick(['reply', 'solve', 'csat', 'merge', 'priority']);
      if (change === 'reply') sqlite.prepare('UPDATE tickets SET first_reply_breached = ? WHERE id = ?').run(int(0, 1), id);
      else if (change === 'solve') {
        sqlite.prepare(`UPDATE tickets SET status = 'solved', solved_at = ?, resolution_breached = ? WHERE id = ?`).run(at(), int(0, 1), id);
      } else if (change === 'csat') sqlite.prepare('UPDATE tickets SET csat_score = ? WHERE id = ?').run(int(1, 5), id);
      else if (change === 'priority') sqlite.prepare(`UPDATE tickets SET priority = 'urgent' WHERE id = ?`).run(id);
      else {
        const into = one('tickets', `merged_into_id IS NULL AND id <> ${id}`);
        if (into !== null) sqlite.prepare(`UPDATE tickets SET merged_into_id = ?, status = 'closed' WHERE id = ?`).run(into, id);
      }
    },
    addReturn: () => {
      const orderId = one('orders');
      if (orderId === null) return;
      const id = nextId('returns');
      sqlite.prepare(`INSERT INTO returns (id, store_id, rma_number, order_id, customer_id, status, reason, currency,
          requested_at, updated_at) VALUES (?, ?, ?, ?, ?, 'requested', ?, 'USD', ?, ?)`)
        .run(id, random() < 0.3 ? null : storeOf(orderId), `RMA-${id}`, orderId, customerOf(orderId),
          pick(['damaged', 'wrong_size']), at(), T_NOW);
      const lines = ids('order_lines', `order_id = ${orderId}`);
      for (const lineId of lines.slice(0, int(1, lines.length))) {
        sqlite.prepare('INSERT INTO return_lines (return_id, order_line_id, quantity) VALUES (?, ?, ?)').run(id, lineId, int(1, 2));
      }
    },
    changeReturn: () => {
      const id = one('returns');
      if (id === null) return;
      const change = pick(['reason', 'line', 'dropLine']);
      if (change === 'reason') sqlite.prepare(`UPDATE returns SET reason = 'changed_mind' WHERE id = ?`).run(id);
      else if (change === 'line') sqlite.prepare('UPDATE return_lines SET quantity = quantity + 1 WHERE return_id = ?').run(id);
      else {
        const line = one('return_lines', `return_id = ${id}`);
        if (line !== null) sqlite.prepare('DELETE FROM return_lines WHERE id = ?').run(line);
      }
    },
  };
  return changes;
}

const T_NOW = '2026-03-15T00:00:00.000Z';

/** How often each change happens: orders and their children most. */
export const CHANGE_WEIGHTS: Record<string, number> = {
  addOrder: 8, addPayment: 5, settlePayment: 2, addRefund: 3, deleteRefund: 1, addShipment: 5, deliverShipment: 3,
  troubleShipment: 3, cancelOrder: 2, redateOrder: 1, moveOrder: 2, mergeCustomers: 1, addCustomer: 2, deleteOrder: 1,
  addTicket: 3, workTicket: 4, addReturn: 2, changeReturn: 2,
};
