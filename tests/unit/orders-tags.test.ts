import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type Connection } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';
import { migrations } from '../../src/main/db/migrations';
import { generateDemoStore } from '../../src/main/demo';
import { listOrders } from '../../src/main/domain/orders/list';
import { SORT_INDEX, type PagePlan } from '../../src/main/domain/orders/page-plan';
import { orderListQuery, type OrderListQuery, type OrderRow } from '../../src/shared/contract';
import { memoryDb, tempDir } from '../helpers/db';
import { capturePlans } from '../helpers/plans';
import { insertOrder, insertStore } from '../helpers/fixtures';

/**
 * The tag filter: order_tags mirrors the orders' JSON tag lists (migration
 * 0003's backfill and triggers), and a tag filter gives exactly the orders a
 * brute-force reading of that JSON gives, page after page, in every sort.
 */
let connection: Connection;
const TAGS = ['vip', 'gift', 'wholesale', 'rush', 'fragile, handle', 'rare'];

/** A deterministic pseudo-random sequence (LCG), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

beforeAll(async () => {
  connection = await memoryDb();
  generateDemoStore(connection.sqlite, { size: { orders: 600 }, seed: 7, now: new Date('2026-11-23T12:00:00Z') });
  const next = random(42);
  const update = connection.sqlite.prepare('UPDATE orders SET remote_tags = ?, local_tags = ? WHERE id = ?');
  const ids = connection.sqlite.prepare('SELECT id FROM orders ORDER BY id').pluck().all() as number[];
  for (const id of ids) {
    const pick = () => TAGS.slice(0, 5).filter(() => next() < 0.2);
    update.run(JSON.stringify(pick()), JSON.stringify(pick()), id);
  }
  update.run(JSON.stringify(['rare']), '[]', ids[17]!); // one order with the rare tag
});
afterAll(() => connection.close());

function allPages(input: OrderListQuery, limit = 29, plan?: PagePlan): OrderRow[] {
  const rows: OrderRow[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const result = listOrders(connection.sqlite, orderListQuery.parse({ ...input, limit, cursor }), plan);
    rows.push(...result.rows);
    if (!result.nextCursor) return rows;
    cursor = result.nextCursor;
  }
  throw new Error('pages never ended');
}

/** The expected ids, by reading every order's JSON in JavaScript. */
function bruteForce(tags: string[], orderBy: string, extra = ''): number[] {
  const rows = connection.sqlite
    .prepare(`SELECT id, remote_tags AS remote, local_tags AS local FROM orders ${extra ? `WHERE ${extra}` : ''} ORDER BY ${orderBy}`)
    .all() as { id: number; remote: string; local: string }[];
  return rows
    .filter((r) => [...(JSON.parse(r.remote) as string[]), ...(JSON.parse(r.local) as string[])].some((t) => tags.includes(t)))
    .map((r) => r.id);
}

describe('order_tags', () => {
  it('mirrors every order JSON tag list, through the insert and update triggers', () => {
    const mirrored = connection.sqlite.prepare(`SELECT count(*) FROM order_tags`).pluck().get() as number;
    const inJson = connection.sqlite.prepare(`SELECT
      (SELECT count(*) FROM orders o, json_each(o.remote_tags)) + (SELECT count(*) FROM orders o, json_each(o.local_tags))`).pluck().get();
    expect(mirrored).toBeGreaterThan(100);
    expect(mirrored).toBe(inJson);
    const missing = connection.sqlite.prepare(`SELECT count(*) FROM orders o, json_each(o.local_tags) j
      WHERE NOT EXISTS (SELECT 1 FROM order_tags t WHERE t.order_id = o.id AND t.tag = j.value AND t.source = 'local')`).pluck().get();
    expect(missing).toBe(0);
  });

  it('drops an order tags when its list is emptied, and ignores malformed lists', () => {
    const id = connection.sqlite.prepare(`SELECT order_id FROM order_tags WHERE source = 'remote' LIMIT 1`).pluck().get() as number;
    const saved = connection.sqlite.prepare('SELECT remote_tags FROM orders WHERE id = ?').pluck().get(id) as string;
    connection.sqlite.prepare(`UPDATE orders SET remote_tags = '[]' WHERE id = ?`).run(id);
    expect(connection.sqlite.prepare(`SELECT count(*) FROM order_tags WHERE order_id = ? AND source = 'remote'`).pluck().get(id)).toBe(0);
    connection.sqlite.prepare(`UPDATE orders SET remote_tags = 'not json' WHERE id = ?`).run(id);
    expect(connection.sqlite.prepare(`SELECT count(*) FROM order_tags WHERE order_id = ? AND source = 'remote'`).pluck().get(id)).toBe(0);
    connection.sqlite.prepare('UPDATE orders SET remote_tags = ? WHERE id = ?').run(saved, id);
    expect(connection.sqlite.prepare(`SELECT count(*) FROM order_tags WHERE order_id = ? AND source = 'remote'`).pluck().get(id))
      .toBe((JSON.parse(saved) as string[]).length);
  });

  it('is backfilled from orders tagged before migration 0003', async () => {
    const { dir, cleanup } = tempDir();
    const old = openConnection(join(dir, 'old.sqlite'));
    try {
      await migrate(old, migrations.slice(0, 2));
      insertStore(old.sqlite);
      insertOrder(old.sqlite, { id: 1, customerId: null, seq: null, placedAt: '2026-01-01T00:00:00.000Z', totalMinor: 100 });
      insertOrder(old.sqlite, { id: 2, customerId: null, seq: null, placedAt: '2026-01-02T00:00:00.000Z', totalMinor: 100 });
      old.sqlite.exec(`UPDATE orders SET remote_tags = '["vip","gift"]', local_tags = '["vip"]' WHERE id = 1;
        UPDATE orders SET remote_tags = '{broken' WHERE id = 2`);
      await migrate(old, migrations.slice(0, 3));
      expect(old.sqlite.prepare('SELECT order_id, tag, source FROM order_tags ORDER BY tag, source').all()).toEqual([
        { order_id: 1, tag: 'gift', source: 'remote' },
        { order_id: 1, tag: 'vip', source: 'local' },
        { order_id: 1, tag: 'vip', source: 'remote' },
      ]);
    } finally {
      old.close();
      cleanup();
    }
  });
});

