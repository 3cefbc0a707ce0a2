import type { ImportResult } from '../../../shared/contract/sync';
import { AppError } from '../../../shared/errors';
import type { HandlerContext } from '../../core/handler';
import type { Sqlite } from '../../db/connection';
import { applyRecords } from '../apply';
import type { RemoteCustomer, RemoteRecord } from '../model';
import { linkCustomers } from './customers';
import { createCsvStore, recordImportedFile, storeNameFor } from './files';
import { prepareImport, type ImportInput } from './prepare';
import type { ReadOrderEntry } from './reading';

/** Orders per transaction: large enough to be quick, small enough not to hold the database for long. */
export const IMPORT_BATCH_ORDERS = 500;

/**
 * `import.run`: problem rows are reported and skipped, every good order is
 * applied through the same apply step as a sync (idempotent upserts that skip
 * records not newer than stored), 500 orders per transaction, and the file is
 * recorded with the last batch, so the same file again writes nothing. A run
 * cut short leaves whole batches; running it again completes it without
 * duplicating anything.
 */
export function runImport(input: ImportInput, ctx: HandlerContext): ImportResult {
  const { sqlite } = ctx;
  const now = ctx.now();
  const { store, hash, importedInto, reading } = prepareImport(input, ctx);
  const problems = [...reading.problems];
  if (importedInto !== null) {
    return { storeId: importedInto, created: 0, updated: 0, unchanged: reading.orders.length, problems };
  }
  if (reading.orders.length === 0) {
    throw new AppError('VALIDATION',
      `No order in the file could be imported, so nothing was written. ${problems.slice(0, 3).map((p) => p.message).join(' ')}`);
  }
  let storeId = store?.id ?? null;
  let newCustomers: Map<number, RemoteCustomer> | undefined;
  const result: ImportResult = { storeId: 0, created: 0, updated: 0, unchanged: 0, problems };
  const jobId = `import:${hash.slice(0, 12)}`;
  const total = reading.orders.length;
  for (let start = 0; start < total; start += IMPORT_BATCH_ORDERS) {
    const batch = reading.orders.slice(start, start + IMPORT_BATCH_ORDERS);
    const last = start + IMPORT_BATCH_ORDERS >= total;
    sqlite.transaction(() => {
      if (storeId === null) {
        storeId = createCsvStore(sqlite, storeNameFor(input.fileName, now), (reading.orders[0] as ReadOrderEntry).order.currency, now);
      }
      // Linked once for the whole file, so a customer is described by their latest order in it.
      newCustomers ??= linkCustomers(sqlite, storeId, reading.orders);
      const customerRecords: RemoteRecord[] = [];
      for (let at = start; at < start + batch.length; at += 1) {
        const record = newCustomers.get(at);
        if (record) customerRecords.push({ resource: 'customers', record });
      }
      if (customerRecords.length > 0) applyRecords(sqlite, storeId, customerRecords, [], { runId: null, now });
      const orderRecords: RemoteRecord[] = batch.map((entry) => ({ resource: 'orders', record: entry.order }));
      const counts = applyRecords(sqlite, storeId, orderRecords, [], { runId: null, now });
      result.created += counts.created;
      result.updated += counts.updated;
      result.unchanged += counts.unchanged;
      if (counts.quarantined > 0) problems.push(...setAside(sqlite, storeId, batch));
      if (last) {
        recordImportedFile(sqlite, {
          storeId, format: input.format, fileName: input.fileName ?? null, hash, rows: reading.dataRows, staffId: input.staffId, at: now,
        });
      }
    })();
    ctx.emit('job.progress', { jobId, kind: 'import', done: Math.min(start + IMPORT_BATCH_ORDERS, total), total });
  }
  problems.sort((a, b) => a.row - b.row);
  // Set by the first batch (there is at least one order); TypeScript cannot see through the closure.
  result.storeId = storeId as unknown as number;
  ctx.emit('job.finished', { jobId, kind: 'import', ok: true });
  ctx.emit('data.changed', { areas: ['orders', 'customers', 'sync'] });
  return result;
}

/** Orders the apply step quarantined instead of writing, named with their rows and its reason. */
function setAside(sqlite: Sqlite, storeId: number, batch: readonly ReadOrderEntry[]): { row: number; message: string }[] {
  const stored = sqlite.prepare<[number, string], number>('SELECT 1 FROM orders WHERE store_id = ? AND external_id = ?').pluck();
  const reason = sqlite.prepare<[number, string], string>(
    `SELECT reason FROM sync_quarantine WHERE store_id = ? AND resource = 'orders' AND external_id = ? ORDER BY id DESC LIMIT 1`).pluck();
  return batch
    .filter((entry) => stored.get(storeId, entry.order.externalId) === undefined)
    .map((entry) => {
      const row = entry.rows[0] as number;
      const why = reason.get(storeId, entry.order.externalId) ?? 'it failed the checks before saving';
      return { row, message: `Row ${row}: order ${entry.order.orderNumber} was set aside (${why}); it is listed in the sync quarantine.` };
    });
}
