import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertStore } from '../helpers/fixtures';

/** Migration 0005: the tables refuse what the rewards form and the redemption must never write. */
let connection: Connection;
const T = '2026-01-01T00:00:00.000Z';
const reward = (kind: string, value: number | null, percent: number | null, product: number | null, cost = 100) =>
  connection.sqlite.prepare(`INSERT INTO rewards (name, kind, points_cost, value_minor, percent, product_id,
    created_at, updated_at) VALUES ('R', ?, ?, ?, ?, ?, ?, ?)`).run(kind, cost, value, percent, product, T, T);

beforeEach(async () => {
  connection = await memoryDb();
  insertStore(connection.sqlite);
  insertCustomer(connection.sqlite, 1);
});
afterEach(() => connection.close());

describe('migration 0005', () => {
  it('creates the expiry index and the coupon indexes', () => {
    const names = connection.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all();
    expect(names).toEqual(expect.arrayContaining(['points_ledger_expiry', 'coupons_customer', 'coupons_reward']));
  });

  it('keeps each reward kind to its own value field and a positive cost', () => {
    expect(() => reward('fixed_amount', 500, null, null)).not.toThrow();
    expect(() => reward('percent', null, 10, null)).not.toThrow();
    expect(() => reward('free_shipping', null, null, null)).not.toThrow();
    expect(() => reward('fixed_amount', null, null, null)).toThrow(/CHECK/);
    expect(() => reward('percent', 500, 10, null)).toThrow(/CHECK/);
    expect(() => reward('percent', null, 101, null)).toThrow(/CHECK/);
    expect(() => reward('gift_product', null, null, null)).toThrow(/CHECK/);
    expect(() => reward('free_shipping', null, null, null, 0)).toThrow(/CHECK/);
    expect(() => reward('cashback', null, null, null)).toThrow(/CHECK/);
  });

  it('gives a coupon one code, one ledger entry and one idempotency key', () => {
    reward('free_shipping', null, null, null);
    const entry = (key: string) => Number(connection.sqlite.prepare(`INSERT INTO points_ledger (customer_id, entry_type,
      points, idempotency_key, available_at, created_at) VALUES (1, 'redeem', -1, ?, ?, ?)`).run(key, T, T).lastInsertRowid);
    const coupon = (code: string, entryId: number, key: string) => connection.sqlite.prepare(`INSERT INTO coupons (code,
      customer_id, reward_id, ledger_entry_id, store_id, kind, issued_at, idempotency_key)
      VALUES (?, 1, 1, ?, 1, 'free_shipping', ?, ?)`).run(code, entryId, T, key);
    const [a, b, c] = [entry('a'), entry('b'), entry('c')];
    coupon('BR-AAAA-AAAA', a, 'k1');
    expect(() => coupon('BR-AAAA-AAAA', b, 'k2')).toThrow(/UNIQUE/);
    expect(() => coupon('BR-BBBB-BBBB', a, 'k2')).toThrow(/UNIQUE/);
    expect(() => coupon('BR-BBBB-BBBB', c, 'k1')).toThrow(/UNIQUE/);
  });
});
