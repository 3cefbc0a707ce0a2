import { createShopifyConnector } from '../connectors/shopify';
import { createWooConnector } from '../connectors/woocommerce';
import { createVendureConnector } from '../connectors/vendure';
import type { Connector, Credentials } from '../connector';
import { AppError } from '../../../shared/errors';

/** The connector for a store's platform, built from its settings and (unsealed) credentials. */
export function connectorFor(
  store: { platform: string; shopUrl: string; timezone: string; currency: string },
  credentials: Credentials,
  fetchImpl: typeof fetch = fetch,
): Connector {
  const settings = { shopUrl: store.shopUrl, timezone: store.timezone, currency: store.currency };
  if (store.platform !== credentials.platform) {
    throw new AppError('VALIDATION', `The saved credentials are for ${credentials.platform}, not ${store.platform}.`);
  }
  switch (credentials.platform) {
    case 'shopify':
      return createShopifyConnector(settings, credentials, fetchImpl);
    case 'woocommerce':
      return createWooConnector(settings, credentials, fetchImpl);
    case 'vendure':
      return createVendureConnector(settings, credentials, fetchImpl);
    default:
      throw new AppError('VALIDATION', `Backroom cannot sync ${store.platform} stores yet.`);
  }
}
