import type BetterSqlite3 from 'better-sqlite3';
import { BulkInserter } from './bulk-insert';
import { tableColumns } from './columns';
import type { IdBases, OrderIds } from './ids';
import type { Random } from './random';

export type DemoTableName = keyof ReturnType<typeof tableColumns>;

/** Tables written order by order (in chunks, possibly by worker threads), parents first. */
export const ORDER_TABLES = [
  'customers', 'orders', 'order_lines', 'payments', 'refunds', 'shipments', 'tracking_events', 'tickets',
  'ticket_messages', 'feedback', 'returns', 'return_lines',
] as const satisfies readonly DemoTableName[];
export type OrderTableName = (typeof ORDER_TABLES)[number];
export type OrderTables = Record<OrderTableName, BulkInserter>;

/** Every table the generator fills. */
export const DEMO_TABLES: readonly DemoTableName[] = ['products', ...ORDER_TABLES, 'points_ledger'];

export function createInserters<N extends DemoTableName>(
  sqlite: BetterSqlite3.Database, names: readonly N[], storeId: number, currency: string,
): Record<N, BulkInserter> {
  const columns = tableColumns(storeId, currency);
  const tables = {} as Record<N, BulkInserter>;
  for (const name of names) tables[name] = new BulkInserter(sqlite, name, columns[name]);
  return tables;
}

/** What is fixed for the whole store, shared by every thread that writes part of it. */
export interface StoreSettings {
  seed: number;
  storeId: number;
  currency: string;
  /** The store's history: orders fall in [startMs, nowMs). */
  startMs: number;
  nowMs: number;
  /** Staff who answer tickets. */
  agentIds: number[];
  /** Ids continue above these (see ids.ts). */
  bases: IdBases;
  productBase: number;
  productCount: number;
}

/** What the parts of an order's generation share: the store, the tables, and the order being made. */
export interface DemoContext extends StoreSettings {
  tables: OrderTables;
  /** The current order's random stream. */
  rng: Random;
  /** The current order's ids. */
  ids: OrderIds;
}
