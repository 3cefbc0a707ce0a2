import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { earnForOrders } from '../../src/main/domain/loyalty/earn-many';
import { earnForOrder } from '../../src/main/domain/loyalty/orders';
import { writeLoyaltySettings } from '../../src/main/domain/loyalty/settings';
import { DEFAULT_LOYALTY_SETTINGS, type LoyaltySettings } from '../../src/shared/contract';
import { applyRecords } from '../../src/main/sync/apply';
import type { RemoteOrder } from '../../src/main/sync/model';
import { memoryDb } from '../helpers/db';
import { asOrders, insertConnectedStore, NOW, remoteOrder } from './sync-apply-fixtures';

/**
 * A sync page earns its orders' points together (loyalty's earnForOrders):
 * the ledger must hold exactly what earnForOrder, one order at a time, posts.
 */
async function ledgerAfter(orders: RemoteOrder[], settings: LoyaltySettings, together: boolean) {
  const connection: Connection = await memoryDb();
  try {
    insertConnectedStore(connection.sqlite);
    writeLoyaltySettings(connection.sqlite, settings, NOW);
    // Written without points first (a disabled program earns nothing), then earned one way or the other.
    writeLoyaltySettings(connection.sqlite, { ...settings, enabled: false }, NOW);
    applyRecords(connection.sqlite, 1, asOrders(...orders), [], { runId: null, now: NOW });
    writeLoyaltySettings(connection.sqlite, settings, NOW);
    const ids = (connection.sqlite.prepare('SELECT id FROM orders ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    const ctx = { sqlite: connection.sqlite, now: () => NOW };
    connection.sqlite.transaction(() => {
      const left = together ? earnForOrders(ctx, ids) : ids;
      for (const id of left) earnForOrder(ctx, id);
    })();
    return connection.sqlite.prepare(`SELECT customer_id, entry_type, points, order_id, idempotency_key, available_at, expires_at,
      reason, staff_id, created_at FROM points_ledger ORDER BY order_id, entry_type`).all();
  } finally {
    connection.close();
  }
}

const orders = (): RemoteOrder[] => [
  remoteOrder('paid'),
  remoteOrder('yen', { currency: 'JPY', subtotalMinor: 5000, discountMinor: 500, totalMinor: 5200,
    lines: [], payments: [] }),
  remoteOrder('pending', { financialStatus: 'pending' }),
  remoteOrder('guest', { customerExternalId: null }),
  remoteOrder('cancelled', { status: 'cancelled', cancelledAt: '2026-02-01T11:00:00Z' }),
  remoteOrder('tiny', { subtotalMinor: 50, discountMinor: 0, shippingMinor: 0, taxMinor: 0, totalMinor: 50, lines: [],
    payments: [] }),
  remoteOrder('other-customer', { customerExternalId: 'c2', placedAt: '2026-01-31T23:59:59Z', financialStatus: 'refunded' }),
];

describe('earnForOrders', () => {
  it('posts exactly what earnForOrder posts, order by order', async () => {
    for (const settings of [
      DEFAULT_LOYALTY_SETTINGS,
      { ...DEFAULT_LOYALTY_SETTINGS, earning: { ...DEFAULT_LOYALTY_SETTINGS.earning, pointsPerCurrencyUnit: 0.57, basis: 'total' as const,
        pendingDays: 3, lotLifetimeMonths: 1 } },
      { ...DEFAULT_LOYALTY_SETTINGS, earning: { ...DEFAULT_LOYALTY_SETTINGS.earning, expiryMode: 'inactivity' as const } },
    ]) {
      const oneByOne = await ledgerAfter(orders(), settings, false);
      expect(oneByOne.length).toBeGreaterThan(2);
      expect(await ledgerAfter(orders(), settings, true)).toEqual(oneByOne);
    }
  });

  it('leaves to earnForOrder every order of a program whose earning depends on more than the order', async () => {
    const withBonus = { ...DEFAULT_LOYALTY_SETTINGS, bonusActions: { ...DEFAULT_LOYALTY_SETTINGS.bonusActions, firstOrder: 10 } };
    const connection = await memoryDb();
    insertConnectedStore(connection.sqlite);
    writeLoyaltySettings(connection.sqlite, withBonus, NOW);
    expect(earnForOrders({ sqlite: connection.sqlite, now: () => NOW }, [1, 2])).toEqual([1, 2]);
    connection.close();
  });
});
