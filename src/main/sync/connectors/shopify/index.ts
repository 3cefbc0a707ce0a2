import type { ConnectionSettings, Connector, Credentials, Page, PageRequest, TestVerdict } from '../../connector';
import { ConnectorError } from '../../connector';
import { bulkPage, bulkToken, runBulkExport } from './bulk';
import { ShopifyClient, type ClientOptions } from './client';
import { fetchListingPage } from './pages';
import { pushToShopify } from './push';
import { SHOP_QUERY } from './queries';

/**
 * Shopify through the Admin GraphQL API, version 2025-10, with an Admin API
 * access token. Orders come back with their lines, transactions, refunds and
 * fulfillments (with tracking) in one paged query.
 */
export interface ShopifyConnectorOptions extends ClientOptions {
  /**
   * A first full order sync (no cursor yet) of a shop with more orders than
   * this runs as one bulk export instead of pages: at ~8 orders per 1,000-point
   * page a 100k-order shop would take hours of paced requests, while a bulk
   * export costs almost nothing and is one file. Below it, pages are quicker
   * than the export's start-up and polling.
   */
  bulkThreshold?: number;
  bulkPollMs?: number;
}

export const DEFAULT_BULK_THRESHOLD = 20_000;

/** Write scopes imply their read scope; read_all_orders widens read_orders beyond the last 60 days. */
const REQUIRED_SCOPES = ['read_orders', 'read_customers', 'read_products'];
const RECENT_ORDER_DAYS = 60;
/** What each write scope lets the outbox send. */
const WRITE_SCOPES = [
  { scope: 'write_orders', use: 'order notes, tags and refunds' },
  { scope: 'write_discounts', use: 'points coupons' },
  { scope: 'write_products', use: 'recommendation lists' },
];

interface ShopCheck {
  shop: { name: string; currencyCode: string; ianaTimezone: string };
  currentAppInstallation: { accessScopes: { handle: string }[] };
}

const ORDERS_COUNT_QUERY = 'query OrdersTotal { ordersCount(limit: null) { count precision } }';

export function createShopifyConnector(
  settings: ConnectionSettings,
  credentials: Extract<Credentials, { platform: 'shopify' }>,
  fetchImpl: typeof fetch = fetch,
): Connector {
  return createShopifyConnectorWith(settings, credentials, fetchImpl, {});
}

export function createShopifyConnectorWith(
  settings: ConnectionSettings,
  credentials: Extract<Credentials, { platform: 'shopify' }>,
  fetchImpl: typeof fetch,
  options: ShopifyConnectorOptions,
): Connector {
  const client = new ShopifyClient(settings.shopUrl, credentials.accessToken, fetchImpl, options);
  const bulkThreshold = options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD;

  async function firstFullOrderPage(request: PageRequest): Promise<Page | null> {
    const { ordersCount } = await client.request<{ ordersCount: { count: number } }>(ORDERS_COUNT_QUERY, {}, request.signal);
    if (ordersCount.count <= bulkThreshold) return null;
    const url = await runBulkExport(client, request.signal, options.bulkPollMs);
    return bulkPage(bulkToken(0, url), settings, fetchImpl, request.signal);
  }

  return {
    platform: 'shopify',
    resources: ['products', 'customers', 'orders'],

    async test(signal): Promise<TestVerdict> {
      try {
        const { shop, currentAppInstallation } = await client.request<ShopCheck>(SHOP_QUERY, {}, signal);
        const granted = new Set(currentAppInstallation.accessScopes.map((s) => s.handle));
        const missing = REQUIRED_SCOPES.filter((scope) => !granted.has(scope) && !granted.has(scope.replace('read_', 'write_')));
        const about = { name: shop.name, currency: shop.currencyCode, timezone: shop.ianaTimezone };
        if (missing.length > 0) {
          return { ok: false, shop: about, message: `Shopify connected, but the app needs the ${missing.join(', ')} scope${missing.length > 1 ? 's' : ''} to sync: add ${missing.length > 1 ? 'them' : 'it'} to the app's Admin API scopes and reinstall the app.` };
        }
        const recentOnly = granted.has('read_all_orders') ? '' : ` Without the read_all_orders scope Shopify shows only the last ${RECENT_ORDER_DAYS} days of orders, so older orders will be missing.`;
        // Pushes need write scopes; syncing does not, so their absence is said, not refused.
        const readOnly = WRITE_SCOPES.filter((write) => !granted.has(write.scope)).map((write) => write.use);
        const writes = readOnly.length ? ` Without write access Backroom cannot send ${readOnly.join(' or ')} to Shopify.` : '';
        return { ok: true, shop: about, message: `Connected to ${shop.name} (${shop.currencyCode}, ${shop.ianaTimezone}).${recentOnly}${writes}` };
      } catch (error) {
        if (error instanceof ConnectorError) return { ok: false, message: error.message };
        throw error;
      }
    },

    async fetchPage(request) {
      if (request.pageToken?.startsWith('bulk:')) {
        try {
          return await bulkPage(request.pageToken, settings, fetchImpl, request.signal);
        } catch (error) {
          // Shopify's export URLs expire after a week: a sync resumed later than that lists from the start
          // instead (re-reading what it already has is harmless; not-newer rows are skipped).
          if (!(error instanceof ConnectorError && !error.retryable)) throw error;
          return fetchListingPage(client, settings, { ...request, pageToken: null });
        }
      }
      if (request.resource === 'orders' && request.since === null && request.pageToken === null) {
        const bulk = await firstFullOrderPage(request);
        if (bulk) return bulk;
      }
      return fetchListingPage(client, settings, request);
    },

    push: (item, signal) => pushToShopify(client, settings, item, signal),
    rateSignal: () => client.rateSignal(),
  };
}
