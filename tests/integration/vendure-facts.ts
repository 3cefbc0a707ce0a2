import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Backroom } from './vendure-backroom';
import type { VendurePeer } from './vendure/harness';

/** What the Vendure server itself says it holds, read from its Admin API, to compare Backroom against. */
export interface ServerOrder {
  id: string;
  code: string;
  state: string;
  totalWithTax: number;
  currencyCode: string;
  customer: { id: string } | null;
  payments: { id: string; state: string; refunds: { total: number; state: string }[] }[];
  fulfillments: { id: string; state: string; trackingCode: string | null }[] | null;
}

export interface ServerFacts {
  products: number;
  customers: number;
  orders: Map<string, ServerOrder>;
}

const ORDER_PAGE = `query ($skip: Int!) { orders(options: { skip: $skip, take: 100, sort: { id: ASC }, filter: { active: { eq: false } } }) {
  totalItems items { id code state totalWithTax currencyCode customer { id }
    payments { id state refunds { total state } } fulfillments { id state trackingCode } } } }`;

export async function serverFacts(peer: VendurePeer): Promise<ServerFacts> {
  const counts = await peer.admin<{ products: { totalItems: number }; customers: { totalItems: number } }>(
    '{ products(options: { take: 1 }) { totalItems } customers(options: { take: 1 }) { totalItems } }');
  const orders = new Map<string, ServerOrder>();
  for (let skip = 0; ; skip += 100) {
    const page = await peer.admin<{ orders: { totalItems: number; items: ServerOrder[] } }>(ORDER_PAGE, { skip });
    for (const order of page.orders.items) orders.set(order.id, order);
    if (skip + 100 >= page.orders.totalItems) break;
  }
  return { products: counts.products.totalItems, customers: counts.customers.totalItems, orders };
}

/** Sum of totalWithTax per currency, as Vendure reports it. */
export function serverSums(facts: ServerFacts): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const order of facts.orders.values()) sums[order.currencyCode] = (sums[order.currencyCode] ?? 0) + order.totalWithTax;
  return sums;
}

export function localSums(backroom: Backroom): Record<string, number> {
  const rows = backroom.connection.sqlite
    .prepare<[number], { currency: string; total: number }>('SELECT currency, SUM(total_minor) AS total FROM orders WHERE store_id = ? GROUP BY currency')
    .all(backroom.storeId);
  return Object.fromEntries(rows.map((row) => [row.currency, row.total]));
}

export interface LocalOrder { external_id: string; status: string; financial_status: string; fulfillment_status: string; total_minor: number; refunded_minor: number }

export function localOrders(backroom: Backroom): Map<string, LocalOrder> {
  const rows = backroom.connection.sqlite
    .prepare<[number], LocalOrder>(
      'SELECT external_id, status, financial_status, fulfillment_status, total_minor, refunded_minor FROM orders WHERE store_id = ?')
    .all(backroom.storeId);
  return new Map(rows.map((row) => [row.external_id, row]));
}

/** Each earning order's points posted exactly once: [orders with an earn entry, earn entries, earning orders]. */
export function earnings(backroom: Backroom): { ordersEarned: number; earnEntries: number; earningOrders: number } {
  const { sqlite } = backroom.connection;
  const entries = sqlite.prepare<[], { n: number; orders: number }>(
    `SELECT count(*) AS n, count(DISTINCT order_id) AS orders FROM points_ledger WHERE entry_type = 'earn'`).get()!;
  const earning = sqlite.prepare<[number], { n: number }>(
    `SELECT count(*) AS n FROM orders WHERE store_id = ? AND customer_id IS NOT NULL AND status <> 'cancelled'
       AND financial_status IN ('paid', 'partially_refunded', 'refunded')`).get(backroom.storeId)!;
  return { ordersEarned: entries.orders, earnEntries: entries.n, earningOrders: earning.n };
}

/** Adds figures to test-results/vendure-figures.json (several test files write to it) and prints them. */
export function recordFigures(figures: Record<string, unknown>): void {
  const dir = join(process.cwd(), 'test-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'vendure-figures.json');
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch { /* first writer */ }
  try {
    current.peerInstall = JSON.parse(readFileSync(join(dir, 'vendure-install.json'), 'utf8')) as unknown;
  } catch { /* installed before this run: no figure */ }
  const merged = { ...current, ...figures, updatedAt: new Date().toISOString() };
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  console.log(`vendure figures: ${JSON.stringify(figures)}`);
}
