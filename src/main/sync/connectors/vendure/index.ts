import type { ConnectionSettings, Connector, Credentials, TestVerdict } from '../../connector';
import { ConnectorError } from '../../connector';
import { VendureClient, type VendureClientOptions } from './client';
import { fetchVendurePage } from './pages';
import { VendurePusher } from './push';
import { SHOP_QUERY } from './queries';

/**
 * Vendure through its Admin GraphQL API (/admin-api): products with their
 * variants, customers, and orders with lines, payments, refunds and
 * fulfilments; the outbox's notes, tags (into an Order custom field when the
 * server has one), fulfilments with tracking numbers, refunds and coupons. See
 * pages.ts for paging, map-order.ts for how Vendure's states read.
 */
export function createVendureConnector(
  settings: ConnectionSettings,
  credentials: Extract<Credentials, { platform: 'vendure' }>,
  fetchImpl: typeof fetch = fetch,
  options: VendureClientOptions = {},
): Connector {
  const client = new VendureClient(settings.shopUrl, credentials, fetchImpl, options);
  const pusher = new VendurePusher(client);
  return {
    platform: 'vendure',
    resources: ['products', 'customers', 'orders'],
    test: (signal) => testConnection(client, signal),
    fetchPage: (request) => fetchVendurePage(client, request, settings.currency),
    push: (item, signal) => pusher.push(item, signal),
    rateSignal: () => client.rateSignal(),
  };
}

interface ShopCheck {
  activeChannel: { code: string; defaultCurrencyCode: string; pricesIncludeTax: boolean };
  products: { totalItems: number };
  customers: { totalItems: number };
  orders: { totalItems: number };
}

const DEFAULT_CHANNEL = '__default_channel__';

async function testConnection(client: VendureClient, signal: AbortSignal): Promise<TestVerdict> {
  try {
    const { activeChannel: channel, products, customers, orders } = await client.request<ShopCheck>(SHOP_QUERY, {}, signal);
    // Vendure has no shop name; a named channel is the closest, else the server's address.
    const name = channel.code && channel.code !== DEFAULT_CHANNEL ? channel.code : new URL(client.endpoint).host;
    return {
      ok: true,
      // Vendure keeps every time in UTC and has no shop time zone: the merchant chooses the one the shop works in.
      shop: { name, currency: channel.defaultCurrencyCode, timezone: null },
      message: `Connected to ${name} (${channel.defaultCurrencyCode}): Vendure lists ${orders.totalItems} orders, ${customers.totalItems} customers and ${products.totalItems} products. Vendure has no shop time zone, so choose the one your shop works in.`,
    };
  } catch (error) {
    if (error instanceof ConnectorError) return { ok: false, message: error.message };
    throw error;
  }
}
