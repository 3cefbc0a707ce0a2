import { sql, type Kysely } from 'kysely';

/**
 * 0025 — which items a parcel holds, for the parcels staff record in Backroom
 * (shipments.create). Without it "what is not yet shipped" of an order line
 * cannot be answered, so a second tracking number could claim items already
 * sent. Marketplace fulfilments keep their lines on the marketplace; only
 * local shipments write here. Cascades with its shipment. Also an index of
 * the shipments made in Backroom (external_id `local:…`).
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const statements = [
  `CREATE TABLE shipment_lines (
    shipment_id INTEGER NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
    order_line_id INTEGER NOT NULL REFERENCES order_lines(id) ON DELETE CASCADE,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (shipment_id, order_line_id)
  ) WITHOUT ROWID`,
  `CREATE INDEX shipment_lines_order_line ON shipment_lines (order_line_id)`,
  // The sync asks, for every fulfilment it has not seen, whether Backroom made it (adopt-local-shipment.ts):
  // only the few local rows are in this index, so on a large first sync that question costs next to nothing.
  `CREATE INDEX shipments_local ON shipments (order_id, store_id) WHERE external_id LIKE 'local:%'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
