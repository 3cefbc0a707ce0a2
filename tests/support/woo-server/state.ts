import type { WooShipmentTracking } from './shipment-tracking';
import { wooGmt, wooLocal } from './clock';
import { GENERATED_FROM, dates, generateCustomers, generateOrder, generateProducts, money, seededRandom } from './generate';
import type { WooCoupon, WooCustomer, WooListed, WooNote, WooOrder, WooProduct, WooRefund } from './types';

export type WooResource = 'orders' | 'customers' | 'products';

/** Failures a test can switch on; each counter is used up one request at a time. */
export interface WooFailures {
  /** The next N API requests answer this status (503 by default) with a host's HTML page, as a busy host does. */
  serverErrors: number;
  serverErrorStatus: number;
  /** The next N API requests answer 429 with Retry-After. */
  rateLimited: number;
  retryAfterSeconds: number;
  /** The host drops the Authorization header (Apache with CGI/FastCGI does): only query-string keys get through. */
  stripAuthorization: boolean;
  /** Every API answer waits this long first. */
  slowMs: number;
  /** Orders served with a broken field (see `breakOrder`). */
  malformedOrderIds: Set<number>;
  /** After serving this page of an orders listing, that order is modified (it changes while being paged). */
  modifyWhilePaging: { afterPage: number; orderId: number } | null;
  /** The next N API writes (POST/PUT) are carried out, then the connection drops before the answer. */
  loseWriteAnswers: number;
}

export interface RecordedRequest { method: string; path: string; query: Record<string, string>; auth: 'basic' | 'query' | 'none' }

export class WooServerState {
  down = false;
  /** A read-only key is refused on every write, as WooCommerce does. */
  keyPermissions: 'read' | 'read_write' = 'read_write';
  readonly failures: WooFailures = {
    serverErrors: 0, serverErrorStatus: 503, rateLimited: 0, retryAfterSeconds: 2, slowMs: 0, stripAuthorization: false,
    malformedOrderIds: new Set(), modifyWhilePaging: null, loseWriteAnswers: 0,
  };
  readonly requests: RecordedRequest[] = [];
  readonly orders = new Map<number, WooOrder>();
  readonly customers = new Map<number, WooCustomer>();
  readonly products = new Map<number, WooProduct>();
  readonly refunds = new Map<number, WooRefund[]>();
  readonly notes = new Map<number, WooNote[]>();
  readonly coupons: WooCoupon[] = [];
  /** The Shipment Tracking extension is installed (its REST namespace answers); see shipment-tracking.ts. */
  shipmentTrackingInstalled = false;
  readonly shipmentTrackings = new Map<number, WooShipmentTracking[]>();
  /** The server's clock for every change it makes; tests may pin it. */
  clock: () => number = () => Date.now();
  private readonly modifiedMs = { orders: new Map<number, number>(), customers: new Map<number, number>(), products: new Map<number, number>() };
  private readonly random: () => number;
  private nextId = 1_000_000;

  constructor(readonly shop: { name: string; timezone: string; currency: string; consumerKey: string; consumerSecret: string },
    options: { orders: number; seed: number }) {
    this.random = seededRandom(options.seed);
    const products = generateProducts(Math.min(200, Math.max(20, Math.ceil(options.orders / 10))), this.random, shop.timezone);
    const customers = generateCustomers(Math.max(10, Math.ceil(options.orders / 4)), this.random, shop.timezone);
    for (const product of products) this.put('products', product);
    for (const customer of customers) this.put('customers', customer);
    const latest = Math.min(Date.now() - 86_400_000, GENERATED_FROM + options.orders * 1_800_000);
    const spacing = options.orders > 0 ? (latest - GENERATED_FROM) / options.orders : 0;
    const catalogue = { products, customers };
    const ceiling = Date.now() - 1000;
    for (let index = 0; index < options.orders; index++) {
      const created = GENERATED_FROM + Math.floor(index * spacing);
      this.insertOrder(1000 + index, created, Math.min(ceiling, created + Math.floor(this.random() * 3 * 86_400_000)), catalogue);
    }
  }

  /** The listing's records in id order with their modification instants. */
  listing(resource: WooResource): { record: WooListed; modifiedMs: number }[] {
    const map = this[resource] as Map<number, WooListed>;
    const times = this.modifiedMs[resource];
    return [...map.values()].map((record) => ({ record, modifiedMs: times.get(record.id)! }));
  }

