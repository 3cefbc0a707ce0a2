import type { Sqlite } from '../../src/main/db/connection';

/**
 * Hand-made rows for tests whose expected figures are worked out by hand in
 * the test itself. Only the columns the tests read are meaningful.
 */
const T0 = '2026-01-01T00:00:00.000Z';

export function insertStore(sqlite: Sqlite, id = 1, currency = 'USD'): void {
  sqlite
    .prepare(
      `INSERT INTO stores (id, platform, name, currency, created_at, updated_at)
       VALUES (?, 'demo', ?, ?, ?, ?)`,
    )
    .run(id, `Store ${id}`, currency, T0, T0);
}

export function insertCustomer(sqlite: Sqlite, id: number, storeId = 1): void {
  sqlite
    .prepare(
      `INSERT INTO customers (id, store_id, external_id, email, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(id, storeId, `c${id}`, `c${id}@example.com`, T0, T0);
}

export interface OrderSpec {
  id: number;
  customerId: number | null;
  seq: number | null;
  placedAt: string;
  totalMinor: number;
  refundedMinor?: number;
  status?: 'open' | 'completed' | 'cancelled';
  currency?: string;
  storeId?: number;
}

export function insertOrder(sqlite: Sqlite, o: OrderSpec): void {
  sqlite
    .prepare(
      `INSERT INTO orders (id, store_id, external_id, order_number, customer_id, customer_order_seq,
         status, financial_status, fulfillment_status, currency, subtotal_minor, total_minor,
         refunded_minor, placed_at, created_at, updated_at)
       VALUES (@id, @storeId, @ext, @number, @customerId, @seq, @status, 'paid', 'fulfilled',
         @currency, @total, @total, @refunded, @placedAt, @placedAt, @placedAt)`,
    )
    .run({
      id: o.id,
      storeId: o.storeId ?? 1,
      ext: `o${o.id}`,
      number: `#${1000 + o.id}`,
      customerId: o.customerId,
      seq: o.seq,
      status: o.status ?? 'completed',
      currency: o.currency ?? 'USD',
      total: o.totalMinor,
      refunded: o.refundedMinor ?? 0,
      placedAt: o.placedAt,
    });
}

export function insertTicket(sqlite: Sqlite, id: number, status: string): void {
  sqlite
    .prepare(
      `INSERT INTO tickets (id, channel, subject, status, created_at, updated_at)
       VALUES (?, 'email', 'Where is my parcel?', ?, ?, ?)`,
    )
    .run(id, status, T0, T0);
}
