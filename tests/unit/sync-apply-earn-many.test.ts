import { describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { earnForOrderFacts, earnForOrders } from '../../src/main/domain/loyalty/earn-many';
import { earnForOrder, reverseForRefund, type OrderFacts } from '../../src/main/domain/loyalty/orders';
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

  it('dates each lot as earnForOrder does, at month ends, leap days and year ends, several orders a day', async () => {
    const at = ['2024-01-31T23:59:59Z', '2024-01-31T00:00:00Z', '2024-02-29T12:30:00Z', '2023-12-31T23:00:00.250Z',
      '2024-03-31T08:00:00+02:00', '2025-08-31T10:00:00Z', '2024-01-31T05:00:00Z'];
    const placed = at.map((placedAt, i) => remoteOrder(`d${i}`, { placedAt, updatedAt: '2026-02-01T10:05:00Z' }));
    for (const [pendingDays, lotLifetimeMonths] of [[0, 1], [30, 13], [14, null], [365, 24]] as const) {
      const settings = { ...DEFAULT_LOYALTY_SETTINGS, earning: { ...DEFAULT_LOYALTY_SETTINGS.earning, pendingDays,
        lotLifetimeMonths } };
      const oneByOne = await ledgerAfter(placed, settings, false);
      expect(oneByOne).toHaveLength(at.length);
      expect(await ledgerAfter(placed, settings, true)).toEqual(oneByOne);
    }
  });

  it('earns from facts in hand once per order: the last facts of an order listed twice, nothing for one already earned',
    async () => {
      const connection = await memoryDb();
      const { sqlite } = connection;
      insertConnectedStore(sqlite);
      writeLoyaltySettings(sqlite, { ...DEFAULT_LOYALTY_SETTINGS, enabled: false }, NOW);
      applyRecords(sqlite, 1, asOrders(remoteOrder('a'), remoteOrder('b')), [], { runId: null, now: NOW });
      writeLoyaltySettings(sqlite, DEFAULT_LOYALTY_SETTINGS, NOW);
      const ctx = { sqlite, now: () => NOW };
      const facts = (id: number, financialStatus: string) => ({ ...(sqlite.prepare(`SELECT id, customer_id AS customerId,
          status, financial_status AS financialStatus, currency, subtotal_minor AS subtotalMinor,
          discount_minor AS discountMinor, total_minor AS totalMinor, placed_at AS placedAt FROM orders WHERE id = ?`)
        .get(id) as OrderFacts), financialStatus });
      const ledger = () => sqlite.prepare('SELECT order_id AS orderId, points FROM points_ledger ORDER BY order_id').all();
      // Order 1 listed paid and then pending: it earns nothing (its last facts); order 2 earns once.
      sqlite.transaction(() => earnForOrderFacts(ctx, [facts(1, 'paid'), facts(2, 'paid'), facts(1, 'pending')]))();
      expect(ledger()).toEqual([{ orderId: 2, points: expect.any(Number) }]);
      // Again, with order 1 paid now: order 2 keeps its one entry (its key is taken), order 1 earns.
      sqlite.transaction(() => earnForOrderFacts(ctx, [facts(2, 'paid'), facts(1, 'paid')]))();
      expect(ledger()).toEqual([{ orderId: 1, points: expect.any(Number) }, { orderId: 2, points: expect.any(Number) }]);
      connection.close();
    });

  it('leaves to earnForOrder every order of a program whose earning depends on more than the order', async () => {
    const withBonus = { ...DEFAULT_LOYALTY_SETTINGS, bonusActions: { ...DEFAULT_LOYALTY_SETTINGS.bonusActions, firstOrder: 10 } };
    const connection = await memoryDb();
    insertConnectedStore(connection.sqlite);
    writeLoyaltySettings(connection.sqlite, withBonus, NOW);
    expect(earnForOrders({ sqlite: connection.sqlite, now: () => NOW }, [1, 2])).toEqual([1, 2]);
    connection.close();
  });

  it('leaves every order to earnForOrder (and its campaign hook) while a launched multiplier campaign exists', async () => {
    const connection = await memoryDb();
    const { sqlite } = connection;
    insertConnectedStore(sqlite);
    writeLoyaltySettings(sqlite, DEFAULT_LOYALTY_SETTINGS, NOW);
    applyRecords(sqlite, 1, asOrders(remoteOrder('a'), remoteOrder('b')), [], { runId: null, now: NOW });
    const ctx = { sqlite, now: () => NOW };
    const insertCampaign = sqlite.prepare(`INSERT INTO campaigns (name, goal, status, starts_at, ends_at, audience, holdout_salt,
        mechanics, created_at, updated_at) VALUES ('Double points', 'reward', ?, '2026-01-01T00:00:00.000Z',
        '2026-04-01T00:00:00.000Z', '{}', 'salt', '[{"kind":"multiplier","multiplier":2}]', ?, ?)`);
    insertCampaign.run('draft', NOW.toISOString(), NOW.toISOString());
    // A draft changes nothing: the orders (already earned by the apply) earn nothing more here.
    expect(sqlite.transaction(() => earnForOrders(ctx, [1, 2]))()).toEqual([]);
    insertCampaign.run('launched', NOW.toISOString(), NOW.toISOString());
    expect(sqlite.transaction(() => earnForOrders(ctx, [1, 2]))()).toEqual([1, 2]);
    connection.close();
  });
});

