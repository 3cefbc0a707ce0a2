import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { recomputeAllRfm, recomputeCustomerRfm, refreshCustomerRfm } from '../../src/main/domain/customers/rfm';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';
import { capturePlans } from '../helpers/plans';

/**
 * Recomputing one customer's RFM row (after a merge or a refund) must give
 * that customer exactly the scores and segment a full recompute would, as
 * long as nobody else changed: percent rank = others strictly below / others.
 * A random store with many ties (most customers have one or two orders of a
 * few amounts) is where an off-by-one in the ranks would show.
 */
const NOW = new Date('2026-03-01T00:00:00.000Z');
const CUSTOMERS = 150;
let connection: Connection;
let nextOrderId = 1;

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const day = (rng: () => number) => `2025-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 9)).padStart(2, '0')}T10:00:00.000Z`;

function addOrder(customerId: number, rng: () => number): void {
  insertOrder(connection.sqlite, {
    id: nextOrderId, customerId, seq: nextOrderId, placedAt: day(rng), totalMinor: 1_000 * (1 + Math.floor(rng() * 4)),
  });
  nextOrderId++;
}

interface Scored { r: number | null; f: number | null; m: number | null; segment: string | null; spend: number; orders: number }

const scoredRow = (customerId: number): Scored =>
  connection.sqlite
    .prepare(`SELECT r, f, m, segment, spend_minor AS spend, orders_count AS orders FROM customer_rfm WHERE customer_id = ?`)
    .get(customerId) as Scored;

beforeEach(async () => {
  connection = await memoryDb();
  nextOrderId = 1;
  insertStore(connection.sqlite);
  const rng = random(42);
  for (let id = 1; id <= CUSTOMERS; id++) {
    insertCustomer(connection.sqlite, id);
    // A tenth never ordered: they stay out of the ranks.
    const orders = id % 10 === 0 ? 0 : 1 + Math.floor(rng() ** 3 * 6);
    for (let k = 0; k < orders; k++) addOrder(id, rng);
  }
  recomputeAllRfm(connection.sqlite, NOW);
});

describe('recomputing one customer', () => {
  it('gives the scores and segment a full recompute gives, after refunds and new orders', () => {
    const rng = random(7);
    let changedSegments = 0;
    for (let trial = 0; trial < 60; trial++) {
      const customerId = 1 + Math.floor(rng() * CUSTOMERS);
      const orders = connection.sqlite
        .prepare('SELECT id, total_minor AS total FROM orders WHERE customer_id = ? ORDER BY id')
        .all(customerId) as { id: number; total: number }[];
      const before = scoredRow(customerId);
      if (orders.length > 0 && rng() < 0.6) {
        const order = orders[Math.floor(rng() * orders.length)]!;
        connection.sqlite.prepare('UPDATE orders SET refunded_minor = ? WHERE id = ?').run(Math.floor(order.total * rng()), order.id);
      } else {
        addOrder(customerId, rng);
      }
      recomputeCustomerRfm(connection.sqlite, customerId, NOW);
      const incremental = scoredRow(customerId);
      recomputeAllRfm(connection.sqlite, NOW);
      expect({ trial, customerId, ...incremental }).toEqual({ trial, customerId, ...scoredRow(customerId) });
      if (before.segment !== incremental.segment) changedSegments++;
    }
    // The trials must move customers between segments, or they would prove little.
    expect(changedSegments).toBeGreaterThan(5);
  });

  it('refreshes the customer who stands for a merged one, and nothing before the first computation', () => {
    const { sqlite } = connection;
    // Customer 3 merged into 4 by hand (as customers.merge leaves it): 3's orders now belong to 4.
    sqlite.prepare('UPDATE customers SET merged_into_id = 4 WHERE id = 3').run();
    sqlite.prepare('UPDATE orders SET customer_id = 4 WHERE customer_id = 3').run();
    sqlite.prepare('DELETE FROM customer_rfm WHERE customer_id = 3').run();
    refreshCustomerRfm(sqlite, 3, NOW);
    const refreshed = scoredRow(4);
    expect(refreshed.orders).toBe(sqlite.prepare('SELECT count(*) FROM orders WHERE customer_id = 4').pluck().get());
    recomputeAllRfm(sqlite, NOW);
    expect(refreshed).toEqual(scoredRow(4));

    sqlite.prepare('DELETE FROM customer_rfm').run();
    refreshCustomerRfm(sqlite, 4, NOW);
    expect(sqlite.prepare('SELECT count(*) FROM customer_rfm').pluck().get()).toBe(0);
  });

  it('seeks the segment indexes instead of scanning customer_rfm', () => {
    const plans = capturePlans(connection.sqlite, (spied) => recomputeCustomerRfm(spied, 5, NOW), { selectsOnly: true });
    const counts = plans.filter((plan) => plan.includes('customer_rfm_segment'));
    expect(counts.length).toBe(4);
    for (const plan of plans) expect(plan).not.toMatch(/\bSCAN (customer_rfm|orders|o)\b/);
    expect(counts.join('\n')).toMatch(/SEARCH customer_rfm USING COVERING INDEX customer_rfm_segment_spend \(segment=\? AND spend_minor<\?\)/);
  });
});
