import type { Connector, OutboxItem, Page, PageRequest, PushResult, RateSignal } from '../../src/main/sync/connector';
import { ConnectorError } from '../../src/main/sync/connector';
import type { MalformedRecord, RemoteOrder, SyncResource } from '../../src/main/sync/model';

/** A remote order that passes sync-apply's checks; `total` = subtotal. */
export function remoteOrder(n: number, updatedAt: string, overrides: Partial<RemoteOrder> = {}): RemoteOrder {
  return {
    externalId: `o${n}`, orderNumber: `#${1000 + n}`, customerExternalId: null, customer: null, channel: 'online',
    status: 'completed', financialStatus: 'paid', fulfillmentStatus: 'fulfilled', currency: 'USD',
    subtotalMinor: 1000 + n, discountMinor: 0, shippingMinor: 0, taxMinor: 0, totalMinor: 1000 + n, refundedMinor: 0,
    paymentMethod: 'card', shippingCountry: 'US', shippingRegion: null, tags: [], placedAt: '2026-01-01T00:00:00.000Z',
    cancelledAt: null, updatedAt,
    lines: [{ externalId: `l${n}`, productExternalId: null, title: 'Mug', sku: 'MUG', quantity: 1, unitPriceMinor: 1000 + n, discountMinor: 0, totalMinor: 1000 + n }],
    payments: [], refunds: [], shipments: [],
    ...overrides,
  };
}

export type Failure = ConnectorError | 'hang';

/**
 * A marketplace in memory, listing orders changed at or after `since` in
 * (updatedAt, id) order like Shopify's UPDATED_AT sort, or by id like
 * WooCommerce's orderby=id; page tokens are offsets into that listing.
 */
export class FakeConnector implements Connector {
  readonly platform = 'woocommerce' as const;
  readonly resources: readonly SyncResource[] = ['orders'];
  orders = new Map<string, RemoteOrder>();
  pageSize = 3;
  order: 'updated' | 'id' = 'updated';
  /** Thrown (in order) by the next calls to fetchPage. */
  failures: Failure[] = [];
  pushFailures: (ConnectorError | PushResult)[] = [];
  requests: { since: string | null; pageToken: string | null }[] = [];
  pushed: OutboxItem[] = [];
  /** Called before each page is served: the place to change records "while paging". */
  beforePage: (pageIndex: number) => void = () => undefined;
  signal: RateSignal = { waitMs: 0, throttled: false };
  reportTotal = true;
  /** Records the fake could not map, served (once) with the next page. */
  malformed: MalformedRecord[] = [];
  /** Added to the reported total, to make the platform's count disagree. */
  totalBias = 0;
  private served = 0;

  put(order: RemoteOrder): void {
    this.orders.set(order.externalId, order);
  }

  verdict: { ok: boolean; message: string } = { ok: true, message: 'Connected to Test shop.' };

  async test(): Promise<{ ok: boolean; message: string }> {
    return this.verdict;
  }

  async fetchPage(request: PageRequest): Promise<Page> {
    this.requests.push({ since: request.since, pageToken: request.pageToken });
    const failure = this.failures.shift();
    if (failure === 'hang') {
      await new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
    } else if (failure) throw failure;
    this.beforePage(this.served++);
    const listing = [...this.orders.values()]
      .filter((o) => request.since === null || Date.parse(o.updatedAt) >= Date.parse(request.since))
      .sort((a, b) => this.order === 'id'
        ? Number(a.externalId.slice(1)) - Number(b.externalId.slice(1))
        : Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || a.externalId.localeCompare(b.externalId));
    const offset = request.pageToken ? Number(request.pageToken) : 0;
    const slice = listing.slice(offset, offset + this.pageSize);
    const next = offset + this.pageSize < listing.length ? String(offset + this.pageSize) : null;
    return {
      records: slice.map((record) => ({ resource: 'orders' as const, record: structuredClone(record) })),
      malformed: this.malformed.splice(0), nextPageToken: next, total: this.reportTotal ? listing.length + this.totalBias : null,
    };
  }

  async push(item: OutboxItem): Promise<PushResult> {
    const failure = this.pushFailures.shift();
    if (failure instanceof ConnectorError) throw failure;
    if (failure) return failure;
    this.pushed.push(item);
    return { ok: true };
  }

  rateSignal(): RateSignal {
    return this.signal;
  }
}

export const serverError = (): ConnectorError => new ConnectorError('The shop answered 503 Service Unavailable.', 'server', true, 503);
export const offline = (): ConnectorError => new ConnectorError('The shop could not be reached.', 'offline', true);
