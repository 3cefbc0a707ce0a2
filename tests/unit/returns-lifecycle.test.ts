import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import type { ReturnDetail, ReturnStatus } from '../../src/shared/contract/returns';
import { RETURN_STATUSES } from '../../src/shared/contract/returns';
import { NEXT_STEPS } from '../../src/main/domain/returns/lifecycle';
import { caller, key, rawCaller, returnsShop } from './returns-fixtures';

/**
 * The RMA lifecycle: each legal step by a named person with a time, every
 * illegal one refused with CONFLICT and nothing written, stale saves refused
 * with the current state, replays answered without a second write.
 */
let connection: Connection;
let ctx: HandlerContext;
let now: Date;
let events: unknown[];
const call = caller(() => ctx);
const raw = rawCaller(() => ctx);
const count = (sql: string) => connection.sqlite.prepare(sql).pluck().get() as number;

/** Everything a step can write, to prove a refused one wrote none of it. */
function footprint(): number[] {
  return ['returns', 'return_events', 'refunds', 'points_ledger', 'audit_log', 'outbox']
    .map((t) => count(`SELECT count(*) FROM ${t}`))
    .concat(count('SELECT sum(version) FROM returns'), count('SELECT sum(refunded_minor) FROM orders'));
}

const create = (input: Record<string, unknown> = {}) => call<ReturnDetail>('returns.create', {
  orderId: 1, staffId: 2, lines: [{ orderLineId: 11, quantity: 1 }], reason: 'does_not_fit', idempotencyKey: key(), ...input,
});

async function step(r: ReturnDetail, to: ReturnStatus, extra: Record<string, unknown> = {}): Promise<ReturnDetail> {
  now = new Date(now.getTime() + 3_600_000);
  return call<ReturnDetail>('returns.transition', { id: r.id, staffId: 1, expectedVersion: r.version, to, idempotencyKey: key(), ...extra });
}

/** Walks a new return to `status` along the shortest legal path. */
async function returnAt(status: ReturnStatus): Promise<ReturnDetail> {
  const paths: Record<ReturnStatus, ReturnStatus[]> = {
    requested: [], approved: ['approved'], declined: ['declined'], in_transit: ['approved', 'in_transit'],
    received: ['approved', 'received'], inspected: ['approved', 'received', 'inspected'],
    resolved: ['approved', 'received', 'inspected', 'resolved'],
    closed: ['approved', 'received', 'inspected', 'resolved', 'closed'],
  };
  let r = await create({ orderId: 4, lines: [{ orderLineId: 41, quantity: 1 }] });
  for (const to of paths[status]) r = await step(r, to, to === 'resolved' ? { resolution: 'exchange' } : {});
  return r;
}

beforeEach(async () => {
  now = new Date('2026-05-10T09:00:00.000Z');
  events = [];
  ({ connection, ctx } = await returnsShop(() => now, events));
});
afterEach(() => connection.close());