describe('a page of refunded orders', () => {
  /**
   * The page applied with its earnings queued and its reversals after them, or written without points and then
   * earned and reversed order by order through the loyalty area, as a page did before it queued them.
   */
  async function ledgerOf(pages: RemoteOrder[][], queued: boolean) {
    const connection = await memoryDb();
    const { sqlite } = connection;
    try {
      insertConnectedStore(sqlite);
      writeLoyaltySettings(sqlite, { ...DEFAULT_LOYALTY_SETTINGS, enabled: queued }, NOW);
      for (const page of pages) applyRecords(sqlite, 1, asOrders(...page), [], { runId: null, now: NOW });
      writeLoyaltySettings(sqlite, DEFAULT_LOYALTY_SETTINGS, NOW);
      if (!queued) {
        const ctx = { sqlite, now: () => NOW };
        for (const o of sqlite.prepare('SELECT id, status, total_minor AS total FROM orders ORDER BY id').all() as
          { id: number; status: string; total: number }[]) {
          if (o.status !== 'cancelled') earnForOrder(ctx, o.id);
          let refundedSoFar = 0;
          for (const r of sqlite.prepare('SELECT id, amount_minor AS amount FROM refunds WHERE order_id = ? ORDER BY refunded_at, id')
            .all(o.id) as { id: number; amount: number }[]) {
            refundedSoFar += r.amount;
            reverseForRefund(ctx, { orderId: o.id, refundedTotalMinor: refundedSoFar, refundKey: `refund:${r.id}:reverse` });
          }
          if (o.status === 'cancelled') reverseForRefund(ctx, { orderId: o.id, refundedTotalMinor: o.total, refundKey: `order:${o.id}:cancel` });
        }
      }
      return sqlite.prepare(`SELECT customer_id, entry_type, points, order_id, idempotency_key, available_at,
        expires_at, reason FROM points_ledger ORDER BY order_id, id`).all();
    } finally {
      connection.close();
    }
  }
  const refund = (id: string, amountMinor: number, refundedAt: string) =>
    ({ externalId: id, amountMinor, currency: 'USD', reason: null, note: null, refundedAt });
  const refunded = (): RemoteOrder[] => [
    remoteOrder('whole', { financialStatus: 'refunded', refundedMinor: 5200, refunds: [refund('r1', 5200, '2026-02-02T10:00:00Z')] }),
    remoteOrder('plain'),
    remoteOrder('twice', { financialStatus: 'partially_refunded', refundedMinor: 3000,
      refunds: [refund('r3', 1000, '2026-02-03T10:00:00Z'), refund('r2', 2000, '2026-02-02T10:00:00Z')] }),
    remoteOrder('cancelled', { status: 'cancelled', cancelledAt: '2026-02-01T11:00:00Z', financialStatus: 'refunded',
      refundedMinor: 1000, refunds: [refund('r4', 1000, '2026-02-02T10:00:00Z')] }),
  ];

  it('posts the same earnings and reversals together as one order at a time', async () => {
    const oneByOne = await ledgerOf([refunded()], false);
    expect(oneByOne.filter((row) => (row as { entry_type: string }).entry_type === 'reverse').length).toBe(3);
    expect(await ledgerOf([refunded()], true)).toEqual(oneByOne);
  });

  it('reverses in a later page what an earlier one earned, refunds of one order in order, and a page applied again once', async () => {
    const later = { updatedAt: '2026-02-05T10:00:00Z', financialStatus: 'partially_refunded' as const };
    const pages = [
      [...refunded(), remoteOrder('late'), remoteOrder('late-twice', { customerExternalId: 'c2' })],
      [remoteOrder('late', { ...later, refundedMinor: 2600, refunds: [refund('r5', 2600, '2026-02-04T10:00:00Z')] }),
        remoteOrder('late-twice', { ...later, customerExternalId: 'c2', refundedMinor: 5200,
          refunds: [refund('r7', 200, '2026-02-04T12:00:00Z'), refund('r6', 5000, '2026-02-04T10:00:00Z')] })],
    ];
    const oneByOne = await ledgerOf(pages, false);
    expect(oneByOne.filter((row) => (row as { entry_type: string }).entry_type === 'reverse').length).toBe(6);
    expect(await ledgerOf([...pages, pages[1]!], true)).toEqual(oneByOne);
  });
});
