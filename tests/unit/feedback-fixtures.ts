import type { HandlerContext } from '../../src/main/core/handler';
import type { Connection, Sqlite } from '../../src/main/db/connection';
import { writeLoyaltySettings, readLoyaltySettings } from '../../src/main/domain/loyalty/settings';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';

/**
 * A small shop for the feedback tests: staff member 1 (owner), customers 1–2
 * (c1@example.com, c2@example.com), orders 1 (#1001, customer 1) and 2
 * (#1002, customer 2), product 1 (SKU CANDLE-1), and a loyalty program that
 * gives `reviewPoints` for a review.
 */
export const NOW = new Date('2026-03-20T12:00:00.000Z');

export interface FeedbackShop {
  connection: Connection;
  sqlite: Sqlite;
  events: unknown[];
  ctx: HandlerContext;
}

export async function feedbackShop(reviewPoints = 50): Promise<FeedbackShop> {
  const connection: Connection = await memoryDb();
  const { sqlite } = connection;
  insertStore(sqlite);
  sqlite.prepare(`INSERT INTO staff (id, name, email, role, created_at) VALUES (1, 'Mia', 'mia@shop.example', 'owner', ?)`)
    .run(NOW.toISOString());
  insertCustomer(sqlite, 1);
  insertCustomer(sqlite, 2);
  insertOrder(sqlite, { id: 1, customerId: 1, seq: 1, placedAt: '2026-03-01T10:00:00.000Z', totalMinor: 4200 });
  insertOrder(sqlite, { id: 2, customerId: 2, seq: 1, placedAt: '2026-03-02T10:00:00.000Z', totalMinor: 1800 });
  sqlite.prepare(`INSERT INTO products (id, store_id, external_id, title, sku, price_minor, currency, created_at, updated_at)
    VALUES (1, 1, 'p1', 'Cedar candle', 'CANDLE-1', 2400, 'USD', ?, ?)`).run(NOW.toISOString(), NOW.toISOString());
  const settings = readLoyaltySettings(sqlite);
  writeLoyaltySettings(sqlite, { ...settings, enabled: true, bonusActions: { ...settings.bonusActions, review: reviewPoints } }, NOW);
  const events: unknown[] = [];
  return { connection, sqlite, events, ctx: handlerContext(connection, NOW, events) };
}

export const count = (connection: Connection, sql: string): number =>
  connection.sqlite.prepare(sql).pluck().get() as number;
