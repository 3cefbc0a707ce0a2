import { describe, expect, it } from 'vitest';
import { post } from '../../src/main/domain/loyalty/ledger';
import { runLoyaltyMaintenance } from '../../src/main/domain/loyalty/maintenance';
import { memoryDb } from '../helpers/db';
import { capturePlans } from '../helpers/plans';
import { insertCustomer, insertStore } from '../helpers/fixtures';

/**
 * Maintenance runs hourly on a ledger of millions of entries: the expiry pass
 * finds its lots through the expiry index and the rowid, never a ledger scan.
 * The birthday pass reads customers once (no index can answer "born on this
 * month-day" for dates stored as YYYY-MM-DD), about 0.1 s on 500,000 customers.
 */
describe('loyalty maintenance query plans', () => {
  it('finds due lots through points_ledger_expiry and the rowid', async () => {
    const { sqlite } = await memoryDb();
    insertStore(sqlite);
    insertCustomer(sqlite, 1);
    const now = () => new Date('2026-01-01T00:00:00.000Z');
    post({ sqlite, now }, { customerId: 1, entryType: 'bonus', points: 5, idempotencyKey: 'b',
      expiresAt: '2026-02-01T00:00:00.000Z' });
    const plans = (at: string) => capturePlans(sqlite, (spied) => runLoyaltyMaintenance({ sqlite: spied, now }, new Date(at)),
      { selectsOnly: true });
    const first = plans('2026-03-01T00:00:00.000Z');
    const later = plans('2026-03-01T01:00:00.000Z');
    for (const plan of [...first, ...later]) {
      expect(plan).not.toMatch(/SCAN (points_ledger|lot|x|orders)\b/);
    }
    expect(first.some((p) => /SEARCH lot USING INDEX points_ledger_expiry \(expires_at<\?\)/.test(p))).toBe(true);
    expect(later.some((p) => /SEARCH lot USING INDEX points_ledger_expiry \(expires_at>\? AND expires_at<\?\)/.test(p))).toBe(true);
    expect(later.some((p) => /SEARCH lot USING INTEGER PRIMARY KEY \(rowid>\?\)/.test(p))).toBe(true);
    expect(later.filter((p) => p.includes('SEARCH lot')).every((p) =>
      /SEARCH x USING COVERING INDEX sqlite_autoindex_points_ledger_1 \(idempotency_key=\?\)/.test(p))).toBe(true);
  });
});
