import type { Connector, ConnectionSettings, Credentials, TestVerdict } from '../../connector';
import { ConnectorError } from '../../connector';
import { WooClient } from './client';
import { isObject } from './fields';
import { fetchWooPage } from './pages';
import { pushToWoo } from './push';

/**
 * WooCommerce REST API v3 (/wp-json/wc/v3): products, customers and orders
 * (with refunds and Shipment Tracking's tracking numbers), and the outbox's
 * notes, tags, refunds and coupons. See pages.ts for how listings are paged.
 */
export function createWooConnector(
  settings: ConnectionSettings,
  credentials: Extract<Credentials, { platform: 'woocommerce' }>,
  fetchImpl: typeof fetch = fetch,
  options: { timeoutMs?: number } = {},
): Connector {
  const client = new WooClient(settings.shopUrl, credentials, fetchImpl, options.timeoutMs ?? 30_000);
  return {
    platform: 'woocommerce',
    resources: ['products', 'customers', 'orders'],
    test: (signal) => testConnection(client, signal),
    fetchPage: (request) => fetchWooPage(client, request, settings.currency),
    push: (item, signal) => pushToWoo(client, item, settings.currency, signal),
    rateSignal: () => client.rateSignal(),
  };
}

/** The shop's name and time zone from the WordPress index (public), then the keys checked on WooCommerce's settings. */
async function testConnection(client: WooClient, signal: AbortSignal): Promise<TestVerdict> {
  try {
    const index = await client.request('GET', '', { signal });
    const site = isObject(index.body) ? index.body : {};
    const name = typeof site.name === 'string' && site.name !== '' ? site.name : new URL(client.url('').origin).host;
    const timezone = typeof site.timezone_string === 'string' && site.timezone_string !== '' ? site.timezone_string : null;
    const settings = await client.request('GET', 'settings/general', { signal });
    const currency = Array.isArray(settings.body)
      ? settings.body.find((setting) => isObject(setting) && setting.id === 'woocommerce_currency')
      : undefined;
    return {
      ok: true,
      shop: { name, currency: isObject(currency) && typeof currency.value === 'string' ? currency.value : null, timezone },
      message: `Connected to ${name}: WooCommerce accepted the keys.`,
    };
  } catch (error) {
    if (error instanceof ConnectorError && error.status === 404) {
      return { ok: false, message: `There is no WooCommerce shop at ${client.url('').origin}: check the shop address and that WordPress's permalinks are not set to "Plain".` };
    }
    if (error instanceof ConnectorError) return { ok: false, message: error.message };
    throw error;
  }
}
