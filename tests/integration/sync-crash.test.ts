import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/db';

/**
 * A child process syncs 20,000 orders from the WooCommerce test server and is
 * SIGKILLed at random points, at least 20 times; each profile is then synced to
 * completion and must hold exactly the server's orders, each order's points
 * posted once, and pass PRAGMA integrity_check.
 */
// Node itself with tsx's loader (not the tsx CLI, whose own child would outlive a SIGKILL).
const NODE_TSX = [process.execPath, '--import', 'tsx'] as const;
const CHILD = resolve('tests/integration/sync-crash-child.ts');
const ORDERS = 20_000;
const KILLS = 20;

let server: ChildProcess | null = null;
let shop: { url: string; consumerKey: string; consumerSecret: string };
const temp = tempDir('backroom-crash-');

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolveLine, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolveLine(line));
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing a line`)));
  });
}

beforeAll(async () => {
  server = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), 'tests/support/woo-server/cli.ts', '--orders', String(ORDERS), '--seed', '5'], { stdio: ['ignore', 'pipe', 'inherit'] });
  shop = JSON.parse(await firstLine(server)) as typeof shop;
}, 60_000);

afterAll(() => {
  if (server?.pid) process.kill(server.pid, 'SIGTERM');
  temp.cleanup();
});

/** The server's orders (id → total in cents), read straight from its REST API. */
async function serverOrders(): Promise<Map<string, number>> {
  const auth = `Basic ${Buffer.from(`${shop.consumerKey}:${shop.consumerSecret}`).toString('base64')}`;
  const orders = new Map<string, number>();
  for (let page = 1; ; page++) {
    const response = await fetch(`${shop.url}/wp-json/wc/v3/orders?per_page=100&page=${page}&orderby=id&order=asc`, { headers: { Authorization: auth } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { id: number; total: string }[];
    for (const order of body) orders.set(String(order.id), Math.round(Number(order.total) * 100));
    if (page >= Number(response.headers.get('x-wp-totalpages'))) return orders;
  }
}

/** One life of the child: killed `killAfterMs` after its sync starts, unless it finishes first. */
function live(dbPath: string, killAfterMs: number): Promise<{ killed: boolean; summary: Record<string, unknown> | null }> {
  return new Promise((resolveLife, reject) => {
    const child = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), CHILD, dbPath, shop.url, shop.consumerKey, shop.consumerSecret], { stdio: ['ignore', 'pipe', 'pipe'] });
    let killed = false;
    let summary: Record<string, unknown> | null = null;
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'started') {
        setTimeout(() => {
          if (child.exitCode === null && child.pid) {
            killed = true;
            process.kill(child.pid, 'SIGKILL');
          }
        }, killAfterMs);
      } else if (line.startsWith('{')) summary = JSON.parse(line) as Record<string, unknown>;
    });
    child.once('exit', (code) => {
      if (killed || code === 0) resolveLife({ killed, summary });
      else reject(new Error(`the sync child failed (${code}): ${stderr}`));
    });
  });
}

function check(dbPath: string): { integrity: string; orders: Map<string, number>; earnPerOrder: Map<string, number>; earnRows: number; earning: number; reversals: number } {
  const db = new Database(dbPath, { readonly: true });
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string);
    const orders = new Map(db.prepare('SELECT external_id, total_minor FROM orders').all()
      .map((row) => [(row as { external_id: string }).external_id, (row as { total_minor: number }).total_minor]));
    const earns = db.prepare(`SELECT o.external_id, p.points FROM points_ledger p JOIN orders o ON o.id = p.order_id WHERE p.entry_type = 'earn'`)
      .all() as { external_id: string; points: number }[];
    const earning = (db.prepare(`SELECT count(*) AS n FROM orders WHERE customer_id IS NOT NULL AND status <> 'cancelled'
      AND financial_status IN ('paid','partially_refunded','refunded')`).get() as { n: number }).n;
    const reversals = (db.prepare(`SELECT count(*) AS n FROM points_ledger WHERE entry_type = 'reverse'`).get() as { n: number }).n;
    return { integrity, orders, earnPerOrder: new Map(earns.map((e) => [e.external_id, e.points])), earnRows: earns.length, earning, reversals };
  } finally {
    db.close();
  }
}

describe('sync survives being killed', () => {
  it(`loses and duplicates nothing over ${KILLS} SIGKILLs`, async () => {
    const expected = await serverOrders();
    expect(expected.size).toBe(ORDERS);
    // A seeded generator: a failure names its seed, so it can be replayed.
    let seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
    console.log(`sync-crash seed ${seed}`);
    const random = (): number => ((seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647);
    let kills = 0;
    let reference: ReturnType<typeof check> | null = null;
    for (let profile = 1; kills < KILLS; profile++) {
      const dir = join(temp.dir, `profile-${profile}`);
      mkdirSync(dir);
      const dbPath = join(dir, 'backroom.db');
      for (let life = 1; ; life++) {
        expect(life, 'a profile that never completes a sync').toBeLessThan(60);
        const { killed, summary } = await live(dbPath, 100 + Math.floor(random() * 2400));
        if (killed) {
          kills += 1;
          const db = new Database(dbPath, { readonly: true });
          expect(db.pragma('quick_check', { simple: true })).toBe('ok');
          db.close();
          continue;
        }
        expect(summary, JSON.stringify(summary)).toMatchObject({ status: 'succeeded' });
        break;
      }
      const state = check(dbPath);
      expect(state.integrity).toBe('ok');
      expect(state.orders.size).toBe(expected.size);
      expect(state.orders).toEqual(expected);
      expect(state.earnRows).toBe(state.earning);
      expect(state.earnPerOrder.size).toBe(state.earnRows);
      if (reference) {
        expect(state.earnPerOrder).toEqual(reference.earnPerOrder);
        expect(state.reversals).toBe(reference.reversals);
      }
      reference ??= state;
    }
    expect(kills).toBeGreaterThanOrEqual(KILLS);
  }, 240_000);
});
