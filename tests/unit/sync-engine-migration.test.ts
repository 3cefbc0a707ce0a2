import { describe, expect, it } from 'vitest';
import { memoryDb } from '../helpers/db';

describe('migration 0014 (sync listing resume)', () => {
  it('adds the unfinished-listing columns to sync_state, empty for existing rows', async () => {
    const connection = await memoryDb();
    const columns = (connection.sqlite.prepare('PRAGMA table_info(sync_state)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining([
      'listing_since', 'listing_started_at', 'listing_page_token', 'listing_page', 'listing_max_updated_at', 'listing_max_external_id',
    ]));
    connection.sqlite.prepare(`INSERT INTO stores (id, platform, name, currency, created_at, updated_at) VALUES (1, 'demo', 'S', 'USD', '', '')`).run();
    connection.sqlite.prepare(`INSERT INTO sync_state (store_id, resource) VALUES (1, 'orders')`).run();
    expect(connection.sqlite.prepare('SELECT listing_started_at, listing_page_token FROM sync_state').get())
      .toEqual({ listing_started_at: null, listing_page_token: null });
    connection.close();
  });
});

describe('migration 0017 (outbox races)', () => {
  it('adds race_seen_at to the outbox, NULL until a push loses a race', async () => {
    const connection = await memoryDb();
    const columns = (connection.sqlite.prepare('PRAGMA table_info(outbox)').all() as { name: string; type: string }[]);
    expect(columns).toContainEqual(expect.objectContaining({ name: 'race_seen_at', type: 'TEXT' }));
    connection.sqlite.prepare(`INSERT INTO stores (id, platform, name, currency, created_at, updated_at) VALUES (1, 'shopify', 'S', 'USD', '', '')`).run();
    connection.sqlite.prepare(`INSERT INTO outbox (store_id, idempotency_key, operation, target_type, target_id, entity_key, payload, created_at)
      VALUES (1, 'k', 'order.note.set', 'order', 1, 'order:1', '{}', '2026-01-01T00:00:00.000Z')`).run();
    expect(connection.sqlite.prepare('SELECT race_seen_at FROM outbox').get()).toEqual({ race_seen_at: null });
    connection.close();
  });
});
