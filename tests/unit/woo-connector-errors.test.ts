import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError, type Connector } from '../../src/main/sync/connector';
import { createWooConnector } from '../../src/main/sync/connectors/woocommerce/index';
import { startWooServer } from '../support/woo-server/index';

type Server = Awaited<ReturnType<typeof startWooServer>>;
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function shop(keys: { key?: string; secret?: string; queryStringAuth?: boolean; timeoutMs?: number } = {}): Promise<{ server: Server; connector: Connector }> {
  const server = await startWooServer({ orders: 30, timezone: 'Europe/Berlin' });
  servers.push(server);
  const connector = createWooConnector({ shopUrl: `${server.url}/`, timezone: 'Europe/Berlin', currency: 'USD' }, {
    platform: 'woocommerce', consumerKey: keys.key ?? server.consumerKey, consumerSecret: keys.secret ?? server.consumerSecret,
    queryStringAuth: keys.queryStringAuth,
  }, fetch, { timeoutMs: keys.timeoutMs });
  return { server, connector };
}

const first = (connector: Connector) => connector.fetchPage({ resource: 'orders', since: null, pageToken: null, signal: new AbortController().signal });

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe('WooCommerce connector: connection test and failures', () => {
  it('tests the connection: the shop\'s name, currency and time zone', async () => {
    const { connector } = await shop();
    const verdict = await connector.test(new AbortController().signal);
    expect(verdict).toEqual({ ok: true, shop: { name: 'Hillside Tea', currency: 'USD', timezone: 'Europe/Berlin' }, message: 'Connected to Hillside Tea: WooCommerce accepted the keys.' });
  });

  it('a wrong key gets WooCommerce\'s own reason in a sentence, and is not retried', async () => {
    const { server, connector } = await shop({ key: 'ck_wrong' });
    const verdict = await connector.test(new AbortController().signal);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toBe('WooCommerce refused the API keys. WooCommerce said: "Consumer key is invalid." Check the consumer key and secret (WooCommerce › Settings › Advanced › REST API) and that the key has read/write access.');
    expect(verdict.message).not.toContain(server.consumerSecret);
    const error = await failure(first(connector));
    expect([error.kind, error.retryable, error.status]).toEqual(['auth', false, 401]);
  });

  it('a wrong secret names the secret', async () => {
    const { connector } = await shop({ secret: 'cs_nope' });
    expect((await connector.test(new AbortController().signal)).message).toContain('"Consumer secret is invalid."');
  });

  it('a host\'s 5xx is retryable, and the next try succeeds', async () => {
    const { server, connector } = await shop();
    server.state.failures.serverErrors = 1;
    const error = await failure(first(connector));
    expect([error.kind, error.retryable, error.status]).toEqual(['server', true, 503]);
    expect((await first(connector)).records).toHaveLength(30);
  });

  it('a slow answer times out as a retryable error', async () => {
    const { server, connector } = await shop({ timeoutMs: 150 });
    server.state.failures.slowMs = 600;
    const error = await failure(first(connector));
    expect([error.kind, error.retryable]).toEqual(['timeout', true]);
    expect(error.message).toBe('The shop did not answer within 150 milliseconds.');
  });

  it('a shop that is down is offline, retryable', async () => {
    const { server, connector } = await shop();
    server.state.down = true;
    const error = await failure(first(connector));
    expect([error.kind, error.retryable]).toEqual(['offline', true]);
    server.state.down = false;
    expect((await first(connector)).records).toHaveLength(30);
  });

  it('429 with Retry-After becomes the rate signal the engine waits on', async () => {
    const { server, connector } = await shop();
    server.state.failures.rateLimited = 1;
    server.state.failures.retryAfterSeconds = 7;
    const error = await failure(first(connector));
    expect([error.kind, error.retryable, error.retryAfterMs]).toEqual(['throttled', true, 7000]);
    expect(connector.rateSignal()).toEqual({ waitMs: 7000, throttled: true });
    await first(connector);
    expect(connector.rateSignal()).toEqual({ waitMs: 0, throttled: false });
  });

  it('cancelling aborts the call with the caller\'s reason, not a connector error', async () => {
    const { server, connector } = await shop();
    server.state.failures.slowMs = 500;
    const controller = new AbortController();
    const pending = connector.fetchPage({ resource: 'orders', since: null, pageToken: null, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled by the merchant')), 50);
    await expect(pending).rejects.toThrow('cancelled by the merchant');
  });

  it('a host that strips the Authorization header is named as the likely cause', async () => {
    const { server, connector } = await shop();
    server.state.failures.stripAuthorization = true;
    const verdict = await connector.test(new AbortController().signal);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toContain('"Sorry, you cannot list resources."');
    expect(verdict.message).toContain('the host may be removing the Authorization header: turn on sending the keys in the query string.');
  });

  it('a shop address with no WooCommerce behind it says so', async () => {
    const { server } = await shop();
    const connector = createWooConnector({ shopUrl: `${server.url}/not-a-shop`, timezone: 'UTC', currency: 'USD' },
      { platform: 'woocommerce', consumerKey: server.consumerKey, consumerSecret: server.consumerSecret });
    const verdict = await connector.test(new AbortController().signal);
    expect(verdict).toEqual({ ok: false, message: `There is no WooCommerce shop at ${server.url}: check the shop address and that WordPress's permalinks are not set to "Plain".` });
  });

  it('sends the keys in the query string when the host strips the Authorization header', async () => {
    const { server, connector } = await shop({ queryStringAuth: true });
    server.state.failures.stripAuthorization = true;
    expect((await first(connector)).records).toHaveLength(30);
    const asked = server.state.requests.filter((request) => request.path === '/orders');
    expect(asked.map((request) => request.auth)).toEqual(['query']);
    expect(asked[0]!.query.consumer_key).toBe(server.consumerKey);
    const basic = await shop();
    await first(basic.connector);
    expect(basic.server.state.requests.filter((request) => request.path === '/orders').map((request) => request.auth)).toEqual(['basic']);
    expect(basic.server.state.requests.every((request) => request.auth === 'basic' && request.query.consumer_key === undefined)).toBe(true);
  });
});
