import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../src/main/sync/connector';
import { createVendureConnector } from '../../src/main/sync/connectors/vendure';
import { VendureClient } from '../../src/main/sync/connectors/vendure/client';
import { connectorFor } from '../../src/main/sync/engine/connectors';
import { fakeVendure, graphqlError, signal, type Handler } from './vendure-fake';

const settings = { shopUrl: 'http://127.0.0.1:3000', timezone: 'UTC', currency: 'USD' };
const shop = { activeChannel: { code: '__default_channel__', defaultCurrencyCode: 'EUR', pricesIncludeTax: true },
  products: { totalItems: 54 }, customers: { totalItems: 40 }, orders: { totalItems: 300 } };
const emptyOrders = { list: { totalItems: 0, items: [] } };

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

const pageOf = (handlers: Record<string, Handler>, credentials: Record<string, string> = { apiKey: 'k:1' }) => {
  const fake = fakeVendure(handlers);
  const connector = createVendureConnector(settings, { platform: 'vendure', ...credentials }, fake.fetch);
  return { ...fake, connector, page: () => connector.fetchPage({ resource: 'orders', since: null, pageToken: null, signal: signal() }) };
};

describe('Vendure client: auth', () => {
  it('sends the API key as vendure-api-key and the channel token as vendure-token, to /admin-api', async () => {
    const seen: string[] = [];
    const fake = fakeVendure({ BackroomShop: () => shop });
    const wrapped = (async (url: string | URL | Request, init?: RequestInit) => { seen.push(String(url)); return fake.fetch(url, init); }) as typeof fetch;
    const connector = createVendureConnector({ ...settings, shopUrl: 'http://127.0.0.1:3000/' }, { platform: 'vendure', apiKey: 'abc:def', channelToken: 'eu-shop' }, wrapped);
    const verdict = await connector.test(signal());
    expect(seen).toEqual(['http://127.0.0.1:3000/admin-api']);
    expect(fake.calls[0]!.headers).toMatchObject({ 'vendure-api-key': 'abc:def', 'vendure-token': 'eu-shop' });
    expect(verdict).toEqual({ ok: true, shop: { name: '127.0.0.1:3000', currency: 'EUR', timezone: null },
      message: 'Connected to 127.0.0.1:3000 (EUR): Vendure lists 300 orders, 40 customers and 54 products. Vendure has no shop time zone, so choose the one your shop works in.' });
  });

  it('logs in with a username and password and sends the bearer token Vendure answers with', async () => {
    const { calls, page } = pageOf({
      BackroomLogin: () => ({ body: { data: { login: { __typename: 'CurrentUser', id: '1', identifier: 'admin' } } }, headers: { 'vendure-auth-token': 'tok-1' } }),
      BackroomOrders: () => emptyOrders,
    }, { username: 'admin', password: 'pw' });
    await page();
    expect(calls.map((c) => c.operation)).toEqual(['BackroomLogin', 'BackroomOrders']);
    expect(calls[0]!.headers.authorization).toBeUndefined();
    expect(calls[1]!.headers.authorization).toBe('Bearer tok-1');
  });

  it('uses the session cookie when the server keeps its default cookie token method', async () => {
    const { calls, page } = pageOf({
      BackroomLogin: () => ({ body: { data: { login: { __typename: 'CurrentUser', id: '1' } } }, headers: { 'set-cookie': 'session=abc; path=/; httponly' } }),
      BackroomOrders: () => emptyOrders,
    }, { username: 'admin', password: 'pw' });
    await page();
    expect(calls[1]!.headers.cookie).toBe('session=abc');
  });

  it('logs in again once when the session is no longer known (FORBIDDEN), then carries on', async () => {
    let logins = 0;
    let refused = false;
    const { calls, page } = pageOf({
      BackroomLogin: () => ({ body: { data: { login: { __typename: 'CurrentUser', id: '1' } } }, headers: { 'vendure-auth-token': `tok-${++logins}` } }),
      BackroomOrders: (_v, call) => {
        if (call.headers.authorization === 'Bearer tok-1' && !refused) { refused = true; return graphqlError('You are not currently authorized to perform this action', 'FORBIDDEN'); }
        return emptyOrders;
      },
    }, { username: 'admin', password: 'pw' });
    await page();
    await page();
    expect(calls.map((c) => c.operation)).toEqual(['BackroomLogin', 'BackroomOrders', 'BackroomLogin', 'BackroomOrders', 'BackroomOrders']);
    expect(calls.at(-1)!.headers.authorization).toBe('Bearer tok-2');
  });

  it('a wrong password gets Vendure\'s own reason in a sentence and is not retried', async () => {
    const { connector } = pageOf({
      BackroomLogin: () => ({ login: { __typename: 'InvalidCredentialsError', errorCode: 'INVALID_CREDENTIALS_ERROR', message: 'The provided credentials are invalid' } }),
    }, { username: 'admin', password: 'wrong' });
    expect(await connector.test(signal())).toEqual({ ok: false, message: 'Vendure refused the administrator login: The provided credentials are invalid. Check the username and password.' });
  });

  it('a refused API key says so, with the server\'s message, and is permanent', async () => {
    const { connector, page } = pageOf({
      BackroomShop: () => graphqlError('You are not currently authorized to perform this action', 'FORBIDDEN'),
      BackroomOrders: () => graphqlError('You are not currently authorized to perform this action', 'FORBIDDEN'),
    });
    const verdict = await connector.test(signal());
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(/^The API key was refused: You are not currently authorized to perform this action\. Check the key/);
    expect(verdict.message).not.toContain('k:1');
    const error = await failure(page());
    expect([error.kind, error.retryable]).toEqual(['auth', false]);
  });
});

