import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import type { MalformedRecord, RemoteRecord, SyncResource } from '../model';
import { applyCustomer } from './customers';
import { applyOrder, type PageState } from './orders';
import { applyProduct } from './products';
import { quarantine, resolveApplied } from './quarantine';
import { readLoyaltySettings } from '../../domain/loyalty/settings';
import { inBulkApply, keepIndexesTheProgramReads, sequenceDeferred } from './deferred-indexes';
import { bulkIds } from './bulk-ids';
import { commitPageSequences, pageSequences, sequencesMark, undoSequences } from './bulk-sequence';
import { emptyPendingRows, writePendingRows } from './pending-rows';
import { canQueueEarnings, earnQueued } from './order-points';
import { prefetchPage } from './prefetch';
import { refreshTouchedRfm, renumberCustomerOrders } from './sequence';
import { prepared, type Outcome } from './statements';
import { customerProblem, orderProblem, productProblem } from './validate';

/**
 * The one way remote records reach the database, for the sync engine and CSV
 * imports alike: a page in one transaction (a savepoint when the caller already
 * holds one), upserts keyed by (store_id, external_id) that skip a record not
 * newer than what is stored, local-only fields left alone, bad records
 * quarantined with their reason while the rest of the page applies, and loyalty
 * points earned and reversed once through the loyalty area. If the database
 * itself fails, the whole page rolls back and the error goes to the caller.
 */
export interface ApplyCounts {
  created: number;
  updated: number;
  unchanged: number;
  quarantined: number;
}

export interface ApplyOptions {
  runId: number | null;
  now: Date;
}

const WHAT: Record<SyncResource, string> = { products: 'product', customers: 'customer', orders: 'order' };

function problemOf(item: RemoteRecord): string | null {
  if (item === null || typeof item !== 'object' || item.record === null || typeof item.record !== 'object') {
    return 'The record is empty.';
  }
  switch (item.resource) {
    case 'products': return productProblem(item.record);
    case 'customers': return customerProblem(item.record);
    case 'orders': return orderProblem(item.record);
    default: return `Records of kind "${String((item as { resource: unknown }).resource)}" are not synced.`;
  }
}

function applyOne(sqlite: Sqlite, page: PageState, item: RemoteRecord): Outcome {
  switch (item.resource) {
    case 'products': return applyProduct(sqlite, page.storeId, item.record, page.nowIso);
    case 'customers': return applyCustomer(sqlite, page.storeId, item.record, page.nowIso);
    case 'orders': return applyOrder(sqlite, page, item.record);
  }
}

/** SQLite result codes that mean "this record's data", not "this database": the record is quarantined. */
const RECORD_REFUSALS = new Set(['SQLITE_CONSTRAINT_CHECK', 'SQLITE_CONSTRAINT_NOTNULL', 'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_FOREIGNKEY']);

/** A sentence for a record the domain or a constraint refused; null for failures that must roll the page back. */
function refusalReason(error: unknown, resource: SyncResource): string | null {
  if (error instanceof AppError && error.code !== 'INTERNAL') {
    return `The ${WHAT[resource]} could not be applied: ${error.message}`;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && RECORD_REFUSALS.has(code)) {
    return `The database refused the ${WHAT[resource]} (${(error as Error).message}).`;
  }
  return null;
}

const externalIdOf = (item: RemoteRecord): string | null => {
  const id = (item?.record as { externalId?: unknown } | undefined)?.externalId;
  return typeof id === 'string' && id !== '' ? id : null;
};

function storeExists(sqlite: Sqlite, storeId: number): boolean {
  return prepared(sqlite, 'SELECT 1 FROM stores WHERE id = ?').get(storeId) !== undefined;
}

/** Thrown inside the fast attempt when a record needs its own savepoint: the page is retried record by record. */
class RecordRefused extends Error {}

export function applyRecords(
  sqlite: Sqlite,
  storeId: number,
  records: readonly RemoteRecord[],
  malformed: readonly MalformedRecord[],
  options: ApplyOptions,
): ApplyCounts {
  if (!storeExists(sqlite, storeId)) throw new AppError('NOT_FOUND', `There is no store with id ${storeId}.`);
  // Almost every page applies cleanly: it goes in one transaction without a savepoint per record
  // (a quarter of the time of a first sync went to SAVEPOINT / RELEASE). When the domain or a
  // constraint refuses a record, that attempt rolls back whole and the page is applied again
  // with a savepoint per record, so the refused one is undone alone and quarantined.
  try {
    return sqlite.transaction(() => applyPage(sqlite, storeId, records, malformed, options, false)).immediate();
  } catch (error) {
    if (!(error instanceof RecordRefused)) throw error;
    return sqlite.transaction(() => applyPage(sqlite, storeId, records, malformed, options, true)).immediate();
  }
}

