import type BetterSqlite3 from 'better-sqlite3';

export interface ServiceFinishContext {
  storeId: number;
  nowMs: number;
}

/**
 * After the bulk load: what the service desk derives from the generated rows
 * (SLA clocks, feedback sentiment and topics, starter macros and articles),
 * computed by the same code the app uses, in the load's transaction.
 * Each area adds its one call here.
 */
export function finishServiceDesk(sqlite: BetterSqlite3.Database, context: ServiceFinishContext): void {
  void sqlite;
  void context;
}
