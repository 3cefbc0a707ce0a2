import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { applyRecords } from '../../src/main/sync/apply';
import type { MalformedRecord, RemoteOrder, RemoteRecord } from '../../src/main/sync/model';
import { memoryDb } from '../helpers/db';
import { asOrders, insertConnectedStore, NOW, remoteCustomer, remoteLine, remoteOrder, remoteProduct } from './sync-apply-fixtures';

let connection: Connection;
const apply = (records: RemoteRecord[], malformed: MalformedRecord[] = []) =>
  applyRecords(connection.sqlite, 1, records, malformed, { runId: null, now: NOW });
const held = () => connection.sqlite
  .prepare('SELECT resource, external_id AS externalId, reason, payload, resolved_at AS resolvedAt FROM sync_quarantine ORDER BY id')
  .all() as { resource: string; externalId: string | null; reason: string; payload: string; resolvedAt: string | null }[];

beforeEach(async () => {
  connection = await memoryDb();
  insertConnectedStore(connection.sqlite);
});
afterEach(() => connection.close());

describe('applyRecords: validation at the boundary', () => {
  it('quarantines each bad record with a sentence and its raw JSON, and applies the rest of the page', () => {
    const bad: [RemoteOrder, RegExp][] = [
      [remoteOrder('neg', { discountMinor: -500, totalMinor: 6200 }), /discount is negative \(-500\)/],
      [remoteOrder('sum', { totalMinor: 5300 }), /total 5300 does not add up: .* = 5200/],
      [remoteOrder('qty', { lines: [remoteLine('q1', { quantity: 0 })] }), /quantity of 0; it must be at least 1/],
      [remoteOrder('cur', { currency: 'usd' }), /"usd" is not a three-letter currency code/],
      [remoteOrder('num', { orderNumber: '' }), /no order number/],
      [remoteOrder('date', { placedAt: null as unknown as string }), /order date is missing/],
      [remoteOrder('zone', { updatedAt: '2026-02-01 10:00:00' }), /not a date and time with a time zone/],
      [remoteOrder('frac', { taxMinor: 2.5 }), /tax \(2\.5\) is not a whole number/],
    ];
    const counts = apply([
      ...asOrders(remoteOrder('good'), ...bad.map(([order]) => order)),
      { resource: 'products', record: remoteProduct('p9', { priceMinor: -1 }) },
      { resource: 'customers', record: remoteCustomer('c9', { updatedAt: '' }) },
    ], [{ resource: 'orders', externalId: '77', reason: 'The order has no line items field.', raw: { id: 77 } }]);

    expect(counts).toEqual({ created: 1, updated: 0, unchanged: 0, quarantined: bad.length + 3 });
    expect(connection.sqlite.prepare('SELECT external_id FROM orders').all()).toEqual([{ external_id: 'good' }]);
    const rows = held();
    expect(rows[0]).toMatchObject({ resource: 'orders', externalId: '77', payload: '{"id":77}' });
    bad.forEach(([order, reason], i) => {
      const row = rows[i + 1]!;
      expect(row.externalId).toBe(order.externalId);
      expect(row.reason).toMatch(reason);
      expect(row.reason).toMatch(/\.$/);
      expect(JSON.parse(row.payload)).toEqual(JSON.parse(JSON.stringify(order)));
    });
    expect(rows.slice(-2).map((r) => r.reason)).toEqual(['The price is negative (-1).', 'The last-updated date is missing.']);
  });

  it('accepts a tax-inclusive total, and rounding within one minor unit', () => {
    const counts = apply(asOrders(
      remoteOrder('incl', { taxesIncluded: true, taxMinor: 900, totalMinor: 4900 }),
      remoteOrder('round', { totalMinor: 5201 }),
    ));
    expect(counts.created).toBe(2);
  });

  it('keeps a record failing the same way once, and resolves it when a good version applies', () => {
    const broken = remoteOrder('o1', { totalMinor: 1 });
    apply(asOrders(broken));
    apply(asOrders(broken));
    expect(held()).toHaveLength(1);
    apply(asOrders(remoteOrder('o1')));
    expect(held()[0]!.resolvedAt).toBe(NOW.toISOString());
  });
});
