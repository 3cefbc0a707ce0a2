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