describe('Vendure client: failures the engine acts on', () => {
  it('a 5xx is retryable', async () => {
    const error = await failure(pageOf({ BackroomOrders: () => ({ status: 502, text: 'Bad gateway' }) }).page());
    expect([error.kind, error.retryable, error.status]).toEqual(['server', true, 502]);
  });

  it('a 429 is honoured: its Retry-After reaches the error and the rate signal', async () => {
    const { connector, page } = pageOf({ BackroomOrders: () => ({ status: 429, text: '', headers: { 'retry-after': '7' } }) });
    const error = await failure(page());
    expect([error.kind, error.retryable, error.retryAfterMs]).toEqual(['throttled', true, 7000]);
    expect(connector.rateSignal()).toEqual({ waitMs: 7000, throttled: true });
  });

  it('a network failure is offline and retryable', async () => {
    const cause = Object.assign(new Error('fetch failed'), { cause: new Error('connect ECONNREFUSED 127.0.0.1:3000') });
    const error = await failure(pageOf({ BackroomOrders: () => ({ throws: cause }) }).page());
    expect([error.kind, error.retryable]).toEqual(['offline', true]);
    expect(error.message).toBe('Could not reach the Vendure server at 127.0.0.1:3000 (connect ECONNREFUSED 127.0.0.1:3000).');
  });

  it('a slow server times out as a retryable error', async () => {
    const slow = (async (_url: unknown, init?: RequestInit) => new Promise((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
    })) as typeof fetch;
    const client = new VendureClient(settings.shopUrl, { platform: 'vendure', apiKey: 'k' }, slow, { timeoutMs: 50 });
    const error = await failure(client.request('query BackroomOrders { x }', {}, signal()));
    expect([error.kind, error.retryable]).toEqual(['timeout', true]);
  });

  it('an internal server error in GraphQL is retried; a refused request is not, and quotes the server', async () => {
    const internal = await failure(pageOf({ BackroomOrders: () => graphqlError('SQLITE_BUSY: database is locked', 'INTERNAL_SERVER_ERROR') }).page());
    expect([internal.kind, internal.retryable]).toEqual(['server', true]);
    const refused = await failure(pageOf({ BackroomOrders: () => graphqlError('Cannot query field "foo" on type "Order"', 'GRAPHQL_VALIDATION_FAILED') }).page());
    expect([refused.kind, refused.retryable, refused.message]).toEqual(['client', false, 'Vendure answered with an error: Cannot query field "foo" on type "Order".']);
  });

  it('an address without a Vendure Admin API says so', async () => {
    const error = await failure(pageOf({ BackroomOrders: () => ({ status: 404, text: '<html>Not found</html>' }) }).page());
    expect([error.retryable, error.message]).toEqual([false, 'There is no Vendure Admin API at http://127.0.0.1:3000/admin-api: check the shop address.']);
  });

  it('a cancelled run aborts the request with the engine\'s reason', async () => {
    const controller = new AbortController();
    const hang = (async (_url: unknown, init?: RequestInit) => new Promise((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
    })) as typeof fetch;
    const client = new VendureClient(settings.shopUrl, { platform: 'vendure', apiKey: 'k' }, hang);
    const pending = client.request('query BackroomOrders { x }', {}, controller.signal);
    controller.abort(new Error('Cancelled by the merchant.'));
    await expect(pending).rejects.toThrow('Cancelled by the merchant.');
  });
});

describe('Vendure in the engine', () => {
  it('a Vendure store gets the Vendure connector, listing products, then customers, then orders', () => {
    const connector = connectorFor({ platform: 'vendure', ...settings }, { platform: 'vendure', apiKey: 'k' }, fakeVendure({}).fetch);
    expect([connector.platform, connector.resources]).toEqual(['vendure', ['products', 'customers', 'orders']]);
    expect(() => connectorFor({ platform: 'woocommerce', ...settings }, { platform: 'vendure', apiKey: 'k' })).toThrow(/credentials are for vendure/);
  });
});
