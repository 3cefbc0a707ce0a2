import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../src/main/sync/connector';
import { connectorFor, drain, ROOMY_BUDGET, type ShopifyServer } from '../support/shopify-server/harness';
import { startShopifyServer } from '../support/shopify-server';

let server: ShopifyServer | null = null;
afterEach(async () => { await server?.close(); server = null; });

const signal = (): AbortSignal => new AbortController().signal;
const firstOrders = { resource: 'orders' as const, since: null, pageToken: null };

async function errorOf(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe('Shopify connector: refusals and failures', () => {
  it('explains a wrong access token in a sentence quoting Shopify', async () => {
    server = await startShopifyServer({ orders: 5 });
    const verdict = await connectorFor(server, {}, 'shpat_wrong').test(signal());
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(/^Shopify refused the access token \("\[API\] Invalid API key or access token.*"\)\. Check that/);
    const error = await errorOf(connectorFor(server, {}, 'shpat_wrong').fetchPage({ ...firstOrders, signal: signal() }));
    expect([error.kind, error.retryable, error.status]).toEqual(['auth', false, 401]);
  });

  it('names the missing read_orders scope', async () => {
    server = await startShopifyServer({ orders: 5 });
    server.state.missingScopes.add('read_orders').add('write_orders'); // write_orders would imply read_orders
    const verdict = await connectorFor(server).test(signal());
    expect(verdict).toMatchObject({ ok: false, message: expect.stringContaining('the app needs the read_orders scope to sync') });
    const error = await errorOf(connectorFor(server).fetchPage({ ...firstOrders, signal: signal() }));
    expect([error.kind, error.retryable, error.message]).toEqual(['auth', false,
      "Shopify denied access: the app needs the read_orders scope. Add it to the app's Admin API scopes and reinstall the app."]);
  });

  it('warns that only 60 days of orders are visible without read_all_orders', async () => {
    server = await startShopifyServer({ orders: 5, costBudget: ROOMY_BUDGET });
    server.state.missingScopes.add('read_all_orders');
    const verdict = await connectorFor(server).test(signal());
    expect(verdict.ok).toBe(true);
    expect(verdict.message).toContain('Without the read_all_orders scope Shopify shows only the last 60 days of orders');
    // The generated orders are all older than 60 days: the shop hides them, as Shopify does.
    expect((await drain(connectorFor(server), 'orders')).records).toEqual([]);
  });

  it('reports the shop on a good connection', async () => {
    server = await startShopifyServer({ orders: 5 });
    const verdict = await connectorFor(server).test(signal());
    expect(verdict).toMatchObject({ ok: true, shop: { name: 'Backroom Test Shop', currency: 'USD', timezone: 'America/New_York' } });
  });

  it('turns a 5xx into a retryable error, and the retry succeeds', async () => {
    server = await startShopifyServer({ orders: 20, costBudget: ROOMY_BUDGET });
    server.state.failNext = { count: 1, status: 503 };
    const connector = connectorFor(server);
    const error = await errorOf(connector.fetchPage({ ...firstOrders, signal: signal() }));
    expect([error.kind, error.retryable, error.status]).toEqual(['server', true, 503]);
    expect((await connector.fetchPage({ ...firstOrders, signal: signal() })).records).toHaveLength(8);
  });

  it('gives up on a request that hangs, as a retryable timeout', async () => {
    server = await startShopifyServer({ orders: 5 });
    server.state.hangNext = 1;
    const error = await errorOf(connectorFor(server, { timeoutMs: 200 }).fetchPage({ ...firstOrders, signal: signal() }));
    expect([error.kind, error.retryable]).toEqual(['timeout', true]);
  });

  it('says offline, retryable, when nothing answers', async () => {
    server = await startShopifyServer({ orders: 5 });
    const connector = connectorFor(server);
    await server.close();
    server = null;
    const error = await errorOf(connector.fetchPage({ ...firstOrders, signal: signal() }));
    expect([error.kind, error.retryable]).toEqual(['offline', true]);
  });

  it('quarantines a malformed order with its reason and keeps the rest of the page', async () => {
    server = await startShopifyServer({ orders: 20, costBudget: ROOMY_BUDGET });
    const [bad, odd] = server.state.data.orders;
    (bad!.totalPriceSet as { shopMoney: { amount: string } }).shopMoney.amount = 'twelve';
    odd!.displayFinancialStatus = 'MYSTERY';
    const { records, malformed } = await drain(connectorFor(server), 'orders');
    expect(records).toHaveLength(18);
    expect(malformed).toEqual(expect.arrayContaining([
      { resource: 'orders', externalId: bad!.id, reason: 'The order total "twelve" is not a USD amount with at most 2 decimals.', raw: expect.objectContaining({ id: bad!.id }) },
      { resource: 'orders', externalId: odd!.id, reason: 'The financial status "MYSTERY" is not one Backroom knows.', raw: expect.objectContaining({ id: odd!.id }) },
    ]));
  });
});

describe('Shopify connector: the cost bucket', () => {
  it("reads extensions.cost into the rate signal: budget, and the wait until the next query's cost is there", async () => {
    server = await startShopifyServer({ orders: 40, costBudget: { maximum: 1000, restorePerSecond: 50 } });
    const connector = connectorFor(server);
    await connector.fetchPage({ ...firstOrders, signal: signal() });
    const signalled = connector.rateSignal();
    const { requested } = server.state.lastCost!;
    expect(signalled.budget).toMatchObject({ maximum: 1000, restorePerSecond: 50 });
    expect(signalled.budget!.available).toBeGreaterThanOrEqual(Math.floor(server.state.bucket.available));
    expect(signalled.budget!.available).toBeLessThan(requested);
    // The wait is the missing points at the restore rate (give or take the milliseconds since the answer).
    const expected = ((requested - Math.floor(server.state.bucket.available)) / 50) * 1000;
    expect(signalled.waitMs).toBeGreaterThan(expected - 200);
    expect(signalled.waitMs).toBeLessThanOrEqual(Math.ceil(expected));
    expect(signalled.throttled).toBe(false);
  });

  it('waits out a THROTTLED answer (HTTP 200) and returns the page without surfacing an error', async () => {
    server = await startShopifyServer({ orders: 20, costBudget: { maximum: 1000, restorePerSecond: 2000 } });
    server.state.bucket.available = 0;
    server.state.bucket.at = Date.now();
    const started = Date.now();
    const page = await connectorFor(server).fetchPage({ ...firstOrders, signal: signal() });
    expect(page.records).toHaveLength(8);
    expect(server.state.throttledResponses).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400); // ~867 points at 2,000/s
  });

  it('after too many THROTTLED answers, hands the engine a retryable error with the restore time', async () => {
    server = await startShopifyServer({ orders: 20, costBudget: { maximum: 1000, restorePerSecond: 100 } });
    server.state.bucket.available = 0;
    server.state.bucket.at = Date.now();
    const connector = connectorFor(server, { throttleRetries: 0 });
    const error = await errorOf(connector.fetchPage({ ...firstOrders, signal: signal() }));
    expect([error.kind, error.retryable]).toEqual(['throttled', true]);
    const requested = server.state.lastCost!.requested;
    expect(error.retryAfterMs).toBeGreaterThan((requested / 100) * 1000 - 500);
    expect(error.retryAfterMs).toBeLessThanOrEqual((requested / 100) * 1000 + 50);
    expect(connector.rateSignal().throttled).toBe(true);
  });

  it('is never throttled when the caller waits what rateSignal says', async () => {
    server = await startShopifyServer({ orders: 80, costBudget: { maximum: 1000, restorePerSecond: 4000 } });
    const connector = connectorFor(server, { throttleRetries: 0 });
    let pageToken: string | null = null;
    let pages = 0;
    do {
      await new Promise((resolve) => setTimeout(resolve, connector.rateSignal().waitMs));
      const page = await connector.fetchPage({ resource: 'orders', since: null, pageToken, signal: signal() });
      pageToken = page.nextPageToken;
      pages++;
    } while (pageToken);
    expect(pages).toBe(10);
    expect(server.state.throttledResponses).toBe(0);
  });

  it('following rateSignal spends at least 90% of the restore rate, without a throttle', async () => {
    // The bench's 100 points/s scaled up 20x so the test takes seconds, not minutes.
    server = await startShopifyServer({ orders: 200, costBudget: { maximum: 1000, restorePerSecond: 2000 } });
    const connector = connectorFor(server, { throttleRetries: 0 });
    // The full bucket's head start is not pacing: measure from the first page on.
    let pageToken = (await connector.fetchPage({ ...firstOrders, signal: signal() })).nextPageToken;
    const spentBefore = server.state.pointsSpent;
    const started = Date.now();
    while (pageToken) {
      await new Promise((resolve) => setTimeout(resolve, connector.rateSignal().waitMs));
      pageToken = (await connector.fetchPage({ resource: 'orders', since: null, pageToken, signal: signal() })).nextPageToken;
    }
    const elapsedS = (Date.now() - started) / 1000;
    const ratio = (server.state.pointsSpent - spentBefore) / (elapsedS * 2000);
    expect(server.state.throttledResponses).toBe(0);
    expect(ratio).toBeGreaterThan(0.9);
  }, 20_000);
});
