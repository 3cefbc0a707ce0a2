import type { Connector, Page } from '../../../src/main/sync/connector';
import type { MalformedRecord, RemoteRecord, SyncResource } from '../../../src/main/sync/model';
import { createShopifyConnectorWith, type ShopifyConnectorOptions } from '../../../src/main/sync/connectors/shopify';
import { startShopifyServer } from './index';

/** Test helpers: a server with a connector pointed at it, and a loop that reads a whole listing. */
export type ShopifyServer = Awaited<ReturnType<typeof startShopifyServer>>;

/** A budget large enough that tests not about pacing never wait for it. */
export const ROOMY_BUDGET = { maximum: 1_000_000, restorePerSecond: 1_000_000 };

export function connectorFor(server: ShopifyServer, options: ShopifyConnectorOptions = {}, token = server.accessToken): Connector {
  return createShopifyConnectorWith({ shopUrl: server.url, timezone: 'America/New_York', currency: 'USD' },
    { platform: 'shopify', accessToken: token }, fetch, { bulkThreshold: Infinity, ...options });
}

export interface Drained {
  records: RemoteRecord[];
  malformed: MalformedRecord[];
  pages: Page[];
}

export async function drain(connector: Connector, resource: SyncResource, since: string | null = null,
  onPage?: (page: Page, index: number) => void): Promise<Drained> {
  const signal = new AbortController().signal;
  const out: Drained = { records: [], malformed: [], pages: [] };
  let pageToken: string | null = null;
  do {
    const page = await connector.fetchPage({ resource, since, pageToken, signal });
    out.records.push(...page.records);
    out.malformed.push(...page.malformed);
    out.pages.push(page);
    onPage?.(page, out.pages.length - 1);
    pageToken = page.nextPageToken;
  } while (pageToken !== null);
  return out;
}

export const minorOf = (amount: string): number => Math.round(Number(amount) * 100);
