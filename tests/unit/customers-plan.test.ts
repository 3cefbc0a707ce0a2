import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { customerPageStatement } from '../../src/main/domain/customers/list';
import { customerProfile } from '../../src/main/domain/customers/profile';
import { findDuplicates } from '../../src/main/domain/customers/duplicates';
import { listSegments, exportSegment } from '../../src/main/domain/customers/segments';
import { customerListQuery, duplicatesQuery, segmentExportInput, type CustomerListQuery } from '../../src/shared/contract';
import { memoryDb } from '../helpers/db';
import { capturePlans } from '../helpers/plans';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';
import { setPerson } from './customers-fixtures';

/**
 * The customers area's hot statements at 1M orders / 500k customers must walk
 * indexes: a page walks each segment's sort index and stops after `limit`
 * rows, the profile reads everything by customer id. A bare "SCAN customers"
 * (or of orders, customer_rfm, the ledger, tickets, returns, feedback) would
 * read the whole table.
 */
const NOW = new Date('2026-03-01T00:00:00.000Z');
const BARE_SCAN = /\bSCAN (customers|c|orders|o|customer_rfm|r|points_ledger|p|tickets|returns|feedback|audit_log|a)\b(?! USING)/;
let connection: Connection;

beforeAll(async () => {
  connection = await memoryDb();
  const s = connection.sqlite;
  insertStore(s);
  for (let id = 1; id <= 3; id++) {
    insertCustomer(s, id);
    setPerson(s, id, { first: `Ann${id}`, last: `Lee${id}`, localTags: ['vip'] });
    insertOrder(s, { id, customerId: id, seq: 1, placedAt: `2026-02-0${id}T10:00:00.000Z`, totalMinor: 1000 * id });
  }
  customerProfile({ sqlite: s, now: () => NOW }, 1); // nothing computed yet: fine
  listSegments(s, {}, NOW); // computes customer_rfm on first open
});
afterAll(() => connection.close());

function pagePlan(query: CustomerListQuery): string {
  const statement = customerPageStatement(connection.sqlite, customerListQuery.parse(query))!;
  return capturePlans(connection.sqlite, (spied) => spied.prepare(statement.sql)).join(' | ');
}

describe('customers query plans', () => {
  it.each<[string, CustomerListQuery, RegExp]>([
    ['last order', {}, /SEARCH r USING INDEX customer_rfm_segment_last_order \(segment=\?\)/],
    ['spend in a segment', { filter: { segments: ['champions'] }, sort: { by: 'spend', direction: 'desc' } }, /SEARCH r USING INDEX customer_rfm_segment_spend \(segment=\?\)/],
    ['orders with a minimum', { filter: { minOrders: 2 }, sort: { by: 'orders', direction: 'desc' } }, /SEARCH r USING INDEX customer_rfm_segment_orders \(segment=\? AND orders_count>\?\)/],
    ['name', { sort: { by: 'name', direction: 'asc' }, filter: { marketingConsent: false } }, /SCAN c USING INDEX customers_sort_name/],
    ['a name search', { filter: { search: 'ann' } }, /SEARCH (c|r) USING INTEGER PRIMARY KEY/],
    ['a tag', { filter: { tag: 'vip' }, sort: { by: 'spend', direction: 'asc' } }, /SEARCH (c|r) USING INTEGER PRIMARY KEY/],
  ])('a page by %s walks an index', (_name, query, expected) => {
    const plan = pagePlan(query);
    expect(plan).toMatch(expected);
    expect(plan).not.toMatch(BARE_SCAN);
  });

  it('a name search uses the NOCASE name indexes, an email or phone the normalized ones', () => {
    const plans = (search: string) => capturePlans(connection.sqlite, (spied) =>
      customerPageStatement(spied, customerListQuery.parse({ filter: { search } }))).join(' | ');
    expect(plans('ann')).toMatch(/customers_first_name.*customers_last_name/);
    expect(plans('ANN1@example.com')).toMatch(/customers_email_normalized/);
    expect(plans('+1 416 555 0101')).toMatch(/customers_phone_digits/);
  });

  it('the profile reads everything by customer id', () => {
    const plans = capturePlans(connection.sqlite, (spied) => customerProfile({ sqlite: spied, now: () => NOW }, 1), { selectsOnly: true });
    expect(plans.length).toBeGreaterThan(8);
    for (const plan of plans) expect(plan).not.toMatch(BARE_SCAN);
    for (const index of ['orders_customer', 'tickets_customer_created', 'returns_customer', 'feedback_customer', 'points_ledger_customer', 'audit_log_entity']) {
      expect(plans.join('\n')).toContain(index);
    }
  });

  it('segments, their export and duplicates stay on their indexes', () => {
    const segments = capturePlans(connection.sqlite, (spied) => listSegments(spied, {}, NOW), { selectsOnly: true });
    expect(segments.join('\n')).toMatch(/SCAN r USING COVERING INDEX customer_rfm_segment/);
    const exported = capturePlans(connection.sqlite, (spied) =>
      exportSegment(spied, segmentExportInput.parse({ segment: 'champions' }), NOW), { selectsOnly: true });
    expect(exported.join('\n')).toMatch(/SEARCH r USING INDEX customer_rfm_segment_spend \(segment=\?\)/);
    const duplicates = capturePlans(connection.sqlite, (spied) => findDuplicates(spied, duplicatesQuery.parse({})), { selectsOnly: true });
    expect(duplicates.join('\n')).toMatch(/customers_email_normalized/);
    expect(duplicates.join('\n')).toMatch(/customers_phone_digits/);
    for (const plan of [...exported, ...duplicates]) expect(plan).not.toMatch(BARE_SCAN);
  });
});
