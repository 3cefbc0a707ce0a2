import { afterEach, beforeEach } from 'vitest';
import { dispatch } from '../../src/main/core/dispatch';
import type { HandlerContext } from '../../src/main/core/handler';
import { handlers } from '../../src/main/core/handlers';
import type { Connection, Sqlite } from '../../src/main/db/connection';
import { recsRuntimeFor } from '../../src/main/domain/recommend/runtime';
import type { Result } from '../../src/shared/errors';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';

/**
 * A small shop whose co-purchases are known by construction, for the recs
 * core's tests: store 1 is a connected WooCommerce store, store 2 a CSV one.
 *
 * Products (store 1 unless said): 1 coffee beans, 2 grinder (always bought with 1),
 * 3 filter papers (often with 1), 4 tea, 5 teapot (always with 4), 6 mug (the best
 * seller, alone), 7 kettle (out of stock), 8 local-only product (no remote id),
 * 9 store 2's product.
 * Customers: 1 (consent), 2 (consent, no orders), 3 (no consent, bought 1 and 2),
 * 4 merged into 1 (bought 4).
 */
export const T = (day: number, hour = 10): string => new Date(Date.UTC(2026, 0, 1 + day, hour)).toISOString();

export function seedShop(sqlite: Sqlite): void {
  sqlite.exec(`
    INSERT INTO stores (id, platform, name, currency, created_at, updated_at)
      VALUES (1, 'woocommerce', 'Beans & Co', 'USD', 'x', 'x'), (2, 'csv', 'Imported', 'USD', 'x', 'x');
    INSERT INTO staff (id, name, created_at) VALUES (1, 'Mia', 'x');
    INSERT INTO products (id, store_id, external_id, title, sku, category, brand, tags, price_minor, currency, inventory_quantity, created_at, updated_at) VALUES
      (1, 1, 'w1', 'Coffee beans', 'BEAN', 'coffee', 'Roastery', '["organic"]', 1500, 'USD', 10, 'x', 'x'),
      (2, 1, 'w2', 'Grinder, "burr"', 'GRIND', 'equipment', 'Mill', '[]', 6000, 'USD', NULL, 'x', 'x'),
      (3, 1, 'w3', 'Filter papers', 'FILT', 'coffee', 'Roastery', '[]', 500, 'USD', 50, 'x', 'x'),
      (4, 1, 'w4', 'Green tea', 'TEA', 'tea', 'Leaf', '["organic"]', 1200, 'USD', 5, 'x', 'x'),
      (5, 1, 'w5', 'Teapot', 'POT', 'equipment', 'Leaf', '[]', 3000, 'USD', 3, 'x', 'x'),
      (6, 1, 'w6', 'Mug', 'MUG', 'equipment', 'Mill', '[]', 800, 'USD', 100, 'x', 'x'),
      (7, 1, 'w7', 'Kettle', 'KET', 'equipment', 'Mill', '[]', 4000, 'USD', 0, 'x', 'x'),
      (8, 1, 'local:8', 'House blend', 'HOUSE', 'coffee', 'Roastery', '[]', 1400, 'USD', 10, 'x', 'x'),
      (9, 2, 'c9', 'Imported thing', NULL, 'coffee', NULL, '[]', 1000, 'USD', 10, 'x', 'x');
  `);
  const customer = sqlite.prepare(
    `INSERT INTO customers (id, store_id, external_id, first_name, last_name, personalization_consent, created_at, updated_at)
     VALUES (?, 1, ?, ?, 'Doe', ?, 'x', 'x')`,
  );
  customer.run(1, 'c1', 'Ann', 1);
  customer.run(2, 'c2', 'Ben', 1);
  customer.run(3, 'c3', 'Cy', 0);
  customer.run(4, 'c4', 'Ann (old)', 1);
  sqlite.exec(`UPDATE customers SET merged_into_id = 1 WHERE id = 4;
    INSERT INTO customer_merges (source_customer_id, target_customer_id, idempotency_key, merged_at) VALUES (4, 1, 'm4', 'x')`);

  const order = sqlite.prepare(
    `INSERT INTO orders (id, store_id, external_id, order_number, customer_id, status, financial_status, fulfillment_status,
       currency, subtotal_minor, total_minor, placed_at, created_at, updated_at)
     VALUES (?, 1, ?, ?, ?, ?, 'paid', 'fulfilled', 'USD', 0, 0, ?, 'x', 'x')`,
  );
  const line = sqlite.prepare(
    `INSERT INTO order_lines (order_id, store_id, external_id, product_id, title, quantity, unit_price_minor, total_minor)
     VALUES (?, 1, ?, ?, 'line', 1, 0, 0)`,
  );
  let orderId = 0;
  let lineId = 0;
  /** Order n is placed at hour n mod 24 of its day. */
  const add = (customerId: number | null, day: number, products: number[], status = 'completed') => {
    orderId++;
    order.run(orderId, `o${orderId}`, `#${orderId}`, customerId, status, T(day, orderId % 24));
    for (const product of products) line.run(orderId, `l${++lineId}`, product);
  };
  // Guests teach the co-purchases.
  for (let i = 0; i < 20; i++) add(null, i, [1, 2]);
  for (let i = 0; i < 8; i++) add(null, i, [1, 3]);
  for (let i = 0; i < 10; i++) add(null, i, [4, 5]);
  for (let i = 0; i < 30; i++) add(null, i, [6]);
  for (let i = 0; i < 4; i++) add(null, i, [1, 1, 2]); // a repeated line counts once
  add(null, 3, [4, 6, 7], 'cancelled'); // never learned from
  // Customers with histories (for "for you" and the evaluation's held-out baskets).
  add(1, 30, [1]);
  add(1, 40, [3]);
  add(4, 35, [4]);
  add(3, 31, [1, 2]);
  add(3, 45, [6]);
  add(1, 50, [2]);
}

export function call(ctx: HandlerContext, name: string, input: unknown): Promise<Result<unknown>> {
  return dispatch(handlers, ctx, name, input, () => undefined);
}

export async function ok<T>(ctx: HandlerContext, name: string, input: unknown): Promise<T> {
  const result = await call(ctx, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

/** Waits for the in-thread training and evaluation jobs of this context's core to write their rows. */
export async function jobsSettled(ctx: HandlerContext): Promise<void> {
  const runtime = recsRuntimeFor(ctx);
  await Promise.all([runtime.training?.done, runtime.evaluation?.done]);
}

/**
 * A seeded shop in a fresh in-memory database for each test of the file that
 * calls this (at module level), with its handler context and the events it emitted.
 */
export function seededShopPerTest(now = new Date('2026-03-01T12:00:00Z')): {
  readonly connection: Connection; readonly ctx: HandlerContext; readonly events: { event: string; payload: unknown }[];
} {
  const shop = {} as { connection: Connection; ctx: HandlerContext; events: { event: string; payload: unknown }[] };
  beforeEach(async () => {
    shop.connection = await memoryDb();
    seedShop(shop.connection.sqlite);
    shop.events = [];
    shop.ctx = handlerContext(shop.connection, now, shop.events);
  });
  afterEach(() => shop.connection.close());
  return shop;
}
