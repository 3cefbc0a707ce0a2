import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from '../../src/main/db/connection';
import { handlerContext } from '../helpers/context';

/** Shared by the import tests: the fixture files, a staff member, a pinned clock, recorded events. */
export const NOW = new Date('2026-05-01T12:00:00.000Z');
export const STAFF_ID = 7;

export function fixture(name: string): string {
  return readFileSync(join(__dirname, '..', 'fixtures', 'import', name), 'utf8');
}

export function addStaff(connection: Connection): void {
  connection.sqlite.prepare(`INSERT INTO staff (id, name, created_at) VALUES (?, 'Ines Importer', ?)`).run(STAFF_ID, NOW.toISOString());
}

export function importContext(connection: Connection) {
  const events: { event: string; payload: unknown }[] = [];
  return { ctx: handlerContext(connection, NOW, events), events };
}

export interface StoredOrder {
  id: number;
  external_id: string;
  order_number: string;
  customer_id: number | null;
  channel: string;
  status: string;
  financial_status: string;
  fulfillment_status: string;
  currency: string;
  subtotal_minor: number;
  discount_minor: number;
  shipping_minor: number;
  tax_minor: number;
  total_minor: number;
  refunded_minor: number;
  payment_method: string | null;
  shipping_country: string | null;
  shipping_region: string | null;
  remote_tags: string;
  placed_at: string;
  cancelled_at: string | null;
}

export function storedOrder(connection: Connection, storeId: number, orderNumber: string): StoredOrder {
  const order = connection.sqlite
    .prepare('SELECT * FROM orders WHERE store_id = ? AND order_number = ?')
    .get(storeId, orderNumber) as StoredOrder | undefined;
  if (!order) throw new Error(`order ${orderNumber} is not in store ${storeId}`);
  return order;
}

export function storedLines(connection: Connection, orderId: number) {
  return connection.sqlite
    .prepare('SELECT title, sku, quantity, unit_price_minor AS unit, discount_minor AS discount, total_minor AS total FROM order_lines WHERE order_id = ? ORDER BY id')
    .all(orderId) as { title: string; sku: string | null; quantity: number; unit: number; discount: number; total: number }[];
}

export function count(connection: Connection, table: string, where = '1 = 1', ...params: unknown[]): number {
  return connection.sqlite.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get(...params) as number;
}