describe('returns.create', () => {
  it('records a request with its lines, money, first event and audit entry', async () => {
    const r = await create({ note: 'Too small' });
    expect(r).toMatchObject({
      rmaNumber: 'RMA-000001', status: 'requested', version: 1, reason: 'does_not_fit', note: 'Too small',
      order: { id: 1, orderNumber: '#1001' }, customer: { id: 1, name: 'Ava Stone' },
      goodsMinor: 2500, restockingFeeMinor: 0, returnShippingMinor: 0, policyFlags: [], next: ['approved', 'declined'],
      refundId: null, pointsReversed: 0, delivery: null,
    });
    expect(r.lines).toEqual([expect.objectContaining({ orderLineId: 11, title: 'Runner shoe', quantity: 1, orderedQuantity: 2, unitPriceMinor: 2500 })]);
    expect(r.events).toEqual([expect.objectContaining({ from: null, to: 'requested', staff: { id: 2, name: 'Leo' }, at: '2026-05-10T09:00:00.000Z' })]);
    expect(r.audit).toEqual([expect.objectContaining({ action: 'return.create', staff: { id: 2, name: 'Leo' } })]);
    expect(events).toContainEqual({ event: 'data.changed', payload: { areas: ['returns', 'orders', 'customers'] } });
  });

  it('numbers returns after the highest existing one, skipping a number already taken', async () => {
    connection.sqlite.exec(`INSERT INTO returns (id, rma_number, order_id, status, reason, currency, requested_at, updated_at)
      VALUES (122, 'RMA-000122', 3, 'declined', 'changed_mind', 'USD', 'x', 'x'),
             (7, 'RMA-000123', 3, 'declined', 'changed_mind', 'USD', 'x', 'x')`);
    expect((await create()).rmaNumber).toBe('RMA-000124');
  });

  it('answers a replay with the first return and writes nothing more', async () => {
    const idempotencyKey = key();
    const first = await create({ idempotencyKey });
    const before = footprint();
    const again = await create({ idempotencyKey });
    expect(again.id).toBe(first.id);
    expect(footprint()).toEqual(before);
    const other = await raw('returns.create', { orderId: 2, staffId: 2, lines: [{ orderLineId: 21, quantity: 1 }], reason: 'does_not_fit', idempotencyKey });
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses more units than are left to return, naming the item, and writes nothing', async () => {
    await create({ lines: [{ orderLineId: 11, quantity: 1 }] });
    const before = footprint();
    const over = await raw('returns.create', { orderId: 1, staffId: 2, lines: [{ orderLineId: 11, quantity: 2 }], reason: 'does_not_fit', idempotencyKey: key() });
    expect(over).toMatchObject({ ok: false, error: { code: 'VALIDATION',
      message: 'Only 1 of "Runner shoe" on order #1001 can still be returned (2 ordered, 1 already in a return), not 2.' } });
    expect(footprint()).toEqual(before);
  });

  it('gives a declined request its units back', async () => {
    const first = await create({ lines: [{ orderLineId: 11, quantity: 2 }] });
    await step(first, 'declined');
    await expect(create({ lines: [{ orderLineId: 11, quantity: 2 }] })).resolves.toMatchObject({ status: 'requested' });
  });

  it('refuses a line from another order, an unknown reason and an unknown or inactive staff member', async () => {
    const base = { orderId: 1, lines: [{ orderLineId: 11, quantity: 1 }], reason: 'does_not_fit' };
    const cases = [
      [{ ...base, staffId: 2, lines: [{ orderLineId: 21, quantity: 1 }] }, 'Item 21 is not part of order #1001; choose items from that order.'],
      [{ ...base, staffId: 2, reason: 'bored' }, '"bored" is not one of the return reasons in the policy; choose a reason from the list.'],
      [{ ...base, staffId: 3 }, 'There is no active staff member with id 3; choose who is making this change.'],
    ] as const;
    const before = footprint();
    for (const [input, message] of cases) {
      expect(await raw('returns.create', { ...input, idempotencyKey: key() })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message } });
    }
    expect(footprint()).toEqual(before);
  });
});

