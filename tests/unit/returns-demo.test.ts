import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { generateDemoStore } from '../../src/main/demo';
import { getReturn } from '../../src/main/domain/returns/detail';
import { NEXT_STEPS } from '../../src/main/domain/returns/lifecycle';
import { readReturnPolicy } from '../../src/main/domain/returns/policy';
import { memoryDb } from '../helpers/db';

/** The demo store's returns: every lifecycle told by its events, by agents, forward in time, refunds linked. */
const NOW = new Date('2026-03-01T12:00:00.000Z');
let connection: Connection;
const count = (sql: string) => connection.sqlite.prepare(sql).pluck().get() as number;

beforeAll(async () => {
  connection = await memoryDb();
  generateDemoStore(connection.sqlite, { size: 'small', seed: 7, now: NOW });
});
afterAll(() => connection.close());

describe('demo returns', () => {
  it('has one event per step reached, each a legal step, ending at the return status and time', () => {
    expect(count('SELECT count(*) FROM returns')).toBeGreaterThan(10);
    expect(count('SELECT count(*) FROM returns r WHERE NOT EXISTS (SELECT 1 FROM return_events e WHERE e.return_id = r.id)')).toBe(0);
    const ids = connection.sqlite.prepare('SELECT id FROM returns').pluck().all() as number[];
    for (const id of ids) {
      const r = getReturn(connection.sqlite, id);
      expect(r.events[0]).toMatchObject({ from: null, to: 'requested', at: r.requestedAt });
      r.events.slice(1).forEach((e, i) => {
        expect(e.from).toBe(r.events[i]!.to);
        expect(NEXT_STEPS[e.from!]).toContain(e.to);
        expect(e.at >= r.events[i]!.at).toBe(true);
      });
      expect(r.events.at(-1)).toMatchObject({ to: r.status, at: r.updatedAt });
      expect(r.events.every((e) => e.staff !== null)).toBe(true);
    }
    // Resolved returns went through inspection.
    expect(count(`SELECT count(*) FROM returns r WHERE r.status IN ('resolved', 'closed') AND r.resolution IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM return_events e WHERE e.return_id = r.id AND e.to_status = 'inspected')`)).toBe(0);
    expect(count(`SELECT count(*) FROM return_events e JOIN staff s ON s.id = e.staff_id WHERE s.role <> 'agent'`)).toBe(0);
  });

  it('links refunded returns to their refund rows, for the same amount, and uses the policy reason codes', () => {
    expect(count(`SELECT count(*) FROM returns WHERE resolution = 'refund' AND refund_id IS NULL`)).toBe(0);
    expect(count(`SELECT count(*) FROM returns WHERE refund_id IS NOT NULL`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) FROM returns r JOIN refunds f ON f.id = r.refund_id
      WHERE f.order_id <> r.order_id OR f.amount_minor <> r.refund_minor`)).toBe(0);
    const codes = readReturnPolicy(connection.sqlite).reasons.map((r) => `'${r.code}'`).join(',');
    expect(count(`SELECT count(*) FROM returns WHERE reason NOT IN (${codes})`)).toBe(0);
    expect(connection.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('demo policy flags', () => {
  it('flags the requests made after the 30-day window, and only those', () => {
    const late = `r.requested_at > strftime('%Y-%m-%dT%H:%M:%fZ', coalesce((SELECT min(s.delivered_at) FROM shipments s
      WHERE s.order_id = r.order_id AND s.delivered_at IS NOT NULL), o.placed_at), '+30 days')`;
    expect(count(`SELECT count(*) FROM returns r JOIN orders o ON o.id = r.order_id WHERE ${late}`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) FROM returns r JOIN orders o ON o.id = r.order_id
      WHERE (${late}) <> (r.policy_flags LIKE '%outside_window%')`)).toBe(0);
  });
});