function applyPage(
  sqlite: Sqlite,
  storeId: number,
  records: readonly RemoteRecord[],
  malformed: readonly MalformedRecord[],
  options: ApplyOptions,
  savepointPerRecord: boolean,
): ApplyCounts {
  const nowIso = options.now.toISOString();
  const page: PageState = {
    storeId, now: options.now, nowIso, customerIds: new Map(), productIds: new Map(), knownIds: null,
    touchedCustomers: new Set(),
    renumberCustomers: new Set(), storedOrders: null, storedShipments: null, loyaltySettings: null,
    sequenceDeferred: false, bulkSequences: null, earnLater: null, reverseLater: null,
    pendingRows: null,
  };
  if (!savepointPerRecord) page.pendingRows = emptyPendingRows(() => page.storedShipments);
  // A first backfill in bulk mode (deferred-indexes.ts): the program is read once for the page, and decides
  // whether the customer-keyed indexes must come back before it is applied.
  const bulk = inBulkApply(sqlite, storeId, 'orders');
  if (bulk) {
    page.loyaltySettings = readLoyaltySettings(sqlite);
    keepIndexesTheProgramReads(sqlite, page.loyaltySettings);
    page.knownIds = bulkIds(sqlite, storeId);
    page.sequenceDeferred = sequenceDeferred(sqlite);
    if (page.sequenceDeferred) page.bulkSequences = pageSequences(sqlite, storeId);
  }
  prefetchPage(sqlite, page, records);
  // With a savepoint per record, each record's points go with it; otherwise they are earned together at the end.
  if (!savepointPerRecord && page.storedOrders !== null && canQueueEarnings(sqlite, page)) {
    page.earnLater = [];
    page.reverseLater = [];
  }
  const counts: ApplyCounts = { created: 0, updated: 0, unchanged: 0, quarantined: 0 };
  const applied: Record<SyncResource, string[]> = { products: [], customers: [], orders: [] };
  const applyInSavepoint = sqlite.transaction((item: RemoteRecord) => applyOne(sqlite, page, item));

  const hold = (resource: SyncResource, externalId: string | null, reason: string, raw: unknown) => {
    quarantine(sqlite, storeId, options.runId, { resource, externalId, reason, raw }, nowIso);
    counts.quarantined++;
  };

  for (const bad of malformed) hold(bad.resource, bad.externalId, bad.reason, bad.raw);
  for (const item of records) {
    const resource = Object.hasOwn(WHAT, item?.resource ?? '') ? item.resource : 'orders';
    const problem = problemOf(item);
    if (problem !== null) {
      hold(resource, externalIdOf(item), problem, item?.record ?? item);
      continue;
    }
    const sequenceMark = page.bulkSequences ? sequencesMark(page.bulkSequences) : 0;
    try {
      counts[savepointPerRecord ? applyInSavepoint(item) : applyOne(sqlite, page, item)]++;
      applied[resource].push(externalIdOf(item)!);
    } catch (error) {
      const reason = refusalReason(error, resource);
      if (reason === null) throw error;
      if (!savepointPerRecord) throw new RecordRefused(reason);
      // The savepoint took back any placeholder rows these caches may name.
      page.customerIds.clear();
      page.productIds.clear();
      page.storedOrders = null;
      page.storedShipments = null;
      if (page.bulkSequences) undoSequences(page.bulkSequences, sequenceMark);
      hold(resource, externalIdOf(item), reason, item.record);
    }
  }
  try {
    writePendingRows(sqlite, page.pendingRows);
    earnQueued(sqlite, page);
  } catch (error) {
    // The records are fine one by one or not: the per-record attempt earns each with its own record and says which.
    if (refusalReason(error, 'orders') !== null) throw new RecordRefused('A row written with the page was refused.');
    throw error;
  }
  if (page.bulkSequences) commitPageSequences(page.bulkSequences, page.renumberCustomers);
  else if (!page.sequenceDeferred) renumberCustomerOrders(sqlite, page.renumberCustomers);
  for (const resource of Object.keys(applied) as SyncResource[]) {
    resolveApplied(sqlite, storeId, resource, applied[resource], nowIso);
  }
  // A first backfill's RFM is recomputed whole when it ends (finishBulkApply).
  if (!bulk) refreshTouchedRfm(sqlite, page.touchedCustomers, options.now);
  return counts;
}
