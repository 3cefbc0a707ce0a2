import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { localToInstant, wooLocal } from '../support/woo-server/clock';
import { startWooServer } from '../support/woo-server/index';

type Server = Awaited<ReturnType<typeof startWooServer>>;
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function started(options: Parameters<typeof startWooServer>[0]): Promise<Server> {
  const server = await startWooServer(options);
  servers.push(server);
  return server;
}

describe('the local WooCommerce test server', () => {
  it('builds the same shop from the same seed, and another from another seed', async () => {
    const [a, b, c] = await Promise.all([started({ orders: 50, seed: 4 }), started({ orders: 50, seed: 4 }), started({ orders: 50, seed: 5 })]);
    expect(JSON.stringify([...a.state.orders.values()])).toBe(JSON.stringify([...b.state.orders.values()]));
    expect(JSON.stringify([...a.state.orders.values()])).not.toBe(JSON.stringify([...c.state.orders.values()]));
    expect(a.consumerKey).toMatch(/^ck_[0-9a-f]{40}$/);
  });

  it('answers like WooCommerce: auth errors, parameter errors and paging headers', async () => {
    const server = await started({ orders: 120 });
    const anonymous = await fetch(`${server.url}/wp-json/wc/v3/orders`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.', data: { status: 401 } });
    const keys = `consumer_key=${server.consumerKey}&consumer_secret=${server.consumerSecret}`;
    const tooMany = await fetch(`${server.url}/wp-json/wc/v3/orders?per_page=101&${keys}`);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ code: 'rest_invalid_param', message: 'Invalid parameter(s): per_page' });
    const page = await fetch(`${server.url}/wp-json/wc/v3/orders?per_page=50&page=3&${keys}`);
    expect([page.headers.get('x-wp-total'), page.headers.get('x-wp-totalpages')]).toEqual(['120', '3']);
    expect(((await page.json()) as unknown[]).length).toBe(20);
    // WooCommerce's default order is newest first.
    const newest = (await (await fetch(`${server.url}/wp-json/wc/v3/orders?per_page=1&${keys}`)).json()) as { id: number }[];
    expect(newest[0]!.id).toBe(1119);
  });

  it('reproduces the hazard orderby=id avoids: ordered by modification, an edit mid-listing skips an order', async () => {
    const server = await started({ orders: 200 });
    const keys = `consumer_key=${server.consumerKey}&consumer_secret=${server.consumerSecret}`;
    const page = async (number: number): Promise<number[]> => ((await (await fetch(
      `${server.url}/wp-json/wc/v3/orders?orderby=modified&order=asc&per_page=100&page=${number}&${keys}`)).json()) as { id: number }[]).map((order) => order.id);
    const first = await page(1);
    server.state.modifyOrder(first[0]!);
    const seen = new Set([...first, ...(await page(2))]);
    expect(seen.size).toBe(199);
  });

  it('writes local dates in the shop\'s zone, and reads them back', () => {
    const instant = Date.parse('2026-01-15T12:00:00Z');
    expect(wooLocal(instant, 'America/New_York')).toBe('2026-01-15T07:00:00');
    expect(wooLocal(Date.parse('2026-07-15T12:00:00Z'), 'America/New_York')).toBe('2026-07-15T08:00:00');
    expect(localToInstant('2026-07-15T08:00:00', 'America/New_York')).toBe(Date.parse('2026-07-15T12:00:00Z'));
    expect(wooLocal(instant, 'Asia/Kolkata')).toBe('2026-01-15T17:30:00');
  });

  it('its CLI prints the address and keys on one line and serves until killed', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/woo-server/cli.ts', '--orders', '30', '--seed', '9'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`the CLI exited with ${code}`)));
      });
      const shop = JSON.parse(line) as { url: string; consumerKey: string; consumerSecret: string };
      const auth = `Basic ${Buffer.from(`${shop.consumerKey}:${shop.consumerSecret}`).toString('base64')}`;
      const response = await fetch(`${shop.url}/wp-json/wc/v3/orders`, { headers: { Authorization: auth } });
      expect(response.headers.get('x-wp-total')).toBe('30');
      const steer = (path: string, body: unknown) => fetch(`${shop.url}/__control/${path}`, { method: 'POST', body: JSON.stringify(body) });
      expect(await (await steer('orders', { add: 2, modify: [1003] })).json()).toEqual({ added: [1030, 1031], modified: [1003] });
      await steer('down', { down: true });
      await expect(fetch(`${shop.url}/wp-json/wc/v3/orders`, { headers: { Authorization: auth } })).rejects.toThrow();
      await steer('down', { down: false });
      const summary = (await (await fetch(`${shop.url}/__control/summary`)).json()) as { orders: number; down: boolean };
      expect(summary).toMatchObject({ orders: 32, down: false });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