  /** A new order placed now (or at `atMs`), as a checkout would. */
  addOrder(atMs: number = this.clock()): WooOrder {
    const ids = [...this.orders.keys()];
    const id = (ids.length ? Math.max(...ids) : 999) + 1;
    return this.insertOrder(id, atMs, atMs, { products: [...this.products.values()], customers: [...this.customers.values()] });
  }

  /** Changes an order the way an admin edit does: the change, then date_modified moves to now (or `atMs`). */
  modifyOrder(id: number, change: (order: WooOrder) => void = () => undefined, atMs: number = this.clock()): WooOrder {
    const order = this.mustGetOrder(id);
    change(order);
    this.touch('orders', id, atMs);
    return order;
  }

  /** Gives several records the very same date_modified (the tie a page boundary can split). */
  shareModified(resource: WooResource, ids: readonly number[], atMs: number): void {
    for (const id of ids) this.touch(resource, id, atMs);
  }

  touch(resource: WooResource, id: number, atMs: number): void {
    const record = (this[resource] as Map<number, WooListed>).get(id);
    if (!record) throw new Error(`No ${resource} record ${id} on the test server.`);
    Object.assign(record, dates('date_modified', atMs, this.shop.timezone));
    this.modifiedMs[resource].set(id, atMs);
  }

  mustGetOrder(id: number): WooOrder {
    const order = this.orders.get(id);
    if (!order) throw new Error(`No order ${id} on the test server.`);
    return order;
  }

  addRefund(orderId: number, amountMinor: number, reason: string, meta: { key: string; value: unknown }[] = [], atMs = this.clock()): WooRefund {
    const order = this.mustGetOrder(orderId);
    const refund: WooRefund = {
      id: this.newId(), date_created: wooLocal(atMs, this.shop.timezone), date_created_gmt: wooGmt(atMs),
      amount: money(amountMinor), reason, refunded_by: 1, refunded_payment: false,
      meta_data: meta.map((entry) => ({ id: this.newId(), ...entry })), line_items: [],
    };
    this.refunds.set(orderId, [refund, ...(this.refunds.get(orderId) ?? [])]);
    order.refunds = [{ id: refund.id, reason, total: `-${refund.amount}` }, ...order.refunds];
    const refundedMinor = order.refunds.reduce((sum, entry) => sum - Math.round(Number(entry.total) * 100), 0);
    if (refundedMinor >= Math.round(Number(order.total) * 100)) order.status = 'refunded';
    this.touch('orders', orderId, atMs);
    return refund;
  }

  addNote(orderId: number, note: string, customerNote: boolean, atMs = this.clock()): WooNote {
    this.mustGetOrder(orderId);
    const entry: WooNote = {
      id: this.newId(), author: 'system', date_created: wooLocal(atMs, this.shop.timezone), date_created_gmt: wooGmt(atMs),
      note, customer_note: customerNote,
    };
    this.notes.set(orderId, [entry, ...(this.notes.get(orderId) ?? [])]);
    return entry;
  }

  newId(): number {
    return this.nextId++;
  }

  private put(resource: WooResource, record: WooListed): void {
    (this[resource] as Map<number, WooListed>).set(record.id, record);
    this.modifiedMs[resource].set(record.id, Date.parse(`${record.date_modified_gmt}Z`));
  }

  private insertOrder(id: number, createdMs: number, modifiedMs: number,
    catalogue: { products: WooProduct[]; customers: WooCustomer[] }): WooOrder {
    const { order, refundMinor } = generateOrder(id, createdMs, modifiedMs, this.random, {
      timezone: this.shop.timezone, currency: this.shop.currency, ...catalogue,
    });
    this.put('orders', order);
    if (refundMinor > 0) {
      const refundedAt = Math.max(modifiedMs, Math.min(Date.now() - 1000, createdMs + 2 * 86_400_000));
      this.addRefund(id, refundMinor, order.status === 'refunded' ? 'Customer cancelled' : 'Damaged in transit', [], refundedAt);
    }
    return order;
  }
}

/** A copy of an order with a broken field: the total is not a number, as a buggy plugin might write it. */
export function breakOrder(order: WooOrder): Record<string, unknown> {
  return { ...order, total: 'twelve dollars' };
}
