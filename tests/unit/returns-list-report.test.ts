import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import type { ReturnDetail, ReturnPolicy, ReturnRow, ReturnsReport } from '../../src/shared/contract/returns';
import { caller, key, returnsShop } from './returns-fixtures';

/** returns.list (filters, search, keyset pages), returns.report (rates worked by hand) and the ticket a request can open. */
let connection: Connection;
let ctx: HandlerContext;
let now: Date;
const call = caller(() => ctx);
type Page = { rows: ReturnRow[]; nextCursor: string | null };

async function request(orderId: number, orderLineId: number, quantity: number, extra: Record<string, unknown> = {}): Promise<ReturnDetail> {
  now = new Date(now.getTime() + 60_000);
  return call<ReturnDetail>('returns.create', { orderId, staffId: 2, lines: [{ orderLineId, quantity }], reason: 'does_not_fit', idempotencyKey: key(), ...extra });
}

beforeEach(async () => {
  now = new Date('2026-05-10T09:00:00.000Z');
  ({ connection, ctx } = await returnsShop(() => now));
});
afterEach(() => connection.close());

describe('returns.list', () => {
  it('pages newest first and filters by status, flag, customer, order and search', async () => {
    const a = await request(1, 11, 1);
    const b = await request(3, 31, 1, { reason: 'wrong_item' }); // not delivered: flagged
    const c = await request(4, 41, 2);
    await call('returns.transition', { id: c.id, staffId: 1, expectedVersion: 1, to: 'declined', idempotencyKey: key() });
    const first = await call<Page>('returns.list', { limit: 2 });
    expect(first.rows.map((r) => r.id)).toEqual([c.id, b.id]);
    const second = await call<Page>('returns.list', { limit: 2, cursor: first.nextCursor });
    expect(second).toEqual({ rows: [expect.objectContaining({ id: a.id })], nextCursor: null });
    const ids = async (input: Record<string, unknown>) => (await call<Page>('returns.list', input)).rows.map((r) => r.id);
    expect(await ids({ status: ['declined'] })).toEqual([c.id]);
    expect(await ids({ flagged: true })).toEqual([b.id]);
    expect(await ids({ flagged: false })).toEqual([c.id, a.id]);
    expect(await ids({ customerId: 2 })).toEqual([c.id, b.id]);
    expect(await ids({ orderId: 1 })).toEqual([a.id]);
    expect(await ids({ search: a.rmaNumber.toLowerCase() })).toEqual([a.id]);
    expect(await ids({ search: '#1003' })).toEqual([b.id]);
    expect(await ids({ search: 'Ava' })).toEqual([a.id]);
    expect(await ids({ search: 'nobody-here' })).toEqual([]);
  });
});

describe('returns.report', () => {
  it('gives return rates by product, reason and customer over delivered orders, and serial returners', async () => {
    const { version: _v, updatedAt: _u, ...policy } = await call<ReturnPolicy>('returns.policy.get', {});
    await call('returns.policy.update', { staffId: 1, expectedVersion: 0, policy: { ...policy, serialReturnerThreshold: 2 } });
    await request(1, 11, 1);
    await request(2, 21, 1, { reason: 'wrong_item' });
    const declined = await request(4, 41, 5);
    await call('returns.transition', { id: declined.id, staffId: 1, expectedVersion: 1, to: 'declined', idempotencyKey: key() });
    const report = await call<ReturnsReport>('returns.report', { range: { from: '2026-05-01', to: '2026-05-31' } });
    // Delivered orders placed in May: 1, 2 and 4 (3 never arrived); 2 returns (the declined one is not a return).
    expect(report.overallRate).toBeCloseTo(2 / 3);
    // Runner shoe: 2 (order 1) + 1 (order 2) delivered, 2 back. Sock pack has no product.
    expect(report.byProduct).toEqual([{ key: '1', label: 'Runner shoe', sold: 3, returned: 2, rate: 2 / 3 }]);
    expect(report.byReason).toEqual([
      { key: 'does_not_fit', label: 'Does not fit', sold: 3, returned: 1, rate: 1 / 3 },
      { key: 'wrong_item', label: 'Wrong item sent', sold: 3, returned: 1, rate: 1 / 3 },
    ]);
    expect(report.byCustomer).toEqual([{ key: '1', label: 'Ava Stone', sold: 2, returned: 2, rate: 1 }]);
    // Serial returners count requests (declined too) in the last 12 months: customer 1 has 2, customer 2 has 1.
    expect(report.serialReturners).toEqual([{ customerId: 1, name: 'Ava Stone', returns: 2, orders: 2 }]);
  });

  it('defaults to the last 90 days', async () => {
    const report = await call<ReturnsReport>('returns.report', {});
    expect(report.range).toEqual({ from: '2026-02-10', to: '2026-05-10' });
  });
});

describe('returns.create with a ticket', () => {
  it('opens a return ticket linked both ways', async () => {
    const r = await request(1, 11, 1, { openTicket: true });
    expect(r.ticketId).not.toBeNull();
    const ticket = connection.sqlite.prepare('SELECT channel, return_id AS returnId, order_id AS orderId FROM tickets WHERE id = ?').get(r.ticketId);
    expect(ticket).toEqual({ channel: 'return', returnId: r.id, orderId: 1 });
  });
});
