import { sql, type Kysely } from 'kysely';

/**
 * 0003 — orders workspace (filter and sort indexes, order tags, saved views).
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 *
 * - orders_placed_filters, orders_total and orders_number_natural: one per
 *   sort, led by the sort key, so a first page walks the index in order and
 *   stops after a page (tests/unit/orders-plan.test.ts); the id right after
 *   the key keeps ties in page order with no sort. Each also carries the
 *   filter columns, so the walk tests status, payment, fulfilment, channel,
 *   store, date and total on the index entry and reads the table only for the
 *   rows it returns: a filter matching 0.3% of 1M orders walks 17k entries in
 *   about a millisecond instead of seeking 17k table rows (bench `orders`).
 *   orders_placed (0001) stays as it is for the dashboard's aggregates.
 * - tickets_order and return_lines_return serve the order drawer by key.
 * - order_tags mirrors the JSON tag lists of orders, one row per (order, tag,
 *   source), so the tag filter is an index lookup instead of parsing JSON in
 *   every row. Triggers keep it in step with orders whoever writes them (sync,
 *   the demo generator, orders.update); the WHEN clauses keep the untagged
 *   majority of a bulk load free of any trigger work.
 * - saved_views: named filters and sorts per workspace area.
 */
const FILTER_COLUMNS = 'status, financial_status, fulfillment_status, payment_method, channel, store_id';

const tagRows = (json: string, source: 'remote' | 'local') =>
  `SELECT NEW.id, value, '${source}' FROM json_each(CASE WHEN json_valid(${json}) THEN ${json} ELSE '[]' END)
    WHERE type = 'text' AND value <> ''`;

const statements: string[] = [
  `CREATE INDEX orders_placed_filters ON orders (placed_at, id, ${FILTER_COLUMNS}, total_minor)`,
  `CREATE INDEX orders_total ON orders (total_minor, id, ${FILTER_COLUMNS}, placed_at)`,
  `CREATE INDEX orders_number_natural ON orders (length(order_number), order_number, id, ${FILTER_COLUMNS}, placed_at, total_minor)`,
  `CREATE INDEX tickets_order ON tickets (order_id)`,
  `CREATE INDEX return_lines_return ON return_lines (return_id)`,
  `CREATE TABLE order_tags (
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('remote','local')),
    PRIMARY KEY (order_id, tag, source)
  )`,
  `CREATE INDEX order_tags_tag ON order_tags (tag, order_id)`,
  `INSERT OR IGNORE INTO order_tags (order_id, tag, source)
     SELECT o.id, j.value, 'remote' FROM orders o, json_each(o.remote_tags) j
      WHERE o.remote_tags <> '[]' AND json_valid(o.remote_tags) AND j.type = 'text' AND j.value <> ''`,
  `INSERT OR IGNORE INTO order_tags (order_id, tag, source)
     SELECT o.id, j.value, 'local' FROM orders o, json_each(o.local_tags) j
      WHERE o.local_tags <> '[]' AND json_valid(o.local_tags) AND j.type = 'text' AND j.value <> ''`,
  `CREATE TRIGGER order_tags_on_insert AFTER INSERT ON orders
     WHEN NEW.remote_tags <> '[]' OR NEW.local_tags <> '[]'
   BEGIN
     INSERT OR IGNORE INTO order_tags (order_id, tag, source) ${tagRows('NEW.remote_tags', 'remote')};
     INSERT OR IGNORE INTO order_tags (order_id, tag, source) ${tagRows('NEW.local_tags', 'local')};
   END`,
  `CREATE TRIGGER order_tags_on_remote_update AFTER UPDATE OF remote_tags ON orders
     WHEN NEW.remote_tags IS NOT OLD.remote_tags
   BEGIN
     DELETE FROM order_tags WHERE order_id = NEW.id AND source = 'remote';
     INSERT OR IGNORE INTO order_tags (order_id, tag, source) ${tagRows('NEW.remote_tags', 'remote')};
   END`,
  `CREATE TRIGGER order_tags_on_local_update AFTER UPDATE OF local_tags ON orders
     WHEN NEW.local_tags IS NOT OLD.local_tags
   BEGIN
     DELETE FROM order_tags WHERE order_id = NEW.id AND source = 'local';
     INSERT OR IGNORE INTO order_tags (order_id, tag, source) ${tagRows('NEW.local_tags', 'local')};
   END`,
  `CREATE TABLE saved_views (
    id INTEGER PRIMARY KEY,
    area TEXT NOT NULL,
    name TEXT NOT NULL,
    query TEXT NOT NULL CHECK (json_valid(query)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (area, name)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
