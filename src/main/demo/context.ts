import type BetterSqlite3 from 'better-sqlite3';
import { BulkInserter } from './bulk-insert';
import { tableColumns } from './columns';
import type { Random } from './random';

export type DemoTableName = keyof ReturnType<typeof tableColumns>;
export type DemoTables = Record<DemoTableName, BulkInserter>;

/** Every table the generator fills, parents before children. */
export const DEMO_TABLES: readonly DemoTableName[] = [
  'products', 'customers', 'orders', 'order_lines', 'payments', 'refunds', 'shipments', 'tracking_events',
  'points_ledger', 'tickets', 'ticket_messages', 'feedback', 'returns', 'return_lines',
];

export function createTables(sqlite: BetterSqlite3.Database, storeId: number, currency: string): DemoTables {
  const columns = tableColumns(storeId, currency);
  const tables = {} as DemoTables;
  for (const name of DEMO_TABLES) tables[name] = new BulkInserter(sqlite, name, columns[name]);
  return tables;
}

/** What every part of the generator shares while one store is made. */
export interface DemoContext {
  rng: Random;
  storeId: number;
  currency: string;
  /** Window of the store's history: orders fall in [startMs, nowMs). */
  startMs: number;
  nowMs: number;
  tables: DemoTables;
  /** Staff who answer tickets. */
  agentIds: number[];
}