describe('returns.transition', () => {
  it('walks requested → approved → in transit → received → inspected → resolved → closed with names and times', async () => {
    let r = await create();
    for (const to of ['approved', 'in_transit', 'received', 'inspected'] as const) r = await step(r, to);
    expect(r).toMatchObject({ status: 'inspected', version: 5, next: ['resolved'] });
    r = await step(r, 'resolved', { resolution: 'exchange', note: 'Sent size 42' });
    r = await step(r, 'closed');
    expect(r).toMatchObject({ status: 'closed', version: 7, resolution: 'exchange', refundMinor: null, next: [] });
    expect(r.events.map((e) => [e.from, e.to, e.staff?.name, e.at])).toEqual([
      [null, 'requested', 'Leo', '2026-05-10T09:00:00.000Z'],
      ['requested', 'approved', 'Mia', '2026-05-10T10:00:00.000Z'],
      ['approved', 'in_transit', 'Mia', '2026-05-10T11:00:00.000Z'],
      ['in_transit', 'received', 'Mia', '2026-05-10T12:00:00.000Z'],
      ['received', 'inspected', 'Mia', '2026-05-10T13:00:00.000Z'],
      ['inspected', 'resolved', 'Mia', '2026-05-10T14:00:00.000Z'],
      ['resolved', 'closed', 'Mia', '2026-05-10T15:00:00.000Z'],
    ]);
    const row = connection.sqlite.prepare('SELECT received_at AS received, resolved_at AS resolved, closed_at AS closed FROM returns').get();
    expect(row).toEqual({ received: '2026-05-10T12:00:00.000Z', resolved: '2026-05-10T14:00:00.000Z', closed: '2026-05-10T15:00:00.000Z' });
    expect(r.audit.map((a) => a.action)).toEqual(['return.closed', 'return.resolved', 'return.inspected', 'return.received',
      'return.in_transit', 'return.approved', 'return.create']);
    expect(count('SELECT count(*) FROM refunds')).toBe(0);
  });

  it('refuses every illegal step with CONFLICT and writes nothing', async () => {
    let checked = 0;
    for (const from of RETURN_STATUSES) {
      const r = await returnAt(from);
      for (const to of RETURN_STATUSES.filter((s) => !NEXT_STEPS[from].includes(s))) {
        const before = footprint();
        const result = await raw('returns.transition', { id: r.id, staffId: 1, expectedVersion: r.version, to, idempotencyKey: key(),
          ...(to === 'resolved' ? { resolution: 'refund' } : {}) });
        expect(result, `${from} → ${to}`).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
        expect(footprint(), `${from} → ${to}`).toEqual(before);
        checked += 1;
      }
    }
    // 8 × 8 pairs less the 9 legal steps.
    expect(checked).toBe(55);
  });

  it('says why refunding a declined return or resolving twice is refused', async () => {
    const declined = await returnAt('declined');
    expect(await raw('returns.transition', { id: declined.id, staffId: 1, expectedVersion: declined.version, to: 'resolved',
      resolution: 'refund', idempotencyKey: key() })).toMatchObject({ ok: false, error: { code: 'CONFLICT',
      message: `Return ${declined.rmaNumber} was declined, so it cannot be refunded or resolved.` } });
    const resolved = await returnAt('resolved');
    expect(await raw('returns.transition', { id: resolved.id, staffId: 1, expectedVersion: resolved.version, to: 'resolved',
      resolution: 'refund', idempotencyKey: key() })).toMatchObject({ ok: false, error: { code: 'CONFLICT',
      message: `Return ${resolved.rmaNumber} was already resolved; it cannot be refunded or resolved a second time.` } });
  });

  it('refuses a stale save with CONFLICT and the return as it is now', async () => {
    const seen = await create();
    const approved = await step(seen, 'approved');
    const before = footprint();
    const stale = await raw('returns.transition', { id: seen.id, staffId: 2, expectedVersion: seen.version, to: 'declined', idempotencyKey: key() });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { current: { status: 'approved', version: approved.version } } } });
    expect(footprint()).toEqual(before);
  });

  it('answers a replayed step with the return as it is and writes nothing', async () => {
    const r = await create();
    const input = { id: r.id, staffId: 1, expectedVersion: r.version, to: 'approved', idempotencyKey: key() };
    const first = await call<ReturnDetail>('returns.transition', input);
    const before = footprint();
    const again = await call<ReturnDetail>('returns.transition', input);
    expect(again).toMatchObject({ status: 'approved', version: first.version });
    expect(footprint()).toEqual(before);
  });

  it('needs a resolution to resolve, and takes one only then', async () => {
    const r = await returnAt('inspected');
    expect(await raw('returns.transition', { id: r.id, staffId: 1, expectedVersion: r.version, to: 'resolved', idempotencyKey: key() }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const received = await returnAt('approved');
    expect(await raw('returns.transition', { id: received.id, staffId: 1, expectedVersion: received.version, to: 'received',
      resolution: 'refund', idempotencyKey: key() })).toMatchObject({ ok: false, error: { code: 'VALIDATION',
      message: 'A resolution and an amount are only given when the return is resolved.' } });
  });
});
