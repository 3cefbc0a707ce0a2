import { sql, type Kysely } from 'kysely';

/**
 * 0020 — logistics-core (issue 7): indexes behind the shipments list and the
 * exceptions queue, so both read a page (or the few shipments in trouble)
 * instead of every shipment the shop ever sent.
 * - each list sort gets an index on exactly the expression it orders by, with
 *   the id as tie-breaker (keyset cursors); the default sort also carries the
 *   columns its filters test, so a filtered walk never touches the table;
 * - tracking numbers are searched by prefix;
 * - the exceptions queue reads shipments not delivered (every kind but
 *   disputed) from one partial index that carries every column its kinds and
 *   filters test: delivered parcels are nearly all of the table, so the queue
 *   reads a few percent of it without touching a row; disputed parcels
 *   (delivered) have their own partial index;
 * - the dashboard's transit histograms over a long range (months, all time)
 *   read rollup_delivery_days in the order they are grouped (one basis, by
 *   carrier and destination, then days), so the sums stream out of the index
 *   instead of sorting every row of every day first.
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const statements = [
  `CREATE INDEX shipments_shipped_sort
     ON shipments (coalesce(shipped_at, created_at), id, status, carrier, destination_country, store_id)`,
  `CREATE INDEX shipments_last_event_sort ON shipments (coalesce(last_event_at, shipped_at, created_at), id)`,
  `CREATE INDEX shipments_estimated_sort ON shipments (coalesce(estimated_delivery_at, '9999-12-31'), id)`,
  `CREATE INDEX shipments_tracking_number ON shipments (tracking_number) WHERE tracking_number IS NOT NULL`,
  `CREATE INDEX shipments_open_queue
     ON shipments (carrier, status, destination_country, store_id, original_estimated_delivery_at, estimated_delivery_at,
       delivered_at, last_event_at, shipped_at, created_at, disputed_at, removed_remotely_at)
     WHERE status <> 'Delivered'`,
  `CREATE INDEX shipments_disputed ON shipments (disputed_at, id) WHERE disputed_at IS NOT NULL`,
  `CREATE INDEX rollup_delivery_days_histogram
     ON rollup_delivery_days (basis, carrier, country, region, metric, days, store_id, day, shipments)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
