import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { resolveAudience } from '../../src/main/domain/campaigns/audience';
import { previewAudience } from '../../src/main/domain/campaigns/preview';
import { audiencePreviewInput } from '../../src/shared/contract/campaigns';
import { memoryDb } from '../helpers/db';
import { insertPaidOrder, NOW, seedShop } from './campaigns-fixtures';

/** Who an audience reaches: matched, consenting, merged customers left out, list entries matched or reported. */
let connection: Connection;
beforeEach(async () => {
  connection = await memoryDb();
  seedShop(connection.sqlite, 40, { noConsentEvery: 10 });
});
afterEach(() => connection.close());

const preview = (input: unknown) => previewAudience(connection.sqlite, audiencePreviewInput.parse(input), NOW);

describe('resolveAudience', () => {
  it('matches an uploaded list by id, email (any case, spaces) or phone (however written), and reports the rest', () => {
    const result = preview({ holdoutPercent: 10, audience: { kind: 'list', entries: [
      '3', '  customer4@EXAMPLE.com ', '+1 555-000-00005', '1 (555) 000 00006', 'nobody@example.com', '999999', 'not a contact', '3',
    ] } });
    expect(result).toMatchObject({ matched: 4, excludedNoConsent: 0, eligible: 4, unmatchedCount: 3 });
    expect(result.unmatchedEntries.sort()).toEqual(['999999', 'nobody@example.com', 'not a contact']);
    expect(result.sample.map((s) => s.customerId)).toEqual([3, 4, 5, 6]);
    expect(result.sample[0]).toEqual({ customerId: 3, name: 'C3', email: 'Customer3@Example.com' });
  });

  it('counts customers without marketing consent as excluded, never eligible, and leaves merged customers out', () => {
    connection.sqlite.exec('UPDATE customers SET merged_into_id = 1 WHERE id = 2');
    const result = preview({ holdoutPercent: 25, audience: { kind: 'tag', tags: ['vip', 'other'] } });
    // 40 customers, 1 merged away; 10, 20, 30, 40 declined marketing.
    expect(result).toMatchObject({ matched: 39, excludedNoConsent: 4, eligible: 35, expectedHoldout: 9, unmatchedCount: 0 });
    const resolved = resolveAudience(connection.sqlite, { kind: 'tag', tags: ['vip'] }, null, NOW);
    expect(resolved.eligibleIds).not.toContain(2);
    expect(resolved.eligibleIds).not.toContain(10);
  });

  it('reads segments from the RFM figures, tiers from the held tiers, groups from their members, and one store only when asked', () => {
    const { sqlite } = connection;
    for (let id = 1; id <= 40; id++) insertPaidOrder(sqlite, id, id, id <= 5 ? '2026-04-20T00:00:00.000Z' : '2025-01-01T00:00:00.000Z');
    const segments = preview({ holdoutPercent: 0, audience: { kind: 'segment', segments: ['champions', 'loyal', 'potential', 'new', 'atRisk', 'cantLose', 'hibernating', 'lost'] } });
    expect(segments.matched).toBe(40);
    sqlite.exec(`INSERT INTO customer_tiers (customer_id, tier_id, since) VALUES (7, 'gold', '${NOW.toISOString()}'), (8, 'silver', '${NOW.toISOString()}')`);
    expect(preview({ holdoutPercent: 0, audience: { kind: 'tier', tierIds: ['gold'] } }).sample.map((s) => s.customerId)).toEqual([7]);
    sqlite.exec(`INSERT INTO community_groups (id, platform, name, created_at, updated_at) VALUES (1, 'discord', 'Fans', '${NOW.toISOString()}', '${NOW.toISOString()}');
      INSERT INTO community_members (group_id, customer_id, source, joined_at) VALUES (1, 11, 'import', '${NOW.toISOString()}'), (1, 12, 'import', '${NOW.toISOString()}')`);
    expect(preview({ holdoutPercent: 0, audience: { kind: 'group', groupId: 1 } }).eligible).toBe(2);
    sqlite.exec(`INSERT INTO stores (id, platform, name, currency, created_at, updated_at) VALUES (2, 'demo', 'Other', 'USD', '${NOW.toISOString()}', '${NOW.toISOString()}');
      UPDATE customers SET store_id = 2 WHERE id <= 15`);
    expect(preview({ holdoutPercent: 0, storeId: 2, audience: { kind: 'tag', tags: ['vip'] } })).toMatchObject({ matched: 15, excludedNoConsent: 1 });
  });

  it('matches a list of 20,000 entries in one set-based pass', () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => (i % 2 === 0 ? String(i + 1) : `customer${i + 1}@example.com`));
    const started = performance.now();
    const result = preview({ holdoutPercent: 10, audience: { kind: 'list', entries } });
    expect(result.matched).toBe(40);
    expect(result.unmatchedCount).toBe(19_960);
    expect(result.unmatchedEntries).toHaveLength(20);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