describe('orders.list tag filter', () => {
  it.each([
    [['vip'], 'placedAt', 'desc', 'placed_at DESC, id DESC'],
    [['gift', 'rush'], 'placedAt', 'asc', 'placed_at ASC, id ASC'],
    [['wholesale'], 'total', 'desc', 'total_minor DESC, id DESC'],
    [['fragile, handle', 'vip'], 'orderNumber', 'asc', 'length(order_number) ASC, order_number ASC, id ASC'],
    [['rare'], 'total', 'asc', 'total_minor ASC, id ASC'],
  ] as const)('%j sorted by %s %s matches a brute-force reading of the JSON', (tags, by, direction, orderBy) => {
    const expected = bruteForce([...tags], orderBy);
    expect(expected.length).toBeGreaterThan(0);
    const query: OrderListQuery = { filter: { tag: [...tags] }, sort: { by, direction } };
    expect(allPages(query).map((r) => r.id)).toEqual(expected);
    // The plan a large store takes for a common tag: walk the sort index, check each row's tags.
    expect(allPages(query, 29, { kind: 'walk', index: SORT_INDEX[by] }).map((r) => r.id)).toEqual(expected);
  });

  it('combines a tag with other filters', () => {
    const expected = bruteForce(['vip'], 'placed_at DESC, id DESC', `status = 'completed' AND total_minor >= 5000`);
    expect(expected.length).toBeGreaterThan(0);
    expect(allPages({ filter: { tag: ['vip'], status: ['completed'], minTotalMinor: 5000 } }).map((r) => r.id)).toEqual(expected);
  });

  it('gives the same rows under every page plan, for a date range sorted by total or number', () => {
    for (const by of ['total', 'orderNumber'] as const) {
      const query: OrderListQuery = { filter: { range: { from: '2026-10-01', to: '2026-10-31' }, tag: ['vip', 'gift'] }, sort: { by, direction: 'desc' } };
      const orderBy = by === 'total' ? 'total_minor DESC, id DESC' : 'length(order_number) DESC, order_number DESC, id DESC';
      const expected = bruteForce(['vip', 'gift'], orderBy, `placed_at >= '2026-10-01' AND placed_at < '2026-11-01'`);
      expect(expected.length).toBeGreaterThan(5);
      for (const plan of [{ kind: 'range' }, { kind: 'tagged' }, { kind: 'walk', index: SORT_INDEX[by] }] as PagePlan[]) {
        expect(allPages(query, 4, plan).map((r) => r.id)).toEqual(expected);
      }
    }
  });

  it('finds nothing for a tag no order has', () => {
    expect(allPages({ filter: { tag: ['nobody-uses-this'] } })).toEqual([]);
  });

  it('starts from order_tags when few orders carry the tag, and walks the sort index when many do', () => {
    const plans = (tag: string) => capturePlans(connection.sqlite, (s) =>
      listOrders(s, orderListQuery.parse({ filter: { tag: [tag] }, sort: { by: 'total', direction: 'desc' } })));
    const [probe, rare] = plans('rare');
    expect(probe).toMatch(/SEARCH order_tags USING COVERING INDEX order_tags_tag \(tag=\?\)/);
    expect(rare).toMatch(/SEARCH order_tags USING COVERING INDEX order_tags_tag/);
    expect(rare).toMatch(/SEARCH o USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(rare).not.toMatch(/SCAN (o|orders)(?! USING)/);
    const [walk] = capturePlans(connection.sqlite, (s) => listOrders(s,
      orderListQuery.parse({ filter: { tag: ['vip'] }, sort: { by: 'total', direction: 'desc' } }), { kind: 'walk', index: 'orders_total' }));
    expect(walk).toMatch(/SCAN o USING INDEX orders_total/);
    // Each walked order's tags are one key lookup (order_id and tag both bound), never a scan.
    expect(walk).toMatch(/SEARCH t (EXISTS )?USING (COVERING INDEX order_tags_tag \(tag=\? AND order_id=\?\)|PRIMARY KEY \(order_id=\? AND tag=\?\))/);
    expect(walk).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });
});
