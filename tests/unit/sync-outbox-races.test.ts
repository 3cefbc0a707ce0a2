import { afterEach, describe, expect, it } from 'vitest';
import { readLog } from '../../src/main/sync/engine/runLog';
import { retryOutbox } from '../../src/main/sync/ops/outbox';
import { pushOutbox } from '../../src/main/sync/outbox/push';
import { handlerContext } from '../helpers/context';
import { localOrder, outboxRows, queue, shopifyHarness, wooHarness, type PushHarness } from './sync-outbox-marketplaces';

let open: PushHarness<unknown> | null = null;
afterEach(async () => { await open?.close(); open = null; });

const warnings = (p: PushHarness<unknown>) => readLog(p.h.connection.sqlite, { runId: p.runId, limit: 50 }).filter((e) => e.level === 'warning');

describe('a push that loses a race is reported', () => {
  it("Shopify note: the shop's later note is kept, the row fails with a sentence and the log says so; send again puts ours", async () => {
    const shop = await shopifyHarness();
    open = shop;
    const order = shop.server.state.data.orders[0]!;
    localOrder(shop.h, 1, order.id);
    queue(shop.h, 'order.note.set', 'order', 1, { externalId: order.id, note: 'Ours: ring the bell' }); // at 12:00
    order.note = 'Shop: leave with the neighbour';
    shop.server.state.touch(order, new Date('2026-03-01T12:05:00Z'));
    await pushOutbox(shop.h.deps, 1, shop.connector, shop.runId);
    const [row] = outboxRows(shop.h);
    expect(row).toMatchObject({ status: 'failed', raceSeenAt: '2026-03-01T12:05:00Z' });
    expect(row!.lastError).toBe('The order\'s note was changed on Shopify (2026-03-01T12:05:00Z) after this note was written here; the shop\'s note ("Shop: leave with the neighbour") was kept and this one was not sent. Send it again to replace the shop\'s note, or discard it.');
    expect(order.note).toBe('Shop: leave with the neighbour');
    expect(warnings(shop)).toEqual([expect.objectContaining({ message: row!.lastError, detail: expect.objectContaining({ kept: 'shop', outboxId: row!.id }) })]);
    // The merchant chose ours: it goes over the change it lost to.
    retryOutbox({ id: row!.id, staffId: 1 }, handlerContext(shop.h.connection, () => new Date(shop.h.clock.now)));
    await shop.h.settle();
    expect(outboxRows(shop.h)[0]).toMatchObject({ status: 'done', lastError: null });
    expect(order.note).toBe('Ours: ring the bell');
  });

  it('Shopify note: no race when the order changed after our note but not its note (a later edit of ours goes out)', async () => {
    const shop = await shopifyHarness();
    open = shop;
    const order = shop.server.state.data.orders[1]!;
    localOrder(shop.h, 1, order.id);
    queue(shop.h, 'order.note.set', 'order', 1, { externalId: order.id, note: 'First' });
    await pushOutbox(shop.h.deps, 1, shop.connector, shop.runId);
    shop.h.clock.now += 60_000;
    queue(shop.h, 'order.note.set', 'order', 1, { externalId: order.id, note: 'Second' });
    shop.server.state.touch(order, new Date(shop.h.clock.now + 3_600_000)); // fulfilled on the shop an hour later
    await pushOutbox(shop.h.deps, 1, shop.connector, shop.runId);
    expect(outboxRows(shop.h).map((row) => [row.status, row.lastError])).toEqual([['done', null], ['done', null]]);
    expect(order.note).toBe('Second');
    expect(warnings(shop)).toEqual([]);
  });

  it('Shopify tags: a tag Backroom had set and the shop removed later is not put back; the race is reported', async () => {
    const shop = await shopifyHarness();
    open = shop;
    const order = shop.server.state.data.orders[2]!;
    order.tags = ['wholesale'];
    localOrder(shop.h, 1, order.id);
    queue(shop.h, 'order.tags.set', 'order', 1, { externalId: order.id, tags: ['vip'] });
    await pushOutbox(shop.h.deps, 1, shop.connector, shop.runId);
    expect(order.tags).toEqual(['wholesale', 'vip']);
    shop.h.clock.now += 60_000;
    queue(shop.h, 'order.tags.set', 'order', 1, { externalId: order.id, tags: ['vip', 'gift'] });
    order.tags = ['wholesale'];
    shop.server.state.touch(order, new Date(shop.h.clock.now + 60_000));
    await pushOutbox(shop.h.deps, 1, shop.connector, shop.runId);
    const second = outboxRows(shop.h)[1]!;
    expect(second.status).toBe('failed');
    expect(second.lastError).toContain('Tags Backroom had set on this order (vip) were removed on Shopify');
    expect(order.tags).toEqual(['wholesale']);
    expect(warnings(shop)).toHaveLength(1);
  });

  it("WooCommerce tags: Backroom's tag meta edited in the shop after our change is overwritten with ours, and reported", async () => {
    const woo = await wooHarness();
    open = woo;
    localOrder(woo.h, 1, '1010');
    localOrder(woo.h, 2, '1011');
    queue(woo.h, 'order.tags.set', 'order', 1, { externalId: '1010', tags: ['vip', 'gift'] });
    queue(woo.h, 'order.tags.set', 'order', 2, { externalId: '1011', tags: ['rush'] });
    // The shop's clock is later than the harness's: both orders "changed after" the local change.
    woo.server.state.modifyOrder(1010, (o) => { o.meta_data.push({ id: 1, key: '_backroom_tags', value: 'wholesale' }); });
    woo.server.state.modifyOrder(1011, (o) => { o.customer_note = 'Edited in the shop'; });
    await pushOutbox(woo.h.deps, 1, woo.connector, woo.runId);
    const [first, second] = outboxRows(woo.h);
    expect(first).toMatchObject({ status: 'done' });
    expect(first!.lastError).toMatch(/^Backroom's tags on this order were edited in WooCommerce \(.+\) after they were changed here; ours \(vip, gift\) were sent over the shop's \(wholesale\), as these tags belong to Backroom\.$/);
    expect(second).toMatchObject({ status: 'done', lastError: null }); // the order changed, our meta did not: no race
    expect(woo.server.state.orders.get(1010)!.meta_data).toContainEqual(expect.objectContaining({ key: '_backroom_tags', value: 'vip, gift' }));
    expect(warnings(woo)).toEqual([expect.objectContaining({ message: first!.lastError, detail: expect.objectContaining({ kept: 'ours' }) })]);
  });
});
